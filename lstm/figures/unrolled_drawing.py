"""The unrolled unit's still drawing: where its rows and lines lie, the cells and their tracks, each day's input
under its cell and the rows' names in the left margin; none of it changes from frame to frame."""

from __future__ import annotations

from collections.abc import Callable

from lstm.figures.shapes import arrow, box, line
from lstm.figures.theme import LONG_MEMORY_COLOUR, SHORT_MEMORY_COLOUR, Palette, readable
from lstm.figures.unrolled_compact import day_marks
from lstm.figures.unrolled_layout import cell_layout, is_compact
from lstm.figures.unrolled_names import NAME_PX, NAMES_SHIFT, STANDARD_PX, name_characters, row_names, wrapped
from lstm.locales import _
from lstm.unit.gates import GATES
from lstm.unit.trace import Trace

# One row per stage inside a cell, top to bottom in the order the unit computes them.
ROW_Y = {"long_remember": 4.0, "potential_remember": 3.0, "potential_memory": 2.0, "output": 1.0}
LONG_LINE_Y = 5.25
SHORT_LINE_Y = -0.25
INPUT_Y = -1.35


def day_text(day: int) -> str:
    """A day's name, under its cell and on the slider: "day 3"."""
    return _("day {day}").format(day=day)


def shapes(days: int, colours: Palette) -> list[dict]:
    """The memory lines through every cell (as in the tutorial's drawing), the cells, and each row's empty track."""
    cell = cell_layout(days)
    drawn = [
        line(-0.15, LONG_LINE_Y, days + 0.15, LONG_LINE_Y, LONG_MEMORY_COLOUR, width=5),
        line(-0.15, SHORT_LINE_Y, days + 0.15, SHORT_LINE_Y, SHORT_MEMORY_COLOUR, width=5),
    ]
    compact = is_compact(days)
    for index in range(days):
        drawn.append(box(index + 0.05, index + 0.95, 0.5, 4.5, colours.cell, {"color": colours.muted, "width": 1.5}))
        if not compact:  # compact cells touch both lines: the dotted wires would only blur them
            # Memories enter the cell from the lines and leave it into them.
            drawn.append(line(index + 0.5, 4.5, index + 0.5, LONG_LINE_Y, LONG_MEMORY_COLOUR, dash="dot"))
            drawn.append(line(index + 0.5, 0.5, index + 0.5, SHORT_LINE_Y, SHORT_MEMORY_COLOUR, dash="dot"))
        for gate in GATES:
            left, bar_y = index + cell.bar_start, ROW_Y[gate.field] + cell.bar_y
            low, high = bar_y - cell.bar_height / 2, bar_y + cell.bar_height / 2
            drawn.append(box(left, left + cell.bar_length, low, high, colours.track))
            if not gate.is_percent:  # the zero mark: a candidate can subtract from the memory
                middle = left + cell.bar_length / 2
                drawn.append(line(middle, low - 0.06, middle, high + 0.06, colours.muted))
    return drawn


def day_annotations(trace: Trace, colours: Palette, px: Callable[[float], int]) -> list[dict]:
    """Each day's input below its cell, with an arrow up into it; under compact cells, a day number now and then."""
    if is_compact(len(trace.steps)):
        return day_marks(trace, INPUT_Y, {"size": px(14)}, colours.text)
    annotations = []
    for index, step in enumerate(trace.steps):
        annotations.append(
            {
                "x": index + 0.5, "y": INPUT_Y, "text": f"{day_text(step.day)}<br><b>{step.input:.2f}</b>",
                "showarrow": True, "ax": 0, "ay": 0, "axref": "pixel", "ayref": "pixel",
                "font": {"size": px(16), "color": colours.text},
            }
        )  # fmt: skip
        annotations.append(arrow(index + 0.5, 0.5, index + 0.5, INPUT_Y + 0.35, colours.muted))
    return annotations


def row_labels(colours: Palette, px: Callable[[float], int], wrap: bool = True) -> list[dict]:
    """In the left margin: each stage by the tutorial's name and the textbook's, then the lines and the input, each
    with `wrap` wrapped to the narrow column `names_margin` gives them."""

    def label(text: str, y: float, colour: str) -> dict:
        return {
            "xref": "paper", "x": 0, "xanchor": "right", "xshift": -px(NAMES_SHIFT), "y": y, "showarrow": False,
            "text": text, "font": {"size": px(NAME_PX), "color": colour}, "align": "right",
        }  # fmt: skip

    characters = name_characters(wrap)

    def named(name: str, standard: str | None) -> str:
        lines = [f"<b>{line}</b>" for line in wrapped(name, characters)]
        if standard is not None:
            lines.append(f"<span style='font-size:{px(STANDARD_PX)}px'>{standard}</span>")
        return "<br>".join(lines)

    long_text, short_text = (
        readable(colour, colours.background) for colour in (LONG_MEMORY_COLOUR, SHORT_MEMORY_COLOUR)
    )
    rows = [ROW_Y[gate.field] for gate in GATES] + [LONG_LINE_Y, SHORT_LINE_Y, INPUT_Y]
    colour = [colours.text] * len(GATES) + [long_text, short_text, colours.text]
    return [
        label(named(name, standard), y, shade)
        for (name, standard), y, shade in zip(row_names(), rows, colour, strict=True)
    ]
