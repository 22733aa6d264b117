"""The lesson's questions: each answer follows from the unit's numbers for any weights, and says them."""

import random
import re

import pytest

from lstm.explorer.lesson import LESSON
from lstm.explorer.questions import (
    B_AGAINST_A_ON_DAY_2,
    B_FROM_DAY_1_TO_4,
    SAME,
    SPIKE,
    SPIKE_THEN_CALM,
    TRAINED_B,
    UNTRAINED_APART,
)
from lstm.explorer.state import ExplorerState
from lstm.unit.days import COMPANIES
from lstm.unit.stages import Position
from lstm.unit.weights import NAMES, PRESETS
from tests.support.reference import reference_trace

LONG, SHORT = 4, 5  # positions in a reference step
NUMBER = re.compile(r"-?\d+\.\d{4}")


def random_weights(rng: random.Random) -> dict[str, float]:
    return {name: rng.uniform(-3, 3) for name in NAMES}


def higher_lower_same(first: float, second: float) -> int:
    return 2 if abs(first - second) < SAME else 0 if first > second else 1


def nearest(value: float) -> int:
    """0: about 0, 1: about 0.5, 2: about 1."""
    return min(range(3), key=lambda index: abs(value - index / 2))


def far_from(value: float, *edges: float) -> bool:
    """Far enough from every edge that float32 and float64 cannot land on different sides."""
    return all(abs(value - edge) > 1e-4 for edge in edges)


def expected_answers(weights):
    """Every question's right choice, worked out from the plain-float unit, or None where a case sits on an edge."""
    a, b = reference_trace(COMPANIES["A"][0], weights), reference_trace(COMPANIES["B"][0], weights)
    spike = reference_trace(SPIKE, weights)
    day_2 = b[1][LONG] - a[1][LONG]
    grew = b[-1][LONG] - b[0][LONG]
    apart = abs(b[-1][SHORT] - a[-1][SHORT])
    if not (
        far_from(abs(day_2), SAME, 0)
        and far_from(abs(grew), SAME, 0)
        and far_from(apart, 0.1, 0.5)
        and far_from(b[-1][SHORT], 0.25, 0.75)
        and far_from(spike[-1][SHORT], 0.25, 0.75)
    ):
        return None
    return {
        B_AGAINST_A_ON_DAY_2: higher_lower_same(b[1][LONG], a[1][LONG]),
        B_FROM_DAY_1_TO_4: higher_lower_same(b[-1][LONG], b[0][LONG]),
        UNTRAINED_APART: 0 if apart < 0.1 else 1 if apart <= 0.5 else 2,
        TRAINED_B: nearest(b[-1][SHORT]),
        SPIKE_THEN_CALM: nearest(spike[-1][SHORT]),
    }


def test_the_answers_follow_the_numbers_for_random_weights():
    rng = random.Random(20)
    checked = 0
    while checked < 200:
        weights = random_weights(rng)
        expected = expected_answers(weights)
        if expected is None:
            continue
        for question, choice in expected.items():
            assert question.answer(weights).choice == choice, (question.prompt, weights)
        checked += 1


def test_every_choice_is_the_right_one_for_some_weights():
    """No question has an answer fixed in advance: over random weights each choice comes up."""
    rng = random.Random(7)
    seen = {question: set() for question in (B_AGAINST_A_ON_DAY_2, B_FROM_DAY_1_TO_4, UNTRAINED_APART)}
    for _ in range(400):
        weights = random_weights(rng)
        for question, choices in seen.items():
            choices.add(question.answer(weights).choice)
    assert all(choices == {0, 1, 2} for choices in seen.values())


def test_the_tutorials_weights_give_the_tutorials_answers():
    trained, seed = PRESETS["trained"], PRESETS["seed"]
    assert B_AGAINST_A_ON_DAY_2.choices[B_AGAINST_A_ON_DAY_2.answer(trained).choice] == "Higher"
    assert B_FROM_DAY_1_TO_4.choices[B_FROM_DAY_1_TO_4.answer(trained).choice] == "It grows"
    assert UNTRAINED_APART.answer(seed).choice == 0
    assert TRAINED_B.choices[TRAINED_B.answer(trained).choice] == "About 1"


@pytest.mark.parametrize("seed", range(5))
def test_each_why_says_the_numbers_it_rests_on(seed):
    weights = random_weights(random.Random(seed))
    a, b = reference_trace(COMPANIES["A"][0], weights), reference_trace(COMPANIES["B"][0], weights)
    said = [float(number) for number in NUMBER.findall(B_AGAINST_A_ON_DAY_2.answer(weights).why)]
    assert said[:2] == pytest.approx([b[1][LONG], a[1][LONG]], abs=1e-4)
    said = [float(number) for number in NUMBER.findall(B_FROM_DAY_1_TO_4.answer(weights).why)]
    assert said[:2] == pytest.approx([b[0][LONG], b[-1][LONG]], abs=1e-4)
    said = [float(number) for number in NUMBER.findall(UNTRAINED_APART.answer(weights).why)]
    assert said[:3] == pytest.approx([a[-1][SHORT], b[-1][SHORT], abs(b[-1][SHORT] - a[-1][SHORT])], abs=2e-4)
    said = [float(number) for number in NUMBER.findall(TRAINED_B.answer(weights).why)]
    assert said[:3] == pytest.approx([b[-1][SHORT], a[-1][SHORT], b[-1][LONG]], abs=1e-4)


def test_at_least_four_steps_ask_and_open_at_the_start():
    asking = [number for number, step in enumerate(LESSON, start=1) if step.question is not None]
    assert len(asking) >= 4
    for number in asking:
        assert ExplorerState().at_lesson_step(number).frame == 0  # no answer on the cells before it is asked
        assert len(set(LESSON[number - 1].question.choices)) == len(LESSON[number - 1].question.choices)


def test_no_title_or_story_answers_its_own_question():
    """A step's words come before its question: none names the answer's choice or says right or wrong."""
    for step in LESSON:
        if step.question is None:
            continue
        said = f"{step.title} {step.story}".lower()
        assert not any(word in said for word in (" right", " wrong", "grows", "shrinks", "higher", "lower")), said
        for choice in step.question.choices:
            assert choice.lower() not in said, (step.title, choice)


def test_company_b_is_on_the_lines_and_company_a_beside_it_in_every_step_that_compares():
    for step in LESSON:
        if step.days in (COMPANIES["A"][0], COMPANIES["B"][0]):
            assert step.days == COMPANIES["B"][0], step.title
            assert step.compare in (None, COMPANIES["A"][0]), step.title


def test_each_reveal_stands_on_the_day_its_question_asks_about():
    asks_about = {B_AGAINST_A_ON_DAY_2: 2, B_FROM_DAY_1_TO_4: 4}
    for step in LESSON:
        if step.question in asks_about:
            assert Position(step.frame).day_index + 1 == asks_about[step.question], step.title
            assert Position(step.frame).stage == "long-memory"


def test_the_spike_answer_says_what_the_numbers_show():
    """The trained unit's long-term memory climbs on the calm days (a latch); the answer says so with the numbers."""
    why = SPIKE_THEN_CALM.answer(PRESETS["trained"]).why
    spike = reference_trace(SPIKE, PRESETS["trained"])
    assert f"from {spike[0][LONG]:.4f} after day 1 to {spike[-1][LONG]:.4f} after day 6" in why
    assert "grows on days of 0" in why and "latches" in why
    faded = {**PRESETS["trained"], "blr1": -6.0}  # long-remember % near 0: day 1 is let go at once
    assert "forgotten" in SPIKE_THEN_CALM.answer(faded).why or "fades" in SPIKE_THEN_CALM.answer(faded).why


def test_the_recap_states_the_tutorials_numbers():
    """The closing step's numbers are the tutorial's (REFERENCE.md): predictions before and after training."""
    recap = LESSON[-1]
    assert recap.question is None and recap.compare == COMPANIES["A"][0]
    for number in ("42", "5,000", "-0.0377", "-0.0383", "0.0022", "0.9693", "-0.2023"):
        assert number in recap.story, number
