"""On a phone a swipe that starts on a figure scrolls the page, and the figure's sideways frame: Plotly keeps none."""

import json
from pathlib import Path

import plotly.io as pio
import pytest

from lstm.figures.landscape import landscape_figure
from lstm.figures.training import loss_figure
from lstm.figures.unrolled import minimum_width, unrolled_figure
from lstm.unit.forward import trace
from lstm.unit.stages import last_position
from lstm.unit.weights import PRESETS
from tests.support.browser import PATIENCE
from tests.test_plain_numbers import TINY, a_tiny_run, tiny_landscape

TRAINED = PRESETS["trained"]
PLOTLY_JS = Path(pio.__file__).parent.parent / "package_data" / "plotly.min.js"
PHONE = {"width": 390, "height": 844}


def figures():
    path = {name: [TRAINED[name]] * len(TINY) for name in TRAINED}
    yield "unrolled", unrolled_figure(trace([0, 0.5, 0.25, 1], TRAINED), TRAINED, last_position(4), controls=False)
    yield "landscape", landscape_figure(tiny_landscape(), TRAINED, path, list(range(len(TINY))), TINY, controls=False)
    yield "loss", loss_figure([("run", a_tiny_run().view())], log_scale=True)


FIGURES = dict(figures())


def _page_with(figure: dict) -> str:
    """The figure in a frame that scrolls sideways (as the app draws wide figures on a phone), text around it."""
    drawn = json.dumps(figure).replace("</", "<\\/")
    return f"""<html><head><meta name="viewport" content="width=device-width">
<script>{PLOTLY_JS.read_text()}</script></head><body style="margin:0">
<p style="height:200px">Above the figure.</p>
<div id="frame" style="overflow-x:auto;width:390px"><div id="chart" style="width:{minimum_width(12)}px"></div></div>
<p style="height:2000px">Below the figure.</p>
<script>const figure = {drawn};
Plotly.newPlot('chart', figure.data, figure.layout, {{displayModeBar: false}})
  .then(() => {{ document.body.dataset.drawn = 'yes'; }});
</script></body></html>"""


def _swipe(session, x: float, y: float, dx: float, dy: float) -> None:
    """One finger down at (x, y), moved by (dx, dy) in ten steps, lifted."""
    session.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for step in range(1, 11):
        point = {"x": x + dx * step / 10, "y": y + dy * step / 10}
        session.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [point]})
    session.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


@pytest.mark.parametrize("name", FIGURES)
def test_a_swipe_on_the_figure_scrolls_the_page_and_its_frame(browser, name):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        page.set_content(_page_with(FIGURES[name].to_dict()))
        page.wait_for_function("document.body.dataset.drawn === 'yes'", timeout=PATIENCE * 1000)
        session = context.new_cdp_session(page)
        _swipe(session, 200, 450, 0, -250)  # up, on the plot: the page moves down
        page.wait_for_function("window.scrollY > 100", timeout=PATIENCE * 1000)
        top = page.evaluate("document.getElementById('chart').getBoundingClientRect().top")
        _swipe(session, 300, max(top + 150, 100), -200, 0)  # sideways, on the plot: the frame scrolls
        page.wait_for_function("document.getElementById('frame').scrollLeft > 50", timeout=PATIENCE * 1000)
    finally:
        context.close()
