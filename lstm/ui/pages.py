"""The app's pages, defined once so that one page can send the visitor to another."""

import streamlit as st

# Session key of the visitor's training runs; here, so that checking for one does not load Lightning.
TRAINING_RUNS = "training_runs"


def _explorer() -> None:
    from lstm.ui import explorer

    explorer.render()


def _training() -> None:
    # Lightning loads only when a visitor opens this page: the first page stays light.
    from lstm.ui import training

    training.render()


def training_status() -> None:
    """A visitor who leaves the training page mid-run keeps the run going, and sees how far it got."""
    if st.session_state.get(TRAINING_RUNS):  # Lightning is loaded already if there is a run
        from lstm.ui import training

        training.background_status()


# Streamlit marks the page objects st.navigation returns, and a visitor's run unmarks them after
# running: objects shared by concurrent visitors race. So every script run makes its own.
TRAINING_PATH = "training"


def explorer() -> st.Page:
    return st.Page(_explorer, title="Explorer", icon=":material/timeline:", url_path="explorer", default=True)


def training() -> st.Page:
    return st.Page(_training, title="Training", icon=":material/model_training:", url_path=TRAINING_PATH)


def visible() -> list[st.Page]:
    """The pages this visitor may open: a lesson link can hide the Training page."""
    from lstm.ui import explorer_session

    return [explorer()] if "training" in explorer_session.hidden_parts() else [explorer(), training()]
