"""The visitor's language: the link's `lang`, else the one picked this session, else the browser's, else English."""

from __future__ import annotations

import functools

import streamlit as st

from lstm.locales import LANGUAGES, SOURCE_LANGUAGE, _, current, use
from lstm.ui.components import read
from lstm.ui.link_messages import link_warning
from lstm.unit.numbers import quoted

PARAMETER = "lang"  # the link's word for the language: `lang=de`
CHOSEN = "language"  # session key: the language the link named or the visitor picked, once either did
PICKER = "language_picker"  # key of the picker's select box
BAD_LINK = "language_bad_link"  # an unknown `lang` from the link, said once


def from_browser() -> str | None:
    """The browser's language (navigator.language, "de-AT") when the page speaks it, else None."""
    locale = st.context.locale
    if not isinstance(locale, str):
        return None
    code = locale.replace("_", "-").split("-")[0].strip().lower()
    return code if code in LANGUAGES else None


def _from_link() -> str | None:
    """The link's `lang`, checked at the boundary: an unknown one is kept to be said, and English is spoken."""
    asked = st.query_params.get(PARAMETER)
    if asked is None:
        return None
    code = asked.strip().lower()
    if code in LANGUAGES:
        return code
    st.session_state[BAD_LINK] = asked
    return SOURCE_LANGUAGE


def apply() -> str:
    """Speak the visitor's language for this script run or fragment, and keep it in the link; returns its code.

    Call it first in every script run and first in every fragment's body: a fragment's run starts in English.
    """
    code = _from_link()
    if code is not None:
        st.session_state[CHOSEN] = code
    else:
        code = st.session_state.get(CHOSEN) or from_browser() or SOURCE_LANGUAGE
    use(code)
    # Another page's address starts without the link's words: the language follows the visitor there.
    wanted = link_parameter().get(PARAMETER)
    if wanted is not None and st.query_params.get(PARAMETER) != wanted:
        st.query_params[PARAMETER] = wanted
    return code


def link_parameter() -> dict[str, str]:
    """`{"lang": code}` for a link to this view once a language was chosen or is not English, else nothing."""
    code = current()
    if CHOSEN in st.session_state or code != SOURCE_LANGUAGE:
        return {PARAMETER: code}
    return {}


def _on_pick() -> None:
    code = st.session_state[PICKER]
    st.session_state[CHOSEN] = code
    st.query_params[PARAMETER] = code


# The picker sits at the right of the top bar (60 px high, drawn over the page, empty on the right), on every page
# and at every width; its wrapper leaves the page's flow, so the page starts where it did. A constant: nothing a
# visitor typed goes into markup.
PICKER_CSS = """<style>
[data-testid="stLayoutWrapper"]:has(> .st-key-language_bar) {
  position: fixed; top: 10px; right: 1rem; width: 150px; z-index: 999991;
}
</style>"""


@functools.cache
def _page_language():
    # Registered once per process, on first use. It draws nothing: its script sets the page's lang attribute.
    return st.components.v2.component("lstm_explorer.page_language", html="", js=read("page_language.js"))


def picker() -> None:
    """A small select box of the languages, each named in its own language; a bad `lang` in the link is said below.

    It also tells the browser the page's language, for screen readers' voices and the browser's own words.
    """
    st.session_state[PICKER] = current()
    with st.container(key="language_bar"):
        st.html(PICKER_CSS)  # inside the bar, which is out of the page's flow: the page starts where it did
        _page_language()(key="page_language", data={"lang": current()}, height="content")
        st.selectbox(
            _("Language"),
            list(LANGUAGES),
            format_func=LANGUAGES.get,
            key=PICKER,
            on_change=_on_pick,
            label_visibility="collapsed",
            icon=":material/translate:",
            width=150,
        )
    asked = st.session_state.pop(BAD_LINK, None)
    if asked is not None:
        link_warning(
            _("lang: {value} is not a language of this page; it speaks {languages}").format(
                value=quoted(asked), languages=", ".join(LANGUAGES)
            )
        )
