"""Below the explorer's cells: every day's numbers as a chart and a table, and the link and exports to share."""

from __future__ import annotations

import csv
import io
from functools import partial
from urllib.parse import urlencode, urlsplit, urlunsplit

import streamlit as st

from lstm.explorer.state import ExplorerState
from lstm.figures.days import gates_over_days_figure
from lstm.figures.exports import TABLE_MINIMUM_WIDTH, image_export_config, standalone_html, table_figure
from lstm.figures.theme import PlainFigure
from lstm.figures.unrolled import unrolled_figure
from lstm.locales import N_, _, current, speaking
from lstm.ui import explorer_session as session
from lstm.ui import guide
from lstm.ui.copy_link import copy_link
from lstm.ui.sideways import scroll_sideways_css
from lstm.unit.trace import STEP_FIELDS, Trace

SPEEDS = {"slow": 1400, "normal": 800, "fast": 400}  # ms per animation frame
DEFAULT_SPEED = "normal"
SPEED_LABELS = {"slow": N_("slow"), "normal": N_("normal"), "fast": N_("fast")}  # how the speed slider names them


def _csv(result: Trace) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(STEP_FIELDS)
    writer.writerows(result.rows())
    return buffer.getvalue()


EVERY_DAY = "every_day"  # key of the fold holding every day's numbers at the end of the animation: True when open


def compare_panel(result: Trace, dark: bool, answer_shown: bool) -> None:
    guide.subheader_with_help(_("Across the days"), guide.ACROSS_DAYS, "help_across_days", _("About these charts"))
    # Folded, and drawn only once opened (a rerun): drawn on every visit, the two charts cost the cells' first
    # picture a fifth of a second of the browser's time, and most visits come for the cells. Before the
    # animation reaches the end the numbers hold the prediction: that fold has a key of its own, so it opens
    # closed whatever the visitor did at the end.
    if answer_shown:
        folded = st.expander(
            _("Every day's numbers: a chart and a table"), icon=":material/table_chart:", key=EVERY_DAY,
            on_change="rerun",
        )  # fmt: skip
    else:
        folded = st.expander(
            _("Every day's numbers, the prediction included: show them"), icon=":material/visibility:",
            key="every_day_before_the_end", on_change="rerun",
        )  # fmt: skip
    if folded.open:
        with folded:
            _every_day(result, dark)


# Past this many days the chart across the days marks every fifth day, not each: sixty marks run together.
MARK_EVERY_DAY_UP_TO = 16


def _over_days(result: Trace, dark: bool) -> PlainFigure:
    """The gates and memories across the days, its day axis marked every fifth day for a long sequence."""
    figure = gates_over_days_figure(result, dark)
    if len(result.steps) <= MARK_EVERY_DAY_UP_TO:
        return figure
    parts = figure.to_dict()
    layout = {**parts["layout"], "xaxis": {**parts["layout"]["xaxis"], "tick0": 0, "dtick": 5}}
    return PlainFigure(parts["data"], layout)


def _every_day(result: Trace, dark: bool) -> None:
    st.plotly_chart(_over_days(result, dark), key="over_days", theme=None, config=image_export_config("lstm-gates"))
    with st.container(key="per_day_frame"):
        # On a phone the columns keep the width their headers and numbers need, and the frame scrolls instead.
        st.html(scroll_sideways_css("per_day_frame", "per_day", TABLE_MINIMUM_WIDTH))
        st.plotly_chart(table_figure(result, dark), key="per_day", theme=None, config=image_export_config("lstm-table"))
    st.download_button(
        _("Download the table (CSV)"),
        partial(_csv, result),  # made when pressed, not on every rerun
        file_name="lstm-trace.csv",
        mime="text/csv",
        icon=":material/download:",
        on_click="ignore",
        help=_("Every gate and both memories, one row per day, for a spreadsheet."),
    )


def share_panel(state: ExplorerState, result: Trace) -> None:
    query = urlencode(session.link_query(state), safe=",")
    page = st.context.url or ""
    scheme, host, path, _query, _fragment = urlsplit(page)
    link = urlunsplit((scheme, host, path, query, "")) if host else f"?{query}"
    guide.subheader_with_help(_("Share and export"), guide.share_text(), "help_share", _("About links and exports"))
    st.caption(_("The link opens exactly this view."))
    copy_link(link)

    language = current()  # the press is served outside this script run, where the language is English

    def animation() -> str:
        # Built only when the button is pressed: with plotly.js inside, the file is about 5 MB.
        open_day = None if state.cell is None else state.cell - 1
        with speaking(language):
            figure = unrolled_figure(
                result, state.weights, state.position, frame_ms=SPEEDS[DEFAULT_SPEED], open_day=open_day,
                browser_frames=False,  # the file plays with Plotly's own controls, which need its frames
            )  # fmt: skip
            return standalone_html(figure, _("LSTM Explorer: the unrolled unit"))

    st.download_button(
        _("The animation as a web page (HTML)"),
        animation,
        file_name="lstm-unrolled.html",
        mime="text/html",
        icon=":material/download:",
        on_click="ignore",
        help=_("One file that plays offline in any browser, with Play, Pause and the slider: for slides and handouts."),
    )
