"""Many visitors at once in Chromium: each opens the explorer with days of their own, trains, and checks."""

from __future__ import annotations

import json
import re
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass

from playwright.sync_api import expect

from lstm.unit.cell import trace
from lstm.unit.weights import PRESETS
from tests.support.browser import ARTIFACTS, wait_for_app, wait_for_page

PROGRESS = "[data-testid='stProgress']"
# Ten pages redrawing five times a second keep two cores busy, and a page's poll may come late:
# crowd servers get the production idle limit, not the short one of the other browser tests.
CROWD_IDLE_SECONDS = "15"
# Lines in a server's log that mean something went wrong for somebody.
TROUBLE = re.compile(r"Traceback|Exception|Error", re.IGNORECASE)


def own_days(visitor: int) -> tuple[float, ...]:
    """Days no other visitor has, so a mix-up between sessions shows as a wrong prediction."""
    return (round(0.05 * visitor, 2), 0.5, 0.25, 1.0)


def expected_prediction(days: tuple[float, ...]) -> str:
    return f"Prediction: {trace(days, PRESETS['trained']).prediction:.4f}"


@dataclass(frozen=True)
class LoadResult:
    """What a crowd of visitors met: how long until all were done, and what the server used."""

    visitors: int
    seconds: float
    peak_server_memory_mb: float


def open_explorer(page, base: str, visitor: int) -> None:
    days = ",".join(f"{day:g}" for day in own_days(visitor))
    page.goto(f"{base}/?days={days}&weights=trained")


def open_pages(browser, visitors: int) -> list:
    return [browser.new_context(viewport={"width": 1280, "height": 800}).new_page() for _ in range(visitors)]


def crowd_trains(pages: list, base: str, limit: float = 240) -> None:
    """The visitors' sessions open the explorer, then all train at once; returns when all have finished."""
    for visitor, page in enumerate(pages):
        open_explorer(page, base, visitor)
    for visitor, page in enumerate(pages):
        wait_for_app(page)
        assert page.get_by_text(expected_prediction(own_days(visitor)), exact=True).is_visible()
    for page in pages:
        page.get_by_role("link", name="Training").click()
    for page in pages:
        wait_for_page(page)
        page.get_by_role("button", name="Train").click()
    deadline = time.monotonic() + limit
    for visitor, page in enumerate(pages):
        # Any end, so that a run that stopped early fails at once and says how.
        page.wait_for_function(
            f'() => /Finished|Stopped|Failed|went wrong/.test(document.querySelector("{PROGRESS}")?.innerText)',
            timeout=max(1, deadline - time.monotonic()) * 1000,
        )
        status = page.locator(PROGRESS).inner_text()
        assert "Finished" in status, f"visitor {visitor}: {status}"


def each_still_sees_their_own_days(pages) -> None:
    for visitor, page in enumerate(pages):
        explorer = page.get_by_role("link", name="Explorer")
        expect(explorer).to_be_visible(timeout=60_000)
        explorer.click()
        wait_for_app(page)
        expect(page.get_by_text(expected_prediction(own_days(visitor)), exact=True)).to_be_visible()


@contextmanager
def screenshots_if_it_fails(pages: list, name: str):
    """On a failure, every visitor's page as a PNG in test-artifacts/, to see what each one saw."""
    try:
        yield
    except BaseException:
        for visitor, page in enumerate(pages):
            if not page.is_closed():
                page.screenshot(path=str(ARTIFACTS / f"failed-{name}-visitor-{visitor}.png"))
        raise


def close_all(pages) -> None:
    for page in pages:
        page.context.close()


def save_figures(name: str, result: LoadResult) -> None:
    """Kept beside the screenshots, for the reliability figures in the docs."""
    (ARTIFACTS / f"load-{name}.json").write_text(json.dumps(asdict(result), indent=2))
    print(f"\n{name}: {result}")
