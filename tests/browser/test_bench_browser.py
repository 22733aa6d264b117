"""The benchmark's browser figures measure real pages: both floors and the explorer start, redraw and weigh."""

import pytest

from bench import browser as bench_browser
from bench.pages import EXPLORER, MINIMAL, Timings, measure_page
from tests.support.browser import ARTIFACTS


@pytest.mark.parametrize("page", [MINIMAL, EXPLORER], ids=lambda page: page.name)
def test_a_page_starts_redraws_after_an_edit_and_weighs_less_gzipped(browser, page):
    timings = Timings()
    measure_page(browser, page, timings, ARTIFACTS, edits=1, weigh=True)
    assert len(timings.cold) == len(timings.warm) == len(timings.edit) == len(timings.served) == 1
    assert timings.cold[0] > 0 and timings.warm[0] > 0 and timings.served[0] >= timings.edit[0] > 0
    # gzip at level 6 leaves well under half of what Streamlit sends as it is.
    assert 0 < timings.gzip_bytes < timings.plain_bytes / 2


def test_live_run_speed_is_read_off_the_training_page(page, app_url):
    assert bench_browser.live_steps_per_second(page, app_url) > 0
    assert bench_browser.headless_steps_per_second() > 0
