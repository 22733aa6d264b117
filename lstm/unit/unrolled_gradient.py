"""The unrolled unit's gradient written out by hand: backpropagation through time in a few dozen tensor operations."""

from __future__ import annotations

from typing import NamedTuple

import torch

from lstm.unit.cell import GateWeights, lstm_step

# The column of the one gate squashed by tanh rather than sigmoid, in GateWeights' order.
POTENTIAL_MEMORY = 2


class Tape(NamedTuple):
    """What the backward pass needs from the forward one, every day at once (days along dimension -2 or -1)."""

    inputs: torch.Tensor  # (..., days)
    short_memories: torch.Tensor  # (..., days): the short memory each day starts from
    sum_slopes: torch.Tensor  # (..., days, 4): how each gate's sum moves the memory it feeds
    carries: torch.Tensor  # (..., days): how the day's new short memory moves with its new long memory
    long_remembers: torch.Tensor  # (..., days): how much of the long memory each day keeps


def unrolled_forward(inputs: torch.Tensor, gates: GateWeights) -> tuple[torch.Tensor, Tape]:
    """The last short memory of every sequence in `inputs` (days along the last dimension), as `lstm_step` computes
    it number for number, and the tape for `unrolled_backward`. The weights are three rows of four, unbatched."""
    if inputs.shape[-1] < 1:
        raise ValueError("the unit needs at least one day")
    long_memory = short_memory = torch.zeros(inputs.shape[:-1], dtype=inputs.dtype)
    shorts, longs, activations = [short_memory], [long_memory], []
    for input_value in inputs.unbind(-1):
        step = lstm_step(input_value, long_memory, short_memory, gates)
        long_memory, short_memory = step.long_memory, step.short_memory
        shorts.append(short_memory)
        longs.append(long_memory)
        activations.append(torch.stack(step[:4], -1))
    activated = torch.stack(activations, -2)
    memories = torch.stack(longs, -1)
    squashed = torch.tanh(memories[..., 1:])
    # Each activation's slope at its sum: sigmoid' = s (1 - s), tanh' = 1 - t².
    slopes = activated * (1 - activated)
    slopes[..., POTENTIAL_MEMORY] = 1 - activated[..., POTENTIAL_MEMORY].square()
    # What each gate's value is multiplied by on its way to a new memory: the old long memory, the potential
    # memory, the potential-remember % and tanh of the new long memory.
    partners = torch.stack((memories[..., :-1], activated[..., 2], activated[..., 1], squashed), -1)
    tape = Tape(inputs, torch.stack(shorts[:-1], -1), partners * slopes,
                activated[..., 3] * (1 - squashed.square()), activated[..., 0])  # fmt: skip
    return short_memory, tape


def unrolled_backward(tape: Tape, gates: GateWeights, prediction_gradient: torch.Tensor) -> GateWeights:
    """The gradient of each of the twelve weights, as three rows of four, given the loss's gradient with respect
    to each sequence's prediction: the days walked once, from the last to the first."""
    short_gradient = prediction_gradient
    long_gradient = torch.zeros_like(prediction_gradient)
    sum_gradients = []
    days = zip(tape.carries.unbind(-1), tape.sum_slopes.unbind(-2), tape.long_remembers.unbind(-1), strict=True)
    for carry, sum_slope, long_remember in reversed(list(days)):
        long_gradient = torch.addcmul(long_gradient, short_gradient, carry)
        # The gradient reaching each gate's value: through the long memory for the first three, through the
        # short memory for the output %; times partner and slope, it reaches the gate's sum.
        reaching = torch.stack((long_gradient, long_gradient, long_gradient, short_gradient), -1)
        sum_gradient = reaching * sum_slope
        sum_gradients.append(sum_gradient)
        short_gradient = (sum_gradient * gates.short_memory).sum(-1)
        long_gradient = long_gradient * long_remember
    sums = torch.stack(sum_gradients[::-1], -2)  # (..., days, 4)
    return GateWeights(
        (sums * tape.short_memories[..., None]).reshape(-1, 4).sum(0),
        (sums * tape.inputs[..., None]).reshape(-1, 4).sum(0),
        sums.reshape(-1, 4).sum(0),
    )
