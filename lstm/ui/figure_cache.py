"""The unrolled unit's figure built once per view: a class on one lesson link, or a visitor stepping back and
forth through the stages, gets it from the cache instead of building it again."""

from __future__ import annotations

import streamlit as st

from lstm.explorer.state import ExplorerState
from lstm.figures.theme import PlainFigure
from lstm.figures.unrolled import unrolled_figure
from lstm.locales import current, speaking
from lstm.unit.forward import trace
from lstm.unit.stages import Position
from lstm.unit.weights import NAMES, Weights

# Twelve days with a cell open make the largest figure, about 160 KB: 128 of them stay under 25 MB.
FIGURES_KEPT = 128


@st.cache_data(max_entries=FIGURES_KEPT, show_spinner=False)
def _unrolled_parts(
    days: tuple[float, ...],
    weights: tuple[float, ...],
    frame: int,
    dark: bool,
    frame_ms: int,
    text_scale: float,
    open_day: int | None,
    compare: tuple[float, ...] | None,
    names: tuple[str, str],
    detail_beside: bool,
    language: str,
) -> dict:
    # Plain values in, plain dicts out: Streamlit hashes the one and copies the other cheaply. The figure's
    # words are in `language`, which is part of the key: the same view in German is another figure.
    unit = Weights.from_mapping(dict(zip(NAMES, weights, strict=True)))
    compared = None if compare is None else trace(compare, unit)
    with speaking(language):
        figure = unrolled_figure(
            trace(days, unit), unit, Position(frame), dark, frame_ms, text_scale, open_day, compared, names,
            detail_beside,
        )  # fmt: skip
    return figure.to_dict()


def cached_unrolled_figure(
    state: ExplorerState, dark: bool, frame_ms: int, text_scale: float, names: tuple[str, str], detail_beside: bool
) -> PlainFigure:
    """`unrolled_figure` for the state's days, weights, stage, opened cell and compared days, cached."""
    open_day = None if state.cell is None else state.cell - 1
    parts = _unrolled_parts(
        state.days, tuple(state.weights.values()), state.position.frame, dark, frame_ms, text_scale, open_day,
        state.compare, names, detail_beside, current(),
    )  # fmt: skip
    return PlainFigure(parts["data"], parts["layout"], parts.get("frames"))
