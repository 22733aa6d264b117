"""A class of phones in Chromium beside the projector: a tap to the projector's count, the projector's edit round
trip while the phones poll, and the server's memory with the class joined."""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from bench.pages import EXPLORER, WATCH_THE_CHART, wait_until_settled
from bench.phone_client import Class as ProtocolPhones
from bench.phone_pages import ChromiumPhones
from bench.served import launch_chromium, streamlit_server
from bench.table import Figure, Target, compare, measured, table

PHONES = 60  # the class
EDITS = 5  # the projector's edits with no phones, and again with the class polling
STEP = 2  # the lesson step whose question the class answers
# How the phones are played: by clients of the protocol a phone's page speaks (the server does for each what it does
# for a phone, and this machine is spared drawing sixty pages, as a class's own phones would draw them), or by
# pages in the same Chromium as the projector (on two cores, sixty pages' drawing starves the projector and server).
PHONES_IN = {"protocol": "Streamlit's websocket", "chromium": "Chromium pages at 390x844"}
PATIENCE_MS = 600_000  # a wait on a 2-core machine that runs sixty pages and their server
CPU_WINDOW = 10.0  # seconds the server's CPU is read over, the projector open and the phones, if any, polling
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
LOST_MS = 60_000  # an edit whose figure has not come back by then will not: the field shows the value before
PROJECTOR = {"viewport": {"width": 1920, "height": 1080}}
ROUND = ".st-key-class_vote_round"  # the projector's round buttons
LIVE = ".st-key-class_vote_live"  # the projector's counts
CODE = ".st-key-class_vote_code"
# The bench reads the page in English (it never sets a language): the counts say "N phones joined · M voted".
JOINED_ALL = """([live, phones]) =>
  (document.querySelector(live)?.textContent ?? "").includes(`${phones} phones joined`)"""
# Each count of votes the projector shows, with the moment (the browser's clock, shared by every page) it first did.
WATCH_THE_COUNT = """live => {
  window.benchSeen = {};
  const read = () => {
    const match = /(\\d+) voted/.exec(document.querySelector(live)?.textContent ?? "");
    if (match && !(match[1] in window.benchSeen)) window.benchSeen[match[1]] = Date.now();
  };
  read();
  new MutationObserver(read).observe(document.body, {subtree: true, childList: true, characterData: true});
}"""


@dataclass
class ClassFigures:
    """One class's figures: each vote's tap to the projector's count (s), the projector's edits (ms), memory (MB)."""

    phones: int
    phones_in: str  # "protocol": clients of Streamlit's websocket; "chromium": pages at 390x844
    latencies: list[float] = field(default_factory=list)
    edits_alone: list[float] = field(default_factory=list)  # Enter to the server's figure drawn, before and after
    edits_polled: list[float] = field(default_factory=list)  # the same with every phone joined and polling
    lost_alone: int = 0  # edits that never reached the server's figure, no phone joined
    lost_polled: int = 0  # the same with the class polling
    cpu_alone: float = 0.0  # the server's share of a core with the projector alone open (it polls too)
    cpu_polled: float = 0.0  # the same with the class polling
    memory_alone: float = 0.0
    memory_joined: float = 0.0

    @property
    def p95(self) -> float:
        return statistics.quantiles(self.latencies, n=20, method="inclusive")[-1]


def resident_mb(pid: int) -> float:
    """The resident memory of a process and all its children (Linux's VmRSS), in MB."""
    total, waiting = 0, [pid]
    while waiting:
        current = waiting.pop()
        status = Path(f"/proc/{current}/status").read_text().splitlines()
        total += next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
        for task in Path(f"/proc/{current}/task").iterdir():
            waiting += [int(child) for child in (task / "children").read_text().split()]
    return total / 1024


def cpu_share(pid: int, seconds: float = CPU_WINDOW) -> float:
    """The share of one core a process (its threads; Streamlit starts no child) spends over `seconds` of wall time."""

    def cpu_seconds() -> float:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime and stime, after the name and state

    began_cpu, began = cpu_seconds(), time.monotonic()
    time.sleep(seconds)
    return (cpu_seconds() - began_cpu) / (time.monotonic() - began)


def open_projector(browser, url: str):
    """The teacher's page in presenter mode on the lesson's step, a class started and the days' fields unfolded."""
    context = browser.new_context(**PROJECTOR)
    context.set_default_timeout(PATIENCE_MS)
    page = context.new_page()
    page.goto(f"{url}/?mode=present&lesson={STEP}")
    page.get_by_role("button", name="Start a class vote").click()
    page.wait_for_selector(CODE)
    page.get_by_text("Days, weights and more").click()
    page.get_by_role("spinbutton", name=EXPLORER.field, exact=True).wait_for()
    return page


def open_class(browser, url: str, code: str, count: int, phones_in: str):
    """`count` phones joined and waiting for the teacher: pages in Chromium, or clients of the same protocol."""
    if phones_in == "chromium":
        return ChromiumPhones(browser, url, code, count, PATIENCE_MS)
    return ProtocolPhones(url, code, count, PATIENCE_MS / 1000)


def edit(projector, value: float) -> float | None:
    """The projector's first day set to `value`: ms from the Enter to the server's figure for it drawn, or None when
    the figure has not come in LOST_MS (the edit was lost: the field went back to the value before)."""
    wait_until_settled(projector)
    box = projector.get_by_role("spinbutton", name=EXPLORER.field, exact=True)
    box.fill(f"{value:.2f}")
    projector.evaluate(WATCH_THE_CHART, [EXPLORER.chart, EXPLORER.served.format(value=value)])
    box.press("Enter")
    try:
        projector.wait_for_function("() => window.benchServed !== null", timeout=LOST_MS)
    except PlaywrightTimeout:
        return None
    return projector.evaluate("() => window.benchServed - window.benchEdited")


def edits(projector, count: int, first: float) -> tuple[list[float], int]:
    """`count` edits of the projector's first day that reached the server's figure, each in ms, and how many were
    lost on the way (at most twice `count`: each is tried with a value of its own, `first` and up by 0.05)."""
    served, lost = [], 0
    for attempt in range(3 * count):
        if len(served) == count:
            break
        took = edit(projector, first + 0.05 * attempt)
        if took is None:
            lost += 1
        else:
            served.append(took)
    return served, lost


def votes(projector, phones, count: int) -> list[float]:
    """Every phone taps an answer, one after another; each tap's seconds to the projector's count.

    Votes are counted in the order they are tapped, so the k-th tap is matched with the first moment the projector
    counts k votes (the mean of these is exactly the mean of the true delays; a tap overtaken by a later one on
    the server swaps two delays).
    """
    projector.locator(ROUND).get_by_role("button", name="Ask the class").click()
    phones.wait_for_answers()
    projector.evaluate(WATCH_THE_COUNT, LIVE)
    phones.tap([str(index % 2) for index in range(count)])
    projector.wait_for_function(f"() => window.benchSeen[{count}] !== undefined", timeout=PATIENCE_MS, polling=100)
    seen = {int(voted): moment for voted, moment in projector.evaluate("() => window.benchSeen").items()}
    return [
        (min(moment for voted, moment in seen.items() if voted >= rank) - tapped) / 1000
        for rank, tapped in enumerate(sorted(phones.taps()), start=1)
    ]


def measure_class(
    browser, phones: int = PHONES, edit_count: int = EDITS, folder: Path | None = None, phones_in: str = "protocol"
) -> ClassFigures:
    """A server of its own with a fresh database: the projector's edits and the server's memory with no phone,
    then `phones` join, the edits again, every phone votes, the memory with the class joined; the class leaves,
    and the edits once more."""
    figures = ClassFigures(phones, phones_in)
    with tempfile.TemporaryDirectory() as data:
        log = Path(folder or data) / "class-vote-bench.log"
        with streamlit_server(log, {"LSTM_EXPLORER_DATA": data}) as app:
            projector = open_projector(browser, app.url)
            try:
                code = projector.locator(CODE).inner_text().strip()
                edits(projector, 1, 3.05)  # the first edit of a page warms its caches: left out of either side
                figures.edits_alone, figures.lost_alone = edits(projector, edit_count, 0.05)
                figures.memory_alone = resident_mb(app.process.pid)
                figures.cpu_alone = cpu_share(app.process.pid)
                joined = open_class(browser, app.url, code, phones, phones_in)
                try:
                    projector.wait_for_function(JOINED_ALL, arg=[LIVE, phones], timeout=PATIENCE_MS)
                    figures.cpu_polled = cpu_share(app.process.pid)
                    figures.edits_polled, figures.lost_polled = edits(projector, edit_count, 1.05)
                    figures.latencies = votes(projector, joined, phones)
                    figures.memory_joined = resident_mb(app.process.pid)
                finally:
                    joined.close()
                # The class gone, the same edits again: the floor is taken on both sides of the class, so a
                # slow spell of the machine does not land on one side of the ratio only.
                after, lost = edits(projector, edit_count, 2.05)
                figures.edits_alone += after
                figures.lost_alone += lost
            finally:
                projector.context.close()
    return figures


def class_vote_figures(figures: ClassFigures) -> list[Figure]:
    """The class's rows: a vote's delay (median with its range; the 95th percentile held to 1.5 s), the projector's
    edit beside the same edit with no phone, and the server's memory beside its memory with no phone."""
    class_of = f"class vote, {figures.phones} phones ({PHONES_IN[figures.phones_in]})"
    tried = len(figures.edits_polled) + figures.lost_polled
    return [
        measured(f"{class_of}: a tap to the projector's count, median", figures.latencies, "s"),
        measured(
            f"{class_of}: a tap to the projector's count, 95th percentile", [figures.p95], "s", Target(True, 1.5, "s")
        ),
        compare(
            f"{class_of} polling: the projector's edit, Enter to the server's figure drawn",
            [statistics.median(figures.edits_polled)],
            [statistics.median(figures.edits_alone)],
            "ms",
            "no phone",
            Target(True, 1.5),
        ),
        compare(
            f"{class_of} polling: the server's CPU, the projector open",
            [figures.cpu_polled * 100],
            [figures.cpu_alone * 100],
            "% of a core",
            "no phone",
            None,
        ),
        measured(
            f"{class_of} polling: the projector's edits lost on the way, of {tried} "
            f"(with no phone: {figures.lost_alone} of {len(figures.edits_alone) + figures.lost_alone})",
            [figures.lost_polled],
            "edits",
        ),
        compare(
            f"{class_of} joined: the server's resident memory",
            [figures.memory_joined],
            [figures.memory_alone],
            "MB",
            "no phone",
            None,
        ),
    ]


def measure_class_vote(phones: int = PHONES, phones_in: str = "protocol") -> list[Figure]:
    """One class in a Chromium of its own, as the benchmark's rows."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            return class_vote_figures(measure_class(browser, phones, phones_in=phones_in))
        finally:
            browser.close()


def main() -> None:
    """`python -m bench.class_vote`: the class vote's rows alone (the whole benchmark is `python -m lstm bench`)."""
    parser = argparse.ArgumentParser(prog="python -m bench.class_vote", description=main.__doc__)
    parser.add_argument("--phones", type=int, default=PHONES, help="phones in the class")
    parser.add_argument(
        "--phones-in",
        choices=tuple(PHONES_IN),
        default="protocol",
        help=", ".join(f"{name}: {what}" for name, what in PHONES_IN.items()),
    )
    args = parser.parse_args()
    print(table(measure_class_vote(args.phones, args.phones_in)))


if __name__ == "__main__":
    main()
