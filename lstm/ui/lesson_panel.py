"""The guided lesson's panel beside or above the unrolled unit: story, question, where to look, the way on."""

import streamlit as st

from lstm.explorer.lesson import LESSON
from lstm.explorer.questions import Question
from lstm.explorer.state import ExplorerState
from lstm.locales import _, ngettext
from lstm.ui import explorer_session as session
from lstm.ui import routes
from lstm.ui.scroll_to import scroll_to_when_changed
from lstm.unit.explain import describe
from lstm.unit.trace import Trace
from lstm.unit.weights import Weights


def render(state: ExplorerState, result: Trace, weights: Weights, beside: bool = False) -> None:
    """The step's panel; `beside` the cells it is one column (story, question, way on), above them two."""
    number = state.lesson
    step = LESSON[number - 1]
    training_link = step.training and "training" not in state.hidden
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
            st.markdown(step.story)
            if state.frame is not None and state.position.day_index is not None:
                stage, equations, _sentence = describe(state.position, result, weights)
                st.markdown(f"**{stage}:** " + " · ".join(f"`{equation}`" for equation in equations))
            st.markdown(_("**Look at:** {where}").format(where=step.look_at))
        if step.question is not None:
            with question:
                _question(number, step.question, state.present, weights)
        _way_on(number, training_link)  # after the question, in reading order too: predict, then go on
    # A new step starts at its top, with the cells beside it, whether its button was at the panel's foot or not.
    scroll_to_when_changed("lesson", str(number))


def _way_on(number: int, training_link: bool) -> None:
    """Previous, Next and Leave, side by side as far as the width allows; on steps that go on to Training, its link."""
    with st.container(horizontal=True, gap="small"):
        st.button(
            _("Previous lesson step"),
            icon=":material/arrow_back:",
            on_click=session.go_to_lesson_step,
            args=(number - 1,),
            disabled=number == 1,
            help=_("The step before, with its days, weights and animation step."),
        )
        st.button(
            _("Next lesson step"),
            icon=":material/arrow_forward:",
            type="primary",
            on_click=session.go_to_lesson_step,
            args=(number + 1,),
            disabled=number == len(LESSON),
            help=_("Sets the page up for the next part of the story."),
        )
        st.button(
            _("Leave the lesson"),
            icon=":material/close:",
            on_click=session.leave_lesson,
            help=_("Keeps this view and lets you explore freely."),
        )
        if training_link:
            st.page_link(routes.TRAINING.target(), label=_("Open the Training page"), icon=routes.TRAINING.icon)


def score_text() -> str | None:
    """ "2 of 5 right, 3 still to answer": the visit's score, once a question has been answered."""
    asked = sum(step.question is not None for step in LESSON)
    answers = session.answers().values()
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
    answers = session.answers()
    checked = number in answers
    prompt = _("**Predict first:** {question}").format(question=question.prompt)
    if checked:  # the choices give way to the answer, so the cells below stay on screen
        st.markdown(prompt)
    else:
        st.radio(
            prompt,
            range(len(question.choices)),
            format_func=question.choices.__getitem__,
            index=None,
            key=session.answer_key(number),
        )
    if not checked:
        st.button(
            _("Reveal the answer") if present else _("Check"),
            icon=":material/visibility:" if present else ":material/check:",
            key=f"check_{number}",
            on_click=session.check_answer,
            args=(number,),
            help=_("Shows the answer on the cells. Let the class vote first.")
            if present
            else _("Your answer, then the right one with its numbers, and the cells move to where it shows."),
        )
        if st.session_state.get(session.CHOOSE_FIRST) == number:
            st.info(_("Choose one of the answers first: that is the point of predicting."), icon=":material/touch_app:")
        return
    answer = question.answer(weights)
    right, why = question.choices[answer.choice], answer.why
    chosen = answers[number].choice
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
