"""The benchmark's figures and its table: the product's speed on this machine, beside the tutorial's way of training."""

from __future__ import annotations

import statistics
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import lightning as L
import torch
from torch.optim import Adam

from bench.served import peak_memory_mb
from lstm.figures.days import gates_over_days_figure
from lstm.figures.unrolled import unrolled_figure
from lstm.training.data import company_tensors
from lstm.training.evaluation import evaluate
from lstm.training.fit import fit
from lstm.training.limits import Limits
from lstm.training.model import LSTMbyHand
from lstm.training.process import configure_process
from lstm.training.recipes import RECIPES, Recipe, steps_per_epoch
from lstm.training.worker import WORKER_THREAD, RunConfig, TrainingRun
from lstm.unit.cell import trace
from lstm.unit.stages import last_position
from lstm.unit.weights import NAMES, PRESETS

TRAINED_WITHIN = 0.05  # both predictions this close to their targets count as trained


@dataclass(frozen=True)
class Figure:
    """One measured figure, its unit, and the target it is held to (None: reported only)."""

    name: str
    value: float
    unit: str
    target: str | None = None
    met: bool | None = None


def median_of(repeats: int, measure: Callable[[], float]) -> float:
    return statistics.median(measure() for _ in range(repeats))


class UntilTrained(L.Callback):
    """Stops a run at the first epoch where both companies are within TRAINED_WITHIN of their labels."""

    def __init__(self, steps_per_epoch: int):
        self.steps_per_epoch = steps_per_epoch
        self.steps = 0
        self.began = time.perf_counter()
        self.seconds: float | None = None

    def on_train_start(self, trainer, pl_module) -> None:
        self.began = time.perf_counter()

    def on_train_batch_end(self, trainer, pl_module, outputs, batch, batch_idx) -> None:
        self.steps += 1
        if self.steps % self.steps_per_epoch:
            return
        _, predictions = evaluate(pl_module)
        if abs(predictions["A"]) < TRAINED_WITHIN and abs(predictions["B"] - 1) < TRAINED_WITHIN:
            self.seconds = time.perf_counter() - self.began
            trainer.should_stop = True


def time_to_trained(recipe: Recipe, log_steps: bool) -> float:
    """Seconds of training from the seed-42 start until both predictions are within 0.05 of their targets.

    `log_steps` runs `self.log` on every step, as the tutorial's Trainer does.
    """
    model = LSTMbyHand(learning_rate=recipe.learning_rate, seed=42)
    stopper = UntilTrained(steps_per_epoch(recipe))
    fit(model, recipe, recipe.epochs if recipe.batch_size == 1 else 2000, [stopper], log_steps)
    if stopper.seconds is None:
        raise RuntimeError(f"the {recipe.name} recipe did not reach its targets")
    return stopper.seconds


def lightning_step_ms(steps: int) -> float:
    """Milliseconds per optimiser step of the product's training path (fast recipe, lightning.Trainer)."""
    model = LSTMbyHand(learning_rate=0.1, seed=42)
    began = time.perf_counter()
    fit(model, RECIPES["fast"], steps, [])
    return (time.perf_counter() - began) * 1000 / steps


def bare_product_step_ms(steps: int) -> float:
    """Milliseconds per step of the product's model and optimiser in a bare loop: Lightning's share is the rest."""
    model = LSTMbyHand(learning_rate=0.1, seed=42)
    optimizer = model.configure_optimizers()
    inputs, labels = company_tensors()
    began = time.perf_counter()
    for _ in range(steps):
        optimizer.zero_grad()
        loss = ((model(inputs) - labels) ** 2).sum()
        loss.backward()
        optimizer.step()
    return (time.perf_counter() - began) * 1000 / steps


def naive_step_ms(steps: int) -> float:
    """Milliseconds per step of a bare PyTorch loop that writes the tutorial's arithmetic out naively."""
    generator = torch.Generator().manual_seed(42)
    w = {name: torch.normal(0.0, 1.0, (), generator=generator).requires_grad_() for name in NAMES}
    optimizer = Adam(w.values(), lr=0.1)
    inputs, labels = company_tensors()
    began = time.perf_counter()
    for _ in range(steps):
        optimizer.zero_grad()
        long_memory = short_memory = torch.zeros(2)
        for day in range(inputs.shape[1]):
            x = inputs[:, day]
            long_remember = torch.sigmoid(short_memory * w["wlr1"] + x * w["wlr2"] + w["blr1"])
            potential_remember = torch.sigmoid(short_memory * w["wpr1"] + x * w["wpr2"] + w["bpr1"])
            potential = torch.tanh(short_memory * w["wp1"] + x * w["wp2"] + w["bp1"])
            long_memory = long_memory * long_remember + potential_remember * potential
            output = torch.sigmoid(short_memory * w["wo1"] + x * w["wo2"] + w["bo1"])
            short_memory = torch.tanh(long_memory) * output
        loss = ((short_memory - labels) ** 2).sum()
        loss.backward()
        optimizer.step()
    return (time.perf_counter() - began) * 1000 / steps


def explorer_figures_ms(days: int, repeats: int = 20) -> float:
    """Milliseconds to trace `days` days and build both explorer figures as the page sends them."""
    values = [0.1 * (day % 10) for day in range(days)]

    def once() -> float:
        began = time.perf_counter()
        result = trace(values, PRESETS["trained"])
        unrolled_figure(result, PRESETS["trained"], last_position(days)).to_dict()
        gates_over_days_figure(result).to_dict()
        return (time.perf_counter() - began) * 1000

    return median_of(repeats, once)


def explorer_script_ms(repeats: int = 15) -> float:
    """Milliseconds of the explorer page's whole script run after a day value changes (AppTest)."""
    import logging
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    # AppTest runs the page without a browser session, which Streamlit's logger remarks on each run.
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").setLevel(logging.ERROR)

    app = AppTest.from_file(str(Path(__file__).resolve().parents[1] / "streamlit_app.py"), default_timeout=60)
    app.run()
    timings = []
    for repeat in range(repeats):
        field = app.number_input(key="day_1").set_value(0.1 * (repeat % 7))
        began = time.perf_counter()
        field.run()
        timings.append((time.perf_counter() - began) * 1000)
    return statistics.median(timings)


def concurrent_steps_per_second(runs: int, seconds: float) -> float:
    """Optimiser steps per second of `runs` background runs training at once, added up."""
    limits = Limits(max_concurrent_runs=runs, idle_seconds=seconds + 30)
    training = [TrainingRun(RunConfig(recipe="fast", epochs=100_000, seed=seed), limits) for seed in range(runs)]
    for run in training:
        run.start()
    time.sleep(seconds)
    progress = [run.progress() for run in training]
    for run in training:
        run.stop()
    return sum(item.steps_per_second for item in progress)


def machine() -> str:
    import os
    import platform

    return (
        f"{os.cpu_count()} cores, Python {platform.python_version()}, torch {torch.__version__}, "
        f"lightning {L.__version__}, {platform.machine()}"
    )


def step_costs_ms(repeats: int, steps: int = 1000) -> tuple[float, float, float]:
    """Lightning path, the same model in a bare loop, the naive loop: medians, measured in turns.

    Taking turns keeps a slow moment of the machine from landing on one side of the ratio only.
    """
    lightning, bare, naive = [], [], []
    for _ in range(repeats):
        lightning.append(lightning_step_ms(steps))
        bare.append(bare_product_step_ms(steps))
        naive.append(naive_step_ms(steps))
    return statistics.median(lightning), statistics.median(bare), statistics.median(naive)


def measure(repeats: int = 3, browser: bool = True) -> list[Figure]:
    """Every figure of the benchmark, in the order of the README's table; `browser` adds Chromium's."""
    configure_process()
    if browser:
        from bench.browser import require_browser

        require_browser()
    tutorial = median_of(repeats, lambda: time_to_trained(RECIPES["tutorial"], log_steps=True))
    fast = median_of(max(repeats, 5), lambda: time_to_trained(RECIPES["fast"], log_steps=False))
    lightning, bare, naive = step_costs_ms(max(repeats, 5))
    script = explorer_script_ms()
    single = concurrent_steps_per_second(1, 4.0)
    eight = concurrent_steps_per_second(8, 6.0)
    threads_left = [thread for thread in threading.enumerate() if thread.name == WORKER_THREAD]
    return [
        Figure("time to trained, tutorial recipe (Trainer, batch 1, lr 0.001)", tutorial, "s"),
        Figure("time to trained, product (fast recipe)", fast, "s"),
        Figure("time to trained, ratio tutorial / product", tutorial / fast, "x", ">= 50", tutorial / fast >= 50),
        Figure("cost per step, product's Lightning path", lightning, "ms"),
        Figure("cost per step, product's model and Adam in a bare loop", bare, "ms"),
        Figure("cost per step, naive bare PyTorch loop", naive, "ms"),
        Figure("cost per step, ratio Lightning / naive", lightning / naive, "x", "<= 1.0", lightning / naive <= 1.0),
        Figure("explorer trace + figures, 4 days", explorer_figures_ms(4), "ms"),
        Figure("explorer trace + figures, 30 days", explorer_figures_ms(30), "ms"),
        Figure("explorer script run after a day change", script, "ms", "<= 100", script <= 100),
        *insight_figures(),
        *(browser_figures() if browser else []),
        Figure("one background run", single, "steps/s"),
        Figure("8 background runs at once, added up", eight, "steps/s"),
        Figure("8 runs vs one", eight / single, "x"),
        Figure("peak memory of this process", peak_memory_mb(), "MB"),
        Figure("training threads left afterwards", len(threads_left), "", "0", not threads_left),
    ]


def insight_figures() -> list[Figure]:
    from bench import insights

    grid = insights.landscape_ms(100)
    return [
        Figure("loss landscape, 100 x 100 grid", grid, "ms", "< 1000", grid < 1000),
        Figure("loss landscape, 300 x 300 grid", insights.landscape_ms(300, repeats=3), "ms"),
        Figure("loss landscape page: grid, path and figure", insights.landscape_with_figure_ms(), "ms"),
        Figure("backpropagation through time + figure, 4 days", insights.backprop_ms(4), "ms"),
        Figure("backpropagation through time + figure, 12 days", insights.backprop_ms(12), "ms"),
        Figure("own series: read, scale, windows, chart, 1000 prices", insights.series_ms(1000), "ms"),
        *(
            Figure(f"{title} page script run", insights.page_script_ms(module), "ms")
            for module, title in (("landscape", "landscape"), ("backprop", "backprop"), ("pytorch", "nn.LSTM"))
        ),
    ]


def browser_figures() -> list[Figure]:
    from bench.browser import measure_in_browser

    seen = measure_in_browser()
    live_share = seen["live"] / seen["headless"]
    return [
        Figure("cold start: streamlit run to cells drawn in Chromium", seen["cold"], "s", "<= 6", seen["cold"] <= 6),
        Figure("warm start: reload to cells drawn", seen["warm"], "s", "<= 2", seen["warm"] <= 2),
        Figure("a run with the training page open", seen["live"], "steps/s"),
        Figure("the same run with no page", seen["headless"], "steps/s"),
        Figure("live training vs no page", live_share * 100, "%", ">= 80", live_share >= 0.8),
    ]


def table(figures: list[Figure]) -> str:
    width = max(len(figure.name) for figure in figures)
    lines = [f"{'measure'.ljust(width)}  {'value':>12}  target"]
    for figure in figures:
        verdict = "" if figure.target is None else f"{figure.target} {'met' if figure.met else 'NOT met'}"
        lines.append(f"{figure.name.ljust(width)}  {figure.value:>9.3g} {figure.unit:<7} {verdict}".rstrip())
    return "\n".join(lines)
