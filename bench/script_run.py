"""The explorer's script run with 12 days and a cell open, beside the minimal page's, both through AppTest."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from bench.served import APP, REPO
from lstm.ui.explorer_details import EVERY_DAY
from lstm.ui.explorer_inputs import WEIGHTS_EDITOR

# Twelve days, the page's most, day 2's cell opened up below the overview, and the folds that draw only when
# opened open (the weights' fields, every day's chart and table): the heaviest explorer view.
TWELVE_DAYS = "0,0.5,0.25,1,0.75,0.1,0.9,0.3,0.6,0.2,0.8,0.4"
HEAVIEST_VIEW = {"days": TWELVE_DAYS, "cell": "2"}
HEAVIEST_FOLDS = (WEIGHTS_EDITOR, EVERY_DAY)
MINIMAL_SCRIPT = "bench/minimal_page.py"
RUNS_PER_TURN = 5  # reruns timed per turn; the turn's figure is their median
APP_TIMEOUT = 120  # seconds AppTest waits for one run on a busy machine


@dataclass
class ScriptRuns:
    """Milliseconds of one script run, one median per turn, for the explorer and the minimal page."""

    explorer: list[float] = field(default_factory=list)
    minimal: list[float] = field(default_factory=list)


def opened(script: str, query: dict[str, str], folds: tuple[str, ...] = ()):
    """`script` in AppTest with the link's `query` and the keyed `folds` open, run once: imports, caches and the
    session are warm."""
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_file(str(REPO / script), default_timeout=APP_TIMEOUT)
    for key, value in query.items():
        app.query_params[key] = value
    for key in folds:
        app.session_state[key] = True
    app.run()
    if app.exception:
        # The page's message is redacted (showErrorDetails is off); Streamlit logs the traceback itself.
        raise RuntimeError(f"{script} raised an exception in AppTest: its traceback is in the log above")
    return app


def rerun_milliseconds(app, runs: int) -> float:
    """The median of `runs` reruns of a warm page: what every click on it costs the server."""
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        app.run()
        times.append((time.perf_counter() - began) * 1000)
    times.sort()
    return times[len(times) // 2]


def measure_script_runs(repeats: int, runs: int = RUNS_PER_TURN) -> ScriptRuns:
    """The explorer's heaviest view and the minimal page in turns, the order swapped each repeat."""
    explorer, minimal = opened(APP, HEAVIEST_VIEW, HEAVIEST_FOLDS), opened(MINIMAL_SCRIPT, {})
    measured = ScriptRuns()
    for repeat in range(repeats):
        turn = [(explorer, measured.explorer), (minimal, measured.minimal)]
        for app, into in turn if repeat % 2 == 0 else reversed(turn):
            into.append(rerun_milliseconds(app, runs))
    return measured
