"""Lines, boxes and arrows as Plotly layout entries: the one way every figure draws them."""

from __future__ import annotations

# A figure's first axes; the opened cell draws on x2/y2, a band across the plot on the paper's x.
AXES = ("x", "y")


def line(
    x0: float,
    y0: float,
    x1: float,
    y1: float,
    colour: str,
    width: float = 2,
    dash: str = "solid",
    axes: tuple[str, str] = AXES,
    layer: str = "below",
) -> dict:
    """A straight line from (x0, y0) to (x1, y1); below the traces unless `layer` says otherwise."""
    return {
        "type": "line", "xref": axes[0], "yref": axes[1], "x0": x0, "y0": y0, "x1": x1, "y1": y1,
        "line": {"color": colour, "width": width, "dash": dash}, "layer": layer,
    }  # fmt: skip


def box(
    left: float,
    right: float,
    bottom: float,
    top: float,
    fill: str,
    outline: dict | None = None,
    axes: tuple[str, str] = AXES,
) -> dict:
    """A filled rectangle below the traces, outlined by `outline` (Plotly's line: colour, width) or not at all."""
    return {
        "type": "rect", "xref": axes[0], "yref": axes[1], "x0": left, "x1": right, "y0": bottom, "y1": top,
        "line": outline or {"width": 0}, "fillcolor": fill, "layer": "below",
    }  # fmt: skip


def arrow(x: float, y: float, from_x: float, from_y: float, colour: str, width: float = 2) -> dict:
    """An arrow from (from_x, from_y) to its head at (x, y), both on the first axes, as an annotation."""
    return {
        "x": x, "y": y, "ax": from_x, "ay": from_y, "xref": "x", "yref": "y", "axref": "x", "ayref": "y",
        "text": "", "showarrow": True, "arrowhead": 2, "arrowwidth": width, "arrowcolor": colour,
    }  # fmt: skip
