"""What browser tests share: where artifacts go, and how to wait for a page, read its chart and drive its fields."""

from __future__ import annotations

import re
import time

from tests.support.paths import REPO

ARTIFACTS = REPO / "test-artifacts"
# The unrolled unit: the chart with Plotly's Play button.
UNROLLED = "[data-testid='stPlotlyChart']:has(.updatemenu-button)"
PROGRESS = "[data-testid='stProgress']"


def wait_for_app(page) -> None:
    """The page has finished its script run and drawn the unrolled unit."""
    page.wait_for_selector(f"{UNROLLED} .main-svg", timeout=30_000)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=30_000)


def wait_for_page(page) -> None:
    """Any page has finished its script run."""
    page.wait_for_selector("[data-testid='stMainBlockContainer']", timeout=30_000)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=30_000)


def chart_texts(page) -> list[str]:
    """Every text of the unrolled unit's SVG, as the visitor sees it."""
    return page.eval_on_selector_all(f"{UNROLLED} text", "nodes => nodes.map(node => node.textContent)")


def caption(page) -> str:
    texts = chart_texts(page)
    return next((text for text in texts if text.startswith("Day ") or text.startswith("Start")), "")


def type_into(page, label: str, text: str) -> None:
    """Type into a number field as a visitor does: select all, replace, Enter."""
    field = page.get_by_role("spinbutton", name=label)
    field.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.keyboard.type(text)
    page.keyboard.press("Enter")


def progress_text(page) -> str:
    return page.locator(PROGRESS).inner_text()


def epoch_shown(page) -> int:
    match = re.search(r"epoch ([\d,]+)", progress_text(page))
    return int(match.group(1).replace(",", "")) if match else -1


def wait_for_progress(page, pattern: str, limit: float = 60) -> None:
    deadline = time.monotonic() + limit
    while not re.search(pattern, progress_text(page)):
        assert time.monotonic() < deadline, progress_text(page)
        time.sleep(0.1)


def start_tutorial_run(page, app_url) -> None:
    """Open the training page and start the tutorial's recipe: 5000 epochs, long enough to watch."""
    page.goto(f"{app_url}/training")
    train_tutorial_recipe(page)


def train_tutorial_recipe(page) -> None:
    """On the training page, choose the tutorial's recipe and press Train."""
    wait_for_page(page)
    page.get_by_role("combobox", name="Recipe").click()
    page.get_by_role("option", name="tutorial").click()
    wait_for_page(page)
    page.get_by_role("button", name="Train").click()
    wait_for_progress(page, r"Training")
