"""One reader for price files, the page's and the command line's: the bytes people download, to prices oldest first.

Every step is linear in the input and bounded before it starts: the size and each line's length are checked
before anything splits them (price_text), the number of columns before reading cells.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass

from lstm.locales import _, ngettext, whole
from lstm.training.price_cells import (
    checked_price_value,
    date_format,
    date_text,
    date_value,
    decimal_mark,
    is_missing,
    price_value,
)
from lstm.training.price_text import MAX_BYTES, MAX_LINE_CHARS, MAX_PRICES, SeriesError, decode, lines_of
from lstm.unit.numbers import NumberError, quoted

__all__ = ["MAX_BYTES", "MAX_LINE_CHARS", "MAX_PRICES", "ColumnChoiceError", "SeriesError", "decode", "read_prices"]

MAX_COLUMNS = 64
MAX_PRICE = 1e12  # beyond any share or index in any currency: a typo, or a number built to overflow
DELIMITERS = ",;\t|"
SNIFF_CHARS = 4_096  # csv.Sniffer's patterns slow down on long samples; the first lines say enough
SAMPLE_ROWS = 200  # which columns hold prices is judged on the first rows; the column read is read whole

# A close is what a series of prices means; the first of these headers found is used (lower case,
# punctuation as spaces): Yahoo, Nasdaq, Stooq, German, French, Spanish and Italian exports.
CLOSE_HEADERS = (
    "adj close", "adjusted close", "adj close price", "close last", "close", "closing price", "close price",
    "last", "last price", "price", "value", "schlusskurs", "schluss", "kurs", "cloture", "clôture", "cierre",
    "chiusura", "settle",
)  # fmt: skip
DATE_HEADERS = {"date", "datum", "time", "timestamp", "day", "fecha", "data", "date time", "datetime"}
# Numbers that are not prices: counts, times, changes.
NOT_PRICE_WORDS = ("vol", "umsatz", "shares", "trades", "count", "openint", "open interest", "change", "chg", "%")
NOT_PRICE_HEADERS = {"time", "per", "ticker", "symbol", "isin"}


class ColumnChoiceError(SeriesError):
    """Several columns hold prices and none is a close: the visitor picks one of `columns`."""

    def __init__(self, message: str, columns: tuple[str, ...]):
        super().__init__(message)
        self.columns = columns


@dataclass(frozen=True)
class PriceColumn:
    """What the reader took from a file: one column's prices, oldest first, and how it got them."""

    prices: tuple[float, ...]
    column: str  # the header of the column read ("prices" for a bare column)
    dates: tuple[str, ...] | None  # one per price, when the file has a date column
    choices: tuple[str, ...]  # every column that holds prices, for a visitor to switch to
    notes: tuple[str, ...] = ()  # what the reader did besides reading: rows skipped, order turned


def _delimiter(lines: list[tuple[int, str]]) -> str:
    """The separator: csv's sniffer on the first lines, checked against how steadily it splits them."""
    sample, size = [], 0
    for _number, line in lines[:20]:
        sample.append(line)
        size += len(line) + 1
        if size > SNIFF_CHARS:
            break
    try:
        sniffed = csv.Sniffer().sniff("\n".join(sample), delimiters=DELIMITERS).delimiter
    except csv.Error:
        sniffed = None

    def steadiness(delimiter: str) -> tuple[int, int]:
        widths = Counter(len(_split(line, delimiter)) for line in sample)
        width, count = widths.most_common(1)[0]
        return (count if width > 1 else 0, width)

    best = max(DELIMITERS, key=steadiness)
    if sniffed is not None and steadiness(sniffed)[0] >= steadiness(best)[0]:
        return sniffed
    return best if steadiness(best)[0] > 0 else ","


def _split(line: str, delimiter: str) -> list[str]:
    return [cell.strip() for cell in next(csv.reader([line], delimiter=delimiter, skipinitialspace=True))]


def _rows(lines: list[tuple[int, str]]) -> tuple[list[tuple[int, list[str]]], str]:
    """Each line split into cells, without a preamble of shorter lines before the table (account, export date)."""
    delimiter = _delimiter(lines)
    rows = []
    for number, line in lines:
        cells = _split(line, delimiter)
        if len(cells) > MAX_COLUMNS:
            raise SeriesError(
                _("row {row} has {count} columns; a price file has at most {most}").format(
                    row=number, count=whole(len(cells)), most=MAX_COLUMNS
                )
            )
        rows.append((number, cells))
    width = Counter(len(cells) for _number, cells in rows).most_common(1)[0][0]
    start = next(index for index, (_, cells) in enumerate(rows) if len(cells) >= width)
    return rows[start:] if start <= 10 else rows, delimiter


def _normal(header: str) -> str:
    return " ".join(re.sub(r"[^\w%]+", " ", header.lower()).split())


def _is_price_header(header: str) -> bool:
    name = _normal(header)
    return name not in NOT_PRICE_HEADERS and name not in DATE_HEADERS and not any(w in name for w in NOT_PRICE_WORDS)


@dataclass(frozen=True)
class _Table:
    names: list[str]  # a name a column: its header, or "column N"
    headed: bool
    body: list[tuple[int, list[str]]]  # line number and cells
    delimiter: str

    def cells(self, column: int) -> list[str]:
        return [cells[column] if column < len(cells) else "" for _number, cells in self.body]


def _table(text: str) -> _Table:
    rows, delimiter = _rows(lines_of(text))
    width = max(len(cells) for _number, cells in rows)
    first = rows[0][1]
    headed = all(checked_price_value(cell, ".") is None for cell in first) and len(rows) > 1
    names = [f"column {index + 1}" for index in range(width)]
    if headed:
        names = [header or name for header, name in zip(first + [""] * (width - len(first)), names, strict=True)]
    body = rows[1:] if headed else rows
    if (headed and not body) or (len(rows) == 1 and all(checked_price_value(cell, ".") is None for cell in first)):
        raise SeriesError(_("there is a header but no prices under it"))
    return _Table(names, headed, body, delimiter)


def _date_column(table: _Table) -> tuple[int, str] | None:
    """The column of dates and their format: one headed as a date first, else the first that reads as dates."""
    order = sorted(range(len(table.names)), key=lambda c: _normal(table.names[c]) not in DATE_HEADERS)
    for column in order:
        cells = [cell for cell in table.cells(column) if not is_missing(cell)]
        headed_as_date = table.headed and _normal(table.names[column]) in DATE_HEADERS
        found = date_format(cells, headed_as_date) if cells else None
        if found is not None:
            return column, found
    return None


def _price_columns(table: _Table, skip: int | None) -> list[int]:
    """Columns whose cells are mostly numbers, and whose header does not say they count or change something."""
    columns = []
    for column, name in enumerate(table.names):
        if column == skip or (table.headed and not _is_price_header(name)):
            continue
        cells = [cell for cell in table.cells(column)[:SAMPLE_ROWS] if not is_missing(cell)]
        mark = decimal_mark(cells, table.delimiter)
        numbers = sum(checked_price_value(cell, mark) is not None for cell in cells)
        if cells and numbers * 2 >= len(cells):
            columns.append(column)
    return columns


def _chosen(table: _Table, candidates: list[int], wanted: str | None) -> int:
    names = [table.names[column] for column in candidates]
    if wanted is not None:
        for column, name in enumerate(table.names):
            if name.strip().lower() == wanted.strip().lower() or wanted.strip() == str(column + 1):
                return column
        raise SeriesError(
            _("there is no column {column}: the columns are {columns}").format(
                column=quoted(wanted), columns=", ".join(table.names)
            )
        )
    if not candidates:
        raise SeriesError(_("no column holds numbers: give one price per line, or a CSV with a price column"))
    normal = {_normal(table.names[column]): column for column in candidates}
    for header in CLOSE_HEADERS:
        if header in normal:
            return normal[header]
    if len(candidates) == 1:
        return candidates[0]
    raise ColumnChoiceError(
        _("it has {count} columns of prices and none is a close: pick one of {columns}").format(
            count=len(candidates), columns=", ".join(names)
        ),
        tuple(names),
    )


def _prices(table: _Table, column: int, name: str, dates: tuple[int, str] | None) -> tuple[list, list[float], int]:
    """The column's prices (and dates) in file order, each checked; rows without a price are counted, not read."""
    cells = table.cells(column)
    mark = decimal_mark(cells, table.delimiter)
    moments, prices, skipped = [], [], 0
    for (line, row), cell in zip(table.body, cells, strict=True):
        if is_missing(cell):
            skipped += 1
            continue
        try:
            value = price_value(cell, mark)
        except NumberError as error:
            raise SeriesError(_("row {row}: {problem}").format(row=line, problem=error)) from None
        if value is None:
            raise SeriesError(
                _("row {row}: {value} in column {column} is not a number").format(
                    row=line, value=quoted(cell, limit=30), column=quoted(name)
                )
            )
        if not 0 < value <= MAX_PRICE:
            raise SeriesError(
                _("row {row}: {value} is not a price (prices are above 0 and at most {most})").format(
                    row=line, value=cell, most=f"{MAX_PRICE:,.0f}"
                )
            )
        if dates is not None:
            date_cell = row[dates[0]] if dates[0] < len(row) else ""
            moment = date_value(date_cell, dates[1])
            if moment is None:
                raise SeriesError(
                    _("row {row}: {value} is not a date like the others").format(
                        row=line, value=quoted(date_cell, limit=30)
                    )
                )
            moments.append(moment)
        prices.append(value)
    return moments, prices, skipped


def read_prices(data: bytes | str, column: str | None = None) -> PriceColumn:
    """The prices of a price file, oldest first: a close column (or `column`), ordered by the date column."""
    table = _table(decode(data) if isinstance(data, bytes) else data)
    dates = _date_column(table)
    candidates = _price_columns(table, dates[0] if dates else None)
    chosen = _chosen(table, candidates, column)
    # A file without a header names its columns by number; its one column of prices is just "prices".
    name = table.names[chosen] if table.headed or (column is not None and len(table.names) > 1) else "prices"
    moments, prices, skipped = _prices(table, chosen, name, dates)
    skipped_said = ngettext("{count} row without a price skipped", "{count} rows without a price skipped", skipped)
    notes = [skipped_said.format(count=whole(skipped))] if skipped else []
    if len(prices) > MAX_PRICES:
        raise SeriesError(
            _("{count} prices is too many: at most {most}").format(count=whole(len(prices)), most=whole(MAX_PRICES))
        )
    if moments:
        order = sorted(range(len(prices)), key=moments.__getitem__)
        if order == list(reversed(range(len(prices)))):
            notes.append(_("newest first in the file, turned oldest first"))
        elif order != list(range(len(prices))):
            notes.append(_("rows put in date order"))
        prices = [prices[index] for index in order]
        moments = [moments[index] for index in order]
    return PriceColumn(
        tuple(prices),
        name,
        tuple(date_text(moment) for moment in moments) if moments else None,
        tuple(table.names[c] for c in candidates),
        tuple(notes),
    )
