"""The opened cell in Chromium: a link opens it, Play moves it with the overview, clicks open and edit it."""

import random
import re
from urllib.parse import unquote

import pytest
from playwright.sync_api import expect

from lstm.unit.explain import percent_text, value_text
from lstm.unit.forward import trace
from lstm.unit.gates import GATES
from lstm.unit.weights import NAMES, Weights
from tests.support.browser import ARTIFACTS, UNROLLED, caption, chart_texts, wait_for_app, wait_until


def shown(page) -> str:
    return " ".join(chart_texts(page))


def click_on(page, point) -> None:
    """Click where a chart's point is drawn, as a visitor does: Plotly's drag layer takes the click and finds it."""
    point.scroll_into_view_if_needed()
    box = point.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


@pytest.mark.parametrize(("days", "seed"), [(1, 11), (4, 12), (12, 13)])
def test_a_link_opens_a_cell_with_every_weight_sum_gate_and_memory(page, app_url, days, seed):
    rng = random.Random(seed)
    weights = Weights.from_mapping({name: round(rng.uniform(-2.5, 2.5), 3) for name in NAMES})
    values = [round(rng.uniform(0, 1), 2) for _ in range(days)]
    cell = rng.randint(1, days)
    query = f"days={','.join(map(str, values))}&weights={','.join(str(weights[name]) for name in NAMES)}&cell={cell}"
    page.goto(f"{app_url}/?{query}")
    wait_for_app(page)
    text = shown(page)
    step = trace(values, weights).steps[cell - 1]
    for name in NAMES:
        assert f"{name} {value_text(weights[name])}" in text, name  # SVG joins a label's bold part to its name
    for gate, total in zip(GATES, step.sums, strict=True):
        assert f"= {value_text(total)}" in text, gate.field
        value = getattr(step, gate.field)
        assert (percent_text(value) if gate.is_percent else value_text(value)) in text, gate.field
    assert f"= {value_text(step.squashed_long_memory)}" in text
    assert value_text(step.long_memory) in text and value_text(step.short_memory) in text
    assert page.locator("[data-testid='stException']").count() == 0
    if days == 4:
        page.screenshot(path=str(ARTIFACTS / "cell-detail-1280x800.png"), full_page=True)


def test_presenter_mode_shows_the_opened_cell_beside_the_overview_on_one_projector_screen(browser, app_url):
    page = browser.new_page(viewport={"width": 1920, "height": 1080})
    page.goto(f"{app_url}/?days=1,0.5,0.25,1&weights=trained&cell=2&day=2&stage=potential&mode=present")
    wait_for_app(page)
    overview, drawing = (page.locator(f"{UNROLLED} .subplot.{name}").first.bounding_box() for name in ("xy", "x2y2"))
    for part in (overview, drawing):  # both whole on the screen, with no scrolling
        assert part["x"] >= 0 and part["x"] + part["width"] <= 1920
        assert part["y"] >= 0 and part["y"] + part["height"] <= 1080
    assert overview["x"] + overview["width"] < drawing["x"]  # side by side
    assert "wpr1 1.9983" in shown(page) and "0.4909" in shown(page)  # the drawing's weights, the day's value
    page.mouse.move(0, 0)
    page.screenshot(path=str(ARTIFACTS / "presenter-cell-1920.png"))
    page.close()


def test_play_moves_the_opened_cell_with_the_overview(page, app_url):
    page.goto(f"{app_url}/?days=1,0.5,0.25,1&weights=trained&cell=1&day=0")
    wait_for_app(page)
    assert caption(page).startswith("Start")
    assert "kept" not in shown(page)  # nothing of day 1 is computed at the start
    page.get_by_role("button", name="Play", exact=True).click()
    wait_until(lambda: "kept " in shown(page), what="the opened cell's forget gate")
    wait_until(lambda: "added " in shown(page), what="the opened cell's input gate")
    result = re.compile(r"new short-term memory-?\d\.\d{4}")
    wait_until(lambda: result.search(shown(page)), what="day 1's new short-term memory")
    page.get_by_role("button", name="Pause", exact=True).click()


@pytest.mark.parametrize("value", ["0", "5", "abc", "-1", "1.5", "99999999999"])
def test_an_unusable_cell_says_the_range_and_the_page_goes_on(page, app_url, value):
    page.goto(f"{app_url}/?days=0,0.5,0.25,1&weights=trained&cell={value}")
    wait_for_app(page)
    expect(page.get_by_text("the days are 1 to 4", exact=False)).to_be_visible()
    assert "kept" not in shown(page) and "wlr1" not in shown(page)
    expect(page.get_by_text("Prediction: 0.0022", exact=True)).to_be_visible()
    assert page.locator("[data-testid='stException']").count() == 0


def test_open_day_control_and_a_click_on_a_bar_open_a_cell_that_the_link_keeps(page, app_url):
    page.goto(f"{app_url}/?days=0,0.5,0.25,1&weights=trained")
    wait_for_app(page)
    page.get_by_role("radio", name="Day 3", exact=True).click()
    page.wait_for_function("() => location.search.includes('cell=3')", timeout=20_000)
    wait_until(lambda: "wlr1" in shown(page), what="day 3 opened by the Open control")
    # A click on day 1's long-remember bar opens day 1.
    click_on(page, page.locator(f"{UNROLLED} .barlayer .trace").first.locator(".point").first)
    page.wait_for_function("() => location.search.includes('cell=1')", timeout=20_000)
    wait_until(lambda: "input, day 1" in shown(page), what="day 1 opened by a click on its bar")
    assert "cell=1" in unquote(page.url)


def test_a_click_on_a_weight_edits_it_for_the_whole_page(page, app_url):
    page.goto(f"{app_url}/?days=0,0.5,0.25,1&weights=trained&cell=2")
    wait_for_app(page)
    click_on(page, page.locator(f"{UNROLLED} g.trace.scatter").filter(has_text="wlr1").locator(".point").first)
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible(timeout=20_000)
    field = dialog.get_by_role("spinbutton", name="wlr1")
    field.fill("0.5")
    field.press("Enter")
    dialog.get_by_role("button", name="Apply").click()
    page.wait_for_function("() => decodeURIComponent(location.search).includes('weights=0.5,')", timeout=20_000)
    wait_until(lambda: "wlr1 0.5000" in shown(page), what="the edited weight on the diagram")


# The overview's outline for a stage of a day, read from the figure Plotly holds and the SVG it drew:
# one shape named by the player, across the day's cell, around the stage's bar, painted above the cells.
LIT_OUTLINE = """([chart, bar, day]) => {
  const plot = document.querySelector(`${chart} .js-plotly-plot`);
  const lit = (plot.layout.shapes || []).filter((shape) => shape && shape.name === 'lit by hover');
  if (lit.length !== 1) return false;
  const row = plot.data.find((trace) => trace.type === 'bar' && trace.name === bar).y[day - 1];
  const [shape] = lit;
  return shape.x0 > day - 1 && shape.x1 < day && shape.y0 < row && row < shape.y1
    && plot.querySelectorAll('.layer-above .shapelayer path').length > 0;
}"""
NOTHING_LIT = """chart => !(document.querySelector(`${chart} .js-plotly-plot`).layout.shapes || [])
  .some((shape) => shape && shape.name === 'lit by hover')"""


def hover_block(page, gate_field: str) -> None:
    """Move the mouse over a block of the opened cell, as a visitor does: over the middle of its area."""
    area = page.evaluate_handle(
        """([chart, name]) => [...document.querySelectorAll(`${chart} g.trace.scatter`)]
             .find((group) => group.__data__ && group.__data__[0].trace.name === name).querySelector('.js-fill')""",
        [UNROLLED, f"detail stage {gate_field}"],
    ).as_element()
    area.scroll_into_view_if_needed()
    box = area.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def test_hovering_a_stage_of_the_opened_cell_outlines_its_bar_in_the_overview(page, app_url):
    page.goto(f"{app_url}/?days=0,0.5,0.25,1&weights=trained&cell=2")
    wait_for_app(page)
    page.evaluate("() => { window.notReloaded = true; }")
    # The player's script does the lighting: its buttons carry their names once it runs on the chart.
    expect(page.get_by_role("button", name="Play", exact=True)).to_be_visible(timeout=60_000)
    for gate in (GATES[2], GATES[0]):  # potential memory, then long-remember: the outline follows the mouse
        hover_block(page, gate.field)
        page.wait_for_function(LIT_OUTLINE, arg=[UNROLLED, gate.tutorial, 2], timeout=60_000)
    page.screenshot(path=str(ARTIFACTS / "cell-detail-hover.png"), full_page=True)
    page.mouse.move(2, 2)  # off the chart
    page.wait_for_function(NOTHING_LIT, arg=UNROLLED, timeout=60_000)
    # All of it happened in the browser: the same page, no script run asked for.
    assert page.evaluate("() => window.notReloaded === true")
    assert "cell=2" in page.url and page.locator("[data-testid='stStatusWidget']").count() == 0
