"""The unit's forward pass in NumPy, for the page and the command line: every number of a pass, and no torch.

The explorer draws twelve numbers' worth of arithmetic; importing torch for it would cost a visitor
a second or two before the first picture. This pass computes in float32, as the tutorial's model
does, so the page shows what the trainer sees; tests hold it equal to the torch unit (`lstm.unit.cell`)
over random weights and sequences.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from lstm.unit.gates import GATES
from lstm.unit.trace import DayStep, Trace


def _sigmoid(value: np.ndarray) -> np.ndarray:
    return np.float32(1) / (np.float32(1) + np.exp(-value))


def gate_table(weights: Mapping[str, float]) -> np.ndarray:
    """The twelve weights as a (4, 3) float32 table: a row per gate, columns short-memory weight, input weight, bias."""
    return np.array([[weights[name] for name in gate.weights] for gate in GATES], dtype=np.float32)


def trace(days: Sequence[float], weights: Mapping[str, float]) -> Trace:
    """Run one sequence of day values through the unit and keep every number, including each gate's weighted sum.

    long-remember %      = sigmoid(short_memory × wlr1 + input × wlr2 + blr1)
    potential-remember % = sigmoid(short_memory × wpr1 + input × wpr2 + bpr1)
    potential memory     = tanh(short_memory × wp1 + input × wp2 + bp1)
    output %             = sigmoid(short_memory × wo1 + input × wo2 + bo1)
    long memory  = long_memory × long-remember % + potential-remember % × potential memory
    short memory = tanh(long memory) × output %
    """
    table = gate_table(weights)
    activations = [_sigmoid if gate.is_percent else np.tanh for gate in GATES]
    long_memory = short_memory = np.float32(0)
    steps = []
    with np.errstate(over="ignore"):  # exp of a large negative sum overflows to inf: sigmoid is then exactly 0
        for index, day in enumerate(days):
            x = np.float32(day)
            sums = table[:, 0] * short_memory + table[:, 1] * x + table[:, 2]
            long_remember, potential_remember, potential_memory, output = (
                activation(total) for activation, total in zip(activations, sums, strict=True)
            )
            long_memory = long_memory * long_remember + potential_remember * potential_memory
            squashed = np.tanh(long_memory)
            short_memory = squashed * output
            steps.append(
                DayStep(
                    index + 1,
                    float(day),
                    float(long_remember),
                    float(potential_remember),
                    float(potential_memory),
                    float(output),
                    float(long_memory),
                    float(short_memory),
                    sums=tuple(float(total) for total in sums),
                    squashed_long_memory=float(squashed),
                )
            )
    return Trace(tuple(steps))
