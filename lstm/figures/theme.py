"""The look every figure shares: the gate and memory colours, light and dark palettes, plain figures, chart layout."""

from __future__ import annotations

from dataclasses import dataclass

import plotly.graph_objects as go

from lstm.unit.gates import GATES

# Okabe-Ito colours: told apart with every common colour-vision deficiency, on light and dark pages.
GATE_COLOURS = {gate.field: gate.colour for gate in GATES}
LONG_MEMORY_COLOUR = "#D55E00"  # vermillion
SHORT_MEMORY_COLOUR = "#56B4E9"  # sky blue


class PlainFigure(go.Figure):
    """A figure given as plain JSON-ready dicts and carried through as it is.

    Plotly builds an object for every trace (about half a millisecond each) and validates every
    animation frame (about two), which alone would exceed the page's redraw budget, and it stamps
    `type: scatter` on frame updates meant for bar traces. These figures are made here from plain
    numbers, so they skip all that: they appear in `to_dict`, which Streamlit, `plotly.io` and
    `write_html` read.
    """

    def __init__(self, data: list[dict], layout: dict, frames: list[dict] | None = None):
        super().__init__(_validate=False)
        self._plain_data, self._plain_layout, self._plain_frames = data, layout, frames or []

    def to_dict(self) -> dict:
        # Shared, not copied: nothing downstream writes to them, and a deep copy costs as much as the build.
        figure = {"data": list(self._plain_data), "layout": dict(self._plain_layout)}
        if self._plain_frames:
            figure["frames"] = list(self._plain_frames)
        return figure


@dataclass(frozen=True)
class Palette:
    """Colours that depend on Streamlit's light or dark theme."""

    text: str
    muted: str
    track: str
    cell: str
    highlight: str
    background: str  # the page's own, so an exported PNG reads the same off the page as on it


LIGHT = Palette(
    text="#1F2430", muted="#5B6270", track="#E4E7EE", cell="#F7F8FB", highlight="#1F2430", background="#FFFFFF"
)
DARK = Palette(
    text="#F2F4F8", muted="#A9B0BC", track="#343A46", cell="#1C2029", highlight="#F2F4F8", background="#0E1117"
)


def palette(dark: bool) -> Palette:
    return DARK if dark else LIGHT


def chart_layout(colours: Palette, height: int, x_title: str, y_title: str) -> dict:
    """The layout every line chart of the app shares: transparent, themed, legend below."""
    return {
        "height": height,
        "margin": {"l": 70, "r": 20, "t": 10, "b": 10},
        "paper_bgcolor": colours.background,
        "plot_bgcolor": "rgba(0,0,0,0)",
        "font": {"color": colours.text, "size": 14},
        "legend": {"orientation": "h", "y": -0.3, "yanchor": "top", "font": {"size": 14}},
        "xaxis": {
            "title": {"text": x_title, "standoff": 6},
            "automargin": True,
            "gridcolor": colours.track,
            "zerolinecolor": colours.muted,
        },
        "yaxis": {
            "title": {"text": y_title, "standoff": 6},
            "automargin": True,
            "gridcolor": colours.track,
            "zerolinecolor": colours.muted,
        },
    }
