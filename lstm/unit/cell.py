"""The tutorial's LSTM unit on tensors of any batch shape: one day's step and the unrolled pass training uses."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

import torch

from lstm.unit.gates import GATES


class Step(NamedTuple):
    """The stages of one day (or, from `unroll`, of every day along the last dimension)."""

    long_remember: torch.Tensor
    potential_remember: torch.Tensor
    potential_memory: torch.Tensor
    output: torch.Tensor
    long_memory: torch.Tensor
    short_memory: torch.Tensor


# The four gates side by side, so one sweep of tensor arithmetic computes all of them. Columns:
# long-remember %, potential-remember %, potential memory, output %.
SHORT_MEMORY_WEIGHTS = tuple(gate.short_weight for gate in GATES)
INPUT_WEIGHTS = tuple(gate.input_weight for gate in GATES)
BIASES = tuple(gate.bias for gate in GATES)
LAID_OUT = (*SHORT_MEMORY_WEIGHTS, *INPUT_WEIGHTS, *BIASES)  # the twelve names, row by row


class GateWeights(NamedTuple):
    """The twelve weights as three rows of four, one column per gate."""

    short_memory: torch.Tensor  # (..., 4): wlr1, wpr1, wp1, wo1
    input: torch.Tensor  # (..., 4): wlr2, wpr2, wp2, wo2
    bias: torch.Tensor  # (..., 4): blr1, bpr1, bp1, bo1


def gate_weights(p: Mapping[str, torch.Tensor]) -> GateWeights:
    """Lay the twelve named weights out by gate, once per pass rather than once per day."""
    columns = [p[name] for name in LAID_OUT]
    if len({column.shape for column in columns}) > 1:
        # A landscape varies one or two weights over a grid; the others are scalars to spread over it.
        columns = torch.broadcast_tensors(*columns)
    return GateWeights(*torch.stack(columns, dim=-1).unflatten(-1, (3, 4)).unbind(-2))


def lstm_step(
    input_value: torch.Tensor,
    long_memory: torch.Tensor,
    short_memory: torch.Tensor,
    gates: GateWeights,
) -> Step:
    """One day through the unit: the tutorial's equations, the four gates computed side by side.

        long-remember %      = sigmoid(short_memory × wlr1 + input × wlr2 + blr1)
        potential-remember % = sigmoid(short_memory × wpr1 + input × wpr2 + bpr1)
        potential memory     = tanh(short_memory × wp1 + input × wp2 + bp1)
        output %             = sigmoid(short_memory × wo1 + input × wo2 + bo1)
        long memory  = long_memory × long-remember % + potential-remember % × potential memory
        short memory = tanh(long memory) × output %

    Every argument broadcasts: a batch of inputs, a grid of weights, or plain scalars. Written gate
    by gate, a step is some twenty tensor operations; side by side it is about ten, which halves
    the cost of a training step for a unit this small.
    """
    # Each gate's weighted sum, all four at once: bias + short memory × weight + input × weight.
    sums = torch.addcmul(
        torch.addcmul(gates.bias, short_memory[..., None], gates.short_memory), input_value[..., None], gates.input
    )
    # Sigmoid over all four columns is one operation; the potential memory column takes tanh instead.
    long_remember_percent, potential_remember_percent, _, output_percent = torch.sigmoid(sums).unbind(-1)
    potential_memory = torch.tanh(sums[..., 2])
    updated_long_memory = torch.addcmul(
        long_memory * long_remember_percent, potential_remember_percent, potential_memory
    )
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
    gates = gate_weights(p)
    zero = torch.zeros((), dtype=inputs.dtype)
    long_memory, short_memory = zero, zero
    days = []
    for input_value in inputs.unbind(-1):
        step = lstm_step(input_value, long_memory, short_memory, gates)
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
