"""A visitor's own series: the prices with their 0..1 scale and the first window, and the trained unit's fit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from lstm.figures.numbers import plotly_number
from lstm.figures.shapes import box
from lstm.figures.theme import PlainFigure, chart_layout, palette
from lstm.locales import _, ngettext

if TYPE_CHECKING:
    from lstm.training.series import Series

PRICE_COLOUR = "#0072B2"
PREDICTION_COLOUR = "#D55E00"
WINDOW_COLOUR = "rgba(230,159,0,0.22)"  # orange, light: the first window
LABEL_COLOUR = "#E69F00"
# Plotly's hover placeholders, put in the sentences' named places: the day, the price, the scaled price.
HOVER_PLACES = {"day": "%{x}", "price": plotly_number("y", 4), "scaled": "%{customdata:.3f}"}


def _days(series: Series) -> list[int]:
    return list(range(1, len(series.prices) + 1))


def _prices_trace(series: Series) -> dict:
    """The prices day by day, each with its scaled value, and its date when the file had one, on hover."""
    trace = {
        "type": "scatter",
        "x": _days(series),
        "y": list(series.prices),
        "customdata": list(series.scaled),
        "mode": "lines+markers",
        "line": {"color": PRICE_COLOUR, "width": 3},
        "marker": {"size": 6},
        "name": _("your prices"),
        "hovertemplate": _("day {day}: {price} (scaled {scaled})").format(**HOVER_PLACES) + "<extra></extra>",
    }
    if series.dates is not None:
        trace["text"] = list(series.dates)
        trace["hovertemplate"] = (
            _("day {day}, {date}: {price} (scaled {scaled})").format(date="%{text}", **HOVER_PLACES) + "<extra></extra>"
        )
    return trace


def _scale_trace(series: Series) -> dict:
    """The prices again on the right-hand axis, unseen: Plotly draws an axis only when a trace uses it."""
    return {
        "type": "scatter",
        "x": _days(series),
        "y": list(series.scaled),
        "yaxis": "y2",
        "mode": "lines",
        "line": {"width": 0},
        "opacity": 0,
        "hoverinfo": "skip",
        "showlegend": False,
    }


def _price_axes(series: Series, colours, height: int) -> dict:
    """Prices on the left, the same heights as the 0..1 scale on the right."""
    pad = (series.high - series.low) * 0.08
    layout = chart_layout(colours, height, _("day"), series.name)
    layout["yaxis"]["range"] = [series.low - pad, series.high + pad]
    scaled_pad = pad / (series.high - series.low)
    layout["yaxis2"] = {
        "title": {"text": _("scaled (0 to 1)")},
        "overlaying": "y",
        "side": "right",
        "range": [-scaled_pad, 1 + scaled_pad],
        "showgrid": False,
        "zeroline": False,
        "tickmode": "linear",
        "tick0": 0,
        "dtick": 0.25,
    }
    layout["margin"]["r"] = 70
    return layout


def series_figure(series: Series, window: int | None, dark: bool = False) -> PlainFigure:
    """The prices day by day; with a window, the first window shaded and its label (the next day) marked."""
    colours = palette(dark)
    data = [_prices_trace(series), _scale_trace(series)]
    layout = _price_axes(series, colours, 340)
    if window is not None and window < len(series.prices):
        layout["shapes"] = [box(0.6, window + 0.4, 0, 1, WINDOW_COLOUR, axes=("x", "paper"))]
        data.append(
            {
                "type": "scatter",
                "x": [window + 1],
                "y": [series.prices[window]],
                "mode": "markers",
                "marker": {
                    "size": 16,
                    "color": LABEL_COLOUR,
                    "symbol": "diamond",
                    "line": {"color": "#000", "width": 1},
                },
                "name": ngettext(
                    "first window ({count} day, shaded) and its label",
                    "first window ({count} days, shaded) and its label",
                    window,
                ).format(count=window),
                "hovertemplate": _("day {day}: the first window's label {price}").format(**HOVER_PLACES)
                + "<extra></extra>",
            }
        )
    return PlainFigure(data, layout)


def fit_figure(
    series: Series, window: int, predictions: Sequence[float], forecast: float, dark: bool = False
) -> PlainFigure:
    """Each window's prediction (in the series' units) on the day it predicts, against the real prices."""
    colours = palette(dark)
    predicted_days = list(range(window + 1, len(series.prices) + 1))
    data = [
        _prices_trace(series),
        {
            "type": "scatter",
            "x": predicted_days,
            "y": [series.unscale(value) for value in predictions],
            "mode": "lines+markers",
            "line": {"color": PREDICTION_COLOUR, "width": 2, "dash": "dash"},
            "marker": {"size": 7},
            "name": ngettext(
                "predicted from the {count} day before", "predicted from the {count} days before", window
            ).format(count=window),
            "hovertemplate": _("day {day}: predicted {price}").format(**HOVER_PLACES) + "<extra></extra>",
        },
        {
            "type": "scatter",
            "x": [len(series.prices) + 1],
            "y": [series.unscale(forecast)],
            "mode": "markers",
            "marker": {"size": 18, "color": PREDICTION_COLOUR, "symbol": "star", "line": {"color": "#000", "width": 1}},
            "name": _("forecast: the day after your last price"),
            "hovertemplate": _("day {day}: forecast {price}").format(**HOVER_PLACES) + "<extra></extra>",
        },
        _scale_trace(series),
    ]
    layout = _price_axes(series, colours, 380)
    low = min(series.low, *(series.unscale(value) for value in (*predictions, forecast)))
    high = max(series.high, *(series.unscale(value) for value in (*predictions, forecast)))
    pad = (high - low) * 0.08
    layout["yaxis"]["range"] = [low - pad, high + pad]
    span = series.high - series.low
    layout["yaxis2"]["range"] = [(low - pad - series.low) / span, (high + pad - series.low) / span]
    return PlainFigure(data, layout)
