"""The opened cell's still parts: the tutorial's diagram (lines, wires, blocks, nodes), its names, weights and curves.

Drawn once per figure on the drawing's axes (x2/y2) and the small curves' (x3 to x7); what the frames change
is in lstm/figures/cell_detail.py.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable, Mapping
from functools import partial

from lstm.figures.cell_geometry import CELL, CURVE_SPAN, block_box, curve_areas, curve_range
from lstm.figures.shapes import box, line
from lstm.figures.theme import LONG_MEMORY_COLOUR, SHORT_MEMORY_COLOUR, Palette, readable
from lstm.locales import _
from lstm.unit.explain import value_text
from lstm.unit.gates import GATES, Gate

CURVE_POINTS = 41
SQUASH_TITLE_CHARACTERS = 17  # tanh's block is narrow: its title wraps at this many characters a line
# A compared sequence's day beside this one: a hollow marker on each small curve, its values in grey.
COMPARED_SYMBOL = "○"
# Hovering a block outlines its stage's bar for the same day in the overview (the player's script does it
# in the browser): the outline spans the day's cell, which is [day, day + 1] on the overview's x axis.
OUTLINE_INSET = 0.08
# Clickable: each weight's label, in this order, so a click names the weight to edit.
WEIGHT_ORDER = tuple(name for gate in GATES for name in gate.weights)


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z)) if z > -700 else 0.0


def _curve_function(gate: Gate | None) -> Callable[[float], float]:
    """The activation a small curve draws: a gate's sigmoid or tanh, or tanh for the new long memory (None)."""
    return _sigmoid if gate is not None and gate.is_percent else math.tanh


# The drawing's own axes, and its wires: thicker than the overview's lines, drawn at the opened cell's scale.
DRAWING = ("x2", "y2")
_wire = partial(line, width=2.5, axes=DRAWING)


def _block(left: float, right: float, bottom: float, top: float, colours: Palette, edge: str) -> dict:
    return box(left, right, bottom, top, colours.cell, {"color": edge, "width": 2}, DRAWING)


def drawing_shapes(colours: Palette) -> list[dict]:
    """The memory lines and the input, the wires up into each block, and the blocks."""
    centres, edge, right = CELL.centres, CELL.edge, CELL.width - CELL.edge
    squash_x, node_y, long_y, short_y = CELL.squash_x, CELL.output_node_y, CELL.long_y, CELL.short_y
    remember, candidate = centres["potential_remember"], centres["potential_memory"]
    shapes = [
        _wire(edge, long_y, right, long_y, LONG_MEMORY_COLOUR, width=6),
        _wire(edge, short_y, centres["output"] - CELL.wire_offset, short_y, SHORT_MEMORY_COLOUR, width=5),
        _wire(edge, CELL.input_y, centres["output"] + CELL.wire_offset, CELL.input_y, colours.muted, width=3),
        # tanh of the new long memory: down from the line, then output % joins it, then out as short memory.
        _wire(squash_x, long_y, squash_x, CELL.squash_top, LONG_MEMORY_COLOUR),
        _wire(squash_x, CELL.squash_bottom, squash_x, node_y, colours.muted),
        _wire(centres["output"] + CELL.half_width, node_y, squash_x, node_y, GATES[3].colour),
        _wire(squash_x, node_y, squash_x, short_y, SHORT_MEMORY_COLOUR),
        _wire(squash_x, short_y, right, short_y, SHORT_MEMORY_COLOUR, width=5),
        _block(squash_x - CELL.squash_half_width, squash_x + CELL.squash_half_width, CELL.squash_bottom,
               CELL.squash_top, colours, colours.muted),
        # The two candidates' product rises to the + on the long line.
        _wire(remember, CELL.block_top, remember, CELL.product_y, GATES[1].colour),
        _wire(candidate, CELL.block_top, candidate, CELL.product_y, GATES[2].colour),
        _wire(remember, CELL.product_y, candidate, CELL.product_y, colours.muted),
        _wire(CELL.product_x, CELL.product_y, CELL.product_x, long_y, colours.muted),
        _wire(centres["long_remember"], CELL.block_top, centres["long_remember"], long_y, GATES[0].colour),
    ]  # fmt: skip
    for gate in GATES:
        centre, bottom = centres[gate.field], CELL.block_bottom
        shapes += [
            _wire(centre - CELL.wire_offset, short_y, centre - CELL.wire_offset, bottom, SHORT_MEMORY_COLOUR, width=2),
            _wire(centre + CELL.wire_offset, CELL.input_y, centre + CELL.wire_offset, bottom, colours.muted, width=2),
            _block(centre - CELL.half_width, centre + CELL.half_width, bottom, CELL.block_top, colours, gate.colour),
        ]
    return shapes


def nodes(colours: Palette, px: Callable[[float], int]) -> dict:
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


def labels(colours: Palette, px: Callable[[float], int], day: int, step_input: float) -> list[dict]:
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

    input_day = _("{input}, day {day}").format(input="<b>" + _("input") + "</b>", day=day)
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
        margin_label(CELL.long_y, "<b>" + _("long-term memory") + "</b><br>" + _("coming in"), long_text),
        margin_label(CELL.short_y, "<b>" + _("short-term memory") + "</b><br>" + _("coming in"), short_text),
        margin_label(CELL.input_y, f"{input_day}<br>{value_text(step_input)}", colours.text),
        label(
            CELL.squash_x,
            CELL.squash_top - CELL.squash_title_drop,
            "<br>".join(textwrap.wrap(_("{tanh} of the new long-term memory"), SQUASH_TITLE_CHARACTERS)).format(
                tanh="<b>tanh</b>"
            ),
            colour=colours.text,
            size=13,
        ),
    ]


def weight_labels(weights: Mapping[str, float], colours: Palette, px: Callable[[float], int]) -> dict:
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
        "hovertemplate": _("{weight}: click to edit").format(weight="%{customdata}") + "<extra></extra>",
    }  # fmt: skip


def stage_areas(day_index: int, colours: Palette) -> list[dict]:
    """Invisible areas over each gate's block: the mouse over one lights that gate's bar of the day above.

    Each block gets two: one on the drawing's axes and one over its small curve, whose axes catch the
    mouse there. `meta.lights` names the overview's bar trace by its gate's key, `gate`, which the bar carries
    in its own `meta` (the same in every language), and the day's point in it; the areas draw nothing and show
    no label, they only report the hover (Plotly's `hoverinfo: none`).
    """
    areas = []
    for number, gate in enumerate(GATES, start=3):
        left, right, bottom, top = block_box(gate.field)
        low, high = curve_range(gate)
        lights = {"gate": gate.field, "point": day_index, "colour": colours.highlight,
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


def curve_traces(colours: Palette, px: Callable[[float], int]) -> tuple[list[dict], list[dict], dict]:
    """Each small curve (static) and its current point (animated), with the axes they are drawn on."""
    curves, points, axes = [], [], {}
    zs = [-CURVE_SPAN + 2 * CURVE_SPAN * index / (CURVE_POINTS - 1) for index in range(CURVE_POINTS)]
    for number, (name, gate, *__) in enumerate(curve_areas(), start=3):
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


def compared_legend(name: str, day: int, colours: Palette, px: Callable[[float], int]) -> dict:
    """Whose the hollow markers and grey values are, under the drawing's right end."""
    return {
        "xref": "x2", "yref": "y2", "x": CELL.width - CELL.edge, "y": CELL.input_y, "xanchor": "right",
        "showarrow": False,
        "text": _("{symbol} hollow and grey: {name}, day {day}, same weights").format(
            symbol=COMPARED_SYMBOL, name=f"<b>{name}</b>", day=day
        ),
        "font": {"size": px(13), "color": colours.muted},
    }  # fmt: skip
