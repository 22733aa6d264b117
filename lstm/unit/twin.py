"""The same unit as PyTorch's nn.LSTM: the weight mapping both ways, and code that builds it."""

from __future__ import annotations

from collections.abc import Sequence

import torch
from torch import nn

from lstm.locales import N_
from lstm.unit.gates import GATE_BY_FIELD
from lstm.unit.weights import Weights

# PyTorch stacks the four gates in this order inside weight_ih, weight_hh, bias_ih and bias_hh;
# each entry names the hand-built parameters of that gate: (weight on input, on short memory, bias). The names
# are catalogue entries (a page translates them with `_`); the code snippet keeps them in English, as code does.
TORCH_GATE_ORDER = tuple(
    (torch_name, gate.tutorial_name, (gate.input_weight, gate.short_weight, gate.bias))
    for torch_name, gate in (
        (N_("input gate"), GATE_BY_FIELD["potential_remember"]),
        (N_("forget gate"), GATE_BY_FIELD["long_remember"]),
        (N_("cell gate"), GATE_BY_FIELD["potential_memory"]),
        (N_("output gate"), GATE_BY_FIELD["output"]),
    )
)


def _by_role(weights: Weights) -> list[list[float]]:
    """Three rows in PyTorch's gate order: weights on the input, weights on the short memory, biases."""
    return [[weights[names[role]] for _, _, names in TORCH_GATE_ORDER] for role in range(3)]


def torch_lstm_state(weights: Weights) -> dict[str, torch.Tensor]:
    """The state_dict of nn.LSTM(input_size=1, hidden_size=1) that computes what `weights` compute.

    nn.LSTM has two bias vectors where the unit has one: the whole bias goes into bias_ih.
    """
    column = _by_role(weights)
    return {
        "weight_ih_l0": torch.tensor(column[0]).reshape(4, 1),
        "weight_hh_l0": torch.tensor(column[1]).reshape(4, 1),
        "bias_ih_l0": torch.tensor(column[2]),
        "bias_hh_l0": torch.zeros(4),
    }


def _numbers(values: Sequence[float]) -> str:
    return ", ".join(repr(float(value)) for value in values)


def torch_lstm_snippet(weights: Weights, days: Sequence[float]) -> str:
    """Python that builds this unit as nn.LSTM and runs `days` through it: to copy into a notebook."""
    column = _by_role(weights)
    gates = "\n".join(
        f"#   {index}: {torch_name:<12}= {tutorial} ({', '.join(names)})"
        for index, (torch_name, tutorial, names) in enumerate(TORCH_GATE_ORDER)
    )
    return f"""import torch
from torch import nn

# One LSTM unit: one input (the day's value), one hidden unit (the short-term memory).
lstm = nn.LSTM(input_size=1, hidden_size=1)

# PyTorch stacks the four gates in this order; each row holds (weight on input, weight on short memory, bias):
{gates}
with torch.no_grad():
    lstm.weight_ih_l0.copy_(torch.tensor([{_numbers(column[0])}]).reshape(4, 1))
    lstm.weight_hh_l0.copy_(torch.tensor([{_numbers(column[1])}]).reshape(4, 1))
    lstm.bias_ih_l0.copy_(torch.tensor([{_numbers(column[2])}]))
    lstm.bias_hh_l0.zero_()  # the unit has one bias per gate; PyTorch adds bias_ih and bias_hh

days = torch.tensor([{_numbers(days)}]).reshape(-1, 1)  # (days, 1 input)
short_memories, (short_memory, long_memory) = lstm(days)
print("prediction:", short_memories[-1].item())  # the short-term memory after the last day
"""


def to_torch_lstm(weights: Weights) -> nn.LSTM:
    lstm = nn.LSTM(input_size=1, hidden_size=1)
    lstm.load_state_dict(torch_lstm_state(weights))
    return lstm


def from_torch_lstm(lstm: nn.LSTM) -> Weights:
    """The twelve hand-built weights of a one-unit nn.LSTM; its two biases add up to one."""
    state = lstm.state_dict()
    weight_ih = state["weight_ih_l0"].reshape(4)
    weight_hh = state["weight_hh_l0"].reshape(4)
    bias = state["bias_ih_l0"] + state["bias_hh_l0"]
    values = {}
    for gate, (_, _, (on_input, on_short_memory, bias_name)) in enumerate(TORCH_GATE_ORDER):
        values[on_input] = weight_ih[gate].item()
        values[on_short_memory] = weight_hh[gate].item()
        values[bias_name] = bias[gate].item()
    return Weights.from_mapping(values)
