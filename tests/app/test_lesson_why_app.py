"""Lesson step 1 through AppTest: the Why an LSTM view in place of the cells, its question, Reveal, the class vote."""

import json

from streamlit.testing.v1 import AppTest

from lstm.classroom import new_phone_id
from lstm.explorer.carry_view import DAY_ONE_LEFT, WHY_VIEW
from lstm.insights.carry import day_one_by_day, stretch
from lstm.unit.weights import PRESETS
from tests.app.test_class_vote_app import (  # noqa: F401 (the fixtures)
    data_folder,
    phone_page,
    press,
    store,
    teacher,
    texts,
)
from tests.app.test_explorer_app import open_app, query
from tests.app.test_lesson_app import question_radio
from tests.app.test_lesson_app import texts as panel_texts

RIGHT = DAY_ONE_LEFT.answer(PRESETS["trained"]).choice


def lesson_chart(app: AppTest) -> dict:
    """The step's figure: the plain RNN above the LSTM, three panels, one frame a day."""
    charts = [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]
    found = [chart for chart in charts if chart["layout"].get("xaxis3")]
    assert len(found) == 1, [chart["layout"].get("annotations") for chart in charts]
    return found[0]


def drawn_days(app: AppTest) -> int:
    return len(lesson_chart(app)["data"][0]["y"])


def test_step_1_shows_both_companies_through_both_units_at_day_1_before_the_answer():
    app = open_app(lesson="1")
    figure = lesson_chart(app)
    assert len(figure["frames"]) == WHY_VIEW.days and len(figure["data"]) == 10  # five lines for A, five for B
    assert drawn_days(app) == 1  # the class predicts before the days play
    # The unrolled cells and their prediction give way to the view; the full page is one link away.
    assert not any(block.value.startswith("#### Prediction") for block in app.markdown)
    assert not any(expander.label.startswith("Prediction:") for expander in app.expander)
    assert [link.proto.label for link in app.get("page_link")] == [
        "Other lengths, other w2 and trained weights on the Why an LSTM page"
    ]
    assert question_radio(app, 1).label == DAY_ONE_LEFT.prompt and len(question_radio(app, 1).options) == 4


def test_check_reveals_the_plain_rnns_fading_on_the_last_day():
    app = open_app(lesson="1")
    question_radio(app, 1).set_value(RIGHT).run()
    next(button for button in app.button if button.label == "Check").click().run()
    assert not app.exception
    assert drawn_days(app) == WHY_VIEW.days and "day" not in query(app)
    reach = day_one_by_day("rnn", stretch("B", WHY_VIEW.days), WHY_VIEW.rnn)
    company_b_rnn_reach = lesson_chart(app)["data"][8]  # B's lines after A's five: activation, two memories, reach
    assert company_b_rnn_reach["y"][-1] == float(f"{reach[-1]:.3g}")
    assert f"Right: **{DAY_ONE_LEFT.choices[RIGHT]}**." in panel_texts(app)
    assert "Your score: 1 of 6 right, 5 still to answer" in panel_texts(app)
    next(button for button in app.button if button.label == "Next lesson step").click().run()
    assert query(app)["lesson"] == "2" and not any(chart["layout"].get("xaxis3") for chart in map(
        json.loads, (chart.proto.spec for chart in app.get("plotly_chart"))))  # fmt: skip
    next(button for button in app.button if button.label == "Previous lesson step").click().run()
    assert drawn_days(app) == WHY_VIEW.days  # answered in this visit: the view opens at the answer again


def test_presenter_mode_reveals_step_1_without_a_choice():
    app = open_app(lesson="1", mode="present")
    assert drawn_days(app) == 1
    next(button for button in app.button if button.label == "Reveal the answer").click().run()
    assert f"The answer: **{DAY_ONE_LEFT.choices[RIGHT]}**." in panel_texts(app)
    assert drawn_days(app) == WHY_VIEW.days


def test_the_class_votes_on_step_1_from_its_phones(store):  # noqa: F811 (the fixture)
    app = press(teacher(lesson="1"), "Start a class vote")
    code, _key = app.session_state["class_vote"]
    phone = new_phone_id()
    store.join(code, phone)
    press(app, "Ask the class")
    asked = store.status(code, phone).round
    assert asked.step == "1" and len(asked.choices) == len(DAY_ONE_LEFT.choices)
    phone_app = phone_page(phone, code=code)
    assert DAY_ONE_LEFT.prompt in texts(phone_app)
    store.vote(code, phone, asked.id, str(RIGHT))
    press(app, "Show the votes")
    press(app, "Reveal the answer")
    assert drawn_days(app) == WHY_VIEW.days  # the view went to the last day, where the answer shows
    assert store.status(code, phone).right is True
    phone_app.run()
    assert f"Right: **{DAY_ONE_LEFT.choices[RIGHT]}**. Right after day 1" in texts(phone_app)
