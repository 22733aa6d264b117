"""Backpropagation through time: each weight's gradient split by the day it flows through, and the memories'."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import torch

from lstm.locales import _
from lstm.unit.cell import BIASES, INPUT_WEIGHTS, SHORT_MEMORY_WEIGHTS, GateWeights, lstm_step
from lstm.unit.weights import NAMES


@dataclass(frozen=True)
class Backprop:
    """The gradient of one sequence's squared error, day by day, as plain floats.

    The unrolled unit uses the same twelve weights every day; give each day its own copy and the
    gradient of a weight is the sum of its copies' gradients. `by_day[name][d]` is day d+1's share.
    """

    days: tuple[float, ...]
    target: float
    prediction: float
    loss: float  # (prediction - target)²
    by_day: dict[str, list[float]]  # weight -> its gradient through each day; the days add up to `total`
    long_memory: list[float]  # d loss / d long memory after each day (cell state)
    short_memory: list[float]  # d loss / d short memory after each day (hidden state)
    long_remember: list[float]  # each day's long-remember %: how much of the long memory's gradient gets through

    @property
    def total(self) -> dict[str, float]:
        return {name: sum(values) for name, values in self.by_day.items()}

    def to_dict(self) -> dict:
        return {
            "days": list(self.days),
            "target": self.target,
            "prediction": self.prediction,
            "loss": self.loss,
            "gradient": self.total,
            "gradient_by_day": self.by_day,
            "long_memory_gradient": self.long_memory,
            "short_memory_gradient": self.short_memory,
        }


def backprop_through_time(days: Sequence[float], weights: Mapping[str, float], target: float) -> Backprop:
    """Run the days forward with one copy of the weights per day, then the squared error backward.

    In float64, so the per-day shares add up to the whole gradient to many more digits than shown.
    """
    if not days:
        raise ValueError(_("the unit needs at least one day"))
    copies = torch.tensor([[float(weights[name]) for name in NAMES] for _ in days], dtype=torch.float64)
    copies.requires_grad_(True)
    column = {name: index for index, name in enumerate(NAMES)}
    long_memory = short_memory = torch.zeros((), dtype=torch.float64)
    long_memories, short_memories, long_remember = [], [], []
    for day_index, value in enumerate(days):
        row = copies[day_index]
        gates = GateWeights(
            *(row[[column[name] for name in group]] for group in (SHORT_MEMORY_WEIGHTS, INPUT_WEIGHTS, BIASES))
        )
        step = lstm_step(torch.tensor(float(value), dtype=torch.float64), long_memory, short_memory, gates)
        long_memory, short_memory = step.long_memory, step.short_memory
        for memory in (long_memory, short_memory):
            memory.retain_grad()  # the gradient reaching each memory is what the page draws
        long_memories.append(long_memory)
        short_memories.append(short_memory)
        long_remember.append(float(step.long_remember.detach()))
    loss = (short_memory - float(target)) ** 2
    loss.backward()
    gradients = copies.grad.T.tolist()
    return Backprop(
        days=tuple(float(day) for day in days),
        target=float(target),
        prediction=float(short_memory.detach()),
        loss=float(loss.detach()),
        by_day={name: gradients[index] for index, name in enumerate(NAMES)},
        long_memory=[_gradient(memory) for memory in long_memories],
        short_memory=[_gradient(memory) for memory in short_memories],
        long_remember=long_remember,
    )


def _gradient(memory: torch.Tensor) -> float:
    # The first day's long memory reaches the loss only through later days; a one-day sequence's
    # long memory still has a gradient, via tanh into the short memory. None means no path at all.
    return 0.0 if memory.grad is None else float(memory.grad)
