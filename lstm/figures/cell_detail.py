"""One day's cell opened up, drawn like the tutorial's diagram: every weight on its wire, every sum, every curve.

The detail lives in the unrolled figure, below the overview, on axes of its own (x2/y2 for the drawing,
x3 to x7 for the five small activation curves), so that one slider and one Play move both views in the
browser. Its values appear as the animation computes them; the weights are known from the start.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from lstm.figures.cell_drawing import (
    COMPARED_SYMBOL,
    compared_legend,
    curve_traces,
    drawing_shapes,
    labels,
    nodes,
    stage_areas,
    weight_labels,
)
from lstm.figures.cell_geometry import (
    CELL,
    CURVE_SPAN,
    compared_value_positions,
    curve_areas,
    curve_range,
    stage_boxes,
    value_positions,
)
from lstm.figures.theme import LONG_MEMORY_COLOUR, SHORT_MEMORY_COLOUR, Palette, readable
from lstm.locales import _
from lstm.unit.explain import factor_text, percent_text, value_text
from lstm.unit.gates import GATES
from lstm.unit.stages import STAGES, Position
from lstm.unit.trace import Trace

# The stage of the animation that computes each gate.
STAGE_OF = {
    "long_remember": "long-remember",
    "potential_remember": "potential",
    "potential_memory": "potential",
    "output": "output",
}
# The detail's traces that the frames update, by name, in the order the figure holds them.
ANIMATED = (
    "detail values", "detail highlight", *(f"detail point {gate.field}" for gate in GATES), "detail point tanh",
    "detail compared points", "detail compared values",
)  # fmt: skip


@dataclass(frozen=True)
class DetailArea:
    """Where the detail sits in the figure, as fractions of the plotting area (paper coordinates).

    Under the overview it spans the full width; beside it (presenter mode on a projector) the right part.
    """

    bottom: float
    top: float
    left: float = 0.0
    right: float = 1.0

    def paper_x(self, x: float) -> float:
        return self.left + (self.right - self.left) * x / CELL.width

    def paper_y(self, y: float) -> float:
        return self.bottom + (self.top - self.bottom) * y / CELL.height


def _known(stage: str, stages_known: int) -> bool:
    return stages_known > STAGES.index(stage)


# What changes from frame to frame.


def detail_updates(
    trace: Trace,
    weights: Mapping[str, float],
    day_index: int,
    position: Position,
    colours: Palette,
    compared: Trace | None = None,
) -> dict[str, dict]:
    """What each animated trace of the detail shows at `position`, by name: blank until computed.

    With `compared` (as many days, the same weights) its values for the same day appear beside these,
    stage by stage as these do: hollow markers on the curves and grey numbers beside each gate and memory.
    """
    step = trace.steps[day_index]
    long_before, short_before = trace.memories_before(day_index)
    known = position.stages_known(day_index)
    reached = position.day_index is not None and position.day_index >= day_index
    texts = []
    for gate, total in zip(GATES, step.sums, strict=True):
        done = _known(STAGE_OF[gate.field], known)
        w = [weights[name] for name in gate.weights]
        sum_lines = (
            f"{value_text(w[0])} × {factor_text(short_before)}<br>+ {factor_text(w[1])} × {factor_text(step.input)}"
            f"<br>+ {factor_text(w[2])}<br>= <b>{value_text(total)}</b>"
        )
        value = getattr(step, gate.field)
        result = percent_text(value) if gate.is_percent else value_text(value)
        texts += [sum_lines if done else "", f"<b>{result}</b>" if done else ""]
    new_long = _known("long-memory", known)

    def named(name: str, colour: str, value: float, shown: bool) -> str:
        readable_colour = readable(colour, colours.background)
        return f"<span style='color:{readable_colour}'><b>{name}</b></span><br>" + (value_text(value) if shown else "")

    texts += [
        value_text(long_before) if reached else "",
        value_text(short_before) if reached else "",
        _("kept {value}").format(value=value_text(long_before * step.long_remember))
        if _known("long-remember", known)
        else "",
        _("added {value}").format(value=value_text(step.potential_remember * step.potential_memory))
        if _known("potential", known)
        else "",
        named(_("new long-term memory"), LONG_MEMORY_COLOUR, step.long_memory, new_long),
        f"tanh({value_text(step.long_memory)})<br>= <b>{value_text(step.squashed_long_memory)}</b>" if new_long else "",
        named(_("new short-term memory"), SHORT_MEMORY_COLOUR, step.short_memory, _known("short-memory", known)),
    ]
    box_x, box_y = _highlight(position, day_index)
    updates = {"detail values": {"text": texts}, "detail highlight": {"x": box_x, "y": box_y}}
    for gate, total in zip(GATES, step.sums, strict=True):
        updates[f"detail point {gate.field}"] = _point(
            total, getattr(step, gate.field), _known(STAGE_OF[gate.field], known)
        )
    updates["detail point tanh"] = _point(step.long_memory, step.squashed_long_memory, new_long)
    updates.update(_compared_updates(compared, day_index, position))
    return updates


def _compared_updates(compared: Trace | None, day_index: int, position: Position) -> dict[str, dict]:
    """The compared day's curve points (in the drawing's units) and values; nothing to change without one."""
    if compared is None:
        return {"detail compared points": {}, "detail compared values": {}}
    step = compared.steps[day_index]
    long_before, short_before = compared.memories_before(day_index)
    known = position.stages_known(day_index)
    reached = position.day_index is not None and position.day_index >= day_index
    xs, ys, texts = [], [], []
    for (name, gate, *__), z, value in zip(
        curve_areas(),
        (*step.sums, step.long_memory),
        (*(getattr(step, gate.field) for gate in GATES), step.squashed_long_memory),
        strict=True,
    ):
        done = _known(STAGE_OF[gate.field] if gate is not None else "long-memory", known)
        x, y = _on_curve(name, z, value) if done else (None, None)
        xs.append(x)
        ys.append(y)
        if gate is not None:
            texts.append(
                f"{COMPARED_SYMBOL} {percent_text(value) if gate.is_percent else value_text(value)}" if done else ""
            )
    memories = (
        (long_before, reached), (short_before, reached), (step.long_memory, _known("long-memory", known)),
        (step.short_memory, _known("short-memory", known)),
    )  # fmt: skip
    texts += [f"{COMPARED_SYMBOL} {value_text(value)}" if shown else "" for value, shown in memories]
    return {"detail compared points": {"x": xs, "y": ys}, "detail compared values": {"text": texts}}


def _on_curve(name: str, z: float, value: float) -> tuple[float, float]:
    """A point of a small curve in the drawing's own units (x2/y2), where its axes put it on the page."""
    __, gate, left, right, bottom, top = next(area for area in curve_areas() if area[0] == name)
    low, high = curve_range(gate)
    clamped = max(-CURVE_SPAN, min(CURVE_SPAN, z))
    x = left + (clamped + CURVE_SPAN) / (2 * CURVE_SPAN) * (right - left)
    return round(x, 4), round(bottom + (value - low) / (high - low) * (top - bottom), 4)


def _point(z: float, value: float, known: bool) -> dict:
    """The current point on a small curve; a sum beyond the curve's span sits at its edge."""
    if not known:
        return {"x": [], "y": []}
    return {"x": [max(-CURVE_SPAN, min(CURVE_SPAN, z))], "y": [value]}


def _highlight(position: Position, day_index: int) -> tuple[list, list]:
    """An outline around what the current stage computes, while the animation is on the opened day."""
    if position.day_index != day_index:
        return [], []
    boxes = stage_boxes(position.stage)
    xs, ys = [], []
    for left, right, bottom, top in boxes:
        xs += [left, right, right, left, left, None]
        ys += [bottom, bottom, top, top, bottom, None]
    return xs[:-1], ys[:-1]


def detail_axes(area: DetailArea) -> dict:
    """Layout entries for the drawing's axes and each small curve's, placed inside its block."""
    hidden = {"visible": False, "fixedrange": True}
    layout = {
        "xaxis2": {**hidden, "range": [0, CELL.width], "domain": [area.left, area.right], "anchor": "y2"},
        "yaxis2": {**hidden, "range": [0, CELL.height], "domain": [area.bottom, area.top], "anchor": "x2"},
    }
    for number, (__, gate, left, right, bottom, top) in enumerate(curve_areas(), start=3):
        layout[f"xaxis{number}"] = {**hidden, "range": [-CURVE_SPAN, CURVE_SPAN],
                                    "domain": [area.paper_x(left), area.paper_x(right)],
                                    "anchor": f"y{number}"}  # fmt: skip
        layout[f"yaxis{number}"] = {**hidden, "range": list(curve_range(gate)), "anchor": f"x{number}",
                                    "domain": [area.paper_y(bottom), area.paper_y(top)]}  # fmt: skip
    return layout


def detail_parts(
    trace: Trace,
    weights: Mapping[str, float],
    day_index: int,
    colours: Palette,
    px: Callable[[float], int],
    initial: dict[str, dict],
    compared_name: str | None = None,
) -> tuple[list[dict], list[dict], list[dict], list[dict]]:
    """Still traces, animated traces (ANIMATED's order, showing `initial`), shapes and annotations of the detail.

    `compared_name` names the compared sequence whose values `initial` (and the frames) put beside these,
    as "○ Company B" under the drawing; None when nothing is compared.
    """
    step = trace.steps[day_index]
    curves, points, __ = curve_traces(colours, px)
    places = value_positions()
    values = {
        "type": "scatter", "xaxis": "x2", "yaxis": "y2", "mode": "text", "cliponaxis": False,
        "x": [x for x, __, __ in places], "y": [y for __, y, __ in places], "textposition": [p for __, __, p in places],
        "text": initial["detail values"]["text"], "textfont": {"size": px(14), "color": colours.text},
        "hoverinfo": "skip", "name": "detail values",
    }  # fmt: skip
    highlight = {
        "type": "scatter", "xaxis": "x2", "yaxis": "y2", "mode": "lines", "x": initial["detail highlight"]["x"],
        "y": initial["detail highlight"]["y"], "line": {"color": colours.highlight, "width": 4}, "hoverinfo": "skip",
        "name": "detail highlight",
    }  # fmt: skip
    for point in points:
        point.update(initial[point["name"]])
    still = [*stage_areas(day_index, colours), *curves, nodes(colours, px), weight_labels(weights, colours, px)]
    annotations = labels(colours, px, step.day, step.input)
    if compared_name is not None:
        annotations.append(compared_legend(compared_name, step.day, colours, px))
    moving = [values, highlight, *points, *_compared_traces(colours, px, initial)]
    return still, moving, drawing_shapes(colours), annotations


def _compared_traces(colours: Palette, px: Callable[[float], int], initial: dict[str, dict]) -> list[dict]:
    """The compared day's hollow markers on the curves and its grey values: empty when nothing is compared."""
    gate_colours = [gate.colour for gate in GATES] + [LONG_MEMORY_COLOUR]
    places = compared_value_positions()
    points = {
        "type": "scatter", "xaxis": "x2", "yaxis": "y2", "mode": "markers", "hoverinfo": "skip",
        "x": initial["detail compared points"].get("x", []), "y": initial["detail compared points"].get("y", []),
        "marker": {"size": px(13), "symbol": "circle-open", "color": gate_colours, "line": {"width": 2.5}},
        "name": "detail compared points",
    }  # fmt: skip
    values = {
        "type": "scatter", "xaxis": "x2", "yaxis": "y2", "mode": "text", "cliponaxis": False, "hoverinfo": "skip",
        "x": [x for x, __, __ in places], "y": [y for __, y, __ in places], "textposition": [p for __, __, p in places],
        "text": initial["detail compared values"].get("text", [""] * len(places)),
        "textfont": {"size": px(13), "color": colours.muted}, "name": "detail compared values",
    }  # fmt: skip
    return [points, values]
