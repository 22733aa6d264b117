"""Backpropagation through time drawn on the unrolled unit: the gradient walks back from the loss, day by day."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lstm.figures.animation import animation_controls
from lstm.figures.numbers import plain_number
from lstm.figures.shapes import line
from lstm.figures.theme import LONG_MEMORY_COLOUR, SHORT_MEMORY_COLOUR, PlainFigure, chart_layout, palette, readable
from lstm.locales import _
from lstm.unit.gates import GATES

if TYPE_CHECKING:
    from lstm.figures.theme import Palette
    from lstm.insights.backprop import Backprop

# The heatmap's rows, gate by gate as the explorer groups them: weight on short memory, on input, bias.
GATE_ROWS = tuple(name for gate in GATES for name in gate.weights)
LONG_Y, SHORT_Y, INPUT_Y = 1.0, 0.0, -0.55
FRAME_MS = 1100
LOSS_GAP = 0.75  # from the last day's short memory to the loss node
DECADES = 4  # the heatmap's colours span four powers of ten below the largest share; smaller ones read as 0
# Widths in px for laying the figure out: a character of its digits is at most this many times the font size.
CHARACTER_EM = 0.6
LEFT_MARGIN, RIGHT_MARGIN = 70, 20
CAPTION_CHARS = 56  # the caption wraps at this many characters: its lines fit the narrowest figure
# Browsers stop drawing a heatmap's image far wider than this: longer walks keep it and let their numbers crowd.
WIDEST_PX = 16_000
CAPTION_SIZE, NODE_SIZE, HEAT_SIZE = 15, 15, 13


def gradient_text(value: float, digits: int = 3) -> str:
    """A gradient to `digits` significant figures, written out in full: 0.00000734, never 7.34e-06."""
    return plain_number(value, digits)


def day_text(day: int) -> str:
    """A day's name under its column: "day 3"."""
    return _("day {day}").format(day=day)


def _revealed(days: int, frame: int) -> list[bool]:
    """Frame 0 shows the loss alone; frame k has reached back to day n-k+1."""
    return [day >= days - frame for day in range(days)]


def _sizes(values: Sequence[float], shown: Sequence[bool], largest: float) -> list[float]:
    return [10 + 34 * abs(value) / largest if seen else 8 for value, seen in zip(values, shown, strict=True)]


def _caption(result: Backprop, frame: int) -> str:
    days = len(result.days)
    error = 2 * (result.prediction - result.target)
    if frame == 0:
        return _(
            "loss = (prediction − target)² = ({prediction} − {target})² = {loss}.  Its gradient, "
            "2 × ({prediction} − {target}) = {gradient}, starts back along the short-term memory."
        ).format(
            prediction=f"{result.prediction:.4f}", target=plain_number(result.target),
            loss=gradient_text(result.loss, 4), gradient=gradient_text(error, 4),
        )  # fmt: skip
    day = days - frame  # 0-based
    long_gradient = result.long_memory[day]
    if day == 0:
        return _("Day {day}: the long-term memory's gradient is {gradient}.").format(
            day=day + 1, gradient=gradient_text(long_gradient)
        )
    return _(
        "Day {day}: the long-term memory's gradient is {gradient}; × {gate} {share} carries {carried} straight to "
        "day {previous}'s long-term memory, through no squashing at all."
    ).format(
        day=day + 1, gradient=gradient_text(long_gradient), gate=GATES[0].tutorial,
        share=f"{result.long_remember[day]:.2f}", carried=gradient_text(long_gradient * result.long_remember[day]),
        previous=day,
    )  # fmt: skip


def _nodes(result: Backprop, memory: str, frame: int, colours: Palette) -> dict:
    """One memory line's nodes, each written with its gradient and sized by it once the walk back reaches it."""
    values, y, colour, name = {
        "long": (result.long_memory, LONG_Y, LONG_MEMORY_COLOUR, _("d loss / d long-term memory")),
        "short": (result.short_memory, SHORT_Y, SHORT_MEMORY_COLOUR, _("d loss / d short-term memory")),
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
        "textfont": {"size": NODE_SIZE, "color": colours.text},
        "marker": {
            "size": _sizes(values, shown, largest),
            "color": [colour if seen else colours.track for seen in shown],
            "line": {"color": colours.muted, "width": 1},
        },
        "name": name,
        "customdata": list(range(1, days + 1)),
        "hovertemplate": _("{name} after day {day}: {gradient}").format(
            name=name, day="%{customdata}", gradient="%{text}"
        )
        + "<extra></extra>",
        "xaxis": "x",
        "yaxis": "y",
    }


def _log_colour(value: float, largest: float) -> float:
    """-1 to 1: the share's sign, and its size in powers of ten above the scale's floor, as a fraction of DECADES."""
    if not value or not largest:
        return 0.0
    above_floor = max(math.log10(abs(value) / largest) + DECADES, 0.0)
    return math.copysign(above_floor / DECADES, value)


COLOUR_TICKS = [-1.0, -0.5, 0.0, 0.5, 1.0]


def _colour_bar_texts(largest: float) -> list[str]:
    values = [
        math.copysign(largest * 10 ** (DECADES * (abs(tick) - 1)), tick) if tick else 0.0 for tick in COLOUR_TICKS
    ]
    return [gradient_text(value).replace("-", "−") for value in values]


def _largest_share(result: Backprop) -> float:
    return max(abs(value) for values in result.by_day.values() for value in values)


def _colour_bar(largest: float) -> dict:
    """Ticks at the largest share, a hundredth of it and 0, each written as the gradient it stands for."""
    return {
        "title": {"text": _("gradient (log scale)"), "side": "right"},
        "tickvals": COLOUR_TICKS,
        "ticktext": _colour_bar_texts(largest),
        "len": 0.45,
        "y": 0,
        "yanchor": "bottom",
    }


def _heat(result: Backprop, frame: int) -> dict:
    """Each weight's share through each day reached so far, on one log colour scale for every row."""
    days = len(result.days)
    shown = _revealed(days, frame)
    largest = _largest_share(result)
    values = [[value if shown[day] else None for day, value in enumerate(result.by_day[name])] for name in GATE_ROWS]
    # The shares differ by orders of magnitude: a log scale keeps 1e-6 pale beside 1e-3, and every row comparable.
    z = [[None if value is None else _log_colour(value, largest) for value in row] for row in values]
    return {
        "type": "heatmap",
        "x": list(range(1, days + 1)),
        "y": list(GATE_ROWS),
        "z": z,
        "customdata": values,
        "text": [["" if value is None else gradient_text(value) for value in row] for row in values],
        "texttemplate": "%{text}",
        "textfont": {"size": HEAT_SIZE},
        "colorscale": "RdBu",
        "zmin": -1,
        "zmax": 1,
        "colorbar": _colour_bar(largest),
        "hovertemplate": _("{weight}, through day {day}: {share}").format(weight="%{y}", day="%{x}", share="%{text}")
        + "<extra></extra>",
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
        "text": [_("loss") + f"<br>{gradient_text(result.loss)}"], "textposition": "top center",
        "textfont": {"size": 16, "color": colours.text},
        "marker": {"size": 22, "color": colours.highlight, "symbol": "diamond"},
        "name": _("loss"), "hoverinfo": "skip", "showlegend": False,
    }  # fmt: skip
    carried = {
        "type": "scatter", "x": [day - 0.5 for day in day_x[1:]], "y": [LONG_Y - 0.16] * (days - 1), "mode": "text",
        "text": [f"× {value:.2f}" for value in result.long_remember[1:]],
        "textfont": {"size": 14, "color": readable(LONG_MEMORY_COLOUR, colours.background)},
        "name": _("{gate} on the way back").format(gate=GATES[0].tutorial), "hoverinfo": "skip", "showlegend": False,
    }  # fmt: skip
    inputs = {
        "type": "scatter", "x": day_x, "y": [INPUT_Y] * days, "mode": "text",
        "text": [day_text(day) + "<br>" + _("input {value}").format(value=plain_number(value))
                 for day, value in zip(day_x, result.days, strict=True)],
        "textfont": {"size": 14, "color": colours.muted}, "hoverinfo": "skip", "showlegend": False,
    }  # fmt: skip
    return [loss, carried, inputs]


def _text_px(texts: Sequence[str], size: int) -> float:
    return max(len(text) for text in texts) * size * CHARACTER_EM


def minimum_width(result: Backprop) -> int:
    """The narrowest the figure can be drawn with every number apart and whole, in px: narrower, it should scroll.

    A day's column holds its widest gradient, on the memory lines or in the heatmap; the colour bar and
    the caption's lines need their own room.
    """
    node_texts = [gradient_text(value) for value in result.long_memory + result.short_memory]
    heat_texts = [gradient_text(value) for values in result.by_day.values() for value in values]
    day_px = max(_text_px(node_texts, NODE_SIZE), _text_px(heat_texts, HEAT_SIZE)) + 16
    plot = (len(result.days) + LOSS_GAP + 0.05) * day_px  # the x range, from 0.4 to the loss and past it
    colour_bar = _text_px(_colour_bar_texts(_largest_share(result)), 14) + 80  # ticks, the bar and its title
    caption = CAPTION_CHARS * CAPTION_SIZE * CHARACTER_EM
    return min(round(LEFT_MARGIN + max(plot + colour_bar, caption) + RIGHT_MARGIN), WIDEST_PX)


# Heights in px: the plot (the memory lines over the heatmap), under it the heatmap's days and axis title, then
# the slider, if the figure has one: below the title, which it would otherwise run through.
PLOT_PX = 320 + 34 * len(GATE_ROWS)
UNDER_THE_HEATMAP, SLIDER_PX, BOTTOM_PX = 58, 64, 10


def _layout(result: Backprop, colours: Palette, controls: bool) -> dict:
    days = len(result.days)
    day_x = list(range(1, days + 1))
    caption_lines = max(len(_caption_lines(caption)) for caption in walk_back(result).captions)
    top, bottom = 40 + 20 * caption_lines, UNDER_THE_HEATMAP + (SLIDER_PX if controls else BOTTOM_PX)
    return chart_layout(
        colours,
        top + PLOT_PX + bottom,
        margin={"l": LEFT_MARGIN, "r": RIGHT_MARGIN, "t": top, "b": bottom},
        legend={"orientation": "h", "y": 0.995, "yanchor": "top", "x": 0, "font": {"size": 13}},
        showlegend=True,
        xaxis={"range": [0.4, days + LOSS_GAP + 0.45], "visible": False, "fixedrange": True},
        yaxis={"domain": [0.6, 0.93], "range": [INPUT_Y - 0.3, LONG_Y + 0.45], "visible": False, "fixedrange": True},
        xaxis2={
            "anchor": "y2",
            "range": [0.4, days + LOSS_GAP + 0.45],
            "tickmode": "array",
            "tickvals": day_x,
            "ticktext": [day_text(day) for day in day_x],
            "title": {"text": _("each weight's share of the gradient, through each day"), "standoff": 8},
            "fixedrange": True,
        },
        yaxis2={"domain": [0, 0.52], "anchor": "x2", "autorange": "reversed", "fixedrange": True},
        shapes=[
            line(0.5, LONG_Y, days + 0.2, LONG_Y, LONG_MEMORY_COLOUR, width=3),
            line(0.5, SHORT_Y, days + LOSS_GAP, SHORT_Y, SHORT_MEMORY_COLOUR, width=3),
            *(line(day, SHORT_Y, day, LONG_Y, colours.track, width=1, dash="dot") for day in day_x),
        ],
        annotations=[_caption_annotation(_caption(result, days), colours.text)],
    )


@dataclass(frozen=True)
class WalkBack:
    """The animation's frames in playing order (from the loss back to day 1), each with its label and caption.

    `names` identify the frames (the same in every language); `titles` say them on the slider, `labels` in the
    page's player, with the way the walk goes.
    """

    names: list[str]
    titles: list[str]
    labels: list[str]
    captions: list[str]

    @property
    def last(self) -> int:
        """The frame the figure opens on: the walk back has reached day 1, every number is drawn."""
        return len(self.names) - 1


def walk_back(result: Backprop) -> WalkBack:
    days = len(result.days)
    back = [days - frame + 1 for frame in range(1, days + 1)]
    return WalkBack(
        names=["loss", *(f"day {day}" for day in back)],
        titles=[_("loss"), *(day_text(day) for day in back)],
        labels=[_("loss"), *(_("← day {day}").format(day=day) for day in back)],
        captions=[_caption(result, frame) for frame in range(days + 1)],
    )


def backprop_figure(result: Backprop, dark: bool = False, controls: bool = True) -> PlainFigure:
    """Top: the unrolled unit's memories, each node sized by its gradient. Bottom: each weight's share per day.

    The frames walk backward from the loss, one day a frame: the order backpropagation computes them, named
    as `walk_back` says. The page plays them with its own player (lstm.ui.player); with `controls` the figure
    keeps Plotly's slider too, which a file or a notebook plays it with.
    """
    colours = palette(dark)
    walk = walk_back(result)
    frames = [
        {
            "name": name,
            "data": _frame_traces(result, frame, colours),
            "traces": [0, 1, 2],
            "layout": {"annotations": [_caption_annotation(caption, colours.text)]},
        }
        for frame, (name, caption) in enumerate(zip(walk.names, walk.captions, strict=True))
    ]
    layout = _layout(result, colours, controls)
    if controls:
        # The slider runs as the heatmap's columns do, day 1 to day 4 and the loss; playing walks it right to left.
        slider = animation_controls(colours, walk.names[::-1], walk.titles[::-1], FRAME_MS, font_size=14)["sliders"]
        slider[0]["y"] = -UNDER_THE_HEATMAP / PLOT_PX
        layout["sliders"] = slider  # Play, Step and Start are the page's buttons, above the figure
    return PlainFigure(_frame_traces(result, walk.last, colours) + _still_traces(result, colours), layout, frames)


def _caption_lines(text: str) -> list[str]:
    return textwrap.wrap(text, CAPTION_CHARS, break_on_hyphens=False)


def _caption_annotation(text: str, colour: str) -> dict:
    return {
        "text": "<br>".join(_caption_lines(text)),
        "xref": "paper",
        "yref": "paper",
        "x": 0,
        "y": 1.01,
        "xanchor": "left",
        "yanchor": "bottom",
        "showarrow": False,
        "font": {"size": CAPTION_SIZE, "color": colour},
        "align": "left",
    }
