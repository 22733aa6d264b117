"""What the class vote's browser tests share: a server to restart, phones at 390x844, and the projector's parts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import expect

from bench.served import free_port, start_streamlit, stop_process, wait_until_healthy
from tests.support.browser import PATIENCE, SCRIPT_DONE, wait_for_page

# The app itself: the class panel in presenter mode, the phone page at /vote.
CLASS_APP = "streamlit_app.py"
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
PROJECTOR = {"viewport": {"width": 1920, "height": 1080}}
ROUND = ".st-key-class_vote_round"  # the round's buttons, inside the lesson's question
LIVE = ".st-key-class_vote_live"  # the projector's counts and bars
CHOICES = ".st-key-vote_choices"  # a phone's answers
CELLS = ".st-key-unrolled_frame .main-svg"  # the unrolled unit, drawn
STAGE = ".figure-text .stage-caption"  # the stage's caption over the cells: it says where the cells stand
# A traceback, or Streamlit's own error box, anywhere in a page or a log.
TROUBLE = re.compile(r"Traceback|Exception in|Uncaught app exception")


@dataclass
class ClassServer:
    """`streamlit run` of the class app on a fixed port, stoppable and startable again (its database is a file)."""

    log_path: Path
    env: dict[str, str]
    port: int = field(default_factory=free_port)
    process: object = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        with self.log_path.open("a") as log:
            self.process = start_streamlit(log, self.port, self.env, script=CLASS_APP)
        wait_until_healthy(self.url, self.process, self.log_path, limit=PATIENCE)

    def stop(self) -> None:
        stop_process(self.process)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


def wait_for_cells(page) -> None:
    """The explorer has drawn the unrolled unit and its stage's caption, and its script run is over."""
    page.wait_for_selector(CELLS, timeout=PATIENCE * 1000)
    page.wait_for_selector(STAGE, timeout=PATIENCE * 1000)
    page.wait_for_function(SCRIPT_DONE, timeout=PATIENCE * 1000)


def stage_caption(page) -> str:
    return page.locator(STAGE).first.inner_text()


def no_trouble_on(page) -> None:
    """No traceback nor Streamlit's exception box on the page."""
    assert page.locator("[data-testid='stException']").count() == 0
    assert not TROUBLE.search(page.locator("body").inner_text())


def open_projector(browser, url: str, lesson: int):
    """The teacher's page at 1920x1080 in presenter mode on a lesson step, with a class started."""
    context = browser.new_context(**PROJECTOR)
    context.set_default_timeout(PATIENCE * 1000)
    page = context.new_page()
    page.goto(f"{url}/?mode=present&lesson={lesson}")
    wait_for_cells(page)
    page.get_by_role("button", name="Start a class vote").click()
    expect(page.locator(".st-key-class_vote_code")).to_have_text(re.compile(r"^[2-9A-Z]{5}$"))
    return page


def join_link(projector) -> str:
    """The join link the projector writes out (what the QR code holds)."""
    text = projector.locator(".st-key-class_vote_panel").get_by_text("Phones join at").inner_text()
    return re.search(r"(https?://\S+/vote\?code=[2-9A-Z]{5})", text).group(1)


def open_phone(browser, link: str):
    """A new phone (a context of its own, so its own browser storage) that opens the join link."""
    context = browser.new_context(**PHONE)
    context.set_default_timeout(PATIENCE * 1000)
    page = context.new_page()
    page.goto(link)
    wait_for_page(page)
    return page


def wait_for_waiting(phone) -> None:
    expect(phone.get_by_text("Waiting for the teacher to ask a question.")).to_be_visible()


def vote(phone, label: str) -> None:
    """Taps an answer and waits until the phone says it counted."""
    phone.locator(CHOICES).locator("button", has_text=label).click()
    expect(phone.get_by_text("Your vote:")).to_contain_text(label)


def press(projector, label: str) -> None:
    """Presses one of the class vote's round buttons on the projector."""
    projector.locator(ROUND).get_by_role("button", name=label).click()


def counted(projector, phones: int, voted: int) -> None:
    expect(projector.locator(LIVE)).to_contain_text(f"{phones} phones joined · {voted} voted")
