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

from lstm.figures.shapes import box, line
from lstm.figures.theme import LONG_MEMORY_COLOUR, SHORT_MEMORY_COLOUR, Palette, readable
from lstm.unit.explain import factor_text, percent_text, value_text
from lstm.unit.gates import GATES, Gate
from lstm.unit.stages import STAGES, Position
from lstm.unit.trace import Trace

WIDTH, HEIGHT = 27.0, 10.0  # the drawing's own units
LONG_Y, SHORT_Y, INPUT_Y = 9.3, 1.4, 0.5
BLOCK_BOTTOM, BLOCK_TOP, HALF_WIDTH = 2.6, 7.4, 2.1
CURVE_BOTTOM, CURVE_TOP = 4.85, 6.35  # the small sigma or tanh curve inside each block
WIRE_OFFSET = 1.0  # from a block's centre to its short-memory wire (left) and its input wire (right)
CENTRES = {"long_remember": 3.4, "potential_remember": 8.0, "potential_memory": 12.6, "output": 17.2}
PRODUCT_X, PRODUCT_Y = (CENTRES["potential_remember"] + CENTRES["potential_memory"]) / 2, 8.35
SQUASH_X, SQUASH_HALF_WIDTH, SQUASH_BOTTOM, SQUASH_TOP = 22.6, 1.5, 6.2, 8.55  # tanh of the new long memory
OUTPUT_NODE_Y = 5.2  # where output % meets tanh(new long memory)
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
        return self.left + (self.right - self.left) * x / WIDTH

    def paper_y(self, y: float) -> float:
        return self.bottom + (self.top - self.bottom) * y / HEIGHT


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
        _curve_areas(),
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
    _, gate, left, right, bottom, top = next(area for area in _curve_areas() if area[0] == name)
    low, high = _curve_range(gate)
    clamped = max(-CURVE_SPAN, min(CURVE_SPAN, z))
    x = left + (clamped + CURVE_SPAN) / (2 * CURVE_SPAN) * (right - left)
    return round(x, 4), round(bottom + (value - low) / (high - low) * (top - bottom), 4)


def _curve_range(gate: Gate | None) -> tuple[float, float]:
    """A small curve's vertical range: the function's, 0 or -1 to 1, and a little room for its point."""
    low = 0.0 if gate is not None and gate.is_percent else -1.0
    return low - 0.12, 1.12


def _point(z: float, value: float, known: bool) -> dict:
    """The current point on a small curve; a sum beyond the curve's span sits at its edge."""
    if not known:
        return {"x": [], "y": []}
    return {"x": [max(-CURVE_SPAN, min(CURVE_SPAN, z))], "y": [value]}


def _highlight(position: Position, day_index: int) -> tuple[list, list]:
    """An outline around what the current stage computes, while the animation is on the opened day."""
    if position.day_index != day_index:
        return [], []
    squash = (SQUASH_X - SQUASH_HALF_WIDTH - 0.15, SQUASH_X + SQUASH_HALF_WIDTH + 0.15)
    boxes = {
        "long-remember": [_block_box("long_remember")],
        "potential": [_block_box("potential_remember"), _block_box("potential_memory")],
        "long-memory": [(CENTRES["long_remember"] - 0.6, PRODUCT_X + 0.6, PRODUCT_Y - 0.45, LONG_Y + 0.45)],
        "output": [_block_box("output"), (*squash, OUTPUT_NODE_Y - 0.45, SQUASH_TOP + 0.15)],
        "short-memory": [(squash[0], WIDTH - 0.1, SHORT_Y - 0.5, OUTPUT_NODE_Y + 0.45)],
    }[position.stage]
    xs, ys = [], []
    for left, right, bottom, top in boxes:
        xs += [left, right, right, left, left, None]
        ys += [bottom, bottom, top, top, bottom, None]
    return xs[:-1], ys[:-1]


def _block_box(field: str) -> tuple[float, float, float, float]:
    centre = CENTRES[field]
    return centre - HALF_WIDTH - 0.12, centre + HALF_WIDTH + 0.12, BLOCK_BOTTOM - 0.12, BLOCK_TOP + 0.12


def _value_positions() -> list[tuple[float, float, str]]:
    """Where each of detail_updates' texts is written: x, y and Plotly's text position, in the same order."""
    positions = []
    for gate in GATES:
        centre = CENTRES[gate.field]
        positions.append((centre, (BLOCK_BOTTOM + CURVE_BOTTOM) / 2 + 0.2, "middle center"))  # the weighted sum
        if gate.field == "output":
            positions.append((centre + HALF_WIDTH + 0.2, OUTPUT_NODE_Y + 0.05, "top right"))  # output % to the ×
        elif gate.field == "long_remember":
            positions.append((centre + 0.15, (BLOCK_TOP + LONG_Y) / 2, "middle right"))  # up to the ×
        else:
            positions.append((centre + 0.15, (BLOCK_TOP + PRODUCT_Y) / 2 + 0.1, "middle right"))  # up to the product
    return [
        *positions,
        (0.1, LONG_Y + 0.2, "top right"),  # the long memory coming in
        (0.1, SHORT_Y - 0.2, "bottom right"),  # the short memory coming in
        (CENTRES["long_remember"] + 0.45, LONG_Y - 0.2, "bottom right"),  # what the × keeps
        (PRODUCT_X + 0.5, PRODUCT_Y, "middle right"),  # what the product adds at the +
        (WIDTH - 0.1, LONG_Y + 0.2, "top left"),  # the new long memory going out
        (SQUASH_X + 0.25, (SQUASH_BOTTOM + OUTPUT_NODE_Y) / 2 + 0.1, "middle right"),  # tanh of it
        (WIDTH - 0.1, SHORT_Y + 0.15, "top left"),  # the new short memory going out
    ]


# What stays: the drawing, the labels, the curves.


# The drawing's own axes, and its wires: thicker than the overview's lines, drawn at the opened cell's scale.
DRAWING = ("x2", "y2")
_wire = partial(line, width=2.5, axes=DRAWING)


def _block(left: float, right: float, bottom: float, top: float, colours: Palette, edge: str) -> dict:
    return box(left, right, bottom, top, colours.cell, {"color": edge, "width": 2}, DRAWING)


def _shapes(colours: Palette) -> list[dict]:
    """The memory lines and the input, the wires up into each block, and the blocks."""
    shapes = [
        _wire(0.1, LONG_Y, WIDTH - 0.1, LONG_Y, LONG_MEMORY_COLOUR, width=6),
        _wire(0.1, SHORT_Y, CENTRES["output"] - WIRE_OFFSET, SHORT_Y, SHORT_MEMORY_COLOUR, width=5),
        _wire(0.1, INPUT_Y, CENTRES["output"] + WIRE_OFFSET, INPUT_Y, colours.muted, width=3),
        # tanh of the new long memory: down from the line, then output % joins it, then out as short memory.
        _wire(SQUASH_X, LONG_Y, SQUASH_X, SQUASH_TOP, LONG_MEMORY_COLOUR),
        _wire(SQUASH_X, SQUASH_BOTTOM, SQUASH_X, OUTPUT_NODE_Y, colours.muted),
        _wire(CENTRES["output"] + HALF_WIDTH, OUTPUT_NODE_Y, SQUASH_X, OUTPUT_NODE_Y, GATES[3].colour),
        _wire(SQUASH_X, OUTPUT_NODE_Y, SQUASH_X, SHORT_Y, SHORT_MEMORY_COLOUR),
        _wire(SQUASH_X, SHORT_Y, WIDTH - 0.1, SHORT_Y, SHORT_MEMORY_COLOUR, width=5),
        _block(
            SQUASH_X - SQUASH_HALF_WIDTH,
            SQUASH_X + SQUASH_HALF_WIDTH,
            SQUASH_BOTTOM,
            SQUASH_TOP,
            colours,
            colours.muted,
        ),
        # The two candidates' product rises to the + on the long line.
        _wire(CENTRES["potential_remember"], BLOCK_TOP, CENTRES["potential_remember"], PRODUCT_Y, GATES[1].colour),
        _wire(CENTRES["potential_memory"], BLOCK_TOP, CENTRES["potential_memory"], PRODUCT_Y, GATES[2].colour),
        _wire(CENTRES["potential_remember"], PRODUCT_Y, CENTRES["potential_memory"], PRODUCT_Y, colours.muted),
        _wire(PRODUCT_X, PRODUCT_Y, PRODUCT_X, LONG_Y, colours.muted),
        _wire(CENTRES["long_remember"], BLOCK_TOP, CENTRES["long_remember"], LONG_Y, GATES[0].colour),
    ]
    for gate in GATES:
        centre = CENTRES[gate.field]
        shapes.append(
            _wire(centre - WIRE_OFFSET, SHORT_Y, centre - WIRE_OFFSET, BLOCK_BOTTOM, SHORT_MEMORY_COLOUR, width=2)
        )
        shapes.append(_wire(centre + WIRE_OFFSET, INPUT_Y, centre + WIRE_OFFSET, BLOCK_BOTTOM, colours.muted, width=2))
        shapes.append(_block(centre - HALF_WIDTH, centre + HALF_WIDTH, BLOCK_BOTTOM, BLOCK_TOP, colours, gate.colour))
    return shapes


def _nodes(colours: Palette, px: Callable[[float], int]) -> dict:
    """The ×, + and × of the diagram, as round markers with their sign."""
    return {
        "type": "scatter", "xaxis": "x2", "yaxis": "y2", "mode": "markers+text",
        "x": [CENTRES["long_remember"], PRODUCT_X, PRODUCT_X, SQUASH_X],
        "y": [LONG_Y, LONG_Y, PRODUCT_Y, OUTPUT_NODE_Y],
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
        label(CENTRES[gate.field], BLOCK_TOP - 0.45, f"<b>{gate.tutorial}</b><br>{gate.standard}", colour=colours.text)
        for gate in GATES
    ]
    return [
        *titles,
        # Left of the drawing, as the overview names its rows (in the figure's margin when under the overview).
        margin_label(LONG_Y, "<b>long-term memory</b><br>coming in", long_text),
        margin_label(SHORT_Y, "<b>short-term memory</b><br>coming in", short_text),
        margin_label(INPUT_Y, f"<b>input</b>, day {day}<br>{value_text(step_input)}", colours.text),
        label(SQUASH_X, SQUASH_TOP - 0.4, "<b>tanh</b> of the new<br>long-term memory", colour=colours.text, size=13),
    ]


def _weight_labels(weights: Mapping[str, float], colours: Palette, px: Callable[[float], int]) -> dict:
    """Every weight by name and value on its wire, the bias under its block: click one to edit it."""
    xs, ys, texts, positions = [], [], [], []
    for gate in GATES:
        centre = CENTRES[gate.field]
        short_name, input_name, bias = gate.weights
        xs += [centre - WIRE_OFFSET, centre + WIRE_OFFSET, centre - 0.75]
        ys += [(SHORT_Y + BLOCK_BOTTOM) / 2, (INPUT_Y + SHORT_Y) / 2, BLOCK_BOTTOM + 0.3]
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
        left, right, bottom, top = _block_box(gate.field)
        low, high = _curve_range(gate)
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


def _curve_areas() -> list[tuple[str, Gate | None, float, float, float, float]]:
    """Each small curve's trace name, its gate (None: tanh of the new long memory) and its box in drawing units."""
    areas = [
        (f"detail point {gate.field}", gate, CENTRES[gate.field] - 1.55, CENTRES[gate.field] + 1.55,
         CURVE_BOTTOM, CURVE_TOP)
        for gate in GATES
    ]  # fmt: skip
    return [*areas, ("detail point tanh", None, SQUASH_X - 1.1, SQUASH_X + 1.1, SQUASH_BOTTOM + 0.2, SQUASH_TOP - 0.95)]


def _curve_traces(colours: Palette, px: Callable[[float], int]) -> tuple[list[dict], list[dict], dict]:
    """Each small curve (static) and its current point (animated), with the axes they are drawn on."""
    curves, points, axes = [], [], {}
    zs = [-CURVE_SPAN + 2 * CURVE_SPAN * index / (CURVE_POINTS - 1) for index in range(CURVE_POINTS)]
    for number, (name, gate, *_) in enumerate(_curve_areas(), start=3):
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
        "xaxis2": {**hidden, "range": [0, WIDTH], "domain": [area.left, area.right], "anchor": "y2"},
        "yaxis2": {**hidden, "range": [0, HEIGHT], "domain": [area.bottom, area.top], "anchor": "x2"},
    }
    for number, (_, gate, left, right, bottom, top) in enumerate(_curve_areas(), start=3):
        layout[f"xaxis{number}"] = {**hidden, "range": [-CURVE_SPAN, CURVE_SPAN],
                                    "domain": [area.paper_x(left), area.paper_x(right)],
                                    "anchor": f"y{number}"}  # fmt: skip
        layout[f"yaxis{number}"] = {**hidden, "range": list(_curve_range(gate)), "anchor": f"x{number}",
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
    places = _value_positions()
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
    places = _compared_value_positions()
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


def _compared_value_positions() -> list[tuple[float, float, str]]:
    """Where the compared values go: under each gate's result, then by the memories coming in and going out."""
    below_result = {
        "long_remember": (CENTRES["long_remember"] + 0.15, (BLOCK_TOP + LONG_Y) / 2 - 0.45, "middle right"),
        "potential_remember": (CENTRES["potential_remember"] + 0.15, BLOCK_TOP + 0.2, "middle right"),
        "potential_memory": (CENTRES["potential_memory"] + 0.15, BLOCK_TOP + 0.2, "middle right"),
        "output": (CENTRES["output"] + HALF_WIDTH + 0.2, OUTPUT_NODE_Y - 0.1, "bottom right"),
    }
    return [
        *(below_result[gate.field] for gate in GATES),
        (0.1, LONG_Y - 0.2, "bottom right"),  # the long memory coming in, under its line
        (0.1, SHORT_Y + 0.2, "top right"),  # the short memory coming in, over its line
        (WIDTH - 0.1, LONG_Y - 0.2, "bottom left"),  # the new long memory, under its line
        (WIDTH - 0.1, SHORT_Y - 0.2, "bottom left"),  # the new short memory, under its line
    ]


def _compared_legend(name: str, day: int, colours: Palette, px: Callable[[float], int]) -> dict:
    """Whose the hollow markers and grey values are, under the drawing's right end."""
    return {
        "xref": "x2", "yref": "y2", "x": WIDTH - 0.1, "y": INPUT_Y, "xanchor": "right", "showarrow": False,
        "text": f"{COMPARED_SYMBOL} hollow and grey: <b>{name}</b>, day {day}, same weights",
        "font": {"size": px(13), "color": colours.muted},
    }  # fmt: skip
