"""The lesson's first step: the Why an LSTM view with the video's plain RNN, and its question answered from numbers."""

import re

import pytest

from lstm.explorer.carry_view import DAY_ONE_LEFT, VANISHING_W2, WHY_VIEW
from lstm.explorer.handout import handout_html
from lstm.explorer.lesson import LESSON
from lstm.figures.why_lstm import reach_text
from lstm.insights.carry import day_one_by_day, stretch
from lstm.unit.rnn import VIDEO_WEIGHTS, RNNWeights
from lstm.unit.weights import PRESETS

NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def test_step_1_shows_both_companies_over_twelve_days_through_the_videos_plain_rnn():
    step = LESSON[0]
    assert step.view is WHY_VIEW and step.question is DAY_ONE_LEFT and step.weights == "trained"
    assert WHY_VIEW.days >= 12
    # The video's weights (lstm/unit/rnn.py), with its vanishing w2 of 0.5 in place of the unrolled example's -0.5.
    assert WHY_VIEW.rnn == RNNWeights(VIDEO_WEIGHTS.w1, 0.5, VIDEO_WEIGHTS.b1, VIDEO_WEIGHTS.w3, VIDEO_WEIGHTS.b2)
    assert VANISHING_W2 == 0.5 and WHY_VIEW.rnn == RNNWeights(1.8, 0.5, 0.0, 1.1, 0.0)


def test_the_answer_is_worked_out_from_the_plain_rnns_gradient():
    reach = day_one_by_day("rnn", stretch("B", 12), RNNWeights(1.8, 0.5, 0, 1.1, 0))
    assert reach[-1] == pytest.approx(0.000967, rel=1e-3)  # 1.1 × 0.5^11 × 1.8
    answer = DAY_ONE_LEFT.answer(PRESETS["trained"])
    assert reach[-1] / reach[0] < 0.001
    assert DAY_ONE_LEFT.choices[answer.choice] == "Less than a thousandth of it"
    # The why says the numbers the figure's captions say for Company B on day 1 and on day 12.
    assert f"by {reach_text(reach[0])};" in answer.why and f"by {reach_text(reach[-1])}," in answer.why
    assert "0.5 to the power 11 is 0.00049" in answer.why


def test_the_answer_does_not_depend_on_the_lstms_weights():
    """The question asks about the plain RNN: editing the LSTM's weights on the page changes nothing of it."""
    assert DAY_ONE_LEFT.answer(PRESETS["seed"]) == DAY_ONE_LEFT.answer(PRESETS["trained"])


def test_the_prompt_names_the_views_days_and_the_story_does_not_give_the_answer():
    step = LESSON[0]
    assert f"After {WHY_VIEW.days} days" in DAY_ONE_LEFT.prompt
    assert f"stretched to {WHY_VIEW.days} days" in step.story and "w2, here 0.5" in step.story
    said = f"{step.story} {step.look_at}".lower()
    for choice in DAY_ONE_LEFT.choices:
        assert choice.lower() not in said
    assert "thousandth" not in said and "0.00" not in said


def test_the_recap_says_what_step_1_showed():
    reach = WHY_VIEW.rnn_day_one()
    assert f"over 12 days with w2 = 0.5 it kept {reach[-1] / reach[0]:.2g} of day 1" in LESSON[-1].story
    assert "0.00049" in LESSON[-1].story


def test_the_handout_asks_step_1s_question_and_answers_it_on_the_last_page():
    handout = handout_html()
    first = handout.split("<section>")[1]
    assert "Why a plain RNN forgets" in first and "After 12 days, how much of day 1" in first
    assert "Less than a thousandth of it" in first and "0.00049" not in first  # asked, not answered
    answers = handout.split("<section>")[-1]
    assert "Step 1: Less than a thousandth of it." in answers and "0.5 to the power 11 is 0.00049" in answers
    assert all(float(number) >= 0 for number in NUMBER.findall(first))
