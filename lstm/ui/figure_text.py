"""A figure's text alternative (a short name and what it shows now) and its caption, following the page's player."""

from __future__ import annotations

import functools
import json

import streamlit as st

from lstm.ui.components import read


@functools.cache
def _component():
    # Registered once per process, on first use. Not isolated: the chart's drawing names the description by
    # its id, which must lie in the same document tree as the chart.
    return st.components.v2.component(
        "lstm_explorer.figure_text",
        html=read("figure_text.html"),
        css=read("figure_text.css"),
        js=read("figure_text.js"),
        isolate_styles=False,
    )


def figure_text(
    chart_key: str,
    name: str,
    descriptions: list[str],
    *,
    start: int = 0,
    captions: list[tuple[str, str]] | None = None,
) -> None:
    """Names the chart drawn with `key=chart_key` as a picture (role img) and describes it.

    `descriptions[i]` says what the figure shows at the player's frame i (one for a figure that does not
    move); `captions[i]`, a heading and its text, is written here, visible and spoken as the frame changes,
    for a page whose player leaves its caption to this (`player(..., caption_apart=True)`).
    """
    if not descriptions or (captions is not None and len(captions) != len(descriptions)):
        raise ValueError("a figure text needs a description per frame, and a caption per frame if any")
    settings = {
        "chart": chart_key,
        "name": name,
        "descriptions": list(descriptions),
        "captions": None if captions is None else [list(caption) for caption in captions],
        "start": start,
    }
    _component()(key=f"figure_text_{chart_key}", data={"figure_text": json.dumps(settings)}, width="stretch")
