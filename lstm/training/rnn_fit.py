"""Training the plain RNN: torch's Adam on every sequence at once, the gradient from the unit's own backpropagation."""

from __future__ import annotations

import time
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

import numpy as np
import torch
from torch.optim import Adam

from lstm.unit.rnn import RNNWeights, loss_and_gradient, run
from lstm.unit.weights import MAX_MAGNITUDE


@dataclass(frozen=True)
class RNNRun:
    """Where a run of the plain RNN ended, and what it cost."""

    epochs: int  # the budget: passes over every sequence, one optimiser step each
    steps: int  # optimiser steps taken (fewer when the guard stopped the run)
    fit_seconds: float
    loss: float  # squared residuals summed over every sequence, after training
    predictions: dict[str, float]  # followed sequence -> its last output
    weights: RNNWeights
    diverged_at_step: int | None = None  # the step that left finite numbers; the weights are the last good
    checkpoints: dict[int, RNNWeights] = field(default_factory=dict)  # epoch -> weights at its end, when asked for


def draw(seed: int) -> RNNWeights:
    """The starting weights as the tutorial's LSTM draws its own: w1, w2, w3 from normal(0, 1), biases 0.

    The generator is the run's own, so two runs drawing at once (two visitors) each get their seed's numbers.
    """
    generator = torch.Generator().manual_seed(seed)
    mean, std = torch.tensor(0.0), torch.tensor(1.0)
    w1, w2, w3 = (float(torch.normal(mean=mean, std=std, generator=generator)) for _ in range(3))
    return RNNWeights(w1=w1, w2=w2, b1=0.0, w3=w3, b2=0.0)


def _weights(parameters: torch.Tensor) -> RNNWeights:
    return RNNWeights(*parameters.tolist())


def train_rnn(
    inputs: np.ndarray,
    targets: np.ndarray,
    epochs: int,
    learning_rate: float,
    seed: int,
    followed: Mapping[str, int],
    record: Collection[int] = (),
) -> RNNRun:
    """Train a freshly drawn plain RNN on `inputs` (sequences × days) and their `targets` with Adam.

    Each epoch is one step on every sequence, as the LSTM's fast recipe takes it. Autograd would record
    the unrolled pass operation by operation; the unit's backpropagation (`loss_and_gradient`, held equal
    to autograd by tests) hands Adam the gradient directly, which is what keeps 60 days fast. `record`:
    the epochs whose weights to keep (0: the draw).
    """
    inputs, targets = np.asarray(inputs, dtype=np.float64), np.asarray(targets, dtype=np.float64)
    parameters = torch.nn.Parameter(torch.tensor(list(draw(seed).to_dict().values()), dtype=torch.float64))
    optimizer = Adam([parameters], lr=learning_rate)
    wanted = set(record)
    checkpoints = {0: _weights(parameters.detach())} if 0 in wanted else {}
    diverged_at_step, steps = None, 0
    began = time.perf_counter()
    for epoch in range(1, epochs + 1):
        last_good = parameters.detach().clone()
        loss, gradient = loss_and_gradient(inputs, _weights(last_good), targets)
        parameters.grad = torch.from_numpy(gradient)
        optimizer.step()
        steps = epoch
        if not (np.isfinite(loss) and bool(parameters.detach().abs().max() <= MAX_MAGNITUDE)):
            diverged_at_step = epoch
            with torch.no_grad():
                parameters.copy_(last_good)
            break
        if epoch in wanted:
            checkpoints[epoch] = _weights(parameters.detach())
    fit_seconds = time.perf_counter() - began
    weights = _weights(parameters.detach())
    predictions = run(inputs, weights).predictions
    return RNNRun(
        epochs=epochs,
        steps=steps,
        fit_seconds=fit_seconds,
        loss=float(((predictions - targets) ** 2).sum()),
        predictions={name: float(predictions[row]) for name, row in followed.items()},
        weights=weights,
        diverged_at_step=diverged_at_step,
        checkpoints=checkpoints,
    )
