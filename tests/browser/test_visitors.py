"""Visitors side by side on one server: isolation, a crowd that trains, reloads and closed tabs mid-run."""

import re
import time

from lstm.served import peak_memory_mb, thread_count
from tests.browser.conftest import wait_for_app, wait_for_page
from tests.browser.test_training_browser import (
    epoch_shown,
    progress_text,
    start_tutorial_run,
    train_tutorial_recipe,
    wait_for_progress,
)
from tests.browser.visitors import (
    TROUBLE,
    LoadResult,
    close_all,
    crowd_trains,
    each_still_sees_their_own_days,
    save_figures,
)

CROWD = 10


def settled_threads(pid: int, seconds: float = 1.5) -> int:
    """The server's thread count once Streamlit's short-lived threads have come and gone."""
    samples = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        samples.append(thread_count(pid))
        time.sleep(0.1)
    return min(samples)


def test_two_visitors_at_once_never_see_each_others_state(browser, app_url):
    first = browser.new_context().new_page()
    second = browser.new_context().new_page()
    try:
        first.goto(f"{app_url}/?days=0,0.5,0.25,1&weights=trained")
        second.goto(f"{app_url}/?days=1,0.5,0.25,1&weights=seed")
        for page in (first, second):
            wait_for_app(page)
            page.get_by_role("link", name="Training").click()
            wait_for_page(page)
        first.get_by_role("button", name="Train").click()
        train_tutorial_recipe(second)
        wait_for_progress(first, r"Finished")
        assert "fast" in progress_text(first) and "tutorial" in progress_text(second)
        second.get_by_role("button", name="Stop").click()
        wait_for_progress(second, r"Stopped", limit=10)
        assert epoch_shown(first) == 300 and epoch_shown(second) < 5000
        for page in (first, second):
            page.get_by_role("link", name="Explorer").click()
            wait_for_app(page)
        assert first.get_by_text("Prediction: 0.0022", exact=True).is_visible()
        assert second.get_by_text("Prediction: -0.0383", exact=True).is_visible()
    finally:
        first.context.close()
        second.context.close()


def test_a_crowd_of_visitors_all_train_to_the_end(browser, served_app):
    log_before = len(served_app.log())
    began = time.monotonic()
    pages = crowd_trains(browser, served_app.url, CROWD)
    seconds = time.monotonic() - began
    each_still_sees_their_own_days(pages)
    close_all(pages)
    assert not TROUBLE.search(served_app.log()[log_before:]), served_app.log()[log_before:]
    save_figures("one-process", LoadResult(CROWD, seconds, peak_memory_mb(served_app.process.pid)))


def test_reloading_or_closing_during_a_run_ends_its_worker(browser, served_app):
    pid = served_app.process.pid
    # Warm the server up first, so the baseline includes the threads Streamlit keeps for good.
    warm = browser.new_context().new_page()
    start_tutorial_run(warm, served_app.url)
    warm.get_by_role("button", name="Stop").click()
    wait_for_progress(warm, r"Stopped", limit=10)
    warm.context.close()
    time.sleep(6)  # past the test server's idle limit
    baseline = settled_threads(pid)

    reloaded = browser.new_context().new_page()
    start_tutorial_run(reloaded, served_app.url)
    assert settled_threads(pid, 0.5) > baseline, "no worker thread was seen while training"
    reloaded.reload()  # a new session; the old one's run has nobody watching it any more
    wait_for_page(reloaded)
    closed = browser.new_context().new_page()
    start_tutorial_run(closed, served_app.url)
    closed.context.close()

    try:
        deadline = time.monotonic() + 30
        while settled_threads(pid) > baseline:
            assert time.monotonic() < deadline, f"{thread_count(pid)} threads, {baseline} before the runs"
        reloaded.goto(f"{served_app.url}/training")
        wait_for_page(reloaded)
        assert re.search(r"0 runs training, 0 queued", reloaded.get_by_text("On this server:").inner_text())
    finally:
        reloaded.context.close()
