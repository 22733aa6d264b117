"""The benchmark's figures that need Chromium: the pages beside the minimal page, a live run beside a headless one."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from bench.pages import Timings, measure_pages
from bench.served import chromium_path, launch_chromium, streamlit_server
from bench.wire import nginx_path
from lstm.training.limits import Limits
from lstm.training.worker import RunConfig, TrainingRun

PROGRESS = "[data-testid='stProgress']"
# A long run, so a window of several seconds falls inside it: the fast recipe for 5000 epochs.
LIVE_RUN = RunConfig(recipe="fast", epochs=5000)
# Seconds into a run before its speed is read, past Lightning's set-up, and the window it is read over:
# short enough that the run is still going at 2,000 steps a second.
LEAD_IN, WINDOW = 0.5, 2.0
# Each epoch the page shows, with the moment it showed it: the page redraws a few times a second, so
# the window runs from one redraw to another rather than from a read of a stale number.
RECORD_EPOCHS = """progress => {
  window.benchEpochs = [];
  new MutationObserver(() => {
    const match = /epoch ([\\d,]+)/.exec(document.querySelector(progress)?.innerText ?? "");
    const epoch = match ? Number(match[1].replaceAll(",", "")) : null;
    const last = window.benchEpochs.at(-1);
    if (epoch !== null && (!last || last[1] !== epoch)) window.benchEpochs.push([performance.now(), epoch]);
  }).observe(document.body, {subtree: true, childList: true, characterData: true});
}"""


def live_steps_per_second(page, base: str, seconds: float) -> float:
    """Steps per second of one run, read off the training page while it redraws, over `seconds`."""
    page.goto(f"{base}/training")
    page.get_by_role("spinbutton", name="Epochs").fill(str(LIVE_RUN.epochs))
    page.get_by_role("spinbutton", name="Epochs").press("Enter")
    budget = f"of {LIVE_RUN.epochs:,} this run"
    for _ in range(3):
        # Train pressed while Enter's rerun is still on its way starts the old budget (300 epochs, gone in
        # a blink); by the next press the server has the new one.
        page.get_by_role("button", name="Train").click()
        page.wait_for_function(f'() => /epoch [1-9]/.test(document.querySelector("{PROGRESS}")?.innerText)')
        if budget in page.locator(PROGRESS).inner_text():
            break
        page.wait_for_function(f'() => /Finished/.test(document.querySelector("{PROGRESS}")?.innerText)')
    else:
        raise RuntimeError(f"the training page did not take the {LIVE_RUN.epochs:,}-epoch budget")
    time.sleep(LEAD_IN)  # past the start of the run
    page.evaluate(RECORD_EPOCHS, PROGRESS)
    time.sleep(seconds)
    seen = page.evaluate("() => window.benchEpochs")
    status = page.locator(PROGRESS).inner_text()
    page.get_by_role("button", name="Stop").click()
    if "Finished" in status or len(seen) < 2:
        raise RuntimeError(f"the live run did not keep training through the {seconds:g} s window")
    (began, first_epoch), (ended, last_epoch) = seen[0], seen[-1]
    return (last_epoch - first_epoch) * 1000 / (ended - began)  # the fast recipe takes one step per epoch


def headless_steps_per_second(seconds: float) -> float:
    """The same run with no page: a TrainingRun in this process, measured over the same window."""
    run = TrainingRun(LIVE_RUN, Limits(idle_seconds=seconds + 30))
    run.start()
    time.sleep(LEAD_IN)
    first_epoch, began = run.progress().history.epochs[-1], time.perf_counter()
    time.sleep(seconds)
    last_epoch, ended = run.progress().history.epochs[-1], time.perf_counter()
    run.stop()
    return (last_epoch - first_epoch) / (ended - began)


def require_browser() -> None:
    """Fail before any measuring when Playwright, Chromium or nginx is missing, saying how to get them."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        raise RuntimeError("Playwright is not installed: pip install -r requirements-dev.txt") from None
    chromium_path()
    nginx_path()


def live_and_headless(page, base: str, repeats: int) -> tuple[list[float], list[float]]:
    """A run with the training page open, then the same run with no page, in turns."""
    live, headless = [], []
    for _ in range(repeats):
        live.append(live_steps_per_second(page, base, WINDOW))
        headless.append(headless_steps_per_second(WINDOW))
    return live, headless


def measure_in_browser(repeats: int) -> tuple[dict[str, Timings], list[float], list[float]]:
    """The pages beside the minimal page, then live runs beside headless ones: `repeats` turns of each."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            pages = measure_pages(browser, repeats, Path(folder))
            with streamlit_server(Path(folder) / "live.log") as app:
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                live, headless = live_and_headless(page, app.url, repeats)
        finally:
            browser.close()
    return pages, live, headless
