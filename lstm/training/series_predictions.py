"""Weights on a visitor's series: every window's prediction, how far off they are in the series' units, the forecast."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import torch

from lstm.training.series import Series
from lstm.unit.cell import as_tensors, unroll
from lstm.unit.forward import trace


@dataclass(frozen=True)
class SeriesFit:
    """What a unit makes of a series cut into windows; predictions and forecast scaled to 0..1 as the series is."""

    predictions: tuple[float, ...]  # one per window: the unit's next day after it
    mean_error: float  # mean absolute error of the predictions against the real next days, in the series' units
    forecast: float  # the unit's prediction for the day after the series' last price


def series_fit(series: Series, window: int, weights: Mapping[str, float]) -> SeriesFit:
    """Every window of `window` days through the unit with `weights` at once, and the forecast after the last."""
    inputs, labels = series.windows(window)
    with torch.no_grad():
        predictions = tuple(unroll(inputs, as_tensors(weights)).short_memory[..., -1].tolist())
    errors = [
        abs(series.unscale(predicted) - series.unscale(actual))
        for predicted, actual in zip(predictions, labels.tolist(), strict=True)
    ]
    forecast = trace(series.last_window(window), weights).prediction
    return SeriesFit(predictions, sum(errors) / len(errors), forecast)
