"""Phone, tablet, laptop, projector: figure texts apart and legible, inputs showing their values, no sideways scroll."""

import json

import pytest

from tests.support.browser import ARTIFACTS, wait_for_app, wait_for_page, wait_for_progress
from tests.support.layout import measure

SIZES = {"phone": (390, 844), "tablet": (768, 1024), "laptop": (1366, 768), "projector": (1920, 1080)}
CHART = "[data-testid='stPlotlyChart']"
# Known today, to be emptied: the backprop figure is laid out for one width, and on a phone its memory
# gradients (15 px, a day every 50 px) run into each other. It needs the page's width to re-lay itself.
KNOWN_OVERLAPS = {("backprop", "phone")}


def open_insight(page, app_url: str, path: str) -> None:
    page.goto(f"{app_url}/{path}")
    wait_for_page(page)
    page.wait_for_selector(f"{CHART} .main-svg", timeout=30_000)


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("path", ["backprop", "pytorch"])
def test_insight_pages_fit_every_screen(open_page, app_url, path, size):
    width, height = SIZES[size]
    page = open_page(width=width, height=height)
    if path == "pytorch":
        page.goto(f"{app_url}/{path}")
        wait_for_page(page)
        page.wait_for_selector("[data-testid='stCode']", timeout=30_000)
    else:
        open_insight(page, app_url, path)
    layout = measure(page, CHART)
    problems = layout.problems()
    if (path, size) in KNOWN_OVERLAPS:
        problems = [problem for problem in problems if not problem.startswith("overlap:")]
    assert not problems, "\n".join(problems)


def test_layout_counts_of_the_explorer_and_training_pages(open_page, app_url):
    """Measured, not yet asserted (the explorer's figure is being re-laid out): written to test-artifacts."""
    counts = {}
    for size, (width, height) in SIZES.items():
        page = open_page(width=width, height=height)
        for days in ("0,0.5,0.25,1", "0,0.5,0.25,1,0.3,0.7,0.2,0.9,0.4,0.6,0.1,0.8"):
            page.goto(f"{app_url}/?days={days}")
            wait_for_app(page)
            counts[f"explorer {len(days.split(','))} days, {size}"] = measure(page, CHART).counts()
        page.goto(f"{app_url}/training")
        wait_for_page(page)
        page.get_by_role("button", name="Train", exact=True).click()  # a finished run's charts and table
        wait_for_progress(page, r"Finished")
        wait_for_page(page)
        page.wait_for_selector(f"{CHART} .main-svg", timeout=30_000)
        counts[f"training, {size}"] = measure(page, CHART).counts()
    (ARTIFACTS / "layout-counts.json").write_text(json.dumps(counts, indent=1))
    print(json.dumps(counts, indent=1))
    assert len(counts) == 3 * len(SIZES)
    assert all(isinstance(value, int) for measured in counts.values() for value in measured.values())
