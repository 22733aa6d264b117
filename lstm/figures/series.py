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
# Plotly's hover placeholders, put in the sentences' named places: where (the point's name, and its date when the
# file had dates), the price, the scaled price.
HOVER_PLACES = {"when": "%{text}", "price": plotly_number("y", 4), "scaled": "%{customdata:.3f}"}


def step_text(step: str, number: int) -> str:
    """A price's place in the series as its step names it: "day 3", "week 3", "month 3"."""
    if step == "week":
        return _("week {number}").format(number=number)
    if step == "month":
        return _("month {number}").format(number=number)
    return _("day {number}").format(number=number)


def _axis_title(step: str) -> str:
    return {"week": _("week"), "month": _("month")}.get(step) or _("day")


def _places(series: Series, step: str) -> list[str]:
    """Each price's name on hover: its step, and its date when the file had one."""
    names = [step_text(step, number) for number in range(1, len(series.prices) + 1)]
    if series.dates is None:
        return names
    return [_("{place}, {date}").format(place=name, date=date) for name, date in zip(names, series.dates, strict=True)]


def _days(series: Series) -> list[int]:
    return list(range(1, len(series.prices) + 1))


def _prices_trace(series: Series, step: str) -> dict:
    """The prices step by step, each with its scaled value, and its date when the file had one, on hover."""
    return {
        "type": "scatter",
        "x": _days(series),
        "y": list(series.prices),
        "customdata": list(series.scaled),
        "text": _places(series, step),
        "mode": "lines+markers",
        "line": {"color": PRICE_COLOUR, "width": 3},
        "marker": {"size": 6},
        "name": _("your prices"),
        "hovertemplate": _("{when}: {price} (scaled {scaled})").format(**HOVER_PLACES) + "<extra></extra>",
    }


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


def _window_name(step: str, window: int) -> str:
    if step == "week":
        said = ngettext(
            "first window ({count} week, shaded) and its label", "first window ({count} weeks, shaded) and its label",
            window,
        )  # fmt: skip
    elif step == "month":
        said = ngettext(
            "first window ({count} month, shaded) and its label",
            "first window ({count} months, shaded) and its label",
            window,
        )
    else:
        said = ngettext(
            "first window ({count} day, shaded) and its label", "first window ({count} days, shaded) and its label",
            window,
        )  # fmt: skip
    return said.format(count=window)


def _predicted_name(step: str, window: int) -> str:
    if step == "week":
        said = ngettext("predicted from the {count} week before", "predicted from the {count} weeks before", window)
    elif step == "month":
        said = ngettext("predicted from the {count} month before", "predicted from the {count} months before", window)
    else:
        said = ngettext("predicted from the {count} day before", "predicted from the {count} days before", window)
    return said.format(count=window)


def _forecast_name(step: str) -> str:
    if step == "week":
        return _("forecast: the week after your last price")
    if step == "month":
        return _("forecast: the month after your last price")
    return _("forecast: the day after your last price")


def _price_axes(series: Series, colours, height: int, step: str) -> dict:
    """Prices on the left, the same heights as the 0..1 scale on the right; along the bottom, the series' steps."""
    pad = (series.high - series.low) * 0.08
    layout = chart_layout(colours, height, _axis_title(step), series.name)
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
    """The prices step by step (days, or weeks or months when the dates say so); with a window, the first window
    shaded and its label (the next step) marked."""
    colours, step = palette(dark), series.step
    data = [_prices_trace(series, step), _scale_trace(series)]
    layout = _price_axes(series, colours, 340, step)
    if window is not None and window < len(series.prices):
        layout["shapes"] = [box(0.6, window + 0.4, 0, 1, WINDOW_COLOUR, axes=("x", "paper"))]
        data.append(
            {
                "type": "scatter",
                "x": [window + 1],
                "y": [series.prices[window]],
                "text": [step_text(step, window + 1)],
                "mode": "markers",
                "marker": {
                    "size": 16,
                    "color": LABEL_COLOUR,
                    "symbol": "diamond",
                    "line": {"color": "#000", "width": 1},
                },
                "name": _window_name(step, window),
                "hovertemplate": _("{when}: the first window's label {price}").format(**HOVER_PLACES)
                + "<extra></extra>",
            }
        )
    return PlainFigure(data, layout)


def fit_figure(
    series: Series, window: int, predictions: Sequence[float], forecast: float, dark: bool = False
) -> PlainFigure:
    """Each window's prediction (in the series' units) on the step it predicts, against the real prices."""
    colours, step = palette(dark), series.step
    predicted = list(range(window + 1, len(series.prices) + 1))
    after = len(series.prices) + 1
    data = [
        _prices_trace(series, step),
        {
            "type": "scatter",
            "x": predicted,
            "y": [series.unscale(value) for value in predictions],
            "text": [step_text(step, number) for number in predicted],
            "mode": "lines+markers",
            "line": {"color": PREDICTION_COLOUR, "width": 2, "dash": "dash"},
            "marker": {"size": 7},
            "name": _predicted_name(step, window),
            "hovertemplate": _("{when}: predicted {price}").format(**HOVER_PLACES) + "<extra></extra>",
        },
        {
            "type": "scatter",
            "x": [after],
            "y": [series.unscale(forecast)],
            "text": [step_text(step, after)],
            "mode": "markers",
            "marker": {"size": 18, "color": PREDICTION_COLOUR, "symbol": "star", "line": {"color": "#000", "width": 1}},
            "name": _forecast_name(step),
            "hovertemplate": _("{when}: forecast {price}").format(**HOVER_PLACES) + "<extra></extra>",
        },
        _scale_trace(series),
    ]
    layout = _price_axes(series, colours, 380, step)
    low = min(series.low, *(series.unscale(value) for value in (*predictions, forecast)))
    high = max(series.high, *(series.unscale(value) for value in (*predictions, forecast)))
    pad = (high - low) * 0.08
    layout["yaxis"]["range"] = [low - pad, high + pad]
    span = series.high - series.low
    layout["yaxis2"]["range"] = [(low - pad - series.low) / span, (high + pad - series.low) / span]
    return PlainFigure(data, layout)
