"""The rules of the unrolled unit's numbers as plain data, for a page that redraws them itself for new day values.

A typed day value changes every number after it, and a round trip to the server costs a visitor a few
hundred milliseconds; the page's preview (`lstm/ui/day_preview.py`) computes the unit and rewrites the
cells' numbers, bars, memories and prediction in the browser at once, and the server's figure follows.
Everything the preview needs to draw what `frame_updates` would is here, so the two cannot drift apart
unnoticed: tests hold the preview's texts equal to `frame_updates`' for the same numbers.
"""

from __future__ import annotations

from collections.abc import Mapping

from lstm.figures.unrolled import (
    ANIMATED,
    LONG_MEMORY_SHOWN_FROM,
    ROW_SHOWN_FROM,
    SHORT_MEMORY_SHOWN_FROM,
    UNKNOWN,
    cell_layout,
    prediction_label,
)
from lstm.unit.explain import DECIMALS
from lstm.unit.gates import GATES
from lstm.unit.stages import Position, frame_count


def preview_recipe(days: int, weights: Mapping[str, float]) -> dict:
    """The unit's weights and how the unrolled figure of `days` days shows each number, frame by frame.

    `gates` lists the four stages in the unit's order: each one's weights (on the short-term memory, on
    the input, the bias), its squashing function, its bar trace, whether it is a percentage (shown whole,
    its bar from the left; otherwise a value from -1 to 1 to four decimals, its bar from the middle) and
    from how many known stages it shows. `known[frame][day]` is how many of that day's stages the frame
    has computed. Trace numbers are places in the figure's `data`, which starts with the animated traces
    in `ANIMATED`'s order whatever else the figure draws.
    """
    place = {name: index for index, name in enumerate(ANIMATED)}
    return {
        "gates": [
            {
                "weights": [float(weights[name]) for name in gate.weights],
                "squash": gate.activation,
                "trace": place[f"bars {gate.field}"],
                "percent": gate.is_percent,
                "shown_from": ROW_SHOWN_FROM[gate.field],
            }
            for gate in GATES
        ],
        "bar_length": cell_layout(days).bar_length,
        "values_trace": place["values"],
        "long_trace": place["long memory"],
        "short_trace": place["short memory"],
        "prediction_trace": place["prediction"],
        "long_shown_from": LONG_MEMORY_SHOWN_FROM,
        "short_shown_from": SHORT_MEMORY_SHOWN_FROM,
        "known": [[Position(frame).stages_known(day) for day in range(days)] for frame in range(frame_count(days))],
        "decimals": DECIMALS,
        "unknown": UNKNOWN,
        "prediction_label": prediction_label(),
    }
