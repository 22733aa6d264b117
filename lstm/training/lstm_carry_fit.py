"""Training the LSTM for the carry experiment: the fast recipe's steps, the gradient written out in plain float64."""

from __future__ import annotations

import math
import time
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

import numpy as np
import torch
from torch.optim import Adam

from lstm.training.model import LSTMbyHand
from lstm.unit.cell import LAID_OUT
from lstm.unit.weights import MAX_MAGNITUDE, NAMES, Weights

# Where each of the twelve names sits in the three rows of four (short memory, input, bias) and back.
_TO_ROWS = [NAMES.index(name) for name in LAID_OUT]
_FROM_ROWS = [LAID_OUT.index(name) for name in NAMES]


@dataclass(frozen=True)
class LSTMRun:
    """Where a run of the LSTM ended, and what it cost; read as the fast loop's run with its callbacks reads."""

    epochs: int  # the budget: passes over every sequence, one optimiser step each
    steps: int  # optimiser steps taken (fewer when the guard stopped the run)
    fit_seconds: float
    loss: float  # squared residuals summed over every sequence, after training
    predictions: dict[str, float]  # followed sequence -> its last short memory
    weights: Weights
    diverged_at_step: int | None = None  # the step that left finite numbers; the weights are the last good
    checkpoints: dict[int, Weights] = field(default_factory=dict)  # epoch -> weights at its end (0: the draw)


def _sigmoid(value: float) -> float:
    # Split at 0 so exp never overflows: a weight near MAX_MAGNITUDE makes a sum of thousands.
    if value >= 0.0:
        return 1.0 / (1.0 + math.exp(-value))
    small = math.exp(value)
    return small / (1.0 + small)


def _forward(days: list[float], rows: tuple[tuple[float, ...], ...]) -> tuple[float, list[tuple[float, ...]]]:
    """One sequence through the tutorial's equations day by day: its last short memory, and each day's numbers."""
    (ws0, ws1, ws2, ws3), (wx0, wx1, wx2, wx3), (b0, b1, b2, b3) = rows
    long_memory = short_memory = 0.0
    tape = []
    for x in days:
        remember = _sigmoid(b0 + short_memory * ws0 + x * wx0)
        potential_remember = _sigmoid(b1 + short_memory * ws1 + x * wx1)
        potential = math.tanh(b2 + short_memory * ws2 + x * wx2)
        output = _sigmoid(b3 + short_memory * ws3 + x * wx3)
        new_long = long_memory * remember + potential_remember * potential
        squashed = math.tanh(new_long)
        tape.append((short_memory, long_memory, remember, potential_remember, potential, output, squashed))
        long_memory, short_memory = new_long, squashed * output
    return short_memory, tape


def _backward(tape: list[tuple[float, ...]], short_weights: tuple[float, ...], short_gradient: float) -> list:
    """The gradient reaching each gate's sum on each day, walking from the last day to the first."""
    ws0, ws1, ws2, ws3 = short_weights
    long_gradient = 0.0
    sums = []
    for _, long_memory, remember, potential_remember, potential, output, squashed in reversed(tape):
        long_gradient += short_gradient * output * (1.0 - squashed * squashed)
        # Through the long memory to the first three gates, through the short memory to the output %; each
        # times what the gate's value multiplies on the way and the slope of its sigmoid or tanh.
        to_remember = long_gradient * long_memory * remember * (1.0 - remember)
        to_potential_remember = long_gradient * potential * potential_remember * (1.0 - potential_remember)
        to_potential = long_gradient * potential_remember * (1.0 - potential * potential)
        to_output = short_gradient * squashed * output * (1.0 - output)
        sums.append((to_remember, to_potential_remember, to_potential, to_output))
        short_gradient = to_remember * ws0 + to_potential_remember * ws1 + to_potential * ws2 + to_output * ws3
        long_gradient *= remember
    return sums[::-1]


def predictions_of(inputs: np.ndarray, values: np.ndarray) -> np.ndarray:
    """The last short memory of each sequence (a row of days), the twelve weights in NAMES order."""
    rows = _rows(np.asarray(values, dtype=np.float64))
    return np.array([_forward(days, rows)[0] for days in np.asarray(inputs, dtype=np.float64).tolist()])


def _rows(values: np.ndarray) -> tuple[tuple[float, ...], ...]:
    """The twelve weights in NAMES order as three rows of four: on short memory, on the input, the bias."""
    table = values[_TO_ROWS].reshape(3, 4).tolist()
    return tuple(tuple(row) for row in table)


def loss_and_gradient(inputs: np.ndarray, values: np.ndarray, targets: np.ndarray) -> tuple[float, np.ndarray]:
    """The squared error summed over the sequences (rows of days) and its gradient for the twelve weights (NAMES
    order), in float64.

    Backpropagation through time as `LSTMbyHand.loss_with_gradients` writes it with torch, one sequence at a time
    in plain floats: on two sequences a NumPy or torch operation costs more in overhead than its arithmetic.
    Tests hold it equal to autograd's.
    """
    inputs = np.asarray(inputs, dtype=np.float64)
    rows = _rows(np.asarray(values, dtype=np.float64))
    loss, sum_gradients, shorts = 0.0, [], []
    for days, target in zip(inputs.tolist(), np.asarray(targets, dtype=np.float64).tolist(), strict=True):
        prediction, tape = _forward(days, rows)
        loss += (prediction - target) ** 2
        sum_gradients += _backward(tape, rows[0], 2.0 * (prediction - target))
        shorts += [day[0] for day in tape]  # the short memory each day starts from
    sums = np.array(sum_gradients)  # (sequences × days, 4 gates)
    # Each weight's gradient: its gate's sum gradient on each day times what the weight multiplies that day.
    gradient_rows = np.concatenate((np.array(shorts) @ sums, inputs.reshape(-1) @ sums, sums.sum(0)))
    return loss, gradient_rows[_FROM_ROWS]


def train_lstm(
    inputs: np.ndarray,
    targets: np.ndarray,
    epochs: int,
    learning_rate: float,
    seed: int,
    followed: Mapping[str, int],
    record: Collection[int] = (),
) -> LSTMRun:
    """Train the tutorial's unit as `LSTMbyHand(seed=seed)` draws it on `inputs` (sequences × days), fast recipe.

    Each epoch is one step of Adam (the model's own: fused, default betas and eps) on every sequence, the
    gradient from `loss_and_gradient`; as the fast loop with DivergenceGuard and SnapshotRecorder, a step whose
    loss is not finite or whose weights leave ±MAX_MAGNITUDE stops the run on the last good weights. Torch would
    spend its per-operation overhead on every day of every step; plain floats skip it, ten times faster at 60 days.
    `record`: the epochs whose weights to keep; epoch 0 (the draw) is always kept.
    """
    inputs, targets = np.asarray(inputs, dtype=np.float64), np.asarray(targets, dtype=np.float64)
    drawn = LSTMbyHand(learning_rate=learning_rate, seed=seed).weights()
    parameters = torch.nn.Parameter(torch.tensor(drawn.values_in_order(), dtype=torch.float64))
    optimizer = Adam([parameters], lr=learning_rate, fused=True)
    values = parameters.detach().numpy()  # shares the parameters' memory: each step shows here
    wanted = set(record)
    checkpoints, diverged_at_step, steps = {0: drawn}, None, 0
    began = time.perf_counter()
    for epoch in range(1, epochs + 1):
        last_good = values.copy()
        loss, gradient = loss_and_gradient(inputs, last_good, targets)
        parameters.grad = torch.from_numpy(gradient)
        optimizer.step()
        steps = epoch
        if not (np.isfinite(loss) and np.abs(values).max() <= MAX_MAGNITUDE):
            diverged_at_step = epoch
            values[:] = last_good
        if epoch in wanted:
            checkpoints[epoch] = _weights(values)
        if diverged_at_step is not None:
            break
    fit_seconds = time.perf_counter() - began
    weights = _weights(values)
    if diverged_at_step is not None:
        checkpoints[max(checkpoints) + 1] = weights  # the last good weights, after the last epoch kept
    predictions = predictions_of(inputs, values)
    return LSTMRun(
        epochs=epochs,
        steps=steps,
        fit_seconds=fit_seconds,
        loss=float(((predictions - targets) ** 2).sum()),
        predictions={name: float(predictions[row]) for name, row in followed.items()},
        weights=weights,
        diverged_at_step=diverged_at_step,
        checkpoints=checkpoints,
    )


def _weights(values: np.ndarray) -> Weights:
    return Weights.from_mapping(dict(zip(NAMES, values.tolist(), strict=True)))
