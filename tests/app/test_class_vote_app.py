"""The class vote through AppTest: the teacher's panel and rounds with phones voting through the store, the phone page's
states, and every refusal said as a message, never a traceback."""

import pytest
from streamlit.testing.v1 import AppTest

from lstm.classroom import Store, database_url, lan_addresses, make_engine, new_phone_id
from lstm.explorer.lesson import LESSON
from lstm.unit.weights import PRESETS
from tests.support.paths import REPO

APP = str(REPO / "streamlit_app.py")
STEP = 2  # the lesson step whose question the class votes on
QUESTION = LESSON[STEP - 1].question
RIGHT = str(QUESTION.answer(PRESETS[LESSON[STEP - 1].weights]).choice)
WRONG = str((int(RIGHT) + 1) % len(QUESTION.choices))
PHONE_PAGE = """
from lstm.ui import language, vote_page
language.apply()
vote_page.render()
"""


@pytest.fixture
def data_folder(tmp_path, monkeypatch):
    """Each test's own SQLite file: the app's store and the test's read the same database."""
    monkeypatch.setenv("LSTM_EXPLORER_DATA", str(tmp_path))
    monkeypatch.delenv("LSTM_EXPLORER_DATABASE_URL", raising=False)
    monkeypatch.delenv("LSTM_EXPLORER_PUBLIC_URL", raising=False)
    return tmp_path


@pytest.fixture
def store(data_folder):
    return Store(make_engine(database_url()))


def run(app: AppTest) -> AppTest:
    app.run()
    assert not app.exception, app.exception
    return app


def ours(app: AppTest) -> list:
    """The class vote's buttons and the phone page's (the lesson panel has a Reveal the answer of its own)."""
    return [button for button in app.button if (button.key or "").startswith(("class_vote", "vote_")) or not button.key]


def press(app: AppTest, label: str) -> AppTest:
    """Presses the enabled button of the class vote with this label."""
    found = [button for button in ours(app) if button.label == label and not button.disabled]
    assert found, f"no enabled button {label!r}: {[(b.label, b.disabled) for b in app.button]}"
    found[-1].click()
    return run(app)


def enabled(app: AppTest, label: str) -> bool:
    return any(button.label == label and not button.disabled for button in ours(app))


def texts(app: AppTest) -> str:
    kinds = (app.markdown, app.subheader, app.caption, app.success, app.warning, app.info, app.error)
    return "\n".join(str(block.value) for kind in kinds for block in kind)


def bars(app: AppTest) -> list[str]:
    return [element.proto.text for element in app.get("progress")]


def teacher(**query) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=60)
    for key, value in {"mode": "present", "lesson": str(STEP), **query}.items():
        app.query_params[key] = value
    return run(app)


def started(store: Store) -> tuple[AppTest, str, str]:
    app = press(teacher(), "Start a class vote")
    code, key = app.session_state["class_vote"]
    assert store.teacher_class(code, key).code == code
    return app, code, key


def joined_phones(store: Store, code: str, count: int) -> list[str]:
    phones = [new_phone_id() for _ in range(count)]
    for phone in phones:
        store.join(code, phone)
    return phones


def test_a_class_runs_as_peer_instruction_runs_it(store):
    app, code, _key = started(store)
    assert code in texts(app) and f"/vote?code={code}" in texts(app)
    assert len(app.get("image")) == 1, "the join link's QR code"
    phones = joined_phones(store, code, 3)
    run(app)
    assert "3 phones joined" in texts(app)
    assert not enabled(app, "Show the votes") and not enabled(app, "Reveal the answer")

    press(app, "Ask the class")
    first = store.status(code, phones[0]).round
    assert first.step == str(STEP) and first.choices == tuple(str(i) for i in range(len(QUESTION.choices)))
    for phone, choice in zip(phones[:2], (WRONG, WRONG), strict=True):
        store.vote(code, phone, first.id, choice)
    run(app)
    assert "3 phones joined · 2 voted" in texts(app)
    assert bars(app) == [], "no split before Show the votes"

    press(app, "Show the votes")
    assert any(text.startswith(f"{QUESTION.choices[int(WRONG)]}: 2 votes, 100%") for text in bars(app)), bars(app)
    assert not enabled(app, "Show the votes") and enabled(app, "Discuss, then vote again")

    press(app, "Discuss, then vote again")
    second = store.status(code, phones[0]).round
    assert second.number == 2 and second.takes_votes
    for phone in phones:
        store.vote(code, phone, second.id, RIGHT)
    run(app)
    assert "3 phones joined · 3 voted" in texts(app)
    assert not enabled(app, "Discuss, then vote again")
    press(app, "Show the votes")
    assert "**First vote**" in texts(app) and "**Second vote, after discussing**" in texts(app)
    assert any(text.startswith(f"{QUESTION.choices[int(RIGHT)]}: 3 votes, 100%") for text in bars(app)), bars(app)

    before = {name: app.query_params[name] for name in app.query_params}
    press(app, "Reveal the answer")
    after = {name: app.query_params[name] for name in app.query_params}
    assert before.get("day") == "0" and after != before, "the cells moved to where the answer shows"
    assert any(text.startswith(f"**{QUESTION.choices[int(RIGHT)]}** (the answer): 3 votes") for text in bars(app))
    revealed = store.status(code, phones[0])
    assert revealed.round.revealed and revealed.round.right == RIGHT and revealed.right is True
    assert revealed.round.weights == dict(PRESETS["trained"])
    assert "The answer is revealed on every phone." in texts(app)


def test_the_results_download_and_end_the_class_asks_first(store):
    app, code, key = started(store)
    press(app, "Ask the class")
    assert any(button.label == "Download the results (CSV)" for button in app.get("download_button"))
    press(app, "End the class")
    assert "End the class now? Its votes are deleted" in texts(app)
    press(app, "Keep the class")
    assert store.teacher_class(code, key)
    press(app, "End the class")
    press(app, "End the class now")
    assert enabled(app, "Start a class vote") and "class_vote" not in app.session_state
    with pytest.raises(Exception, match="No class has the code"):
        store.class_by_code(code)


def test_a_class_ended_elsewhere_is_let_go_of_with_its_message(store):
    app, code, key = started(store)
    store.end_class(code, key)  # from the second laptop, or its hours were up
    run(app)
    assert f"No class has the code {code}." in " ".join(error.value for error in app.error)
    assert enabled(app, "Start a class vote") and "class_vote" not in app.session_state


def test_the_teacher_link_gives_control_and_leaves_the_address(store):
    _, code, key = started(store)
    laptop = teacher(**{"class": code, "teacher": key})
    assert laptop.session_state["class_vote"] == (code, key)
    assert "teacher" not in laptop.query_params and "class" not in laptop.query_params
    assert code in texts(laptop) and enabled(laptop, "Ask the class")


def test_a_wrong_teacher_key_is_refused_with_a_message(store):
    _, code, _key = started(store)
    stranger = teacher(**{"class": code, "teacher": "not-the-key"})
    assert "class_vote" not in stranger.session_state
    assert "teacher" not in stranger.query_params
    assert [error.value for error in stranger.error] == ["Only the teacher who started this class can do that."]
    assert enabled(stranger, "Start a class vote")


def test_a_class_on_localhost_says_which_address_phones_need(store):
    app, code, _key = started(store)  # AppTest's page has no address: the panel takes it for localhost
    if lan_addresses():
        assert "--server.address 0.0.0.0" in texts(app)
        assert f"http://{lan_addresses()[0]}/vote?code={code}" in texts(app)
    else:
        assert "this computer has no network address phones could use" in texts(app)


def test_a_database_that_is_down_is_said_and_the_explorer_keeps_working(data_folder, monkeypatch):
    monkeypatch.setenv("LSTM_EXPLORER_DATABASE_URL", "postgresql+psycopg://nobody@127.0.0.1:9/none")
    app = press(teacher(), "Start a class vote")
    assert "cannot reach its database just now" in " ".join(error.value for error in app.error)
    assert any(block.value.startswith("#### Prediction") for block in app.markdown)
    phone = phone_page(code="ABCDE")
    assert "cannot reach its database just now" in " ".join(error.value for error in phone.error)


# The phone page


def phone_page(phone: str | None = None, **query) -> AppTest:
    app = AppTest.from_string(PHONE_PAGE, default_timeout=60)
    app.session_state["vote_phone"] = phone or new_phone_id()
    for name, value in query.items():
        app.query_params[name] = value
    return run(app)


def test_the_phone_page_waits_for_the_browser_to_name_the_phone(data_folder):
    app = run(AppTest.from_string(PHONE_PAGE, default_timeout=60))
    assert "Opening the class vote…" in texts(app) and not app.button


def test_the_phone_page_follows_the_rounds_and_votes_with_one_tap(store):
    code, key = store.start_class()
    phone = new_phone_id()
    app = phone_page(phone, code=code.lower())
    assert "Waiting for the teacher to ask a question." in texts(app)
    store.ask(code, key, str(STEP), tuple(str(i) for i in range(len(QUESTION.choices))))
    run(app)
    assert QUESTION.prompt in texts(app)
    choices = [button for button in app.button if button.key and button.key.startswith("vote_")]
    assert [button.label for button in choices] == list(QUESTION.choices)
    next(button for button in choices if button.label == QUESTION.choices[int(WRONG)]).click()
    run(app)
    assert store.status(code, phone).vote == WRONG
    assert f"Your vote: **{QUESTION.choices[int(WRONG)]}**" in texts(app)
    next(b for b in app.button if b.label == QUESTION.choices[int(RIGHT)]).click()
    run(app)
    assert store.status(code, phone).vote == RIGHT  # changed while the round is open
    store.show(code, key)
    run(app)
    assert "The votes are closed. Waiting for the teacher." in texts(app)
    assert not [button for button in app.button if button.key and button.key.startswith("vote_")]
    store.reveal(code, key, RIGHT, why="", weights=dict(PRESETS["trained"]))
    run(app)
    assert f"Right: **{QUESTION.choices[int(RIGHT)]}**. After day 2 Company B's long-term memory is" in texts(app)
    assert "Your score: 1 of 1 right" in texts(app)


def test_a_phone_that_voted_wrong_reads_the_answer_and_its_own_choice(store):
    code, key = store.start_class()
    phone = new_phone_id()
    store.join(code, phone)
    asked = store.ask(code, key, str(STEP), tuple(str(i) for i in range(len(QUESTION.choices))))
    store.vote(code, phone, asked.id, WRONG)
    store.reveal(code, key, RIGHT, weights=dict(PRESETS["trained"]))
    app = phone_page(phone, code=code)
    assert f"Not quite: you chose {QUESTION.choices[int(WRONG)]}; the answer is" in texts(app)
    assert "Your score: 0 of 1 right" in texts(app)


def test_a_tap_after_the_round_closed_is_refused_with_a_message(store):
    code, key = store.start_class()
    phone = new_phone_id()
    store.ask(code, key, str(STEP), ("0", "1", "2"))
    app = phone_page(phone, code=code)
    store.show(code, key)  # the round closes between the page drawing its buttons and the tap
    next(button for button in app.button if button.key and button.key.startswith("vote_")).click()
    run(app)
    assert "Voting on this question has closed." in " ".join(str(warning.value) for warning in app.warning), texts(app)
    assert store.counts(code, key).rounds[0].voted == 0


@pytest.mark.parametrize("typed", ["<b>X</b>", "**ABCDE**", "[x](javascript:alert(1))", "ABCDEF", "0OIl1"])
def test_a_code_that_is_no_code_is_said_once_and_another_can_be_typed(data_folder, typed):
    app = phone_page(code=typed)
    assert [error.value for error in app.error] == [
        "That is not a class code. A class code has five letters and digits, such as 7KQ4M."
    ]
    assert typed not in texts(app)
    assert app.text_input(key="vote_code_field").label == "Class code"


def test_an_unknown_or_ended_class_says_so_and_another_code_joins(store):
    app = phone_page(code="ABCDE")
    assert [error.value for error in app.error] == ["No class has the code ABCDE. Check the code with your teacher."]
    code, key = store.start_class()
    app.text_input(key="vote_code_field").input(f" {code.lower()[:2]}-{code.lower()[2:]} ")
    press(app, "Join the class")
    assert app.query_params["code"] == code and "Waiting for the teacher" in texts(app)
    store.end_class(code, key)
    run(app)
    run(app)  # the poll learns the class is gone, and the page asks for another code
    assert [error.value for error in app.error] == [f"No class has the code {code}. Check the code with your teacher."]
    app.text_input(key="vote_code_field").input("<script>")
    press(app, "Join the class")
    assert "That is not a class code." in " ".join(error.value for error in app.error)


def test_the_phone_page_speaks_the_phones_language(store):
    code, key = store.start_class()
    phone = new_phone_id()
    store.join(code, phone)
    store.ask(code, key, str(STEP), tuple(str(i) for i in range(len(QUESTION.choices))))
    store.reveal(code, key, RIGHT, weights=dict(PRESETS["trained"]))
    app = phone_page(phone, code=code, lang="de")
    assert "Die Antwort" in texts(app) or "Antwort" in texts(app), texts(app)
