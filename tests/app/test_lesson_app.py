"""Predict, then reveal, through the lesson's panel: a choice, Check, the answer on the cells, the visit's score."""

from lstm.explorer.lesson import LESSON
from lstm.ui.explorer_inputs import WEIGHTS_EDITOR
from lstm.unit.weights import PRESETS
from tests.app.test_explorer_app import open_app, prediction_text, query
from tests.support.apptest import open_folds


def question_radio(app, number: int):
    return app.radio(key=f"lesson_answer_{number}")


def radios_of(app, number: int) -> list:
    return [radio for radio in app.radio if radio.key == f"lesson_answer_{number}"]


def press(app, label: str) -> None:
    next(button for button in app.button if button.label == label).click().run()
    assert not app.exception, app.exception


def answer(app, number: int, right: bool) -> str:
    """Chooses the right (or a wrong) answer of step `number`, checks it, and returns the choice's text."""
    question = LESSON[number - 1].question
    correct = question.answer(PRESETS[LESSON[number - 1].weights]).choice
    choice = correct if right else (correct + 1) % len(question.choices)
    question_radio(app, number).set_value(choice).run()
    press(app, "Check")
    return question.choices[correct]


def texts(app) -> str:
    return " ".join(block.value for kind in (app.success, app.warning, app.info, app.caption) for block in kind)


def test_a_question_step_opens_at_the_start_and_check_reveals_on_the_cells():
    app = open_app(lesson="7")
    assert query(app)["day"] == "0"  # nothing computed on the cells yet
    assert any(expander.label.startswith("Prediction: not computed yet") for expander in app.expander)
    right = answer(app, 7, right=True)
    assert "day" not in query(app)  # the cells went to the end, where the answer shows
    assert prediction_text(app).startswith("#### Prediction: 0.9693")
    assert not any(expander.label.startswith("Prediction: not computed yet") for expander in app.expander)
    assert f"Right: **{right}**. Company B's prediction is 0.9693" in texts(app)
    assert not radios_of(app, 7)  # the choices gave way to the answer
    assert "Your score: 1 of 6 right, 5 still to answer" in texts(app)


def test_check_without_a_choice_asks_for_one_and_reveals_nothing():
    app = open_app(lesson="3")
    press(app, "Check")
    assert "Choose one of the answers first" in texts(app)
    assert query(app)["day"] == "0" and radios_of(app, 3)


def test_a_wrong_answer_says_both_and_the_score_keeps_the_visit():
    app = open_app(lesson="2")
    right = answer(app, 2, right=False)
    assert f"the answer is **{right}**" in texts(app) and "Not quite: you chose" in texts(app)
    press(app, "Next lesson step")
    answer(app, 3, right=True)
    assert "Your score: 1 of 6 right, 4 still to answer" in texts(app)
    press(app, "Previous lesson step")  # an answered step shows its answer again, on the cells too
    choices = LESSON[1].question.choices
    chosen = choices[(choices.index(right) + 1) % 3]
    assert f"Not quite: you chose {chosen}; the answer is **{right}**" in texts(app) and not radios_of(app, 2)
    assert query(app)["lesson"] == "2" and query(app)["day"] == "2"  # the reveal is on the day the question asked


def test_the_answer_follows_edited_weights():
    app = open_folds(open_app(lesson="7"), WEIGHTS_EDITOR)
    app.number_input(key="number_bo1").set_value(-6.0).run()  # the output gate shut: B's prediction falls
    question = LESSON[6].question
    weights = {**PRESETS["trained"], "bo1": -6.0}
    expected = question.answer(weights)
    answer_index = expected.choice
    question_radio(app, 7).set_value(answer_index).run()
    press(app, "Check")
    assert f"Right: **{question.choices[answer_index]}**" in texts(app)
    assert expected.why.split(" (")[0] in texts(app)


def test_presenter_mode_reveals_on_a_click_without_a_choice():
    app = open_app(lesson="5", mode="present")
    assert not [button for button in app.button if button.label == "Check"]
    press(app, "Reveal the answer")
    assert "The answer: **Less than 0.1 apart**" in texts(app)
    assert "Your score" not in texts(app)  # nobody chose: nothing to score yet


def test_leaving_asks_once_and_staying_keeps_the_step():
    app = open_app(lesson="4")
    press(app, "Leave the lesson")
    assert query(app)["lesson"] == "4"  # one press only asks
    assert "Leave the lesson at step 4? Starting it again begins at step 1." in texts(app)
    press(app, "Stay in the lesson")
    assert query(app)["lesson"] == "4" and "Leave the lesson at step 4?" not in texts(app)
    press(app, "Leave the lesson")
    press(app, "Leave the lesson now")
    assert "lesson" not in query(app) and query(app)["days"] == "1,0.5,0.25,1"


def test_the_question_is_named_in_plain_words_and_the_recap_closes_the_lesson():
    app = open_app(lesson="2")
    assert question_radio(app, 2).label == LESSON[1].question.prompt  # no asterisks read out as its name
    app = open_app(lesson=str(len(LESSON)))
    assert next(button for button in app.button if button.label == "Next lesson step").disabled
    assert query(app)["compare"] == "A" and query(app)["days"] == "1,0.5,0.25,1"
    assert any("0.9693" in block.value for block in app.markdown)


def test_the_panel_offers_the_handout_to_print():
    app = open_app(lesson="1")
    assert "Handout to print" in [button.label for button in app.get("download_button")]
