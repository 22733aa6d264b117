"""The Why an LSTM view: Company A and B stretched through the plain RNN above the LSTM, one player for both.

The Why an LSTM page draws it with the visitor's days and weights; the lesson's first step draws it in place of
the cells, with the step's days, the video's plain RNN and the explorer's LSTM weights.
"""

from __future__ import annotations

import zlib

import streamlit as st

from lstm.explorer.carry_view import CarryView
from lstm.figures.exports import image_export_config
from lstm.figures.theme import PlainFigure
from lstm.figures.why_lstm import MINIMUM_WIDTH, UnitDays, carry_figure, day_captions, day_labels
from lstm.insights.carry import day_one_by_day, stretch
from lstm.locales import _, current, speaking
from lstm.ui import routes
from lstm.ui.figure_text import figure_text
from lstm.ui.player import PlayerTexts, player
from lstm.ui.sideways import scroll_sideways_css
from lstm.unit import rnn
from lstm.unit.days import DAY_PRESET_LABELS
from lstm.unit.forward import trace
from lstm.unit.weights import NAMES, Weights

CHART = "why_lstm"  # the page's figure
LESSON_CHART = "lesson_why_lstm"  # the lesson step's, in place of the cells
FRAME_MS = 400


def unit_days(company: str, days: int, rnn_weights: rnn.RNNWeights, lstm_weights: Weights) -> UnitDays:
    """One company stretched to `days` days through both units: what each carries and how much of day 1 is left."""
    sequence = stretch(company, days)
    plain = rnn.trace(sequence, rnn_weights)
    lstm = trace(sequence, lstm_weights)
    return UnitDays(
        company,
        _(DAY_PRESET_LABELS[company]),
        tuple(step.activation for step in plain.steps),
        tuple(float(step.long_memory) for step in lstm.steps),
        tuple(float(step.short_memory) for step in lstm.steps),
        tuple(float(value) for value in day_one_by_day("rnn", sequence, rnn_weights)),
        tuple(float(value) for value in day_one_by_day("lstm", sequence, lstm_weights)),
    )


@st.cache_data(max_entries=64, show_spinner=False)
def _figure_parts(
    days: int,
    which: str,
    rnn_values: tuple[float, ...],
    lstm_values: tuple[float, ...],
    dark: bool,
    language: str,
    start: int | None = None,
) -> tuple[dict, list[str], list[str]]:
    # Plain values in, plain dicts out; the figure's words are in `language`, part of the key.
    rnn_weights = rnn.RNNWeights(*rnn_values)
    lstm_weights = Weights.from_mapping(dict(zip(NAMES, lstm_values, strict=True)))
    with speaking(language):
        series = [
            unit_days(company, days, rnn_weights, lstm_weights) for company in ("A", "B") if which in (company, "both")
        ]
        return carry_figure(series, dark, start).to_dict(), day_captions(series), day_labels(days)


def carry_view(
    days: int, which: str, rnn_weights: rnn.RNNWeights, lstm_weights: Weights, key: str = CHART, at_end: bool = True
) -> None:
    """The days through both units with their player and text: at the last day, or (`at_end` False) at day 1.

    The page draws it under the key "why_lstm"; a lesson step draws it in place of the cells under a key of its own.
    """
    dark = st.context.theme.type == "dark"
    rnn_values = tuple(rnn_weights.to_dict().values())
    start = days if at_end else 1
    lstm_values = tuple(lstm_weights.values())
    parts, captions, labels = _figure_parts(days, which, rnn_values, lstm_values, dark, current(), start)
    with st.container(key=f"{key}_frame"):
        st.html(scroll_sideways_css(f"{key}_frame", f"{key}_content", MINIMUM_WIDTH))
        with st.container(key=f"{key}_content"):
            figure = PlainFigure(parts["data"], parts["layout"], parts["frames"])
            st.plotly_chart(figure, key=key, theme=None, config=image_export_config("lstm-why-an-lstm"))
    names = [frame["name"] for frame in parts["frames"]]
    # A player of its own for each view: the player's script, handed new frames under the same key, keeps its
    # old listeners too and then steps two frames a key press.
    view = zlib.crc32(repr((captions, start)).encode())
    player(
        key, names, captions, labels=labels, start=start - 1, frame_ms=FRAME_MS,
        texts=PlayerTexts(group=_("The days through both units")), key=f"player_{key}_{view}",
    )  # fmt: skip
    name = _("The same {days} days through the plain RNN and the LSTM").format(days=days)
    figure_text(key, name, captions, start=start - 1)


def lesson_view(view: CarryView, lstm_weights: Weights, at_end: bool) -> None:
    """A lesson step's view: both companies through the video's plain RNN and the LSTM, and the way to the page.

    It opens at day 1 while the step's question waits for its answer, at the last day once it is revealed.
    """
    carry_view(view.days, "both", view.rnn, lstm_weights, key=LESSON_CHART, at_end=at_end)
    st.page_link(
        routes.WHY_LSTM.target(),
        label=_("Other lengths, other w2 and trained weights on the Why an LSTM page"),
        icon=routes.WHY_LSTM.icon,
    )
