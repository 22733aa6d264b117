"""A phone's page of the class vote (/vote?code=CODE): the question as large buttons, one tap votes, then the answer."""

from __future__ import annotations

import streamlit as st

from lstm.classroom import ClassroomError, NotAClassCode, NotJoined, PhoneStatus, StoreUnavailable, new_phone_id
from lstm.classroom import normal_code as normal_class_code
from lstm.classroom.codes import is_phone_id
from lstm.locales import _
from lstm.ui import browser_memory, language
from lstm.ui.class_store import store
from lstm.ui.class_vote_view import choice_label, question_of
from lstm.ui.components import style
from lstm.ui.text import escape_markdown

CODE_PARAMETER = "code"  # the join link's field: /vote?code=7KQ4M
PHONE = "vote_phone"  # session key: this browser's phone id (random; kept in the browser, never in the link)
MEMORY = "lstm_explorer_class_vote_phone"  # localStorage name of the phone id: a reload is the same phone
MEMORY_KEY = "vote_phone_memory"  # the memory component's key
JOINED = "vote_joined"  # the code this session has joined (joining again is harmless, but a write)
REFUSED = "vote_refused"  # (code, message): the class that cannot be joined, and why; the page asks for another
TAP_NOTICE = "vote_tap_notice"  # a refused tap (the round closed meanwhile), said once
CODE_FIELD = "vote_code_field"  # key of the field for another code
POLL_SECONDS = 1.2  # phones learn of open, close and reveal within two seconds
EXAMPLE_CODE = "7KQ4M"  # the code field's placeholder: the shape of a code, the same in every language


def _phone_id() -> str | None:
    """This browser's phone id: the one it keeps, else a new one it will keep; None until the browser has said."""
    phone = st.session_state.get(PHONE)
    if phone is None:
        kept = browser_memory.reported(MEMORY_KEY)
        if kept and is_phone_id(kept):
            phone = kept
        elif kept is not None:  # nothing kept (a first visit, a private window), or something that is no id
            phone = new_phone_id()
        if phone is not None:
            st.session_state[PHONE] = phone
    browser_memory.remember(MEMORY, MEMORY_KEY, phone)
    return phone


def render() -> None:
    """The phone page: which class, then its live round. Nothing here needs a name, a sign-in or free text."""
    st.html(style("vote_page.css"))
    st.title(_("Class vote"))
    phone = _phone_id()
    if phone is None:
        st.caption(_("Opening the class vote…"))
        return
    typed = st.query_params.get(CODE_PARAMETER)
    code = normal_class_code(typed) if typed is not None else None
    refused = st.session_state.get(REFUSED)
    if refused is not None and refused[0] == code:
        st.error(refused[1], icon=":material/error:")
        _code_field()
        return
    if code is None:
        if typed is not None:
            st.error(NotAClassCode().message, icon=":material/error:")
        else:
            st.markdown(_("Type the class code your teacher shows."))
        _code_field()
        return
    st.caption(_("Class {code}. No name, no sign-in: your phone votes as a number only.").format(code=code))
    _live(code, phone)


def _code_field() -> None:
    """A field for a class code and a button to join it; what was typed is never shown back as markup."""
    with st.container(key="vote_code_form"):
        st.text_input(_("Class code"), key=CODE_FIELD, max_chars=20, placeholder=EXAMPLE_CODE, autocomplete="off")
        st.button(_("Join the class"), icon=":material/login:", type="primary", width="stretch", on_click=_join_typed)


def _join_typed() -> None:
    language.apply()
    code = normal_class_code(st.session_state.get(CODE_FIELD) or "")
    if code is None:  # said in place of the class in the address, which stays as it was
        in_address = normal_class_code(st.query_params.get(CODE_PARAMETER) or "")
        st.session_state[REFUSED] = (in_address, NotAClassCode().message)
        return
    st.session_state.pop(REFUSED, None)
    st.session_state.pop(JOINED, None)
    st.query_params[CODE_PARAMETER] = code


@st.fragment(run_every=POLL_SECONDS)
def _live(code: str, phone: str) -> None:
    """Join once, then ask every poll what to show: waiting, the open question, closed, or the answer."""
    language.apply()  # a fragment's run starts in English
    try:
        if st.session_state.get(JOINED) != code:
            store().join(code, phone)
            st.session_state[JOINED] = code
        status = store().status(code, phone)
    except StoreUnavailable as error:
        st.error(error.message, icon=":material/cloud_off:")  # the poll tries again in a moment
        return
    except NotJoined:
        st.session_state.pop(JOINED, None)  # the class lost this phone (it was ended and begun again): join again
        return
    except ClassroomError as error:
        st.session_state[REFUSED] = (code, error.message)
        st.rerun()  # the whole page: the message and a field for another code, outside this polling fragment
    notice = st.session_state.pop(TAP_NOTICE, None)
    if notice:
        st.warning(notice, icon=":material/info:")
    _round(code, phone, status)


def _round(code: str, phone: str, status: PhoneStatus) -> None:
    asked = status.round
    if asked is None:
        st.info(_("Waiting for the teacher to ask a question."), icon=":material/hourglass_top:")
        _score(status)
        return
    question = question_of(asked.step)
    if question is not None:
        st.subheader(question.prompt)  # above its choices, and above its answer once revealed
    if asked.revealed:
        _answer(status)
    elif asked.takes_votes:
        _choices(code, phone, status)
    else:
        _closed(status)
    _score(status)


def _choices(code: str, phone: str, status: PhoneStatus) -> None:
    """The choices as large buttons, full width: one tap votes; another tap changes the vote while the round is open."""
    asked = status.round
    question = question_of(asked.step)
    with st.container(key="vote_choices"):
        for choice in asked.choices:
            mine = status.vote == choice
            st.button(
                choice_label(question, choice),
                key=f"vote_{asked.id}_{choice}",
                type="primary" if mine else "secondary",
                icon=":material/check_circle:" if mine else None,
                width="stretch",
                on_click=_vote,
                args=(code, phone, asked.id, choice),
            )
    if status.vote is None:
        st.caption(_("Tap your answer. You can change it until the teacher closes the round."))
    else:
        st.success(
            _("Your vote: **{choice}**. Tap another answer to change it until the teacher closes the round.").format(
                choice=escape_markdown(choice_label(question, status.vote))
            ),
            icon=":material/how_to_vote:",
        )


def _vote(code: str, phone: str, round_id: int, choice: str) -> None:
    language.apply()
    try:
        store().vote(code, phone, round_id, choice)
    except ClassroomError as error:
        st.session_state[TAP_NOTICE] = error.message


def _closed(status: PhoneStatus) -> None:
    question = question_of(status.round.step)
    if status.vote is not None:
        st.markdown(_("Your vote: **{choice}**.").format(choice=escape_markdown(choice_label(question, status.vote))))
    else:
        st.markdown(_("Your phone did not vote in this round."))
    st.info(_("The votes are closed. Waiting for the teacher."), icon=":material/hourglass_top:")


def _answer(status: PhoneStatus) -> None:
    """The answer with its numbers, worked out here in this phone's language from the teacher's weights."""
    asked = status.round
    question = question_of(asked.step)
    right = escape_markdown(choice_label(question, asked.right))
    if question is not None and asked.weights is not None:
        why = question.answer(asked.weights).why
    else:
        why = escape_markdown(asked.why or "")
    if status.right:
        st.success(_("Right: **{right}**. {why}").format(right=right, why=why), icon=":material/check_circle:")
    elif status.right is False and status.vote is not None:
        st.warning(
            _("Not quite: you chose {chosen}; the answer is **{right}**. {why}").format(
                chosen=escape_markdown(choice_label(question, status.vote)), right=right, why=why
            ),
            icon=":material/info:",
        )
    elif status.right is False:  # this phone voted in the first round only, and not for the answer
        text = _("Not quite: the answer is **{right}**. {why}")
        st.warning(text.format(right=right, why=why), icon=":material/info:")
    else:
        st.info(_("The answer: **{right}**. {why}").format(right=right, why=why), icon=":material/visibility:")
        st.caption(_("Your phone did not vote on this question."))


def _score(status: PhoneStatus) -> None:
    if status.score.revealed:
        st.caption(
            _("Your score: {right} of {asked} right").format(right=status.score.right, asked=status.score.revealed)
        )
