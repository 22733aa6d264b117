"""The class vote in Chromium: a projector and thirty phones at 390x844 run a question as peer instruction runs it,
hostile input and a server restart change nothing that should not change, and the phone page is accessible."""

import re

import pytest
from playwright.sync_api import expect

from lstm.classroom import NotAChoice, NotTeacher, RoundClosed, Store, TooManyChanges, database_url, make_engine
from lstm.explorer.lesson import LESSON
from lstm.unit.weights import PRESETS
from tests.support.axe import severe_findings
from tests.support.browser import ARTIFACTS, wait_for_page, wait_until
from tests.support.class_vote import (
    CHOICES,
    LIVE,
    ClassServer,
    counted,
    join_link,
    no_trouble_on,
    open_phone,
    open_projector,
    press,
    stage_caption,
    vote,
    wait_for_waiting,
)

STEP = 2
QUESTION = LESSON[STEP - 1].question
RIGHT = QUESTION.answer(PRESETS[LESSON[STEP - 1].weights]).choice
WRONG = (RIGHT + 1) % len(QUESTION.choices)
RIGHT_LABEL, WRONG_LABEL = QUESTION.choices[RIGHT], QUESTION.choices[WRONG]
CLASS = 30  # phones in the class


@pytest.fixture(scope="module")
def class_server(tmp_path_factory):
    """The class app on a port it keeps across a restart, its SQLite file in a temporary data folder."""
    data = tmp_path_factory.mktemp("class-vote-data")
    server = ClassServer(ARTIFACTS / "class-vote.log", {})
    # Phones in these tests reach the server where the projector does; a classroom's would use the network address.
    server.env = {"LSTM_EXPLORER_DATA": str(data), "LSTM_EXPLORER_PUBLIC_URL": server.url}
    server.log_path.write_text("")
    server.start()
    yield server
    server.stop()
    assert not re.search(r"Traceback", server.log()), server.log()


@pytest.fixture
def class_store(class_server):
    """The test's own view of the server's database, for what a script (not a page) would try."""
    return Store(make_engine(database_url(class_server.env)))


@pytest.fixture
def devices(browser):
    """Opened pages' contexts, closed after the test."""
    contexts = []
    yield contexts
    for context in contexts:
        context.close()


def phones_join(browser, link: str, count: int, devices: list) -> list:
    phones = []
    for _ in range(count):
        phone = open_phone(browser, link)
        devices.append(phone.context)
        phones.append(phone)
    for phone in phones:
        wait_for_waiting(phone)
    return phones


def test_thirty_phones_vote_twice_and_every_phone_reads_its_own_result(browser, class_server, devices):
    projector = open_projector(browser, class_server.url, STEP)
    devices.append(projector.context)
    projector.screenshot(path=str(ARTIFACTS / "class-vote-projector-started.png"))
    phones = phones_join(browser, join_link(projector), CLASS, devices)
    expect(projector.locator(LIVE)).to_contain_text(f"{CLASS} phones joined")

    press(projector, "Ask the class")
    first = [WRONG_LABEL] * 20 + [RIGHT_LABEL] * (CLASS - 20)
    for phone, label in zip(phones, first, strict=True):
        vote(phone, label)
    counted(projector, CLASS, CLASS)
    assert projector.locator(LIVE).locator("[data-testid='stProgress']").count() == 0, "no split before Show"
    press(projector, "Show the votes")
    expect(projector.locator(LIVE)).to_contain_text(f"{WRONG_LABEL}: 20 votes, 67%")

    press(projector, "Discuss, then vote again")
    second = [RIGHT_LABEL] * 25 + [WRONG_LABEL] * (CLASS - 25)
    for phone, label in zip(phones, second, strict=True):
        expect(phone.get_by_text("Tap your answer.")).to_be_visible()  # round 2 opened, no vote yet
        vote(phone, label)
    counted(projector, CLASS, CLASS)
    press(projector, "Show the votes")
    live = projector.locator(LIVE)
    expect(live.get_by_text("Second vote, after discussing")).to_be_visible()
    expect(live).to_contain_text(f"{WRONG_LABEL}: 20 votes, 67%")  # the first round beside the second: the shift
    expect(live).to_contain_text(f"{RIGHT_LABEL}: 25 votes, 83%")
    projector.screenshot(path=str(ARTIFACTS / "class-vote-projector-shift.png"))

    before = stage_caption(projector)
    press(projector, "Reveal the answer")
    wait_until(lambda: stage_caption(projector) != before, what="the cells to move to where the answer shows")
    expect(live).to_contain_text(f"{RIGHT_LABEL} (the answer): 25 votes")
    for phone, label in zip(phones, second, strict=True):
        verdict = "Right: " if label == RIGHT_LABEL else "Not quite: you chose"
        expect(phone.get_by_text(verdict)).to_be_visible()
        expect(phone.get_by_text("Your score:")).to_have_text(f"Your score: {int(label == RIGHT_LABEL)} of 1 right")
    projector.screenshot(path=str(ARTIFACTS / "class-vote-projector-revealed.png"))
    for page in (projector, phones[0], phones[-1]):
        no_trouble_on(page)


def test_hostile_codes_votes_and_reveals_are_refused_and_counted_nowhere(browser, class_server, class_store, devices):
    projector = open_projector(browser, class_server.url, STEP)
    devices.append(projector.context)
    link = join_link(projector)
    code = link.rsplit("=", 1)[1]
    phone = open_phone(browser, f"{class_server.url}/vote?code=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")
    devices.append(phone.context)
    expect(phone.get_by_text("That is not a class code.")).to_be_visible()
    for typed in ("<b>ABCDE</b>", "**ABCDE**", "[x](javascript:alert(1))", "ZZZZZ"):
        phone.get_by_role("textbox", name="Class code").fill(typed)
        phone.get_by_role("button", name="Join the class").click()
        said = "No class has the code ZZZZZ" if typed == "ZZZZZ" else "That is not a class code."
        expect(phone.get_by_text(said)).to_be_visible()
        assert phone.locator("b, img, a[href^='javascript']").count() == 0
    phone.get_by_role("textbox", name="Class code").fill(code.lower())
    phone.get_by_role("button", name="Join the class").click()
    wait_for_waiting(phone)

    press(projector, "Ask the class")
    vote(phone, WRONG_LABEL)
    with pytest.raises(NotTeacher):
        class_store.reveal(code, "not-the-key", str(RIGHT))
    with pytest.raises(NotTeacher):
        class_store.show(code, "")
    script = "x" * 8 + "-script"  # a phone that is a script, on the same protocol
    class_store.join(code, script)
    current = class_store.status(code, script).round
    assert current.takes_votes
    with pytest.raises(NotAChoice):
        class_store.vote(code, script, current.id, "7")
    refused = 0
    for tap in range(1000):  # a script tapping a thousand times: one vote, changed at most as often as allowed
        try:
            class_store.vote(code, script, current.id, str((RIGHT, WRONG)[tap % 2]))
        except TooManyChanges:
            refused += 1
    assert refused > 400  # every change past the limit (a tap for the vote it has already changes nothing)
    press(projector, "Show the votes")
    expect(projector.locator(LIVE)).to_contain_text("Round 1 is closed; its votes are shown.")
    with pytest.raises(RoundClosed):
        class_store.vote(code, script, current.id, str(WRONG))
    expect(projector.locator(LIVE)).to_contain_text("2 phones joined · 2 voted")
    expect(phone.get_by_text("The votes are closed. Waiting for the teacher.")).to_be_visible()
    no_trouble_on(phone)
    no_trouble_on(projector)


def look(phone, name: str) -> None:
    """The phone page as a student sees it: accessible, no sideways scroll at 390 px, kept as a screenshot."""
    wait_for_page(phone)
    assert severe_findings(phone) == []
    assert phone.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"), "sideways scroll"
    for button in phone.locator("[data-testid='stMainBlockContainer'] button").all():
        if button.is_visible():
            assert button.bounding_box()["height"] >= 44, button.inner_text()
    phone.screenshot(path=str(ARTIFACTS / f"class-vote-phone-{name}.png"))
    no_trouble_on(phone)


def test_the_phone_page_in_each_state_is_accessible_and_fits_a_phone(browser, class_server, devices):
    projector = open_projector(browser, class_server.url, STEP)
    devices.append(projector.context)
    link = join_link(projector)
    phone = open_phone(browser, f"{class_server.url}/vote")
    devices.append(phone.context)
    expect(phone.get_by_role("textbox", name="Class code")).to_be_visible()
    assert phone.locator("[data-testid='stNavigation'], .st-key-language_bar").count() == 0, "one task, no menu"
    look(phone, "no-code")
    phone.get_by_role("textbox", name="Class code").fill("<b>")
    phone.get_by_role("button", name="Join the class").click()
    expect(phone.get_by_text("That is not a class code.")).to_be_visible()
    look(phone, "bad-code")
    phone.goto(link)
    wait_for_waiting(phone)
    look(phone, "waiting")
    press(projector, "Ask the class")
    expect(phone.locator(CHOICES).locator("button")).to_have_count(len(QUESTION.choices))
    look(phone, "question")
    vote(phone, WRONG_LABEL)
    look(phone, "voted")
    press(projector, "Show the votes")
    expect(phone.get_by_text("The votes are closed. Waiting for the teacher.")).to_be_visible()
    look(phone, "closed")
    press(projector, "Reveal the answer")
    expect(phone.get_by_text("Not quite: you chose")).to_be_visible()
    look(phone, "revealed")
    projector.screenshot(path=str(ARTIFACTS / "class-vote-projector-one-phone.png"))


# Last in this file: the restart reloads the server, which the tests before it share.


def vote_after_reconnecting(phone, label: str) -> None:
    """A tap on a page that has just found its server again: a tap that lands in the moment before its new session
    has drawn the page is lost (the fragment it names is not known yet), and the student taps again."""

    def counted() -> bool:
        phone.locator(CHOICES).locator("button", has_text=label).click()
        try:
            expect(phone.get_by_text("Your vote:")).to_contain_text(label, timeout=10_000)
        except AssertionError:
            return False
        return True

    wait_until(counted, what=f"a tap on {label} to count after the restart")


def test_a_restart_mid_round_loses_no_vote_and_the_class_carries_on(browser, class_server, devices):
    projector = open_projector(browser, class_server.url, STEP)
    devices.append(projector.context)
    phones = phones_join(browser, join_link(projector), 3, devices)
    press(projector, "Ask the class")
    vote(phones[0], WRONG_LABEL)
    vote(phones[1], RIGHT_LABEL)
    counted(projector, 3, 2)

    class_server.stop()
    class_server.start()
    # Every page reconnects by itself to a new session: the phones keep their ids and the projector its class in
    # their browsers, and the votes cast before are all there.
    vote_after_reconnecting(phones[2], RIGHT_LABEL)
    counted(projector, 3, 3)
    press(projector, "Show the votes")
    live = projector.locator(LIVE)
    expect(live).to_contain_text(f"{RIGHT_LABEL}: 2 votes, 67%")
    expect(live).to_contain_text(f"{WRONG_LABEL}: 1 vote, 33%")
    expect(phones[0].get_by_text("The votes are closed. Waiting for the teacher.")).to_be_visible()
    expect(phones[0].get_by_text("Your vote:")).to_contain_text(WRONG_LABEL)
    for page in (projector, *phones):
        no_trouble_on(page)
