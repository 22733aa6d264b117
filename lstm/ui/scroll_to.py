"""Brings a keyed container to the top of the screen when its content changes, as a slide show turns a page."""

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


def scroll_to_when_changed(key: str, token: str) -> None:
    """Scrolls the container with `key` to the top of the screen when `token` differs from the page's last."""
    _component()(key=f"scroll_to_{key}", data={"key": key, "token": token}, height="content")
