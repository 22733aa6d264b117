"""Brings the part of the page that changed into view: a new lesson step, a checked answer's cells, a started
run's live cells, the opened cell the player steps through; as a slide show turns a page."""

from __future__ import annotations

import functools

import streamlit as st

from lstm.ui.components import read


@functools.cache
def _component():
    # Registered once per process, on first use rather than at import. A component of Streamlit's second kind
    # that draws nothing: its script (lstm/ui/components/scroll_to.js) runs in the page, where it can scroll
    # Streamlit's main area.
    return st.components.v2.component("lstm_explorer.scroll_to", html="", js=read("scroll_to.js"))


def scroll_to_when_changed(key: str, token: str, show: str | None = None) -> None:
    """Scrolls the container with `key` to the top of the screen when `token` differs from the page's last.

    With `show`, the container with that key is brought into view instead, and only when it is not wholly on the
    screen already: its foot at the screen's foot when it fits, so that what leads up to it shows above it (the
    stage's caption above the cells), else its top under the header. Called after `show` in the script, the
    scroll comes once the container is drawn, and follows it while the charts in it settle their heights.
    """
    _component()(key=f"scroll_to_{key}", data={"key": key, "token": token, "show": show}, height="content")


def keep_in_view_when_stepping(chart_key: str, axis: str = "yaxis2") -> None:
    """When the page's player moves the chart drawn with `chart_key` a step, the part of the chart that changed is
    brought on screen if it is not: the band of the chart's height its `axis` spans (the opened cell, on the
    explorer's figure), else the whole drawing, with the player under it when both fit.

    Nothing moves when the part is on screen already (a projector, a laptop beside the cells), nor when the page is
    drawn: only a step, Play or the position slider the visitor moved scrolls the page.
    """
    _component()(
        key=f"keep_in_view_{chart_key}",
        data={"chart": chart_key, "axis": axis, "player": f"player_{chart_key}"},
        height="content",
    )
