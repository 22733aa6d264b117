"""The app's pages, defined once so that one page can send the visitor to another."""

import streamlit as st


def _explorer() -> None:
    from lstm.ui import explorer

    explorer.render()


def _training() -> None:
    # Lightning loads only when a visitor opens this page: the first page stays light.
    from lstm.ui import training

    training.render()


EXPLORER = st.Page(_explorer, title="Explorer", icon=":material/timeline:", url_path="explorer", default=True)
TRAINING = st.Page(_training, title="Training", icon=":material/model_training:", url_path="training")
ALL = [EXPLORER, TRAINING]
