"""The insight views' speed: the landscape's grid, backpropagation through time, the series, each page's script run."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from lstm.figures.backprop import backprop_figure
from lstm.figures.landscape import landscape_figure
from lstm.figures.series import series_figure
from lstm.insights.backprop import backprop_through_time
from lstm.insights.landscape import landscape
from lstm.training.data import companies
from lstm.training.series import read_series, training_data
from lstm.unit.weights import PRESETS

TRAINED = PRESETS["trained"]


def _milliseconds(repeats: int, work: Callable[[], object]) -> float:
    timings = []
    for _ in range(repeats):
        began = time.perf_counter()
        work()
        timings.append((time.perf_counter() - began) * 1000)
    return statistics.median(timings)


def a_run_path(epochs: int = 300) -> dict[str, list[float]]:
    """A path shaped like a fast run's: each weight walks from half its trained value to it."""
    return {
        name: [value * (0.5 + 0.5 * step / epochs) for step in range(epochs + 1)] for name, value in TRAINED.items()
    }


def landscape_ms(points: int, repeats: int = 9) -> float:
    """The loss over a `points` x `points` grid of two weights, both companies, as plain floats."""
    data = companies()
    return _milliseconds(repeats, lambda: landscape(TRAINED, "wlr1", "wo2", data.inputs, data.labels, points=points))


def landscape_with_figure_ms(repeats: int = 9) -> float:
    """The 100 x 100 grid around a 300-epoch path, and the figure with its frames, as the page sends it."""
    data = companies()
    path = a_run_path()
    epochs = list(range(301))
    losses = [1.0 / (epoch + 1) for epoch in epochs]

    def once() -> None:
        surface = landscape(TRAINED, "wlr1", "wo2", data.inputs, data.labels, path)
        landscape_figure(surface, TRAINED, path, epochs, losses).to_dict()

    return _milliseconds(repeats, once)


def backprop_ms(days: int, repeats: int = 9) -> float:
    """Per-day gradients of `days` days and the backward animation's figure."""
    values = [0.1 * (day % 10) for day in range(days)]
    return _milliseconds(repeats, lambda: backprop_figure(backprop_through_time(values, TRAINED, 0.0)).to_dict())


def series_ms(prices: int, repeats: int = 9) -> float:
    """Read a CSV of `prices` rows, scale it, cut it into windows of 4 days, and draw it."""
    text = "date,close\n" + "".join(f"d{day},{100 + (day * 37) % 23}\n" for day in range(prices))

    def once() -> None:
        series = read_series(text)
        training_data(series, 4)
        series_figure(series, 4).to_dict()

    return _milliseconds(repeats, once)


def page_script_ms(module: str, repeats: int = 9) -> float:
    """One whole script run of an insight page (AppTest), after its first."""
    import logging

    from streamlit.testing.v1 import AppTest

    # AppTest runs the page without a browser session, which Streamlit's logger remarks on each run.
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").setLevel(logging.ERROR)
    app = AppTest.from_string(f"from lstm.ui import {module}\n{module}.render()\n", default_timeout=60)
    app.run()
    return _milliseconds(repeats, app.run)
