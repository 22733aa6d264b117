"""Plotly figures from plain data: the unrolled unit animated stage by stage, and the gates over the days."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import plotly.graph_objects as go

from lstm.animation import animation_controls
from lstm.explain import STAGES, Position, describe, frame_count
from lstm.trace import Trace

# Okabe-Ito colours: told apart with every common colour-vision deficiency, on light and dark pages.
GATE_COLOURS = {
    "long_remember": "#0072B2",  # blue
    "potential_remember": "#009E73",  # bluish green
    "potential_memory": "#E69F00",  # orange
    "output": "#CC79A7",  # reddish purple
}
LONG_MEMORY_COLOUR = "#D55E00"  # vermillion
SHORT_MEMORY_COLOUR = "#56B4E9"  # sky blue

# One row per stage inside a cell, top to bottom in the order the unit computes them.
ROWS = (
    ("long_remember", "long-remember %", "forget gate", 4.0),
    ("potential_remember", "potential-remember %", "input gate", 3.0),
    ("potential_memory", "potential memory", "candidate", 2.0),
    ("output", "output %", "output gate", 1.0),
)
LONG_LINE_Y = 5.25
SHORT_LINE_Y = -0.25
INPUT_Y = -1.35
CAPTION_Y = 6.55
PREDICTION_GAP = 0.22  # from the last short-memory node to the prediction's label
PREDICTION_WIDTH = 0.7  # room kept right of the cells for that label, in cell widths


@dataclass(frozen=True)
class CellLayout:
    """Where a row's bar and number sit inside a cell of width 1 (axis units, relative to the row)."""

    bar_start: float
    bar_length: float
    bar_height: float
    bar_y: float  # bar centre above (+) or below (-) the row's line
    value_x: float
    value_y: float
    value_position: str  # Plotly textposition of the number
    value_size: int


# Wide cells (up to six days) put the number beside the bar; narrow cells put it above a full-width bar.
WIDE_CELLS = CellLayout(0.12, 0.5, 0.42, 0.0, 0.66, 0.0, "middle right", 16)
NARROW_CELLS = CellLayout(0.12, 0.76, 0.26, -0.14, 0.5, 0.2, "middle center", 14)
MAX_WIDE_DAYS = 6


def cell_layout(days: int) -> CellLayout:
    return WIDE_CELLS if days <= MAX_WIDE_DAYS else NARROW_CELLS


class PlainFigure(go.Figure):
    """A figure given as plain JSON-ready dicts and carried through as it is.

    Plotly builds an object for every trace (about half a millisecond each) and validates every
    animation frame (about two), which alone would exceed the page's redraw budget, and it stamps
    `type: scatter` on frame updates meant for bar traces. These figures are made here from plain
    numbers, so they skip all that: they appear in `to_dict`, which Streamlit, `plotly.io` and
    `write_html` read.
    """

    def __init__(self, data: list[dict], layout: dict, frames: list[dict] | None = None):
        super().__init__(_validate=False)
        self._plain_data, self._plain_layout, self._plain_frames = data, layout, frames or []

    def to_dict(self) -> dict:
        # Shared, not copied: nothing downstream writes to them, and a deep copy costs as much as the build.
        figure = {"data": list(self._plain_data), "layout": dict(self._plain_layout)}
        if self._plain_frames:
            figure["frames"] = list(self._plain_frames)
        return figure


@dataclass(frozen=True)
class Palette:
    """Colours that depend on Streamlit's light or dark theme."""

    text: str
    muted: str
    track: str
    cell: str
    highlight: str
    background: str  # the page's own, so an exported PNG reads the same off the page as on it


LIGHT = Palette(
    text="#1F2430", muted="#5B6270", track="#E4E7EE", cell="#F7F8FB", highlight="#1F2430", background="#FFFFFF"
)
DARK = Palette(
    text="#F2F4F8", muted="#A9B0BC", track="#343A46", cell="#1C2029", highlight="#F2F4F8", background="#0E1117"
)


def palette(dark: bool) -> Palette:
    return DARK if dark else LIGHT


def _stages_known(position: Position, day_index: int) -> int:
    """How many of day `day_index`'s stages are computed at `position` (0 to 5)."""
    if position.day_index is None or day_index > position.day_index:
        return 0
    if day_index < position.day_index:
        return len(STAGES)
    return STAGES.index(position.stage) + 1


def _row_known(row: str, known: int) -> bool:
    needed = {"long_remember": 1, "potential_remember": 2, "potential_memory": 2, "output": 4}
    return known >= needed[row]


def _value_text(row: str, value: float) -> str:
    return f"{value:.2f}" if row == "potential_memory" else f"{value:.0%}"


def _bar(cell: CellLayout, row: str, value: float) -> tuple[float, float]:
    """Base and length of a row's bar: gates fill from the left, potential memory from the middle."""
    if row == "potential_memory":
        return cell.bar_start + cell.bar_length / 2, value * cell.bar_length / 2
    return cell.bar_start, value * cell.bar_length


def _highlight_box(position: Position) -> tuple[list[float], list[float]]:
    """Outline of what the current stage computes, as a closed path."""
    if position.day_index is None:
        left, right, bottom, top = -0.18, 0.18, SHORT_LINE_Y - 0.3, LONG_LINE_Y + 0.3
    else:
        cell = position.day_index
        boxes = {
            "long-remember": (cell + 0.05, cell + 0.95, 3.55, 4.45),
            "potential": (cell + 0.05, cell + 0.95, 1.55, 3.45),
            "long-memory": (cell + 0.8, cell + 1.2, LONG_LINE_Y - 0.35, LONG_LINE_Y + 0.6),
            "output": (cell + 0.05, cell + 0.95, 0.55, 1.45),
            "short-memory": (cell + 0.8, cell + 1.2, SHORT_LINE_Y - 0.6, SHORT_LINE_Y + 0.35),
        }
        left, right, bottom, top = boxes[position.stage]
    return [left, right, right, left, left], [bottom, bottom, top, top, bottom]


def _frame_traces(trace: Trace, weights: Mapping[str, float], position: Position) -> list[dict]:
    """What changes from frame to frame, in the order of the figure's animated traces."""
    days = len(trace.steps)
    cell = cell_layout(days)
    known = [_stages_known(position, index) for index in range(days)]
    updates = []
    for row, *_ in ROWS:
        lengths = [
            round(_bar(cell, row, getattr(step, row))[1], 4) if _row_known(row, k) else 0.0
            for step, k in zip(trace.steps, known, strict=True)
        ]
        updates.append({"x": lengths})
    values = [
        _value_text(row, getattr(step, row)) if _row_known(row, k) else "·"
        for row, *_ in ROWS
        for step, k in zip(trace.steps, known, strict=True)
    ]
    updates.append({"text": values})
    long_text = ["0.00"] + [
        f"{step.long_memory:.3f}" if k >= 3 else "" for step, k in zip(trace.steps, known, strict=True)
    ]
    short_text = ["0.00"] + [
        f"{step.short_memory:.3f}" if k >= 5 else "" for step, k in zip(trace.steps, known, strict=True)
    ]
    updates.append({"text": long_text})
    updates.append({"text": short_text})
    box_x, box_y = _highlight_box(position)
    updates.append({"x": box_x, "y": box_y})
    heading, equations, sentence = describe(position, trace, weights)
    updates.append({"text": [f"<b>{heading}</b><br>" + "<br>".join(equations) + f"<br><i>{sentence}</i>"]})
    # The prediction appears when the last day's short memory does.
    updates.append({"text": [f"<b>prediction</b><br>{trace.prediction:.4f}" if known[-1] == len(STAGES) else ""]})
    return updates


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
    return f"day {position.day_index + 1}" if position.stage == STAGES[0] else ""


def unrolled_figure(
    trace: Trace,
    weights: Mapping[str, float],
    position: Position,
    dark: bool = False,
    frame_ms: int = 700,
    text_scale: float = 1.0,
) -> PlainFigure:
    """One cell per day, both memory lines, every stage's value; frames step through the stages.

    The figure opens at `position`; Play, Pause and the slider run in the browser. `text_scale`
    enlarges every text and the drawing with it, for presenter mode on a projector.
    """

    def px(size: float) -> int:
        return round(size * text_scale)

    colours = palette(dark)
    days = len(trace.steps)
    cell = cell_layout(days)
    shapes: list[dict] = []
    annotations: list[dict] = []

    def line(x0, y0, x1, y1, colour, width=2, dash="solid"):
        shapes.append(
            {
                "type": "line",
                "x0": x0,
                "y0": y0,
                "x1": x1,
                "y1": y1,
                "line": {"color": colour, "width": width, "dash": dash},
                "layer": "below",
            }
        )

    # The memory lines run through every cell, as in the tutorial's drawing.
    line(-0.15, LONG_LINE_Y, days + 0.15, LONG_LINE_Y, LONG_MEMORY_COLOUR, width=5)
    line(-0.15, SHORT_LINE_Y, days + 0.15, SHORT_LINE_Y, SHORT_MEMORY_COLOUR, width=5)
    for index, step in enumerate(trace.steps):
        shapes.append(
            {
                "type": "rect", "x0": index + 0.05, "x1": index + 0.95, "y0": 0.5, "y1": 4.5,
                "line": {"color": colours.muted, "width": 1.5}, "fillcolor": colours.cell, "layer": "below",
            }
        )  # fmt: skip
        # Memories enter the cell from the lines and leave it into them.
        line(index + 0.5, 4.5, index + 0.5, LONG_LINE_Y, LONG_MEMORY_COLOUR, width=2, dash="dot")
        line(index + 0.5, 0.5, index + 0.5, SHORT_LINE_Y, SHORT_MEMORY_COLOUR, width=2, dash="dot")
        for row, _, _, y in ROWS:
            left, bar_y = index + cell.bar_start, y + cell.bar_y
            shapes.append(
                {
                    "type": "rect", "x0": left, "x1": left + cell.bar_length,
                    "y0": bar_y - cell.bar_height / 2, "y1": bar_y + cell.bar_height / 2,
                    "line": {"width": 0}, "fillcolor": colours.track, "layer": "below",
                }
            )  # fmt: skip
            if row == "potential_memory":  # the zero mark: a candidate can subtract from the memory
                middle = left + cell.bar_length / 2
                line(
                    middle,
                    bar_y - cell.bar_height / 2 - 0.06,
                    middle,
                    bar_y + cell.bar_height / 2 + 0.06,
                    colours.muted,
                )
        annotations.append(
            {
                "x": index + 0.5, "y": INPUT_Y, "text": f"day {step.day}<br><b>{step.input:.2f}</b>", "showarrow": True,
                "ax": 0, "ay": 0, "axref": "pixel", "ayref": "pixel", "font": {"size": px(16), "color": colours.text},
            }
        )  # fmt: skip
        annotations.append(
            {
                "x": index + 0.5, "y": 0.5, "ax": index + 0.5, "ay": INPUT_Y + 0.35, "xref": "x", "yref": "y",
                "axref": "x", "ayref": "y", "text": "", "showarrow": True, "arrowhead": 2, "arrowwidth": 2,
                "arrowcolor": colours.muted,
            }
        )  # fmt: skip
    for _, label, standard, y in ROWS:
        annotations.append(
            {
                "xref": "paper", "x": 0, "xanchor": "right", "xshift": -12, "y": y, "showarrow": False,
                "text": f"<b>{label}</b><br><span style='font-size:{px(12)}px'>{standard}</span>",
                "font": {"size": px(14), "color": colours.text}, "align": "right",
            }
        )  # fmt: skip
    for text, y, colour in (
        (
            f"<b>long-term memory</b><br><span style='font-size:{px(12)}px'>cell state</span>",
            LONG_LINE_Y,
            LONG_MEMORY_COLOUR,
        ),
        (
            f"<b>short-term memory</b><br><span style='font-size:{px(12)}px'>hidden state</span>",
            SHORT_LINE_Y,
            SHORT_MEMORY_COLOUR,
        ),
        ("<b>input</b>", INPUT_Y, colours.text),
    ):
        annotations.append(
            {
                "xref": "paper", "x": 0, "xanchor": "right", "xshift": -12, "y": y, "showarrow": False,
                "text": text, "font": {"size": px(14), "color": colour}, "align": "right",
            }
        )  # fmt: skip

    frame_data = [_frame_traces(trace, weights, Position(frame)) for frame in range(frame_count(days))]
    initial = frame_data[position.frame]  # the figure opens showing this frame
    value_positions = [(index + cell.value_x, y + cell.value_y) for _, _, _, y in ROWS for index in range(days)]
    node_x = list(range(days + 1))
    data = [
        dict(
            type="bar",
            orientation="h",
            y=[y + cell.bar_y] * days,
            base=[index + _bar(cell, row, 0)[0] for index in range(days)],
            x=initial[number]["x"],
            width=cell.bar_height,
            marker={"color": GATE_COLOURS[row], "line": {"width": 0}},
            name=label,
            hovertemplate=f"{label}: %{{x:.3f}}<extra></extra>"
            if row == "potential_memory"
            else f"{label}<extra></extra>",
        )
        for number, (row, label, _, y) in enumerate(ROWS)
    ]
    memory_marker = {"size": px(13), "line": {"color": colours.cell, "width": 2}}
    data += [
        _text_trace(
            [x for x, _ in value_positions],
            [y for _, y in value_positions],
            initial[4]["text"],
            cell.value_position,
            {"size": px(cell.value_size), "color": colours.text},
        ),
        _text_trace(
            node_x,
            [LONG_LINE_Y] * (days + 1),
            initial[5]["text"],
            "top center",
            {"size": px(15), "color": colours.text},
            marker={**memory_marker, "color": LONG_MEMORY_COLOUR},
        ),
        _text_trace(
            node_x,
            [SHORT_LINE_Y] * (days + 1),
            initial[6]["text"],
            "bottom center",
            {"size": px(15), "color": colours.text},
            marker={**memory_marker, "color": SHORT_MEMORY_COLOUR},
        ),
        {
            "type": "scatter",
            "x": initial[7]["x"],
            "y": initial[7]["y"],
            "mode": "lines",
            "line": {"color": colours.highlight, "width": 4},
            "hoverinfo": "skip",
        },
        _text_trace(
            [days / 2], [CAPTION_Y], initial[8]["text"], "middle center", {"size": px(17), "color": colours.text}
        ),
        _text_trace(
            [days + PREDICTION_GAP],
            [SHORT_LINE_Y],
            initial[9]["text"],
            "middle right",
            {"size": px(15), "color": colours.text},
        ),
    ]
    animated = list(range(len(data)))
    frames = [
        {"name": _frame_name(Position(frame)), "data": updates, "traces": animated}
        for frame, updates in enumerate(frame_data)
    ]
    layout = dict(
        height=px(640),
        margin={"l": px(175), "r": 10, "t": 10, "b": px(95)},
        showlegend=False,
        paper_bgcolor=colours.background,
        plot_bgcolor="rgba(0,0,0,0)",
        font={"color": colours.text, "size": px(14)},
        xaxis={"range": [-0.25, days + PREDICTION_GAP + PREDICTION_WIDTH], "visible": False, "fixedrange": True},
        yaxis={"range": [INPUT_Y - 0.55, CAPTION_Y + 0.75], "visible": False, "fixedrange": True},
        barmode="overlay",
        shapes=shapes,
        annotations=annotations,
        **animation_controls(
            colours,
            [_frame_name(Position(frame)) for frame in range(frame_count(days))],
            [_slider_label(Position(frame)) for frame in range(frame_count(days))],
            frame_ms,
            active=position.frame,
            font_size=px(15),
        ),
    )
    return PlainFigure(data, layout, frames)


def gates_over_days_figure(trace: Trace, dark: bool = False) -> PlainFigure:
    """The four gate values and both memories across the days, in the diagram's colours."""
    colours = palette(dark)
    day_numbers = [step.day for step in trace.steps]
    series = [(row, label, GATE_COLOURS[row], "solid") for row, label, _, _ in ROWS] + [
        ("long_memory", "long-term memory", LONG_MEMORY_COLOUR, "dash"),
        ("short_memory", "short-term memory", SHORT_MEMORY_COLOUR, "dash"),
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
            "hovertemplate": f"day %{{x}}: {label} %{{y:.3f}}<extra></extra>",
        }
        for field, label, colour, dash in series
    ]
    layout = chart_layout(colours, 380, "day", "value")
    layout["xaxis"]["dtick"] = 1
    layout["hovermode"] = "x unified"
    return PlainFigure(data, layout)


def chart_layout(colours: Palette, height: int, x_title: str, y_title: str) -> dict:
    """The layout every line chart of the app shares: transparent, themed, legend below."""
    return {
        "height": height,
        "margin": {"l": 70, "r": 20, "t": 10, "b": 10},
        "paper_bgcolor": colours.background,
        "plot_bgcolor": "rgba(0,0,0,0)",
        "font": {"color": colours.text, "size": 14},
        "legend": {"orientation": "h", "y": -0.3, "yanchor": "top", "font": {"size": 14}},
        "xaxis": {
            "title": {"text": x_title, "standoff": 6},
            "automargin": True,
            "gridcolor": colours.track,
            "zerolinecolor": colours.muted,
        },
        "yaxis": {
            "title": {"text": y_title, "standoff": 6},
            "automargin": True,
            "gridcolor": colours.track,
            "zerolinecolor": colours.muted,
        },
    }
