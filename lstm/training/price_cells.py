"""The cells of a price file: prices written the ways finance sites and spreadsheets write them, and dates."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from itertools import pairwise

from lstm.unit.numbers import NON_FINITE, NumberError, parse_number

# Cells that stand for a day without a price (Yahoo writes null on holidays): the row is skipped. Other
# words (n/a, -) are refused with the row named: they more often mean a broken export than a holiday.
MISSING = {"", "null"}
# Currency signs and codes around a price: $182.31, 182,31 €, EUR 1.234,56.
_CURRENCY = re.compile(r"^(?:[$€£¥]|USD|EUR|GBP|CHF|JPY)\s*|\s*(?:[$€£¥]|USD|EUR|GBP|CHF|JPY)$", re.IGNORECASE)
# Digit groups of three may be set apart by spaces (also no-break ones) or apostrophes, in every locale.
_GROUP = "[ \u00a0\u202f']"
# A price with a decimal point (1,234.50 1 234.50 1234.5) or with a decimal comma (1.234,56 1234,56).
_POINT = re.compile(rf"[+-]?(?:[0-9]{{1,3}}(?:(?:,|{_GROUP})[0-9]{{3}})+|[0-9]*)(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?")
_COMMA = re.compile(rf"[+-]?(?:[0-9]{{1,3}}(?:(?:\.|{_GROUP})[0-9]{{3}})+|[0-9]*)(?:,[0-9]*)?(?:[eE][+-]?[0-9]+)?")
_NOT_DIGITS = re.compile(r"[^0-9]")
_TRAILING_DIGITS = re.compile(r"[0-9]*$")

# Date formats seen in downloads: ISO (Yahoo, Stooq), US (Nasdaq), European, compact (Stooq's <DATE>).
DATE_FORMATS = (
    "%m/%d/%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y/%m/%d", "%d-%m-%Y", "%m-%d-%Y", "%Y%m%d",
    "%d-%b-%Y", "%d %b %Y", "%b %d, %Y", "%d.%m.%y", "%m/%d/%y", "%d/%m/%y",
)  # fmt: skip
ISO = "iso"  # datetime.fromisoformat: 2024-01-02, 2024-01-02 00:00:00, 2024-01-02T00:00:00-05:00
SAMPLE_CELLS = 30  # a format must read this many cells before it is tried on the whole column


def bare(cell: str) -> str:
    """The cell without the currency around it."""
    return _CURRENCY.sub("", cell.strip()).strip()


def is_missing(cell: str) -> bool:
    return cell.strip().lower() in MISSING


def _mark_evidence(cell: str) -> str | None:
    """Which decimal mark this one cell shows for sure: ',' or '.', or None when it could be either."""
    comma, point = cell.rfind(","), cell.rfind(".")
    if comma >= 0 and point >= 0:
        return "," if comma > point else "."
    for mark, other in ((",", "."), (".", ",")):
        if cell.count(mark) > 1:
            return other  # 1,234,567 or 1.234.567: the repeated mark groups thousands
        if cell.count(mark) == 1 and len(_TRAILING_DIGITS.search(cell).group()) != 3:
            return mark  # 182,31 or 0.5: not a group of three
        if cell.count(mark) == 1 and _NOT_DIGITS.sub("", cell.split(mark)[0]).lstrip("+-") in ("0", ""):
            return mark  # 0,125: a thousands group never follows a lone zero
    return None


def decimal_mark(cells: Sequence[str], delimiter: str) -> str:
    """The column's decimal mark, decided once for the whole column so 1,234 means one thing in it.

    Cells that show it (1.234,56; 182,31; 1,234.50) decide; when none does, a comma-separated file
    uses points (its commas group thousands, quoted) and other files use what their cells hold.
    """
    seen = {_mark_evidence(bare(cell)) for cell in cells if not is_missing(cell)} - {None}
    if len(seen) == 1:
        return seen.pop()
    if delimiter != "," and any("," in cell for cell in cells):
        return ","
    return "."


def price_value(cell: str, mark: str) -> float | None:
    """The cell as a number, read with the column's decimal mark; None when it is not written as one."""
    text = bare(cell)
    if NON_FINITE.fullmatch(text):
        parse_number(text)  # raises: nan and inf are numbers, just not finite ones
    if not (_POINT if mark == "." else _COMMA).fullmatch(text) or not any(char.isdigit() for char in text):
        return None
    thousands = "," if mark == "." else "."
    plain = re.sub(_GROUP, "", text).replace(thousands, "").replace(mark, ".")
    return parse_number(plain)


def checked_price_value(cell: str, mark: str) -> float | None:
    """As price_value, but a cell that is not a number at all is None, without a message."""
    try:
        return price_value(cell, mark)
    except NumberError:
        return None


def _parse_date(cell: str, date_format: str) -> datetime:
    if date_format == ISO:
        return datetime.fromisoformat(cell).replace(tzinfo=None)
    return datetime.strptime(cell, date_format)


def _reads(cells: Sequence[str], date_format: str) -> list[datetime] | None:
    try:
        return [_parse_date(cell, date_format) for cell in cells]
    except ValueError:
        return None


def _monotonic(dates: Sequence[datetime]) -> bool:
    pairs = list(pairwise(dates))
    return all(a <= b for a, b in pairs) or all(a >= b for a, b in pairs)


def date_format(cells: Sequence[str], headed_as_date: bool) -> str | None:
    """The one format every cell is written in, or None when the column is not dates.

    A column headed as a date admits 20240102 (also a number), and keeps the format of its first cells
    even when a later cell does not read, so that row is named. When two formats read every cell
    (01/02/2024 is a date either way), the one that puts the dates in order wins.
    """
    cells = [cell.strip() for cell in cells if cell.strip()]
    if not cells:
        return None
    formats = [ISO, *(f for f in DATE_FORMATS if headed_as_date or f != "%Y%m%d")]
    candidates = [f for f in formats if _reads(cells[:SAMPLE_CELLS], f) is not None]
    readings = [(f, dates) for f in candidates if (dates := _reads(cells, f)) is not None]
    if not readings:
        first = [f for f in formats if _reads(cells[:1], f) is not None] if headed_as_date else []
        return first[0] if first else None
    return next((f for f, dates in readings if _monotonic(dates)), readings[0][0])


def date_value(cell: str, date_format: str) -> datetime | None:
    try:
        return _parse_date(cell.strip(), date_format)
    except ValueError:
        return None


def date_text(moment: datetime) -> str:
    """A date as the page and the command line show it: 2024-01-02, with the time only when there is one."""
    if (moment.hour, moment.minute, moment.second) == (0, 0, 0):
        return moment.date().isoformat()
    return moment.isoformat(sep=" ", timespec="minutes")
