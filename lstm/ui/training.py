"""The training page: set up a run, watch it live, stop, continue, compare runs, carry the weights back."""

from __future__ import annotations

import contextlib
import os

import streamlit as st

from lstm.figures.exports import image_export_config
from lstm.figures.training import loss_figure, parameters_figure, predictions_figure
from lstm.training.data import TrainingData
from lstm.training.limits import LIMIT_VARIABLES, SERVER_LOAD, Limits
from lstm.training.recipes import MAX_EPOCHS, RECIPES
from lstm.training.series import DEFAULT_WINDOW, SeriesError, training_data
from lstm.training.worker import Progress, RunConfig, RunState, TrainingRun
from lstm.ui import explorer_session, guide, routes, visitor
from lstm.ui.text import escape_markdown
from lstm.unit.weights import WeightsError, from_file_bytes, to_json, to_safetensors

KEEP_RUNS = 5  # older runs leave the comparison
REDRAW_SECONDS = 0.2  # the live panel's refresh while a run is queued or training: 4 a second with margin
CHART_POINTS = 600  # a curve is thinned to about this many points before it is drawn
MAX_SEED = 2**31 - 1
STARTS = {"draw": "A fresh draw from the seed (the tutorial's way)", "explorer": "The weights on the explorer"}
STATE_LABELS = {
    RunState.READY: "Ready",
    RunState.QUEUED: "Queued: the server is training other visitors' runs; yours starts when a slot frees up",
    RunState.RUNNING: "Training",
    RunState.STOPPED: "Stopped",
    RunState.FINISHED: "Finished",
    RunState.DIVERGED: "Diverged",
    RunState.FAILED: "Failed",
}


def _limits() -> Limits:
    """This server's limits: Streamlit secrets override environment variables."""
    settings = dict(os.environ)
    with contextlib.suppress(FileNotFoundError):  # no secrets file: the environment decides
        settings.update({key: st.secrets[key] for key in LIMIT_VARIABLES.values() if key in st.secrets})
    return Limits.from_settings(settings)


def _on_recipe() -> None:
    recipe = RECIPES[st.session_state["train_recipe"]]
    st.session_state["train_lr"] = recipe.learning_rate
    st.session_state["train_epochs"] = recipe.epochs


def _settings_panel() -> RunConfig:
    st.session_state.setdefault("train_recipe", "fast")
    st.session_state.setdefault("train_lr", RECIPES["fast"].learning_rate)
    st.session_state.setdefault("train_epochs", RECIPES["fast"].epochs)
    recipe, rate, epochs, seed = st.columns(4)
    recipe.selectbox(
        "Recipe",
        list(RECIPES),
        key="train_recipe",
        on_change=_on_recipe,
        help="tutorial: one company (or window of your series) per step, Adam at 0.001, 5000 epochs, as in the "
        "video. fast: all of them in every step at a higher learning rate, the product's default.",
    )
    rate.number_input(
        "Learning rate",
        min_value=1e-5,
        max_value=100.0,
        format="%.4f",
        key="train_lr",
        help="Adam's learning rate (step size). Try 10 to see training go wrong.",
    )
    epochs.number_input(
        "Epochs", min_value=1, max_value=MAX_EPOCHS, step=50, key="train_epochs", help="Passes over the training data."
    )
    seed.number_input(
        "Seed",
        min_value=0,
        max_value=MAX_SEED,
        value=42,
        step=1,
        key="train_seed",
        help="42 gives the tutorial's start.",
    )
    start_from, train_on = st.columns(2)
    with start_from:
        start = st.radio("Start from", list(STARTS), format_func=STARTS.get, key="train_start", horizontal=True)
    with train_on:
        data = _training_data()
    return RunConfig(
        recipe=st.session_state["train_recipe"],
        learning_rate=float(st.session_state["train_lr"]),
        epochs=int(st.session_state["train_epochs"]),
        seed=int(st.session_state["train_seed"]),
        start=explorer_session.current_weights() if start == "explorer" else None,
        data=data,
    )


def _remember_train_on() -> None:
    st.session_state[visitor.TRAIN_ON] = st.session_state["train_on_field"]


def _training_data() -> TrainingData | None:
    """The visitor's own series if they chose it on its page or here; None for the tutorial's companies."""
    series = st.session_state.get(visitor.SERIES)
    if series is None:
        st.page_link(routes.SERIES.target(), label="Train on your own prices: add them here", icon=routes.SERIES.icon)
        return None
    window = st.session_state.get(visitor.SERIES_WINDOW, DEFAULT_WINDOW)
    try:
        data = training_data(series, window)
    except SeriesError:
        return None  # the series page says what is wrong with this window
    choices = {
        "companies": "The tutorial's two companies",
        "series": f"Your series ({len(data)} windows of {window} days)",
    }
    # The choice outlives the widget, which Streamlit forgets while the visitor is on another page.
    st.session_state.setdefault("train_on_field", st.session_state.get(visitor.TRAIN_ON, "companies"))
    choice = st.radio(
        "Train on",
        list(choices),
        format_func=choices.get,
        key="train_on_field",
        on_change=_remember_train_on,
        horizontal=True,
    )
    return data if choice == "series" else None


def _train(config: RunConfig) -> None:
    run = TrainingRun(config, _limits())
    runs = visitor.training_runs()
    runs.append(run)
    for old in runs[:-KEEP_RUNS]:
        old.stop()
    del runs[:-KEEP_RUNS]
    run.start()


def _controls(config: RunConfig, run: TrainingRun | None, active: bool) -> None:
    train, stop, resume, reset = st.columns(4)
    train.button(
        "Train",
        icon=":material/play_arrow:",
        type="primary",
        on_click=_train,
        args=(config,),
        disabled=active,
        width="stretch",
        help="A new run with these settings; earlier runs stay for comparison.",
    )
    stop.button(
        "Stop",
        icon=":material/stop:",
        on_click=run.stop if run else None,
        disabled=not active,
        width="stretch",
        help="Stops after the current step and keeps everything learned so far.",
    )
    resume.button(
        "Continue",
        icon=":material/resume:",
        on_click=run.start if run else None,
        disabled=run is None or active,
        width="stretch",
        help="Trains the current run for its epochs again, from where it stands, Adam's state and all.",
    )
    reset.button(
        "Reset",
        icon=":material/restart_alt:",
        on_click=run.reset if run else None,
        disabled=run is None,
        width="stretch",
        help="Back to the same initial weights (same seed, same start): a fair restart.",
    )


def _status(run: TrainingRun, progress: Progress) -> None:
    label = escape_markdown(f"{STATE_LABELS[progress.state]} ({run.config.label})")
    fraction = min(1.0, progress.epochs_done / progress.epochs_target) if progress.epochs_target else 0.0
    details = f"epoch {progress.history.epochs[-1]:,} · {progress.epochs_done:,} of {progress.epochs_target:,} this run"
    if progress.steps_per_second:
        details += f" · {progress.steps_per_second:,.0f} steps/s"
    if progress.seconds_left is not None:
        details += f" · {progress.seconds_left:.1f} s left"
    st.progress(fraction, text=f"**{label}** · {details}")
    if progress.state is RunState.DIVERGED or progress.state is RunState.FAILED:
        st.error(escape_markdown(progress.message), icon=":material/error:")
    elif progress.message:
        st.info(escape_markdown(progress.message), icon=":material/info:")


def _server_line() -> None:
    training, queued = SERVER_LOAD.snapshot()
    st.caption(
        f"On this server: {training} run{'s' if training != 1 else ''} training, {queued} queued "
        f"(at most {_limits().max_concurrent_runs} at once)."
    )


def _live_panel() -> None:
    """Redrawn on a timer while the current run is queued or training."""
    _server_line()
    run = visitor.latest_run()
    if run is None:
        st.info(
            "Choose a recipe and press **Train**. The loss curve, both predictions and all twelve weights draw live."
        )
        return
    run.heartbeat()
    progress = run.progress()
    dark = st.context.theme.type == "dark"
    _status(run, progress)
    history = progress.history.thinned(CHART_POINTS)
    # The current run is the last; its history was read above, so only the earlier runs are read again.
    earlier = visitor.training_runs()[:-1]
    runs = [(other.config.label, other.progress().history.thinned(CHART_POINTS)) for other in earlier]
    runs.append((run.config.label, history))
    st.plotly_chart(
        loss_figure(runs, st.session_state.get("log_loss", True), dark),
        key="loss",
        theme=None,
        config=image_export_config("lstm-loss"),
    )
    left, right = st.columns(2)
    left.plotly_chart(
        predictions_figure(history, run.data.targets, dark),
        key="predictions",
        theme=None,
        config=image_export_config("lstm-predictions"),
    )
    right.plotly_chart(
        parameters_figure(history, dark), key="parameters", theme=None, config=image_export_config("lstm-weights")
    )
    if st.session_state.get("was_active") and not progress.state.active:
        st.session_state["was_active"] = False
        st.rerun()  # the run ended: redraw the whole page so buttons and downloads follow
    st.session_state["was_active"] = progress.state.active


def _results_panel(run: TrainingRun, progress: Progress) -> None:
    history = progress.history
    st.subheader("Before and after")
    columns = {
        f"{title} (target {target:.4g})": history.predictions[name]
        for name, (title, target) in run.data.targets.items()
    }
    columns["loss"] = history.loss
    st.dataframe(
        {"": ["before training", "now"], **{title: [values[0], values[-1]] for title, values in columns.items()}},
        hide_index=True,
        column_config={title: st.column_config.NumberColumn(title, format="%.4f") for title in columns},
    )
    carry, weights_json, weights_safetensors, curve = st.columns(4)
    if carry.button("Use these weights in the explorer", icon=":material/arrow_back:", type="primary", width="stretch"):
        explorer_session.use_weights(progress.weights)
        st.switch_page(routes.EXPLORER.target())
    weights_json.download_button(
        "Weights (JSON)",
        to_json(progress.weights),
        "lstm-weights.json",
        "application/json",
        icon=":material/download:",
        width="stretch",
    )
    weights_safetensors.download_button(
        "Weights (safetensors)",
        to_safetensors(progress.weights),
        "lstm-weights.safetensors",
        "application/octet-stream",
        icon=":material/download:",
        width="stretch",
    )
    curve.download_button(
        "Loss history (CSV)",
        history.to_csv(),
        "lstm-training.csv",
        "text/csv",
        icon=":material/download:",
        width="stretch",
    )


def _upload_panel() -> None:
    st.subheader("Load weights")
    upload = st.file_uploader(
        "A weights file (.json or .safetensors, at most 1 MB) goes into the explorer and can start a run.",
        type=["json", "safetensors"],
        key="weights_upload",
    )
    if upload is None:
        return
    try:
        weights = from_file_bytes(upload.getvalue(), upload.name)
    except WeightsError as error:
        st.error(
            f"{escape_markdown(upload.name)} was not loaded: {escape_markdown(str(error))}", icon=":material/error:"
        )
        return
    if st.session_state.get("uploaded") != (upload.file_id, weights):
        explorer_session.use_weights(weights)
        st.session_state["uploaded"] = (upload.file_id, weights)
    st.success(f"Loaded {escape_markdown(upload.name)}: the explorer now shows these weights.", icon=":material/check:")


def background_status() -> None:
    """On the other pages: keeps this visitor's run alive and says how far it got."""
    run = visitor.latest_run()
    if run is None or not run.progress().state.active:
        return

    def status() -> None:
        run.heartbeat()
        progress = run.progress()
        if progress.state.active:
            st.caption(
                f"Training in the background: epoch {progress.history.epochs[-1]:,} "
                f"({escape_markdown(run.config.label)})."
            )
        else:
            st.caption(f"Training {STATE_LABELS[progress.state].lower()}: see the Training page.")

    st.fragment(status, run_every=1.0)()


def render() -> None:
    try:
        _limits()
    except ValueError as error:
        st.error(f"This server's training limits are misconfigured: {escape_markdown(str(error))}")
        return
    st.title("Training")
    st.caption(
        "Train the unit with Adam and watch the loss fall: on the tutorial's two companies (Company A's day 5 "
        "is 0 and Company B's is 1, and a trained unit predicts each from its first four days), or on your own "
        "series of prices."
    )
    config = _settings_panel()
    run = visitor.latest_run()
    progress = run.progress() if run is not None else None
    active = progress is not None and progress.state.active
    _controls(config, run, active)
    interval = REDRAW_SECONDS if active else None
    scale, loss_help, charts_help = st.columns([3, 1, 1], vertical_alignment="center")
    scale.toggle(
        "Log scale", value=True, key="log_loss", help="The loss falls by orders of magnitude: a log axis shows it."
    )
    with loss_help:
        guide.what_am_i_looking_at(guide.LOSS, "help_loss", "About the loss")
    with charts_help:
        guide.what_am_i_looking_at(guide.TRAINING_PREDICTIONS, "help_training_charts", "About the other charts")
    st.fragment(_live_panel, run_every=interval)()
    if progress is not None and not active:
        _results_panel(run, progress)
    _upload_panel()
