"""Answers a typed day value in the browser: the unrolled unit's numbers redrawn before the server's figure comes."""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping, Sequence

import streamlit as st

from lstm.figures.unrolled_preview import preview_recipe
from lstm.ui.components import script, style

KEY_PREFIX = "day_preview_"
# The component draws nothing, so it takes no room either: without this its empty place adds a gap under the
# fields. (A stylesheet alone goes to Streamlit's event container, which takes no room itself.)
TAKES_NO_ROOM = style("day_preview.css")


@functools.cache
def _component():
    # Registered once per process, on first use rather than at import. lstm/ui/components/day_preview.js runs in
    # the page (Streamlit's second kind of component, no iframe) and redraws the chart with unit.js, the
    # browser's unit and the figure's frame rules.
    return st.components.v2.component("lstm_explorer.day_preview", html="", js=script("day_preview.js"))


def day_preview(
    chart_key: str, field_prefix: str, days: Sequence[float], weights: Mapping[str, float], limit: float
) -> None:
    """Redraws the unrolled unit drawn with `chart_key` in the browser when a day field is committed.

    The day fields are the number inputs keyed `field_prefix` + the day's 0-based index, holding `days` now;
    `limit` is their largest magnitude, as the fields accept it.
    """
    settings = {
        "chart": chart_key,
        "field_prefix": field_prefix,
        "days": [float(day) for day in days],
        "min": -limit,
        "max": limit,
        "recipe": preview_recipe(len(days), weights),
    }
    st.html(TAKES_NO_ROOM)
    # One JSON string rather than a dict of lists: Streamlit would look for a table in each list (pandas).
    _component()(key=f"{KEY_PREFIX}{chart_key}", data={"preview": json.dumps(settings)}, height="content")
