"""Numbers as the figures write them: plain decimals, never 2.66e-05, 1.235e+4 or 100µ."""

from __future__ import annotations

import math


def plain_number(value: float, digits: int = 6) -> str:
    """`value` to `digits` significant figures, written out in full: 0.0000266, never 2.66e-05.

    Losses and gradients run far below 0.0001; learners read plain decimals, and the count of zeros
    after the point is the size. Trailing zeros go ("0.5", "1"), as Python's `g` format drops them.
    """
    if not value or not math.isfinite(value):
        return "0" if not value else f"{value}"
    decimals = max(digits - 1 - math.floor(math.log10(abs(value))), 0)
    text = f"{value:.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def plotly_number(variable: str, digits: int) -> str:
    """A hover template's placeholder that plotly.js fills with `digits` significant figures as a plain decimal.

    d3's `r` type never switches to an exponent (its `g` writes 2.660e-8 and 1.235e+4); `~` drops trailing zeros.
    """
    return "%{" + f"{variable}:.{digits}~r" + "}"
