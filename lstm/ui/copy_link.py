"""The share link as a field to select and a button that copies it: light enough for a first visit."""

from __future__ import annotations

import functools

import streamlit as st

from lstm.locales import _
from lstm.ui.components import read


@functools.cache
def _component():
    # Registered once per process, on first use rather than at import. A component of Streamlit's second kind
    # (in the page, no iframe) instead of st.code, which would bring a 1.6 MB syntax highlighter to every
    # first visit for one line of plain text.
    return st.components.v2.component(
        "lstm_explorer.copy_link",
        html=read("copy_link.html"),
        css=read("copy_link.css"),
        js=read("copy_link.js"),
        isolate_styles=True,
    )


def copy_link(link: str, *, label: str | None = None, key: str = "copy_link") -> None:
    """A read-only field holding `link`, selected on focus, and a Copy link button that says when it copied.

    `label` names the field for screen readers (by default "Link to this view", in the visitor's language).
    """
    _component()(
        key=key,
        data={
            "link": link,
            "label": label if label is not None else _("Link to this view"),
            "button": _("Copy link"),
            "copied": _("Copied"),
            # Without a secure origin (plain http on a LAN address) the browser refuses the clipboard.
            "select": _("Selected: press Ctrl+C (⌘C) to copy"),
        },
        width="stretch",
        height="content",
    )
