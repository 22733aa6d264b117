"""On a 390 px phone the unrolled unit's row names take at most a quarter of the width in every language, whole
inside the figure, and day 2 shows beside them before the visitor swipes."""

import pytest

from lstm import locales
from lstm.figures.unrolled_names import LEAST_NAMES_PX
from tests.support.browser import UNROLLED, wait_for_app
from tests.support.layout import measure

PLOT = f"{UNROLLED} .js-plotly-plot"
# The names column (the plot's left margin), where day 2 ends, and each annotation left of the plot: its text with
# its left and right edges, in px from the figure's left edge.
NAMES = """plot => {
    const layout = plot._fullLayout, left = plot.getBoundingClientRect().left;
    const names = [...plot.querySelectorAll('.annotation-text')].map(text => {
        const box = text.getBoundingClientRect();
        return [text.textContent, box.left - left, box.right - left];
    }).filter(([, start]) => start < layout.margin.l);
    return [layout.margin.l, layout.margin.l + layout.xaxis.l2p(2), names];
}"""


@pytest.mark.parametrize("language", list(locales.LANGUAGES))
def test_a_phone_gives_the_row_names_a_quarter_and_shows_day_two_in_every_language(open_page, app_url, language):
    page = open_page(width=390, height=844)
    page.goto(f"{app_url}/?lang={language}")
    wait_for_app(page)
    column, day_two_ends, names = page.locator(PLOT).evaluate(NAMES)
    frame_width = page.locator(".st-key-unrolled_frame").evaluate("frame => frame.clientWidth")
    assert column <= LEAST_NAMES_PX and day_two_ends <= frame_width
    assert len(names) == 7  # the four stages, the two lines and the input
    assert [name for name, start, end in names if start < 0 or end > column] == []
    problems = measure(page, UNROLLED).problems()
    assert problems == [], problems
