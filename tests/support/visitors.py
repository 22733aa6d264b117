"""Many visitors at once in Chromium: each opens the explorer with days of their own, trains, and checks.

A crowd's time limit is not a constant: it is measured first, as one visitor's time for the same
journey on the same server, and scaled by the crowd's size, so a loaded machine gets more time and a
hung page still fails.
"""

from __future__ import annotations

import json
import re
import time
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from lstm.unit.forward import trace
from lstm.unit.weights import PRESETS
from tests.support.browser import ARTIFACTS, PATIENCE, patient_page, wait_for_app
from tests.support.page_messages import record_messages

PROGRESS = "[data-testid='stProgress']"
# Ten pages redrawing five times a second keep two cores busy, and a page's poll may come late:
# crowd servers get the production idle limit, not the short one of the other browser tests.
CROWD_IDLE_SECONDS = "60"
# Lines in a server's log that mean something went wrong for somebody.
TROUBLE = re.compile(r"Traceback|Exception|Error", re.IGNORECASE)
# A crowd of n may take this many times n single visitors' time: the server shares two cores between
# them (n visitors' work, done one after another, takes n times one visitor's), and the margin covers
# the page loads piling up at once. Capped below the crowd tests' own timeout (pytest-timeout), so a
# crowd that is too slow fails here, saying so, with its screenshots.
CROWD_MARGIN = 3
CROWD_TIMEOUT = 1800
CROWD_CAP = CROWD_TIMEOUT - 2 * PATIENCE


def own_days(visitor: int) -> tuple[float, ...]:
    """Days no other visitor has, so a mix-up between sessions shows as a wrong prediction."""
    return (round(0.05 * visitor, 2), 0.5, 0.25, 1.0)


def expected_prediction(days: tuple[float, ...]) -> str:
    return f"Prediction: {trace(days, PRESETS['trained']).prediction:.4f}"


@dataclass(frozen=True)
class LoadResult:
    """What a crowd of visitors met: how long until all were done, against one visitor alone, and memory."""

    visitors: int
    seconds: float
    one_visitor_seconds: float
    peak_server_memory_mb: float


class Deadline:
    """One limit for a whole journey: each wait gets what is left of it."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.ends = time.monotonic() + seconds

    def left(self) -> float:
        return max(1.0, self.ends - time.monotonic())

    def left_ms(self) -> float:
        return self.left() * 1000


def open_explorer(page, base: str, visitor: int) -> None:
    days = ",".join(f"{day:g}" for day in own_days(visitor))
    # Returns once the server answered; the page's own waits then give it the time it needs to draw.
    page.goto(f"{base}/?days={days}&weights=trained", wait_until="commit")


def open_pages(browser, visitors: int, limit: float = PATIENCE) -> list:
    """A context (its own cookies, its own session) and a page for each visitor, patient for `limit` seconds."""
    return [patient_page(browser, limit) for _ in range(visitors)]


def crowd_trains(pages: list, base: str, limit: float) -> None:
    """The visitors open the explorer, then all train at once; returns when all have finished."""
    deadline = Deadline(limit)
    for visitor, page in enumerate(pages):
        open_explorer(page, base, visitor)
    for visitor, page in enumerate(pages):
        wait_for_app(page, deadline.left())
        expect(page.get_by_text(expected_prediction(own_days(visitor)), exact=True)).to_be_visible(
            timeout=deadline.left_ms()
        )
    for page in pages:
        page.get_by_role("link", name="Training").click(timeout=deadline.left_ms())
    for page in pages:
        page.get_by_role("button", name="Train").click(timeout=deadline.left_ms())
    for visitor, page in enumerate(pages):
        # Any end, so that a run that stopped early fails at once and says how.
        page.wait_for_function(
            f'() => /Finished|Stopped|Failed|went wrong/.test(document.querySelector("{PROGRESS}")?.innerText)',
            timeout=deadline.left_ms(),
        )
        status = page.locator(PROGRESS).inner_text()
        assert "Finished" in status, f"visitor {visitor}: {status}"


def each_still_sees_their_own_days(pages, limit: float = PATIENCE) -> None:
    deadline = Deadline(limit)
    for visitor, page in enumerate(pages):
        explorer = page.get_by_role("link", name="Explorer")
        expect(explorer).to_be_visible(timeout=deadline.left_ms())
        explorer.click(timeout=deadline.left_ms())
        wait_for_app(page, deadline.left())
        expect(page.get_by_text(expected_prediction(own_days(visitor)), exact=True)).to_be_visible(
            timeout=deadline.left_ms()
        )


def one_visitor_seconds(browser, base: str) -> float:
    """One visitor alone, the crowd's journey: explorer, Training, a run to its end, back to the explorer."""
    with crowd(browser, 1, "one-visitor") as pages:
        began = time.monotonic()
        crowd_trains(pages, base, PATIENCE)
        each_still_sees_their_own_days(pages)
        return time.monotonic() - began


def crowd_limit(one_visitor: float, visitors: int) -> float:
    """Seconds a crowd of `visitors` may take, from one visitor's time on this machine and server."""
    limit = min(CROWD_MARGIN * visitors * one_visitor, CROWD_CAP)
    print(f"\none visitor took {one_visitor:.1f} s; a crowd of {visitors} may take {limit:.0f} s")
    return limit


def listen_for_trouble(page) -> list[str]:
    """What went wrong inside a page, as it happens: its errors, warnings and crashes, each with the moment."""
    trouble: list[str] = []
    began = time.monotonic()

    def note(what: str) -> None:
        trouble.append(f"{time.monotonic() - began:7.1f} s {what}")

    page.on("console", lambda message: message.type in ("error", "warning") and note(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: note(f"uncaught: {error}"))
    page.on("crash", lambda _: note("the page crashed"))
    page.on("framenavigated", lambda frame: frame == page.main_frame and note(f"at {frame.url}"))
    return trouble


@contextmanager
def crowd(browser, visitors: int, name: str, limit: float = PATIENCE):
    """`visitors` pages; on a failure each one's screenshot, log and last messages go to test-artifacts/; closed
    in any case, so a failed crowd leaves no pages polling the server (and training) under the tests after it."""
    pages = open_pages(browser, visitors, limit)
    troubles = [listen_for_trouble(page) for page in pages]
    messages = [record_messages(page) for page in pages]
    try:
        yield pages
    except BaseException:
        for visitor, page in enumerate(pages):
            failed = ARTIFACTS / f"failed-{name}-visitor-{visitor}"
            failed.with_suffix(".log").write_text("\n".join([page.url, *troubles[visitor]]) + "\n")
            failed.with_suffix(".messages.log").write_text("\n".join(messages[visitor]) + "\n")
            with suppress(PlaywrightError):  # a page too stuck to photograph must not hide the failure
                page.screenshot(path=str(failed.with_suffix(".png")), timeout=30_000)
        raise
    finally:
        for page in pages:
            page.context.close()


def save_figures(name: str, result: LoadResult) -> None:
    """Kept beside the screenshots, for the reliability figures in the docs."""
    (ARTIFACTS / f"load-{name}.json").write_text(json.dumps(asdict(result), indent=2))
    print(f"\n{name}: {result}")
