"""Phone, tablet, laptop, projector: figure texts apart and legible, inputs showing their values, no sideways scroll."""

import json

import pytest
from playwright.sync_api import expect

from tests.support.browser import (
    ARTIFACTS,
    EVERY_DAY_FOLD,
    STILL,
    open_fold,
    wait_for_app,
    wait_for_page,
    wait_for_progress,
)
from tests.support.layout import measure

SIZES = {"phone": (390, 844), "tablet": (768, 1024), "laptop": (1366, 768), "projector": (1920, 1080)}
CHART = "[data-testid='stPlotlyChart']"


# The backprop figure's least width comes in a stylesheet that Streamlit draws after the script run; the
# figure is measured once it has that width, not at its natural width a moment before.
BACKPROP_WIDENED = """() => {
  const chart = document.querySelector(".st-key-backprop");
  const drawn = chart?.querySelector(".main-svg");
  const least = chart ? parseFloat(getComputedStyle(chart).minWidth) : NaN;
  return Boolean(drawn) && least > 0 && drawn.getBoundingClientRect().width >= least - 1;
}"""


def open_insight(page, app_url: str, path: str) -> None:
    page.goto(f"{app_url}/{path}")
    wait_for_page(page)
    page.wait_for_selector(f"{CHART} .main-svg", timeout=30_000)
    if path.startswith("backprop"):
        page.wait_for_function(BACKPROP_WIDENED)


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
    problems = measure(page, CHART).problems()
    assert not problems, "\n".join(problems)


FOUR_DAYS, TWELVE_DAYS = "0,0.5,0.25,1", "0,0.5,0.25,1,0.3,0.7,0.2,0.9,0.4,0.6,0.1,0.8"
# The explorer's unrolled unit and its chart across the days; the per-day table (a Plotly table) on its own below.
EXPLORER_CHARTS = ", ".join(f".st-key-{key} {CHART}" for key in ("unrolled", "over_days"))
TABLE = f".st-key-per_day {CHART}"


@pytest.mark.parametrize("size", list(SIZES))
def test_twelve_days_of_gradients_fit_every_screen(open_page, app_url, size):
    """Twelve days of tiny gradients (0.0000000211) stay apart: the figure widens and its frame scrolls."""
    width, height = SIZES[size]
    page = open_page(width=width, height=height)
    open_insight(page, app_url, f"backprop?days={TWELVE_DAYS}")
    expect(page.locator(CHART).get_by_text("day 12", exact=True).first).to_be_attached()
    problems = measure(page, CHART).problems()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize(
    "query",
    [f"days={FOUR_DAYS}", f"days={TWELVE_DAYS}", "days=0,0.5,0.25,1&compare=1,0.5,0.25,1"],
    ids=["4 days", "12 days", "compared"],
)
def test_the_explorer_fits_every_screen(open_page, app_url, query, size):
    """Texts apart and at least 9 px, every day value whole, no sideways scroll (the figure's own frame may)."""
    width, height = SIZES[size]
    page = open_page(width=width, height=height)
    page.goto(f"{app_url}/?{query}")
    wait_for_app(page)
    open_fold(page, EVERY_DAY_FOLD)
    problems = measure(page, EXPLORER_CHARTS).problems()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("size", list(SIZES))
def test_the_training_page_fits_every_screen(open_page, app_url, size):
    """A finished run's replay, live cells, charts and table: texts apart and legible, no sideways scroll."""
    width, height = SIZES[size]
    page = open_page(width=width, height=height)
    page.goto(f"{app_url}/training")
    wait_for_page(page)
    page.get_by_role("button", name="Train", exact=True).click()
    wait_for_progress(page, r"Finished")
    wait_for_page(page)
    page.wait_for_selector(f"{CHART} .main-svg", timeout=30_000)
    problems = measure(page, CHART).problems()
    assert not problems, "\n".join(problems)
    # The charts the run drew live, in their tab: the loss, both predictions and the twelve weights by gate.
    page.get_by_role("tab", name="Loss, predictions and weights").click()
    page.wait_for_selector(".st-key-parameters .main-svg", state="visible")
    problems = measure(page, CHART).problems()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("size", list(SIZES))
def test_the_per_day_table_fits_every_screen(open_page, app_url, size):
    """Headers and values whole and apart, at least 9 px: narrower than its columns, the table's frame scrolls."""
    width, height = SIZES[size]
    page = open_page(width=width, height=height)
    counts = {}
    for days in (FOUR_DAYS, TWELVE_DAYS):
        page.goto(f"{app_url}/?days={days}")
        wait_for_app(page)
        open_fold(page, EVERY_DAY_FOLD)
        # The table is drawn, a text a cell (some of them scrolled out of its frame on a phone).
        assert page.locator(f"{TABLE} svg text").count() > 8 * len(days.split(","))
        layout = measure(page, TABLE)
        counts[f"explorer's table, {len(days.split(','))} days, {size}"] = layout.counts()
        assert not layout.problems(), "\n".join(layout.problems())
    (ARTIFACTS / f"layout-counts-table-{size}.json").write_text(json.dumps(counts, indent=1))


# A projector in a browser window (1080p less tabs and address bar), and the two sizes many classrooms project.
PROJECTORS = {"1080p window": (1920, 960), "768p": (1366, 768), "720p": (1280, 720)}
# The stage with the longest caption at four and eight days: two equations and their sentence.
LONGEST_CAPTION = "day=2&stage=potential"
# Every part of the unrolled unit a class must see, as boxes: both memory lines' names and values, every cell,
# every day's input, the caption above the cells and the player under them.
UNIT_PARTS = """() => {
  const box = (node) => { const b = node.getBoundingClientRect(); return {top: b.top, bottom: b.bottom, left: b.left,
                                                                          right: b.right}; };
  const chart = document.querySelector('.st-key-unrolled .js-plotly-plot');
  const texts = [...chart.querySelectorAll('svg text')].filter((node) => node.textContent.trim());
  return {
    chart: box(chart.querySelector('.cartesianlayer')),
    texts: texts.map((node) => ({words: node.textContent.trim(), ...box(node)})),
    caption: box(document.querySelector('.figure-text .stage-caption')),
    player: box(document.querySelector('.st-key-player_unrolled')),
  };
}"""


# A label's text and each box around it up to its button or label (the text itself may be an inline box, 0 px
# wide): none narrower than what it holds, which is where Streamlit cuts a label short with an ellipsis.
WHOLE = """(node) => {
  for (let box = node; box && box !== document.body; box = box.parentElement) {
    if (box.clientWidth && box.scrollWidth > box.clientWidth + 1) return false;
    if (box.matches('button, label, summary')) return true;
  }
  return true;
}"""


@pytest.mark.parametrize("days", ["0,0.5,0.25,1", "0,0.5,0.25,1,0,0.5,0.25,1"])
@pytest.mark.parametrize("size", list(PROJECTORS))
def test_presenter_mode_shows_the_whole_unit_and_its_player_on_the_first_screen(open_page, app_url, size, days):
    width, height = PROJECTORS[size]
    page = open_page(width=width, height=height)
    page.goto(f"{app_url}/?mode=present&days={days}&{LONGEST_CAPTION}")
    wait_for_app(page)
    # The cells give up height until the player is on the screen; wait until they have.
    page.wait_for_function(
        "() => document.querySelector('.st-key-player_unrolled').getBoundingClientRect().bottom <= innerHeight"
    )
    parts = page.evaluate(UNIT_PARTS)
    page.screenshot(path=str(ARTIFACTS / f"presenter-{width}x{height}-{days.count(',') + 1}-days.png"))
    inside = [name for name in ("chart", "caption", "player") if parts[name]["bottom"] <= height]
    assert inside == ["chart", "caption", "player"], parts
    outside = [text["words"] for text in parts["texts"] if text["bottom"] > height or text["right"] > width]
    assert not outside, f"below or beside the first screen: {outside}"
    # A row's name may wrap (a text line a word): its words are compared without the spaces between them.
    words = "".join(text["words"] for text in parts["texts"]).replace(" ", "")
    for part in ("long-term memory", "short-term memory", "input", "day 1", f"day {days.count(',') + 1}"):
        assert part.replace(" ", "") in words
    assert not measure(page, ".st-key-unrolled .js-plotly-plot").overlapping
    # The teacher's header whole: no label cut short, in its text or in any box around it up to its button.
    for label in ("What am I looking at?", "Presenter mode"):
        element = page.get_by_text(label, exact=True).first
        assert element.evaluate(WHOLE), label


def test_on_a_phone_the_caption_is_read_without_a_swipe(browser, app_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.goto(f"{app_url}/?{LONGEST_CAPTION}")
        wait_for_app(page)
        caption = page.locator(".figure-text .stage-caption")
        expect(caption).to_contain_text("potential memory = tanh(")
        caption.scroll_into_view_if_needed()
        box = caption.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390  # whole, wrapping, outside the sideways frame
        frame = page.locator(".st-key-unrolled_frame")
        assert frame.evaluate("node => node.scrollLeft") == 0
        assert not frame.locator(".figure-text").count()
        assert frame.evaluate("node => node.scrollWidth > node.clientWidth")  # the cells still scroll sideways
    finally:
        context.close()


def test_the_landscape_beside_a_run_fits_every_screen(open_page, app_url):
    """The map, its colour bar and the run's loss curve apart at every size: narrower, the figure's frame scrolls."""
    page = open_page(width=1280, height=800)
    page.goto(f"{app_url}/training")
    wait_for_page(page)
    page.get_by_role("button", name="Train", exact=True).click()
    wait_for_progress(page, r"Finished")
    wait_for_page(page)
    # Through the Insights menu, as a visitor does: the session (and its run) stays.
    page.get_by_text("Insights", exact=True).click()
    page.get_by_role("menuitem", name="Loss landscape").click()
    wait_for_page(page)
    page.wait_for_selector(f".st-key-landscape {CHART} .main-svg", timeout=30_000)
    expect(page.locator(".st-key-landscape").get_by_text("the run's loss", exact=True).first).to_be_attached()
    for size, (width, height) in SIZES.items():
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_function(STILL)
        problems = measure(page, CHART).problems()
        assert not problems, f"{size}: " + "\n".join(problems)
