"""The guided lesson's panel above the unrolled unit: the step's story, where to look, and the way on."""

import streamlit as st

from lstm.explorer.lesson import LESSON
from lstm.explorer.state import ExplorerState
from lstm.ui import explorer_session as session
from lstm.ui import routes
from lstm.unit.explain import describe
from lstm.unit.trace import Trace
from lstm.unit.weights import Weights


def render(state: ExplorerState, result: Trace, weights: Weights) -> None:
    number = state.lesson
    step = LESSON[number - 1]
    with st.container(border=True, key="lesson"):
        st.markdown(f"##### Lesson, step {number} of {len(LESSON)}: {step.title}")
        st.markdown(step.story)
        if state.frame is not None and state.position.day_index is not None:
            heading, equations, _ = describe(state.position, result, weights)
            st.markdown(f"**{heading}:** " + " · ".join(f"`{equation}`" for equation in equations))
        st.markdown(f"**Look at:** {step.look_at}")
        back, onward, leave, training = st.columns(4, vertical_alignment="center")
        back.button(
            "Previous lesson step",
            icon=":material/arrow_back:",
            on_click=session.go_to_lesson_step,
            args=(number - 1,),
            disabled=number == 1,
            width="stretch",
            help="The step before, with its days, weights and animation step.",
        )
        onward.button(
            "Next lesson step",
            icon=":material/arrow_forward:",
            type="primary",
            on_click=session.go_to_lesson_step,
            args=(number + 1,),
            disabled=number == len(LESSON),
            width="stretch",
            help="Sets the page up for the next part of the story.",
        )
        leave.button(
            "Leave the lesson",
            icon=":material/close:",
            on_click=session.leave_lesson,
            width="stretch",
            help="Keeps this view and lets you explore freely.",
        )
        if step.training and "training" not in state.hidden:
            training.page_link(routes.TRAINING.target(), label="Open the Training page", icon=routes.TRAINING.icon)
