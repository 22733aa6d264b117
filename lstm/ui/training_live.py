"""The Training page's live panel (the run's status and its redraws) and its charts: cells of A and B, loss, weights."""

from __future__ import annotations

import streamlit as st

from lstm.figures.compact_cells import CellRow, compact_cells_figure, minimum_width
from lstm.figures.exports import image_export_config
from lstm.figures.numbers import plain_number
from lstm.figures.training import PARAMETERS_MINIMUM_WIDTH, loss_figure, parameters_figure, predictions_figure
from lstm.locales import N_, _, ngettext
from lstm.training.limits import SERVER_LOAD
from lstm.training.worker import Progress, RunState, TrainingRun
from lstm.ui import language, training_replay, visitor
from lstm.ui.live_training import live_drawing, live_progress, live_update
from lstm.ui.server_limits import limits
from lstm.ui.sideways import scroll_sideways_css
from lstm.ui.text import escape_markdown
from lstm.unit.forward import trace

CHART_POINTS = 600  # a curve is thinned to about this many points before it is drawn
STATE_LABELS = {
    RunState.READY: N_("Ready"),
    RunState.QUEUED: N_("Queued: the server is training other visitors' runs; yours starts when a slot frees up"),
    RunState.RUNNING: N_("Training"),
    RunState.STOPPED: N_("Stopped"),
    RunState.FINISHED: N_("Finished"),
    RunState.DIVERGED: N_("Diverged"),
    RunState.FAILED: N_("Failed"),
}


def _status(run: TrainingRun, progress: Progress) -> None:
    label = escape_markdown(f"{_(STATE_LABELS[progress.state])} ({run.config.label})")
    fraction = min(1.0, progress.epochs_done / progress.epochs_target) if progress.epochs_target else 0.0
    # The facts of the status line, each a phrase of its own, set apart by middle dots.
    facts = [
        _("epoch {epoch}").format(epoch=f"{progress.history.epochs[-1]:,}"),
        _("{done} of {target} this run").format(done=f"{progress.epochs_done:,}", target=f"{progress.epochs_target:,}"),
        _("loss {loss}").format(loss=plain_number(progress.history.loss[-1], 3)),
    ]
    if progress.steps_per_second:
        facts.append(_("{rate} steps/s").format(rate=f"{progress.steps_per_second:,.0f}"))
    if progress.seconds_left is not None:
        facts.append(_("{seconds} s left").format(seconds=f"{progress.seconds_left:.1f}"))
    st.progress(fraction, text=" · ".join([f"**{label}**", *facts]))
    if progress.state is RunState.DIVERGED or progress.state is RunState.FAILED:
        st.error(escape_markdown(progress.message), icon=":material/error:")
    elif progress.message:
        st.info(escape_markdown(progress.message), icon=":material/info:")


def _server_line() -> None:
    training, queued = SERVER_LOAD.snapshot()
    st.caption(
        ngettext(
            "On this server: {training} run training, {queued} queued (at most {limit} at once).",
            "On this server: {training} runs training, {queued} queued (at most {limit} at once).",
            training,
        ).format(training=training, queued=queued, limit=limits().max_concurrent_runs)
    )


def cell_rows(run: TrainingRun, progress: Progress) -> list[CellRow]:
    """The followed sequences (Company A and B) through the unit as the run has it now."""
    return [
        CellRow(title, trace(run.data.inputs[run.data.followed[name]].tolist(), progress.weights), target)
        for name, (title, target) in run.data.targets.items()
    ]


def _charts(run: TrainingRun, progress: Progress, dark: bool) -> None:
    """The loss of every run of the session, both predictions, and the weights by gate."""
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
    st.plotly_chart(
        predictions_figure(history, run.data.targets, dark),
        key="predictions",
        theme=None,
        config=image_export_config("lstm-predictions"),
    )


def _live_view(run: TrainingRun, progress: Progress, dark: bool, present: bool) -> None:
    """While a run trains: the cells of A and B as the unit stands, beside the loss and the predictions."""
    # A projector's cells take two thirds: at 1280 px, three fifths was narrower than the cells' least width, and
    # the prediction hid behind the frame's sideways scroll.
    cells, charts = st.columns([2, 1] if present else [3, 2])
    rows = cell_rows(run, progress)
    with cells, st.container(key="live_cells_frame"):
        st.html(scroll_sideways_css("live_cells_frame", "live_cells", minimum_width(len(rows[0].trace.steps))))
        st.plotly_chart(
            compact_cells_figure(rows, progress.history.epochs[-1], dark, present),
            key="live_cells",
            theme=None,
            config=image_export_config("lstm-cells"),
        )
    with charts:
        _charts(run, progress, dark)
    with st.container(key="parameters_frame"):
        st.html(scroll_sideways_css("parameters_frame", "parameters", PARAMETERS_MINIMUM_WIDTH))
        st.plotly_chart(
            parameters_figure(progress.history.thinned(CHART_POINTS), dark, present),
            key="parameters",
            theme=None,
            config=image_export_config("lstm-weights"),
        )


def live_panel(present: bool) -> None:
    """Redrawn on a timer while the current run is queued or training: its status, and the numbers that changed.

    The cells and charts are drawn with the whole page (`charts_panel`); while the run trains, each redraw here
    sends only the new points and the weights now, and the browser draws them into those charts.
    """
    language.apply()  # a fragment's run is a thread of its own, which starts in English
    _server_line()
    run = visitor.latest_run()
    if run is None:
        st.info(
            _(
                "Choose a recipe and press **Train**. The unit's cells for Company A and B, the loss, both "
                "predictions and the twelve weights draw live; when the run ends, a replay plays it back."
            )
        )
        return
    run.heartbeat()
    progress = live_progress(run)
    _status(run, progress)
    if progress.state is RunState.RUNNING:
        live_update(run, progress)
    before, st.session_state["live_state"] = st.session_state.get("live_state"), progress.state
    if before is not None and before.active and progress.state is not before:
        # The run started or ended: redraw the whole page, so its figures, timer's pace, buttons and downloads
        # follow.
        st.rerun()


def charts_panel(present: bool) -> None:
    """With the whole page: the current run's cells and charts as it stands, or its replay once it has ended."""
    run = visitor.latest_run()
    if run is None:
        return
    progress = run.progress()  # read after the live panel's, so the figures hold every epoch it counted as sent
    dark = st.context.theme.type == "dark"
    if progress.state is RunState.QUEUED:
        # Nothing has changed since Train; the cells and charts come when the run starts. With a class
        # queued behind two runs, every waiting page drawing four figures a second starved the runs.
        return
    if progress.state.active or len(progress.history) < 2:
        _live_view(run, progress, dark, present)
        if progress.state is RunState.RUNNING:
            live_drawing(run, progress)
        return
    replay, charts = st.tabs([_("Replay"), _("Loss, predictions and weights")])
    with replay:
        training_replay.replay(run, progress, dark, present)
    with charts:
        _live_view(run, progress, dark, present)
