"""A live run's redraw as a few numbers: the epochs since the last redraw and the weights now; the browser draws.

While a run trains, the page's live panel redraws four times a second. Building and sending the four figures
each time (the cells of A and B, the loss, the predictions, the weights) took about half a core of the server
from the run itself. The server now draws the figures only when the whole page is drawn (first, at the run's
start and at its end); in between, each redraw sends this component the new points to append to the curves and
the twelve weights now and at a few epochs between, and lstm/ui/components/live_training.js draws the cells
from those weights with the browser's float32 unit (unit.js, the day preview's), one epoch after the other until
the next redraw, and extends the curves, skipping to the newest numbers whenever a draw is not done when the next
ones arrive. Each redraw of the live panel costs the server (and the browser) a script run; each picture of the
cells costs only the browser a few milliseconds, so the cells change about three times as often as the panel.
"""

from __future__ import annotations

import functools
import json
import math

import streamlit as st

from lstm.figures.compact_cells import BAR_LENGTH, BAR_START, ROWS, SIGNED
from lstm.figures.numbers import plain_number
from lstm.locales import _
from lstm.training.data import TrainingData
from lstm.training.history import HistoryView
from lstm.training.worker import Progress, TrainingRun
from lstm.ui.components import read, script, style
from lstm.unit.explain import DECIMALS
from lstm.unit.gates import GATES

DRAWING_KEY = "live_training"
KEY = "live_numbers"
# The epoch up to which this visitor's page has the run's curves, and of which run: what the next redraw adds to.
SENT = "live_training_sent"
LIVE_POINTS = 200  # the live curves grow by a few points a redraw; the run's end draws them whole (CHART_POINTS)
PICTURES_A_REDRAW = 3  # the epochs whose cells a redraw carries, evenly spread since the last, the newest last
TAKES_NO_ROOM = style("live_training.css")


@functools.cache
def _drawing():
    # Registered once per process, on first use rather than at import. It runs in the page (no iframe), where it
    # reaches the charts and the page's own plotly.js; it is drawn with the charts, so its script (with unit.js)
    # goes to the browser with the whole page only.
    return st.components.v2.component("lstm_explorer.live_training", html="", js=script("live_training.js"))


@functools.cache
def _numbers():
    # Streamlit sends a component's script with every redraw of it: the live panel's own is one line, which hands
    # each redraw's numbers to the drawing component in the page.
    return st.components.v2.component("lstm_explorer.live_numbers", html="", js=read("live_numbers.js"))


def cells_recipe(data: TrainingData) -> dict:
    """How the live cells (lstm.figures.compact_cells) show each number, as plain data for the browser.

    `squash` is each gate's function in the unit's order; `scales` the scale of each of the cells' rows (ROWS:
    the four gates, long and short memory), None for a percentage drawn from the left; `rows` each followed
    sequence's days and its target as the figure writes it; `title` and `prediction` the figure's words.
    """
    return {
        "squash": [gate.activation for gate in GATES],
        "scales": [SIGNED.get(row) for row in ROWS],
        "bar_start": BAR_START,
        "bar_length": BAR_LENGTH,
        "decimals": DECIMALS,
        "title": _("The unit at epoch {epoch}"),
        "prediction": _("prediction"),
        "rows": [
            {
                "days": data.inputs[data.followed[name]].tolist(),
                "target": _("target {target}").format(target=plain_number(target)),
            }
            for name, (__, target) in data.targets.items()
        ],
    }


def _short(value: float) -> float:
    """A curve's value to six significant figures: more than a chart shows, and half the bytes of a float's repr."""
    return float(f"{value:.6g}") if math.isfinite(value) else 0.0


def _exact(value: float) -> float:
    """A weight to nine significant figures: the float32 value itself, so the browser's cells are the server's."""
    return float(f"{value:.9g}")


def new_points(progress: Progress, after: int) -> dict:
    """The epochs past `after` to append to the curves, about LIVE_POINTS over the whole run, the newest always."""
    history = progress.history
    last_epoch = history.epochs[-1]
    leg_end = last_epoch - progress.epochs_done + progress.epochs_target
    stride = max(1, -(-leg_end // LIVE_POINTS))
    keep = [index for index, epoch in enumerate(history.epochs) if epoch > after and epoch % stride == 0]
    if history.epochs and history.epochs[-1] > after and (not keep or keep[-1] != len(history) - 1):
        keep.append(len(history) - 1)
    return {
        "epochs": [history.epochs[index] for index in keep],
        "loss": [_short(history.loss[index]) for index in keep],
        "predictions": [[_short(values[index]) for index in keep] for values in history.predictions.values()],
    }


def _weights_at(history: HistoryView, index: int) -> list[float]:
    return [_exact(history.weights[name][index]) for gate in GATES for name in gate.weights]


def earlier_pictures(progress: Progress, after: int) -> list[list]:
    """The epochs past `after` whose cells the browser shows before the newest's, each with its weights.

    With the newest, PICTURES_A_REDRAW epochs evenly spread over those since the page's last redraw (fewer when
    fewer trained), as `[epoch, [twelve weights in the unit's order]]`, oldest first.
    """
    history = progress.history
    past = [index for index, epoch in enumerate(history.epochs) if epoch > after]
    shares = [len(past) * share // PICTURES_A_REDRAW for share in range(1, PICTURES_A_REDRAW)]
    chosen = sorted({past[share - 1] for share in shares if share > 0} - {len(history) - 1})
    return [[history.epochs[index], _weights_at(history, index)] for index in chosen]


def live_drawing(run: TrainingRun, progress: Progress) -> None:
    """With the whole page, beside the figures drawn from `progress`: the component that draws the next redraws."""
    st.session_state[SENT] = (id(run), progress.history.epochs[-1])
    st.html(TAKES_NO_ROOM)
    # One JSON string rather than a dict of lists: Streamlit would look for a table in each list (pandas).
    drawing = {"run": id(run), "recipe": cells_recipe(run.data)}
    _drawing()(key=DRAWING_KEY, data={"drawing": json.dumps(drawing)}, height="content")


def live_progress(run: TrainingRun) -> Progress:
    """The run as the live panel needs it: the epochs past the last one this page has, not the whole history."""
    sent_run, sent_epoch = st.session_state.get(SENT, (None, -1))
    return run.progress(after=sent_epoch if sent_run == id(run) else math.inf)


def live_update(run: TrainingRun, progress: Progress) -> None:
    """What changed since the page's last redraw, for the browser to draw: new points, the weights now."""
    sent_run, sent_epoch = st.session_state.get(SENT, (None, -1))
    if sent_run != id(run):
        return  # the figures of this run are not on the page yet: the whole page draws them
    update = {
        "run": id(run),
        "epoch": progress.history.epochs[-1],
        "weights": [_exact(progress.weights[name]) for gate in GATES for name in gate.weights],
        "earlier": earlier_pictures(progress, sent_epoch),
        "points": new_points(progress, sent_epoch),
    }
    st.session_state[SENT] = (id(run), update["epoch"])
    _numbers()(key=KEY, data={"update": json.dumps(update, separators=(",", ":"))}, height="content")
