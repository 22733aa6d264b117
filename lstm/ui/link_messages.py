"""How every page says that a value in its link could not be used: one warning, the visitor's text escaped."""

from __future__ import annotations

import streamlit as st

from lstm.locales import _
from lstm.ui.text import escape_markdown


def link_warning(message: str) -> None:
    """The page's warning for one unusable link value; `message` names the field and may quote a visitor's text."""
    st.warning(
        _("The link had a value that could not be used, so its default is shown: {message}").format(
            message=escape_markdown(message)
        ),
        icon=":material/link_off:",
    )
