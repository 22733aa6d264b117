"""A keyboard and screen-reader player for a Plotly animation: real buttons that animate it in the browser."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

import streamlit as st

from lstm.locales import _
from lstm.ui.components import read


@dataclass(frozen=True)
class PlayerTexts:
    """What the player's parts say; a page names them in its own words (frames, stages, days).

    Each default is translated when the texts are made, in the script run that shows them.
    """

    group: str = field(default_factory=lambda: _("Animation"))  # the accessible name of the whole player
    play: str = field(default_factory=lambda: _("Play"))
    pause: str = field(default_factory=lambda: _("Pause"))
    back: str = field(default_factory=lambda: _("Step back"))
    forward: str = field(default_factory=lambda: _("Step forward"))
    start: str = field(default_factory=lambda: _("Start"))
    position: str = field(default_factory=lambda: _("Position"))


@functools.cache
def _component():
    # Registered once per process, on first use rather than at import. The player lives in the page (a
    # component of Streamlit's second kind, no iframe), where its script reaches the chart and the page's own
    # plotly.js.
    return st.components.v2.component(
        "lstm_explorer.player",
        html=read("player.html"),
        css=read("player.css"),
        js=read("player.js"),
        isolate_styles=True,
    )


def player(
    chart_key: str,
    frame_names: list[str],
    captions: list[str],
    *,
    labels: list[str] | None = None,
    start: int = 0,
    frame_ms: int = 1000,
    right_to_left: bool = False,
    texts: PlayerTexts | None = None,
    caption_apart: bool = False,
    fit_height: int | None = None,
    on_frame: Callable[[int], None] | None = None,
    key: str | None = None,
) -> None:
    """Buttons, a position slider and a spoken caption that animate the chart drawn with `key=chart_key`.

    `frame_names` are the figure's frame names in playing order; `captions[i]` is the plain-text
    sentence for frame i, read out politely by screen readers as the animation reaches it;
    `labels[i]` names the position (defaults to the frame name). `start` is the frame the figure
    shows when drawn (its slider's `active`). Play holds each frame `frame_ms` milliseconds; every
    move is a jump with no tween, so reduced motion needs only Plotly's slider handle calmed, which
    the player does in the browser when the visitor's system asks for it. With `right_to_left` the
    position slider runs right to left (for a figure whose slider does, as when playing walks backward).
    With `caption_apart` the page shows and speaks the caption elsewhere (lstm.ui.figure_text follows the
    player); with `fit_height` the chart gives up height, down to that many px, until the player is on the
    first screen. With `on_frame` the player tells the page where it stopped (a rerun, once the visitor has
    left it there for a moment and nothing plays), so the page's link and answers follow the stepping.
    """
    labels = list(labels) if labels is not None else list(frame_names)
    texts = texts if texts is not None else PlayerTexts()
    if not frame_names or not len(frame_names) == len(captions) == len(labels):
        raise ValueError("a player needs one caption and one label per frame, and at least one frame")
    if not 0 <= start < len(frame_names):
        raise ValueError(f"start {start} is not a frame (0 to {len(frame_names) - 1})")
    settings = {
        "chart": chart_key,
        "frames": list(frame_names),
        "captions": list(captions),
        "labels": labels,
        "start": start,
        "frame_ms": int(frame_ms),
        "right_to_left": right_to_left,
        "texts": asdict(texts),
        "caption_apart": caption_apart,
        "fit_height": fit_height,
        "report": on_frame is not None,
    }
    key = key or f"player_{chart_key}"
    callbacks = {} if on_frame is None else {"on_frame_change": lambda: on_frame(int(st.session_state[key]["frame"]))}
    _component()(
        key=key,
        # One JSON string rather than a dict of lists: Streamlit looks for a table in every list of a dict it is
        # given, and its first look imports pandas, 0.7 s on the first page a server draws.
        data={"player": json.dumps(settings)},
        width="stretch",
        height="content",
        **callbacks,
    )
