"""English sentences a translated page must not show: each source sentence's literal parts, read from a catalogue."""

from __future__ import annotations

import re

from babel.messages.pofile import read_po

from lstm import locales

_PLACE = re.compile(r"\{[^{}]*\}|<[^>]*>|\*\*|`")
# A run of at least three words: shorter ones ("Play", "day 3") can be the same in a language or a name.
_SENTENCE = re.compile(r"[A-Za-z][A-Za-z',-]*(?:\s+[A-Za-z',-]+){2,}")


def english_sentences(language: str) -> set[str]:
    """The literal runs of three or more English words in every source sentence the catalogue translates differently."""
    with (locales.FOLDER / language / "LC_MESSAGES" / f"{locales.DOMAIN}.po").open("rb") as po_file:
        catalogue = read_po(po_file, locale=language)
    found = set()
    for entry in catalogue:
        ids = entry.id if isinstance(entry.id, tuple) else (entry.id,)
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        if not entry.id or any(text in strings for text in ids):
            continue
        for text in ids:
            for part in _PLACE.split(text):
                runs = (match.group(0).strip() for match in _SENTENCE.finditer(part))
                # A run the translation keeps as it is (a video's title, a command) is a name, kept on purpose.
                found.update(run for run in runs if not any(run in string for string in strings))
    return found


def english_in(texts, sentences: set[str]) -> list[str]:
    """Each source sentence found inside one of `texts`, with the text it was found in."""
    return [f"{sentence!r} in {text[:100]!r}" for text in texts for sentence in sentences if sentence in text]
