"""The training page: set up a run, watch it live, stop, continue, compare runs, carry the weights back."""

from __future__ import annotations

import time

import streamlit as st

from lstm.locales import N_, _, ngettext
from lstm.training.data import TrainingData
from lstm.training.limits import SERVER_LOAD
from lstm.training.recipes import MAX_EPOCHS, RECIPE_LABELS, RECIPES
from lstm.training.series import DEFAULT_WINDOW, SeriesError, training_data
from lstm.training.worker import Progress, RunConfig, RunState, TrainingRun
from lstm.ui import explorer_session, guide, language, routes, visitor
from lstm.ui.scroll_to import scroll_to_when_changed
from lstm.ui.server_limits import limits
from lstm.ui.text import escape_markdown
from lstm.ui.training_live import charts_panel, live_panel
from lstm.ui.training_results import results_panel, upload_panel
from lstm.unit.weights import TUTORIAL_SEED

KEEP_RUNS = 5  # older runs leave the comparison
# The live panel's refresh while a run trains. Each is a script run the run's core pays for and a page update a slow
# laptop pays for; each carries the cells of three epochs, which the browser shows in turn: 12 pictures a second.
REDRAW_SECONDS = 0.25
# While runs wait for a slot the server is busy, and every page redraws once a second: a waiting page has only
# its place in the queue to show, and a training page's redraws take time the runs need.
BUSY_REDRAW_SECONDS = 1.0
MAX_SEED = 2**31 - 1
START_WAIT_SECONDS = 0.5  # Train and Continue wait at most this long for a free training slot
WATCH_SECONDS = 15.0  # "Watch it": a run that would end in a blink takes at least this long, for a class
STARTS = {"draw": N_("A fresh draw from the seed (the tutorial's way)"), "explorer": N_("The weights on the explorer")}
# What the other pages say once this visitor's run has stopped training.
ENDED_LABELS = {
    RunState.READY: N_("Training is ready to start again: see the Training page."),
    RunState.STOPPED: N_("Training stopped: see the Training page."),
    RunState.FINISHED: N_("Training finished: see the Training page."),
    RunState.DIVERGED: N_("Training diverged: see the Training page."),
    RunState.FAILED: N_("Training failed: see the Training page."),
}


def _settings_panel(present: bool) -> RunConfig:
    recipe, rate, epochs, seed = st.columns(4)
    name = recipe.selectbox(
        _("Recipe"),
        list(RECIPES),
        index=list(RECIPES).index("fast"),
        format_func=lambda key: _(RECIPE_LABELS[key]),
        key="train_recipe",
        help=_(
            "{tutorial}: one company (or window of your series) per step, Adam at {rate}, {epochs} epochs, as in "
            "the video. {fast}: all of them in every step at a higher learning rate, the product's default."
        ).format(
            tutorial=_(RECIPE_LABELS["tutorial"]),
            fast=_(RECIPE_LABELS["fast"]),
            rate=f"{RECIPES['tutorial'].learning_rate:g}",
            epochs=RECIPES["tutorial"].epochs,
        ),
    )
    # Each recipe has its own fields, drawn with its defaults: a recipe chosen just as a run ends cannot be paired
    # with the other recipe's learning rate by a redraw that still carries the old field's value.
    learning_rate = rate.number_input(
        _("Learning rate"),
        min_value=1e-5,
        max_value=100.0,
        value=RECIPES[name].learning_rate,
        format="%.4f",
        key=f"train_lr_{name}",
        help=_("Adam's learning rate (step size). Try 10 to see training go wrong."),
    )
    epoch_count = epochs.number_input(
        _("Epochs"),
        min_value=1,
        max_value=MAX_EPOCHS,
        value=RECIPES[name].epochs,
        step=50,
        key=f"train_epochs_{name}",
        help=_("Passes over the training data."),
    )
    seed.number_input(
        _("Seed"),
        min_value=0,
        max_value=MAX_SEED,
        value=TUTORIAL_SEED,
        step=1,
        key="train_seed",
        help=_("{seed} gives the tutorial's start.").format(seed=TUTORIAL_SEED),
    )
    start_from, train_on, pace = st.columns([4, 4, 3])
    with start_from:
        start = st.radio(
            _("Start from"), list(STARTS), format_func=lambda key: _(STARTS[key]), key="train_start", horizontal=True
        )
    with train_on:
        data = _training_data()
    watch = pace.toggle(
        _("Watch it: spread the run over {seconds} s").format(seconds=f"{WATCH_SECONDS:g}"),
        value=present,
        key="train_watch",
        help=_(
            "For a class: a run that would end in a second takes at least this long, so everyone can follow the "
            "cells and the loss. A longer run keeps its own pace. The replay after the run works either way."
        ),
    )
    return RunConfig(
        recipe=name,
        learning_rate=float(learning_rate),
        epochs=int(epoch_count),
        seed=int(st.session_state["train_seed"]),
        start=explorer_session.current_weights() if start == "explorer" else None,
        data=data,
        pace_seconds=WATCH_SECONDS if watch else None,
    )


def _remember_train_on() -> None:
    st.session_state[visitor.TRAIN_ON] = st.session_state["train_on_field"]


def _training_data() -> TrainingData | None:
    """The visitor's own series if they chose it on its page or here; None for the tutorial's companies."""
    series = st.session_state.get(visitor.SERIES)
    if series is None:
        st.page_link(
            routes.SERIES.target(), label=_("Train on your own prices: add them here"), icon=routes.SERIES.icon
        )
        return None
    window = st.session_state.get(visitor.SERIES_WINDOW, DEFAULT_WINDOW)
    try:
        data = training_data(series, window)
    except SeriesError:
        return None  # the series page says what is wrong with this window
    choices = {"companies": _("The tutorial's two companies"), "series": _series_choice(series.step, len(data), window)}
    # The choice outlives the widget, which Streamlit forgets while the visitor is on another page; it is set here,
    # before the widget is drawn, because a value set for it on another page may not survive the page switch.
    st.session_state["train_on_field"] = st.session_state.get(visitor.TRAIN_ON, "companies")
    choice = st.radio(
        _("Train on"),
        list(choices),
        format_func=choices.get,
        key="train_on_field",
        on_change=_remember_train_on,
        horizontal=True,
    )
    return data if choice == "series" else None


def _series_choice(step: str, count: int, window: int) -> str:
    """The series' choice in Train on, its windows counted in the series' own steps: weekly closes are weeks."""
    if step == "week":
        said = ngettext(
            "Your series ({count} window of {days} weeks)", "Your series ({count} windows of {days} weeks)", count
        )
    elif step == "month":
        said = ngettext(
            "Your series ({count} window of {days} months)", "Your series ({count} windows of {days} months)", count
        )
    else:
        said = ngettext(
            "Your series ({count} window of {days} days)", "Your series ({count} windows of {days} days)", count
        )
    return said.format(count=count, days=window)


def _start(run: TrainingRun) -> None:
    """Train or Continue: the run starts, and the page drawn next shows it training when a slot is free.

    Without the short wait the page would draw the run queued, then draw itself whole again a moment later when
    the run starts: a second whole page that a slow laptop takes seconds to draw while the run goes on.
    """
    run.start()
    deadline = time.monotonic() + START_WAIT_SECONDS
    while run.progress().state is RunState.QUEUED and time.monotonic() < deadline:
        time.sleep(0.01)


def _train(config: RunConfig) -> None:
    run = TrainingRun(config, limits())
    runs = visitor.training_runs()
    runs.append(run)
    for old in runs[:-KEEP_RUNS]:
        old.stop()
    del runs[:-KEEP_RUNS]
    _start(run)


def _controls(config: RunConfig, run: TrainingRun | None, active: bool) -> None:
    train, stop, resume, reset = st.columns(4)
    train.button(
        _("Train"),
        icon=":material/play_arrow:",
        type="primary",
        on_click=_train,
        args=(config,),
        disabled=active,
        width="stretch",
        help=_("A new run with these settings; earlier runs stay for comparison."),
    )
    stop.button(
        _("Stop"),
        icon=":material/stop:",
        on_click=run.stop if run else None,
        disabled=not active,
        width="stretch",
        help=_("Stops after the current step and keeps everything learned so far."),
    )
    resume.button(
        _("Continue"),
        icon=":material/resume:",
        on_click=_start if run else None,
        args=(run,),
        disabled=run is None or active,
        width="stretch",
        help=_("Trains the current run for its epochs again, from where it stands, Adam's state and all."),
    )
    reset.button(
        _("Reset"),
        icon=":material/restart_alt:",
        on_click=run.reset if run else None,
        disabled=run is None,
        width="stretch",
        help=_("Back to the same initial weights (same seed, same start): a fair restart."),
    )


def background_status() -> None:
    """On the other pages: keeps this visitor's run alive and says how far it got."""
    run = visitor.latest_run()
    if run is None or not run.progress().state.active:
        return

    def status() -> None:
        language.apply()  # a fragment's run is a thread of its own, which starts in English
        run.heartbeat()
        progress = run.progress()
        if progress.state.active:
            st.caption(
                _("Training in the background: epoch {epoch} ({run}).").format(
                    epoch=f"{progress.history.epochs[-1]:,}", run=escape_markdown(run.config.label)
                )
            )
        else:
            st.caption(_(ENDED_LABELS[progress.state]))

    st.fragment(status, run_every=1.0)()


def _redraw_seconds(progress: Progress | None) -> float | None:
    """How often the live panel redraws: while the run trains, unless the server is busy; never once it ended."""
    if progress is None or not progress.state.active:
        return None
    _, queued = SERVER_LOAD.snapshot()
    return REDRAW_SECONDS if progress.state is RunState.RUNNING and queued == 0 else BUSY_REDRAW_SECONDS


def render() -> None:
    try:
        limits()
    except ValueError as error:
        st.error(
            _("This server's training limits are misconfigured: {error}").format(error=escape_markdown(str(error)))
        )
        return
    explorer_session.start_session()
    present = explorer_session.current().present
    st.title(_("Training"))
    st.caption(
        _(
            "Train the unit with Adam and watch it learn: on the tutorial's two companies (Company A's day 5 is 0 "
            "and Company B's is 1, and a trained unit predicts each from its first four days), or on your own series "
            "of prices. While it trains, the cells show every gate and memory of both companies as the weights are "
            "now; afterwards the replay plays the whole run back."
        )
    )
    config = _settings_panel(present)
    if st.session_state.pop(visitor.TRAIN_NOW, False) and config.data is not None:
        _train(config)  # "Train on this series" on the series page: one click from a price file to a run
    run = visitor.latest_run()
    progress = run.progress() if run is not None else None
    active = progress is not None and progress.state.active
    _controls(config, run, active)
    interval = _redraw_seconds(progress)
    scale, loss_help, charts_help = st.columns([3, 1, 1], vertical_alignment="center")
    scale.toggle(
        _("Log scale"),
        value=True,
        key="log_loss",
        help=_("The loss falls by orders of magnitude: a log axis shows it."),
    )
    with loss_help:
        guide.what_am_i_looking_at(guide.LOSS, "help_loss", _("About the loss"))
    with charts_help:
        guide.what_am_i_looking_at(guide.TRAINING_PREDICTIONS, "help_training_charts", _("About the other charts"))
    st.fragment(live_panel, run_every=interval)(present)
    with st.container(key="training_charts"):
        charts_panel(present)
    if present:
        # After Train a class sees the live cells and the loss on the projector's first screen, whatever sits above
        # them; the settings are a scroll away. Until the run has its cells (queued) there is nothing to show.
        drawn = progress is not None and progress.state is not RunState.QUEUED
        scroll_to_when_changed("training_run", str(id(run)) if drawn else "", show="training_charts")
    if progress is not None and not active:
        results_panel(run, progress)
    upload_panel()
