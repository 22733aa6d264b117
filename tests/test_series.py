"""A visitor's price series: the formats it reads, the scaling, the windows, training on it, and every refusal."""

import pytest
import torch

from lstm.training.limits import Limits
from lstm.training.price_files import read_prices
from lstm.training.series import EXAMPLE, MAX_PRICES, Series, SeriesError, read_series, training_data
from lstm.training.worker import RunConfig, RunState, TrainingRun


@pytest.mark.parametrize(
    ("text", "prices", "column"),
    [
        ("1\n2\n3.5\n", (1.0, 2.0, 3.5), "prices"),
        ("price\n1\n2\n3\n", (1.0, 2.0, 3.0), "price"),
        ("date,close\n2024-01-02,10\n2024-01-03,11\n", (10.0, 11.0), "close"),
        ("2024-01-02,10\n2024-01-03,11\n2024-01-04,9\n", (10.0, 11.0, 9.0), "prices"),
        ("Date;Open;Close\n2024-01-02;9;10\n2024-01-03;10;12\n", (10.0, 12.0), "Close"),
        ("Date,Close,Adj Close,Volume\nd1,10,9.5,100\nd2,11,10.5,200\n", (9.5, 10.5), "Adj Close"),
        ("\ufeffclose\r\n1\r\n\r\n2\r\n", (1.0, 2.0), "close"),
        ("1e2\n3\n0.25\n", (100.0, 3.0, 0.25), "prices"),
    ],
)
def test_reads_the_files_people_have(text, prices, column):
    for data in (text, text.encode()):
        read = read_prices(data)
        assert (read.prices, read.column) == (prices, column)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("", "empty"),
        ("   \n\n", "empty"),
        ("close\n", "header but no prices"),
        ("close\n1\nabc\n3\n", "row 3: 'abc' in column 'close' is not a number"),
        ("close\n1\nnan\n", "row 3: nan is not a finite number"),
        ("1\ninf\n", "row 2: inf is not a finite number"),
        ("name,sector\nacme,tools\nglobex,energy\n", "no column holds numbers"),
        ("1\n1_000\n", "row 2: '1_000'"),
        (b"\xff\xfe\x00\x01binary", "not text"),
        ("1\x00\n2\n", "not text"),
        (b"1\n" * 600_000, "1.2 MB"),
        ("1\n" * (MAX_PRICES + 55), "too many"),
        ("1\n-3\n", "row 2: -3 is not a price"),
    ],
)
def test_bad_files_say_what_is_wrong(data, message):
    with pytest.raises(SeriesError, match=message.replace("(", r"\(")):
        read_prices(data)


def test_scaling_and_windows():
    series = Series("test", (10.0, 20.0, 15.0, 30.0, 10.0))
    assert series.scaled == (0.0, 0.5, 0.25, 1.0, 0.0)
    assert series.unscale(0.25) == 15.0
    inputs, labels = series.windows(3)
    assert inputs.tolist() == [[0.0, 0.5, 0.25], [0.5, 0.25, 1.0]]
    assert labels.tolist() == [1.0, 0.0]
    assert inputs.dtype == labels.dtype == torch.float32
    assert series.last_window(3) == (0.25, 1.0, 0.0)
    # The tutorial's Company A is one window of four days with day 5 as the label.
    company_a = Series("A", (0.0, 0.5, 0.25, 1.0, 0.0))
    assert company_a.windows(4)[0].tolist() == [[0.0, 0.5, 0.25, 1.0]]


@pytest.mark.parametrize(
    ("prices", "window", "message"),
    [
        ((1.0,), 1, "it has 1 price; the unit needs at least 5: 4 days and the day after"),
        ((1.0, 2.0, 3.0, 4.0), 1, "it has 4 prices; the unit needs at least 5"),
        ((2.0,) * 6, 1, "flat series"),
        ((1.0, 2.0, 3.0, 4.0, 5.0), 5, "give at least 6 prices"),
        ((1.0, 2.0, 3.0, 4.0, 5.0), 0, "1 to 30 days"),
        ((1.0, 2.0, 3.0, 4.0, 5.0), 31, "1 to 30 days"),
        ((1.0, float("nan"), 3.0, 4.0, 5.0), 1, "finite"),
        ((-1e308, 1e308, 3.0, 4.0, 5.0), 1, "too wide to scale"),
    ],
)
def test_series_and_windows_that_cannot_train(prices, window, message):
    with pytest.raises(SeriesError, match=message):
        Series("test", prices).windows(window)


def test_training_data_follows_the_first_and_latest_window():
    series = read_series(EXAMPLE)
    data = training_data(series, 4)
    assert len(data) == 16
    assert data.followed == {"first": 0, "latest": 15}
    assert data.targets["latest"] == ("latest window", pytest.approx(series.scaled[-1]))
    assert "16 windows of 4 days" in data.name
    assert data.same_as(training_data(series, 4)) and not data.same_as(training_data(series, 3))


@pytest.mark.parametrize("recipe", ["fast", "tutorial"])
def test_a_run_trains_on_a_series(recipe):
    data = training_data(read_series(EXAMPLE), 4)
    # No page polls this run: a busy machine must not end it as a closed tab.
    run = TrainingRun(RunConfig(recipe=recipe, learning_rate=0.05, epochs=150, data=data), Limits(idle_seconds=600))
    run.start()
    run._thread.join(120)
    progress = run.progress()
    assert progress.state is RunState.FINISHED, progress.message
    assert progress.history.epochs[-1] == 150
    assert progress.history.loss[-1] < progress.history.loss[0] / 2
    assert set(progress.history.predictions) == {"first", "latest"}
    assert "on your series" in run.config.label
    assert "prediction_latest" in progress.history.to_csv().splitlines()[0]


@pytest.mark.parametrize(
    ("source", "header", "name"),
    [
        ("prices (2024).csv", "Adj Close", "prices (2024).csv, Adj Close"),
        ("<img src=x onerror=alert(1)>.csv", "close", "img srcx onerroralert(1).csv, close"),
        ("[link](javascript:alert(1)).csv", "**close**", "link(javascriptalert(1)).csv, close"),
        ("", "<b>$price$</b>", "bpriceb"),
        ("", "!!!", "prices"),
    ],
)
def test_names_from_a_file_carry_no_markup(source, header, name):
    series = read_series(f"{header}\n1\n2\n3\n4\n5\n", source)
    assert series.name == name
