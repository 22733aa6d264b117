"""The benchmark's browser figures measure real pages: both floors and the explorer start, redraw and weigh."""

import pytest

from bench.live import LiveRuns, browser_cpu_seconds, command_line_beside, cores, live_turn
from bench.pages import EXPLORER, MINIMAL, Timings, measure_page
from lstm.training.recipes import MAX_EPOCHS
from tests.support.browser import ARTIFACTS


@pytest.mark.parametrize("page", [MINIMAL, EXPLORER], ids=lambda page: page.name)
def test_a_page_starts_redraws_after_an_edit_and_weighs_less_gzipped(browser, page):
    timings = Timings()
    measure_page(browser, page, timings, ARTIFACTS, edits=1, weigh=True)
    assert len(timings.cold) == len(timings.warm) == len(timings.edit) == len(timings.served) == 1
    assert timings.cold[0] > 0 and timings.warm[0] > 0 and timings.served[0] >= timings.edit[0] > 0
    # gzip at level 6 leaves well under half of what Streamlit sends as it is.
    assert 0 < timings.gzip_bytes < timings.plain_bytes / 2


def test_a_live_turn_reads_the_run_s_speed_and_what_each_redraw_costs(page, served_app):
    runs = LiveRuns(cores())
    # A turn on a machine too busy to redraw in its window adds its speed and no cost (as in the bench, which
    # takes several). The bench's 3,000 epochs last about two seconds; the most the page allows gives a busy
    # machine's page more time to redraw in the window, and up to three turns give this test a measured redraw.
    for _ in range(3):
        live_turn(page, served_app.url, served_app.process.pid, runs, epochs=MAX_EPOCHS)
        if runs.cpu_ms:
            break
    assert runs.live and min(runs.live) > 0
    # The browser's side drew the live run: some of a core, and no more than the two this machine has.
    assert all(0 < share <= 2 for share in runs.browser_share), runs.browser_share
    assert runs.cpu_ms and runs.cpu_ms[0] > 0, f"no turn redrew in its window; speeds {runs.live}"
    # A redraw is the run's status and a few numbers, no figures: well under the bytes of one figure.
    assert 0 < runs.bytes[0] < 5_000


def test_the_command_line_runs_beside_a_browser_kept_as_busy_as_in_the_live_run(page, served_app):
    page.goto(served_app.url)
    idle = browser_cpu_seconds(served_app.process.pid)
    speed = command_line_beside(page, cores(), 0.5)
    burnt = browser_cpu_seconds(served_app.process.pid) - idle
    assert speed > 0
    # Half a core burnt over the command line's run (a second or more): well past an idle page's few milliseconds.
    assert burnt > 0.2, burnt
    assert page.evaluate("() => window.benchBurning") is False  # and it stopped with the run
