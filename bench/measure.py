"""The benchmark: every figure of the product beside a floor measured in the same run, as one table of ratios."""

from __future__ import annotations

import lightning as L
import torch

from bench.carry import carry_figures
from bench.live import LiveRuns
from bench.pages import EXPLORER, MINIMAL, Timings
from bench.script_run import measure_script_runs, sixty_day_figures
from bench.steps import step_costs_ms, times_to_trained
from bench.table import Figure, Target, as_dict, compare, markdown, measured, table
from lstm.training.process import configure_process

__all__ = ["PARTS", "Figure", "as_dict", "machine", "markdown", "measure", "table"]

MB = 1e6
# Parts of the benchmark that may be measured alone (`only`): the class vote, a class of 60 phones in Chromium;
# the live run, a run with the Training page open beside the command line's, `repeats` pairs.
PARTS = ("class-vote", "live")


def machine() -> str:
    import os
    import platform

    return (
        f"{os.cpu_count()} cores, Python {platform.python_version()}, torch {torch.__version__}, "
        f"lightning {L.__version__}, {platform.machine()}"
    )


def page_figures(pages: dict[str, Timings]) -> list[Figure]:
    """Cold start, warm visit, an edit's round trip and a first visit's bytes: the explorer / the minimal page."""
    ours, floor = pages[EXPLORER.name], pages[MINIMAL.name]

    def beside_the_minimal_page(name: str, mine: list[float], its: list[float], unit: str, at_most: float | None):
        return compare(name, mine, its, unit, MINIMAL.name, None if at_most is None else Target(True, at_most))

    return [
        beside_the_minimal_page("cold start: server start to chart painted", ours.cold, floor.cold, "s", 1.2),
        beside_the_minimal_page("warm visit: a new tab to chart painted", ours.warm, floor.warm, "s", 1.3),
        beside_the_minimal_page("edit: Enter in a number field to chart redrawn", ours.edit, floor.edit, "ms", 1.5),
        beside_the_minimal_page("edit: Enter to the server's figure drawn", ours.served, floor.served, "ms", None),
        beside_the_minimal_page(
            "first visit on the wire, gzip behind nginx", [ours.gzip_bytes / MB], [floor.gzip_bytes / MB], "MB", 1.1
        ),
        beside_the_minimal_page(
            "first visit on the wire, straight from Streamlit",
            [ours.plain_bytes / MB],
            [floor.plain_bytes / MB],
            "MB",
            None,
        ),
    ]


def script_run_figure(repeats: int) -> Figure:
    """The explorer's heaviest view rerun on the server, held to the issue's 100 ms; the minimal page's beside it."""
    runs = measure_script_runs(repeats)
    return compare(
        "script run: explorer, 12 days with a cell open (AppTest rerun)",
        runs.explorer,
        runs.minimal,
        "ms",
        MINIMAL.name,
        Target(True, 100, "ms"),
    )


def training_figures(repeats: int) -> list[Figure]:
    """A training step against the naive bare loop; time to trained against the tutorial's recipe."""
    product, naive = step_costs_ms(repeats)
    fast, tutorial = times_to_trained(repeats)
    return [
        compare(
            "training step, steady state (2000- minus 200-epoch run, per step)",
            product,
            naive,
            "ms",
            "naive PyTorch loop",
            Target(True, 1.0),
        ),
        compare(
            "time to trained (both predictions within 0.05), fast recipe, set-up included",
            fast,
            tutorial,
            "s",
            "tutorial recipe",
            Target(False, 400),
            speed_up=True,
        ),
    ]


def live_figures(runs: LiveRuns) -> list[Figure]:
    """The run with the Training page open as a share of the command line's speed; what a live redraw costs."""
    return [
        compare(
            f"a run with the Training page open, share of the command line's speed ({runs.cores.said()})",
            runs.live,
            runs.command_line,
            "steps/s",
            "command line",
            Target(False, 0.9),
            unit="share",
        ),
        measured("live redraw: server CPU per redraw, the training thread's left out", runs.cpu_ms, "ms"),
        measured("live redraw: websocket bytes the page receives per redraw", runs.bytes, "bytes"),
    ]


def measure(repeats: int = 3, browser: bool = True, only: str | None = None) -> list[Figure]:
    """Every figure, each beside its floor; `browser` adds those that need Chromium and nginx; `only` names one of
    the PARTS to measure alone. The class vote is one class, whatever `repeats` says: it takes minutes."""
    if only is not None and only not in PARTS:
        raise ValueError(f"no part of the benchmark is called {only!r}; parts: {', '.join(PARTS)}")
    configure_process()
    if only is None and not browser:
        return [
            script_run_figure(repeats),
            *sixty_day_figures(repeats),
            *training_figures(repeats),
            *carry_figures(repeats),
        ]
    from bench.browser import measure_in_browser, require_browser

    require_browser()
    from bench.class_vote import measure_class_vote  # Playwright's and websockets' clients, once they are known there

    if only == "class-vote":
        return measure_class_vote()
    if only == "live":
        from bench.live import measure_live

        return live_figures(measure_live(repeats))
    pages, live = measure_in_browser(repeats)
    figures = training_figures(repeats)
    pages_measured = page_figures(pages)
    return [
        *pages_measured[:3],
        script_run_figure(repeats),
        *sixty_day_figures(repeats),
        *pages_measured[3:],
        figures[0],
        *live_figures(live),
        figures[1],
        *carry_figures(repeats),
        *measure_class_vote(),
    ]
