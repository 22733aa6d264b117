"""The unrolled unit as a Plotly figure: one cell per day, both memory lines, frames stepping through the stages."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Mapping

from lstm.figures.animation import animation_controls
from lstm.figures.browser_frames import META_KEY as META_KEY  # where a long animation's frames go
from lstm.figures.theme import LONG_MEMORY_COLOUR, SHORT_MEMORY_COLOUR, Palette, PlainFigure, chart_layout, palette
from lstm.figures.unrolled_compact import HOVER, day_hover, hover_trace, hover_versions
from lstm.figures.unrolled_drawing import INPUT_Y, LONG_LINE_Y, ROW_Y, SHORT_LINE_Y, day_annotations, row_labels, shapes
from lstm.figures.unrolled_drawing import day_text as day_text  # the slider's and the tests' name for a day
from lstm.figures.unrolled_layout import (
    BOTTOM_MARGIN,
    CONTROLS_HEIGHT,
    OVERVIEW_HEIGHT,
    TOP_MARGIN,
    X_PADDING,
    Assembly,
    CellLayout,
    cell_layout,
    is_compact,
    memory_box_half,
    right_margin,
    right_padding,
    with_compare,
    with_detail,
)
from lstm.figures.unrolled_layout import minimum_width as minimum_width  # where the page has always found it
from lstm.figures.unrolled_names import names_margin
from lstm.locales import _
from lstm.unit.explain import describe, value_text
from lstm.unit.gates import GATES
from lstm.unit.stages import STAGES, Position, frame_count
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


def _bar(cell: CellLayout, row: str, value: float) -> tuple[float, float]:
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
            "x": [round(_bar(cell, gate.field, getattr(step, gate.field))[1], 4) if _row_known(gate.field, k) else 0.0
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


def _text_trace(x: list, y: list, text: list, position: str, font: dict, marker: dict | None = None) -> dict:
    """Numbers drawn at points, free to spill past the plot area; with a marker, the points show too."""
    trace = {
        "type": "scatter",
        "x": x,
        "y": y,
        "mode": "text" if marker is None else "markers+text",
        "text": text,
        "textposition": position,
        "textfont": font,
        "cliponaxis": False,
        "hoverinfo": "skip",
    }
    if marker is not None:
        trace["marker"] = marker
    return trace


def _frame_name(position: Position) -> str:
    return str(position.frame)


def _slider_label(position: Position) -> str:
    """A label at each day's first stage; the start sits too close to day 1 to carry one."""
    if position.day_index is None:
        return ""
    return day_text(position.day_index + 1) if position.stage == STAGES[0] else ""


def _traces(days: int, colours: Palette, px: Callable[[float], int], initial: dict[str, dict]) -> list[dict]:
    """The animated traces in ANIMATED's order, showing the opening frame `initial`."""
    cell = cell_layout(days)
    bars = [
        {
            "type": "bar", "orientation": "h", "y": [ROW_Y[gate.field] + cell.bar_y] * days,
            "base": [index + _bar(cell, gate.field, 0)[0] for index in range(days)],
            "x": initial[f"bars {gate.field}"]["x"], "width": cell.bar_height,
            "marker": {"color": gate.colour, "line": {"width": 0}}, "name": gate.tutorial, "meta": {"gate": gate.field},
            "hovertemplate": _("{gate}: click to open this day").format(gate=gate.tutorial) + "<extra></extra>",
        }
        for gate in GATES
    ]  # fmt: skip
    compact = is_compact(days)
    if compact:  # the invisible bar over each cell answers the mouse with the day's numbers
        for bar in bars:
            bar["hoverinfo"] = "skip"
            del bar["hovertemplate"]
    value_positions = [
        (index + cell.value_x, ROW_Y[gate.field] + cell.value_y) for gate in GATES for index in range(days)
    ]
    memory_marker = {"size": px(9 if compact else 13), "line": {"color": colours.cell, "width": 1 if compact else 2}}
    nodes = list(range(days + 1))
    text_font = {"size": px(15), "color": colours.text}
    return [
        *bars,
        _text_trace(
            [x for x, __ in value_positions], [y for __, y in value_positions], initial["values"]["text"],
            cell.value_position, {"size": px(cell.value_size), "color": colours.text},
        ),
        _text_trace(nodes, [LONG_LINE_Y] * (days + 1), initial["long memory"]["text"], "top center", text_font,
                    marker={**memory_marker, "color": LONG_MEMORY_COLOUR}),
        _text_trace(nodes, [SHORT_LINE_Y] * (days + 1), initial["short memory"]["text"], "bottom center", text_font,
                    marker={**memory_marker, "color": SHORT_MEMORY_COLOUR}),
        {
            "type": "scatter", "x": initial["highlight"]["x"], "y": initial["highlight"]["y"], "mode": "lines",
            "line": {"color": colours.highlight, "width": 4}, "hoverinfo": "skip",
        },
        _text_trace([days / 2], [CAPTION_Y], initial["caption"]["text"], "middle center",
                    {"size": px(15), "color": colours.text}),
        _text_trace([days + PREDICTION_X], [PREDICTION_Y], initial["prediction"]["text"], "middle right", text_font),
    ]  # fmt: skip


def unrolled_figure(
    trace: Trace,
    weights: Mapping[str, float],
    position: Position,
    dark: bool = False,
    frame_ms: int = 700,
    text_scale: float = 1.0,
    open_day: int | None = None,
    compare: Trace | None = None,
    names: tuple[str, str] | None = None,
    detail_beside: bool = False,
    controls: bool = True,
    browser_frames: bool | None = None,
) -> PlainFigure:
    """One cell per day, both memory lines, every stage's value; frames step through the stages.

    The figure opens at `position`; Play, Pause and the slider run in the browser. Without `controls` it has
    neither, and its frames are played by the page's own player (lstm.ui.player), the one set of controls
    there; a notebook and the exported file keep Plotly's. `text_scale`
    enlarges every text and the drawing with it, for presenter mode on a projector. `open_day`
    (0-based) draws that day's cell opened up below the overview (right of it with `detail_beside`, for a
    wide screen), moved by the same frames. `compare` (as many days) writes a second sequence's memories
    beside the first's; `names` says whose is whose. From COMPACT_FROM days the cells are compact: bars and
    colour, each day's numbers in its hover. `browser_frames` sends the frames as changes the page's player
    replays (lstm/figures/browser_frames.py), without the caption's, which the page writes itself; the
    default does so for compact cells, whose Plotly frames would weigh megabytes. Plotly's own Play and
    slider (a notebook, the exported file) need `browser_frames=False`.
    """

    def px(size: float) -> int:
        return round(size * text_scale)

    colours = palette(dark)
    names = names or (_("these days"), _("compared"))
    positions = [Position(frame) for frame in range(frame_count(len(trace.steps)))]
    hover = hover_versions(trace, ROW_SHOWN_FROM) if is_compact(len(trace.steps)) else None
    updates = [frame_updates(trace, weights, at, hover) for at in positions]
    shown = position.frame
    parts = Assembly(
        updates,
        _traces(len(trace.steps), colours, px, updates[shown]),
        _layout(trace, colours, px, positions, frame_ms, position, controls),
        list(ANIMATED),
    )
    if is_compact(len(trace.steps)):
        parts.data.append(hover_trace(len(trace.steps), updates[shown][HOVER]["hovertext"]))
        parts.animated.append(HOVER)
    if compare is not None:
        lines = (LONG_LINE_Y, SHORT_LINE_Y, INPUT_Y - 0.45)  # the compare legend under the inputs
        with_compare(parts, trace, compare, positions, names, shown, lines, colours, px)
    if open_day is not None:
        compared = None if compare is None else (compare, names[1])
        with_detail(parts, trace, weights, open_day, positions, shown, compared, detail_beside, colours, px)
    browser = is_compact(len(trace.steps)) if browser_frames is None else browser_frames
    return parts.figure([_frame_name(at) for at in positions], browser, still=("caption",))


def _layout(
    trace: Trace, colours: Palette, px: Callable[[float], int], positions: list[Position], frame_ms: int,
    position: Position, controls: bool,
) -> dict:  # fmt: skip
    days = len(trace.steps)
    under = CONTROLS_HEIGHT if controls else BOTTOM_MARGIN  # the room under the plot: the slider's, or a little
    layout = chart_layout(
        colours,
        TOP_MARGIN + px(OVERVIEW_HEIGHT + under),
        margin={"l": px(names_margin()), "r": px(right_margin(days)), "t": TOP_MARGIN, "b": px(under)},
        font_size=px(14),
        legend=None,
        xaxis={"range": [-X_PADDING, days + right_padding(days)], "visible": False, "fixedrange": True},
        yaxis={"range": [INPUT_Y - 0.55, CAPTION_TOP], "visible": False, "fixedrange": True, "domain": [0, 1]},
        barmode="overlay",
        shapes=shapes(days, colours),
        annotations=day_annotations(trace, colours, px) + row_labels(colours, px),
    )
    if controls:
        layout.update(
            animation_controls(
                colours,
                [_frame_name(at) for at in positions],
                [_slider_label(at) for at in positions],
                frame_ms,
                active=position.frame,
                font_size=px(15),
                stacked=True,
            )
        )
    return layout
