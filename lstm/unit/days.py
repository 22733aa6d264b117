"""The tutorial's two companies, example day sequences, and the checks on day values: plain floats, no torch."""

from __future__ import annotations

import math
from collections.abc import Sequence

from lstm.unit.numbers import NumberError, parse_number, quoted

# The tutorial's data: four days of (scaled) stock prices, and the price on day 5 as the label.
COMPANIES: dict[str, tuple[tuple[float, ...], float]] = {
    "A": ((0.0, 0.5, 0.25, 1.0), 0.0),
    "B": ((1.0, 0.5, 0.25, 1.0), 1.0),
}


def company_of(days: Sequence[float] | None) -> str | None:
    """The tutorial's company ("A" or "B") whose days these are, or None."""
    if days is None:
        return None
    return next((name for name, (sequence, _) in COMPANIES.items() if tuple(days) == sequence), None)


# Day sequences a visitor can start from; the companies first, then ones that show something.
DAY_PRESETS: dict[str, tuple[float, ...]] = {
    "Company A": COMPANIES["A"][0],
    "Company B": COMPANIES["B"][0],
    "Early spike, then calm": (1.0, 0.0, 0.0, 0.0, 0.0, 0.0),
    "Steady rise": (0.0, 0.2, 0.4, 0.6, 0.8, 1.0),
}

# The unrolled pass handles any length; past this a sequence is a mistake, not a lesson.
MAX_DAYS = 100
# Day values are prices scaled to about 0..1 as in the tutorial; far outside that every gate saturates.
MAX_DAY_MAGNITUDE = 100.0


class DaysError(ValueError):
    """Day values that cannot be run through the unit, with a message a visitor can act on."""


def check_days(values: Sequence[object], max_days: int = MAX_DAYS) -> tuple[float, ...]:
    """Between 1 and `max_days` finite numbers within ±MAX_DAY_MAGNITUDE, as floats."""
    if len(values) == 0:
        raise DaysError("give at least one day value")
    if len(values) > max_days:
        raise DaysError(f"{len(values):,} days is too many: at most {max_days}")
    days = []
    for index, value in enumerate(values, start=1):
        try:
            number = _day_number(value)
        except NumberError as error:
            raise DaysError(f"day {index}: {error}") from None
        if abs(number) > MAX_DAY_MAGNITUDE:
            raise DaysError(f"day {index}: {number:g} is outside ±{MAX_DAY_MAGNITUDE:g}")
        days.append(number)
    return tuple(days)


def _day_number(value: object) -> float:
    """Text follows the one rule for numbers; numbers from a field or a script only need to be finite."""
    if isinstance(value, str):
        return parse_number(value.strip())
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise NumberError(f"{quoted(value, limit=30)} is not a number")
    number = float(value)
    if not math.isfinite(number):
        raise NumberError(f"{number} is not a finite number", number)
    return number
