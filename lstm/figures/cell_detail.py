"""One day's cell opened up, drawn like the tutorial's diagram: every weight on its wire, every sum, every curve.

The detail lives in the unrolled figure, below the overview, on axes of its own (x2/y2 for the drawing,
x3 to x7 for the five small activation curves), so that one slider and one Play move both views in the
browser. Its values appear as the animation computes them; the weights are known from the start.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial

from lstm.figures.cell_geometry import (
    CELL,
    block_box,
    compared_value_positions,
    curve_areas,
    curve_range,
    stage_boxes,
    value_positions,
)
from lstm.figures.shapes import box, line
from lstm.figures.theme import LONG_MEMORY_COLOUR, SHORT_MEMORY_COLOUR, Palette, readable
from lstm.unit.explain import factor_text, percent_text, value_text
from lstm.unit.gates import GATES, Gate
from lstm.unit.stages import STAGES, Position
from lstm.unit.trace import Trace

CURVE_SPAN = 6.0  # each small curve shows its function from -6 to 6; a sum beyond sits at the edge
CURVE_POINTS = 41
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
# A compared sequence's day beside this one: a hollow marker on each small curve, its values in grey.
COMPARED_SYMBOL = "○"
# Hovering a block outlines its stage's bar for the same day in the overview (the player's script does it
# in the browser): the outline spans the day's cell, which is [day, day + 1] on the overview's x axis.
OUTLINE_INSET = 0.08
# Clickable: each weight's label, in this order, so a click names the weight to edit.
WEIGHT_ORDER = tuple(name for gate in GATES for name in gate.weights)


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


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z)) if z > -700 else 0.0


def _curve_function(gate: Gate | None) -> Callable[[float], float]:
    """The activation a small curve draws: a gate's sigmoid or tanh, or tanh for the new long memory (None)."""
    return _sigmoid if gate is not None and gate.is_percent else math.tanh


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
        f"kept {value_text(long_before * step.long_remember)}" if _known("long-remember", known) else "",
        f"added {value_text(step.potential_remember * step.potential_memory)}" if _known("potential", known) else "",
        named("new long-term memory", LONG_MEMORY_COLOUR, step.long_memory, new_long),
        f"tanh({value_text(step.long_memory)})<br>= <b>{value_text(step.squashed_long_memory)}</b>" if new_long else "",
        named("new short-term memory", SHORT_MEMORY_COLOUR, step.short_memory, _known("short-memory", known)),
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
    for (name, gate, *_), z, value in zip(
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
    _, gate, left, right, bottom, top = next(area for area in curve_areas() if area[0] == name)
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


# What stays: the drawing, the labels, the curves.


# The drawing's own axes, and its wires: thicker than the overview's lines, drawn at the opened cell's scale.
DRAWING = ("x2", "y2")
_wire = partial(line, width=2.5, axes=DRAWING)


def _block(left: float, right: float, bottom: float, top: float, colours: Palette, edge: str) -> dict:
    return box(left, right, bottom, top, colours.cell, {"color": edge, "width": 2}, DRAWING)


def _shapes(colours: Palette) -> list[dict]:
    """The memory lines and the input, the wires up into each block, and the blocks."""
    shapes = [
        _wire(CELL.edge, CELL.long_y, CELL.width - CELL.edge, CELL.long_y, LONG_MEMORY_COLOUR, width=6),
        _wire(
            CELL.edge,
            CELL.short_y,
            CELL.centres["output"] - CELL.wire_offset,
            CELL.short_y,
            SHORT_MEMORY_COLOUR,
            width=5,
        ),
        _wire(CELL.edge, CELL.input_y, CELL.centres["output"] + CELL.wire_offset, CELL.input_y, colours.muted, width=3),
        # tanh of the new long memory: down from the line, then output % joins it, then out as short memory.
        _wire(CELL.squash_x, CELL.long_y, CELL.squash_x, CELL.squash_top, LONG_MEMORY_COLOUR),
        _wire(CELL.squash_x, CELL.squash_bottom, CELL.squash_x, CELL.output_node_y, colours.muted),
        _wire(
            CELL.centres["output"] + CELL.half_width,
            CELL.output_node_y,
            CELL.squash_x,
            CELL.output_node_y,
            GATES[3].colour,
        ),
        _wire(CELL.squash_x, CELL.output_node_y, CELL.squash_x, CELL.short_y, SHORT_MEMORY_COLOUR),
        _wire(CELL.squash_x, CELL.short_y, CELL.width - CELL.edge, CELL.short_y, SHORT_MEMORY_COLOUR, width=5),
        _block(
            CELL.squash_x - CELL.squash_half_width,
            CELL.squash_x + CELL.squash_half_width,
            CELL.squash_bottom,
            CELL.squash_top,
            colours,
            colours.muted,
        ),
        # The two candidates' product rises to the + on the long line.
        _wire(
            CELL.centres["potential_remember"],
            CELL.block_top,
            CELL.centres["potential_remember"],
            CELL.product_y,
            GATES[1].colour,
        ),
        _wire(
            CELL.centres["potential_memory"],
            CELL.block_top,
            CELL.centres["potential_memory"],
            CELL.product_y,
            GATES[2].colour,
        ),
        _wire(
            CELL.centres["potential_remember"],
            CELL.product_y,
            CELL.centres["potential_memory"],
            CELL.product_y,
            colours.muted,
        ),
        _wire(CELL.product_x, CELL.product_y, CELL.product_x, CELL.long_y, colours.muted),
        _wire(
            CELL.centres["long_remember"], CELL.block_top, CELL.centres["long_remember"], CELL.long_y, GATES[0].colour
        ),
    ]
    for gate in GATES:
        centre = CELL.centres[gate.field]
        shapes.append(
            _wire(
                centre - CELL.wire_offset,
                CELL.short_y,
                centre - CELL.wire_offset,
                CELL.block_bottom,
                SHORT_MEMORY_COLOUR,
                width=2,
            )
        )
        shapes.append(
            _wire(
                centre + CELL.wire_offset,
                CELL.input_y,
                centre + CELL.wire_offset,
                CELL.block_bottom,
                colours.muted,
                width=2,
            )
        )
        shapes.append(
            _block(
                centre - CELL.half_width,
                centre + CELL.half_width,
                CELL.block_bottom,
                CELL.block_top,
                colours,
                gate.colour,
            )
        )
    return shapes


def _nodes(colours: Palette, px: Callable[[float], int]) -> dict:
    """The ×, + and × of the diagram, as round markers with their sign."""
    return {
        "type": "scatter", "xaxis": "x2", "yaxis": "y2", "mode": "markers+text",
        "x": [CELL.centres["long_remember"], CELL.product_x, CELL.product_x, CELL.squash_x],
        "y": [CELL.long_y, CELL.long_y, CELL.product_y, CELL.output_node_y],
        "text": ["×", "+", "×", "×"], "textposition": "middle center",
        "textfont": {"size": px(20), "color": colours.text},
        "marker": {"size": px(30), "color": colours.background, "line": {"color": colours.text, "width": 2}},
        "hoverinfo": "skip", "name": "detail nodes",
    }  # fmt: skip


def _labels(colours: Palette, px: Callable[[float], int], day: int, step_input: float) -> list[dict]:
    """Each block's title, and the names of the lines, as annotations that never change."""

    def label(x: float, y: float, text: str, anchor: str = "center", colour: str | None = None, size: int = 14) -> dict:
        return {
            "xref": "x2", "yref": "y2", "x": x, "y": y, "text": text, "showarrow": False, "xanchor": anchor,
            "font": {"size": px(size), "color": colour or colours.text},
        }  # fmt: skip

    def margin_label(y: float, text: str, colour: str) -> dict:
        return {
            "xref": "x2", "x": 0, "xanchor": "right", "xshift": -12, "yref": "y2", "y": y, "text": text,
            "showarrow": False, "align": "right", "font": {"size": px(14), "color": colour},
        }  # fmt: skip

    long_text, short_text = (
        readable(colour, colours.background) for colour in (LONG_MEMORY_COLOUR, SHORT_MEMORY_COLOUR)
    )
    titles = [
        label(
            CELL.centres[gate.field],
            CELL.block_top - CELL.title_drop,
            f"<b>{gate.tutorial}</b><br>{gate.standard}",
            colour=colours.text,
        )
        for gate in GATES
    ]
    return [
        *titles,
        # Left of the drawing, as the overview names its rows (in the figure's margin when under the overview).
        margin_label(CELL.long_y, "<b>long-term memory</b><br>coming in", long_text),
        margin_label(CELL.short_y, "<b>short-term memory</b><br>coming in", short_text),
        margin_label(CELL.input_y, f"<b>input</b>, day {day}<br>{value_text(step_input)}", colours.text),
        label(
            CELL.squash_x,
            CELL.squash_top - CELL.squash_title_drop,
            "<b>tanh</b> of the new<br>long-term memory",
            colour=colours.text,
            size=13,
        ),
    ]


def _weight_labels(weights: Mapping[str, float], colours: Palette, px: Callable[[float], int]) -> dict:
    """Every weight by name and value on its wire, the bias under its block: click one to edit it."""
    xs, ys, texts, positions = [], [], [], []
    for gate in GATES:
        centre = CELL.centres[gate.field]
        short_name, input_name, bias = gate.weights
        bias_left, bias_up = CELL.bias_place
        xs += [centre - CELL.wire_offset, centre + CELL.wire_offset, centre - bias_left]
        ys += [(CELL.short_y + CELL.block_bottom) / 2, (CELL.input_y + CELL.short_y) / 2, CELL.block_bottom + bias_up]
        texts += [
            f"{short_name} <b>{value_text(weights[short_name])}</b>",
            f"{input_name} <b>{value_text(weights[input_name])}</b>",
            f"{bias} <b>{value_text(weights[bias])}</b>",
        ]
        positions += ["middle left", "middle right", "middle right"]
    return {
        "type": "scatter", "xaxis": "x2", "yaxis": "y2", "mode": "markers+text", "x": xs, "y": ys, "text": texts,
        "textposition": positions, "textfont": {"size": px(14), "color": colours.text}, "cliponaxis": False,
        "marker": {"size": px(9), "color": colours.muted, "symbol": "diamond"},
        "customdata": list(WEIGHT_ORDER), "name": "detail weights",
        "hovertemplate": "%{customdata}: click to edit<extra></extra>",
    }  # fmt: skip


def _stage_areas(day_index: int, colours: Palette) -> list[dict]:
    """Invisible areas over each gate's block: the mouse over one lights that gate's bar of the day above.

    Each block gets two: one on the drawing's axes and one over its small curve, whose axes catch the
    mouse there. `meta.lights` names the overview's bar trace (by the gate's name) and the day's point in
    it; the areas draw nothing and show no label, they only report the hover (Plotly's `hoverinfo: none`).
    """
    areas = []
    for number, gate in enumerate(GATES, start=3):
        left, right, bottom, top = block_box(gate.field)
        low, high = curve_range(gate)
        lights = {"trace": gate.tutorial, "point": day_index, "colour": colours.highlight,
                  "x0": day_index + OUTLINE_INSET, "x1": day_index + 1 - OUTLINE_INSET}  # fmt: skip
        boxes = [
            ("x2", "y2", left, right, bottom, top),
            (f"x{number}", f"y{number}", -CURVE_SPAN, CURVE_SPAN, low, high),
        ]
        for xaxis, yaxis, x0, x1, y0, y1 in boxes:
            areas.append(
                {"type": "scatter", "xaxis": xaxis, "yaxis": yaxis, "mode": "lines", "fill": "toself",
                 "x": [x0, x1, x1, x0, x0], "y": [y0, y0, y1, y1, y0], "fillcolor": "rgba(0,0,0,0)",
                 "line": {"width": 0}, "hoveron": "fills", "hoverinfo": "none", "name": f"detail stage {gate.field}",
                 "meta": {"lights": lights}}
            )  # fmt: skip
    return areas


def _curve_traces(colours: Palette, px: Callable[[float], int]) -> tuple[list[dict], list[dict], dict]:
    """Each small curve (static) and its current point (animated), with the axes they are drawn on."""
    curves, points, axes = [], [], {}
    zs = [-CURVE_SPAN + 2 * CURVE_SPAN * index / (CURVE_POINTS - 1) for index in range(CURVE_POINTS)]
    for number, (name, gate, *_) in enumerate(curve_areas(), start=3):
        function = _curve_function(gate)
        colour = gate.colour if gate is not None else LONG_MEMORY_COLOUR
        axis = {"xaxis": f"x{number}", "yaxis": f"y{number}"}
        curves.append(
            {"type": "scatter", "mode": "lines", "x": zs, "y": [round(function(z), 4) for z in zs], **axis,
             "line": {"color": colours.muted, "width": 2}, "hoverinfo": "skip", "name": f"{name} curve"}
        )  # fmt: skip
        points.append(
            {"type": "scatter", "mode": "markers", "x": [], "y": [], **axis, "name": name, "hoverinfo": "skip",
             "marker": {"size": px(13), "color": colour, "line": {"color": colours.text, "width": 1.5}}}
        )  # fmt: skip
        low = 0.0 if gate is not None and gate.is_percent else -1.0
        axes[number] = (low, 1.0)
    return curves, points, axes


def detail_axes(area: DetailArea) -> dict:
    """Layout entries for the drawing's axes and each small curve's, placed inside its block."""
    hidden = {"visible": False, "fixedrange": True}
    layout = {
        "xaxis2": {**hidden, "range": [0, CELL.width], "domain": [area.left, area.right], "anchor": "y2"},
        "yaxis2": {**hidden, "range": [0, CELL.height], "domain": [area.bottom, area.top], "anchor": "x2"},
    }
    for number, (_, gate, left, right, bottom, top) in enumerate(curve_areas(), start=3):
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
    curves, points, _ = _curve_traces(colours, px)
    places = value_positions()
    values = {
        "type": "scatter", "xaxis": "x2", "yaxis": "y2", "mode": "text", "cliponaxis": False,
        "x": [x for x, _, _ in places], "y": [y for _, y, _ in places], "textposition": [p for _, _, p in places],
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
    still = [*_stage_areas(day_index, colours), *curves, _nodes(colours, px), _weight_labels(weights, colours, px)]
    annotations = _labels(colours, px, step.day, step.input)
    if compared_name is not None:
        annotations.append(_compared_legend(compared_name, step.day, colours, px))
    moving = [values, highlight, *points, *_compared_traces(colours, px, initial)]
    return still, moving, _shapes(colours), annotations


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
        "x": [x for x, _, _ in places], "y": [y for _, y, _ in places], "textposition": [p for _, _, p in places],
        "text": initial["detail compared values"].get("text", [""] * len(places)),
        "textfont": {"size": px(13), "color": colours.muted}, "name": "detail compared values",
    }  # fmt: skip
    return [points, values]


def _compared_legend(name: str, day: int, colours: Palette, px: Callable[[float], int]) -> dict:
    """Whose the hollow markers and grey values are, under the drawing's right end."""
    return {
        "xref": "x2", "yref": "y2", "x": CELL.width - CELL.edge, "y": CELL.input_y, "xanchor": "right",
        "showarrow": False,
        "text": f"{COMPARED_SYMBOL} hollow and grey: <b>{name}</b>, day {day}, same weights",
        "font": {"size": px(13), "color": colours.muted},
    }  # fmt: skip
