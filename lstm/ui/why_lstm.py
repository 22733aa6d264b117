"""The "Why an LSTM" page: the same days through the plain RNN and the LSTM, played together, and the experiment."""

from __future__ import annotations

import streamlit as st

from lstm.explorer.carry_view import VANISHING_W2, WHY_VIEW
from lstm.insights.carry import MAX_DAYS, MIN_DAYS
from lstm.locales import N_, _
from lstm.ui import guide, why_lstm_experiment
from lstm.ui.why_lstm_view import carry_view
from lstm.unit import rnn
from lstm.unit.weights import PRESETS, Weights

DEFAULT_DAYS = WHY_VIEW.days  # the lesson's first step shows the same
SHOWN = {"both": N_("Company A and B"), "A": N_("Company A"), "B": N_("Company B")}
RNN_WEIGHTS = {
    "video": N_("the video's, w2 on the slider"),
    "trained": N_("trained with Adam"),
}
LSTM_WEIGHTS = {
    "tutorial": N_("the tutorial's trained weights"),
    "trained": N_("trained with Adam, like the plain RNN"),
}
EXPLAINED = N_(
    """\
**The plain RNN** is the one from StatQuest's video before the LSTM one: each day it computes
ReLU(input × w1 + yesterday's activation × w2 + b1) and hands that activation to the next day; its
output is activation × w3 + b2. So day 1 reaches the last output multiplied by w2 once for every later
day: with the video's weights and w2 below 1 it vanishes, above 1 it explodes. When a day's sum falls to
0 or below, the ReLU passes nothing back and day 1 is cut off: exactly 0, marked × on the floor.

**The LSTM** carries two lines. Its long-term memory is only scaled by a percentage and added to each
day, so day 1 can survive many days on it, if the weights keep that percentage near 100%.

**Bottom panel.** For each day t, the gradient of the output after day t with respect to day 1's input:
how much a change on day 1 still moves that day's output. On a log axis, a straight fall is the same
factor lost every day.

**Company A and B** differ only on day 1 (0 and 1); days 2 onwards repeat 0.5, 0.25, 1. To tell them
apart a unit must carry day 1 to the end.
"""
)


def _controls() -> tuple[int, str]:
    length, shown = st.columns([2, 1.4])
    days = length.slider(
        _("Days"), MIN_DAYS, MAX_DAYS, DEFAULT_DAYS, key="why_days",
        help=_("Company A and B stretched: day 1 is each company's own, then 0.5, 0.25, 1 repeated."),
    )  # fmt: skip
    which = shown.radio(
        _("Companies"), list(SHOWN), format_func=lambda key: _(SHOWN[key]), key="why_shown", horizontal=True
    )
    return days, which


def _weights(days: int) -> tuple[rnn.RNNWeights, Weights, list[str]]:
    """Each unit's weights as the visitor chose them, and a sentence for each on where they come from."""
    rnn_choice, lstm_choice, seed_column = st.columns([1.2, 1.2, 1])
    rnn_kind = rnn_choice.radio(
        _("Plain RNN's weights"), list(RNN_WEIGHTS), format_func=lambda key: _(RNN_WEIGHTS[key]), key="why_rnn_weights"
    )
    lstm_kind = lstm_choice.radio(
        _("LSTM's weights"), list(LSTM_WEIGHTS), format_func=lambda key: _(LSTM_WEIGHTS[key]), key="why_lstm_weights"
    )
    seed = why_lstm_experiment.seed_choice(seed_column, shown="trained" in (rnn_kind, lstm_kind))
    said = []
    if rnn_kind == "video":
        w2 = st.slider(
            _("w2, the feedback weight"), 0.0, 2.0, VANISHING_W2, 0.05, key="why_w2",
            help=_("The video's other weights: w1 1.8, b1 0, w3 1.1, b2 0. Below 1 day 1 fades, above 1 it grows."),
        )  # fmt: skip
        video = rnn.VIDEO_WEIGHTS
        rnn_weights = rnn.RNNWeights(video.w1, w2, video.b1, video.w3, video.b2)
    else:
        values, sentence = why_lstm_experiment.trained("rnn", days, seed)
        rnn_weights = rnn.RNNWeights.from_mapping(values)
        said.append(sentence)
    if lstm_kind == "tutorial":
        lstm_weights = PRESETS["trained"]
    else:
        values, sentence = why_lstm_experiment.trained("lstm", days, seed)
        lstm_weights = Weights.from_mapping(values)
        said.append(sentence)
    return rnn_weights, lstm_weights, said


def render() -> None:
    guide.insight_heading(
        _("Why an LSTM"),
        _(EXPLAINED),
        "help_why_lstm",
        _(
            "The same days through a plain recurrent network and through the LSTM, one above the other: the line "
            "each carries from day to day, and how much of day 1 is still in each output as the days go by."
        ),
    )
    why_lstm_experiment.collect()
    days, which = _controls()
    rnn_weights, lstm_weights, said = _weights(days)
    for sentence in said:
        st.caption(sentence)
    carry_view(days, which, rnn_weights, lstm_weights)
    why_lstm_experiment.experiment_section(days)
