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
# A character's width as a share of the font size: Arial's bold (the metrics of the sans-serif Plotly falls back to
# in Chromium), 5% over, for both the bold name and the smaller regular textbook name under it. Bold "remember %"
# draws 78 px at 13 px (Chromium, 390 px wide): a flat width per character held every line to about ten
# characters, which a language with longer words ("% de recuerdo", "largo plazo") could not keep to a quarter of a
# phone's width, though its lines draw narrower than English's.
WIDTHS = {
    **dict.fromkeys(" fijlrtI!.,:;'|()-", 0.39),
    **dict.fromkeys("mw%MW", 0.944),
    **dict.fromkeys("abcdeksvxyzäáàâéèêç0123456789", 0.556),
}
LOWER_WIDTH, UPPER_WIDTH = 0.611, 0.778  # any other lower-case letter, and any other capital or sign
MARGIN_OF_FONTS = 1.05
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


def text_px(text: str, size: float) -> float:
    """About how wide `text` draws in bold at font `size` px: a little over what Chromium draws."""
    shares = (WIDTHS.get(character, UPPER_WIDTH if not character.islower() else LOWER_WIDTH) for character in text)
    return sum(shares) * size * MARGIN_OF_FONTS


def names_margin(wrap: bool = True) -> int:
    """The left margin the names need, in px at text scale 1: wrapped, 97 px (a phone's quarter) in English, German
    and Spanish."""
    characters = name_characters(wrap)
    widest = 0.0
    for name, standard in row_names():
        widest = max(widest, *(text_px(line, NAME_PX) for line in wrapped(name, characters)))
        if standard is not None:
            widest = max(widest, text_px(standard, STANDARD_PX))
    return max(LEAST_NAMES_PX, math.ceil(widest) + NAMES_SHIFT + 3)
