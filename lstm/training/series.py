"""A visitor's own price series: read from a price file, scaled to 0..1 as the tutorial's data, cut into windows."""

from __future__ import annotations

import gzip
import importlib.util
import math
import statistics
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cache, cached_property
from itertools import pairwise
from pathlib import Path

import torch

from lstm.locales import N_, _, ngettext, whole
from lstm.training.data import TrainingData
from lstm.training.price_files import MAX_BYTES, MAX_PRICES, ColumnChoiceError, SeriesError, read_prices

__all__ = ["MAX_BYTES", "MAX_PRICES", "ColumnChoiceError", "SeriesError"]  # the page and the CLI import them here

MIN_WINDOW, MAX_WINDOW = 1, 30
DEFAULT_WINDOW = 4  # the tutorial's four days
MIN_PRICES = DEFAULT_WINDOW + 1  # the default window and the day after it
# The spacing of a series' dates, in days, that names its steps: weekly closes are weeks, not days.
STEP_DAYS = {"week": (5, 10), "month": (25, 35)}
# The weekly closes of six stocks, 2018 to 2019, that Plotly ships as plotly.express.data.stocks()
# (each divided by its first close): real prices with no download.
STOCKS = ("GOOG", "AAPL", "AMZN", "FB", "NFLX", "MSFT")
STOCKS_FILE = "package_data/datasets/stocks.csv.gz"

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


@dataclass(frozen=True)
class Series:
    """Prices scaled to 0..1 by their lowest and highest, as the tutorial's companies are."""

    name: str  # where the prices came from: the column's header, the file's name
    prices: tuple[float, ...]
    dates: tuple[str, ...] | None = None  # one per price, when the file had a date column
    column: str = "prices"  # the column the prices were read from
    choices: tuple[str, ...] = ()  # the file's other columns of prices, for a visitor to switch to
    notes: tuple[str, ...] = ()  # what the reader did besides reading: rows skipped, order turned

    def __post_init__(self) -> None:
        if len(self.prices) < MIN_PRICES:
            said = ngettext(
                "it has {count} price; the unit needs at least {least}: {window} days and the day after",
                "it has {count} prices; the unit needs at least {least}: {window} days and the day after",
                len(self.prices),
            )
            raise SeriesError(said.format(count=len(self.prices), least=MIN_PRICES, window=DEFAULT_WINDOW))
        if not all(math.isfinite(price) for price in self.prices):
            raise SeriesError(_("every price must be a finite number"))
        if self.high == self.low:
            raise SeriesError(
                _("every price is {price}: a flat series has nothing to learn").format(price=f"{self.low:g}")
            )
        if not math.isfinite(self.high - self.low):
            raise SeriesError(
                _("the prices run from {low} to {high}, too wide to scale to 0..1").format(
                    low=f"{self.low:g}", high=f"{self.high:g}"
                )
            )

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

    @cached_property
    def step(self) -> str:
        """How far apart the prices are, as a key: "week" or "month" when the dates say so, else "day" (the unit's
        word for a step; without dates, and for trading days with their weekend gaps)."""
        if self.dates is None or len(self.dates) < 2:
            return "day"
        try:
            moments = [datetime.fromisoformat(date) for date in self.dates]
        except ValueError:
            return "day"
        gap = statistics.median(abs((after - before).total_seconds()) / 86_400 for before, after in pairwise(moments))
        return next((step for step, (low, high) in STEP_DAYS.items() if low <= gap <= high), "day")

    def unscale(self, value: float) -> float:
        """A scaled value (a prediction) back in the series' own units."""
        return self.low + value * (self.high - self.low)

    def window_count(self, window: int) -> int:
        return len(self.prices) - window

    def check_window(self, window: int) -> None:
        if not MIN_WINDOW <= window <= MAX_WINDOW:
            raise SeriesError(
                _("a window is {least} to {most} days, not {window}").format(
                    least=MIN_WINDOW, most=MAX_WINDOW, window=window
                )
            )
        if self.window_count(window) < 1:
            raise SeriesError(
                _(
                    "{count} prices make no window of {window} days plus the next day: give at least {least} prices, "
                    "or shorten the window"
                ).format(count=len(self.prices), window=window, least=window + 1)
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


def read_series(data: bytes | str, source: str = "", column: str | None = None) -> Series:
    """A series named by its column, and by its file (`source`) when it came from one.

    The page's paste and upload, the built-in stocks and `python -m lstm series` all read through here.
    """
    read = read_prices(data, column)
    name = f"{plain_name(source)}, {plain_name(read.column)}" if source else plain_name(read.column)
    return Series(name, read.prices, read.dates, read.column, read.choices, read.notes)


@cache
def _stocks_text() -> str:
    spec = importlib.util.find_spec("plotly")
    if spec is None or not spec.submodule_search_locations:
        raise SeriesError(_("the built-in stocks come with Plotly, which is not installed"))
    packed = (Path(spec.submodule_search_locations[0]) / STOCKS_FILE).read_bytes()
    return gzip.decompress(packed).decode("utf-8")


def stock(ticker: str) -> Series:
    """One of Plotly's six bundled stocks: weekly closes, 2018 to 2019, relative to the first week (1.0)."""
    if ticker not in STOCKS:
        raise SeriesError(
            _("{ticker} is not one of the built-in stocks: {stocks}").format(
                ticker=repr(ticker), stocks=", ".join(STOCKS)
            )
        )
    # Named in the current language; the prices are read once whatever the language.
    return replace(_stock(ticker), name=_("{ticker} weekly 2018-2019").format(ticker=ticker))


@cache
def _stock(ticker: str) -> Series:
    # The stock buttons switch between them, so the series offers no other columns of its own.
    return replace(read_series(_stocks_text(), column=ticker), choices=())


def training_data(series: Series, window: int) -> TrainingData:
    """The series' windows as a run's data; the page follows the first and the latest window's predictions."""
    inputs, labels = series.windows(window)
    count = len(labels)
    followed = {"first": 0, "latest": count - 1} if count > 1 else {"only": 0}
    name = SERIES_NAMES[series.step][count > 1]
    places = {"series": series.name, "count": whole(count), "window": window}
    return TrainingData(name, inputs, labels, followed, WINDOW_TITLES, places)


# A run's data named by its series, its windows counted in the series' own steps: (one window, many windows).
SERIES_NAMES = {
    "day": (
        N_("your series “{series}” (one window of {window} days)"),
        N_("your series “{series}” ({count} windows of {window} days)"),
    ),
    "week": (
        N_("your series “{series}” (one window of {window} weeks)"),
        N_("your series “{series}” ({count} windows of {window} weeks)"),
    ),
    "month": (
        N_("your series “{series}” (one window of {window} months)"),
        N_("your series “{series}” ({count} windows of {window} months)"),
    ),
}
# How the page titles each followed window of a visitor's series.
WINDOW_TITLES = {"first": N_("first window"), "latest": N_("latest window"), "only": N_("the window")}
