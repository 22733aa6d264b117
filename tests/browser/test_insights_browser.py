"""The insight views in Chromium: each renders, reacts to its controls, and its animation plays."""

import io
import re
import time

import pytest
from PIL import Image
from playwright.sync_api import expect

from lstm.training.series import EXAMPLE
from tests.support.browser import (
    ARTIFACTS,
    choose_option,
    type_into,
    wait_for_app,
    wait_for_page,
    wait_for_progress,
)

CHART = "[data-testid='stPlotlyChart']"
PROBLEMS = "[data-testid='stException'], [data-testid='stNotificationContentError']:has-text('Traceback')"


def open_insight(page, title: str) -> None:
    """Through the Insights menu, as a visitor does: the session (and its runs) stays."""
    page.get_by_text("Insights", exact=True).click()
    page.get_by_role("menuitem", name=title).click()
    wait_for_page(page)


def slider_step(page, chart: str) -> int:
    """Where the page's player stands (chart is the figure's key), as a frame index."""
    return int(page.locator(f".st-key-player_{chart} input[type=range]").input_value())


def wait_for_caption(page, chart: str, text: str, limit: float = 20) -> None:
    """The figure's caption (its one annotation, which every frame rewrites) reads `text`, whatever its line breaks."""
    page.locator(f"{chart} .js-plotly-plot").evaluate(
        """(plot, [text, limit]) => new Promise((resolve, reject) => {
            const ends = Date.now() + limit * 1000;
            const check = () => {
                const caption = plot.layout.annotations[0].text.replaceAll('<br>', ' ');
                if (caption.includes(text)) resolve();
                else if (Date.now() > ends) reject(new Error(caption));
                else setTimeout(check, 100);
            };
            check();
        })""",
        [text, limit],
    )


# Where the map is painted: the main plot area, in page pixels, for a screenshot of what the visitor sees.
MAP_AREA = """plot => {
  const box = plot.getBoundingClientRect(), x = plot._fullLayout.xaxis, y = plot._fullLayout.yaxis;
  return {x: box.left + x._offset, y: box.top + y._offset, width: x._length, height: y._length};
}"""


# The run's path as Plotly holds it and as drawn: its points, and the line through them in the SVG.
PATH_DRAWN = """plot => {
  const path = plot._fullData.find((trace) => trace.name === "the run's path");
  const group = [...plot.querySelectorAll('.scatterlayer g.trace')]
    .find((drawn) => drawn.__data__ && drawn.__data__[0].trace.name === "the run's path");
  const line = group && group.querySelector('path.js-line');
  return Boolean(path && path.x.length > 1 && line && (line.getAttribute('d') || '').length > 2);
}"""


def coloured_share(png: bytes) -> float:
    """The share of a screenshot's pixels that are not near white: the Viridis map fills its area with colour."""
    image = Image.open(io.BytesIO(png)).convert("L")
    histogram = image.histogram()
    return sum(histogram[:200]) / (image.width * image.height)


def map_painted_through_play(page, chart: str, last: int) -> list[tuple[int, float, bool]]:
    """Press Play and, until the last step, screenshot the map as painted: (step, coloured share, path drawn)."""
    plot = page.locator(f"{chart} .js-plotly-plot")
    plot.scroll_into_view_if_needed()
    area = plot.evaluate(MAP_AREA)
    page.locator(".st-key-player_landscape").get_by_role("button", name="Play", exact=True).click()
    seen = []
    deadline = time.monotonic() + 120
    while (step := slider_step(page, "landscape")) != last:
        assert time.monotonic() < deadline, f"Play stopped at step {step} of {last}"
        seen.append((step, coloured_share(page.screenshot(clip=area)), plot.evaluate(PATH_DRAWN)))
    return seen


def assert_no_problems(page) -> None:
    assert page.locator(PROBLEMS).count() == 0


def test_landscape_with_the_run_s_path_playing_in_step_with_its_curve(page, app_url):
    page.goto(f"{app_url}/training")
    wait_for_page(page)
    page.get_by_role("button", name="Train", exact=True).click()
    wait_for_progress(page, r"Finished")
    open_insight(page, "Loss landscape")
    chart = f".st-key-landscape {CHART}"
    expect(page.locator(chart)).to_be_visible(timeout=30_000)
    assert not page.locator(f"{chart} .slider-container, {chart} .updatemenu-container").count()  # one set
    expect(page.get_by_text("the run's path")).to_be_visible()
    expect(page.get_by_text("where the current training run is now")).to_be_visible()
    frames = page.locator(f"{chart} .js-plotly-plot").evaluate("plot => plot._transitionData._frames.length")
    assert frames > 50
    # Every moment of Play before its last step, as painted, keeps the map: colour over most of the plot.
    seen = map_painted_through_play(page, chart, frames - 1)
    on_the_way = [sample for sample in seen if 0 < sample[0] < frames - 1]
    assert len(on_the_way) >= 3, seen
    lost = [sample for sample in on_the_way if sample[1] < 0.5 or not sample[2]]
    assert not lost, f"Play lost the map or the path at (step, coloured share, path drawn) {lost} of {on_the_way}"
    markers = page.locator(f"{chart} .js-plotly-plot").evaluate(
        "plot => plot.data.filter(trace => trace.name === 'the run at this step' || trace.name === '')"
        ".map(trace => trace.x[0])"
    )
    assert markers[1] == 300  # the marker on the curve reached the last epoch
    caption = page.locator(f"{chart} .textpoint")
    expect(caption).to_have_text(re.compile(r"^epoch 300: wlr1 .*, the run's loss "))
    # A click on the player's position slider jumps back: the caption says where the run was then, the map and
    # the path stay.
    rail = page.get_by_role("slider", name="Position").bounding_box()
    page.mouse.click(rail["x"] + rail["width"] * 0.4, rail["y"] + rail["height"] / 2)
    expect(caption).not_to_have_text(re.compile("^epoch 300:"))
    epoch = page.locator(f"{chart} .js-plotly-plot").evaluate("plot => plot.data.find(t => t.name === '').x[0]")
    assert 0 < epoch < 300
    expect(caption).to_have_text(re.compile(f"^epoch {epoch}: wlr1 "))
    plot = page.locator(f"{chart} .js-plotly-plot")
    assert coloured_share(page.screenshot(clip=plot.evaluate(MAP_AREA))) > 0.5 and plot.evaluate(PATH_DRAWN)
    page.screenshot(path=str(ARTIFACTS / "landscape.png"), full_page=True)
    choose_option(page.get_by_role("combobox", name="Up (y)"), page.get_by_role("option", name="bp1", exact=True))
    wait_for_page(page)
    # While the page reruns, the old chart may stay on screen beside the new one for a moment.
    expect(page.locator(f"{chart} .ytitle").filter(has_text="bp1")).to_be_visible()
    expect(page.locator(f"{chart} .ytitle").filter(has_text="wo2")).to_have_count(0)
    assert_no_problems(page)


def test_backprop_walks_back_and_follows_the_target(page, app_url):
    page.goto(f"{app_url}/?days=1,0.5,0.25,1&weights=seed")
    wait_for_app(page)
    open_insight(page, "Backpropagation through time")
    chart = ".st-key-backprop"  # played by the page's own buttons (lstm.ui.player); its heatmap empties at the start
    expect(page.locator(f"{chart} .main-svg").first).to_be_visible(timeout=30_000)
    field = page.get_by_role("spinbutton", name="Target: the true next day")
    expect(field).to_have_value("1.00")  # Company B's label
    page.get_by_role("button", name="Start").click()
    wait_for_caption(page, chart, "starts back along the short-term memory")
    # A second a day: the walk back to day 1 takes about five.
    page.get_by_role("button", name="Play").click()
    wait_for_caption(page, chart, "Day 4: the long-term memory's gradient is")
    wait_for_caption(page, chart, "Day 1: the long-term memory's gradient is")
    assert slider_step(page, "backprop") == 4  # the player walks from the loss back: day 1 is its last step
    summary = page.get_by_text("Along the long-term memory line alone")
    before = summary.inner_text()
    type_into(page, "Target: the true next day", "abc")
    expect(page.get_by_text("The target needs a number; it keeps 1.")).to_be_visible(timeout=10_000)
    expect(field).to_have_value("1.00")
    assert summary.inner_text() == before
    type_into(page, "Target: the true next day", "0")
    wait_for_page(page)
    expect(field).to_have_value("0.00")
    expect(summary).not_to_have_text(before)  # the gradients follow the new target
    page.screenshot(path=str(ARTIFACTS / "backprop.png"), full_page=True)
    assert_no_problems(page)


def test_nn_lstm_side_by_side_follows_the_explorer(page, app_url):
    page.goto(f"{app_url}/?days=1,0.5,0.25,1")
    wait_for_app(page)
    open_insight(page, "The same unit in nn.LSTM")
    expect(page.get_by_text("Prediction, nn.LSTM")).to_be_visible(timeout=30_000)
    values = page.locator("[data-testid='stMetricValue']").all_inner_texts()
    # Both in float32: they agree to the last digit or two of six, as the page's difference column shows.
    assert float(values[0]) == pytest.approx(0.96926, abs=1e-5)
    assert float(values[1]) == pytest.approx(float(values[0]), abs=1e-5)
    code = page.locator("[data-testid='stCode']")
    expect(code).to_contain_text("lstm.weight_hh_l0.copy_(torch.tensor([1.9983, 2.7043, 1.4122, 4.3848])")
    expect(code).to_contain_text("days = torch.tensor([1.0, 0.5, 0.25, 1.0])")
    page.screenshot(path=str(ARTIFACTS / "nn-lstm.png"), full_page=True)
    assert_no_problems(page)


def test_own_series_upload_refusal_training_and_fit(page, app_url, tmp_path):
    page.goto(f"{app_url}/series")
    wait_for_page(page)
    good = tmp_path / "prices.csv"
    good.write_text(EXAMPLE)
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(good)
    expect(page.get_by_text("16 windows of 4 days, each with the next day as its label")).to_be_visible(timeout=20_000)
    bad = tmp_path / "broken.csv"
    bad.write_text("date,close\n2024-01-02,185.6\n2024-01-03,n/a\n")
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(bad)
    expect(page.get_by_text("broken.csv was not used: row 3: 'n/a' in column 'close' is not a number")).to_be_visible(
        timeout=20_000
    )
    expect(page.get_by_text("16 windows of 4 days, each with the next day as its label")).to_be_visible()
    page.get_by_role("button", name="Train on this series").click()
    wait_for_page(page)
    expect(page.get_by_role("radio", name="Your series (16 windows of 4 days)")).to_be_checked()
    wait_for_progress(page, r"Finished.*on your series")  # the click on "Train on this series" started the run
    open_insight(page, "Your own series")
    expect(page.get_by_text("The trained unit on your series")).to_be_visible(timeout=30_000)
    expect(page.get_by_text("Forecast for the day after your last price")).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "own-series.png"), full_page=True)
    assert_no_problems(page)


def test_a_lesson_link_can_hide_the_insights_or_only_what_trains(page, app_url):
    page.goto(f"{app_url}/?hide=training")
    wait_for_app(page)
    page.get_by_text("Insights", exact=True).click()
    expect(page.get_by_role("menuitem", name="Loss landscape")).to_be_visible()
    expect(page.get_by_role("menuitem", name="Your own series")).to_have_count(0)
    page.goto(f"{app_url}/?hide=insights")
    wait_for_app(page)
    expect(page.get_by_text("Insights", exact=True)).to_have_count(0)
    expect(page.get_by_role("link", name="Training")).to_be_visible()
    page.goto(f"{app_url}/landscape?hide=insights")
    wait_for_app(page)  # the hidden page is not there: the explorer opens instead
