"""Sixty days in Chromium: compact cells that fit a phone, a laptop and a projector, a day's numbers on hover, the
player stepping by keyboard through frames it rebuilds from the figure's changes, one stage a key press."""

import pytest
from playwright.sync_api import expect

from lstm.figures.browser_frames import META_KEY, frame
from lstm.figures.unrolled import ANIMATED, unrolled_figure
from lstm.figures.unrolled_names import LEAST_NAMES_PX
from lstm.unit.forward import trace
from lstm.unit.stages import Position
from lstm.unit.weights import PRESETS
from tests.support.browser import ARTIFACTS, EVERY_DAY_FOLD, PATIENCE, UNROLLED, open_fold, wait_for_app
from tests.support.layout import measure
from tests.support.paths import REPO

SIXTY = ",".join(str(round((day * 0.37) % 1, 2)) for day in range(60))
SIZES = {"phone": (390, 844), "laptop": (1366, 768), "projector": (1920, 1080)}
CHARTS = ", ".join(f".st-key-{key} [data-testid='stPlotlyChart']" for key in ("unrolled", "over_days", "per_day"))
PLOT = f"{UNROLLED} .js-plotly-plot"
PLAYER_MODULE = REPO / "lstm" / "ui" / "components" / "player.js"
HOVER = len(ANIMATED)  # the compact cells' hover bar follows the overview's animated traces

# Where day `day` (1-based) of the overview lies on the page: the middle of its cell, in the window's px.
CELL_CENTRE = """(plot, day) => {
    const layout = plot._fullLayout, box = plot.getBoundingClientRect();
    const x = box.left + layout.margin.l + layout.xaxis.l2p(day - 0.5);
    return [x, box.top + layout.margin.t + layout.yaxis.l2p(2.5)];
}"""


@pytest.mark.parametrize("size", list(SIZES))
def test_sixty_days_fit_every_screen_and_a_phone_shows_day_two_beside_the_names(open_page, app_url, size):
    width, height = SIZES[size]
    page = open_page(width=width, height=height)
    page.goto(f"{app_url}/?days={SIXTY}")
    wait_for_app(page)
    expect(page.locator(UNROLLED).get_by_text("60", exact=True)).to_be_attached()  # the ruler under the cells
    open_fold(page, EVERY_DAY_FOLD)
    problems = measure(page, CHARTS).problems()
    assert not problems, "\n".join(problems)
    page.locator(".st-key-unrolled_frame").screenshot(path=str(ARTIFACTS / f"sixty-days-{size}.png"))
    names, day_two_ends = page.locator(PLOT).evaluate(
        "plot => [plot._fullLayout.margin.l, plot._fullLayout.margin.l + plot._fullLayout.xaxis.l2p(2)]"
    )
    frame_width = page.locator(".st-key-unrolled_frame").evaluate("frame => frame.clientWidth")
    assert names <= LEAST_NAMES_PX and day_two_ends <= frame_width


def test_keys_step_one_stage_each_after_a_rerun_and_a_hover_tells_the_day(open_page, app_url):
    page = open_page(width=1366, height=768)
    page.goto(f"{app_url}/?days={SIXTY}&day=3&stage=long-remember")
    wait_for_app(page)
    position = page.get_by_role("slider", name="Position")
    expect(position).to_have_value(str(Position.of(3, "long-remember").frame))
    position.focus()
    page.keyboard.press("ArrowRight")
    # Left there, the player tells the page where it stopped: a rerun sends it new data under the same key.
    page.wait_for_url("**stage=potential**", timeout=PATIENCE * 1000)
    wait_for_app(page)
    position.focus()
    page.keyboard.press("ArrowRight")
    expect(position).to_have_value(str(Position.of(3, "long-memory").frame))  # one stage, not two
    expect(page.get_by_text("day 3, long-term memory").first).to_be_attached()
    shown = page.locator(PLOT).evaluate(f"plot => [plot.data[0].x, plot.data[3].x, plot.data[{HOVER}].hovertext[2]]")
    forget, output, day_three = shown
    assert forget[2] > 0 and forget[3] == 0 and output[2] == 0  # no spoilers: day 3's output is not computed yet
    assert "long-term memory: ·" not in day_three and "short-term memory: ·" in day_three
    page.wait_for_url("**stage=long-memory**", timeout=PATIENCE * 1000)  # reported: no rerun comes after the click
    wait_for_app(page)
    x, y = page.locator(PLOT).evaluate(CELL_CENTRE, 3)
    page.mouse.move(x, y)
    hover = page.locator(f"{PLOT} .hoverlayer .hovertext")
    expect(hover).to_contain_text("day 3 · input 0.74")
    expect(hover).to_contain_text("long-remember %:")
    page.mouse.click(x, y)  # a click on a compact cell opens it, as a click on a bar does
    page.wait_for_url("**cell=3**", timeout=PATIENCE * 1000)


def test_the_player_rebuilds_every_frame_as_the_server_would_draw_it(page):
    days = trace([round((day * 0.37) % 1, 2) for day in range(17)], PRESETS["trained"])
    figure = unrolled_figure(days, PRESETS["trained"], Position(0), open_day=16).to_dict()
    changes = figure["layout"]["meta"][META_KEY]
    page.set_content("<!doctype html><title>player</title>")
    rebuilt = page.evaluate(
        """async ([source, changes]) => {
            const player = await import(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
            return [...Array(changes.frames).keys()].map((number) => player.changedFrame(changes, number));
        }""",
        [PLAYER_MODULE.read_text(encoding="utf-8"), changes],
    )
    assert rebuilt == [frame(changes, number) for number in range(changes["frames"])]
