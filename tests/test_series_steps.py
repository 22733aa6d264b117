"""A series' windows are counted in its own steps: weekly closes make windows of weeks, monthly of months."""

from lstm.training.series import read_series, stock, training_data

MONTHLY = "date,price\n" + "\n".join(f"2024-{month:02d}-01,{100 + month * (-1) ** month}" for month in range(1, 13))
UNDATED = "price\n" + "\n".join(str(100 + day % 3) for day in range(10))


def test_a_weekly_stock_is_cut_into_windows_of_weeks():
    series = stock("GOOG")
    assert series.step == "week"
    assert "101 windows of 4 weeks" in training_data(series, 4).name


def test_monthly_prices_make_windows_of_months_and_undated_ones_of_days():
    monthly, undated = read_series(MONTHLY), read_series(UNDATED)
    assert monthly.step == "month"
    assert "8 windows of 4 months" in training_data(monthly, 4).name
    assert undated.step == "day"
    assert "one window of 9 days" in training_data(undated, 9).name


def test_a_run_on_a_series_is_found_again_by_its_data_whatever_its_step():
    series = stock("GOOG")
    assert training_data(series, 4).same_as(training_data(series, 4))
