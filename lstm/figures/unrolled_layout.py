"""The unrolled figure's sizes and its assembly: how wide the overview must be, and how the compared days and
the opened cell join the overview's traces, layout and frames (beside it or below it)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from lstm.figures.browser_frames import META_KEY, encode
from lstm.figures.cell_detail import ANIMATED as DETAIL_ANIMATED
from lstm.figures.cell_detail import DetailArea, detail_axes, detail_parts, detail_updates
from lstm.figures.compare import ANIMATED as COMPARE_ANIMATED
from lstm.figures.compare import compare_legend, compare_traces, compare_updates
from lstm.figures.theme import Palette, PlainFigure
from lstm.figures.unrolled_compact import as_markers
from lstm.figures.unrolled_names import names_margin, wraps
from lstm.locales import _
from lstm.unit.days import company_of
from lstm.unit.stages import Position
from lstm.unit.trace import Trace

RIGHT_MARGIN = 82  # px right of X_PADDING: room for the prediction's label whatever the width of a cell
LEFT_MARGIN = 175  # px: the opened cell's rows' names, beside the overview (the overview's: names_margin)
X_PADDING = 0.25  # cell widths left of the first node (and right of the last, at least)
MEMORY_BOX_HALF_PX = 36  # half the widest memory value ("-0.3304") and a little room, at the narrowest cell
HIGHLIGHT_WIDTH = 4  # px: the current stage's outline, half of which the plot would clip at its edge
COMPACT_COMPARE_GAP = 0.3  # y units from a memory line to a compared value's hollow point, clear of the line's


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


# Wide cells (up to six days) put the number beside the bar; narrow cells put it above a full-width bar;
# compact cells (from COMPACT_FROM days) hold a thick bar and no number: the day's numbers are in its hover.
WIDE_CELLS = CellLayout(0.08, 0.34, 0.42, 0.0, 0.46, 0.0, "middle right", 14)
NARROW_CELLS = CellLayout(0.12, 0.76, 0.26, -0.14, 0.5, 0.2, "middle center", 14)
COMPACT_CELLS = CellLayout(0.12, 0.76, 0.62, 0.0, 0.5, 0.0, "middle center", 14)
MAX_WIDE_DAYS = 6
# From this many days the cells are compact. Narrow cells need 62 px each: a 1366 px laptop's figure holds 16
# of them beside the rows' names, a 1920 px screen's about 25; past 16 days the numbers would send a laptop's
# figure sideways, where a learner compares days only by scrolling back and forth (the screenshots in
# /tmp/readme-notes/session3 show 12, 24 and 60 days at 390, 1366 and 1920 px).
COMPACT_FROM = 17


# The narrowest cell, in px, that keeps each layout's numbers apart and inside their cells: beside the bar the
# widest number ("-0.3110") needs the cell's right half; above it, the memories' numbers need a cell's width;
# a compact cell only its bars, told apart from the next cell's.
SMALLEST_CELL_PX = {WIDE_CELLS: 104, NARROW_CELLS: 62, COMPACT_CELLS: 16}
COMPACT_BOX_HALF = 0.4  # cells: a compact node's outline, which holds a point and no number


def is_compact(days: int) -> bool:
    return days >= COMPACT_FROM


def cell_layout(days: int) -> CellLayout:
    if is_compact(days):
        return COMPACT_CELLS
    return WIDE_CELLS if days <= MAX_WIDE_DAYS else NARROW_CELLS


def memory_box_half(days: int) -> float:
    """Half a memory box's width, in cells: up to half a cell, where narrow cells' values nearly touch."""
    if is_compact(days):
        return COMPACT_BOX_HALF
    return min(MEMORY_BOX_HALF_PX / SMALLEST_CELL_PX[cell_layout(days)], 0.5)


def right_padding(days: int) -> float:
    """Cell widths right of the last node: its memories' boxes and their outline fit inside the plot."""
    return max(X_PADDING, memory_box_half(days) + HIGHLIGHT_WIDTH / SMALLEST_CELL_PX[cell_layout(days)])


def right_margin(days: int) -> int:
    """The figure's right margin in px: the prediction's room, less what the wider x range already gives it."""
    return RIGHT_MARGIN - round((right_padding(days) - X_PADDING) * SMALLEST_CELL_PX[cell_layout(days)])


# The narrowest the opened cell keeps its labels, weights and sums apart, in px at text scale 1.
OPEN_CELL_MINIMUM_PX = 1040


def _cells_plot_px(days: int) -> float:
    """The narrowest plotting area the overview's cells keep their numbers apart in, in px at text scale 1."""
    return (days + X_PADDING + right_padding(days)) * SMALLEST_CELL_PX[cell_layout(days)]


def minimum_width(days: int, text_scale: float = 1.0, open_cell: bool = False, beside: bool = False) -> int:
    """The narrowest the figure can be drawn with every text apart and whole, in px: narrower, it should scroll.

    An opened cell draws its four stages side by side with their weights and sums, which needs more room
    than four small cells do; `beside` the overview it needs that room as well as the overview's.
    """
    cells = _cells_plot_px(days) + names_margin(wraps(text_scale)) + right_margin(days)
    if open_cell and beside:
        return round((cells + OPEN_CELL_MINIMUM_PX) * text_scale)
    return round(max(cells, OPEN_CELL_MINIMUM_PX if open_cell else 0) * text_scale)


# Heights in pixels (before presenter mode's scale): the overview's plot, the room for the slider under it,
# and the opened cell's detail under that.
OVERVIEW_HEIGHT, CONTROLS_HEIGHT, DETAIL_HEIGHT = 612, 135, 600
TOP_MARGIN, BOTTOM_MARGIN = 10, 20


@dataclass
class Assembly:
    """The unrolled figure as it is put together: its traces and layout, and each frame's updates by trace name.

    The frames update the traces named in `animated`, which the figure holds first, in that order.
    """

    updates: list[dict[str, dict]]  # one per frame
    data: list[dict]
    layout: dict
    animated: list[str] = field(default_factory=list)

    def figure(self, frame_names: Sequence[str], browser: bool = False, still: Sequence[str] = ()) -> PlainFigure:
        """With `browser` the frames go to the page's player as changes (lstm/figures/browser_frames.py), in
        the layout's meta, and the figure has no Plotly frames: a fraction of the size, for a long animation.
        The traces named in `still` then keep what they show first (the page writes the caption itself)."""
        for drawn in self.data:
            _never_dimmed(drawn)
        if browser:
            self.layout["meta"] = {META_KEY: encode(self.updates, self.animated, still)}
            return PlainFigure(self.data, self.layout)
        traces = list(range(len(self.animated)))
        frames = [
            {"name": name, "data": [update[animated] for animated in self.animated], "traces": traces}
            for name, update in zip(frame_names, self.updates, strict=True)
        ]
        return PlainFigure(self.data, self.layout, frames)


def compared_tag(compare: Trace) -> str:
    """How a compared value is prefixed beside the cells: the company's letter for the tutorial's, else a word."""
    company = company_of([step.input for step in compare.steps])
    return _("other") if company is None else company


def with_compare(
    parts: Assembly, trace: Trace, compare: Trace, positions: Sequence[Position], names: tuple[str, str],
    shown: int, lines: tuple[float, float, float], colours: Palette, px: Callable[[float], int],
) -> None:  # fmt: skip
    """Write the compared days' memories beside the overview's lines (`lines`: long, short and legend y)."""
    tag = compared_tag(compare)
    for update, at in zip(parts.updates, positions, strict=True):
        update.update(compare_updates(trace, compare, at, tag))
    long_y, short_y, legend_y = lines
    drawn = compare_traces(len(trace.steps), long_y, short_y, colours, px, parts.updates[shown])
    if is_compact(len(trace.steps)):  # no room for numbers beside the lines: hollow points, their numbers on hover
        as_markers(drawn, parts.updates, COMPARE_ANIMATED, px)
        drawn[0]["y"] = [long_y - COMPACT_COMPARE_GAP] * len(drawn[0]["y"])
        drawn[1]["y"] = [short_y + COMPACT_COMPARE_GAP] * len(drawn[1]["y"])
    parts.data += drawn
    parts.layout["annotations"].append(compare_legend(*names, legend_y, colours, px))
    parts.animated += COMPARE_ANIMATED


def with_detail(
    parts: Assembly, trace: Trace, weights: Mapping[str, float], open_day: int, positions: Sequence[Position],
    shown: int, compare: tuple[Trace, str] | None, beside: bool, colours: Palette, px: Callable[[float], int],
) -> None:  # fmt: skip
    """Open `open_day`'s cell below the overview, or beside it; `compare` is the compared days and their name."""
    compared, compared_name = (None, None) if compare is None else compare
    for update, at in zip(parts.updates, positions, strict=True):
        update.update(detail_updates(trace, weights, open_day, at, colours, compared))
    still, moving, shapes, annotations = detail_parts(
        trace, weights, open_day, colours, px, parts.updates[shown], compared_name
    )
    parts.data += moving + still
    area = _detail_beside(parts.layout, len(trace.steps)) if beside else _detail_below(parts.layout, px)
    parts.layout.update(detail_axes(area))
    parts.layout["shapes"] += shapes
    parts.layout["annotations"] += annotations
    parts.animated += DETAIL_ANIMATED


def _never_dimmed(drawn: dict) -> None:
    """A click selects a point (to open a day or edit a weight); Plotly would then grey out everything else."""
    keep: dict = {"marker": {"opacity": 1}}
    if isinstance(drawn.get("textfont", {}).get("color"), str):
        keep["textfont"] = {"color": drawn["textfont"]["color"]}
    drawn["selected"] = drawn["unselected"] = keep


def _fraction(layout: dict, height: float, px: Callable[[float], int]) -> float:
    """`height` pixels as a fraction of the figure's plotting area."""
    return px(height) / (layout["height"] - layout["margin"]["t"] - layout["margin"]["b"])


def _detail_below(layout: dict, px: Callable[[float], int]) -> DetailArea:
    """Make the figure taller: the overview on top, the slider (if the figure has one) under it, the opened cell
    at the bottom."""
    controls = layout.get("updatemenus", []) + layout.get("sliders", [])
    between = CONTROLS_HEIGHT if controls else BOTTOM_MARGIN
    layout["height"] = TOP_MARGIN + px(OVERVIEW_HEIGHT + between + DETAIL_HEIGHT + BOTTOM_MARGIN)
    layout["margin"]["b"] = px(BOTTOM_MARGIN)
    overview_bottom = _fraction(layout, between + DETAIL_HEIGHT, px)
    layout["yaxis"]["domain"] = [overview_bottom, 1]
    for control in controls:
        control["y"] = overview_bottom - 0.005
    return DetailArea(0, overview_bottom - _fraction(layout, between, px))


def _detail_beside(layout: dict, days: int) -> DetailArea:
    """Share the width: the overview on the left, the opened cell on the right, one slider under both.

    Each part's plotting area gets its share of the narrowest width, and between them the room the overview's
    prediction and the drawing's row names need, as the figure's own margins give them.
    """
    overview = _cells_plot_px(days)
    between = right_margin(days) + LEFT_MARGIN
    drawing = OPEN_CELL_MINIMUM_PX - LEFT_MARGIN - RIGHT_MARGIN
    total = overview + between + drawing
    layout["xaxis"]["domain"] = [0, overview / total]
    return DetailArea(0, 1, (overview + between) / total, 1)
