"""A run with the Training page open beside the same run from the command line, and what each redraw costs.

As a hosted server sees it: the visitor's browser runs on the visitor's machine, so where `taskset` and two cores
exist the server and the command line share one core and Chromium (with this driver) has the other. The two cores
are not independent: on this machine a busy loop on one slowed the command line on the other to about 0.6 of its
speed. So the command line runs beside a Chromium kept as busy as it was during the live run before it (its share
of a core, burnt by the page), and the pair compares the server's side alone.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.served import REPO, launch_chromium, streamlit_server
from bench.wire import Received
from lstm.training.worker import WORKER_OS_THREAD

PROGRESS = "[data-testid='stProgress']"
LIVE_EPOCHS = 3000  # the command line's run: `python -m lstm train --recipe fast --epochs 3000 --json`
COMMAND_LINE = [sys.executable, "-m", "lstm", "train", "--recipe", "fast", "--epochs", str(LIVE_EPOCHS), "--json"]
# Seconds into a run before its redraws are counted, past the whole-page draw at its start, and the longest
# window they are counted over (a run that ends sooner is counted up to its last redraw).
LEAD_IN, WINDOW = 0.5, 30.0
WINDOW_ENDS = 0.7  # or when the run is this far through, whichever comes first
MINIMUM_REDRAWS = 2
SHOWN_EPOCH = "() => window.benchEpochs.length ? window.benchEpochs.at(-1)[1] : 0"
# Each epoch the status line shows, with the moment it showed it: one a redraw of the live panel.
RECORD_EPOCHS = """progress => {
  window.benchEpochs = [];
  new MutationObserver(() => {
    const match = /epoch ([\\d,]+)/.exec(document.querySelector(progress)?.innerText ?? "");
    const epoch = match ? Number(match[1].replaceAll(",", "")) : null;
    const last = window.benchEpochs.at(-1);
    if (epoch !== null && (!last || last[1] !== epoch)) window.benchEpochs.push([performance.now(), epoch]);
  }).observe(document.body, {subtree: true, childList: true, characterData: true});
}"""
STEPS_PER_SECOND = re.compile(r"([\d,]+) steps/s")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
# Keeps the page's main thread busy for `share` of every slice of 20 ms until `window.benchBurning` is false: the
# browser's side of the machine during the command line's run, as busy as it was during the live run.
BURN = """share => {
  window.benchBurning = true;
  const slice = 20;
  const tick = () => {
    if (!window.benchBurning) return;
    const until = performance.now() + share * slice;
    while (performance.now() < until);
    setTimeout(tick, (1 - share) * slice);
  };
  tick();
}"""
MOST_BUSY = 0.95  # of a core: a page kept busier never paints, and the driver could not stop it


@dataclass(frozen=True)
class Cores:
    """Where each side runs: the server and the command line, and Chromium; None where nothing is pinned."""

    server: int | None
    browser: int | None

    @property
    def pinned(self) -> bool:
        return self.server is not None

    def prefix(self) -> list[str]:
        """What a server or command line is started behind to hold it to its core."""
        return ["taskset", "-c", str(self.server)] if self.pinned else []

    def said(self) -> str:
        if not self.pinned:
            return "not pinned: taskset or a second core is missing"
        return (
            f"server and command line on core {self.server}, Chromium on core {self.browser} and as busy during the "
            "command line's run as during the live one"
        )


def cores() -> Cores:
    """Two of this process's cores, one for the server side and one for the browser, where taskset exists."""
    allowed = sorted(os.sched_getaffinity(0))
    if shutil.which("taskset") is None or len(allowed) < 2:
        return Cores(None, None)
    return Cores(allowed[0], allowed[1])


@dataclass
class LiveRuns:
    """Per turn: the run's steps per second with the page open and from the command line; what redraws cost."""

    cores: Cores
    live: list[float] = field(default_factory=list)
    command_line: list[float] = field(default_factory=list)
    cpu_ms: list[float] = field(default_factory=list)  # server CPU per redraw, the training thread's left out
    browser_share: list[float] = field(default_factory=list)  # of a core, Chromium and this driver, while it trained
    bytes: list[float] = field(default_factory=list)  # websocket bytes the page received per redraw


def command_line_steps_per_second(where: Cores) -> float:
    """The command line's own figure for the run: its optimiser steps over the seconds its fit took."""
    result = subprocess.run(
        [*where.prefix(), *COMMAND_LINE], capture_output=True, text=True, cwd=REPO, timeout=600, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"the command line's run failed: {result.stderr.strip()[-400:]}")
    run = json.loads(result.stdout)
    return run["steps"] / run["fit_seconds"]


def _stat(stat: Path) -> tuple[str, int, float]:
    """A process's or thread's name, parent and the CPU seconds it has used (utime and stime), from /proc."""
    text = stat.read_text()
    name, fields = text[text.index("(") + 1 : text.rindex(")")], text[text.rindex(")") + 2 :].split()
    return name, int(fields[1]), (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def cpu_seconds(pid: int) -> tuple[float, float]:
    """CPU seconds the process `pid` has used so far, all of it and its training threads' part."""
    total = _stat(Path(f"/proc/{pid}/stat"))[2]
    training = 0.0
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            name, __, seconds = _stat(task / "stat")
        except FileNotFoundError:
            continue  # a thread that ended while being read
        if name == WORKER_OS_THREAD:
            training += seconds
    return total, training


def _process_table() -> dict[int, tuple[int, float]]:
    """Every process now: its parent and the CPU seconds it has used (utime and stime)."""
    table = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            __, parent, seconds = _stat(stat)
        except OSError:
            continue  # a process that ended while being read
        table[int(stat.parent.name)] = (parent, seconds)
    return table


def browser_cpu_seconds(server_pid: int) -> float:
    """CPU seconds used so far by the browser's side: every process under this one (Playwright's driver and
    Chromium's), the server's and whatever it started left out."""
    table = _process_table()
    children: dict[int, list[int]] = {}
    for pid, (parent, __) in table.items():
        children.setdefault(parent, []).append(pid)
    seconds, waiting = 0.0, list(children.get(os.getpid(), []))
    while waiting:
        pid = waiting.pop()
        if pid == server_pid:
            continue
        seconds += table[pid][1]
        waiting.extend(children.get(pid, []))
    return seconds


def command_line_beside(page, where: Cores, share: float) -> float:
    """The command line's run while the page keeps the browser's core `share` busy, as a live run kept it."""
    page.evaluate(BURN, min(MOST_BUSY, share))
    try:
        return command_line_steps_per_second(where)
    finally:
        page.evaluate("() => { window.benchBurning = false; }")


def start_run(page, base: str, epochs: int = LIVE_EPOCHS) -> None:
    """The Training page with the fast recipe for `epochs` epochs, "Watch it" off, Train pressed."""
    page.goto(f"{base}/training")
    field = page.get_by_role("spinbutton", name="Epochs")
    field.fill(str(epochs))
    field.press("Enter")
    budget = f"of {epochs:,} this run"
    for _ in range(3):
        # Train pressed while Enter's rerun is still on its way starts the old budget (300 epochs, gone in
        # a blink); by the next press the server has the new one.
        page.get_by_role("button", name="Train").click()
        page.wait_for_function(f'() => /epoch [1-9]/.test(document.querySelector("{PROGRESS}")?.innerText)')
        if budget in page.locator(PROGRESS).inner_text():
            return
        page.wait_for_function(f'() => /Finished/.test(document.querySelector("{PROGRESS}")?.innerText)')
    raise RuntimeError(f"the training page did not take the {epochs:,}-epoch budget")


def live_turn(page, base: str, pid: int, runs: LiveRuns, epochs: int = LIVE_EPOCHS) -> None:
    """One run of `epochs` with the page open: its speed as the page reports it at the end, and its redraws' cost.

    The cost is counted over the live redraws only, from past the run's start to well before its end; a turn whose
    window reached the end (a machine too busy to redraw in time) adds its speed and no cost.
    """
    received = Received()
    network = page.context.new_cdp_session(page)
    network.on("Network.webSocketFrameReceived", received.message)
    network.send("Network.enable")
    start_run(page, base, epochs)
    # The browser's share of a core over the whole run (its window alone can be a few clock ticks).
    browser_before, began = browser_cpu_seconds(pid), time.monotonic()
    time.sleep(LEAD_IN)  # past the whole-page draw at the run's start
    page.evaluate(RECORD_EPOCHS, PROGRESS)
    page.wait_for_function("() => window.benchEpochs.length > 0")  # the first live redraw: the window opens
    cpu, bytes_before, first = cpu_seconds(pid), received.websocket, page.evaluate("() => window.benchEpochs.length")
    ends = time.monotonic() + WINDOW
    while time.monotonic() < ends and page.evaluate(SHOWN_EPOCH) < WINDOW_ENDS * epochs:
        time.sleep(0.05)
    total, training = cpu_seconds(pid)
    sent = received.websocket - bytes_before
    redraws = page.evaluate("() => window.benchEpochs.length") - first
    live = page.evaluate(SHOWN_EPOCH) < epochs
    page.wait_for_function(f'() => /Finished/.test(document.querySelector("{PROGRESS}")?.innerText)', timeout=120_000)
    runs.browser_share.append((browser_cpu_seconds(pid) - browser_before) / (time.monotonic() - began))
    network.detach()
    runs.live.append(float(STEPS_PER_SECOND.search(page.locator(PROGRESS).inner_text()).group(1).replace(",", "")))
    if live and redraws >= MINIMUM_REDRAWS:
        runs.cpu_ms.append(((total - cpu[0]) - (training - cpu[1])) * 1000 / redraws)
        runs.bytes.append(sent / redraws)


def measure_live(repeats: int) -> LiveRuns:
    """`repeats` pairs, the order swapped each turn: a run with the Training page open, the command line's run."""
    from playwright.sync_api import sync_playwright

    where = cores()
    runs = LiveRuns(where)
    allowed = os.sched_getaffinity(0)
    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / "live.log"
        with streamlit_server(log, prefix=where.prefix()) as app:
            if where.pinned:
                os.sched_setaffinity(0, {where.browser})  # this driver is the browser's side of the machine
            try:
                # Playwright's driver and Chromium start here and inherit this process's core.
                with sync_playwright() as playwright:
                    browser = launch_chromium(playwright)
                    page = browser.new_page(viewport={"width": 1280, "height": 800})
                    page.set_default_timeout(120_000)  # a busy machine draws the page slowly
                    for repeat in range(repeats):
                        # The command line's run beside the browser as busy as in the live run before it (the
                        # first turn is a live one).
                        turn = [lambda: live_turn(page, app.url, app.process.pid, runs),
                                lambda: runs.command_line.append(
                                    command_line_beside(page, where, runs.browser_share[-1]))]  # fmt: skip
                        for measure in turn if repeat % 2 == 0 else reversed(turn):
                            measure()
                    browser.close()
            finally:
                os.sched_setaffinity(0, allowed)
    if not runs.cpu_ms:
        raise RuntimeError("the Training page never redrew while a run went on: the machine is too busy to measure")
    return runs
