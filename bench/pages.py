"""The explorer beside the minimal page in Chromium: cold start, warm visit, edit round trip, first visit bytes."""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.served import APP, free_port, start_streamlit, stop_process, wait_until_healthy
from bench.wire import first_visit_bytes, first_visit_bytes_sent, gzip_in_front

# Set up before an edit: the time of the Enter that commits the field, of the first change of the chart's
# text after it, and of the chart showing the server's figure for the new value (a text only the server's
# figure writes: the value as the field's label prints it). Timed in the page, so Playwright's round trips
# are not in the figures.
WATCH_THE_CHART = """([chart, served]) => {
  const before = document.querySelector(chart).textContent;
  window.benchEdited = window.benchRedrawn = window.benchServed = null;
  document.addEventListener("keydown", event => {
    if (event.key === "Enter") window.benchEdited = performance.now();
  }, {capture: true, once: true});
  const observer = new MutationObserver(() => {
    const now = document.querySelector(chart);
    if (window.benchEdited === null || !now) return;
    if (window.benchRedrawn === null && now.textContent !== before) window.benchRedrawn = performance.now();
    if ([...now.querySelectorAll("text")].some(text => text.textContent === served)) {
      window.benchServed = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document.body, {subtree: true, childList: true, characterData: true});
}"""


@dataclass(frozen=True)
class Page:
    """A page to time: the script `streamlit run` serves, its chart, and the number field an edit changes."""

    name: str
    script: str
    chart: str  # CSS selector of the chart that shows the field's value
    field: str  # the number field's label
    served: str  # what the server's figure writes for the field's new value, formatted with `value`

    @property
    def drawn(self) -> str:
        return f"{self.chart} .main-svg"


MINIMAL = Page("minimal page", "bench/minimal_page.py", "[data-testid='stPlotlyChart']", "Value", "{value:.2f}")
# The unrolled unit: the explorer's chart. The page redraws its cells in the browser; the label
# under the first cell ("day 1", the value) comes with the server's figure.
EXPLORER = Page("explorer", APP, ".st-key-unrolled [data-testid='stPlotlyChart']", "Day 1", "day 1{value:.2f}")


@dataclass
class Timings:
    """One page's figures, one per turn: seconds to a painted chart, the turn's median edits in ms; bytes once."""

    cold: list[float] = field(default_factory=list)
    warm: list[float] = field(default_factory=list)
    edit: list[float] = field(default_factory=list)
    served: list[float] = field(default_factory=list)  # Enter to the server's figure drawn, in ms
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
    chart showing the server's figure for it."""
    wait_until_settled(tab)
    box = tab.get_by_role("spinbutton", name=page.field, exact=True)
    box.fill(f"{value:.2f}")
    tab.evaluate(WATCH_THE_CHART, [page.chart, page.served.format(value=value)])
    box.press("Enter")
    tab.wait_for_function("() => window.benchServed !== null", timeout=120_000)
    return tab.evaluate("() => [window.benchRedrawn - window.benchEdited, window.benchServed - window.benchEdited]")


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
            redrawn, served = zip(*(edit_milliseconds(tab, page, 0.05 * (n + 1)) for n in range(edits)), strict=True)
            timings.edit.append(statistics.median(redrawn))
            timings.served.append(statistics.median(served))
            context.close()
            if weigh:
                timings.plain_bytes = first_visit_bytes(browser, url, page.drawn)
                with gzip_in_front(url) as proxy:
                    timings.gzip_bytes = first_visit_bytes_sent(browser, proxy, page.drawn)
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
