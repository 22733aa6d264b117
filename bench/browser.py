"""The benchmark's figures that need the app served and open in Chromium: start-up and live training."""

from __future__ import annotations

import re
import statistics
import tempfile
import time
from pathlib import Path

from bench.served import (
    chromium_path,
    free_port,
    launch_chromium,
    start_streamlit,
    stop_process,
    streamlit_server,
    wait_until_healthy,
)
from lstm.training.limits import Limits
from lstm.training.worker import RunConfig, TrainingRun

# The unrolled unit has drawn: Plotly's SVG inside the chart that carries the Play button.
UNROLLED_DRAWN = "[data-testid='stPlotlyChart']:has(.updatemenu-button) .main-svg"
PROGRESS = "[data-testid='stProgress']"
# A long run, so a window of several seconds falls inside it: the fast recipe for 5000 epochs.
LIVE_RUN = RunConfig(recipe="fast", epochs=5000)


def start_seconds(page, log_path: Path, warm_repeats: int = 5) -> tuple[float, float]:
    """Seconds from `streamlit run` to the unrolled cells drawn in Chromium, then the median of reloads."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with log_path.open("w") as log:
        began = time.perf_counter()
        process = start_streamlit(log, port)
        try:
            wait_until_healthy(base, process, log_path)
            page.goto(base)
            page.wait_for_selector(UNROLLED_DRAWN, timeout=60_000)
            cold = time.perf_counter() - began
            warm = []
            for _ in range(warm_repeats):
                began = time.perf_counter()
                page.reload()
                page.wait_for_selector(UNROLLED_DRAWN, timeout=60_000)
                warm.append(time.perf_counter() - began)
        finally:
            stop_process(process)
    return cold, statistics.median(warm)


def epoch_on_page(page) -> int:
    match = re.search(r"epoch ([\d,]+)", page.locator(PROGRESS).inner_text())
    return int(match.group(1).replace(",", "")) if match else 0


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
    time.sleep(1.0)  # past the start of the run
    first_epoch, began = epoch_on_page(page), time.perf_counter()
    time.sleep(seconds)
    last_epoch, ended = epoch_on_page(page), time.perf_counter()
    page.get_by_role("button", name="Stop").click()
    return (last_epoch - first_epoch) / (ended - began)  # the fast recipe takes one step per epoch


def headless_steps_per_second(seconds: float) -> float:
    """The same run with no page: a TrainingRun in this process, measured over the same window."""
    run = TrainingRun(LIVE_RUN, Limits(idle_seconds=seconds + 30))
    run.start()
    time.sleep(1.0)
    first_epoch, began = run.progress().history.epochs[-1], time.perf_counter()
    time.sleep(seconds)
    last_epoch, ended = run.progress().history.epochs[-1], time.perf_counter()
    run.stop()
    return (last_epoch - first_epoch) / (ended - began)


def require_browser() -> None:
    """Fail before any measuring when Playwright or Chromium is missing, saying how to get them."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        raise RuntimeError("Playwright is not installed: pip install -r requirements-dev.txt") from None
    chromium_path()


def measure_in_browser(window: float = 5.0) -> dict[str, float]:
    """Cold start, warm start, and a run's speed with the training page open vs with no page."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            cold, warm = start_seconds(page, Path(folder) / "start.log")
            with streamlit_server(Path(folder) / "live.log") as app:
                live = live_steps_per_second(page, app.url, window)
        finally:
            browser.close()
    return {"cold": cold, "warm": warm, "live": live, "headless": headless_steps_per_second(window)}
