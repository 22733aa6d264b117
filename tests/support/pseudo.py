"""A pseudo language that brackets every translated string, and a reader of a page's words, to find what missed it.

A page rendered in the pseudo language shows every word that went through the catalogue inside ⟪ ⟫; any
English word left outside the brackets was written past the text layer.
"""

from __future__ import annotations

import gettext
import json
import re
from collections.abc import Iterator

from google.protobuf.json_format import MessageToDict

from lstm.locales import LANGUAGES
from lstm.training.series import STOCKS

OPEN, CLOSE = "⟪", "⟫"
# Fields of Streamlit's element messages that hold words a visitor reads (or hears: help, labels).
TEXT_FIELDS = {"label", "body", "help", "placeholder", "options", "caption", "text", "delta", "title"}
# Where a figure keeps words a visitor reads or hears; a trace's name only when its legend shows it (other
# names identify a trace to the page's scripts, and frame names identify frames).
FIGURE_TEXT_FIELDS = {"text", "hovertemplate", "hovertext", "ticktext", "label", "texttemplate", "prefix"}
# Words that are the same in every language: the tutorial's parameter names, names of things and units.
SAME_IN_EVERY_LANGUAGE = {
    "LSTM", "RNN", "Adam", "PyTorch", "Lightning", "StatQuest", "tanh", "sigmoid", "CSV", "JSON", "PNG", "SVG",
    "HTML", "nn", "ms", "px", "Plotly", "Streamlit", "safetensors", "wlr", "wpr", "blr", "bpr", "wp", "bp", "wo",
    "bo", "ReLU",
}  # fmt: skip
# The example stocks' tickers are names too, and so is each language in the picker, named in its own words.
SAME_IN_EVERY_LANGUAGE |= set(STOCKS) | set(LANGUAGES.values())
_WORD = re.compile(r"[^\W\d_]{2,}")  # letters of any alphabet: Español is one word
_CODE = re.compile(r"`[^`]*`")
_LINK = re.compile(r"\]\([^)]*\)|https?://\S+|[\w.-]+@[\w.-]+")
_BRACKETED = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
# Markup and Plotly's hover placeholders are not words: <br>, <b>, %{y:.2f}, <extra></extra>.
_MARKUP = re.compile(r"<[^>]*>|%\{[^}]*\}")


def forget_translated_output() -> None:
    """Empty every cache of words made in a language: the figures (Streamlit's data cache), each frame's words and
    the handout. The caches key on the language's name, which a patched catalogue leaves as it was."""
    import streamlit as st

    from lstm.explorer.handout import _handout
    from lstm.ui.unrolled_view import _words

    st.cache_data.clear()
    _words.cache_clear()
    _handout.cache_clear()


class Bracketed(gettext.NullTranslations):
    """Every message in brackets: its placeholders still work, so the page renders as it would in a language."""

    def gettext(self, message: str) -> str:
        return f"{OPEN}{message}{CLOSE}"

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return f"{OPEN}{singular if n == 1 else plural}{CLOSE}"


def english_left(text: str) -> list[str]:
    """The words of `text` outside every bracketed (translated) part, code span and link, not the same everywhere."""
    text = _MARKUP.sub(" ", _LINK.sub(" ", _CODE.sub(" ", text)))
    while True:
        inner = _BRACKETED.sub(" ", text)
        if inner == text:
            break
        text = inner
    return [word for word in _WORD.findall(text) if word not in SAME_IN_EVERY_LANGUAGE]


def _strings(value, fields: set[str]) -> Iterator[str]:
    """The strings held directly under one of `fields` (or in a list there), at any depth of `value`."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in fields and isinstance(item, str):
                yield item
            elif key in fields and isinstance(item, list) and all(isinstance(each, str) for each in item):
                yield from item
            else:
                yield from _strings(item, fields)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item, fields)


def _shown(value, key: str = "") -> Iterator[str]:
    """Every string a visitor can read in part of a figure's JSON (a title is a dict or a string), names aside."""
    if isinstance(value, dict):
        for name, item in value.items():
            if name == "title" and isinstance(item, str):
                yield item
            elif name != "name":
                yield from _shown(item, name)
    elif isinstance(value, list):
        for item in value:
            yield from _shown(item, key)
    elif isinstance(value, str) and key in FIGURE_TEXT_FIELDS:
        yield value


def figure_words(figure: dict) -> Iterator[str]:
    """Every text a Plotly figure (as a dict) shows: its traces', its layout's, its frames', legend names."""
    data, layout, frames = figure.get("data", []), figure.get("layout", {}), figure.get("frames", [])
    yield from _shown(data)
    yield from _shown(layout)
    if layout.get("showlegend") is not False:
        yield from (drawn["name"] for drawn in data if drawn.get("showlegend") is not False and "name" in drawn)
    yield from _shown([frame.get("data", []) for frame in frames])
    yield from _shown([frame.get("layout", {}) for frame in frames])


def page_words(app) -> Iterator[tuple[str, str]]:
    """(element type, text) for every text an AppTest page shows, figures' texts included; code blocks left out."""

    def walk(node):
        proto = getattr(node, "proto", None)
        kind = type(node).__name__
        if proto is not None and kind not in ("Code", "Json", "Html"):
            message = MessageToDict(proto)
            if "spec" in message:  # a Plotly figure
                for text in figure_words(json.loads(message["spec"])):
                    yield kind, text
            else:
                for text in _strings(message, TEXT_FIELDS):
                    yield kind, text
        for child in getattr(node, "children", {}).values():
            yield from walk(child)

    yield from walk(app._tree)
