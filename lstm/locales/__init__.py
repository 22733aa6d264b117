"""Every sentence a visitor reads, in the visitor's language: gettext over the catalogues in this folder.

Source strings are English. A catalogue is `<language>/LC_MESSAGES/lstm.po` beside this file, compiled in
memory on first use (no build step, nothing written to disk). The language belongs to one script run: the
page sets it with `use` at the start of every run (fragments included), so one visitor's German never
reaches another's page. Anywhere else (the command line, a notebook, a worker thread) it is English.
"""

from __future__ import annotations

import gettext
import io
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

DOMAIN = "lstm"
FOLDER = Path(__file__).parent
SOURCE_LANGUAGE = "en"
# Each language the page offers, by its code in links (`lang=de`), named in its own language for the picker.
LANGUAGES = {"en": "English", "de": "Deutsch", "es": "Español"}

_language: ContextVar[str] = ContextVar("language", default=SOURCE_LANGUAGE)


@lru_cache(maxsize=len(LANGUAGES))
def catalogue(language: str) -> gettext.NullTranslations:
    """The compiled catalogue of `language`; the source language, or one without a catalogue, translates nothing."""
    po_file = FOLDER / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if language == SOURCE_LANGUAGE or not po_file.is_file():
        return gettext.NullTranslations()
    # Babel only where a catalogue is read: the command line and a notebook in English never import it.
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po_file.open("rb") as source:
        messages = read_po(source, locale=language, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, messages, use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def use(language: str) -> None:
    """Speak `language` (a key of LANGUAGES) for the rest of this script run or thread."""
    if language not in LANGUAGES:
        raise ValueError(f"no catalogue for language {language!r}; known: {', '.join(LANGUAGES)}")
    _language.set(language)


def current() -> str:
    """The language this run speaks, as a key of LANGUAGES (part of every cache key of translated output)."""
    return _language.get()


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Speak `language` inside the block, then what was spoken before (for tests and one-off renders)."""
    if language not in LANGUAGES:
        raise ValueError(f"no catalogue for language {language!r}; known: {', '.join(LANGUAGES)}")
    token = _language.set(language)
    try:
        yield
    finally:
        _language.reset(token)


def _(message: str) -> str:
    """`message` (an English source sentence) in the current language; fill its `{named}` places after."""
    return catalogue(_language.get()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The sentence for `count` things in the current language, whose plural rules may differ from English."""
    return catalogue(_language.get()).ngettext(singular, plural, count)


# Outside English a whole number is grouped by a thin space, and not at all at four digits (DIN 5008, the RAE):
# the page writes decimals with a point in every language, so "5.000" or "5,000" would read as five.
_THIN_SPACE = "\u202f"


def whole(number: int) -> str:
    """A count in the current language: 12,345 in English, 12 345 (a thin space) in German and Spanish, 5000."""
    grouped = f"{int(number):,}"
    if _language.get() == SOURCE_LANGUAGE:
        return grouped
    return str(int(number)) if abs(int(number)) < 10_000 else grouped.replace(",", _THIN_SPACE)


def N_(message: str) -> str:  # gettext's conventional name, which Babel's extractor looks for
    """Mark `message` for the catalogue where it is defined (a module constant); translate it with `_` where shown."""
    return message
