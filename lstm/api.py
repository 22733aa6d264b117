"""The notebook's entry point: a learner's own model drawn as the explorer draws it, a link to it, a run's replay."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from lstm.explorer.state import MAX_PAGE_DAYS, ExplorerState, to_query
from lstm.locales import _
from lstm.unit.days import COMPANIES, check_days, company_of
from lstm.unit.forward import trace
from lstm.unit.model_weights import weights_of

if TYPE_CHECKING:
    import plotly.graph_objects as go

    from lstm.figures.theme import PlainFigure

# The explorer's "normal" speed, ms per stage (the page's SPEEDS): Play takes a few seconds for four days.
FRAME_MS = 800
REPLAY_CURVE_POINTS = 300  # the replay's still curves, as the Training page thins them

Days = Sequence[float] | str  # day values, or "A" / "B" for the tutorial's companies


def _days(days: Days, what: str = "days") -> tuple[float, ...]:
    if isinstance(days, str):
        if days not in COMPANIES:
            raise ValueError(f"{what}: {days!r} is neither A nor B (the tutorial's companies) nor day values")
        return COMPANIES[days][0]
    try:
        return check_days(list(days), max_days=MAX_PAGE_DAYS)
    except TypeError:
        raise TypeError(f"{what} must be day values such as (0, 0.5, 0.25, 1), or A or B; got {days!r}") from None
    except ValueError as error:
        raise ValueError(f"{what}: {error}") from None


def _state(model: object, days: Days, compare: Days | None = None, cell: int | None = None) -> ExplorerState:
    """The explorer's state for these weights and days, every stage shown, as a link without `day` opens it."""
    state = ExplorerState(days=_days(days), weights_name="custom", weights=weights_of(model))
    if compare is not None:
        compared = _days(compare, "compare")
        if len(compared) != len(state.days):
            raise ValueError(
                f"compare has {len(compared)} days and days has {len(state.days)}; they are compared day by day"
            )
        state = replace(state, compare=compared)
    if cell is not None:
        if isinstance(cell, bool) or not isinstance(cell, int) or not 1 <= cell <= len(state.days):
            raise ValueError(f"day must be a day to open, 1 to {len(state.days)}; got {cell!r}")
        state = replace(state, cell=cell)
    return state


def _names(state: ExplorerState) -> tuple[str, str]:
    """Whose days are whose, as the explorer names them in its legend."""

    def name(days: tuple[float, ...] | None, otherwise: str) -> str:
        company = company_of(days)
        return otherwise if company is None else _("Company {letter}").format(letter=company)

    return name(state.days, _("these days")), name(state.compare, _("the compared days"))


def plotly_figure(plain: PlainFigure) -> go.Figure:
    """A figure of the app as a full `go.Figure`, to show, change (`update_layout`) or save like any other.

    Frame updates carry no trace type; Plotly would take them for scatters, so each gets its trace's type. The
    empty template keeps plotly.js's own defaults, as the app draws them.
    """
    import plotly.graph_objects as go

    parts = plain.to_dict()
    types = [drawn.get("type", "scatter") for drawn in parts["data"]]
    frames = []
    for frame in parts.get("frames", []):
        updates = zip(frame["traces"], frame["data"], strict=True)
        frames.append({**frame, "data": [{"type": types[index], **update} for index, update in updates]})
    return go.Figure({"data": parts["data"], "layout": {**parts["layout"], "template": {}}, "frames": frames})


def _unrolled(state: ExplorerState, dark: bool) -> go.Figure:
    from lstm.figures.unrolled import unrolled_figure

    compared = None if state.compare is None else trace(state.compare, state.weights)
    open_day = None if state.cell is None else state.cell - 1
    figure = unrolled_figure(
        trace(state.days, state.weights), state.weights, state.position, dark, FRAME_MS, 1.0, open_day, compared,
        _names(state), browser_frames=False,  # Plotly's own frames: a notebook has no player to replay changes
    )  # fmt: skip
    return plotly_figure(figure)


def explore(model: object, days: Days = (0, 0.5, 0.25, 1), compare: Days | None = None, *, dark: bool = False):
    """The explorer's unrolled unit for `model`'s weights: one cell per day, animated with Play and a slider.

    `model` is a LightningModule or nn.Module with parameters named wlr1 ... bo1 (the tutorial's), its
    `state_dict()`, a mapping of the twelve names to numbers, `lstm`'s Weights, the path of a .json or
    .safetensors weights file the app exports, or an `nn.LSTM(input_size=1, hidden_size=1)`. `days` are up to
    60 day values (or "A", "B"); `compare` a second sequence as long, written beside the first in the cells.
    Returns a `plotly.graph_objects.Figure` with its frames; it shows inline in Jupyter, VS Code and Colab.
    Anything else as `model` raises TypeError or ValueError saying what was found and what is accepted.
    """
    return _unrolled(_state(model, days, compare), dark)


def open_cell(
    model: object, day: int, days: Days = (0, 0.5, 0.25, 1), compare: Days | None = None, *, dark: bool = False
):
    """The explorer's unrolled unit with `day`'s cell (1 is the first) opened below: every weight and sum on its wire.

    `model`, `days` and `compare` as in `explore`; the same Play and slider move the cells and the opened cell.
    """
    return _unrolled(_state(model, days, compare, cell=day), dark)


def explorer_link(
    model: object,
    days: Days = (0, 0.5, 0.25, 1),
    base_url: str = "http://localhost:8501",
    *,
    compare: Days | None = None,
    cell: int | None = None,
) -> str:
    """The explorer's address with `model`'s twelve weights (`weights=`) and the days, as its Share link writes it.

    `base_url` is where the app runs: a local `streamlit run streamlit_app.py`, or a classroom's server.
    """
    query = urlencode(to_query(_state(model, days, compare, cell)), safe=",")
    return f"{_checked_base(base_url)}/?{query}"


def _checked_base(base_url: str) -> str:
    """`base_url` without its trailing slash, once it is a web address (it goes into links and their HTML)."""
    if not isinstance(base_url, str) or not base_url.startswith(("http://", "https://")) or '"' in base_url:
        raise ValueError(f"base_url must be an http:// or https:// address (http://localhost:8501); got {base_url!r}")
    return base_url.rstrip("/")


def __getattr__(name: str):
    # The callback is a Lightning class: built on first use, so drawing a model needs neither torch nor Lightning.
    if name == "ReplayCallback":
        return _replay_callback()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _replay_figure(recorder, dark: bool, base_url: str) -> go.Figure:
    """The Training page's replay of the recorded run: frames spaced by change, the curves thinned, as the page does."""
    from lstm.figures.replay import REPLAY_FRAMES, ReplayFrame, replay_figure
    from lstm.training.snapshots import from_history, milestones, spread_by_change

    history = recorder.history()
    if len(history) < 2:
        raise RuntimeError("nothing recorded yet: pass the callback to a Trainer (callbacks=[...]) and fit first")
    days = {name: COMPANIES[name][0] for name in history.predictions}
    frames = [
        ReplayFrame(each, {name: trace(values, each.weights) for name, values in days.items()})
        for each in from_history(history, spread_by_change(history, REPLAY_FRAMES))
    ]
    targets = {name: (_("Company {letter}").format(letter=name), COMPANIES[name][1]) for name in days}
    marks = milestones(history, targets, tutorial=recorder.tutorial_recipe)
    # Each epoch's link opens the explorer at base_url: relative, as on the app's page, it would go nowhere here.
    link_base = f"{_checked_base(base_url)}/"
    parts = replay_figure(frames, history.thinned(REPLAY_CURVE_POINTS), targets, marks, dark, link_base=link_base)
    return plotly_figure(parts)


@cache
def _replay_callback() -> type:
    from lstm.training.replay_callback import ReplayRecorder

    class ReplayCallback(ReplayRecorder):
        """A Lightning Callback for your own Trainer: `Trainer(callbacks=[ReplayCallback()])`, then `.figure()`.

        It records the twelve weights at the end of chosen epochs, cheaply (twelve numbers at a kept epoch, nothing
        at the others), whether the module logs or not. `every`: record every that many epochs; left out,
        `max_snapshots` (2 to 500) epochs are spread evenly over the Trainer's `max_epochs`, as
        `python -m lstm train --snapshots` picks them; either way at most `max_snapshots`, the first and the last
        epoch always. Afterwards `snapshots` is the list `train --snapshots K --json` prints (epoch, weights, and
        the loss and predictions on the tutorial's two companies), and `figure()` the Training page's replay.
        """

        def figure(self, dark: bool = False, base_url: str = "http://localhost:8501") -> go.Figure:
            """The run's replay: the cells of Company A and B, loss, predictions and weights on one slider.

            Each frame's link opens its epoch in the explorer at `base_url`, as `explorer_link` does.
            """
            return _replay_figure(self, dark, base_url)

    # Found where `lstm.ReplayCallback` is, so help() and a saved object name it as a learner imports it.
    ReplayCallback.__module__, ReplayCallback.__qualname__ = __name__, "ReplayCallback"
    return ReplayCallback
