"""The app with the class vote wired in as the lead wires it: for the class vote's AppTest and browser tests.

streamlit_app.py and lstm/ui/explorer.py belong to the page's layout; until they call the class vote themselves,
this frame does what they will: on /vote the phone page without menu or language picker, and in presenter mode the
class panel beside the explorer, with the round's buttons for the lesson's question.
"""

import streamlit as st

from lstm.explorer.lesson import LESSON
from lstm.ui import class_vote, explorer, language, late_tick, navigation, routes, vote_page
from lstm.ui import explorer_session as session
from lstm.ui.components import style


def _explorer() -> None:
    class_vote.take_teacher_link()  # before the explorer writes its own link over the address
    cells, side = st.columns([3, 1], gap="medium")
    with cells:
        explorer.render()
    state = session.current()
    if not state.present:
        return
    with side:
        class_vote.panel(state, state.weights)
        step = LESSON[state.lesson - 1] if state.lesson is not None else None
        if step is not None and step.question is not None and state.lesson not in session.answers():
            st.markdown(step.question.prompt)
            class_vote.lesson_controls(state.lesson, step.question, state.weights)


def main() -> None:
    late_tick.mend()
    language.apply()
    st.set_page_config(page_title="LSTM Explorer", layout="wide")
    st.html(style("page.css"))
    pages = [routes.EXPLORER.page(_explorer), routes.VOTE.page(vote_page.render)]
    page = st.navigation(pages, position=navigation.position())
    if not navigation.on_vote_page():
        language.picker()
    page.run()


main()
