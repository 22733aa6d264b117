"""The explorer page: enter days and weights, watch the unrolled unit compute, compare days, share the view."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from urllib.parse import urlencode, urlsplit, urlunsplit

import streamlit as st

from lstm.cell import trace
from lstm.data import DAY_PRESETS, MAX_DAY_MAGNITUDE
from lstm.explain import frame_count, prediction_meaning
from lstm.figures import gates_over_days_figure, unrolled_figure
from lstm.state import MAX_PAGE_DAYS, ExplorerState, from_query, to_query
from lstm.trace import STEP_FIELDS, STEP_TITLES, Trace
from lstm.ui.text import escape_markdown
from lstm.weights import MAX_MAGNITUDE, PRESETS, Weights

STATE = "explorer"  # session key of the ExplorerState: the one source of truth for this visitor
MESSAGES = "explorer_messages"  # what was wrong with the link this view came from
FIELD_NOTICE = "explorer_field_notice"  # a number field left without a number, said once
SPEEDS = {"slow": 1400, "normal": 800, "fast": 400}  # ms per animation frame
SLIDER_RANGE = 8.0  # trained weights stay within a few units; the number field takes up to ±1000

GATES = (
    ("long-remember %", "forget gate", ("wlr1", "wlr2", "blr1")),
    ("potential-remember %", "input gate", ("wpr1", "wpr2", "bpr1")),
    ("potential memory", "candidate", ("wp1", "wp2", "bp1")),
    ("output %", "output gate", ("wo1", "wo2", "bo1")),
)
ROLES = ("weight on short memory", "weight on the input", "bias")


def _state() -> ExplorerState:
    return st.session_state[STATE]


def _set_state(state: ExplorerState) -> None:
    st.session_state[STATE] = state
    st.session_state[MESSAGES] = []


def _widget_values(state: ExplorerState) -> dict[str, object]:
    values: dict[str, object] = {f"day_{index}": day for index, day in enumerate(state.days)}
    for name, value in state.weights.items():
        values[f"number_{name}"] = value
        values[f"slider_{name}"] = max(-SLIDER_RANGE, min(SLIDER_RANGE, value))
    values["weights_preset"] = state.weights_name
    return values


def _sync_widgets(state: ExplorerState, only_missing: bool = False) -> None:
    """Put the state into the widgets; called whenever something other than a widget changed it.

    Streamlit forgets a widget's value while its page is not shown, so every render restores the
    missing ones (`only_missing`) from the state, which is never forgotten.
    """
    for key, value in _widget_values(state).items():
        if not only_missing or key not in st.session_state:
            st.session_state[key] = value


def _start_session() -> None:
    if STATE not in st.session_state:
        state, messages = from_query(st.query_params.to_dict())
        st.session_state[STATE] = state
        st.session_state[MESSAGES] = messages
    _sync_widgets(st.session_state[STATE], only_missing=True)


def current_weights() -> Weights:
    """The weights on the explorer, for a training run that starts from them."""
    _start_session()
    return _state().weights


def use_weights(weights: Weights) -> None:
    """Put weights from elsewhere (a training run, an uploaded file) into the explorer."""
    _start_session()
    state = _state().with_weights(weights, "custom")
    _set_state(state)
    _sync_widgets(state)


# Callbacks: they run before the script, so they may set other widgets' values.


def _on_day(index: int) -> None:
    value = st.session_state[f"day_{index}"]
    days = list(_state().days)
    if value is None:  # cleared, or not a number (abc, nan, 1e309): keep the last good value
        st.session_state[f"day_{index}"] = days[index]
        st.session_state[FIELD_NOTICE] = (
            f"Day {index + 1} needs a number from {-MAX_DAY_MAGNITUDE:g} to {MAX_DAY_MAGNITUDE:g}; "
            f"it keeps {days[index]:.2f}."
        )
        return
    days[index] = float(value)
    _set_state(_state().with_days(tuple(days)))


def _add_day() -> None:
    days = _state().days
    if len(days) < MAX_PAGE_DAYS:
        state = _state().with_days((*days, days[-1]))
        _set_state(state)
        _sync_widgets(state)


def _remove_day() -> None:
    days = _state().days
    if len(days) > 1:
        state = _state().with_days(days[:-1])
        _set_state(state)
        _sync_widgets(state)


def _reset_days() -> None:
    state = _state().with_days(ExplorerState().days)
    _set_state(state)
    _sync_widgets(state)
    st.session_state["day_preset"] = None


def _on_day_preset() -> None:
    state = _state().with_days(DAY_PRESETS[st.session_state["day_preset"]])
    _set_state(state)
    _sync_widgets(state)


def _on_weights_preset() -> None:
    name = st.session_state["weights_preset"]
    if name in PRESETS:
        state = _state().with_weights(PRESETS[name], name)
        _set_state(state)
        _sync_widgets(state)


def _on_weight(name: str, source: str) -> None:
    value = st.session_state[f"{source}_{name}"]
    if value is None:  # cleared, or not a number: keep the last good value
        _sync_widgets(_state())
        st.session_state[FIELD_NOTICE] = (
            f"{name} needs a number from {-MAX_MAGNITUDE:g} to {MAX_MAGNITUDE:g}; "
            f"it keeps {_state().weights[name]:.4f}."
        )
        return
    weights = _state().weights.replace(**{name: float(value)})
    preset = next((preset for preset, values in PRESETS.items() if values == weights), "custom")
    state = _state().with_weights(weights, preset)
    _set_state(state)
    _sync_widgets(state)


def _reset_weights() -> None:
    name = _state().weights_name if _state().weights_name in PRESETS else "trained"
    state = _state().with_weights(PRESETS[name], name)
    _set_state(state)
    _sync_widgets(state)


def _step(delta: int) -> None:
    state = _state()
    last = frame_count(len(state.days)) - 1
    frame = max(0, min(last, state.position.frame + delta))
    _set_state(replace(state, frame=None if frame == last else frame))


# Panels: each draws one part of the page.


def _days_panel() -> None:
    state = _state()
    preset, add, remove, reset = st.columns([2, 1, 1, 1], vertical_alignment="bottom")
    preset.selectbox(
        "Days",
        list(DAY_PRESETS),
        index=None,
        placeholder="Example days…",
        key="day_preset",
        on_change=_on_day_preset,
        help="Each day's value is a stock price scaled to about 0 to 1, as in the tutorial. "
        "Company A and B are the tutorial's data: they differ only on day 1.",
    )
    add.button(
        "Add",
        icon=":material/add:",
        on_click=_add_day,
        disabled=len(state.days) >= MAX_PAGE_DAYS,
        help=f"Add a day after the last one (up to {MAX_PAGE_DAYS})",
        width="stretch",
    )
    remove.button(
        "Remove",
        icon=":material/remove:",
        on_click=_remove_day,
        disabled=len(state.days) <= 1,
        help="Remove the last day",
        width="stretch",
    )
    reset.button(
        "Reset",
        icon=":material/restart_alt:",
        on_click=_reset_days,
        help="Back to the tutorial's Company A: 0, 0.5, 0.25, 1",
        width="stretch",
    )
    for index, column in enumerate(st.columns(min(len(state.days), 6))):
        for day in range(index, len(state.days), 6):
            column.number_input(
                f"Day {day + 1}",
                value=None,  # a cleared field reads as None, not as the minimum; _on_day restores it
                min_value=-MAX_DAY_MAGNITUDE,
                max_value=MAX_DAY_MAGNITUDE,
                step=0.05,
                format="%.2f",
                key=f"day_{day}",
                on_change=_on_day,
                args=(day,),
            )


def _weights_preset_panel() -> None:
    preset, reset = st.columns([2, 1], vertical_alignment="bottom")
    preset.radio(
        "Weights",
        [*PRESETS, "custom"],
        key="weights_preset",
        on_change=_on_weights_preset,
        horizontal=True,
        help="seed: the untrained start (seed 42). trained: the tutorial's weights after 5000 epochs. "
        "custom: edited below.",
    )
    reset.button("Reset weights", icon=":material/restart_alt:", on_click=_reset_weights)


def _weights_editor() -> None:
    with st.expander("Edit the twelve weights", icon=":material/tune:"):
        columns = st.columns(4)
        for column, (stage, standard, names) in zip(columns, GATES, strict=True):
            with column:
                st.markdown(f"**{stage}**  \n{standard}")
                for name, role in zip(names, ROLES, strict=True):
                    st.number_input(
                        f"{name} ({role})",
                        value=None,  # a cleared field reads as None, not as the minimum; _on_weight restores it
                        min_value=-MAX_MAGNITUDE,
                        max_value=MAX_MAGNITUDE,
                        step=0.01,
                        format="%.4f",
                        key=f"number_{name}",
                        on_change=_on_weight,
                        args=(name, "number"),
                    )
                    st.slider(
                        f"{name} roughly",
                        min_value=-SLIDER_RANGE,
                        max_value=SLIDER_RANGE,
                        step=0.05,
                        key=f"slider_{name}",
                        on_change=_on_weight,
                        args=(name, "slider"),
                        label_visibility="collapsed",
                    )


def _prediction_panel(result: Trace) -> None:
    st.markdown(
        f"#### Prediction: {result.prediction:.4f}\n"
        f"The short-term memory after the last day, {escape_markdown(prediction_meaning(result.prediction))}."
    )


def _csv(result: Trace) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(STEP_FIELDS)
    writer.writerows(result.rows())
    return buffer.getvalue()


def _compare_panel(result: Trace, dark: bool) -> None:
    st.subheader("Across the days")
    st.plotly_chart(gates_over_days_figure(result, dark), key="over_days", theme=None, config={"displayModeBar": False})
    st.dataframe(
        {STEP_TITLES[field]: [row[index] for row in result.rows()] for index, field in enumerate(STEP_FIELDS)},
        hide_index=True,
        width="stretch",
        column_config={
            title: st.column_config.NumberColumn(title, format="%.4f")
            for field, title in STEP_TITLES.items()
            if field != "day"
        },
    )
    st.download_button(
        "Download the table (CSV)",
        _csv(result),
        file_name="lstm-trace.csv",
        mime="text/csv",
        icon=":material/download:",
    )


def _share_panel(state: ExplorerState) -> None:
    query = urlencode(to_query(state), safe=",")
    page = st.context.url or ""
    scheme, host, path, _, _ = urlsplit(page)
    link = urlunsplit((scheme, host, path, query, "")) if host else f"?{query}"
    st.subheader("Share this view")
    st.caption("The link opens exactly these days, weights and animation step. Copy it with the button on the right.")
    st.code(link, language=None, wrap_lines=True)


def _animation_controls() -> None:
    back, forward, speed = st.columns([1, 1, 2], vertical_alignment="center")
    back.button("Step back", icon=":material/skip_previous:", on_click=_step, args=(-1,), width="stretch")
    forward.button("Step forward", icon=":material/skip_next:", on_click=_step, args=(1,), width="stretch")
    speed.select_slider("Play speed", list(SPEEDS), value="normal", key="speed")


def render() -> None:
    _start_session()
    state = _state()
    dark = st.context.theme.type == "dark"
    result = trace(state.days, state.weights)

    st.title("LSTM Explorer")
    st.caption(
        "One LSTM unit from the StatQuest tutorial, unrolled over the days you enter: each cell is the same "
        "unit with the same twelve weights. The long-term memory runs along the top line, the short-term "
        "memory along the bottom; each day's input comes in from below. Press Play, or step through it."
    )
    for message in st.session_state[MESSAGES]:
        st.warning(
            f"The link had a value that could not be used, so its default is shown: {escape_markdown(message)}",
            icon=":material/link_off:",
        )
    st.plotly_chart(
        unrolled_figure(result, state.weights, state.position, dark, SPEEDS[st.session_state.get("speed", "normal")]),
        key="unrolled",
        theme=None,
        config={"displayModeBar": False},
    )
    _animation_controls()
    _prediction_panel(result)
    notice = st.session_state.pop(FIELD_NOTICE, None)
    if notice:
        st.warning(notice, icon=":material/edit_off:")
    days, weights = st.columns(2, gap="large")
    with days:
        _days_panel()
    with weights:
        _weights_preset_panel()
    _weights_editor()
    _compare_panel(result, dark)
    _share_panel(state)
    st.query_params.from_dict(to_query(state))
