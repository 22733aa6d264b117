"""The explorer's script run with 12 and with 60 days and a cell open, beside the minimal page's, both through
AppTest; and the size of the unrolled figure the page sends at both lengths."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from bench.served import APP, REPO
from bench.table import Figure, Target, compare, measured
from lstm.ui.explorer_details import EVERY_DAY
from lstm.ui.explorer_inputs import WEIGHTS_EDITOR
from lstm.ui.explorer_session import CHART

# Twelve days (the most with a field each and every number in the cells), day 2's cell opened up below the
# overview, and the folds that draw only when opened open (the weights' fields, every day's chart and table).
TWELVE_DAYS = "0,0.5,0.25,1,0.75,0.1,0.9,0.3,0.6,0.2,0.8,0.4"
HEAVIEST_VIEW = {"days": TWELVE_DAYS, "cell": "2"}
HEAVIEST_FOLDS = (WEIGHTS_EDITOR, EVERY_DAY)
# Sixty days, the page's most since issue 30: compact cells, their frames sent as changes; the same cell and folds.
SIXTY_DAYS = ",".join(str(round((day * 0.37) % 1, 2)) for day in range(60))
SIXTY_DAY_VIEW = {"days": SIXTY_DAYS, "cell": "2"}
FIGURE_KB_AT_MOST = 400  # the bound on the unrolled figure's JSON at 60 days
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


def measure_script_runs(repeats: int, runs: int = RUNS_PER_TURN, view: dict[str, str] = HEAVIEST_VIEW) -> ScriptRuns:
    """The explorer's heaviest view (or `view`, with the same folds open) and the minimal page in turns, the order
    swapped each repeat."""
    explorer, minimal = opened(APP, view, HEAVIEST_FOLDS), opened(MINIMAL_SCRIPT, {})
    measured = ScriptRuns()
    for repeat in range(repeats):
        turn = [(explorer, measured.explorer), (minimal, measured.minimal)]
        for app, into in turn if repeat % 2 == 0 else reversed(turn):
            into.append(rerun_milliseconds(app, runs))
    return measured


def figure_kilobytes(view: dict[str, str]) -> float:
    """The unrolled figure's JSON as the page's script run hands it to Streamlit for `view`, in KB (1000 bytes)."""
    app = opened(APP, view)
    return next(len(chart.proto.spec) for chart in app.get("plotly_chart") if chart.proto.id.endswith(CHART)) / 1000


def sixty_day_figures(repeats: int) -> list[Figure]:
    """Issue 30's rows: the explorer's script run at 60 days with a cell open (100 ms), and the unrolled figure's
    JSON at 60 days (400 KB) with the 12 days' beside it. bench/measure.py adds them with one call."""
    runs = measure_script_runs(repeats, view=SIXTY_DAY_VIEW)
    twelve, sixty = figure_kilobytes(HEAVIEST_VIEW), figure_kilobytes(SIXTY_DAY_VIEW)
    return [
        compare(
            "script run: explorer, 60 days with a cell open (AppTest rerun)",
            runs.explorer,
            runs.minimal,
            "ms",
            "minimal page",
            Target(True, 100, "ms"),
        ),
        measured(
            f"unrolled figure's JSON, 60 days with a cell open (12 days: {twelve:.0f} KB)",
            [sixty],
            "KB",
            Target(True, FIGURE_KB_AT_MOST),
        ),
    ]
