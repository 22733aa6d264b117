"""The plain RNN of StatQuest's video before the LSTM one: five weights, the unrolled pass, its gradients; NumPy.

The form, as "Recurrent Neural Networks (RNNs), Clearly Explained!!!" (StatQuest, 10 Jul 2022,
https://www.youtube.com/watch?v=AsNTP8Kwu80) draws it; checked against frames of the video kept in the
public notebook zhoujing204/transformer-notebooks (statquest/img/2024-04-10-09-31-36.png, the unrolled
network for three days; 2024-04-10-09-40-33.png, the exploding gradient) and its transcript (lilys.ai/notes/411869,
"assumes that you are already familiar with ... backpropagation and the ReLU activation function"):

    sum_t        = input_t × w1 + activation_(t-1) × w2       (day 1: no feedback, activation_0 = 0)
    activation_t = ReLU(sum_t + b1)
    output_t     = activation_t × w3 + b2                       (the prediction is the last day's output)

w1 is the input weight, w2 the weight on the feedback loop, b1 the bias before the ReLU, w3 and b2 the
output's weight and bias; every day's copy shares all five. The feedback carries the activation (before
w3), so day 1's input reaches the last output multiplied by w2 once per later day: the video's
"Input₁ × w2^(Num. Unroll)", where w2 = 2 explodes and w2 = 0.5 vanishes. The video's example weights
are w1 1.8, w2 -0.5, b1 0.0, w3 1.1, b2 0.0 (`VIDEO_WEIGHTS`): days 1, 0.5, 0.5 predict 0.99, "about 1".

This is `torch.nn.RNN(1, 1, nonlinearity="relu")` with its input bias b1 and its hidden bias 0, followed
by `torch.nn.Linear(1, 1)` for w3 and b2; tests hold it equal to those, values and gradients.
Here `sum` includes b1, the number the ReLU sees. Everything runs in float64: with w2 = 0.1 over 60 days
day 1's gradient is about 1e-59, below float32's smallest number, and a log-scale chart needs it.
Arrays of days run along the last dimension; every other dimension (the two companies, a grid of weights
given as arrays) broadcasts, with the loop over days only.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import NamedTuple

import numpy as np

from lstm.locales import _

# The five weights in the video's order of appearance: input, feedback, bias, output weight and bias.
RNN_NAMES = ("w1", "w2", "b1", "w3", "b2")


@dataclass(frozen=True)
class RNNWeights:
    """The plain RNN's five weights, named as in the video. Floats, or arrays that broadcast over a batch."""

    w1: float  # input weight: today's value × w1
    w2: float  # feedback weight: yesterday's activation × w2
    b1: float  # bias added before the ReLU
    w3: float  # output weight: the activation × w3
    b2: float  # output bias

    @classmethod
    def from_mapping(cls, values: Mapping[str, float]) -> RNNWeights:
        """The five weights from a mapping with exactly these names, each a finite number."""
        if set(values) != set(RNN_NAMES):
            raise ValueError(
                _("the plain RNN's weights are {names}, not {given}").format(
                    names=", ".join(RNN_NAMES), given=", ".join(sorted(values))
                )
            )
        numbers = {name: float(values[name]) for name in RNN_NAMES}
        if not all(math.isfinite(value) for value in numbers.values()):
            raise ValueError(_("every weight of the plain RNN must be a finite number"))
        return cls(**numbers)

    def to_dict(self) -> dict[str, float]:
        return {name: float(value) for name, value in asdict(self).items()}


# The unrolled example drawn in the video: days 1, 0.5, 0.5 ("high, medium, medium") predict about 1.
VIDEO_WEIGHTS = RNNWeights(w1=1.8, w2=-0.5, b1=0.0, w3=1.1, b2=0.0)


class RNNPass(NamedTuple):
    """Every number of an unrolled pass, days along the last dimension."""

    inputs: np.ndarray
    sums: np.ndarray  # input × w1 + yesterday's activation × w2 + b1: what the ReLU sees
    activations: np.ndarray  # ReLU of the sum: what the feedback loop carries to the next day
    outputs: np.ndarray  # activation × w3 + b2; the last day's is the prediction

    @property
    def predictions(self) -> np.ndarray:
        return self.outputs[..., -1]


def run(inputs: np.ndarray, weights: RNNWeights) -> RNNPass:
    """The unrolled pass over the last dimension of `inputs`, the activation starting at 0."""
    inputs = np.asarray(inputs, dtype=np.float64)
    if inputs.ndim == 0 or inputs.shape[-1] < 1:
        raise ValueError(_("the plain RNN needs at least one day"))
    activation = np.zeros((), dtype=np.float64)
    sums, activations = [], []
    with np.errstate(over="ignore", invalid="ignore"):  # a slider's w2 of 5 over 60 days overflows to inf
        for value in np.moveaxis(inputs, -1, 0):
            total = value * weights.w1 + activation * weights.w2 + weights.b1
            activation = np.maximum(total, 0.0)
            sums.append(total)
            activations.append(activation)
        sums_by_day = np.stack(np.broadcast_arrays(*sums), -1)
        activations_by_day = np.stack(np.broadcast_arrays(*activations), -1)
        outputs = activations_by_day * weights.w3 + weights.b2
    return RNNPass(np.broadcast_to(inputs, sums_by_day.shape), sums_by_day, activations_by_day, outputs)


def _slopes(sums: np.ndarray) -> np.ndarray:
    """ReLU's slope at each sum: 1 above 0, else 0 (at exactly 0 too, as torch takes it)."""
    return (sums > 0).astype(np.float64)


def input_gradients(inputs: np.ndarray, weights: RNNWeights) -> np.ndarray:
    """d(last output) / d(input of day k) for every day k, shaped like the pass's days.

    Walking back from the last day, the gradient is multiplied by w2 and by the ReLU's slope (1 or 0) once
    per day: day 1's entry is w3 × w2^(days-1) × w1 while every sum stays above 0, and 0 once one does not.
    """
    unrolled = run(inputs, weights)
    slopes = _slopes(unrolled.sums)
    reaching = np.broadcast_to(np.asarray(weights.w3, dtype=np.float64), slopes.shape[:-1])  # d output / d activation
    gradients = []
    with np.errstate(over="ignore", invalid="ignore"):
        for slope in np.moveaxis(slopes, -1, 0)[::-1]:
            at_sum = reaching * slope
            gradients.append(at_sum * weights.w1)
            reaching = at_sum * weights.w2
    return np.stack(gradients[::-1], -1)


def day_one_reach(inputs: np.ndarray, weights: RNNWeights) -> np.ndarray:
    """d(output of day t) / d(input of day 1) for every day t: how much of day 1 each day's output still holds."""
    unrolled = run(inputs, weights)
    slopes = _slopes(unrolled.sums)
    carried = np.broadcast_to(np.asarray(weights.w1, dtype=np.float64), slopes.shape[:-1])  # d sum_1 / d input_1
    reach = []
    with np.errstate(over="ignore", invalid="ignore"):
        for day, slope in enumerate(np.moveaxis(slopes, -1, 0)):
            carried = slope * (carried if day == 0 else carried * weights.w2)
            reach.append(carried * weights.w3)
    return np.stack(reach, -1)


class RNNBackprop(NamedTuple):
    """The gradient of the squared error (last output - target)², each weight's split by the day it acts on."""

    predictions: np.ndarray  # (...)
    losses: np.ndarray  # (...)
    by_day: dict[str, np.ndarray]  # weight -> (..., days); the days add up to that weight's gradient


def backprop(inputs: np.ndarray, weights: RNNWeights, targets: np.ndarray) -> RNNBackprop:
    """Backpropagation through time with one copy of the five weights per day.

    w1, w2 and b1 act on every day's sum; w3 and b2 only on the last day's output, the one the loss reads.
    w2's share on day t is the gradient reaching day t's sum times the activation it multiplies, day t-1's.
    """
    unrolled = run(inputs, weights)
    slopes = _slopes(unrolled.sums)
    residuals = unrolled.predictions - np.asarray(targets, dtype=np.float64)
    errors = 2 * residuals
    reaching = errors * weights.w3  # d loss / d last activation
    at_sums = []
    with np.errstate(over="ignore", invalid="ignore"):
        for slope in np.moveaxis(slopes, -1, 0)[::-1]:
            at_sum = reaching * slope
            at_sums.append(at_sum)
            reaching = at_sum * weights.w2
    at_sum_by_day = np.stack(at_sums[::-1], -1)
    previous = np.concatenate([np.zeros_like(unrolled.activations[..., :1]), unrolled.activations[..., :-1]], -1)
    w3_by_day, b2_by_day = np.zeros_like(at_sum_by_day), np.zeros_like(at_sum_by_day)
    w3_by_day[..., -1] = errors * unrolled.activations[..., -1]
    b2_by_day[..., -1] = errors
    by_day = {
        "w1": at_sum_by_day * unrolled.inputs,
        "w2": at_sum_by_day * previous,
        "b1": at_sum_by_day,
        "w3": w3_by_day,
        "b2": b2_by_day,
    }
    return RNNBackprop(unrolled.predictions, residuals**2, by_day)


def loss_and_gradient(inputs: np.ndarray, weights: RNNWeights, targets: np.ndarray) -> tuple[float, np.ndarray]:
    """The squared errors summed over the batch, and each weight's gradient (in RNN_NAMES' order) summed over it."""
    result = backprop(inputs, weights, targets)
    gradient = np.array([result.by_day[name].sum() for name in RNN_NAMES])
    return float(result.losses.sum()), gradient


@dataclass(frozen=True)
class RNNDay:
    """One day of the plain RNN, as floats."""

    day: int  # from 1
    input: float
    sum: float  # input × w1 + yesterday's activation × w2 + b1
    activation: float  # ReLU(sum), carried to the next day by the feedback loop
    output: float  # activation × w3 + b2


@dataclass(frozen=True)
class RNNTrace:
    """Every day of one sequence through the plain RNN; the prediction is the last day's output."""

    steps: tuple[RNNDay, ...]

    @property
    def prediction(self) -> float:
        return self.steps[-1].output

    def to_dict(self) -> dict:
        return {"prediction": self.prediction, "steps": [asdict(step) for step in self.steps]}


def trace(days, weights: RNNWeights) -> RNNTrace:
    """One sequence of day values through the plain RNN, every number kept."""
    unrolled = run(np.asarray(days, dtype=np.float64), weights)
    rows = zip(unrolled.inputs.tolist(), unrolled.sums.tolist(), unrolled.activations.tolist(),
               unrolled.outputs.tolist(), strict=True)  # fmt: skip
    return RNNTrace(tuple(RNNDay(index, *row) for index, row in enumerate(rows, start=1)))
