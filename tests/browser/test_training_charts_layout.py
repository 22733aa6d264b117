"""After a short run on the training page, no texts of its charts overlap: weights charts, loss, replay."""

import pytest

from tests.support.browser import train_tutorial_recipe, wait_for_progress, wait_until
from tests.support.layout import measure

CHARTS = "[data-testid='stPlotlyChart']"
REPLAY = "[data-testid='stPlotlyChart']:has(.updatemenu-button)"
SIZES = {
    "720p projector": (1280, 720, "?mode=present"),
    "768p laptop": (1366, 768, ""),
    "phone": (390, 844, ""),
}


@pytest.mark.parametrize("size", list(SIZES))
def test_after_a_short_run_no_chart_texts_overlap(open_page, app_url, size):
    width, height, mode = SIZES[size]
    page = open_page(width=width, height=height)
    page.goto(f"{app_url}/training{mode}")
    train_tutorial_recipe(page)
    wait_until(lambda: page.locator(f"{CHARTS} .main-svg").count() >= 2, what="the run's charts")
    page.get_by_role("button", name="Stop").click()
    wait_for_progress(page, r"Stopped")
    page.wait_for_selector(f"{REPLAY} .main-svg")
    problems = measure(page, CHARTS).problems()
    assert problems == [], ("replay", problems)
    page.get_by_role("tab", name="Loss, predictions and weights").click()
    wait_until(lambda: page.locator(f"{CHARTS} .main-svg").filter(visible=True).count() >= 3, what="the run's charts")
    problems = measure(page, CHARTS).problems()
    assert problems == [], ("loss, predictions and weights", problems)
