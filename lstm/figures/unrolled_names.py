"""The unrolled unit's row names, wrapped to a narrow column: on a 390 px phone the names take at most a quarter
of the width, so day 1 and day 2 show beside them before the visitor swipes."""

from __future__ import annotations

import math
import textwrap

from lstm.locales import _
from lstm.unit.gates import GATES

NAME_PX, STANDARD_PX = 13, 12  # the tutorial's name (bold) and the textbook's under it
# A name wraps to at most two lines and the textbook's name keeps one, so a row's label is three lines at most;
# the column is as narrow as that allows, but not narrower than the lines of about ten characters a phone's
# quarter holds.
NAME_LINES, LEAST_NAME_CHARACTERS = 2, 10
# A character's width as a share of the font size, a little over the widest the page's sans-serif draws: bold
# "remember %" is 86 px at 14 px, regular "hidden state" 65 px at 12 px (Chromium, the screenshots at 390 px).
BOLD_WIDTH, REGULAR_WIDTH = 0.62, 0.52
NAMES_SHIFT = 8  # px between the names' right edge and the plot
LEAST_NAMES_PX = 97  # a quarter of a 390 px phone: the column is never narrower, whatever the words


def wrapped(text: str, characters: int) -> list[str]:
    """`text` in lines of about `characters`, broken only at spaces and hyphens (a long word keeps its line)."""
    return textwrap.wrap(text, characters, break_long_words=False, break_on_hyphens=True) or [text]


def row_names() -> list[tuple[str, str | None]]:
    """Each row's name and its textbook name (None for the input) in the current language, top to bottom."""
    return [
        *((gate.tutorial, gate.standard) for gate in GATES),
        (_("long-term memory"), _("cell state")),
        (_("short-term memory"), _("hidden state")),
        (_("input"), None),
    ]


def wraps(text_scale: float) -> bool:
    """Whether the names wrap to their narrow column: at the usual text size, for a phone's width; enlarged for
    a projector, which has the width, each name keeps one line and the rows' height is left to the cells."""
    return text_scale <= 1.0


def name_characters(wrap: bool = True) -> int:
    """The characters a name's line keeps in the current language: the fewest that wrap every name in two lines;
    without `wrap`, as many as the longest name has."""
    names = [name for name, _standard in row_names()]
    if not wrap:
        return max(len(name) for name in names)
    characters = LEAST_NAME_CHARACTERS
    while any(len(wrapped(name, characters)) > NAME_LINES for name in names):
        characters += 1
    return characters


def names_margin(wrap: bool = True) -> int:
    """The left margin the names need, in px at text scale 1: wrapped, 97 px in English, 116 in Spanish."""
    characters = name_characters(wrap)
    widest = 0.0
    for name, standard in row_names():
        widest = max(widest, *(len(line) * BOLD_WIDTH * NAME_PX for line in wrapped(name, characters)))
        if standard is not None:
            widest = max(widest, len(standard) * REGULAR_WIDTH * STANDARD_PX)
    return max(LEAST_NAMES_PX, math.ceil(widest) + NAMES_SHIFT + 3)
