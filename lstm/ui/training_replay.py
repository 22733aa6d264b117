"""The replay of a finished or stopped run on the Training page: built once per run and state, played in the browser."""

from __future__ import annotations

import streamlit as st

from lstm.figures.exports import image_export_config
from lstm.figures.replay import MINIMUM_WIDTH, REPLAY_FRAMES, REPLAY_SECONDS, ReplayFrame, replay_figure
from lstm.locales import current, ngettext, whole
from lstm.training.snapshots import from_history, milestones, spread_by_change
from lstm.training.worker import Progress, TrainingRun
from lstm.ui.sideways import scroll_sideways_css
from lstm.unit.forward import trace

CACHE = "training_replay"  # session key: (what the replay was built from, the figure)
REPLAY_CURVE_POINTS = 300  # the still curves behind the markers; every frame redraws them


def _frames(run: TrainingRun, progress: Progress) -> list[ReplayFrame]:
    """Snapshots spaced by change, each with the followed sequences traced through its weights."""
    history = progress.history
    days = {name: run.data.inputs[row].tolist() for name, row in run.data.followed.items()}
    snapshots = from_history(history, spread_by_change(history, REPLAY_FRAMES))
    return [
        ReplayFrame(each, {name: trace(values, each.weights) for name, values in days.items()}) for each in snapshots
    ]


def _figure(run: TrainingRun, progress: Progress, dark: bool, present: bool):
    # The figure holds words: a change of language builds it again.
    key = (
        id(run),
        len(progress.history),
        progress.history.epochs[-1],
        progress.state,
        dark,
        present,
        current(),
    )
    cached = st.session_state.get(CACHE)
    if cached is not None and cached[0] == key:
        return cached[1]
    history = progress.history
    marks = milestones(history, run.data.targets, tutorial=run.recipe.name == "tutorial")
    figure = replay_figure(
        _frames(run, progress), history.thinned(REPLAY_CURVE_POINTS), run.data.targets, marks, dark, present
    )
    st.session_state[CACHE] = (key, figure)
    return figure


def replay(run: TrainingRun, progress: Progress, dark: bool, present: bool) -> None:
    """The whole run, from the untrained unit to where it stopped, with Play and a slider."""
    epochs = progress.history.epochs[-1]
    st.caption(
        ngettext(
            "**Replay** of this run ({epochs} epoch, an epoch is one pass over {data}). Press **Play**: about "
            "{seconds} s from the untrained unit to the end, frames closer together where the unit changed most. "
            "The diamonds on the loss mark milestones (hover for them); the link under the sentence opens the "
            "epoch shown in the explorer, in a new tab.",
            "**Replay** of this run ({epochs} epochs, an epoch is one pass over {data}). Press **Play**: about "
            "{seconds} s from the untrained unit to the end, frames closer together where the unit changed most. "
            "The diamonds on the loss mark milestones (hover for them); the link under the sentence opens the "
            "epoch shown in the explorer, in a new tab.",
            epochs,
        ).format(epochs=whole(epochs), data=run.data.name, seconds=REPLAY_SECONDS)
    )
    with st.container(key="replay_frame"):
        # Narrower than its texts need, the replay scrolls sideways inside its own frame, not the page.
        st.html(scroll_sideways_css("replay_frame", "replay", MINIMUM_WIDTH))
        st.plotly_chart(
            _figure(run, progress, dark, present), key="replay", theme=None, config=image_export_config("lstm-replay")
        )
