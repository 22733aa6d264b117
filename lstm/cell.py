"""The tutorial's LSTM unit: one day's step and the unrolled pass, on tensors of any batch shape."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

import torch

from lstm.trace import DayStep, Trace


class Step(NamedTuple):
    """The stages of one day (or, from `unroll`, of every day along the last dimension)."""

    long_remember: torch.Tensor
    potential_remember: torch.Tensor
    potential_memory: torch.Tensor
    output: torch.Tensor
    long_memory: torch.Tensor
    short_memory: torch.Tensor


def lstm_step(
    input_value: torch.Tensor,
    long_memory: torch.Tensor,
    short_memory: torch.Tensor,
    p: Mapping[str, torch.Tensor],
) -> Step:
    """One day through the unit, with the tutorial's equations and names.

    Every argument broadcasts: a batch of inputs, a grid of weights, or plain scalars.
    """
    long_remember_percent = torch.sigmoid((short_memory * p["wlr1"]) + (input_value * p["wlr2"]) + p["blr1"])
    potential_remember_percent = torch.sigmoid((short_memory * p["wpr1"]) + (input_value * p["wpr2"]) + p["bpr1"])
    potential_memory = torch.tanh((short_memory * p["wp1"]) + (input_value * p["wp2"]) + p["bp1"])
    updated_long_memory = (long_memory * long_remember_percent) + (potential_remember_percent * potential_memory)
    output_percent = torch.sigmoid((short_memory * p["wo1"]) + (input_value * p["wo2"]) + p["bo1"])
    updated_short_memory = torch.tanh(updated_long_memory) * output_percent
    return Step(
        long_remember_percent,
        potential_remember_percent,
        potential_memory,
        output_percent,
        updated_long_memory,
        updated_short_memory,
    )


def unroll(inputs: torch.Tensor, p: Mapping[str, torch.Tensor]) -> Step:
    """The unrolled pass over the last dimension of `inputs` (the days), both memories starting at 0.

    Returns every stage of every day, stacked along a new last dimension; the prediction is
    `short_memory[..., -1]`. The loop is over days only: batch and weight-grid dimensions broadcast.
    """
    if inputs.shape[-1] < 1:
        raise ValueError("the unit needs at least one day")
    zero = torch.zeros((), dtype=inputs.dtype)
    long_memory, short_memory = zero, zero
    days = []
    for input_value in inputs.unbind(-1):
        step = lstm_step(input_value, long_memory, short_memory, p)
        long_memory, short_memory = step.long_memory, step.short_memory
        days.append(step)
    # Day 1 starts from scalar memories, so its stages may be smaller than later days' until broadcast.
    shape = days[-1].short_memory.shape
    return Step(
        *(
            torch.stack([stage.expand(shape) for stage in stage_by_day], dim=-1)
            for stage_by_day in zip(*days, strict=True)
        )
    )


def as_tensors(weights: Mapping[str, float], dtype: torch.dtype = torch.float32) -> dict[str, torch.Tensor]:
    """Named floats (a `Weights`, a dict) as the scalar tensors `lstm_step` reads."""
    return {name: torch.tensor(float(value), dtype=dtype) for name, value in weights.items()}


def trace(days: Sequence[float], weights: Mapping[str, float]) -> Trace:
    """Run one sequence of day values through the unit and keep every number, as plain floats.

    Computed in float32 like the tutorial's model, so the page shows the numbers the trainer sees.
    """
    with torch.no_grad():
        stages = unroll(torch.tensor([float(day) for day in days]), as_tensors(weights))
    columns = [stage.tolist() for stage in stages]
    return Trace(
        tuple(DayStep(index + 1, float(day), *(column[index] for column in columns)) for index, day in enumerate(days))
    )
