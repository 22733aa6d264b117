"""The app's pages, defined once so that one page can send the visitor to another."""

import streamlit as st

# Session key of the visitor's training runs; here, so that checking for one does not load Lightning.
TRAINING_RUNS = "training_runs"
# Session key of what the next run trains on: "companies", or "series" (the visitor's own, from its page).
TRAIN_ON = "train_on"


def _explorer() -> None:
    from lstm.ui import explorer

    explorer.render()


def _training() -> None:
    # Lightning loads only when a visitor opens this page: the first page stays light.
    from lstm.ui import training

    training.render()


def _landscape() -> None:
    from lstm.ui import landscape

    landscape.render()


def _backprop() -> None:
    from lstm.ui import backprop

    backprop.render()


def _pytorch() -> None:
    from lstm.ui import pytorch

    pytorch.render()


def _series() -> None:
    from lstm.ui import series

    series.render()


def training_runs() -> list:
    """This visitor's training runs, oldest first; the last is the current one."""
    return st.session_state.setdefault(TRAINING_RUNS, [])


def latest_run():
    """The visitor's current training run, or None before the first."""
    runs = training_runs()
    return runs[-1] if runs else None


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


def series() -> st.Page:
    return st.Page(_series, title="Your own series", icon=":material/upload_file:", url_path="series")


def insights() -> list[st.Page]:
    """The views that answer what students ask after the first demo."""
    return [
        st.Page(_landscape, title="Loss landscape", icon=":material/landscape:", url_path="landscape"),
        st.Page(_backprop, title="Backpropagation through time", icon=":material/undo:", url_path="backprop"),
        st.Page(_pytorch, title="The same unit in nn.LSTM", icon=":material/code:", url_path="pytorch"),
    ]


def visible() -> dict[str, list[st.Page]]:
    """The pages this visitor may open, by menu: a lesson link can hide training, or the insights."""
    from lstm.ui import explorer_session

    hidden = explorer_session.hidden_parts()
    trains = "training" not in hidden
    menus = {"": [explorer(), training()] if trains else [explorer()]}
    if "insights" not in hidden:
        menus["Insights"] = insights() + ([series()] if trains else [])
    return menus
