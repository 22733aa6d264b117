"""The lesson's answers in a visit: moving between its steps, Check (Reveal on a projector) and the score."""

from __future__ import annotations

from dataclasses import replace
from typing import NamedTuple

import streamlit as st

from lstm.explorer.lesson import LESSON
from lstm.ui.explorer_session import current, set_state, sync_widgets

ANSWERS = "lesson_answers"  # lesson step -> Checked: the visit's answers to the lesson's questions
CHOOSE_FIRST = "lesson_choose_first"  # the step whose Check was pressed before a choice was made


class Checked(NamedTuple):
    """A question's answer as it was checked: the choice (None: revealed without one) and whether it was right."""

    choice: int | None
    right: bool


def answer_key(number: int) -> str:
    return f"lesson_answer_{number}"


def answers() -> dict[int, Checked]:
    return st.session_state.setdefault(ANSWERS, {})


def go_to_lesson_step(number: int) -> None:
    state = current().at_lesson_step(number)
    if number in answers():
        state = replace(state, frame=LESSON[number - 1].frame)  # answered in this visit: the answer shows again
    set_state(state)
    sync_widgets(state)
    st.session_state["day_preset"] = None


def check_answer(number: int) -> None:
    """Check (Reveal in presenter mode): the choice is kept for the score and the cells go to where the answer shows.

    A learner is asked to choose first; in presenter mode the reveal needs no choice, the class voted by hand.
    """
    choice = st.session_state.get(answer_key(number))
    if choice is None and not current().present:
        st.session_state[CHOOSE_FIRST] = number
        return
    # Scored against the numbers on the page at this moment, which is what the learner predicted.
    right = choice == LESSON[number - 1].question.answer(current().weights).choice
    answers()[number] = Checked(choice, right)
    set_state(replace(current(), frame=LESSON[number - 1].frame))


def leave_lesson() -> None:
    set_state(replace(current(), lesson=None))
