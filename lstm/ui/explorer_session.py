"""The explorer's state in a visitor's session: read, changed by widget callbacks, kept in step with the widgets."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from lstm.explorer.link_values import FieldError, format_days, parse_days
from lstm.explorer.state import MAX_PAGE_DAYS, ExplorerState, from_query, to_query
from lstm.locales import N_
from lstm.ui import language
from lstm.unit.days import COMPANIES, DAY_PRESETS, MAX_DAY_MAGNITUDE, company_of
from lstm.unit.gates import GATES
from lstm.unit.stages import frame_count
from lstm.unit.weights import MAX_MAGNITUDE, NAMES, PRESETS, Weights

STATE = "explorer"  # session key of the ExplorerState: the one source of truth for this visitor
MESSAGES = "explorer_messages"  # what was wrong with the link this view came from
# A number field left without a number, said once: (sentence, its values), put into words when shown, for a
# callback runs before the script run has set the visitor's language.
FIELD_NOTICE = "explorer_field_notice"
EDITING = "explorer_editing_weight"  # the weight a click on the opened cell asked to edit
CHART = "unrolled"  # key of the unrolled unit's chart: its selection, its player and its preview find it by it
DAY_FIELD = "day_"  # key of each day's number field, before the day's 0-based index
MOST_DAY_FIELDS = 12  # up to this many days each has a number field (four rows of three); more are one text
DAYS_TEXT = "days_text"  # key of the text field holding every day, comma-separated, as a link writes them
DAYS_TEXT_REFUSED = "days_text_refused"  # that field's text when it could not be used: said once, then dropped
# The last texts the page put into that field itself. The browser's copy of a text the page wrote comes back late
# when a rerun the browser sent meanwhile carries the copy before (the class panel's timer asks every second):
# such a copy is not the visitor's edit, and taking it would put the days back as they were. The page's texts the
# browser may still send back: forgotten once the browser has sent the latest.
DAYS_TEXT_WRITTEN = "days_text_written"
WRITTEN_TEXTS_KEPT = 4  # a browser's copy lags at most a few of the page's writes behind
SLIDER_RANGE = 8.0  # trained weights stay within a few units; the number field takes up to ±1000


def link_query(state: ExplorerState) -> dict[str, str]:
    """The link's fields for this view: the state's, and the visitor's language once it is chosen or not English."""
    return {**to_query(state), **language.link_parameter()}


def current() -> ExplorerState:
    return st.session_state[STATE]


def set_state(state: ExplorerState) -> None:
    st.session_state[STATE] = state
    st.session_state[MESSAGES] = []


def _widget_values(state: ExplorerState) -> dict[str, object]:
    # Only days that have a field keep a value for it: sixty idle keys would slow every widget of every run.
    fields = state.days if len(state.days) <= MOST_DAY_FIELDS else ()
    values: dict[str, object] = {f"{DAY_FIELD}{index}": day for index, day in enumerate(fields)}
    values[DAYS_TEXT] = days_text(state.days)
    for name, value in state.weights.items():
        values[f"number_{name}"] = value
        values[f"slider_{name}"] = max(-SLIDER_RANGE, min(SLIDER_RANGE, value))
    values["weights_preset"] = state.weights_name
    values["open_day"] = state.cell
    values["compare_with"] = company_of(state.compare)
    return values


def sync_widgets(state: ExplorerState, only_missing: bool = False) -> None:
    """Put the state into the widgets; called whenever something other than a widget changed it.

    Streamlit forgets a widget's value while its page is not shown, so every render restores the
    missing ones (`only_missing`) from the state, which is never forgotten.
    """
    for key, value in _widget_values(state).items():
        if not only_missing or key not in st.session_state:
            if key == DAYS_TEXT:
                show_days_text(state.days)
            else:
                st.session_state[key] = value


def start_session() -> None:
    if STATE not in st.session_state:
        state, messages = from_query(st.query_params.to_dict())
        st.session_state[STATE] = state
        st.session_state[MESSAGES] = messages
    sync_widgets(st.session_state[STATE], only_missing=True)
    _forget_texts_seen()


def _forget_texts_seen() -> None:
    """Once the browser's copy of the days' text is the page's latest, no earlier one can come from it any more
    (its messages come in order): a visitor who types an earlier text again then means it."""
    written = st.session_state.get(DAYS_TEXT_WRITTEN, ())
    if len(written) > 1 and st.session_state.get(DAYS_TEXT) == written[-1]:
        st.session_state[DAYS_TEXT_WRITTEN] = written[-1:]


def current_weights() -> Weights:
    """The weights on the explorer, for a training run that starts from them."""
    start_session()
    return current().weights


def use_weights(weights: Weights) -> None:
    """Put weights from elsewhere (a training run, an uploaded file) into the explorer."""
    start_session()
    state = current().with_weights(weights, "custom")
    set_state(state)
    sync_widgets(state)


# Callbacks: they run before the script, so they may set other widgets' values.


def on_day(index: int) -> None:
    value = st.session_state[f"{DAY_FIELD}{index}"]
    days = list(current().days)
    if value is None:  # cleared, or not a number (abc, nan, 1e309): keep the last good value
        st.session_state[f"{DAY_FIELD}{index}"] = days[index]
        values = {"day": index + 1, "low": f"{-MAX_DAY_MAGNITUDE:g}", "high": f"{MAX_DAY_MAGNITUDE:g}"}
        values["kept"] = f"{days[index]:.2f}"
        st.session_state[FIELD_NOTICE] = (N_("Day {day} needs a number from {low} to {high}; it keeps {kept}."), values)
        return
    days[index] = float(value)
    set_state(current().with_days(tuple(days)))


def days_text(days: tuple[float, ...]) -> str:
    """Every day in the text field, as the link writes them (exactly, so the text reads back as the same days)."""
    return format_days(days).replace(",", ", ")


def show_days_text(days: tuple[float, ...]) -> None:
    """Put `days` into the text field of every day, remembering that the page, not the visitor, wrote that text."""
    text = days_text(days)
    written = st.session_state.get(DAYS_TEXT_WRITTEN, ())
    st.session_state[DAYS_TEXT_WRITTEN] = (*[old for old in written if old != text], text)[-WRITTEN_TEXTS_KEPT:]
    st.session_state[DAYS_TEXT] = text


def on_days_text() -> None:
    """Every day typed or pasted at once, comma-separated; a text that cannot be used keeps the days as they were."""
    text = st.session_state[DAYS_TEXT]
    if text in st.session_state.get(DAYS_TEXT_WRITTEN, ()) and text != days_text(current().days):
        show_days_text(current().days)  # the browser's late copy of an earlier text of the page's own
        return
    try:
        days = parse_days(text)
    except FieldError:
        st.session_state[DAYS_TEXT_REFUSED] = text  # put into words by the page, in the visitor's language
        show_days_text(current().days)
        return
    state = current().with_days(days)
    set_state(state)
    sync_widgets(state)


def add_day() -> None:
    days = current().days
    if len(days) < MAX_PAGE_DAYS:
        state = current().with_days((*days, days[-1]))
        set_state(state)
        sync_widgets(state)


def remove_day() -> None:
    days = current().days
    if len(days) > 1:
        state = current().with_days(days[:-1])
        set_state(state)
        sync_widgets(state)


def reset_days() -> None:
    state = current().with_days(ExplorerState().days)
    set_state(state)
    sync_widgets(state)
    st.session_state["day_preset"] = None


def on_day_preset() -> None:
    state = current().with_days(DAY_PRESETS[st.session_state["day_preset"]])
    set_state(state)
    sync_widgets(state)


def on_weights_preset() -> None:
    name = st.session_state["weights_preset"]
    if name in PRESETS:
        state = current().with_weights(PRESETS[name], name)
        set_state(state)
        sync_widgets(state)


def on_weight(name: str, source: str) -> None:
    value = st.session_state[f"{source}_{name}"]
    if value is None:  # cleared, or not a number: keep the last good value
        sync_widgets(current())
        kept = f"{current().weights[name]:.4f}"
        st.session_state[FIELD_NOTICE] = (
            N_("{name} needs a number from {low} to {high}; it keeps {kept}."),
            {"name": name, "low": f"{-MAX_MAGNITUDE:g}", "high": f"{MAX_MAGNITUDE:g}", "kept": kept},
        )
        return
    set_weight(name, value)


def reset_weights() -> None:
    name = current().weights_name if current().weights_name in PRESETS else "trained"
    state = current().with_weights(PRESETS[name], name)
    set_state(state)
    sync_widgets(state)


def at_frame(frame: int) -> None:
    """Where the player was left: the stage the page's link, prediction and lesson answers follow."""
    state = current()
    last = frame_count(len(state.days)) - 1
    frame = max(0, min(last, frame))
    set_state(replace(state, frame=None if frame == last else frame))


def on_present() -> None:
    """Presenter mode opens at the start, not at the answer: a class predicts before the cells show it."""
    present = st.session_state["present"]
    state = current()
    set_state(replace(state, present=present, frame=0 if present and state.frame is None else state.frame))


def hidden_parts() -> frozenset[str]:
    """What this visitor's lesson link hides; the frame asks before it builds the navigation."""
    start_session()
    return current().hidden


def on_open_day() -> None:
    """The "Open a day's cell" control: a day opens its cell below the overview, none closes it."""
    set_state(replace(current(), cell=st.session_state["open_day"]))


def on_chart_select() -> None:
    """A click on the unrolled figure: a cell's bar opens that day, a weight on the opened cell edits it."""
    selection = st.session_state[CHART].selection
    for point in selection.get("points", []):
        name = point.get("customdata")
        if isinstance(name, str) and name in NAMES:
            st.session_state[EDITING] = name
            return
        # A gate's bar, or over compact cells the invisible bar that covers a whole day (its day in customdata).
        compact_day = isinstance(name, (int, float)) and not isinstance(name, bool)
        if point.get("curve_number", -1) < len(GATES) or compact_day:
            day = int(point["point_index"]) + 1
            if 1 <= day <= len(current().days):
                set_state(replace(current(), cell=day))
                st.session_state["open_day"] = day
            return


def set_weight(name: str, value: float) -> None:
    """One weight changed (a field, a slider, the opened cell's editor), checked like any other."""
    weights = current().weights.replace(**{name: float(value)})
    preset = next((preset for preset, values in PRESETS.items() if values == weights), "custom")
    state = current().with_weights(weights, preset)
    set_state(state)
    sync_widgets(state)


def on_compare() -> None:
    choice = st.session_state["compare_with"]
    set_state(replace(current(), compare=None if choice is None else COMPANIES[choice][0]))
