"""A second sequence on the same cells: its memories day by day beside the first's, and where they differ most."""

from __future__ import annotations

from collections.abc import Callable

from lstm.figures.theme import Palette
from lstm.locales import _
from lstm.unit.explain import value_text
from lstm.unit.stages import Position
from lstm.unit.trace import Trace

# The traces the frames update, by name, after the overview's own.
ANIMATED = ("compare long memory", "compare short memory")
LONG_GAP, SHORT_GAP = 0.1, 0.1  # from each memory line to the compared values, towards the cells


def largest_gap(main: Trace, other: Trace) -> int:
    """The day (0-based) where the two long-term memories differ most: what the unit carries apart."""
    gaps = [abs(a.long_memory - b.long_memory) for a, b in zip(main.steps, other.steps, strict=True)]
    return gaps.index(max(gaps))


def compare_updates(main: Trace, other: Trace, position: Position, name: str) -> dict[str, dict]:
    """The compared sequence's memories as the animation computes them; the largest gap marked when reached."""
    widest = largest_gap(main, other)
    long_texts, short_texts = [f"{name} {value_text(0)}"], [f"{name} {value_text(0)}"]
    for index, (mine, theirs) in enumerate(zip(main.steps, other.steps, strict=True)):
        known = position.stages_known(index)
        long_text = f"{name} {value_text(theirs.long_memory)}" if known >= 3 else ""
        if known >= 3 and index == widest:
            gap = value_text(abs(theirs.long_memory - mine.long_memory))
            long_text = f"<b>{long_text}</b><br>" + _("largest gap {gap}").format(gap=gap)
        long_texts.append(long_text)
        short_texts.append(f"{name} {value_text(theirs.short_memory)}" if known >= 5 else "")
    return {"compare long memory": {"text": long_texts}, "compare short memory": {"text": short_texts}}


def compare_traces(
    days: int, long_y: float, short_y: float, colours: Palette, px: Callable[[float], int], initial: dict[str, dict]
) -> list[dict]:
    """The compared values under the long line and over the short line, at the same nodes as the first's."""
    common = {
        "type": "scatter", "mode": "text", "x": list(range(days + 1)), "cliponaxis": False, "hoverinfo": "skip",
        "textfont": {"size": px(13), "color": colours.muted},
    }  # fmt: skip
    return [
        {**common, "y": [long_y - LONG_GAP] * (days + 1), "textposition": "bottom center",
         "text": initial["compare long memory"]["text"], "name": "compare long memory"},
        {**common, "y": [short_y + SHORT_GAP] * (days + 1), "textposition": "top center",
         "text": initial["compare short memory"]["text"], "name": "compare short memory"},
    ]  # fmt: skip


def compare_legend(
    main_name: str, other_name: str, bottom: float, colours: Palette, px: Callable[[float], int]
) -> dict:
    """Which values are whose, under the cells: on the lines the first sequence's, beside them the compared one's."""
    return {
        "xref": "paper", "yref": "y", "x": 1, "y": bottom, "xanchor": "right", "yanchor": "top", "showarrow": False,
        "text": _("on the lines: {main} · beside them, in grey: {other}, same weights").format(
            main=f"<b>{main_name}</b>", other=f"<b>{other_name}</b>"
        ),
        "font": {"size": px(13), "color": colours.muted},
    }  # fmt: skip
