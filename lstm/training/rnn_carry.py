"""The carry experiment: the plain RNN and the LSTM trained alike to tell the companies apart over N days."""

from __future__ import annotations

import json
import platform
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import metadata

from lstm.insights.carry import EXPERIMENT_DAYS, TOLERANCE, UNITS, gradient_to_day_1, stretched, told_apart
from lstm.training.lstm_carry_fit import train_lstm
from lstm.training.recipes import RECIPES
from lstm.training.rnn_fit import train_rnn
from lstm.training.snapshots import spread

# Both units train with the LSTM's fast recipe: Adam at lr 0.1, both companies in every step, 300 epochs.
RECIPE = RECIPES["fast"]
# The seeds of the shipped experiment, one training per unit, length and seed; 42 draws the tutorial's LSTM.
SEEDS = tuple(range(42, 52))
# The epochs at which a run reports its gradient to day 1: evenly spread, the first and the last included.
GRADIENT_POINTS = 21
FOLLOWED = {"A": 0, "B": 1}


@dataclass(frozen=True)
class CarryRun:
    """One unit trained on the companies stretched to `days` days, from one seed."""

    unit: str  # "rnn" or "lstm"
    days: int
    seed: int
    epochs: int  # the budget
    learning_rate: float
    loss: float  # squared residuals of both companies after training
    predictions: dict[str, float]  # "A", "B"
    weights: object  # RNNWeights for "rnn"; the twelve named Weights for "lstm"
    diverged_at_step: int | None
    fit_seconds: float
    checkpoints: dict[int, object] = field(default_factory=dict)  # epoch -> weights, at the gradient's epochs

    @property
    def told_apart(self) -> bool:
        return told_apart(self.predictions)

    def weights_dict(self) -> dict[str, float]:
        return self.weights.to_dict() if self.unit == "rnn" else dict(self.weights)

    def gradient_to_day_1(self) -> list[dict]:
        """d(last output) / d(day 1's input) for each company, at each kept epoch: how much of day 1 gets through."""
        return [
            {"epoch": epoch, **gradient_to_day_1(self.unit, self.days, weights)}
            for epoch, weights in sorted(self.checkpoints.items())
        ]

    def to_dict(self) -> dict:
        """What `python -m lstm carry --json` prints."""
        return {
            "unit": self.unit,
            "days": self.days,
            "seed": self.seed,
            "epochs": self.epochs,
            "told_apart": self.told_apart,
            "predictions": self.predictions,
            "gradient_to_day_1": self.gradient_to_day_1(),
            "weights": self.weights_dict(),
        }

    def summary(self) -> str:
        """The run in a few English lines, for the command line."""
        unit = "plain RNN" if self.unit == "rnn" else "LSTM"
        verdict = "told them apart" if self.told_apart else "did not tell them apart"
        reached = self.gradient_to_day_1()[-1]
        return "\n".join(
            [
                f"{unit}, companies A and B over {self.days} days, seed {self.seed}, {self.epochs} epochs: {verdict}",
                f"prediction A {self.predictions['A']:.4f} (target 0), B {self.predictions['B']:.4f} (target 1)",
                f"gradient of the last output to day 1's input: A {reached['A']:.3g}, B {reached['B']:.3g}",
                *(f"  {name:5} {value: .4f}" for name, value in self.weights_dict().items()),
            ]
        )

    def to_record(self) -> dict:
        """What the experiment's file keeps of the run: enough to redraw it, nothing that depends on the clock."""
        return {
            "unit": self.unit,
            "days": self.days,
            "seed": self.seed,
            "told_apart": self.told_apart,
            "predictions": self.predictions,
            "loss": self.loss,
            "diverged_at_step": self.diverged_at_step,
            "weights": self.weights_dict(),
        }


def train_unit(
    unit: str, days: int, seed: int, epochs: int | None = None, learning_rate: float | None = None
) -> CarryRun:
    """Train a freshly drawn `unit` ("rnn" or "lstm") on both companies stretched to `days` days."""
    epochs = RECIPE.epochs if epochs is None else epochs
    learning_rate = RECIPE.learning_rate if learning_rate is None else learning_rate
    kept = spread(epochs, GRADIENT_POINTS)
    inputs, targets = stretched(days)
    if unit == "rnn":
        result = train_rnn(inputs, targets, epochs, learning_rate, seed, FOLLOWED, record=kept)
    elif unit == "lstm":
        result = train_lstm(inputs, targets, epochs, learning_rate, seed, FOLLOWED, record=kept)
    else:
        raise ValueError(f"the units are {' and '.join(UNITS)}, not {unit!r}")
    return CarryRun(
        unit,
        days,
        seed,
        epochs,
        learning_rate,
        result.loss,
        result.predictions,
        result.weights,
        result.diverged_at_step,
        result.fit_seconds,
        result.checkpoints,
    )


def versions() -> dict[str, str]:
    """The versions the experiment ran with: its numbers can move with any of them."""
    found = {"python": platform.python_version()}
    for package in ("numpy", "torch", "lightning", "lstm-explorer"):
        try:
            found[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            found[package] = "not installed"
    return found


def experiment(
    days: Sequence[int] = EXPERIMENT_DAYS, seeds: Sequence[int] = SEEDS, epochs: int | None = None, command: str = ""
) -> dict:
    """Both units, every length and every seed, trained alike: the content of the experiment's JSON file."""
    epochs = RECIPE.epochs if epochs is None else epochs
    began = time.perf_counter()
    runs = [train_unit(unit, length, seed, epochs).to_record() for length in days for seed in seeds for unit in UNITS]
    return {
        "command": command,
        "days": list(days),
        "seeds": list(seeds),
        "epochs": epochs,
        "learning_rate": RECIPE.learning_rate,
        "optimiser": "Adam, both companies in every step",
        "tolerance": TOLERANCE,
        "versions": versions(),
        "seconds": round(time.perf_counter() - began, 1),
        "runs": runs,
    }


def experiment_json(table: dict) -> str:
    """The experiment as its file holds it: one line per setting and one per run, small and easy to compare."""
    head = {key: value for key, value in table.items() if key != "runs"}
    runs = ",\n".join(json.dumps(run) for run in table["runs"])
    return f'{json.dumps(head)[:-1]}, "runs": [\n{runs}\n]}}\n'


def experiment_summary(table: dict) -> str:
    """How often each unit told the companies apart, by length, in English for the command line."""
    lines = [f"{'days':>4}  {'plain RNN':>9}  {'LSTM':>9}  (told apart, of {len(table['seeds'])} seeds)"]
    for days in table["days"]:
        counts = [
            sum(run["told_apart"] for run in table["runs"] if run["unit"] == unit and run["days"] == days)
            for unit in UNITS
        ]
        lines.append(f"{days:>4}  {counts[0]:>9}  {counts[1]:>9}")
    lines.append(f"{len(table['runs'])} trainings in {table['seconds']:.1f} s")
    return "\n".join(lines)
