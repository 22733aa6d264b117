"""The own-series page: paste or upload prices, see them scaled and cut into windows, train on them, see the fit."""

from __future__ import annotations

import streamlit as st

from lstm.figures.exports import image_export_config
from lstm.figures.numbers import plain_number
from lstm.figures.series import fit_figure, series_figure, step_text
from lstm.locales import N_, _, ngettext, whole
from lstm.training.series import (
    DEFAULT_WINDOW,
    MAX_WINDOW,
    MIN_WINDOW,
    Series,
    SeriesError,
    training_data,
)
from lstm.training.series_predictions import series_fit
from lstm.ui import guide, routes, series_inputs, visitor
from lstm.ui.text import escape_markdown

EXPLAINED = N_(
    """\
**Scaling.** The tutorial's prices run from 0 to 1. Yours are scaled the same way: the lowest price
becomes 0, the highest 1, and everything between in proportion. Predictions are turned back into
your prices for the charts.

**Windows.** The unit reads N days and predicts the next one. Your series is cut into every run of N
days in a row (a window), each labelled with the day after it: that is what training sees, as the
tutorial's Company A and B are two windows of 4 days with day 5 as the label.

**The fit.** After a run on your series, each window's prediction is drawn against the real next
day, and the unit forecasts the day after your last price. It is one unit with twelve weights: it
learns a shape, not the market.
"""
)


def _on_window() -> None:
    value = st.session_state["series_window_field"]
    if value is None:  # cleared, or not a whole number: keep the last good window
        st.session_state["series_window_field"] = st.session_state[visitor.SERIES_WINDOW]
    else:
        st.session_state[visitor.SERIES_WINDOW] = int(value)


def _what_was_read(series: Series) -> None:
    """Where the prices came from, how many, and the first and last, so a misread file shows at once."""
    if series.dates:
        first, last = series.dates[0], series.dates[-1]
    else:
        first, last = step_text("day", 1), step_text("day", whole(len(series.prices)))
    notes = "".join(f" {note[0].upper()}{note[1:]}." for note in series.notes)
    read = _(
        "Read: {count} prices from the column {column}, first {first} at {first_price}, last {last} at {last_price}."
    )
    st.markdown(
        escape_markdown(
            read.format(
                count=whole(len(series.prices)),
                column=repr(series.column),
                first=first,
                first_price=plain_number(series.prices[0]),
                last=last,
                last_price=plain_number(series.prices[-1]),
            )
            + notes
        )
    )


def _window(series: Series) -> int | None:
    st.session_state.setdefault(visitor.SERIES_WINDOW, DEFAULT_WINDOW)
    st.session_state.setdefault("series_window_field", st.session_state[visitor.SERIES_WINDOW])
    st.number_input(
        _("Window: days the unit reads before predicting the next"),
        value=None,  # a cleared field reads as None, not as the minimum; _on_window restores it
        min_value=MIN_WINDOW,
        max_value=MAX_WINDOW,
        step=1,
        key="series_window_field",
        on_change=_on_window,
        help=_(
            "The tutorial uses {days}. Longer windows give fewer of them, and a longer way back for the gradient."
        ).format(days=DEFAULT_WINDOW),
    )
    window = st.session_state[visitor.SERIES_WINDOW]
    try:
        series.check_window(window)
    except SeriesError as error:
        st.error(f"{escape_markdown(str(error))}.", icon=":material/error:")
        return None
    return window


def _fit_panel(series: Series, window: int, dark: bool) -> None:
    """After a run on this series and window: every window's prediction against the real next day."""
    data = training_data(series, window)
    run = next((run for run in reversed(visitor.training_runs()) if run.data.same_as(data)), None)
    if run is None:
        return
    progress = run.progress()
    fit = series_fit(series, window, progress.weights)
    st.subheader(_("The trained unit on your series"))
    st.plotly_chart(
        fit_figure(series, window, list(fit.predictions), fit.forecast, dark),
        key="series_fit",
        theme=None,
        config=image_export_config("lstm-series-fit"),
    )
    epochs = progress.history.epochs[-1]
    st.caption(
        _fit_sentence(series.step, epochs).format(
            epochs=whole(epochs),
            run=escape_markdown(run.config.label),
            error=f"{fit.mean_error:.4g}",
            forecast=f"{series.unscale(fit.forecast):.4g}",
        )
    )


def _fit_sentence(step: str, epochs: int) -> str:
    """How close the trained unit came, and its forecast for the step after the last price, in the series' steps."""
    if step == "week":
        return ngettext(
            "After {epochs} epoch ({run}): the predictions are off by {error} on average, in your units. Forecast "
            "for the week after your last price: {forecast}.",
            "After {epochs} epochs ({run}): the predictions are off by {error} on average, in your units. Forecast "
            "for the week after your last price: {forecast}.",
            epochs,
        )
    if step == "month":
        return ngettext(
            "After {epochs} epoch ({run}): the predictions are off by {error} on average, in your units. Forecast "
            "for the month after your last price: {forecast}.",
            "After {epochs} epochs ({run}): the predictions are off by {error} on average, in your units. Forecast "
            "for the month after your last price: {forecast}.",
            epochs,
        )
    return ngettext(
        "After {epochs} epoch ({run}): the predictions are off by {error} on average, in your units. Forecast "
        "for the day after your last price: {forecast}.",
        "After {epochs} epochs ({run}): the predictions are off by {error} on average, in your units. Forecast "
        "for the day after your last price: {forecast}.",
        epochs,
    )


def _windows_sentence(step: str, count: int) -> str:
    """How the series is cut, counted in its own steps: weekly closes make windows of weeks, not days."""
    if step == "week":
        return ngettext(
            "{prices} prices from {name}, {low} to {high} scaled to 0 to 1: {count} window of {days} weeks, each "
            "with the next week as its label.",
            "{prices} prices from {name}, {low} to {high} scaled to 0 to 1: {count} windows of {days} weeks, each "
            "with the next week as its label.",
            count,
        )
    if step == "month":
        return ngettext(
            "{prices} prices from {name}, {low} to {high} scaled to 0 to 1: {count} window of {days} months, each "
            "with the next month as its label.",
            "{prices} prices from {name}, {low} to {high} scaled to 0 to 1: {count} windows of {days} months, each "
            "with the next month as its label.",
            count,
        )
    return ngettext(
        "{prices} prices from {name}, {low} to {high} scaled to 0 to 1: {count} window of {days} days, each "
        "with the next day as its label.",
        "{prices} prices from {name}, {low} to {high} scaled to 0 to 1: {count} windows of {days} days, each "
        "with the next day as its label.",
        count,
    )


def _windows_table(series: Series, window: int) -> None:
    """The first windows as training sees them: the scaled days and the next day, their label."""
    inputs, labels = series.windows(window)
    preview = min(len(labels), 6)
    step = series.step
    read, label = {
        "week": (_("weeks (scaled)"), _("next week (label)")),
        "month": (_("months (scaled)"), _("next month (label)")),
    }.get(step) or (_("days (scaled)"), _("next day (label)"))
    st.dataframe(
        {
            _("window"): list(range(1, preview + 1)),
            read: [", ".join(f"{value:.3f}" for value in row) for row in inputs[:preview].tolist()],
            label: labels[:preview].tolist(),
        },
        hide_index=True,
        column_config={label: st.column_config.NumberColumn(format="%.3f")},
    )


def render() -> None:
    guide.insight_heading(
        _("Your own series"),
        _(EXPLAINED),
        "help_series",
        _(
            "Paste or upload a short series of prices: it is scaled to 0 to 1 as the tutorial's data, cut into "
            "windows of N days with the next day as the label, and the unit trains on it."
        ),
    )
    series_inputs.inputs()
    series: Series | None = st.session_state.get(visitor.SERIES)
    if series is None:
        st.info(
            _("Paste prices, upload a price file, pick one of the stocks, or press **Use an example** to begin."),
            icon=":material/info:",
        )
        return
    dark = st.context.theme.type == "dark"
    _what_was_read(series)
    window = _window(series)
    st.plotly_chart(
        series_figure(series, window, dark), key="series", theme=None, config=image_export_config("lstm-series")
    )
    if window is None:
        return
    data = training_data(series, window)
    st.caption(
        _windows_sentence(series.step, len(data)).format(
            prices=whole(len(series.prices)),
            name=escape_markdown(series.name),
            low=plain_number(series.low),
            high=plain_number(series.high),
            count=whole(len(data)),
            days=window,
        )
    )
    _windows_table(series, window)
    if st.button(
        _("Train on this series"),
        icon=":material/model_training:",
        type="primary",
        help=_("Opens the Training page and starts a run on these windows with its settings (the fast recipe)."),
    ):
        st.session_state[visitor.TRAIN_ON] = "series"
        st.session_state[visitor.TRAIN_NOW] = True
        st.switch_page(routes.TRAINING.target())
    _fit_panel(series, window, dark)
