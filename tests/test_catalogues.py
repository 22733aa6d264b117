"""Every catalogue is complete: each sentence the code says has a translation, none fuzzy, every place kept."""

import re

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from lstm import locales
from tests.support.paths import REPO

TRANSLATED = sorted(set(locales.LANGUAGES) - {locales.SOURCE_LANGUAGE})
_PLACE = re.compile(r"\{(\w*)[^{}]*\}")


def source_messages() -> set[str | tuple[str, str]]:
    """What `pybabel extract -F babel.cfg` finds in the package: msgids, and (singular, plural) pairs."""
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(REPO / "lstm", [("**.py", "python")]):
        found.add(message if isinstance(message, str) else tuple(message))
    return found


def catalogue_of(language: str):
    with (locales.FOLDER / language / "LC_MESSAGES" / f"{locales.DOMAIN}.po").open("rb") as po_file:
        return read_po(po_file, locale=language)


def places(text: str) -> set[str]:
    return set(_PLACE.findall(text))


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_sentence_the_code_says_is_translated_and_none_is_fuzzy(language):
    catalogue = catalogue_of(language)
    missing, untranslated, fuzzy = [], [], []
    for message in sorted(source_messages(), key=str):
        msgid = message if isinstance(message, str) else message[0]
        entry = catalogue.get(msgid)
        if entry is None:
            missing.append(msgid)
        elif entry.fuzzy:
            fuzzy.append(msgid)
        elif not all(entry.string) if isinstance(entry.string, tuple) else not entry.string:
            untranslated.append(msgid)
    assert (missing, untranslated, fuzzy) == ([], [], []), "run pybabel update, then translate (README)"


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_translation_keeps_its_sentences_places(language):
    changed = []
    for entry in catalogue_of(language):
        if not entry.id:
            continue
        ids = entry.id if isinstance(entry.id, tuple) else (entry.id,)
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        wanted = set().union(*(places(text) for text in ids))
        changed += [entry.id for text in strings if text and places(text) != wanted]
    assert changed == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_a_catalogue_compiles_and_translates(language):
    locales.catalogue.cache_clear()
    with locales.speaking(language):
        said = locales._("Company {letter}").format(letter="B")
    assert said.endswith("B") and not said.startswith("Company")
