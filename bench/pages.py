"""The explorer beside the minimal page in Chromium: cold start, warm visit, edit round trip, first visit bytes."""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.served import APP, free_port, start_streamlit, stop_process, wait_until_healthy
from bench.wire import first_visit_bytes, gzip_in_front

# Set up before an edit: the time of the Enter that commits the field, of the first change of the chart's
# text after it, and of the end of the script run it started, as the page learns of it (Streamlit's app
# root leaves its "running" state). Timed in the page, so Playwright's round trips are not in the figures.
WATCH_THE_CHART = """chart => {
  const before = document.querySelector(chart).textContent;
  window.benchEdited = window.benchRedrawn = window.benchSettled = null;
  document.addEventListener("keydown", event => {
    if (event.key === "Enter") window.benchEdited = performance.now();
  }, {capture: true, once: true});
  const observer = new MutationObserver(() => {
    const now = document.querySelector(chart);
    if (window.benchEdited !== null && now && now.textContent !== before) {
      window.benchRedrawn = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document.body, {subtree: true, childList: true, characterData: true});
  const run = new MutationObserver(records => {
    if (window.benchEdited !== null && records.some(record => record.oldValue === "running")) {
      window.benchSettled = performance.now();
      run.disconnect();
    }
  });
  run.observe(document.body, {
    subtree: true, attributes: true, attributeOldValue: true, attributeFilter: ["data-test-script-state"]});
}"""


@dataclass(frozen=True)
class Page:
    """A page to time: the script `streamlit run` serves, its chart, and the number field an edit changes."""

    name: str
    script: str
    chart: str  # CSS selector of the chart that shows the field's value
    field: str  # the number field's label

    @property
    def drawn(self) -> str:
        return f"{self.chart} .main-svg"


MINIMAL = Page("minimal page", "bench/minimal_page.py", "[data-testid='stPlotlyChart']", "Value")
# The unrolled unit: the chart with Plotly's Play button, which prints day 1's value on its first cell.
EXPLORER = Page("explorer", APP, "[data-testid='stPlotlyChart']:has(.updatemenu-button)", "Day 1")


@dataclass
class Timings:
    """One page's figures, one per turn: seconds to a painted chart, the turn's median edits in ms; bytes once."""

    cold: list[float] = field(default_factory=list)
    warm: list[float] = field(default_factory=list)
    edit: list[float] = field(default_factory=list)
    settled: list[float] = field(default_factory=list)  # Enter to the end of the script run, in ms
    plain_bytes: int = 0
    gzip_bytes: int = 0


def warm_visit_seconds(context, url: str, page: Page) -> float:
    """A new tab of a browser that has been here before, on a running server, until the chart is painted."""
    tab = context.new_page()
    try:
        began = time.perf_counter()
        tab.goto(url)
        tab.wait_for_selector(page.drawn, timeout=120_000)
        return time.perf_counter() - began
    finally:
        tab.close()


def wait_until_settled(tab) -> None:
    """The script run is over: Streamlit's running indicator has gone."""
    tab.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=120_000)


def edit_milliseconds(tab, page: Page, value: float) -> tuple[float, float]:
    """From the Enter that commits a new value in the page's number field to its chart showing it, and to the
    end of the script run the edit started."""
    wait_until_settled(tab)
    box = tab.get_by_role("spinbutton", name=page.field, exact=True)
    box.fill(f"{value:.2f}")
    tab.evaluate(WATCH_THE_CHART, page.chart)
    box.press("Enter")
    tab.wait_for_function("() => window.benchRedrawn !== null && window.benchSettled !== null", timeout=120_000)
    return tab.evaluate("() => [window.benchRedrawn - window.benchEdited, window.benchSettled - window.benchEdited]")


def measure_page(browser, page: Page, timings: Timings, folder: Path, edits: int, weigh: bool) -> None:
    """Start `page`'s server and time it: cold start, a warm visit, `edits` round trips; `weigh`: bytes too."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log_path = folder / f"{Path(page.script).stem}.log"
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    with log_path.open("a") as log:
        began = time.perf_counter()
        process = start_streamlit(log, port, script=page.script)
        try:
            wait_until_healthy(url, process, log_path, limit=120)
            tab.goto(url)
            tab.wait_for_selector(page.drawn, timeout=120_000)
            timings.cold.append(time.perf_counter() - began)
            timings.warm.append(warm_visit_seconds(context, url, page))
            redrawn, settled = zip(*(edit_milliseconds(tab, page, 0.05 * (n + 1)) for n in range(edits)), strict=True)
            timings.edit.append(statistics.median(redrawn))
            timings.settled.append(statistics.median(settled))
            context.close()
            if weigh:
                timings.plain_bytes = first_visit_bytes(browser, url, page.drawn)
                with gzip_in_front(url) as proxied:
                    timings.gzip_bytes = first_visit_bytes(browser, proxied, page.drawn)
        finally:
            context.close()
            stop_process(process)


def measure_pages(browser, repeats: int, folder: Path, edits: int = 3) -> dict[str, Timings]:
    """The minimal page and the explorer in turns, the order swapped each repeat, so a slow moment of the
    machine does not land on one side of a ratio only."""
    timings = {MINIMAL.name: Timings(), EXPLORER.name: Timings()}
    for repeat in range(repeats):
        for page in (MINIMAL, EXPLORER) if repeat % 2 == 0 else (EXPLORER, MINIMAL):
            measure_page(browser, page, timings[page.name], folder, edits, weigh=repeat == 0)
    return timings
