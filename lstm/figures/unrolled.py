"""The unrolled unit as a Plotly figure: one cell per day, both memory lines, frames stepping through the stages."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from lstm.figures.animation import animation_controls
from lstm.figures.browser_frames import META_KEY as META_KEY  # where a long animation's frames go
from lstm.figures.theme import LONG_MEMORY_COLOUR, SHORT_MEMORY_COLOUR, Palette, PlainFigure, chart_layout, palette
from lstm.figures.unrolled_compact import HOVER, hover_trace, hover_versions
from lstm.figures.unrolled_drawing import INPUT_Y, LONG_LINE_Y, ROW_Y, SHORT_LINE_Y, day_annotations, row_labels, shapes
from lstm.figures.unrolled_drawing import day_text as day_text  # the slider's and the tests' name for a day
from lstm.figures.unrolled_frames import (
    ANIMATED,
    CAPTION_TOP,
    CAPTION_Y,
    PREDICTION_X,
    PREDICTION_Y,
    ROW_SHOWN_FROM,
    bar,
)

# Where the page's preview, the browser's unit and the tests have always found the frames' rules.
from lstm.figures.unrolled_frames import CAPTION_LINE_CHARACTERS as CAPTION_LINE_CHARACTERS
from lstm.figures.unrolled_frames import LONG_MEMORY_SHOWN_FROM as LONG_MEMORY_SHOWN_FROM
from lstm.figures.unrolled_frames import SHORT_MEMORY_SHOWN_FROM as SHORT_MEMORY_SHOWN_FROM
from lstm.figures.unrolled_frames import UNKNOWN as UNKNOWN
from lstm.figures.unrolled_frames import frame_updates as frame_updates
from lstm.figures.unrolled_frames import prediction_label as prediction_label
from lstm.figures.unrolled_layout import (
    BOTTOM_MARGIN,
    CONTROLS_HEIGHT,
    OVERVIEW_HEIGHT,
    TOP_MARGIN,
    X_PADDING,
    Assembly,
    cell_layout,
    is_compact,
    right_margin,
    right_padding,
    with_compare,
    with_detail,
)
from lstm.figures.unrolled_layout import minimum_width as minimum_width  # where the page has always found it
from lstm.figures.unrolled_names import names_margin, wraps
from lstm.locales import _
from lstm.unit.gates import GATES
from lstm.unit.stages import STAGES, Position, frame_count
from lstm.unit.trace import Trace


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
            "base": [index + bar(cell, gate.field, 0)[0] for index in range(days)],
            "x": initial[f"bars {gate.field}"]["x"], "width": cell.bar_height,
            "marker": {"color": gate.colour, "line": {"width": 0}}, "name": gate.tutorial, "meta": {"gate": gate.field},
            "hovertemplate": _("{gate}: click to open this day").format(gate=gate.tutorial) + "<extra></extra>",
        }
        for gate in GATES
    ]  # fmt: skip
    compact = is_compact(days)
    if compact:  # the invisible bar over each cell answers the mouse with the day's numbers
        for drawn in bars:
            drawn["hoverinfo"] = "skip"
            del drawn["hovertemplate"]
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
        _layout(trace, colours, px, positions, frame_ms, position, controls, wraps(text_scale)),
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
    position: Position, controls: bool, wrap: bool,
) -> dict:  # fmt: skip
    days = len(trace.steps)
    under = CONTROLS_HEIGHT if controls else BOTTOM_MARGIN  # the room under the plot: the slider's, or a little
    layout = chart_layout(
        colours,
        TOP_MARGIN + px(OVERVIEW_HEIGHT + under),
        margin={"l": px(names_margin(wrap)), "r": px(right_margin(days)), "t": TOP_MARGIN, "b": px(under)},
        font_size=px(14),
        legend=None,
        xaxis={"range": [-X_PADDING, days + right_padding(days)], "visible": False, "fixedrange": True},
        yaxis={"range": [INPUT_Y - 0.55, CAPTION_TOP], "visible": False, "fixedrange": True, "domain": [0, 1]},
        barmode="overlay",
        shapes=shapes(days, colours),
        annotations=day_annotations(trace, colours, px) + row_labels(colours, px, wrap),
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
