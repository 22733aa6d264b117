"""The notebook's figure plays in a browser: its own Play button and slider step through the frames, offline."""

import pytest

from lstm import explore, open_cell
from lstm.unit.weights import PRESETS

# Every frame plotly.js draws, by name, as a notebook's output would draw them.
LISTEN = """() => {
  const chart = document.querySelector('.js-plotly-plot');
  window.drawn = [];
  chart.on('plotly_animatingframe', (event) => window.drawn.push(event.name));
}"""


@pytest.mark.parametrize("draw", [explore, lambda weights: open_cell(weights, 2)], ids=["explore", "open_cell"])
def test_play_and_the_slider_step_through_the_frames(page, tmp_path, draw):
    figure = draw(PRESETS["trained"])
    page_file = tmp_path / "figure.html"
    figure.write_html(page_file, include_plotlyjs=True, auto_play=False)  # plotly.js inside: no network
    names = [frame.name for frame in figure.frames]
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(page_file.as_uri())
    page.wait_for_function("document.querySelector('.js-plotly-plot')?._fullLayout?.sliders?.length")
    page.evaluate(LISTEN)
    page.get_by_text("▶ Play").click()
    page.wait_for_function(f"window.drawn.length >= 3 && window.drawn.at(-1) === {names[-1]!r}")
    assert page.evaluate("window.drawn")[:2] == names[:2]  # from the start, stage by stage
    rail = page.locator(".slider-rail-rect").bounding_box()
    page.mouse.click(rail["x"] + rail["width"] * 0.5, rail["y"] + rail["height"] / 2)
    page.wait_for_function(f"window.drawn.at(-1) !== {names[-1]!r}")
    assert page.evaluate("window.drawn.at(-1)") in names[1:-1]
