"""Why an LSTM: the two companies stretched to N days, how much of day 1 reaches each unit's output, and the experiment.

Company A and B differ only on day 1 (0 and 1); the unit has to carry that one day to the end to tell
them apart. `stretch` makes them N days long; `reach` measures, through each unit's own derivatives,
how much of day 1 (or of any day) is still in the last output; `load_carry` reads the measured
experiment shipped beside this module (made by `python -m lstm carry-experiment`).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from lstm.locales import _, ngettext
from lstm.unit import rnn
from lstm.unit.days import COMPANIES
from lstm.unit.gates import GATES

UNITS = ("rnn", "lstm")
MIN_DAYS, MAX_DAYS = 4, 60
# The lengths the experiment measures: the tutorial's four days, then doubling up to the explorer's most.
EXPERIMENT_DAYS = (4, 8, 16, 32, 60)
# A unit tells the companies apart when both predictions are this close to their targets.
TOLERANCE = 0.1
# The tutorial's days 2 to 4, the same for both companies, repeated to fill a longer sequence.
MIDDLE_DAYS = COMPANIES["A"][0][1:]
CARRY_FILE = Path(__file__).with_name("carry.json")


def stretch(company: str, days: int) -> tuple[float, ...]:
    """Company A or B over `days` days: its own day 1, then 0.5, 0.25, 1 repeated for the other days - 1.

    stretch("B", 4) is the tutorial's (1, 0.5, 0.25, 1); stretch("B", 8) is (1, 0.5, 0.25, 1, 0.5, 0.25, 1, 0.5).
    The target stays the company's: 0 for A, 1 for B.
    """
    if company not in COMPANIES:
        raise ValueError(_("the companies are A and B, not {company}").format(company=repr(company)))
    if not MIN_DAYS <= days <= MAX_DAYS:
        raise ValueError(
            ngettext("{count} day is outside {least}..{most}", "{count} days is outside {least}..{most}", days).format(
                count=days, least=MIN_DAYS, most=MAX_DAYS
            )
        )
    first = COMPANIES[company][0][0]
    return (first, *(MIDDLE_DAYS[index % len(MIDDLE_DAYS)] for index in range(days - 1)))


def stretched(days: int) -> tuple[np.ndarray, np.ndarray]:
    """Both companies over `days` days as a (2, days) array, A first, and their targets (0, 1)."""
    inputs = np.array([stretch(company, days) for company in COMPANIES])
    return inputs, np.array([label for _, label in COMPANIES.values()])


def told_apart(predictions: Mapping[str, float]) -> bool:
    """Both predictions within TOLERANCE of their companies' targets (A 0, B 1)."""
    return all(abs(predictions[company] - label) <= TOLERANCE for company, (_, label) in COMPANIES.items())


def _sigmoid(value: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-value))


def lstm_jacobian(days: Sequence[float], weights: Mapping[str, float]) -> np.ndarray:
    """d(short memory after day t) / d(input of day k) as a (days, days) array, in float64 without torch.

    Forward-mode: every day carries, beside its two memories, their derivatives with respect to every
    input at once (a row of `days` numbers each), through the tutorial's equations differentiated.
    Tests hold it equal to torch's autograd through `lstm.unit.cell.unroll`.
    """
    # Rows: the four gates; columns: weight on short memory, weight on the input, bias.
    table = np.array([[float(weights[name]) for name in gate.weights] for gate in GATES])
    count = len(days)
    long_memory = short_memory = 0.0
    long_slope = short_slope = np.zeros(count)  # d memory / d each day's input
    rows = []
    with np.errstate(over="ignore"):
        for index, value in enumerate(days):
            sums = table[:, 0] * short_memory + table[:, 1] * float(value) + table[:, 2]
            sum_slopes = np.outer(table[:, 0], short_slope)  # (4 gates, days)
            sum_slopes[:, index] += table[:, 1]
            remember, potential_remember, output = _sigmoid(sums[[0, 1, 3]])
            potential = np.tanh(sums[2])
            remember_slope, potential_remember_slope, output_slope = (
                gate * (1 - gate) * sum_slopes[row]
                for gate, row in ((remember, 0), (potential_remember, 1), (output, 3))
            )
            potential_slope = (1 - potential**2) * sum_slopes[2]
            long_slope = (
                long_slope * remember
                + long_memory * remember_slope
                + potential_remember_slope * potential
                + potential_remember * potential_slope
            )
            long_memory = long_memory * remember + potential_remember * potential
            squashed = np.tanh(long_memory)
            short_slope = (1 - squashed**2) * long_slope * output + squashed * output_slope
            short_memory = squashed * output
            rows.append(short_slope)
    return np.array(rows)


def reach(unit: str, days: Sequence[float], weights) -> np.ndarray:
    """d(last output) / d(input of day k) for every day k: how much of each day the prediction still holds.

    Day 1's entry is the one the page draws reaching back; on a log scale the plain RNN's shrinks or grows
    by a factor w2 a day. `weights` is an RNNWeights for "rnn", the twelve named weights for "lstm".
    """
    if unit == "rnn":
        return rnn.input_gradients(np.asarray(days, dtype=np.float64), weights)
    if unit == "lstm":
        return lstm_jacobian(days, weights)[-1]
    raise ValueError(f"the units are {' and '.join(UNITS)}, not {unit!r}")


def day_one_by_day(unit: str, days: Sequence[float], weights) -> np.ndarray:
    """d(output after day t) / d(input of day 1) for every day t: how much of day 1 is still in there, day by day."""
    if unit == "rnn":
        return rnn.day_one_reach(np.asarray(days, dtype=np.float64), weights)
    if unit == "lstm":
        return lstm_jacobian(days, weights)[:, 0]
    raise ValueError(f"the units are {' and '.join(UNITS)}, not {unit!r}")


def gradient_to_day_1(unit: str, days: int, weights) -> dict[str, float]:
    """For each company stretched to `days` days, d(last output) / d(day 1's input) under `weights`."""
    # + 0.0 turns a ReLU's -0.0 into 0.0: a gradient cut off has no sign.
    return {company: float(reach(unit, stretch(company, days), weights)[0]) + 0.0 for company in COMPANIES}


@dataclass(frozen=True)
class CarryTable:
    """The measured experiment: how often each unit, trained alike, told the stretched companies apart."""

    days: tuple[int, ...]  # the lengths measured
    seeds: tuple[int, ...]  # one training per unit, length and seed
    epochs: int  # the budget of every training
    learning_rate: float  # Adam's, the same for both units
    tolerance: float  # how close to its target each prediction had to be
    command: str  # the command that made the file
    versions: dict[str, str]  # python, numpy, torch, lightning, the package
    runs: tuple[dict, ...]  # every training: unit, days, seed, told_apart, predictions, loss, weights, ...
    seconds: float  # how long the whole experiment took where it was made

    def told_apart_count(self, unit: str, days: int) -> int:
        return sum(run["told_apart"] for run in self.runs if run["unit"] == unit and run["days"] == days)

    def share(self, unit: str) -> list[float]:
        """For each measured length, the share of seeds with which `unit` told the companies apart."""
        return [self.told_apart_count(unit, days) / len(self.seeds) for days in self.days]

    @classmethod
    def from_dict(cls, data: Mapping) -> CarryTable:
        return cls(
            days=tuple(data["days"]),
            seeds=tuple(data["seeds"]),
            epochs=data["epochs"],
            learning_rate=data["learning_rate"],
            tolerance=data["tolerance"],
            command=data["command"],
            versions=dict(data["versions"]),
            runs=tuple(data["runs"]),
            seconds=data["seconds"],
        )


@functools.cache
def load_carry(path: Path = CARRY_FILE) -> CarryTable:
    """The experiment shipped with the package (read once per process; the table is not to be changed)."""
    return CarryTable.from_dict(json.loads(path.read_text(encoding="utf-8")))
