"""The explorer page: enter days and weights, watch the unrolled unit compute, compare days, share the view."""

from __future__ import annotations

import csv
import io
from urllib.parse import urlencode, urlsplit, urlunsplit

import streamlit as st

from lstm.explorer.state import MAX_PAGE_DAYS, ExplorerState, to_query
from lstm.figures.days import gates_over_days_figure
from lstm.figures.exports import image_export_config, standalone_html, table_figure
from lstm.figures.unrolled import unrolled_figure
from lstm.ui import explorer_session as session
from lstm.ui import guide, lesson_panel
from lstm.ui.text import escape_markdown
from lstm.unit.cell import trace
from lstm.unit.days import DAY_PRESETS, MAX_DAY_MAGNITUDE
from lstm.unit.explain import prediction_meaning
from lstm.unit.gates import GATES, ROLES
from lstm.unit.trace import STEP_FIELDS, Trace
from lstm.unit.weights import MAX_MAGNITUDE, PRESETS

SPEEDS = {"slow": 1400, "normal": 800, "fast": 400}  # ms per animation frame
# Presenter mode: every text of the unrolled unit this much larger, readable from the back row.
PRESENTER_TEXT_SCALE = 1.35
# Presenter mode's large type and big buttons. A constant: nothing a visitor typed goes into markup.
PRESENTER_CSS = """<style>
.stMainBlockContainer { padding-left: 1.5rem; padding-right: 1.5rem; }
.stMainBlockContainer [data-testid="stMarkdownContainer"] p,
.stMainBlockContainer [data-testid="stMarkdownContainer"] li { font-size: 1.5rem; line-height: 1.45; }
.stMainBlockContainer h1 { font-size: 2.75rem; }
.stMainBlockContainer h4 { font-size: 2.25rem; }
.stMainBlockContainer h5 { font-size: 1.9rem; }
.stMainBlockContainer .stButton button { min-height: 3.5rem; }
.stMainBlockContainer .stButton button p { font-size: 1.5rem; }
</style>"""


# Panels: each draws one part of the page.


def _days_panel() -> None:
    state = session.current()
    preset, add, remove, reset = st.columns([2, 1, 1, 1], vertical_alignment="bottom")
    preset.selectbox(
        "Days",
        list(DAY_PRESETS),
        index=None,
        placeholder="Example days…",
        key="day_preset",
        on_change=session.on_day_preset,
        help="Each day's value is a stock price scaled to about 0 to 1, as in the tutorial. "
        "Company A and B are the tutorial's data: they differ only on day 1.",
    )
    add.button(
        "Add",
        icon=":material/add:",
        on_click=session.add_day,
        disabled=len(state.days) >= MAX_PAGE_DAYS,
        help=f"Add a day after the last one (up to {MAX_PAGE_DAYS})",
        width="stretch",
    )
    remove.button(
        "Remove",
        icon=":material/remove:",
        on_click=session.remove_day,
        disabled=len(state.days) <= 1,
        help="Remove the last day",
        width="stretch",
    )
    reset.button(
        "Reset",
        icon=":material/restart_alt:",
        on_click=session.reset_days,
        help="Back to the tutorial's Company A: 0, 0.5, 0.25, 1",
        width="stretch",
    )
    for index, column in enumerate(st.columns(min(len(state.days), 6))):
        for day in range(index, len(state.days), 6):
            column.number_input(
                f"Day {day + 1}",
                value=None,  # a cleared field reads as None, not as the minimum; session.on_day restores it
                min_value=-MAX_DAY_MAGNITUDE,
                max_value=MAX_DAY_MAGNITUDE,
                step=0.05,
                format="%.2f",
                key=f"day_{day}",
                on_change=session.on_day,
                args=(day,),
            )


def _weights_preset_panel() -> None:
    preset, reset = st.columns([2, 1], vertical_alignment="bottom")
    preset.radio(
        "Weights",
        [*PRESETS, "custom"],
        key="weights_preset",
        on_change=session.on_weights_preset,
        horizontal=True,
        help="seed: the untrained start (seed 42). trained: the tutorial's weights after 5000 epochs. "
        "custom: edited below.",
    )
    reset.button("Reset weights", icon=":material/restart_alt:", on_click=session.reset_weights)


def _weights_editor() -> None:
    with st.expander("Edit the twelve weights", icon=":material/tune:"):
        columns = st.columns(4)
        for column, gate in zip(columns, GATES, strict=True):
            with column:
                st.markdown(f"**{gate.tutorial}**  \n{gate.standard}")
                for name, role in zip(gate.weights, ROLES, strict=True):
                    st.number_input(
                        f"{name} ({role})",
                        value=None,  # a cleared field reads as None, not as the minimum; session.on_weight restores it
                        min_value=-MAX_MAGNITUDE,
                        max_value=MAX_MAGNITUDE,
                        step=0.01,
                        format="%.4f",
                        key=f"number_{name}",
                        on_change=session.on_weight,
                        args=(name, "number"),
                    )
                    st.slider(
                        f"{name} roughly",
                        min_value=-session.SLIDER_RANGE,
                        max_value=session.SLIDER_RANGE,
                        step=0.05,
                        key=f"slider_{name}",
                        on_change=session.on_weight,
                        args=(name, "slider"),
                        label_visibility="collapsed",
                    )


def _prediction_panel(result: Trace) -> None:
    text, explain = st.columns([4, 1], vertical_alignment="center")
    text.markdown(
        f"#### Prediction: {result.prediction:.4f}\n"
        f"The short-term memory after the last day, {escape_markdown(prediction_meaning(result.prediction))}."
    )
    with explain:
        guide.what_am_i_looking_at(guide.PREDICTION, "help_prediction", "About the prediction")


def _csv(result: Trace) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(STEP_FIELDS)
    writer.writerows(result.rows())
    return buffer.getvalue()


def _compare_panel(result: Trace, dark: bool) -> None:
    guide.subheader_with_help("Across the days", guide.ACROSS_DAYS, "help_across_days", "About these charts")
    st.plotly_chart(
        gates_over_days_figure(result, dark), key="over_days", theme=None, config=image_export_config("lstm-gates")
    )
    st.plotly_chart(table_figure(result, dark), key="per_day", theme=None, config=image_export_config("lstm-table"))
    st.download_button(
        "Download the table (CSV)",
        _csv(result),
        file_name="lstm-trace.csv",
        mime="text/csv",
        icon=":material/download:",
        on_click="ignore",
        help="Every gate and both memories, one row per day, for a spreadsheet.",
    )


def _share_panel(state: ExplorerState, result: Trace) -> None:
    query = urlencode(to_query(state), safe=",")
    page = st.context.url or ""
    scheme, host, path, _, _ = urlsplit(page)
    link = urlunsplit((scheme, host, path, query, "")) if host else f"?{query}"
    guide.subheader_with_help("Share and export", guide.SHARE, "help_share", "About links and exports")
    st.caption("The link opens exactly this view. Copy it with the button on the right.")
    st.code(link, language=None, wrap_lines=True)

    def animation() -> str:
        # Built only when the button is pressed: with plotly.js inside, the file is about 5 MB.
        figure = unrolled_figure(result, state.weights, state.position, frame_ms=SPEEDS["normal"])
        return standalone_html(figure, "LSTM Explorer: the unrolled unit")

    st.download_button(
        "The animation as a web page (HTML)",
        animation,
        file_name="lstm-unrolled.html",
        mime="text/html",
        icon=":material/download:",
        on_click="ignore",
        help="One file that plays offline in any browser, with Play, Pause and the slider: for slides and handouts.",
    )


def _animation_controls(present: bool) -> None:
    back, forward, speed = st.columns([1, 1, 2], vertical_alignment="center")
    back.button(
        "Step back",
        icon=":material/skip_previous:",
        on_click=session.step,
        args=(-1,),
        width="stretch",
        type="primary" if present else "secondary",
        help="One stage back; the link follows.",
    )
    forward.button(
        "Step forward",
        icon=":material/skip_next:",
        on_click=session.step,
        args=(1,),
        width="stretch",
        type="primary" if present else "secondary",
        help="One stage on: the next gate, memory or day; the link follows.",
    )
    speed.select_slider("Play speed", list(SPEEDS), value="normal", key="speed", help="How long Play shows each stage.")


def _header(state: ExplorerState) -> None:
    title, lesson, explain, present = st.columns([3.2, 1.3, 1.5, 1.3], vertical_alignment="bottom")
    title.title("LSTM Explorer")
    with explain:
        guide.what_am_i_looking_at(guide.UNROLLED, "help_unrolled")
    if state.lesson is None:
        lesson.button(
            "Start the lesson",
            icon=":material/school:",
            on_click=session.go_to_lesson_step,
            args=(1,),
            width="stretch",
            help="The tutorial's story in eight steps, each one setting up the page.",
        )
    present.toggle(
        "Presenter mode",
        key="present",
        on_change=session.on_present,
        help="Large type and the cells filling the screen, for a projector; the rest folds away.",
    )
    if not state.present:
        st.caption(
            "One LSTM unit from the StatQuest tutorial, unrolled over the days you enter: each cell is the same "
            "unit with the same twelve weights. The long-term memory runs along the top line, the short-term "
            "memory along the bottom; each day's input comes in from below. Press Play, or step through it. "
            f"The tutorial: {guide.TUTORIAL_LINKS}."
        )


def _inputs_and_details(state: ExplorerState, result: Trace, dark: bool) -> None:
    """Days, weights, the per-day comparison and sharing, each unless a lesson link hides it."""
    notice = st.session_state.pop(session.FIELD_NOTICE, None)
    if notice:
        st.warning(notice, icon=":material/edit_off:")
    days, weights = st.columns(2, gap="large")
    if "days" not in state.hidden:
        with days:
            _days_panel()
    if "weights" not in state.hidden:
        with weights:
            _weights_preset_panel()
        _weights_editor()
    if "table" not in state.hidden:
        _compare_panel(result, dark)
    if "share" not in state.hidden:
        _share_panel(state, result)


def render() -> None:
    session.start_session()
    state = session.current()
    dark = st.context.theme.type == "dark"
    result = trace(state.days, state.weights)
    if state.present:
        st.html(PRESENTER_CSS)

    _header(state)
    for message in st.session_state[session.MESSAGES]:
        st.warning(
            f"The link had a value that could not be used, so its default is shown: {escape_markdown(message)}",
            icon=":material/link_off:",
        )
    if state.lesson is not None:
        lesson_panel.render(state, result, state.weights)
    frame_ms = SPEEDS[st.session_state.get("speed", "normal")]
    st.plotly_chart(
        unrolled_figure(
            result, state.weights, state.position, dark, frame_ms, PRESENTER_TEXT_SCALE if state.present else 1.0
        ),
        key="unrolled",
        theme=None,
        config=image_export_config("lstm-unrolled"),
    )
    _animation_controls(state.present)
    _prediction_panel(result)
    if state.present:
        # What does not matter while presenting folds away, one click from the front.
        with st.expander("Days, weights and more", icon=":material/tune:"):
            _inputs_and_details(state, result, dark)
    else:
        _inputs_and_details(state, result, dark)
    st.query_params.from_dict(to_query(state))
