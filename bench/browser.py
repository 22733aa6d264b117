"""The benchmark's figures that need Chromium: the pages beside the minimal page, a live run beside a headless one."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from bench.pages import Timings, measure_pages
from bench.served import chromium_path, launch_chromium, streamlit_server
from bench.wire import nginx_path
from lstm.training.limits import Limits
from lstm.training.recipes import MAX_EPOCHS as LIVE_EPOCHS
from lstm.training.worker import RunConfig, TrainingRun

PROGRESS = "[data-testid='stProgress']"
# The longest run the Training page offers: the fast recipe for 5000 epochs, a few seconds here.
LIVE_RUN = RunConfig(recipe="fast", epochs=LIVE_EPOCHS)
# Seconds into a run before its speed is read, past the set-up, and the window it is read over. A run that
# ends sooner is read up to its last epoch before the end: the speed is the run's while it ran. On a busy
# machine the page may redraw less than twice a second: the window then stays open until it has redrawn
# MINIMUM_READINGS times (or the run ends).
LEAD_IN, WINDOW = 0.3, 2.0
MINIMUM_READINGS = 3
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


def steps_per_second(readings: list[tuple[float, int]], what: str) -> float:
    """Epochs per second between the first and the last reading taken while the run was going, from
    (seconds, epoch) pairs; the fast recipe takes one step per epoch."""
    going = [(moment, epoch) for moment, epoch in readings if epoch < LIVE_RUN.epochs]
    if len(going) < MINIMUM_READINGS:
        raise RuntimeError(f"{what}: {len(going)} readings while the run was going, {MINIMUM_READINGS} needed")
    (began, first_epoch), (ended, last_epoch) = going[0], going[-1]
    return (last_epoch - first_epoch) / (ended - began)


def live_steps_per_second(page, base: str) -> float:
    """Steps per second of one run, read off the training page while it redraws."""
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
    ends = time.monotonic() + WINDOW
    while "Finished" not in page.locator(PROGRESS).inner_text() and (
        time.monotonic() < ends or page.evaluate("() => window.benchEpochs.length") < MINIMUM_READINGS
    ):
        time.sleep(0.05)
    readings = [(moment / 1000, epoch) for moment, epoch in page.evaluate("() => window.benchEpochs")]
    # The run is a few seconds long: it is left to finish (a Stop pressed as it ends waits on a disabled button),
    # so the next turn's Train finds no run going.
    page.wait_for_function(f'() => /Finished/.test(document.querySelector("{PROGRESS}")?.innerText)', timeout=120_000)
    return steps_per_second(readings, "the run with the Training page open")


def headless_steps_per_second() -> float:
    """The same run with no page: a TrainingRun in this process, read every 0.1 s over the same window."""
    run = TrainingRun(LIVE_RUN, Limits(idle_seconds=WINDOW + 30))
    run.start()
    time.sleep(LEAD_IN)
    readings = []
    ends = time.monotonic() + WINDOW
    while time.monotonic() < ends and run.progress().state.active:
        # Each reading copies the run's history under its lock: ten a second keep that off the run's speed.
        readings.append((time.perf_counter(), run.progress().history.epochs[-1]))
        time.sleep(0.1)
    run.stop()
    return steps_per_second(readings, "the run with no page")


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
        live.append(live_steps_per_second(page, base))
        headless.append(headless_steps_per_second())
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
