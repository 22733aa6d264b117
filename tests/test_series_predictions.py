"""The series page's arithmetic: each window's prediction as the unit's own pass gives it, the error, the forecast."""

import pytest

from lstm.training.series import EXAMPLE, Series, SeriesError, read_series
from lstm.training.series_predictions import series_fit
from lstm.unit.forward import trace
from lstm.unit.weights import PRESETS


def test_each_window_is_predicted_as_the_unit_traces_it_alone():
    series = read_series(EXAMPLE)
    fit = series_fit(series, 4, PRESETS["trained"])
    scaled = series.scaled
    assert len(fit.predictions) == len(scaled) - 4
    for start, predicted in enumerate(fit.predictions):
        alone = trace(scaled[start : start + 4], PRESETS["trained"]).prediction
        assert predicted == pytest.approx(alone, abs=1e-6)
    assert fit.forecast == pytest.approx(trace(scaled[-4:], PRESETS["trained"]).prediction, abs=1e-6)


def test_the_error_is_the_mean_distance_in_the_series_units():
    # Prices 10 to 30: a scaled distance of 0.1 is 2 in the series' units.
    series = Series("test", (10.0, 20.0, 15.0, 30.0, 10.0, 25.0))
    fit = series_fit(series, 3, PRESETS["seed"])
    labels = series.scaled[3:]
    by_hand = sum(abs(p - y) * 20.0 for p, y in zip(fit.predictions, labels, strict=True)) / len(labels)
    assert fit.mean_error == pytest.approx(by_hand, rel=1e-5)
    assert fit.mean_error > 0


def test_a_window_the_series_cannot_give_is_refused():
    with pytest.raises(SeriesError):
        series_fit(Series("short", (1.0, 2.0, 3.0, 4.0, 5.0)), 5, PRESETS["seed"])
