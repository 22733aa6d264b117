"""The nn.LSTM page: the twelve weights in PyTorch's four tensors, the same predictions, and code to copy."""

from __future__ import annotations

import streamlit as st
import torch

from lstm.locales import N_, _
from lstm.ui import explorer_session, guide
from lstm.unit.forward import trace
from lstm.unit.trace import Trace
from lstm.unit.twin import TORCH_GATE_ORDER, to_torch_lstm, torch_lstm_snippet, torch_lstm_state

TENSORS = ("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0")
EXPLAINED = N_(
    """\
**The same unit, two spellings.** The tutorial names every weight (`wlr1`, `wpr2`, ...). PyTorch's
`nn.LSTM` keeps them in four tensors, one row per gate in the order input, forget, cell, output:
`weight_ih` multiplies the input (the day's value), `weight_hh` the hidden state (the short-term
memory), and `bias_ih` plus `bias_hh` is the bias. With one input and one hidden unit, each row
holds a single number, so the twelve weights fill the four tensors exactly.

**Names.** PyTorch's input gate is the tutorial's potential-remember %, its forget gate the
long-remember %, its cell gate the potential memory, and its output gate the output %. The cell
state is the long-term memory, the hidden state the short-term memory.

**Two biases.** `nn.LSTM` adds `bias_ih` and `bias_hh`; the unit has one bias per gate, so all of
it goes into `bias_ih` and `bias_hh` is zero. Any split with the same sum computes the same.
"""
)


def _mapping_table(weights) -> dict[str, list]:
    """One row per gate in PyTorch's order: each tensor's entry and the hand-built weight it holds."""
    state = torch_lstm_state(weights)
    row, gate, theirs = _("row"), _("nn.LSTM gate"), _("the tutorial's")
    rows = {row: [], gate: [], theirs: [], **{tensor: [] for tensor in TENSORS}}
    for index, (torch_name, tutorial, (on_input, on_short, bias)) in enumerate(TORCH_GATE_ORDER):
        rows[row].append(index)
        rows[gate].append(_(torch_name))
        rows[theirs].append(_(tutorial))
        for tensor, name in zip(TENSORS, (on_input, on_short, bias, None), strict=True):
            value = float(state[tensor].reshape(4)[index])
            rows[tensor].append(f"{value:.4f}" if name is None else f"{value:.4f}  ← {name}")
    return rows


def _both_table(hand_trace: Trace, torch_short: list[float]) -> None:
    """The same days through the hand-built unit and nn.LSTM, side by side, with their difference."""
    short, hidden, long = _("short memory (hand-built)"), _("hidden state (nn.LSTM)"), _("long memory (hand-built)")
    difference = _("difference")
    st.dataframe(
        {
            _("day"): [step.day for step in hand_trace.steps],
            _("input"): [step.input for step in hand_trace.steps],
            short: [step.short_memory for step in hand_trace.steps],
            hidden: torch_short,
            long: [step.long_memory for step in hand_trace.steps],
            difference: [
                abs(step.short_memory - value) for step, value in zip(hand_trace.steps, torch_short, strict=True)
            ],
        },
        hide_index=True,
        column_config={
            short: st.column_config.NumberColumn(format="%.6f"),
            hidden: st.column_config.NumberColumn(format="%.6f"),
            long: st.column_config.NumberColumn(format="%.6f"),
            difference: st.column_config.NumberColumn(format="%.1e"),
        },
    )


def render() -> None:
    explorer_session.start_session()
    state = explorer_session.current()
    guide.insight_heading(
        _("The same unit in nn.LSTM"),
        _(EXPLAINED),
        "help_pytorch",
        _(
            "The explorer's twelve weights, placed into PyTorch's nn.LSTM: the same predictions for the same days, "
            "and the code that builds it, to copy into a notebook."
        ),
    )
    guide.explorer_link(state.days, state.weights_name)
    lstm = to_torch_lstm(state.weights)
    st.markdown(
        _("**{code}**: each tensor's entry, and the hand-built weight it holds").format(
            code="`nn.LSTM(input_size=1, hidden_size=1)`"
        )
    )
    st.dataframe(_mapping_table(state.weights), hide_index=True)
    hand_trace = trace(state.days, state.weights)
    with torch.no_grad():
        outputs, (hidden, cell) = lstm(torch.tensor(state.days, dtype=torch.float32).reshape(-1, 1))
    torch_short = outputs.reshape(-1).tolist()
    st.markdown(_("**The same days through both**"))
    _both_table(hand_trace, torch_short)
    prediction, torch_prediction, cell_state = st.columns(3)
    prediction.metric(_("Prediction, hand-built"), f"{hand_trace.prediction:.6f}")
    torch_prediction.metric(_("Prediction, nn.LSTM"), f"{float(hidden):.6f}")
    cell_state.metric(_("Long memory = nn.LSTM's cell state"), f"{float(cell):.6f}")
    st.markdown(_("**Build it yourself**: copy this into a notebook (the copy button is at the top right)."))
    st.code(torch_lstm_snippet(state.weights, state.days), language="python")
