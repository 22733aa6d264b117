"""The benchmark's browser figures measure a real page: start-up, reload, and a run read off the screen."""

from bench import browser as bench_browser
from tests.support.browser import ARTIFACTS


def test_start_up_and_reload_reach_the_drawn_cells(page):
    cold, warm = bench_browser.start_seconds(page, ARTIFACTS / "bench-start.log", warm_repeats=1)
    assert cold > warm > 0
    assert page.locator(bench_browser.UNROLLED_DRAWN).first.is_visible()


def test_live_run_speed_is_read_off_the_training_page(page, app_url):
    assert bench_browser.live_steps_per_second(page, app_url, seconds=1.0) > 0
    assert bench_browser.headless_steps_per_second(seconds=0.5) > 0
