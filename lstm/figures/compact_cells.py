"""Compact unrolled cells: every gate % and both memories of each day as a bar and a number, A above B."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lstm.figures.numbers import plain_number
from lstm.figures.theme import LONG_MEMORY_COLOUR, SHORT_MEMORY_COLOUR, Palette, PlainFigure, chart_layout, palette
from lstm.locales import _, whole
from lstm.unit.explain import value_text as number_text
from lstm.unit.gates import GATES
from lstm.unit.trace import STEP_TITLES, Trace

# One row per quantity, top to bottom in the order the unit computes them.
ROWS = (*(gate.field for gate in GATES), "long_memory", "short_memory")
ROW_COLOURS = {**{gate.field: gate.colour for gate in GATES}, "long_memory": LONG_MEMORY_COLOUR,
               "short_memory": SHORT_MEMORY_COLOUR}  # fmt: skip
ROW_Y = {row: float(len(ROWS) - 1 - index) for index, row in enumerate(ROWS)}
SIGNED = {"potential_memory": 1.0, "short_memory": 1.0, "long_memory": 3.0}  # drawn from the middle: the full scale
# Within a cell one unit wide: the bar takes a third, so its number ("-0.4043") has the rest of the cell to itself
# at a projector's 17 px in a 1280 px window, clear of the next day's bar.
BAR_START, BAR_LENGTH, BAR_HEIGHT = 0.04, 0.34, 0.62
VALUE_X = BAR_START + BAR_LENGTH + 0.04
# The prediction starts past the last cell's right edge, where its number ends, and has the rest of the x range.
PREDICTION_X, RIGHT_END = 0.06, 0.98


@dataclass(frozen=True)
class CellRow:
    """One sequence to draw: its title (Company A), its trace through the unit, and its target."""

    title: str
    trace: Trace
    target: float


def value_text(row: str, value: float) -> str:
    """The explorer's rule for small cells: gates as whole percentages, every other value to 4 decimals."""
    return number_text(value) if row in SIGNED else f"{value:.0%}"


def _bar(row: str, day: int, value: float) -> tuple[float, float]:
    """Base and length of a bar: gates fill from the left, signed values from the middle of the track."""
    if row in SIGNED:
        scale = SIGNED[row]
        return day + BAR_START + BAR_LENGTH / 2, max(-1.0, min(1.0, value / scale)) * BAR_LENGTH / 2
    return day + BAR_START, value * BAR_LENGTH


def _values(trace: Trace) -> list[tuple[str, int, float]]:
    return [(row, step.day - 1, getattr(step, row)) for row in ROWS for step in trace.steps]


def prediction_text(row: CellRow) -> str:
    target = _("target {target}").format(target=plain_number(row.target))
    return _("prediction") + f"<br><b>{row.trace.prediction:.3f}</b><br>{target}"


def cell_updates(row: CellRow) -> list[dict]:
    """What the traces of one row show: the tracks (the same), the bars' lengths, the numbers, the prediction.

    The tracks' update is empty, but a frame has to name them: Plotly's animation drops the bars of a
    subplot that a frame leaves out.
    """
    values = _values(row.trace)
    return [
        {},
        {"x": [round(_bar(name, day, value)[1], 4) for name, day, value in values],
         "base": [round(_bar(name, day, value)[0], 4) for name, day, value in values]},
        {"text": [value_text(name, value) for name, __, value in values]},
        {"text": [prediction_text(row)]},
    ]  # fmt: skip


def cell_traces(row: CellRow, colours: Palette, axes: tuple[str, str], font_size: int) -> list[dict]:
    """The tracks, the bars, the numbers and the prediction of one row on the axes `axes`, as `cell_updates`."""
    xaxis, yaxis = axes
    days = len(row.trace.steps)
    values = _values(row.trace)
    ys = [ROW_Y[name] for name, __, __ in values]
    __, bars, numbers, prediction = cell_updates(row)
    common = {"xaxis": xaxis, "yaxis": yaxis, "hoverinfo": "skip", "showlegend": False}
    track = {"type": "bar", "orientation": "h", "y": ys, "x": [BAR_LENGTH] * len(values), "width": BAR_HEIGHT,
             "base": [day + BAR_START for __, day, __ in values], "marker": {"color": colours.track},
             **common}  # fmt: skip
    fill = {"type": "bar", "orientation": "h", "y": ys, "width": BAR_HEIGHT, **bars,
            "marker": {"color": [ROW_COLOURS[name] for name, __, __ in values]}, **common}  # fmt: skip
    text = {"type": "scatter", "mode": "text", "y": ys, "x": [day + VALUE_X for __, day, __ in values], **numbers,
            "textposition": "middle right", "cliponaxis": False,
            "textfont": {"size": font_size, "color": colours.text}, **common}  # fmt: skip
    said = {"type": "scatter", "mode": "text", "x": [days + PREDICTION_X], "y": [ROW_Y["short_memory"] + 1.0],
            **prediction, "textposition": "middle right", "cliponaxis": False,
            "textfont": {"size": font_size, "color": colours.text}, **common}  # fmt: skip
    return [track, fill, text, said]


def cell_axes(row: CellRow, colours: Palette, domains: tuple[list[float], list[float]], anchor: tuple[str, str],
              font_size: int) -> tuple[dict, dict]:  # fmt: skip
    """The x axis (a column per day, the inputs under it) and the y axis (a row per quantity) of one row."""
    x_domain, y_domain = domains
    days = len(row.trace.steps)
    x = {
        "domain": x_domain, "range": [-0.02, days + RIGHT_END], "anchor": anchor[1], "showgrid": False,
        "zeroline": False, "automargin": True, "tickangle": 0,
        "tickvals": [day + 0.5 for day in range(days)], "ticks": "", "fixedrange": True,
        # Two lines under each cell, never turned: a turned label reached into the next company's rows.
        "ticktext": [_("day {day}").format(day=step.day) + "<br>" + _("input {value}").format(
                     value=plain_number(step.input)) for step in row.trace.steps],
        "tickfont": {"size": font_size, "color": colours.muted},
    }  # fmt: skip
    y = {
        "domain": y_domain, "range": [-0.6, len(ROWS) - 0.4], "anchor": anchor[0], "showgrid": False,
        "automargin": True, "zeroline": False, "tickvals": [ROW_Y[name] for name in ROWS], "fixedrange": True,
        "ticktext": [_(STEP_TITLES[name]) for name in ROWS], "tickfont": {"size": font_size, "color": colours.text},
        "title": {"text": f"<b>{row.title}</b>", "font": {"size": font_size + 2}, "standoff": 4},
    }  # fmt: skip
    return x, y


def stacked_domains(count: int, top: float = 1.0, bottom: float = 0.0, gap: float = 0.08) -> list[list[float]]:
    """Vertical domains for `count` rows between `bottom` and `top`, the first row on top."""
    height = (top - bottom - gap * (count - 1)) / count
    return [[top - index * (height + gap) - height, top - index * (height + gap)] for index in range(count)]


def minimum_width(days: int) -> int:
    """The narrowest the cells keep their numbers apart, in px (a laptop's column holds four days at 700 px);
    a narrower screen should scroll the figure sideways inside its own frame."""
    return 140 * (days + 1)


def compact_cells_figure(rows: Sequence[CellRow], epoch: int, dark: bool = False, present: bool = False) -> PlainFigure:
    """The followed sequences (Company A above B) through the unit as it stands at `epoch`."""
    colours = palette(dark)
    font_size = 17 if present else 13
    data: list[dict] = []
    layout = chart_layout(
        colours, (300 if present else 230) * len(rows), margin={"l": 10, "r": 10, "t": 36, "b": 10},
        font_size=font_size, legend=None, barmode="overlay",
        title={"text": _("The unit at epoch {epoch}").format(epoch=whole(epoch)), "x": 0, "xanchor": "left",
               "y": 0.99, "yanchor": "top",
               "font": {"size": font_size + 3}},
    )  # fmt: skip
    for index, (row, y_domain) in enumerate(zip(rows, stacked_domains(len(rows)), strict=True)):
        suffix = "" if index == 0 else str(index + 1)
        x, y = cell_axes(row, colours, ([0, 1], y_domain), (f"x{suffix}", f"y{suffix}"), font_size)
        layout[f"xaxis{suffix}"], layout[f"yaxis{suffix}"] = x, y
        data += cell_traces(row, colours, (f"x{suffix}", f"y{suffix}"), font_size)
    return PlainFigure(data, layout)
