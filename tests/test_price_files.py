"""The price reader on files shaped like the ones people download, every refusal, and Plotly's six stocks."""

import pytest

from lstm.training.price_files import MAX_LINE_CHARS, ColumnChoiceError, SeriesError, read_prices
from lstm.training.series import STOCKS, read_series, stock
from tests.support.price_files import NASDAQ

YAHOO = """Date,Open,High,Low,Close,Adj Close,Volume
2024-01-02,187.150002,188.440002,183.889999,185.639999,185.403412,82488700
2024-01-03,null,null,null,null,null,null
2024-01-04,182.149994,183.089996,180.880005,181.910004,181.678177,71983600
2024-01-05,181.990005,182.759995,180.169998,181.179993,180.949097,62303300
2024-01-08,182.089996,185.600006,181.500000,185.559998,185.323517,59144500
2024-01-09,183.919998,185.149994,182.729996,185.139999,184.904053,42841800
"""
STOOQ = """Date,Open,High,Low,Close,Volume
2024-01-02,187.15,188.44,183.89,185.64,82488700
2024-01-03,184.22,185.88,183.43,184.25,58414460
2024-01-04,182.15,183.09,180.88,181.91,71983600
2024-01-05,181.99,182.76,180.17,181.18,62303300
2024-01-08,182.09,185.6,181.5,185.56,59144500
"""
STOOQ_METASTOCK = """<TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>
AAPL.US,D,20240102,000000,187.15,188.44,183.89,185.64,82488700,0
AAPL.US,D,20240103,000000,184.22,185.88,183.43,184.25,58414460,0
AAPL.US,D,20240104,000000,182.15,183.09,180.88,181.91,71983600,0
AAPL.US,D,20240105,000000,181.99,182.76,180.17,181.18,62303300,0
AAPL.US,D,20240108,000000,182.09,185.6,181.5,185.56,59144500,0
"""
# A German broker's export: semicolons, decimal commas, thousands dots, a trailing separator.
EUROPEAN = """Datum;Eröffnung;Schlusskurs;Volumen;
02.01.2024;1.234,56;1.240,10;1.000;
03.01.2024;1.240,10;1.251,00;2.000;
04.01.2024;1.251,00;1.249,90;3.000;
05.01.2024;1.249,90;1.260,00;4.000;
08.01.2024;1.260,00;1.270,50;5.000;
"""
QUOTED_THOUSANDS = 'Date,Price\n2024-01-02,"1,234.50"\n2024-01-03,"1,240.00"\n2024-01-04,"1,236.25"\n' \
    '2024-01-05,"1,250.75"\n2024-01-08,"1,249.00"\n'  # fmt: skip
SPREADSHEET_TABS = "Date\tClose\n2024-01-02\t185.64\n2024-01-03\t184.25\n2024-01-04\t181.91\n2024-01-05\t181.18\n"
BROKER_PREAMBLE = "Account: 12345678\nExported: 2024-01-09\n\nDate,Close\n2024-01-02,10\n2024-01-03,11\n2024-01-04,12\n"
TOO_WIDE = f"line 3 is 131,073 characters long; a row of a price file is at most {MAX_LINE_CHARS:,}"


@pytest.mark.parametrize(
    ("text", "encoding", "column", "count", "first", "last", "dates"),
    [
        (YAHOO, "utf-8", "Adj Close", 5, 185.403412, 184.904053, ("2024-01-02", "2024-01-09")),
        (NASDAQ, "utf-8", "Close/Last", 5, 184.25, 185.14, ("2024-01-03", "2024-01-09")),
        (STOOQ, "utf-8", "Close", 5, 185.64, 185.56, ("2024-01-02", "2024-01-08")),
        (STOOQ_METASTOCK, "utf-8", "<CLOSE>", 5, 185.64, 185.56, ("2024-01-02", "2024-01-08")),
        (EUROPEAN, "utf-8", "Schlusskurs", 5, 1240.10, 1270.50, ("2024-01-02", "2024-01-08")),
        (EUROPEAN, "cp1252", "Schlusskurs", 5, 1240.10, 1270.50, ("2024-01-02", "2024-01-08")),
        (EUROPEAN, "latin-1", "Schlusskurs", 5, 1240.10, 1270.50, ("2024-01-02", "2024-01-08")),
        (QUOTED_THOUSANDS, "utf-8", "Price", 5, 1234.50, 1249.00, ("2024-01-02", "2024-01-08")),
        (
            SPREADSHEET_TABS,
            "utf-16",
            "Close",
            4,
            185.64,
            181.18,
            ("2024-01-02", "2024-01-05"),
        ),  # Excel's "Unicode text"
        (SPREADSHEET_TABS, "utf-16-le", "Close", 4, 185.64, 181.18, ("2024-01-02", "2024-01-05")),  # without its mark
        (NASDAQ, "utf-8-sig", "Close/Last", 5, 184.25, 185.14, ("2024-01-03", "2024-01-09")),
        (BROKER_PREAMBLE, "utf-8", "Close", 3, 10.0, 12.0, ("2024-01-02", "2024-01-04")),
    ],
)
def test_reads_downloads_and_spreadsheet_exports(text, encoding, column, count, first, last, dates):
    for data in (text.encode(encoding), text.replace("\n", "\r\n").encode(encoding)):
        read = read_prices(data)
        assert read.column == column
        assert len(read.prices) == count
        assert (read.prices[0], read.prices[-1]) == pytest.approx((first, last))
        assert (read.dates[0], read.dates[-1]) == dates


def test_yahoo_null_rows_are_skipped_and_said():
    read = read_prices(YAHOO)
    assert read.notes == ("1 row without a price skipped",)
    assert "2024-01-03" not in read.dates


def test_newest_first_is_turned_oldest_first_by_the_dates():
    read = read_prices(NASDAQ)
    assert read.prices == (184.25, 181.91, 181.18, 185.56, 185.14)
    assert read.notes == ("newest first in the file, turned oldest first",)
    # Day and month both at most 12: 01/05/2024 reads either way; the order of the dates decides.
    assert read.dates == ("2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08", "2024-01-09")


def test_european_day_first_dates_are_read_day_first():
    text = "Date;Close\n13/01/2024;1,5\n14/01/2024;1,6\n15/01/2024;1,7\n"
    assert read_prices(text).dates == ("2024-01-13", "2024-01-14", "2024-01-15")


def test_a_bare_column_without_a_header():
    read = read_prices("185.6\n184.2\n181.9\n181.2\n185.6\n")
    assert read.prices == (185.6, 184.2, 181.9, 181.2, 185.6)
    assert read.column == "prices" and read.dates is None


def test_several_price_columns_without_a_close_are_listed_and_one_is_picked():
    text = "Date,Open,High,Volume\n2024-01-02,9,10,100\n2024-01-03,10,12,200\n"
    with pytest.raises(ColumnChoiceError, match="pick one of Open, High") as caught:
        read_prices(text)
    assert caught.value.columns == ("Open", "High")
    assert read_prices(text, column="high").prices == (10.0, 12.0)
    assert read_prices(text, column="3").prices == (10.0, 12.0)  # by number, from 1
    with pytest.raises(SeriesError, match="there is no column 'Close': the columns are Date, Open, High, Volume"):
        read_prices(text, column="Close")


def test_the_close_is_preferred_and_columns_are_never_mixed():
    read = read_prices(STOOQ)
    assert read.choices == ("Open", "High", "Low", "Close")  # Volume counts shares, not a price
    assert read_prices(STOOQ, column="Open").prices[0] == 187.15


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (f"close\n1\n{'9' * 131_073}\n", TOO_WIDE),  # past the csv module's own field limit
        ("close\n1\n" + "1," * 70 + "\n", "row 3 has 71 columns"),
        ("close\n1e308\n-1e308\n", "row 2: 1e308 is not a price"),
        ("close\n1\n-1e308\n", "row 3: -1e308 is not a price"),
        ("close\n1\n0\n", "row 3: 0 is not a price"),
        ("close\n1\n-2.5\n", "row 3: -2.5 is not a price"),
        ("close\n1\n1e309\n", "row 3: 1e309 is not a finite number"),
        ("close\n1\n1_0\n", "row 3: '1_0' in column 'close' is not a number"),
        ("close\n1\n0.123456789012345678901\n", "has more digits than a number holds"),
        (b"", "it is empty"),
        (b"\n\n  \n", "it is empty"),
        (b"PK\x03\x04" + bytes(100), "Excel workbook: save it as CSV"),
        (bytes(range(256)) * 10, "not text"),
        (b"\x89PNG\r\n\x1a\n" + bytes(50), "a picture"),
        (b"1\n" * 500_001, "1.0 MB; a price series fits in 1 MB"),
        ("1\n" * 500_001, "1.0 MB; a price series fits in 1 MB"),  # pasted text too, before any splitting
        ("Date,Close\n2024-01-02,1\nyesterday,2\n", "row 3: 'yesterday' is not a date like the others"),
    ],
)  # fmt: skip
def test_refusals_are_one_clear_line(data, message):
    with pytest.raises(SeriesError) as caught:
        read_prices(data)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("close\n1\n2\n3\n4\n", "it has 4 prices; the unit needs at least 5: 4 days and the day after"),
        ("close\n7\n7\n7\n7\n7\n7\n", "every price is 7: a flat series has nothing to learn"),
    ],
)
def test_series_too_short_or_flat_are_refused(text, message):
    with pytest.raises(SeriesError, match=message):
        read_series(text)


def test_a_wide_line_is_refused_before_any_splitting():
    # 5,000 short lines and one of 900,000 characters: the length check refuses it, never the csv module.
    text = "close\n" + "1.5\n" * 5_000 + "2," * 450_000 + "\n"
    with pytest.raises(SeriesError, match="line 5002 is 900,000 characters long"):
        read_prices(text)


@pytest.mark.parametrize("ticker", STOCKS)
def test_the_six_stocks_bundled_with_plotly(ticker):
    series = stock(ticker)
    assert series.column == ticker
    assert len(series.prices) == 105
    assert series.dates[0] == "2018-01-01" and series.dates[-1] == "2019-12-30"
    assert series.prices[0] == 1.0  # each relative to its first week
    assert all(price > 0 for price in series.prices)
    assert len(set(series.prices)) > 50


def test_an_unknown_stock_is_refused():
    with pytest.raises(SeriesError, match="not one of the built-in stocks"):
        stock("TSLA")
