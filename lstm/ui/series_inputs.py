"""The own-series page's inputs: paste, upload, a stock or the example, and the column to read; the last good kept."""

from __future__ import annotations

import streamlit as st

from lstm.locales import _, whole
from lstm.training.series import (
    EXAMPLE,
    MAX_BYTES,
    MAX_PRICES,
    STOCKS,
    ColumnChoiceError,
    SeriesError,
    read_series,
    stock,
)
from lstm.ui import visitor
from lstm.ui.text import escape_markdown

# Session keys. Streamlit forgets a widget's value when its page is left, so what must last is kept
# under keys of its own and put back into the widgets on the way in.
PASTED = "own_series_pasted"  # the text last pasted
SOURCE = "own_series_source"  # the file last read, so the same upload is not read on every rerun
# The text or file last read, its columns of prices and the one read, so a visitor can pick another
# column without giving the file again: {"data", "source", "columns", "column"}. At most 1 MB.
RAW = "own_series_raw"
COLUMN_FIELD = "series_column_field"
# The first rows of a price file, shown in the empty paste field; the rows' numbers keep their decimal point.
EXAMPLE_ROWS = "2024-01-02,185.6\n2024-01-03,184.2\n..."


def _read(data: bytes | str, source: str, column: str | None = None) -> None:
    """Keep the series if it reads; otherwise say why and keep the last good one."""
    try:
        series = read_series(data, source, column)
    except ColumnChoiceError as error:
        _remember(data, source, error.columns, None)
        said = _("{file}: {error}.") if source else _("The pasted text: {error}.")
        st.session_state["series_error"] = said.format(file=source, error=error)
        return
    except SeriesError as error:
        said = _("{file} was not used: {error}.") if source else _("The pasted text was not used: {error}.")
        st.session_state["series_error"] = said.format(file=source, error=error)
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
    if len(text) > MAX_BYTES:
        # Refused with the message a file that size gets, before anything reads it, and taken out of the field:
        # the field would send it to the server again with every rerun. The last good paste goes back in.
        st.session_state["series_paste"] = st.session_state.get(PASTED, "")
        _read(text, "")
        return
    st.session_state[PASTED] = text
    if text.strip():
        _read(text, "")


def _use_example() -> None:
    st.session_state["series_paste"] = st.session_state[PASTED] = EXAMPLE
    _read(EXAMPLE, "")


def inputs() -> None:
    """Where the prices come from, and what went wrong with the last ones given."""
    st.session_state.setdefault("series_paste", st.session_state.get(PASTED, ""))
    paste, upload = st.columns(2)
    with paste:
        st.text_area(
            _("Paste prices: one a line, or CSV with a header (a Close or Price column is used)"),
            key="series_paste",
            height=180,
            on_change=_on_paste,
            # No max_chars: the browser would drop a longer paste without a word. The server refuses it with a
            # message at once (its length is checked before anything reads it).
            # The header in the visitor's language: the reader knows a date and a close column in each.
            placeholder=_("date,close") + "\n" + EXAMPLE_ROWS,
        )
        st.button(_("Use an example"), icon=":material/science:", on_click=_use_example)
    with upload:
        file = st.file_uploader(
            _(
                "Or upload a price file: CSV or text, as finance sites and spreadsheets save them "
                "(at most 1 MB and {count} prices)"
            ).format(count=whole(MAX_PRICES)),
            type=["csv", "txt", "tsv"],
            key="series_upload",
        )
        if file is not None and st.session_state.get(SOURCE) != file.file_id:
            st.session_state[SOURCE] = file.file_id
            _read(file.getvalue(), file.name)
    _stock_buttons()
    error = st.session_state.pop("series_error", None)  # said once: it is about the input just given
    if error:
        kept = " " + _("The series below is the last one that worked.") if visitor.SERIES in st.session_state else ""
        st.error(escape_markdown(error) + kept, icon=":material/error:")
    _column_picker()


def _stock_buttons() -> None:
    st.caption(
        _(
            "Or real prices, one click: the weekly closes of six stocks in 2018 and 2019, each relative to its "
            "first week (Plotly's sample data, no download)."
        )
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
        _("Column of prices to read"),
        columns,
        index=columns.index(raw["column"]) if raw["column"] in columns else None,
        placeholder=_("Pick the column to read"),
        key=COLUMN_FIELD,
        on_change=_on_column,
        help=_("The file has several columns of prices. A close is read when there is one; pick another here."),
    )
