"""The one rule for numbers from outside (links, fields, files, the command line): plain decimals, finite."""

from __future__ import annotations

import math
import re
import unicodedata

from lstm.locales import _, whole

# A plain decimal: optional sign, digits with at most one point, an optional exponent. Python's float()
# also takes underscores (1_0) and hexadecimal-looking or padded text; a visitor never means those.
PLAIN_DECIMAL = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]{1,4})?")
PLAIN_WHOLE = re.compile(r"[+-]?[0-9]+")
# The words float() reads as not-a-number or infinity: refused as not finite rather than as not numbers.
NON_FINITE = re.compile(r"[+-]?(?:nan|inf|infinity)", re.IGNORECASE)
# A double holds 15 to 17 significant decimal digits; more are noise, or a number built to be expensive.
MAX_SIGNIFICANT_DIGITS = 17
# Longer text is refused before any parsing: a number past this is not one a person wrote.
MAX_CHARS = 40


def quoted(value: object, limit: int = 40) -> str:
    """A visitor's value as a message quotes it: its repr, cut short so a huge value stays one line."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


class NumberError(ValueError):
    """Text that is not a usable number; the message names the value. `value` is set when it is only non-finite."""

    def __init__(self, message: str, value: float | None = None):
        super().__init__(message)
        self.value = value


def significant_digits(text: str) -> int:
    """Digits of the mantissa that carry value: leading and trailing zeros do not."""
    mantissa = re.split(r"[eE]", text.lstrip("+-"), maxsplit=1)[0].replace(".", "")
    return len(mantissa.strip("0"))


def ascii_digits(text: str) -> str:
    """Digits of any script as 0-9 (a Japanese keyboard types １２), full-width signs and points as ASCII."""
    folded = "".join(chr(ord(char) - 0xFEE0) if "\uff01" <= char <= "\uff5e" else char for char in text)
    return "".join(str(unicodedata.decimal(char)) if char.isdecimal() else char for char in folded)


def parse_number(text: str) -> float:
    """A finite float from a plain decimal such as 0.25, -3, 1e-4 or +2.5E3, or a NumberError naming the text."""
    if len(text) > MAX_CHARS:
        raise NumberError(
            _("{value} is too long for a number ({count} characters)").format(
                value=quoted(text, limit=30), count=whole(len(text))
            )
        )
    shown, text = text, ascii_digits(text)
    if NON_FINITE.fullmatch(text):
        raise NumberError(_("{value} is not a finite number").format(value=shown), float(text))
    if not PLAIN_DECIMAL.fullmatch(text):
        raise NumberError(_("{value} is not a number").format(value=quoted(shown, limit=30)))
    if significant_digits(text) > MAX_SIGNIFICANT_DIGITS:
        raise NumberError(
            _("{value} has more digits than a number holds (at most {most})").format(
                value=quoted(shown, limit=30), most=MAX_SIGNIFICANT_DIGITS
            )
        )
    value = float(text)
    if not math.isfinite(value):
        raise NumberError(_("{value} is not a finite number").format(value=shown), value)
    return value


def parse_whole(text: str) -> int:
    """A whole number in plain digits with an optional sign, such as 42 or -3, or a NumberError naming the text."""
    shown, text = text, ascii_digits(text[: MAX_CHARS + 1])
    if len(text) > MAX_CHARS or not PLAIN_WHOLE.fullmatch(text):
        raise NumberError(_("{value} is not a whole number").format(value=quoted(shown, limit=30)))
    if len(text.lstrip("+-").lstrip("0")) > 19:
        raise NumberError(
            _("{value} has more digits than a whole number here holds (at most {most})").format(
                value=quoted(shown, limit=30), most=19
            )
        )
    return int(text)
