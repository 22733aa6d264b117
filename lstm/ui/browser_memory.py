"""One short text the visitor's browser keeps across reloads and server restarts (localStorage), never in the link."""

from __future__ import annotations

import functools

import streamlit as st

from lstm.ui.components import read


@functools.cache
def _component():
    # Registered once per process, on first use. A component of Streamlit's second kind that draws nothing: its
    # script runs in the page, where localStorage is, and reports what it holds with setStateValue.
    return st.components.v2.component("lstm_explorer.browser_memory", html="", js=read("browser_memory.js"))


def _nothing() -> None:
    """The report needs a callback to be kept in the session; the rerun it causes is all the page needs."""


def reported(key: str) -> str | None:
    """What the browser said it holds at the last report: None before its first, "" when it holds nothing."""
    state = st.session_state.get(key)
    value = state.get("stored") if state is not None else None
    return value if isinstance(value, str) else None


def remember(name: str, key: str, value: str | None = None) -> None:
    """Mount the memory for `name` (keyed `key`): `value` is written to the browser ("" forgets; None leaves it).

    The browser reports what it holds (a rerun) whenever that differs from what this session heard last; read it
    with `reported(key)`, before or after this call.
    """
    _component()(
        key=key,
        data={"name": name, "value": value, "known": reported(key)},
        on_stored_change=_nothing,
        height="content",
    )
