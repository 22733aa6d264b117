"""Brings a keyed container to the top of the screen when its content changes, as a slide show turns a page."""

from __future__ import annotations

import functools

import streamlit as st

# A custom component of Streamlit's second kind: it draws nothing, and its script runs in the page itself,
# where it can scroll Streamlit's main area. The last token is kept on the window, so a reload (a fresh
# page, where the visitor starts at the top) never scrolls, and a rerun that keeps the token leaves the
# visitor where they scrolled to.
JS = """\
export default function ({ data }) {
  const seen = (window.lstmExplorerScrolled ??= {});
  const before = seen[data.key];
  seen[data.key] = data.token;
  if (before === undefined || before === data.token) return;
  const target = document.querySelector(`.st-key-${data.key}`);
  const header = document.querySelector('[data-testid="stHeader"]');
  if (!target) return;
  // Below Streamlit's header bar, which lies over the top of the main area.
  target.style.scrollMarginTop = `${(header ? header.getBoundingClientRect().bottom : 0) + 8}px`;
  target.scrollIntoView({ block: 'start', behavior: 'instant' });
}
"""


@functools.cache
def _component():
    # Registered once per process, on first use rather than at import.
    return st.components.v2.component("lstm_explorer.scroll_to", html="", js=JS)


def scroll_to_when_changed(key: str, token: str) -> None:
    """Scrolls the container with `key` to the top of the screen when `token` differs from the page's last."""
    _component()(key=f"scroll_to_{key}", data={"key": key, "token": token}, height="content")
