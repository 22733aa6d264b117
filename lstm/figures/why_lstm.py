"""Why an LSTM: the same days through the plain RNN and the LSTM, one above the other, and the carry experiment.

Plain data in, Plotly out. The first figure has three panels sharing the days: the plain RNN's one line (the
activation its feedback carries), the LSTM's two (long- and short-term memory), and how much of day 1 is
still in each unit's output after each day, d(output after day t) / d(day 1's input), on a log axis. Its
frames reveal the days one by one, for the page's one player; a frame carries only the lines' y values so far.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from lstm.figures.numbers import plain_number, plotly_number
from lstm.figures.theme import LONG_MEMORY_COLOUR, SHORT_MEMORY_COLOUR, PlainFigure, chart_layout, palette, readable
from lstm.locales import _, ngettext

RNN_COLOUR = "#009E73"  # Okabe-Ito bluish green: everything of the plain RNN
LSTM_REACH_COLOUR = "#CC79A7"  # Okabe-Ito reddish purple: the LSTM's output, which reads both memories
COMPANY_DASH = {"A": "solid", "B": "dot"}
# The log axis of day 1's reach spans at most these powers of ten: past them a plain decimal is too long to read
# (0.000000000001 is twelve places already). A value beyond is drawn on the edge and said in words.
FLOOR_POWER, CEILING_POWER = -12, 12
# The narrowest the three panels keep their titles and day ticks apart, in px; a phone scrolls the frame sideways.
MINIMUM_WIDTH = 640
# Panels from the top: the plain RNN's line, the LSTM's two, day 1's reach. Each (bottom, top) on the paper.
PANELS = ((0.74, 1.0), (0.41, 0.66), (0.0, 0.31))
SYMBOLS = {"zero": "x", "below": "triangle-down", "above": "triangle-up"}


@dataclass(frozen=True)
class UnitDays:
    """One company's days through both units, as plain floats: every tuple holds one number a day."""

    company: str  # "A" or "B": a key, for the dash
    title: str  # the company's name in the visitor's language
    activation: tuple[float, ...]  # the plain RNN's ReLU(sum), carried to the next day by w2
    long_memory: tuple[float, ...]  # the LSTM's
    short_memory: tuple[float, ...]  # the LSTM's; the last day's is its prediction
    rnn_day_one: tuple[float, ...]  # d(plain RNN's output after day t) / d(day 1's input)
    lstm_day_one: tuple[float, ...]  # d(LSTM's short memory after day t) / d(day 1's input)

    @property
    def days(self) -> int:
        return len(self.activation)


def reach_text(value: float) -> str:
    """How much of day 1 a gradient says is left, in words a learner reads: exactly 0 said so, never dropped."""
    if value == 0:
        return _("exactly 0")
    if not math.isfinite(value) or abs(value) >= 10.0**CEILING_POWER:
        return _("more than {ceiling}").format(ceiling=plain_number(10.0**CEILING_POWER))
    if abs(value) < 10.0**FLOOR_POWER:
        return _("less than {floor}").format(floor=plain_number(10.0**FLOOR_POWER))
    return plain_number(value, 2)


def _on_axis(value: float, floor: float, ceiling: float) -> tuple[float, str | None]:
    """Where a gradient's size is drawn on the log axis, and the mark of a value drawn on its edge."""
    size = abs(value)
    if size == 0:
        return floor, "zero"
    if not math.isfinite(size) or size > ceiling:
        return ceiling, "above"
    if size < floor:
        return floor, "below"
    return float(f"{size:.3g}"), None


def reach_range(series: Sequence[UnitDays]) -> tuple[int, int]:
    """The log axis's powers of ten: around every gradient's size, at least two apart, within FLOOR..CEILING."""
    sizes = [abs(value) for one in series for value in (*one.rnn_day_one, *one.lstm_day_one)]
    finite = [math.log10(size) for size in sizes if size and math.isfinite(size)]
    low = max(FLOOR_POWER, math.floor(min(finite, default=-1)))
    high = min(CEILING_POWER, math.ceil(max(finite, default=0)) if all(map(math.isfinite, sizes)) else CEILING_POWER)
    if any(size == 0 for size in sizes):
        low = max(FLOOR_POWER, min(low, high - 2))  # room on the floor for an exact 0's mark
    return min(low, high - 2), max(high, low + 2)


def _ticks(low: int, high: int) -> dict:
    """A tick on a power of ten every few, written as a plain decimal: 0.0001, 0.01, 1, 100."""
    step = 1 if high - low <= 6 else 2 if high - low <= 12 else 4
    powers = [power for power in range(high, low - 1, -1) if (high - power) % step == 0]
    return {"tickvals": [10.0**power for power in powers], "ticktext": [plain_number(10.0**power) for power in powers]}


def _value_range(values: Sequence[float]) -> list[float]:
    values = [value for value in values if math.isfinite(value)]
    low, high = min(0.0, *values), max(0.0, *values)
    pad = 0.08 * (high - low) or 0.5
    return [low - pad, high + pad]


def _day_axis(days: int, colours, title: bool) -> dict:
    step = 1 if days <= 12 else 5 if days <= 30 else 10
    ticks = [1, *range(step, days + 1, step)] if step > 1 else list(range(1, days + 1))
    axis = {"range": [0.5, days + 0.5], "tickvals": ticks, "gridcolor": colours.track, "automargin": True}
    if title:
        axis["title"] = {"text": _("day"), "standoff": 4}
    return axis


def _rounded(values: Sequence[float]) -> list[float | None]:
    # Four figures are all a line needs; the figure's JSON stays small at 60 days.
    return [float(f"{value:.4g}") if math.isfinite(value) else None for value in values]


def _value_line(name: str, values, colour: str, one: UnitDays, axis: int, hover: str) -> tuple[dict, list]:
    trace = {
        "type": "scatter", "mode": "lines", "name": name, "legendgroup": name, "showlegend": one.company == "A",
        "x": list(range(1, one.days + 1)), "y": _rounded(values), "xaxis": "x" if axis == 1 else f"x{axis}",
        "yaxis": "y" if axis == 1 else f"y{axis}",
        "line": {"color": colour, "width": 3, "dash": COMPANY_DASH[one.company]},
        "hovertemplate": hover.format(company=one.title, day="%{x}", value=plotly_number("y", 3)) + "<extra></extra>",
    }  # fmt: skip
    return trace, trace["y"]


def _reach_line(name: str, values, colour: str, one: UnitDays, bounds: tuple[float, float], hover: str):
    drawn = [_on_axis(value, *bounds) for value in values]
    trace = {
        "type": "scatter", "mode": "lines+markers", "name": name, "legendgroup": name,
        "showlegend": one.company == "A", "x": list(range(1, one.days + 1)), "y": [at for at, _mark in drawn],
        "xaxis": "x3", "yaxis": "y3", "line": {"color": colour, "width": 3, "dash": COMPANY_DASH[one.company]},
        "marker": {"color": colour, "size": [0 if mark is None else 11 for _at, mark in drawn],
                   "symbol": [SYMBOLS.get(mark, "circle") for _at, mark in drawn]},
        "customdata": [reach_text(value) for value in values],
        "hovertemplate": hover.format(company=one.title, day="%{x}", value="%{customdata}") + "<extra></extra>",
    }  # fmt: skip
    return trace, trace["y"]


def _traces(series: Sequence[UnitDays], bounds: tuple[float, float]) -> tuple[list[dict], list[list]]:
    """Every line of the three panels, and the y values each frame cuts to its day."""
    data, ys = [], []
    for one in series:
        made = [
            _value_line(_("plain RNN: activation"), one.activation, RNN_COLOUR, one, 1,
                        _("{company}, day {day}: the plain RNN's activation {value}")),
            _value_line(_("LSTM: long-term memory"), one.long_memory, LONG_MEMORY_COLOUR, one, 2,
                        _("{company}, day {day}: the LSTM's long-term memory {value}")),
            _value_line(_("LSTM: short-term memory"), one.short_memory, SHORT_MEMORY_COLOUR, one, 2,
                        _("{company}, day {day}: the LSTM's short-term memory {value}")),
            _reach_line(_("day 1 in the plain RNN's output"), one.rnn_day_one, RNN_COLOUR, one, bounds,
                        _("{company}, day {day}: day 1 reaches the plain RNN's output by {value}")),
            _reach_line(_("day 1 in the LSTM's output"), one.lstm_day_one, LSTM_REACH_COLOUR, one, bounds,
                        _("{company}, day {day}: day 1 reaches the LSTM's output by {value}")),
        ]  # fmt: skip
        data += [trace for trace, _y in made]
        ys += [y for _trace, y in made]
    return data, ys


def _titles(series: Sequence[UnitDays], colours) -> list[dict]:
    names = " ".join(
        _("{company} {line}").format(company=one.title, line="━" if one.company == "A" else "┈") for one in series
    )
    titles = (
        _("Plain RNN: the activation it carries from day to day ({companies})").format(companies=names),
        _("LSTM: long-term and short-term memory ({companies})").format(companies=names),
        _("How much of day 1 is still in each output (log scale; × exactly 0, ▼ below the axis)"),
    )
    return [
        {"text": f"<b>{title}</b>", "xref": "paper", "yref": "paper", "x": 0, "y": top, "xanchor": "left",
         "yanchor": "bottom", "showarrow": False, "font": {"size": 14, "color": colours.text}}
        for title, (_bottom, top) in zip(titles, PANELS, strict=True)
    ]  # fmt: skip


def carry_figure(series: Sequence[UnitDays], dark: bool = False, start: int | None = None) -> PlainFigure:
    """The companies' days through both units, one frame a day (named "1".."N"), showing day `start` (the last)."""
    if not series:
        raise ValueError("the figure needs at least one company's days")
    colours, days = palette(dark), series[0].days
    low, high = reach_range(series)
    data, ys = _traces(series, (10.0**low, 10.0**high))
    start = days if start is None else start
    frames = [{"name": str(day), "data": [{"y": y[:day]} for y in ys], "traces": list(range(len(data)))}
              for day in range(1, days + 1)]  # fmt: skip
    for trace, y in zip(data, ys, strict=True):
        trace["y"] = y[:start]
    layout = chart_layout(
        colours, 760, margin={"l": 10, "r": 10, "t": 30, "b": 10}, annotations=_titles(series, colours)
    )
    layout["legend"].update({"y": -0.08})
    lines = [[activation for one in series for activation in one.activation],
             [memory for one in series for memory in (*one.long_memory, *one.short_memory)]]  # fmt: skip
    for panel, (bottom, top) in enumerate(PANELS, start=1):
        suffix = "" if panel == 1 else str(panel)
        layout[f"xaxis{suffix}"] = {**_day_axis(days, colours, panel == 3), "anchor": f"y{suffix}"}
        axis = {"domain": [bottom, top], "anchor": f"x{suffix}", "gridcolor": colours.track, "automargin": True,
                "zerolinecolor": colours.muted}  # fmt: skip
        if panel < 3:
            layout[f"yaxis{suffix}"] = {**axis, "range": _value_range(lines[panel - 1]), "nticks": 5}
        else:
            layout[f"yaxis{suffix}"] = {**axis, "type": "log", "range": [low - 0.15, high + 0.15], **_ticks(low, high)}
    return PlainFigure(data, layout, frames)


def day_captions(series: Sequence[UnitDays]) -> list[str]:
    """The player's sentence for each day: how much of day 1 reaches each unit's output by then."""
    days = series[0].days
    if len(series) == 1:
        one = series[0]
        sentence = _(
            "Day {day} of {days}, {company}: day 1 reaches the plain RNN's output by {rnn}, the LSTM's by {lstm}."
        )
        return [
            sentence.format(day=day, days=days, company=one.title, rnn=reach_text(one.rnn_day_one[day - 1]),
                            lstm=reach_text(one.lstm_day_one[day - 1]))
            for day in range(1, days + 1)
        ]  # fmt: skip
    first, second = series[:2]
    sentence = _(
        "Day {day} of {days}: day 1 reaches the plain RNN's output by {rnn_a} for {company_a} and {rnn_b} for "
        "{company_b}, the LSTM's by {lstm_a} and {lstm_b}."
    )
    return [
        sentence.format(
            day=day, days=days, company_a=first.title, company_b=second.title,
            rnn_a=reach_text(first.rnn_day_one[day - 1]), rnn_b=reach_text(second.rnn_day_one[day - 1]),
            lstm_a=reach_text(first.lstm_day_one[day - 1]), lstm_b=reach_text(second.lstm_day_one[day - 1]),
        )
        for day in range(1, days + 1)
    ]  # fmt: skip


def day_labels(days: int) -> list[str]:
    """The player's name for each position: the day."""
    return [_("day {day}").format(day=day) for day in range(1, days + 1)]


def experiment_figure(
    days: Sequence[int], counts: dict[str, Sequence[int]], seeds: int, dark: bool = False
) -> PlainFigure:
    """How many of the `seeds` runs of each unit ("rnn", "lstm") told Company A from B, against the days."""
    colours = palette(dark)
    names = {"rnn": _("plain RNN"), "lstm": _("LSTM")}
    hover = ngettext(
        "{unit}, {days} days: {count} of {seeds} run told A from B",
        "{unit}, {days} days: {count} of {seeds} runs told A from B",
        seeds,
    )
    lstm_colour = readable(LSTM_REACH_COLOUR, colours.background, 3.0)
    data = [
        {
            "type": "scatter", "mode": "lines+markers", "name": names[unit], "x": list(days), "y": list(counts[unit]),
            "line": {"color": colour, "width": 3, "dash": dash}, "marker": {"size": 10, "symbol": symbol},
            "hovertemplate": hover.format(unit=names[unit], days="%{x}", count="%{y}", seeds=seeds) + "<extra></extra>",
        }
        for unit, colour, dash, symbol in (("rnn", RNN_COLOUR, "solid", "circle"),
                                           ("lstm", lstm_colour, "dash", "square"))
    ]  # fmt: skip
    layout = chart_layout(colours, 340, _("days"), _("runs that told A from B, of {seeds}").format(seeds=seeds))
    layout["xaxis"].update({"type": "log", "tickvals": list(days), "ticktext": [str(day) for day in days],
                            "range": [math.log10(min(days)) - 0.08, math.log10(max(days)) + 0.08]})  # fmt: skip
    layout["yaxis"].update({"range": [-0.4, seeds + 0.4], "dtick": max(1, seeds // 5)})
    return PlainFigure(data, layout)
