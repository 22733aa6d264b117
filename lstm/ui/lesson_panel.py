"""The guided lesson's panel beside or above the unrolled unit: story, question, where to look, the way on."""

import streamlit as st

from lstm.explorer.handout import handout_html
from lstm.explorer.lesson import LESSON
from lstm.explorer.questions import Question
from lstm.explorer.state import ExplorerState
from lstm.locales import _, ngettext
from lstm.ui import lesson_session, routes
from lstm.ui.components import style
from lstm.ui.scroll_to import scroll_to_when_changed
from lstm.unit.trace import Trace
from lstm.unit.weights import Weights

LEAVING = "lesson_leaving"  # the step whose Leave the lesson was pressed once: the panel asks before it leaves


def render(state: ExplorerState, result: Trace, weights: Weights, beside: bool = False) -> None:
    """The step's panel; `beside` the cells it is one column (story, question, way on), above them two."""
    number = state.lesson
    step = LESSON[number - 1]
    training_link = step.training and "training" not in state.hidden
    st.html(style("lesson_panel.css"))
    with st.container(border=True, key="lesson"):
        heading = _("Lesson, step {number} of {count}: {title}").format(
            number=number, count=len(LESSON), title=step.title
        )
        st.markdown(f"##### {heading}")
        score = score_text()
        if score is not None:
            st.caption(score)
        if beside or step.question is None:
            story = question = st.container()
        else:
            # Above the cells (presenter mode): the question beside the story keeps the panel short.
            story, question = st.columns([3, 2], gap="medium")
        with story:
            # The stage's arithmetic is the caption over the cells, moving with the player: not repeated here.
            st.markdown(step.story)
            st.markdown(_("**Look at:** {where}").format(where=step.look_at))
        if step.question is not None:
            with question:
                _question(number, step.question, state.present, weights)
        _way_on(number, training_link)  # after the question, in reading order too: predict, then go on
    # A new step starts at its top, with the cells beside it, whether its button was at the panel's foot or not.
    scroll_to_when_changed("lesson", str(number))
    # A Check (or Reveal) moves the cells to where the answer shows: on a phone, where the lesson comes first and
    # the cells some 1000 px below, they come into view with the stage's caption above them (the answer's words
    # are just above); beside the cells nothing needs to move. Counted answers change only with a Check.
    scroll_to_when_changed("lesson_answer", str(len(lesson_session.answers())), show="unrolled_frame")


def _way_on(number: int, training_link: bool) -> None:
    """Previous and Next, side by side as far as the width allows; on steps that go on to Training, its link.

    At the row's far end Leave the lesson, which asks before it leaves (a slip loses nothing), and the handout.
    One row keeps the panel short on a projector; a phone wraps it.
    """
    leaving = st.session_state.get(LEAVING) == number
    with st.container(horizontal=True, gap="small", vertical_alignment="center"):
        st.button(
            _("Previous lesson step"),
            icon=":material/arrow_back:",
            on_click=lesson_session.go_to_lesson_step,
            args=(number - 1,),
            disabled=number == 1,
            help=_("The step before, with its days, weights and animation step."),
        )
        st.button(
            _("Next lesson step"),
            icon=":material/arrow_forward:",
            type="primary",
            on_click=lesson_session.go_to_lesson_step,
            args=(number + 1,),
            disabled=number == len(LESSON),
            help=_("Sets the page up for the next part of the story."),
        )
        if training_link:
            st.page_link(routes.TRAINING.target(), label=_("Open the Training page"), icon=routes.TRAINING.icon)
        st.space("stretch")
        if not leaving:
            _leave_button(number)
        st.download_button(
            _("Handout to print"),
            handout_html(),
            file_name="lstm-explorer-lesson.html",
            mime="text/html",
            icon=":material/print:",
            type="tertiary",
            on_click="ignore",
            help=_("The lesson's steps as a web page to print, one step a page, the answers on the last."),
        )
    if leaving:
        _confirm_leaving(number)


def _confirm_leaving(number: int) -> None:
    """Leave the lesson asks once: leaving loses the step, and starting again begins at step 1."""
    st.warning(
        _("Leave the lesson at step {number}? Starting it again begins at step 1.").format(number=number),
        icon=":material/help:",
    )
    with st.container(horizontal=True, gap="small"):
        st.button(_("Stay in the lesson"), icon=":material/school:", type="primary", on_click=_stay)
        st.button(_("Leave the lesson now"), icon=":material/close:", on_click=_leave_now)


def _leave_button(number: int) -> None:
    st.button(
        _("Leave the lesson"),
        icon=":material/close:",
        type="tertiary",
        on_click=_ask_to_leave,
        args=(number,),
        help=_("Keeps this view and lets you explore freely."),
    )


def _ask_to_leave(number: int) -> None:
    st.session_state[LEAVING] = number


def _stay() -> None:
    st.session_state.pop(LEAVING, None)


def _leave_now() -> None:
    st.session_state.pop(LEAVING, None)
    lesson_session.leave_lesson()


def score_text() -> str | None:
    """ "2 of 5 right, 3 still to answer": the visit's score, once a question has been answered."""
    asked = sum(step.question is not None for step in LESSON)
    answers = lesson_session.answers().values()
    if not any(checked.choice is not None for checked in answers):
        return None
    right = sum(checked.right for checked in answers)
    to_go = asked - len(answers)
    if not to_go:
        return _("Your score: {right} of {asked} right").format(right=right, asked=asked)
    return ngettext(
        "Your score: {right} of {asked} right, {count} still to answer",
        "Your score: {right} of {asked} right, {count} still to answer",
        to_go,
    ).format(right=right, asked=asked, count=to_go)


def _question(number: int, question: Question, present: bool, weights: Weights) -> None:
    """Predict first: a choice, Check (Reveal in presenter mode), then the answer from the numbers on the cells."""
    if number in lesson_session.answers():  # the choices give way to the answer, so the cells below stay on screen
        with st.container(key="lesson_answer"):
            _answer(number, question, weights)
        return
    # The radio group's name is its label, read out as written: plain text, the heading a separate element.
    st.markdown(_("**Predict first**"))
    if present and "class_vote" in st.session_state:  # class_vote.CLASS, without loading the module
        from lstm.ui import class_vote  # loaded only where a class runs: the database stays out of first paint

        if class_vote.running():
            # The class votes on its phones: the page's own choice and Reveal give way to the class's rounds.
            st.markdown(question.prompt)
            class_vote.lesson_controls(number, question, weights)
            return
    st.radio(
        question.prompt,
        range(len(question.choices)),
        format_func=question.choices.__getitem__,
        index=None,
        key=lesson_session.answer_key(number),
    )
    st.button(
        _("Reveal the answer") if present else _("Check"),
        icon=":material/visibility:" if present else ":material/check:",
        key=f"check_{number}",
        on_click=lesson_session.check_answer,
        args=(number,),
        help=_("Shows the answer on the cells. Let the class vote first.")
        if present
        else _("Your answer, then the right one with its numbers, and the cells move to where it shows."),
    )
    if st.session_state.get(lesson_session.CHOOSE_FIRST) == number:
        st.info(_("Choose one of the answers first: that is the point of predicting."), icon=":material/touch_app:")


def _answer(number: int, question: Question, weights: Weights) -> None:
    """The question as it was asked, and the answer with its numbers: right, not quite, or revealed."""
    st.markdown(_("**Predict first:** {question}").format(question=question.prompt))
    answer = question.answer(weights)
    right, why = question.choices[answer.choice], answer.why
    chosen = lesson_session.answers()[number].choice
    if chosen is None:
        st.info(_("The answer: **{right}**. {why}").format(right=right, why=why), icon=":material/visibility:")
    elif chosen == answer.choice:
        st.success(_("Right: **{right}**. {why}").format(right=right, why=why), icon=":material/check_circle:")
    else:
        st.warning(
            _("Not quite: you chose {chosen}; the answer is **{right}**. {why}").format(
                chosen=question.choices[chosen], right=right, why=why
            ),
            icon=":material/info:",
        )
