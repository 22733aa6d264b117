"""The unrolled unit's compact cells, for more days than numbers fit beside: bars and colour in the cells, each
day's numbers in the text that appears over its cell (and in the opened cell and the per-day table).

As the Training page's live cells do (lstm/figures/compact_cells.py), every gate is its bar and every memory a
coloured point on its line; what a number in a cell would say, the hover says, as the animation reaches it.
"""

from __future__ import annotations

from collections.abc import Callable

from lstm.figures.numbers import plain_number
from lstm.locales import _
from lstm.unit.explain import value_text
from lstm.unit.gates import GATES
from lstm.unit.stages import STAGES, Position
from lstm.unit.trace import Trace

HOVER = "day hover"  # the animated trace that carries each day's numbers, after the overview's own
UNKNOWN = "·"  # a number the animation has not reached yet, as the cells write it
# Stages a day must have computed before each memory shows (as lstm.figures.unrolled's rules).
LONG_MEMORY_SHOWN_FROM, SHORT_MEMORY_SHOWN_FROM = 3, 5
# A compact cell's day is written under it only every few days: "1", "5", "10", ... as a ruler's marks.
LABEL_EVERY = 5
CELL_TOP, CELL_BOTTOM = 4.5, 0.5  # the cell's box, in the figure's y units (lstm.figures.unrolled's)


def _gate_text(field: str, value: float) -> str:
    return value_text(value) if field == "potential_memory" else f"{value:.0%}"


def hover_versions(trace: Trace, shown_from: dict[str, int]) -> list[list[str]]:
    """Each day's hover text after 0 to 5 of its stages: its input, four stages and two memories as far as known.

    Made once per figure; each frame then picks a version per day (`day_hover`).
    """
    click = "<i>" + _("Click to open this day's cell.") + "</i>"
    versions = []
    for step in trace.steps:
        heading = "<b>" + _("day {day} · input {input}").format(day=step.day, input=plain_number(step.input)) + "</b>"
        rows = [(gate.tutorial, _gate_text(gate.field, getattr(step, gate.field)), shown_from[gate.field])
                for gate in GATES]  # fmt: skip
        rows.append((_("long-term memory"), value_text(step.long_memory), LONG_MEMORY_SHOWN_FROM))
        rows.append((_("short-term memory"), value_text(step.short_memory), SHORT_MEMORY_SHOWN_FROM))

        def said(known: int, rows: list = rows, heading: str = heading) -> str:
            lines = [_("{name}: {value}").format(name=name, value=text if known >= needed else UNKNOWN)
                     for name, text, needed in rows]  # fmt: skip
            return "<br>".join([heading, *lines, click])

        versions.append([said(known) for known in range(len(STAGES) + 1)])
    return versions


def day_hover(versions: list[list[str]], position: Position) -> list[str]:
    """Each day's hover text at `position`: its numbers as far as the animation has computed them."""
    return [day[position.stages_known(index)] for index, day in enumerate(versions)]


def hover_trace(days: int, hover: list[str]) -> dict:
    """An invisible bar over each whole cell: the mouse anywhere on a day shows its numbers, a click opens it.

    Each point's customdata is its day's 0-based index, which the page's click handler reads.
    """
    return {
        "type": "bar", "orientation": "h", "y": [(CELL_TOP + CELL_BOTTOM) / 2] * days,
        "base": [index + 0.05 for index in range(days)], "x": [0.9] * days, "width": CELL_TOP - CELL_BOTTOM,
        "marker": {"color": "rgba(0,0,0,0)", "line": {"width": 0}}, "hovertext": hover,
        "hovertemplate": "%{hovertext}<extra></extra>", "customdata": list(range(days)), "name": HOVER,
        "hoverlabel": {"align": "left"},
    }  # fmt: skip


def day_marks(trace: Trace, y: float, font: dict, colour: str) -> list[dict]:
    """Under compact cells, the day every LABEL_EVERY days (and day 1): a ruler, not a label per cell."""
    return [
        {"x": step.day - 0.5, "y": y, "text": str(step.day), "showarrow": False, "font": {**font, "color": colour}}
        for step in trace.steps
        if step.day == 1 or step.day % LABEL_EVERY == 0
    ]


def as_markers(traces: list[dict], updates: list[dict[str, dict]], names: tuple[str, ...], px: Callable) -> None:
    """Compared values written beside the lines become hollow points there, their numbers in the hover."""
    for drawn in traces:
        drawn.pop("hoverinfo", None)
        drawn.update(
            mode="markers", hovertext=[text or UNKNOWN for text in drawn.pop("text")],
            hovertemplate="%{hovertext}<extra></extra>",
            marker={"symbol": "circle-open", "size": px(8), "color": drawn["textfont"]["color"], "line": {"width": 2}},
        )  # fmt: skip
    for update in updates:
        for name in names:
            update[name] = {"hovertext": [text or UNKNOWN for text in update[name]["text"]]}
