"""The one rule for numbers from outside, and the same answer for 1_0 in every place a number comes in."""

import pytest

from lstm.explorer.state import from_query
from lstm.training.price_files import SeriesError, read_prices
from lstm.unit.days import DaysError, check_days
from lstm.unit.numbers import NumberError, parse_number, parse_whole


@pytest.mark.parametrize(
    ("text", "value"),
    [("0.25", 0.25), ("-3", -3.0), ("+2.5E3", 2500.0), ("1e-4", 1e-4), (".5", 0.5), ("5.", 5.0),
     ("0.33669036626815796", 0.33669036626815796), ("１．５", 1.5), ("1" + "0" * 20, 1e20)],
)  # fmt: skip
def test_plain_decimals_are_read(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1_0", "'1_0' is not a number"),
        ("0x10", "'0x10' is not a number"),
        ("1,5", "'1,5' is not a number"),
        ("", "'' is not a number"),
        ("e5", "'e5' is not a number"),
        ("1e", "'1e' is not a number"),
        ("²", "'²' is not a number"),
        ("nan", "nan is not a finite number"),
        ("-Infinity", "-Infinity is not a finite number"),
        ("1e309", "1e309 is not a finite number"),
        ("0.123456789012345678", "has more digits than a number holds (at most 17)"),
        ("9" * 41, "is too long for a number (41 characters)"),
    ],
)
def test_everything_else_is_refused_naming_the_value(text, message):
    with pytest.raises(NumberError) as caught:
        parse_number(text)
    assert message in str(caught.value)


def test_only_non_finite_numbers_carry_their_value():
    with pytest.raises(NumberError) as caught:
        parse_number("-inf")
    assert caught.value.value == float("-inf")
    with pytest.raises(NumberError) as caught:
        parse_number("abc")
    assert caught.value.value is None


@pytest.mark.parametrize(("text", "value"), [("42", 42), ("-3", -3), ("+7", 7), ("１２", 12)])
def test_whole_numbers(text, value):
    assert parse_whole(text) == value


@pytest.mark.parametrize("text", ["1_0", "1.0", "1e3", " ", "9" * 20])
def test_whole_numbers_refused(text):
    with pytest.raises(NumberError):
        parse_whole(text)


def test_1_0_is_refused_in_every_way_in():
    with pytest.raises(DaysError, match="day 1: '1_0' is not a number"):
        check_days(["1_0"])
    _, messages = from_query({"days": "1_0"})
    assert messages == ["days: day 1: '1_0' is not a number"]
    _, messages = from_query({"weights": ",".join(["1_0"] * 12)})
    assert messages == ["weights: number 1 (wlr1): '1_0' is not a number"]
    with pytest.raises(SeriesError, match="row 2: '1_0' in column 'prices' is not a number"):
        read_prices("1\n1_0\n2\n3\n4\n")
