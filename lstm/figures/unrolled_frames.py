"""What the unrolled unit shows at each stage: the bars' lengths, the numbers in the cells and on both memory
lines, the outline of what the stage computes, the caption and the prediction, none before it is computed."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping

from lstm.figures.unrolled_compact import HOVER, day_hover, hover_versions
from lstm.figures.unrolled_drawing import LONG_LINE_Y, SHORT_LINE_Y
from lstm.figures.unrolled_layout import X_PADDING, CellLayout, cell_layout, is_compact, memory_box_half
from lstm.locales import _
from lstm.unit.explain import describe, value_text
from lstm.unit.gates import GATES
from lstm.unit.stages import Position
from lstm.unit.trace import Trace

# The caption above the cells: up to eight lines (a heading, two equations and a sentence, each wrapped), so
# it fits the narrowest figure a screen shows before the figure scrolls sideways.
CAPTION_Y, CAPTION_TOP = 7.25, 8.65
CAPTION_LINE_CHARACTERS = 72
# The prediction sits right of the last cell, above the short-memory line: clear of the last node's values.
PREDICTION_X, PREDICTION_Y = 0.1, 0.5  # x from the last node, in cell widths

# The traces that change from frame to frame, by name, in the order the figure holds them: a bar trace
# per gate, the numbers in the cells, both memory lines' values, the highlight, the caption, the prediction.
ANIMATED = (*(f"bars {gate.field}" for gate in GATES), "values", "long memory", "short memory", "highlight",
            "caption", "prediction")  # fmt: skip


# How many of a day's stages must be computed before each number shows: a row's gate (the two remember rows
# are computed together), then the long memory, the output, the short memory. Until then a cell shows
# UNKNOWN and a memory nothing. The page's preview (lstm/figures/unrolled_preview.py) follows the same rules.
ROW_SHOWN_FROM = {"long_remember": 1, "potential_remember": 2, "potential_memory": 2, "output": 4}
LONG_MEMORY_SHOWN_FROM, SHORT_MEMORY_SHOWN_FROM = 3, 5
UNKNOWN = "·"


def prediction_label() -> str:
    """What the prediction's number follows, right of the last cell: "prediction" in bold, on its own line."""
    return "<b>" + _("prediction") + "</b><br>"


def _row_known(row: str, known: int) -> bool:
    return known >= ROW_SHOWN_FROM[row]


def _value_text(row: str, value: float) -> str:
    """In the overview's cells, gates as whole percentages (the detail and the caption give two decimals)."""
    return value_text(value) if row == "potential_memory" else f"{value:.0%}"


def bar(cell: CellLayout, row: str, value: float) -> tuple[float, float]:
    """Base and length of a row's bar: gates fill from the left, potential memory from the middle."""
    if row == "potential_memory":
        return cell.bar_start + cell.bar_length / 2, value * cell.bar_length / 2
    return cell.bar_start, value * cell.bar_length


# The memory stages' boxes hold the node's value, above the long line or under the short one, and end just
# past the line, short of a compared value on its other side (their width: `memory_box_half`). The first
# node's boxes stop at the plot's left edge, short of the rows' names; the last node's fit the plot, whose
# x range reaches past them (`right_padding`).
PAST_THE_LINE = 0.05  # y units: about 3 px, under the compared values' first pixel


def _memory_box(node: int, days: int, line: str) -> tuple[float, float, float, float]:
    """Left, right, bottom and top of the box around a memory line's value at `node` (0 is the start)."""
    half = memory_box_half(days)
    left = max(node - half, -X_PADDING)
    if line == "long":
        return left, node + half, LONG_LINE_Y - PAST_THE_LINE, LONG_LINE_Y + 0.6
    return left, node + half, SHORT_LINE_Y - 0.6, SHORT_LINE_Y + PAST_THE_LINE


def _highlight_box(position: Position, days: int) -> tuple[list[float | None], list[float | None]]:
    """Outline of what the current stage computes, as closed paths (a None between two): never through a number.

    At the start, both memories' zeros; each day, the row or the memory it computes.
    """
    if position.day_index is None:
        boxes = [_memory_box(0, days, "long"), _memory_box(0, days, "short")]
    else:
        cell = position.day_index
        boxes = [{
            "long-remember": (cell + 0.05, cell + 0.95, 3.55, 4.45),
            "potential": (cell + 0.05, cell + 0.95, 1.55, 3.45),
            "long-memory": _memory_box(cell + 1, days, "long"),
            "output": (cell + 0.05, cell + 0.95, 0.55, 1.45),
            "short-memory": _memory_box(cell + 1, days, "short"),
        }[position.stage]]  # fmt: skip
    xs: list[float | None] = []
    ys: list[float | None] = []
    for left, right, bottom, top in boxes:
        if xs:
            xs.append(None)
            ys.append(None)
        xs += [left, right, right, left, left]
        ys += [bottom, bottom, top, top, bottom]
    return xs, ys


def frame_updates(
    trace: Trace, weights: Mapping[str, float], position: Position, hover: list[list[str]] | None = None
) -> dict[str, dict]:
    """What each animated trace shows at `position`, by name: values not computed yet are blank.

    Compact cells' hover texts come from `hover` (`hover_versions` of the trace, made once for every frame).
    """
    cell = cell_layout(len(trace.steps))
    known = [position.stages_known(index) for index in range(len(trace.steps))]
    steps = list(zip(trace.steps, known, strict=True))
    updates = {
        f"bars {gate.field}": {
            "x": [round(bar(cell, gate.field, getattr(step, gate.field))[1], 4) if _row_known(gate.field, k) else 0.0
                  for step, k in steps]
        }
        for gate in GATES
    }  # fmt: skip
    if is_compact(len(trace.steps)):
        # No number fits a compact cell: the day's numbers are its hover's, as far as the animation has come.
        updates["values"] = {"text": [""] * (len(GATES) * len(steps))}
        updates["long memory"] = updates["short memory"] = {"text": [""] * (len(steps) + 1)}
        versions = hover if hover is not None else hover_versions(trace, ROW_SHOWN_FROM)
        updates[HOVER] = {"hovertext": day_hover(versions, position)}
    else:
        updates.update(_cell_numbers(steps))
    box_x, box_y = _highlight_box(position, len(trace.steps))
    updates["highlight"] = {"x": box_x, "y": box_y}
    heading, equations, sentence = describe(position, trace, weights)
    updates["caption"] = {"text": [_caption(heading, equations, sentence)]}
    # The prediction appears when the last day's short memory does.
    finished = known[-1] >= SHORT_MEMORY_SHOWN_FROM
    updates["prediction"] = {"text": [prediction_label() + value_text(trace.prediction) if finished else ""]}
    return updates


def _cell_numbers(steps: list) -> dict[str, dict]:
    """The numbers in the cells and on both memory lines, for the `(step, stages known)` of each day."""
    zero = value_text(0)
    return {
        "values": {
            "text": [
                _value_text(gate.field, getattr(step, gate.field)) if _row_known(gate.field, k) else UNKNOWN
                for gate in GATES
                for step, k in steps
            ]
        },
        "long memory": {
            "text": [zero] + [value_text(step.long_memory) if k >= LONG_MEMORY_SHOWN_FROM else "" for step, k in steps]
        },
        "short memory": {
            "text": [zero]
            + [value_text(step.short_memory) if k >= SHORT_MEMORY_SHOWN_FROM else "" for step, k in steps]
        },
    }


def _caption(heading: str, equations: list[str], sentence: str) -> str:
    """The stage's heading, equations and sentence, each wrapped to lines short enough for a tablet's figure."""

    def lines(text: str, tag: str = "") -> list[str]:
        close = tag.replace("<", "</")
        return [f"{tag}{line}{close}" for line in textwrap.wrap(text, CAPTION_LINE_CHARACTERS, break_long_words=False)]

    return "<br>".join(lines(heading, "<b>") + [line for equation in equations for line in lines(equation)]
                       + lines(sentence, "<i>"))  # fmt: skip
