"""The tutorial's two companies, example day sequences, and the checks on day values: plain floats, no torch."""

from __future__ import annotations

import math
from collections.abc import Sequence

from lstm.locales import N_, _, ngettext, whole
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


# Day sequences a visitor can start from, by key; the companies first, then ones that show something.
DAY_PRESETS: dict[str, tuple[float, ...]] = {
    "A": COMPANIES["A"][0],
    "B": COMPANIES["B"][0],
    "spike": (1.0, 0.0, 0.0, 0.0, 0.0, 0.0),
    "rise": (0.0, 0.2, 0.4, 0.6, 0.8, 1.0),
}
# Each day preset's name as a catalogue entry; `day_preset_label` says it in the current language.
DAY_PRESET_LABELS = {
    "A": N_("Company A"),
    "B": N_("Company B"),
    "spike": N_("Early spike, then calm"),
    "rise": N_("Steady rise"),
}


def day_preset_label(key: str) -> str:
    """A day preset's name (a key of DAY_PRESETS) in the current language."""
    return _(DAY_PRESET_LABELS[key])


# The unrolled pass handles any length; past this a sequence is a mistake, not a lesson.
MAX_DAYS = 100
# Day values are prices scaled to about 0..1 as in the tutorial; far outside that every gate saturates.
MAX_DAY_MAGNITUDE = 100.0


class DaysError(ValueError):
    """Day values that cannot be run through the unit, with a message a visitor can act on."""


def check_days(values: Sequence[object], max_days: int = MAX_DAYS) -> tuple[float, ...]:
    """Between 1 and `max_days` finite numbers within ±MAX_DAY_MAGNITUDE, as floats."""
    if len(values) == 0:
        raise DaysError(_("give at least one day value"))
    if len(values) > max_days:
        raise DaysError(
            ngettext(
                "{count} day is too many: at most {most}", "{count} days is too many: at most {most}", len(values)
            ).format(count=whole(len(values)), most=max_days)
        )
    days = []
    for index, value in enumerate(values, start=1):
        try:
            number = _day_number(value)
        except NumberError as error:
            raise DaysError(_("day {day}: {problem}").format(day=index, problem=error)) from None
        if abs(number) > MAX_DAY_MAGNITUDE:
            raise DaysError(
                _("day {day}: {value} is outside ±{most}").format(
                    day=index, value=f"{number:g}", most=f"{MAX_DAY_MAGNITUDE:g}"
                )
            )
        days.append(number)
    return tuple(days)


def _day_number(value: object) -> float:
    """Text follows the one rule for numbers; numbers from a field or a script only need to be finite."""
    if isinstance(value, str):
        return parse_number(value.strip())
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise NumberError(_("{value} is not a number").format(value=quoted(value, limit=30)))
    number = float(value)
    if not math.isfinite(number):
        raise NumberError(_("{value} is not a finite number").format(value=number), number)
    return number
