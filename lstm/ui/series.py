"""The own-series page: paste or upload prices, see them scaled and cut into windows, train on them, see the fit."""

from __future__ import annotations

import streamlit as st
import torch

from lstm.figures.exports import image_export_config
from lstm.figures.series import fit_figure, series_figure
from lstm.training.series import (
    DEFAULT_WINDOW,
    EXAMPLE,
    MAX_BYTES,
    MAX_PRICES,
    MAX_WINDOW,
    MIN_WINDOW,
    STOCKS,
    ColumnChoiceError,
    Series,
    SeriesError,
    read_series,
    stock,
    training_data,
)
from lstm.ui import guide, routes, visitor
from lstm.ui.text import escape_markdown
from lstm.unit.cell import as_tensors, unroll
from lstm.unit.forward import trace

# Session keys. Streamlit forgets a widget's value when its page is left, so what must last is kept
# under keys of its own and put back into the widgets on the way in.
PASTED = "own_series_pasted"  # the text last pasted
SOURCE = "own_series_source"  # the file last read, so the same upload is not read on every rerun
# The text or file last read, its columns of prices and the one read, so a visitor can pick another
# column without giving the file again: {"data", "source", "columns", "column"}. At most 1 MB.
RAW = "own_series_raw"
COLUMN_FIELD = "series_column_field"

EXPLAINED = """\
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


def _read(data: bytes | str, source: str, column: str | None = None) -> None:
    """Keep the series if it reads; otherwise say why and keep the last good one."""
    try:
        series = read_series(data, source, column)
    except ColumnChoiceError as error:
        _remember(data, source, error.columns, None)
        st.session_state["series_error"] = f"{source or 'The pasted text'}: {error}."
        return
    except SeriesError as error:
        st.session_state["series_error"] = f"{source or 'The pasted text'} was not used: {error}."
        return
    _remember(data, source, series.choices, series.column)
    st.session_state[visitor.SERIES] = series
    st.session_state.pop("series_error", None)


def _remember(data: bytes | str, source: str, columns: tuple[str, ...], column: str | None) -> None:
    st.session_state[RAW] = {"data": data, "source": source, "columns": columns, "column": column}
    st.session_state.pop(COLUMN_FIELD, None)  # the picker starts from this file's column


def _on_column() -> None:
    raw = st.session_state.get(RAW)
    if raw is not None and st.session_state.get(COLUMN_FIELD) is not None:
        _read(raw["data"], raw["source"], st.session_state[COLUMN_FIELD])


def _use_stock(ticker: str) -> None:
    st.session_state[visitor.SERIES] = stock(ticker)
    st.session_state.pop(RAW, None)
    st.session_state.pop("series_error", None)


def _on_paste() -> None:
    text = st.session_state.get("series_paste") or ""
    st.session_state[PASTED] = text
    if text.strip():
        _read(text, "")


def _use_example() -> None:
    st.session_state["series_paste"] = st.session_state[PASTED] = EXAMPLE
    _read(EXAMPLE, "")


def _on_window() -> None:
    value = st.session_state["series_window_field"]
    if value is None:  # cleared, or not a whole number: keep the last good window
        st.session_state["series_window_field"] = st.session_state[visitor.SERIES_WINDOW]
    else:
        st.session_state[visitor.SERIES_WINDOW] = int(value)


def _inputs() -> None:
    st.session_state.setdefault("series_paste", st.session_state.get(PASTED, ""))
    paste, upload = st.columns(2)
    with paste:
        st.text_area(
            "Paste prices: one a line, or CSV with a header (a Close or Price column is used)",
            key="series_paste",
            height=180,
            on_change=_on_paste,
            max_chars=MAX_BYTES,
            placeholder="date,close\n2024-01-02,185.6\n2024-01-03,184.2\n...",
        )
        st.button("Use an example", icon=":material/science:", on_click=_use_example)
    with upload:
        file = st.file_uploader(
            f"Or upload a price file: CSV or text, as finance sites and spreadsheets save them "
            f"(at most 1 MB and {MAX_PRICES:,} prices)",
            type=["csv", "txt", "tsv"],
            key="series_upload",
        )
        if file is not None and st.session_state.get(SOURCE) != file.file_id:
            st.session_state[SOURCE] = file.file_id
            _read(file.getvalue(), file.name)
    _stock_buttons()
    error = st.session_state.pop("series_error", None)  # said once: it is about the input just given
    if error:
        kept = " The series below is the last one that worked." if visitor.SERIES in st.session_state else ""
        st.error(escape_markdown(error) + kept, icon=":material/error:")
    _column_picker()


def _stock_buttons() -> None:
    st.caption(
        "Or real prices, one click: the weekly closes of six stocks in 2018 and 2019, each relative to its "
        "first week (Plotly's sample data, no download)."
    )
    for column, ticker in zip(st.columns(len(STOCKS)), STOCKS, strict=True):
        column.button(ticker, key=f"stock_{ticker}", on_click=_use_stock, args=(ticker,), width="stretch")


def _column_picker() -> None:
    """With several columns of prices in the file, a visitor picks the one to read (the reader never mixes them)."""
    raw = st.session_state.get(RAW)
    if raw is None or len(raw["columns"]) < 2:
        return
    columns = list(raw["columns"])
    st.selectbox(
        "Column of prices to read",
        columns,
        index=columns.index(raw["column"]) if raw["column"] in columns else None,
        placeholder="Pick the column to read",
        key=COLUMN_FIELD,
        on_change=_on_column,
        help="The file has several columns of prices. A close is read when there is one; pick another here.",
    )


def _what_was_read(series: Series) -> None:
    """Where the prices came from, how many, and the first and last, so a misread file shows at once."""
    first, last = (series.dates[0], series.dates[-1]) if series.dates else ("day 1", f"day {len(series.prices):,}")
    notes = "".join(f" {note[0].upper()}{note[1:]}." for note in series.notes)
    st.markdown(
        escape_markdown(
            f"Read: {len(series.prices):,} prices from the column {series.column!r}, first {first} at "
            f"{series.prices[0]:g}, last {last} at {series.prices[-1]:g}.{notes}"
        )
    )


def _window(series: Series) -> int | None:
    st.session_state.setdefault(visitor.SERIES_WINDOW, DEFAULT_WINDOW)
    st.session_state.setdefault("series_window_field", st.session_state[visitor.SERIES_WINDOW])
    st.number_input(
        "Window: days the unit reads before predicting the next",
        value=None,  # a cleared field reads as None, not as the minimum; _on_window restores it
        min_value=MIN_WINDOW,
        max_value=MAX_WINDOW,
        step=1,
        key="series_window_field",
        on_change=_on_window,
        help="The tutorial uses 4. Longer windows give fewer of them, and a longer way back for the gradient.",
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
    inputs, labels = data.inputs, data.labels
    with torch.no_grad():
        predictions = unroll(inputs, as_tensors(progress.weights)).short_memory[..., -1].tolist()
    forecast = trace(series.last_window(window), progress.weights).prediction
    st.subheader("The trained unit on your series")
    st.plotly_chart(
        fit_figure(series, window, predictions, forecast, dark),
        key="series_fit",
        theme=None,
        config=image_export_config("lstm-series-fit"),
    )
    error = sum(
        abs(series.unscale(p) - series.unscale(float(y))) for p, y in zip(predictions, labels.tolist(), strict=True)
    ) / len(labels)
    st.caption(
        f"After {progress.history.epochs[-1]:,} epochs ({escape_markdown(run.config.label)}): the predictions "
        f"are off by {error:.4g} on average, in your units. Forecast for the day after your last price: "
        f"{series.unscale(forecast):.4g}."
    )


def render() -> None:
    guide.insight_heading(
        "Your own series",
        EXPLAINED,
        "help_series",
        "Paste or upload a short series of prices: it is scaled to 0 to 1 as the tutorial's data, cut into "
        "windows of N days with the next day as the label, and the unit trains on it.",
    )
    _inputs()
    series: Series | None = st.session_state.get(visitor.SERIES)
    if series is None:
        st.info(
            "Paste prices, upload a price file, pick one of the stocks, or press **Use an example** to begin.",
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
        f"{len(series.prices):,} prices from {escape_markdown(series.name)}, {series.low:g} to {series.high:g} "
        f"scaled to 0 to 1: {len(data):,} windows of {window} days, each with the next day as its label."
    )
    inputs, labels = series.windows(window)
    preview = min(len(labels), 6)
    st.dataframe(
        {
            "window": list(range(1, preview + 1)),
            "days (scaled)": [", ".join(f"{value:.3f}" for value in row) for row in inputs[:preview].tolist()],
            "next day (label)": labels[:preview].tolist(),
        },
        hide_index=True,
        column_config={"next day (label)": st.column_config.NumberColumn(format="%.3f")},
    )
    if st.button(
        "Train on this series",
        icon=":material/model_training:",
        type="primary",
        help="Opens the Training page and starts a run on these windows with its settings (the fast recipe).",
    ):
        st.session_state[visitor.TRAIN_ON] = "series"
        st.session_state[visitor.TRAIN_NOW] = True
        st.switch_page(routes.TRAINING.target())
    _fit_panel(series, window, dark)
