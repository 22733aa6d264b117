"""The explorer page: enter days and weights, watch the unrolled unit compute, compare days, share the view."""

from __future__ import annotations

import streamlit as st

from lstm.explorer.lesson import LESSON
from lstm.explorer.state import ExplorerState
from lstm.figures.exports import image_export_config
from lstm.figures.unrolled import minimum_width
from lstm.locales import _
from lstm.ui import explorer_details, explorer_inputs, guide, lesson_panel, lesson_session, unrolled_view, why_lstm_view
from lstm.ui import explorer_session as session
from lstm.ui.components import style
from lstm.ui.explorer_details import DEFAULT_SPEED, SPEED_LABELS, SPEEDS
from lstm.ui.figure_cache import cached_unrolled_figure
from lstm.ui.link_messages import link_warning
from lstm.ui.scroll_to import keep_in_view_when_stepping
from lstm.ui.sideways import scroll_sideways_css
from lstm.ui.text import escape_markdown
from lstm.unit.days import company_of
from lstm.unit.explain import prediction_meaning, value_text
from lstm.unit.forward import trace
from lstm.unit.stages import frame_count
from lstm.unit.trace import Trace

# Presenter mode: every text of the unrolled unit this much larger, readable from the back row.
PRESENTER_TEXT_SCALE = 1.2
# A lesson's opened cell on a projector: its weights and sums (14 px at scale 1) at 20 px, read from the back row.
LESSON_CELL_PRESENTER_SCALE = 20 / 14
# The width presenter mode's page gives the figure on a 1920 px projector (its padding is 1.5rem a side).
PROJECTOR_FIGURE_PX = 1872


def detail_fits_beside(days: int) -> bool:
    """Whether an opened cell fits beside the overview of `days` days on a projector, both at the usual size."""
    return minimum_width(days, open_cell=True, beside=True) <= PROJECTOR_FIGURE_PX


# Panels: each draws one part of the page.


def at_the_end(state: ExplorerState) -> bool:
    """Whether the animation stands where every day is computed: only then does the page give the answer away."""
    return state.frame is None or state.position.frame == frame_count(len(state.days)) - 1


def sequence_name(days: tuple[float, ...] | None, otherwise: str) -> str:
    """The tutorial's company when the days are its, for legends and sentences (shown, never parsed)."""
    company = company_of(days)
    return otherwise if company is None else _("Company {letter}").format(letter=company)


def _prediction_panel(result: Trace, state: ExplorerState, compared: Trace | None, names: tuple[str, str]) -> None:
    text, explain = st.columns([4, 1], vertical_alignment="center")
    meaning = prediction_meaning(result.prediction, state.days, state.weights_name)
    answer = _("The short-term memory after the last day, {meaning}.").format(meaning=escape_markdown(meaning))
    if compared is not None:
        other = prediction_meaning(compared.prediction, state.compare, state.weights_name)
        answer += "  \n" + _("Beside it, {name}: **{value}**, {meaning}. The two differ by {difference}.").format(
            name=names[1],
            value=value_text(compared.prediction),
            meaning=escape_markdown(other),
            difference=value_text(abs(result.prediction - compared.prediction)),
        )
    heading = "#### " + _("Prediction: {value}").format(value=value_text(result.prediction))
    if at_the_end(state):
        text.markdown(f"{heading}\n{answer}")
    else:
        # No spoilers: the class predicts first; the figure shows it when the animation gets there.
        with text.expander(_("Prediction: not computed yet at this step. Show it"), icon=":material/visibility:"):
            st.markdown(f"{heading}\n{answer}")
    with explain:
        guide.what_am_i_looking_at(guide.PREDICTION, "help_prediction", _("About the prediction"))


def _open_day_control(state: ExplorerState) -> None:
    # A button a day while they fit a row or two; past the days that have fields, a list to pick from (sixty
    # buttons would fill the screen). Both write the same key, so the open day survives a change of length.
    control = st.segmented_control if len(state.days) <= session.MOST_DAY_FIELDS else st.selectbox
    control(
        _("Open a day's cell"),
        list(range(1, len(state.days) + 1)),
        format_func=lambda day: _("Day {day}").format(day=day),
        key="open_day",
        on_change=session.on_open_day,
        help=_(
            "Opens that day's cell below the overview, drawn like the tutorial's diagram: every weight on its "
            "wire, every sum and curve. Clicking a cell's bars does the same; click a weight there to edit it."
        ),
        **({} if control is st.segmented_control else {"index": None, "placeholder": _("Choose a day")}),
    )


def _view_controls(state: ExplorerState) -> None:
    """Under the player: how fast Play goes, and which day's cell is open."""
    speed, days = st.columns([1, 1], vertical_alignment="bottom")
    with days:
        _open_day_control(state)
    speed.select_slider(
        _("Play speed"),
        list(SPEEDS),
        value=DEFAULT_SPEED,
        format_func=lambda speed: _(SPEED_LABELS[speed]),
        key="speed",
        help=_("How long Play shows each stage."),
    )


def _header(state: ExplorerState) -> None:
    # One row whose parts take the room their words need: none is cut short, on a 1280 px projector either.
    with st.container(horizontal=True, vertical_alignment="center", gap="medium", key="explorer_header"):
        st.title(_("LSTM Explorer"), width="content")
        st.space("stretch")
        if state.lesson is None:
            st.button(
                _("Start the lesson"),
                icon=":material/school:",
                on_click=lesson_session.go_to_lesson_step,
                args=(1,),
                help=_("The tutorial's story in {count} steps, each one setting up the page.").format(
                    count=len(LESSON)
                ),
            )
        guide.what_am_i_looking_at(guide.UNROLLED, "help_unrolled", width="content")
        # Its value is the state's, as its default and never written into the session: a browser that draws the
        # toggle again after a rerun takes the default, and a default off put a presenter link out of presenter
        # mode on the next click (the click's rerun carried "off" as the visitor's own change).
        st.toggle(
            _("Presenter mode"),
            value=state.present,
            key="present",
            on_change=session.on_present,
            width="content",
            help=_("Large type and the cells filling the screen, for a projector; the rest folds away."),
        )
    if state.lesson is not None and not state.present and state.cell is None:
        # The lesson's story explains the rest.
        st.caption(_("The tutorial the lesson follows: {links}.").format(links=guide.tutorial_links()))
    elif not state.present:
        st.caption(
            _(
                "One LSTM unit from the StatQuest tutorial, unrolled over the days you enter: each cell is the same "
                "unit with the same twelve weights. The long-term memory runs along the top line, the short-term "
                "memory along the bottom; each day's input comes in from below. Press Play, or step through it. "
                "The tutorial: {links}."
            ).format(links=guide.tutorial_links())
        )


def _inputs_and_details(state: ExplorerState, result: Trace, dark: bool) -> None:
    """Days, weights, the per-day comparison and sharing, each unless a lesson link hides it."""
    notice = st.session_state.pop(session.FIELD_NOTICE, None)
    if notice:
        sentence, values = notice
        st.warning(_(sentence).format(**values), icon=":material/edit_off:")
    days, weights = st.columns(2, gap="large")
    if "days" not in state.hidden:
        with days:
            explorer_inputs.days_panel()
    if "weights" not in state.hidden:
        with weights:
            explorer_inputs.weights_preset_panel()
        explorer_inputs.weights_editor()
    if "table" not in state.hidden:
        explorer_details.compare_panel(result, dark, at_the_end(state))
    if "share" not in state.hidden:
        explorer_details.share_panel(state, result)


def _class_vote():
    """The class vote's pages module, loaded where a class can be run (presenter mode, a teacher link): the
    database's library stays out of a first visit's page."""
    from lstm.ui import class_vote

    return class_vote


def render() -> None:
    if "teacher" in st.query_params:
        _class_vote().take_teacher_link()  # before the explorer writes its own link over the address
    session.start_session()
    state = session.current()
    if state.present:
        # Before the lesson's question asks whether a class runs: after a reload or a server restart the browser's
        # memory of the class arrives with the run's first widget states, and no later rerun would show it.
        _class_vote().restore_from_browser()
    dark = st.context.theme.type == "dark"
    result = trace(state.days, state.weights)
    compared, names = _compared(state)  # for the prediction panel; the cells trace it inside their cached figure
    if state.present:
        st.html(style("presenter.css"))

    _header(state)
    for message in st.session_state[session.MESSAGES]:
        link_warning(message)
    if state.lesson is not None and not state.present and state.cell is None:
        # The lesson beside the cells on a laptop or wider, so the story, its question and the cells share one
        # screen; on a phone Streamlit stacks the two, the lesson first. An opened cell needs the full width.
        lesson, stage = st.columns([2, 3], gap="medium")
        with lesson:
            lesson_panel.render(state, result, state.weights, beside=True)
    else:
        if state.lesson is not None:
            lesson_panel.render(state, result, state.weights)
        stage = st.container()
    class_running = state.present and _class_vote().running() is not None
    if class_running:
        # While a class votes, its code, counts and rounds stand beside the cells on the projector.
        stage, side = st.columns([3, 1], gap="medium")
        with side:
            _class_vote().panel(state, state.weights)
    view = None if state.lesson is None else LESSON[state.lesson - 1].view
    if view is not None:
        # The lesson's Why an LSTM step: its figure in place of the cells, which it neither shows nor predicts with.
        with stage:
            why_lstm_view.lesson_view(view, state.weights, at_the_end(state))
        if state.present and not class_running:
            _class_vote().panel(state, state.weights)
        st.query_params.from_dict(session.link_query(state))
        return
    with stage:
        _unrolled_unit(state, result, dark, names)
    editing = st.session_state.pop(session.EDITING, None)
    if editing is not None:
        explorer_inputs.weight_editor(editing)
    _prediction_panel(result, state, compared, names)
    if state.present and not class_running:
        _class_vote().panel(state, state.weights)  # Start a class vote
    if state.present:
        # What does not matter while presenting folds away, one click from the front.
        with st.expander(_("Days, weights and more"), icon=":material/tune:"):
            _inputs_and_details(state, result, dark)
    else:
        _inputs_and_details(state, result, dark)
    st.query_params.from_dict(session.link_query(state))


def _compared(state: ExplorerState) -> tuple[Trace | None, tuple[str, str]]:
    """The compared sequence through the unit, and the names of both sequences."""
    compared = None if state.compare is None else trace(state.compare, state.weights)
    return compared, (sequence_name(state.days, _("these days")), sequence_name(state.compare, _("the compared days")))


def _unrolled_unit(state: ExplorerState, result: Trace, dark: bool, names: tuple[str, str]) -> None:
    """The stage's caption, the unrolled unit in its sideways frame, its player, then speed and the day to open."""
    frame_ms = SPEEDS[st.session_state.get("speed", DEFAULT_SPEED)]
    open_day = None if state.cell is None else state.cell - 1
    # On a projector a cell the teacher opens sits beside the overview, so the class sees both on one screen; the
    # two need the whole width at the usual text size, so the presenter's larger text gives way to them. A lesson's
    # opened cell is there to be read: below the overview, its weights and sums at 20 px (about 1500 px wide).
    lesson_cell = state.present and open_day is not None and state.lesson is not None
    beside = state.present and open_day is not None and not lesson_cell and detail_fits_beside(len(state.days))
    scale = 1.0 if not state.present or beside else LESSON_CELL_PRESENTER_SCALE if lesson_cell else PRESENTER_TEXT_SCALE
    figure = unrolled_view.page_figure(
        cached_unrolled_figure(state, dark, frame_ms, scale, names, beside), scale, open_day is not None
    )
    # Above the frame, full width: a phone reads the stage's arithmetic without a swipe.
    unrolled_view.stage_text(state, result)
    with st.container(key="unrolled_frame"):
        # Narrower than its numbers need, the unrolled unit scrolls sideways rather than squeezing them.
        width = minimum_width(len(state.days), scale, open_day is not None, beside)
        st.html(scroll_sideways_css("unrolled_frame", session.CHART, width, hint_key="phone_hint"))
        with st.container(key="phone_hint"):
            st.caption(_("Swipe sideways across the cells to see them all."))
        st.plotly_chart(
            figure,
            key=session.CHART,
            theme=None,
            config=image_export_config("lstm-unrolled"),
            on_select=session.on_chart_select,
            selection_mode="points",
        )
    # On a projector without an opened cell the cells give up height until the player is on the first screen.
    fit = unrolled_view.smallest_height(figure, scale) if state.present and open_day is None else None
    unrolled_view.unrolled_player(state, result, frame_ms, fit)
    keep_in_view_when_stepping(session.CHART)  # after Step forward, the opened cell (or the cells) on screen
    _view_controls(state)
