"""The look every figure shares: the memory colours, light and dark palettes, plain figures, chart layout."""

from __future__ import annotations

from dataclasses import dataclass

import plotly.graph_objects as go

# Okabe-Ito colours: told apart with every common colour-vision deficiency, on light and dark pages.
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
        self._plain_data, self._plain_layout, self._plain_frames = data, settled(data, layout), frames or []

    def to_dict(self) -> dict:
        # Shared, not copied: nothing downstream writes to them, and a deep copy costs as much as the build.
        figure = {"data": list(self._plain_data), "layout": dict(self._plain_layout)}
        if self._plain_frames:
            figure["frames"] = list(self._plain_frames)
        return figure


# Traces drawn on x and y axes (the others, a table's, have none).
CARTESIAN = ("scatter", "bar", "heatmap", "contour")


def _axis_key(reference: str) -> str:
    """A trace's "x3" as the layout's "xaxis3"."""
    return f"{reference[0]}axis{reference[1:]}"


def settled(data: list[dict], layout: dict) -> dict:
    """`layout` with every axis the traces draw on writing plain decimals and holding still under a finger.

    Plotly's default writes ticks with SI prefixes (100µ, 10k); "none" writes them out in full (0.0001). A log
    axis's ticks between powers of ten would read "2", "5" (for 0.02, 0.05): d3's "~r" writes each value whole.
    A figure's own tick format wins. No figure zooms, pans or selects by dragging: on a phone a
    swipe that starts on a chart must scroll the page, or the chart's sideways frame (plotly.js issues 6902
    and 2844), and a teaching figure's ranges are chosen, not found by zooming. Clicks and hovers still work.
    """
    for trace in data:
        if trace.get("type", "scatter") in CARTESIAN:
            for reference in (trace.get("xaxis", "x"), trace.get("yaxis", "y")):
                layout.setdefault(_axis_key(reference), {})
    for key, axis in layout.items():
        if key.startswith(("xaxis", "yaxis")) and isinstance(axis, dict):
            axis.setdefault("exponentformat", "none")
            if axis.get("type") == "log":
                axis.setdefault("tickformat", "~r")
            axis["fixedrange"] = True
    layout["dragmode"] = False
    return layout


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
# Streamlit 1.67's dark page is #171614 with text #EDEBE8: the figures match it, so they sit on the page unboxed.
DARK = Palette(
    text="#EDEBE8", muted="#ABA8A3", track="#3A3835", cell="#23221F", highlight="#EDEBE8", background="#171614"
)


def palette(dark: bool) -> Palette:
    return DARK if dark else LIGHT


# WCAG 2 contrast: 4.5:1 for text, 3:1 for large text and for the parts of a chart that carry meaning.
TEXT_CONTRAST = 4.5
PART_CONTRAST = 3.0


def _channels(colour: str) -> tuple[int, int, int]:
    digits = colour.lstrip("#")
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def _luminance(colour: str) -> float:
    linear = [value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4 for value in
              (channel / 255 for channel in _channels(colour))]  # fmt: skip
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """WCAG's contrast ratio of two #RRGGBB colours, from 1 (the same) to 21 (black on white)."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _mix(colour: str, towards: str, share: float) -> str:
    mixed = (round(a + (b - a) * share) for a, b in zip(_channels(colour), _channels(towards), strict=True))
    return "#" + "".join(f"{channel:02X}" for channel in mixed)


def readable(colour: str, background: str, ratio: float = TEXT_CONTRAST) -> str:
    """`colour` as text (or, with PART_CONTRAST, an outline) on `background`: the same hue, darkened on a light
    background or lightened on a dark one just until it reaches `ratio`. Okabe-Ito fills stay as they are;
    their labels and outlines take this."""
    towards = "#FFFFFF" if _luminance(background) < 0.18 else "#000000"
    for step in range(21):
        candidate = _mix(colour, towards, step / 20)
        if contrast(candidate, background) >= ratio:
            return candidate
    return towards


def text_on(fill: str) -> str:
    """Black or white, whichever reads better on `fill`: at least 4.5:1 on every Okabe-Ito colour."""
    return "#000000" if contrast("#000000", fill) >= contrast("#FFFFFF", fill) else "#FFFFFF"


# The line charts' legend: a row under the plot, where it never covers a line.
LEGEND_BELOW = {"orientation": "h", "y": -0.3, "yanchor": "top", "font": {"size": 14}}
CHART_MARGIN = {"l": 70, "r": 20, "t": 10, "b": 10}


def _axis(title: str, colours: Palette) -> dict:
    return {
        "title": {"text": title, "standoff": 6},
        "automargin": True,
        "gridcolor": colours.track,
        "zerolinecolor": colours.muted,
    }


def chart_layout(
    colours: Palette,
    height: int,
    x_title: str | None = None,
    y_title: str | None = None,
    *,
    margin: dict | None = None,
    font_size: int = 14,
    legend: dict | None = LEGEND_BELOW,
    **entries: object,
) -> dict:
    """The layout every figure of the app starts from: transparent, on the page's background, in its text colour.

    With titles, a line chart's themed x and y axes; `legend` None hides the legend, a dict places it (Plotly
    shows it when there is more than one trace). `entries` are the figure's own layout entries, added as they are.
    """
    layout: dict = {
        "height": height,
        "margin": dict(margin or CHART_MARGIN),
        "paper_bgcolor": colours.background,
        "plot_bgcolor": "rgba(0,0,0,0)",
        "font": {"color": colours.text, "size": font_size},
    }
    if legend is None:
        layout["showlegend"] = False
    else:
        layout["legend"] = {**legend, "font": dict(legend.get("font", {}))}
    if x_title is not None:
        layout["xaxis"] = _axis(x_title, colours)
    if y_title is not None:
        layout["yaxis"] = _axis(y_title, colours)
    return {**layout, **entries}
