"""Lesson step 4 on a projector: the opened cell's weights and sums at least 20 px, read from the back of a room."""

from tests.support.browser import wait_for_app
from tests.support.layout import measure

# Every text inside the opened cell's drawing (the band and columns its axes x2/y2 span): words and font size.
DETAIL_TEXTS = """() => {
  const plot = document.querySelector('.st-key-unrolled .js-plotly-plot');
  const layout = plot._fullLayout, size = layout._size, box = plot.getBoundingClientRect();
  const top = box.top + size.t + (1 - layout.yaxis2.domain[1]) * size.h;
  const bottom = box.top + size.t + (1 - layout.yaxis2.domain[0]) * size.h;
  const left = box.left + size.l + layout.xaxis2.domain[0] * size.w;
  return [...plot.querySelectorAll('svg text')]
    .map((node) => ({words: node.textContent.trim(), box: node.getBoundingClientRect().toJSON(),
                     size: parseFloat(getComputedStyle(node).fontSize)}))
    .filter((text) => text.words && text.box.top >= top - 2 && text.box.bottom <= bottom + 2
                      && text.box.left >= left - 2);
}"""


def test_step_4_s_opened_cell_is_readable_from_the_back_of_a_room(open_page, app_url):
    page = open_page(width=1920, height=960)
    page.goto(f"{app_url}/?mode=present&lesson=4")
    wait_for_app(page)
    texts = page.evaluate(DETAIL_TEXTS)
    sums = [text for text in texts if "×" in text["words"] and "=" in text["words"]]
    weights = [text for text in texts if text["words"].startswith(("wlr1", "wpr1", "wp1", "wo1", "blr1", "bo1"))]
    assert sums and len(weights) == 6, texts
    small = [f"{text['words']} ({text['size']:g} px)" for text in sums + weights if text["size"] < 20]
    assert not small, small
    problems = measure(page, ".st-key-unrolled .js-plotly-plot").problems()
    assert not problems, "\n".join(problems)
