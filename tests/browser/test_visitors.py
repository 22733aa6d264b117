"""Visitors side by side on one server: isolation, a crowd that trains, reloads and closed tabs mid-run."""

import contextlib
import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from bench.served import peak_memory_mb, streamlit_server
from lstm.training.worker import WORKER_OS_THREAD
from tests.support.browser import (
    ARTIFACTS,
    epoch_shown,
    patient_page,
    progress_text,
    start_tutorial_run,
    train_tutorial_recipe,
    wait_for_app,
    wait_for_page,
    wait_for_progress,
    wait_until,
)
from tests.support.visitors import (
    CROWD_IDLE_SECONDS,
    CROWD_TIMEOUT,
    TROUBLE,
    LoadResult,
    crowd,
    crowd_limit,
    crowd_trains,
    each_still_sees_their_own_days,
    one_visitor_seconds,
    save_figures,
)

CROWD = 10


def run_threads(pid: int) -> int:
    """The app server's training workers: its threads whose operating-system name is the workers'."""
    names = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        with contextlib.suppress(FileNotFoundError):  # a thread that ended while the folder was read
            names.append((task / "comm").read_text().strip())
    return names.count(WORKER_OS_THREAD)


def test_two_visitors_at_once_never_see_each_others_state(browser, app_url):
    first = patient_page(browser)
    second = patient_page(browser)
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
        wait_for_progress(second, r"Stopped")
        assert epoch_shown(first) == 300 and epoch_shown(second) < 5000
        for page in (first, second):
            page.get_by_role("link", name="Explorer").click()
            wait_for_app(page)
        expect(first.get_by_text("Prediction: 0.0022", exact=True)).to_be_visible()
        expect(second.get_by_text("Prediction: -0.0383", exact=True)).to_be_visible()
    finally:
        first.context.close()
        second.context.close()


@pytest.fixture(scope="module")
def crowd_app():
    """A server of its own, fresh, with the production idle limit: a loaded page can miss a poll or two."""
    with streamlit_server(ARTIFACTS / "crowd.log", {"LSTM_EXPLORER_IDLE_SECONDS": CROWD_IDLE_SECONDS}) as app:
        yield app


# Ten visitors on a loaded machine take minutes; the test's own limit comes from one visitor's time.
@pytest.mark.timeout(CROWD_TIMEOUT)
def test_a_crowd_of_visitors_all_train_to_the_end(browser, crowd_app):
    one = one_visitor_seconds(browser, crowd_app.url)
    limit = crowd_limit(one, CROWD)
    with crowd(browser, CROWD, "crowd", limit) as pages:
        began = time.monotonic()
        crowd_trains(pages, crowd_app.url, limit)
        seconds = time.monotonic() - began
        each_still_sees_their_own_days(pages, limit)
    assert not TROUBLE.search(crowd_app.log()), crowd_app.log()
    peak = peak_memory_mb(crowd_app.process.pid)
    save_figures("one-process", LoadResult(CROWD, seconds, one, peak))
    assert peak < 1024, "a hosted demo has about 1 GB"


def test_reloading_or_closing_during_a_run_ends_its_worker(browser, served_app):
    pid = served_app.process.pid
    # Runs of earlier tests end once their closed pages stop polling (the test server's idle limit).
    wait_until(lambda: run_threads(pid) == 0, what="earlier visitors' runs to end")
    reloaded = patient_page(browser)
    start_tutorial_run(reloaded, served_app.url)
    wait_until(lambda: run_threads(pid) == 1, what="the first visitor's training thread")
    closed = patient_page(browser)
    start_tutorial_run(closed, served_app.url)
    wait_until(lambda: run_threads(pid) == 2, what="both visitors' training threads")
    reloaded.reload()  # a new session; the old one's run has nobody watching it any more
    wait_for_page(reloaded)
    closed.context.close()  # the tab goes away mid-run

    wait_until(lambda: run_threads(pid) == 0, what="both training threads to end", every=0.5)
    reloaded.goto(f"{served_app.url}/training")
    wait_for_page(reloaded)
    expect(reloaded.get_by_text("On this server:")).to_contain_text(re.compile(r"0 runs training, 0 queued"))
    reloaded.context.close()
