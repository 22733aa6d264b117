"""The teacher's class vote beside the cells: start a class, ask the lesson's question, show, vote again, reveal."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlencode

import streamlit as st

from lstm.classroom import ClassroomError, Round, StoreUnavailable
from lstm.explorer.lesson import LESSON
from lstm.explorer.questions import Question
from lstm.explorer.state import ExplorerState
from lstm.locales import _
from lstm.ui import browser_memory, class_vote_view, language, lesson_session
from lstm.ui import explorer_session as session
from lstm.ui.class_store import store
from lstm.ui.components import style
from lstm.ui.copy_link import copy_link
from lstm.unit.weights import Weights

CLASS = "class_vote"  # session key: (join code, teacher key) of the class this browser controls
MEMORY = "lstm_explorer_class_vote_teacher"  # localStorage name of "CODE KEY", so a reload keeps control
MEMORY_KEY = "class_vote_memory"  # the memory component's key
FORGET = "class_vote_forget"  # the browser's remembered class is to be forgotten (ended, or not ours)
PANEL_NOTICE = "class_vote_panel_notice"  # a refusal met by a button of the panel, said on the next run
ROUND_NOTICE = "class_vote_round_notice"  # a refusal met by a round's button, said beside those buttons
ENDING = "class_vote_ending"  # End the class was pressed once: the panel asks before deleting the votes
# The teacher link's fields: a browser that opens it takes control, and the key leaves the address at once.
CODE_PARAMETER, KEY_PARAMETER = "class", "teacher"


def running() -> tuple[str, str] | None:
    """(code, key) of the class this browser controls, or None. The lesson's own Reveal gives way while one runs."""
    return st.session_state.get(CLASS)


def _take_control(code: str, key: str, *, from_link: bool) -> None:
    """Control the class if `key` is its teacher key. A link's refusal is said; a class the browser remembers that
    has ended (or is not its) is forgotten quietly."""
    try:
        info = store().teacher_class(code, key)
    except ClassroomError as error:
        if from_link or isinstance(error, StoreUnavailable):
            st.session_state[PANEL_NOTICE] = error.message
        else:
            st.session_state[FORGET] = True
        return
    st.session_state[CLASS] = (info.code, key)
    st.session_state.pop(FORGET, None)


def take_teacher_link() -> None:
    """A teacher link (`class=CODE&teacher=KEY`) gives this browser control; the key leaves the address at once,
    so a projector never shows it. Safe to call more than once a run."""
    key = st.query_params.get(KEY_PARAMETER)
    code = st.query_params.get(CODE_PARAMETER)
    for name in (KEY_PARAMETER, CODE_PARAMETER):
        if name in st.query_params:
            del st.query_params[name]
    if key is not None:
        _take_control(code or "", key, from_link=True)


def restore_from_browser() -> None:
    """After a reload or a server restart: the class this browser remembers, if it is still open and ours."""
    if running() is not None or st.session_state.get(FORGET):
        return
    remembered = browser_memory.reported(MEMORY_KEY)
    if remembered:
        code, _space, key = remembered.partition(" ")
        _take_control(code, key, from_link=False)


def _remember() -> None:
    """The browser keeps this session's class and key (never in the address), or forgets an ended one."""
    current = running()
    value = f"{current[0]} {current[1]}" if current else ("" if st.session_state.pop(FORGET, False) else None)
    browser_memory.remember(MEMORY, MEMORY_KEY, value)


def panel(state: ExplorerState, weights: Weights) -> None:
    """The class vote's panel for the projector: Start a class vote; then the join code, link and QR code, the live
    counts and the rounds' bars, the private teacher link, the results as CSV and End the class."""
    take_teacher_link()
    restore_from_browser()
    st.html(style("class_vote.css"))
    with st.container(border=True, key="class_vote_panel"):
        notice = st.session_state.pop(PANEL_NOTICE, None)
        if notice:
            st.error(notice, icon=":material/error:")
        current = running()
        if current is None:
            _start_button(state)
        else:
            code, key = current
            where = class_vote_view.join_card(code)
            class_vote_view.live(code, key, _let_go)
            _teacher_tools(state, code, key, where)
    _remember()


def _start_button(state: ExplorerState) -> None:
    st.button(
        _("Start a class vote"),
        icon=":material/how_to_vote:",
        type="primary",
        key="class_vote_start",
        on_click=_start,
        help=_("Students answer the lesson's questions on their phones; this screen shows the class's split."),
    )
    if state.lesson is None:
        st.caption(_("The class votes on the lesson's questions: start the lesson to ask them."))


def _teacher_tools(state: ExplorerState, code: str, key: str, where) -> None:
    """The private teacher link, the results as CSV and End the class, folded away from the class's eyes."""
    with st.expander(_("Teacher link: keep it private"), icon=":material/key:"):
        st.caption(
            _(
                "Open this link on another computer to run the class from there. Anyone who has it can close "
                "rounds and reveal answers, so do not show it on the projector."
            )
        )
        query = {**session.link_query(replace(state, present=True)), CODE_PARAMETER: code, KEY_PARAMETER: key}
        copy_link(f"{where.base}/?{urlencode(query)}", label=_("Teacher link"), key="class_vote_teacher_link")
        try:
            results = store().results_csv(code, key, describe=class_vote_view.describe)
        except ClassroomError as error:
            st.error(error.message)
        else:
            st.download_button(
                _("Download the results (CSV)"),
                results,
                file_name=f"class-vote-{code}.csv",
                mime="text/csv",
                icon=":material/download:",
                on_click="ignore",
            )
        _end_controls()


def _end_controls() -> None:
    """End the class, asked once: its votes are deleted with it."""
    if not st.session_state.get(ENDING):
        st.button(_("End the class"), icon=":material/stop_circle:", key="class_vote_end", on_click=_ask_to_end)
        return
    st.warning(_("End the class now? Its votes are deleted: download the results first."), icon=":material/help:")
    with st.container(horizontal=True, gap="small"):
        st.button(_("End the class now"), icon=":material/stop_circle:", type="primary", on_click=_end)
        st.button(_("Keep the class"), icon=":material/undo:", on_click=_keep)


def lesson_controls(number: int, question: Question, weights: Weights) -> None:
    """Inside the lesson's question while a class runs: Ask the class, Show the votes, Discuss, then vote again,
    Reveal the answer. The reveal also does what the lesson's own Reveal does: the cells move to the answer."""
    current = running()
    if current is None:
        return
    with st.container(key="class_vote_round"):
        notice = st.session_state.pop(ROUND_NOTICE, None)
        if notice:
            st.error(notice, icon=":material/error:")
        try:
            counts = store().counts(*current)
        except ClassroomError as error:
            st.error(error.message, icon=":material/cloud_off:")
            return
        asked: Round | None = counts.rounds[-1].round if counts.rounds and counts.step == str(number) else None
        _round_buttons(number, asked)


def _round_buttons(number: int, asked: Round | None) -> None:
    """The four buttons of peer instruction, each usable only where it makes sense for the round asked."""
    open_or_closed = asked is not None and not asked.revealed
    with st.container(horizontal=True, gap="small"):
        st.button(
            _("Ask the class"),
            icon=":material/campaign:",
            type="primary" if asked is None else "secondary",
            key=f"class_vote_ask_{number}",
            on_click=_ask,
            args=(number,),
            disabled=open_or_closed,
            help=_("Opens the question on the students' phones; this screen counts the votes, not the split."),
        )
        st.button(
            _("Show the votes"),
            icon=":material/bar_chart:",
            key=f"class_vote_show_{number}",
            on_click=_act,
            args=("show",),
            disabled=not (open_or_closed and not asked.split_visible),
            help=_("Closes the round and shows how the class voted."),
        )
        st.button(
            _("Discuss, then vote again"),
            icon=":material/forum:",
            key=f"class_vote_again_{number}",
            on_click=_act,
            args=("revote",),
            disabled=not (open_or_closed and asked.number == 1),
            help=_("Students talk to a neighbour, then vote once more; both rounds show side by side."),
        )
        st.button(
            _("Reveal the answer"),
            icon=":material/visibility:",
            key=f"class_vote_reveal_{number}",
            on_click=_reveal,
            args=(number,),
            disabled=not open_or_closed,
            help=_("Shows the answer on the cells and on every phone, with each phone's own result."),
        )


# Callbacks: they run before the script, so each speaks the visitor's language first (for the store's messages).


def _start() -> None:
    language.apply()
    try:
        code, key = store().start_class()
    except ClassroomError as error:
        st.session_state[PANEL_NOTICE] = error.message
        return
    st.session_state[CLASS] = (code, key)
    st.session_state.pop(FORGET, None)


def _ask(number: int) -> None:
    language.apply()
    choices = tuple(str(index) for index in range(len(LESSON[number - 1].question.choices)))
    try:
        store().ask(*running(), str(number), choices)
    except ClassroomError as error:
        st.session_state[ROUND_NOTICE] = error.message


def _act(action: str) -> None:
    """Show the votes ("show") or Discuss, then vote again ("revote")."""
    language.apply()
    try:
        getattr(store(), action)(*running())
    except ClassroomError as error:
        st.session_state[ROUND_NOTICE] = error.message


def _reveal(number: int) -> None:
    """The answer from the weights on this page now, to every phone; then the lesson's Reveal: the cells move."""
    language.apply()
    weights = session.current().weights
    answer = LESSON[number - 1].question.answer(weights)
    try:
        store().reveal(*running(), str(answer.choice), why=answer.why, weights=dict(weights))
    except ClassroomError as error:
        st.session_state[ROUND_NOTICE] = error.message
        return
    lesson_session.check_answer(number)


def _let_go(message: str) -> None:
    """This browser no longer controls the class (it ended): say why, and forget it."""
    st.session_state.pop(CLASS, None)
    st.session_state[FORGET] = True
    st.session_state[PANEL_NOTICE] = message


def _ask_to_end() -> None:
    st.session_state[ENDING] = True


def _keep() -> None:
    st.session_state.pop(ENDING, None)


def _end() -> None:
    language.apply()
    st.session_state.pop(ENDING, None)
    try:
        store().end_class(*running())
    except StoreUnavailable as error:
        st.session_state[PANEL_NOTICE] = error.message
        return
    except ClassroomError:
        pass  # ended already (its time was up): this browser lets go of it all the same
    st.session_state.pop(CLASS, None)
    st.session_state[FORGET] = True
