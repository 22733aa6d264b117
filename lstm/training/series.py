"""A visitor's own price series: read from CSV text, scaled to 0..1 as the tutorial's data, cut into windows."""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from functools import cached_property

import torch

from lstm.training.data import TrainingData
from lstm.unit.weights import quoted

MAX_BYTES = 1_000_000  # as every upload: a year of daily prices is a few kilobytes
MAX_PRICES = 5_000  # twenty years of trading days
MIN_WINDOW, MAX_WINDOW = 1, 30
DEFAULT_WINDOW = 4  # the tutorial's four days
# Headers that name the price column in the files stock sites export; otherwise the last numeric column.
PRICE_HEADERS = ("adj close", "adj_close", "close", "price", "value")

EXAMPLE = """date,close
2024-01-02,185.6
2024-01-03,184.2
2024-01-04,181.9
2024-01-05,181.2
2024-01-08,185.6
2024-01-09,185.1
2024-01-10,186.2
2024-01-11,185.6
2024-01-12,185.9
2024-01-16,183.6
2024-01-17,182.7
2024-01-18,188.6
2024-01-19,191.6
2024-01-22,193.9
2024-01-23,195.2
2024-01-24,194.5
2024-01-25,194.2
2024-01-26,192.4
2024-01-29,191.7
2024-01-30,188.0
"""


class SeriesError(ValueError):
    """A file or text that is not a usable price series, with a message a visitor can act on."""


def _number(cell: str) -> float | None:
    try:
        value = float(cell.strip().replace("_", "x"))  # float() takes "1_000"; a price file never means it
    except ValueError:
        return None
    return value


def _rows(text: str) -> list[list[str]]:
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise SeriesError("it is empty: give one price per line, or a CSV with a price column")
    sample = "\n".join(lines[:20])
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel  # one column, or one value per line: nothing to sniff
    return [[cell.strip() for cell in row] for row in csv.reader(lines, dialect)]


def _numeric_column(rows: list[list[str]]) -> int:
    """The column with the most numbers, the last of equals: dates and names come first in exports."""
    width = max(len(row) for row in rows)
    counts = [sum(column < len(row) and _number(row[column]) is not None for row in rows) for column in range(width)]
    if max(counts) == 0:
        raise SeriesError("no column holds numbers: give one price per line, or a CSV with a price column")
    return max(range(width), key=lambda column: (counts[column], column))


def _named_column(header: list[str]) -> int | None:
    names = [name.strip().lower() for name in header]
    return next((names.index(wanted) for wanted in PRICE_HEADERS if wanted in names), None)


def parse_prices(data: bytes | str) -> tuple[list[float], str]:
    """The prices in a CSV or a list of numbers, and the name of the column they came from."""
    if isinstance(data, bytes):
        if len(data) > MAX_BYTES:
            raise SeriesError(f"it is {len(data) / 1e6:.1f} MB; a price series fits in {MAX_BYTES // 1_000_000} MB")
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise SeriesError("it is not text (UTF-8): save it as CSV") from None
    data = data.removeprefix("\ufeff")  # the byte-order mark spreadsheet programs put first
    if "\x00" in data:
        raise SeriesError("it is not text: save it as CSV")
    rows = _rows(data)
    if len(rows) > MAX_PRICES + 1:
        raise SeriesError(f"{len(rows):,} rows is too many: at most {MAX_PRICES:,} prices")
    if len(rows) == 1 and all(_number(cell) is None for cell in rows[0]):
        raise SeriesError("there is a header but no prices under it")
    column = _numeric_column(rows)
    # The first row is a header when, in the price column, it holds a word rather than a number.
    first = rows[0]
    header = first if column >= len(first) or _number(first[column]) is None else None
    body = rows[1:] if header is not None else rows
    if header is not None:
        named = _named_column(header)
        column = column if named is None else named
    if not body:
        raise SeriesError("there is a header but no prices under it")
    name = header[column] if header is not None and column < len(header) else "prices"
    prices = []
    for line, row in enumerate(body, start=2 if header is not None else 1):
        cell = row[column] if column < len(row) else ""
        value = _number(cell)
        if value is None:
            raise SeriesError(f"row {line}: {quoted(cell, limit=30)} in column {quoted(name)} is not a number")
        if not math.isfinite(value):
            raise SeriesError(f"row {line}: {cell} is not a finite number")
        prices.append(value)
    return prices, name


@dataclass(frozen=True)
class Series:
    """Prices scaled to 0..1 by their lowest and highest, as the tutorial's companies are."""

    name: str  # where the prices came from: the column's header, the file's name
    prices: tuple[float, ...]

    def __post_init__(self) -> None:
        if len(self.prices) < 2:
            raise SeriesError("give at least two prices")
        if self.high == self.low:
            raise SeriesError(f"every price is {self.low:g}: a flat series has nothing to learn")

    # Computed once: `scaled` reads both for every price.
    @cached_property
    def low(self) -> float:
        return min(self.prices)

    @cached_property
    def high(self) -> float:
        return max(self.prices)

    @cached_property
    def scaled(self) -> tuple[float, ...]:
        return tuple((price - self.low) / (self.high - self.low) for price in self.prices)

    def unscale(self, value: float) -> float:
        """A scaled value (a prediction) back in the series' own units."""
        return self.low + value * (self.high - self.low)

    def window_count(self, window: int) -> int:
        return len(self.prices) - window

    def check_window(self, window: int) -> None:
        if not MIN_WINDOW <= window <= MAX_WINDOW:
            raise SeriesError(f"a window is {MIN_WINDOW} to {MAX_WINDOW} days, not {window}")
        if self.window_count(window) < 1:
            raise SeriesError(
                f"{len(self.prices)} prices make no window of {window} days plus the next day: "
                f"give at least {window + 1} prices, or shorten the window"
            )

    def windows(self, window: int) -> tuple[torch.Tensor, torch.Tensor]:
        """Inputs (windows x `window` days of scaled prices) and labels (the scaled day after each), float32."""
        self.check_window(window)
        scaled = torch.tensor(self.scaled, dtype=torch.float32)
        inputs = scaled.unfold(0, window, 1)[:-1]
        labels = scaled[window:]
        return inputs, labels

    def last_window(self, window: int) -> tuple[float, ...]:
        """The latest `window` scaled prices: what the unit reads to forecast the day after the series."""
        self.check_window(window)
        return self.scaled[-window:]


def plain_name(text: str, limit: int = 40) -> str:
    """A file or column name as charts and run labels show it: letters, digits and a little punctuation.

    Names come from a visitor's file; Plotly reads tags in its text and Streamlit reads markdown, so
    neither gets a character that could mean something to them.
    """
    kept = "".join(char for char in text if char.isalnum() or char in " .,_-()")
    kept = " ".join(kept.split())[:limit].strip()
    return kept or "prices"


def read_series(data: bytes | str, source: str = "") -> Series:
    """A series named by its column, and by its file (`source`) when it came from one."""
    prices, column = parse_prices(data)
    name = f"{plain_name(source)}, {plain_name(column)}" if source else plain_name(column)
    return Series(name, tuple(prices))


def training_data(series: Series, window: int) -> TrainingData:
    """The series' windows as a run's data; the page follows the first and the latest window's predictions."""
    inputs, labels = series.windows(window)
    count = len(labels)
    followed = {"first window": 0, "latest window": count - 1} if count > 1 else {"the window": 0}
    name = f"your series “{series.name}” ({count} window{'s' if count != 1 else ''} of {window} days)"
    return TrainingData(name, inputs, labels, followed)
