"""The four gate values and both memories across the days, as a line chart in the diagram's colours."""

from __future__ import annotations

from lstm.figures.theme import LONG_MEMORY_COLOUR, SHORT_MEMORY_COLOUR, PlainFigure, chart_layout, palette
from lstm.locales import _
from lstm.unit.gates import GATES
from lstm.unit.trace import Trace


def gates_over_days_figure(trace: Trace, dark: bool = False) -> PlainFigure:
    """The four gate values and both memories across the days, in the diagram's colours."""
    colours = palette(dark)
    day_numbers = [step.day for step in trace.steps]
    series = [(gate.field, gate.tutorial, gate.colour, "solid") for gate in GATES] + [
        ("long_memory", _("long-term memory"), LONG_MEMORY_COLOUR, "dash"),
        ("short_memory", _("short-term memory"), SHORT_MEMORY_COLOUR, "dash"),
    ]
    data = [
        {
            "type": "scatter",
            "x": day_numbers,
            "y": [getattr(step, field) for step in trace.steps],
            "name": label,
            "mode": "lines+markers",
            "line": {"color": colour, "width": 3, "dash": dash},
            "marker": {"size": 9},
            "hovertemplate": _("day {day}: {quantity} {value}").format(day="%{x}", quantity=label, value="%{y:.3f}")
            + "<extra></extra>",
        }
        for field, label, colour, dash in series
    ]
    layout = chart_layout(colours, 380, _("day"), _("value"))
    layout["xaxis"]["dtick"] = 1
    layout["hovermode"] = "x unified"
    return PlainFigure(data, layout)
