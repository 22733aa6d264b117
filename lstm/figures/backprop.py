"""Backpropagation through time drawn on the unrolled unit: the gradient walks back from the loss, day by day."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from lstm.figures.animation import animation_controls
from lstm.figures.theme import LONG_MEMORY_COLOUR, SHORT_MEMORY_COLOUR, Palette, PlainFigure, palette
from lstm.unit.gates import GATES

if TYPE_CHECKING:
    from lstm.insights.backprop import Backprop

# The heatmap's rows, gate by gate as the explorer groups them: weight on short memory, on input, bias.
GATE_ROWS = tuple(name for gate in GATES for name in gate.weights)
LONG_Y, SHORT_Y, INPUT_Y = 1.0, 0.0, -0.55
FRAME_MS = 1100
LOSS_GAP = 0.75  # from the last day's short memory to the loss node


def gradient_text(value: float) -> str:
    """A gradient as a few significant figures: they run from about 1 down to 1e-6 and below."""
    return f"{value:.3g}" if value else "0"


def _revealed(days: int, frame: int) -> list[bool]:
    """Frame 0 shows the loss alone; frame k has reached back to day n-k+1."""
    return [day >= days - frame for day in range(days)]


def _sizes(values: Sequence[float], shown: Sequence[bool], largest: float) -> list[float]:
    return [10 + 34 * abs(value) / largest if seen else 8 for value, seen in zip(values, shown, strict=True)]


def _caption(result: Backprop, frame: int) -> str:
    days = len(result.days)
    error = 2 * (result.prediction - result.target)
    if frame == 0:
        return (
            f"loss = (prediction − target)² = ({result.prediction:.4f} − {result.target:g})² = {result.loss:.4g}.  "
            f"Its gradient, 2 × ({result.prediction:.4f} − {result.target:g}) = {error:.4g}, "
            "starts back along the short-term memory."
        )
    day = days - frame  # 0-based
    long_gradient = result.long_memory[day]
    text = f"Day {day + 1}: the long-term memory's gradient is {gradient_text(long_gradient)}"
    if day > 0:
        carried = long_gradient * result.long_remember[day]
        text += (
            f"; × long-remember % {result.long_remember[day]:.2f} carries {gradient_text(carried)} "
            f"straight to day {day}'s long-term memory, through no squashing at all"
        )
    return text + "."


def _nodes(result: Backprop, memory: str, frame: int, colours: Palette) -> dict:
    """One memory line's nodes, each written with its gradient and sized by it once the walk back reaches it."""
    values, y, colour, name = {
        "long": (result.long_memory, LONG_Y, LONG_MEMORY_COLOUR, "d loss / d long-term memory"),
        "short": (result.short_memory, SHORT_Y, SHORT_MEMORY_COLOUR, "d loss / d short-term memory"),
    }[memory]
    days = len(result.days)
    shown = _revealed(days, frame)
    largest = max(max(abs(value) for value in result.long_memory + result.short_memory), 1e-300)
    return {
        "type": "scatter",
        "x": list(range(1, days + 1)),
        "y": [y] * days,
        "mode": "markers+text",
        "text": [gradient_text(value) if seen else "·" for value, seen in zip(values, shown, strict=True)],
        "textposition": "top center",
        "textfont": {"size": 15, "color": colours.text},
        "marker": {
            "size": _sizes(values, shown, largest),
            "color": [colour if seen else colours.track for seen in shown],
            "line": {"color": colours.muted, "width": 1},
        },
        "name": name,
        "customdata": list(range(1, days + 1)),
        "hovertemplate": f"{name} after day %{{customdata}}: %{{text}}<extra></extra>",
        "xaxis": "x",
        "yaxis": "y",
    }


def _heat(result: Backprop, frame: int) -> dict:
    """Each weight's share through each day reached so far, each row coloured against its own largest share."""
    days = len(result.days)
    shown = _revealed(days, frame)
    row_largest = {name: max(abs(value) for value in values) or 1.0 for name, values in result.by_day.items()}
    values = [[value if shown[day] else None for day, value in enumerate(result.by_day[name])] for name in GATE_ROWS]
    # Each row coloured against its own largest share: which day moved this weight most, whatever its size.
    z = [
        [None if value is None else value / row_largest[name] for value in row]
        for name, row in zip(GATE_ROWS, values, strict=True)
    ]
    return {
        "type": "heatmap",
        "x": list(range(1, days + 1)),
        "y": list(GATE_ROWS),
        "z": z,
        "customdata": values,
        "text": [["" if value is None else gradient_text(value) for value in row] for row in values],
        "texttemplate": "%{text}",
        "textfont": {"size": 13},
        "colorscale": "RdBu",
        "zmin": -1,
        "zmax": 1,
        "colorbar": {
            "title": {"text": "of the row's<br>largest", "side": "top"},
            "tickvals": [-1, 0, 1],
            "ticktext": ["−100%", "0", "100%"],
            "len": 0.45,
            "y": 0,
            "yanchor": "bottom",
        },
        "hovertemplate": "%{y}, through day %{x}: %{customdata:.4g}<extra></extra>",
        "xaxis": "x2",
        "yaxis": "y2",
        "xgap": 2,
        "ygap": 2,
    }


def _frame_traces(result: Backprop, frame: int, colours: Palette) -> list[dict]:
    return [_nodes(result, "long", frame, colours), _nodes(result, "short", frame, colours), _heat(result, frame)]


def _still_traces(result: Backprop, colours: Palette) -> list[dict]:
    """What does not move: the loss node, the long-remember % between the days, each day's input."""
    days = len(result.days)
    day_x = list(range(1, days + 1))
    loss = {
        "type": "scatter", "x": [days + LOSS_GAP], "y": [SHORT_Y], "mode": "markers+text",
        "text": [f"loss {result.loss:.3g}"], "textposition": "middle right",
        "textfont": {"size": 16, "color": colours.text},
        "marker": {"size": 22, "color": colours.highlight, "symbol": "diamond"},
        "name": "loss", "hoverinfo": "skip", "showlegend": False,
    }  # fmt: skip
    carried = {
        "type": "scatter", "x": [day - 0.5 for day in day_x[1:]], "y": [LONG_Y + 0.16] * (days - 1), "mode": "text",
        "text": [f"× {value:.2f}" for value in result.long_remember[1:]],
        "textfont": {"size": 14, "color": LONG_MEMORY_COLOUR},
        "name": "long-remember % on the way back", "hoverinfo": "skip", "showlegend": False,
    }  # fmt: skip
    inputs = {
        "type": "scatter", "x": day_x, "y": [INPUT_Y] * days, "mode": "text",
        "text": [f"day {day}<br>input {value:g}" for day, value in zip(day_x, result.days, strict=True)],
        "textfont": {"size": 14, "color": colours.muted}, "hoverinfo": "skip", "showlegend": False,
    }  # fmt: skip
    return [loss, carried, inputs]


def _layout(result: Backprop, colours: Palette) -> dict:
    days = len(result.days)
    day_x = list(range(1, days + 1))
    return {
        "height": 470 + 34 * len(GATE_ROWS),
        "margin": {"l": 70, "r": 20, "t": 60, "b": 90},
        "paper_bgcolor": colours.background,
        "plot_bgcolor": "rgba(0,0,0,0)",
        "font": {"color": colours.text, "size": 14},
        "showlegend": True,
        "legend": {"orientation": "h", "y": 0.995, "yanchor": "top", "x": 0, "font": {"size": 13}},
        "xaxis": {"range": [0.4, days + LOSS_GAP + 0.9], "visible": False, "fixedrange": True},
        "yaxis": {"domain": [0.6, 0.93], "range": [INPUT_Y - 0.3, LONG_Y + 0.45], "visible": False, "fixedrange": True},
        "xaxis2": {
            "anchor": "y2",
            "range": [0.4, days + LOSS_GAP + 0.9],
            "tickmode": "array",
            "tickvals": day_x,
            "ticktext": [f"through day {day}" for day in day_x],
            "fixedrange": True,
        },
        "yaxis2": {"domain": [0, 0.52], "anchor": "x2", "autorange": "reversed", "fixedrange": True},
        "shapes": [
            _line(0.5, LONG_Y, days + 0.2, LONG_Y, LONG_MEMORY_COLOUR),
            _line(0.5, SHORT_Y, days + LOSS_GAP, SHORT_Y, SHORT_MEMORY_COLOUR),
            *(_line(day, SHORT_Y, day, LONG_Y, colours.track, "dot") for day in day_x),
        ],
        "annotations": [_caption_annotation(_caption(result, days), colours.text)],
    }


def backprop_figure(result: Backprop, dark: bool = False) -> PlainFigure:
    """Top: the unrolled unit's memories, each node sized by its gradient. Bottom: each weight's share per day.

    Play walks backward from the loss, one day a frame: the order backpropagation computes them.
    """
    colours = palette(dark)
    days = len(result.days)
    last = days  # the frame that has reached day 1
    names = ["loss", *(f"day {days - frame + 1}" for frame in range(1, days + 1))]
    labels = ["loss", *(f"← day {days - frame + 1}" for frame in range(1, days + 1))]
    frames = [
        {
            "name": name,
            "data": _frame_traces(result, frame, colours),
            "traces": [0, 1, 2],
            "layout": {"annotations": [_caption_annotation(_caption(result, frame), colours.text)]},
        }
        for frame, name in enumerate(names)
    ]
    layout = _layout(result, colours)
    layout.update(animation_controls(colours, names, labels, FRAME_MS, active=last, font_size=14, left_margin=False))
    return PlainFigure(_frame_traces(result, last, colours) + _still_traces(result, colours), layout, frames)


def _line(x0: float, y0: float, x1: float, y1: float, colour: str, dash: str = "solid") -> dict:
    return {
        "type": "line",
        "xref": "x",
        "yref": "y",
        "x0": x0,
        "y0": y0,
        "x1": x1,
        "y1": y1,
        "line": {"color": colour, "width": 3 if dash == "solid" else 1, "dash": dash},
        "layer": "below",
    }


def _caption_annotation(text: str, colour: str) -> dict:
    return {
        "text": text,
        "xref": "paper",
        "yref": "paper",
        "x": 0,
        "y": 1.01,
        "xanchor": "left",
        "yanchor": "bottom",
        "showarrow": False,
        "font": {"size": 15, "color": colour},
        "align": "left",
    }
