"""Play, Pause, Start and a slider for a Plotly animation: the same controls on every animated figure."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from lstm.locales import _

if TYPE_CHECKING:
    from lstm.figures.theme import Palette


def _still(redraw: bool) -> dict:
    return {"frame": {"duration": 0, "redraw": redraw}, "transition": {"duration": 0}, "mode": "immediate"}


def animation_controls(
    colours: Palette,
    frame_names: Sequence[str],
    labels: Sequence[str],
    frame_ms: int,
    active: int = 0,
    font_size: int = 15,
    left_margin: bool = True,
    stacked: bool = False,
    redraw: bool = True,
) -> dict:
    """`updatemenus` and `sliders` for a layout: frames play in the browser, the slider jumps to any.

    With `left_margin` the buttons sit in the figure's left margin beside the slider, as under the
    unrolled unit; otherwise they sit above the slider's left end. `stacked` puts them one under another,
    so a narrow margin holds them. Without `redraw`, a frame moves only the traces it lists and the rest
    stay painted: for figures whose frames change nothing but scatter traces (a contour would go blank
    between frames while Plotly redraws it).
    """
    play = {
        "frame": {"duration": frame_ms, "redraw": redraw},
        "transition": {"duration": 0},
        "fromcurrent": True,
        "mode": "immediate",
    }
    return {
        "updatemenus": [
            {
                "type": "buttons",
                "direction": "down" if stacked else "left",
                "x": 0,
                "y": -0.02,
                "xanchor": "right" if left_margin else "left",
                "yanchor": "top",
                "pad": {"r": 10, "t": 8},
                "showactive": False,
                "font": {"size": font_size, "color": colours.text},
                "bgcolor": colours.cell,
                "bordercolor": colours.muted,
                "buttons": [
                    {"label": _("▶ Play"), "method": "animate", "args": [None, play]},
                    {"label": _("❚❚ Pause"), "method": "animate", "args": [[None], _still(redraw)]},
                    {"label": _("◀◀ Start"), "method": "animate", "args": [[frame_names[0]], _still(redraw)]},
                ],
            }
        ],
        "sliders": [
            {
                "active": active,
                "x": 0 if left_margin else 0.3,
                "len": 1 if left_margin else 0.7,
                "y": -0.02,
                "yanchor": "top",
                "pad": {"t": 8, "b": 0},
                "currentvalue": {"visible": False},
                # The handle jumps with the frames; gliding is motion some visitors must not get.
                "transition": {"duration": 0},
                "font": {"size": font_size - 2, "color": colours.text},
                "tickcolor": colours.muted,
                "bgcolor": colours.track,
                "bordercolor": colours.muted,
                "activebgcolor": colours.highlight,
                "steps": [
                    {"method": "animate", "label": label, "args": [[name], _still(redraw)]}
                    for name, label in zip(frame_names, labels, strict=True)
                ],
            }
        ],
    }
