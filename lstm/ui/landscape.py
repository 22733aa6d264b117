"""The loss landscape page: the loss over any two weights, with the path of this visitor's training run."""

from __future__ import annotations

import time

import streamlit as st

from lstm.figures.exports import image_export_config
from lstm.figures.landscape import RUN_MINIMUM_WIDTH, landscape_figure
from lstm.figures.numbers import plain_number
from lstm.insights.landscape import GRID_POINTS, MAX_CELL_STEPS, Landscape, landscape
from lstm.locales import N_, _, whole
from lstm.training.data import companies
from lstm.ui import explorer_session, guide, language, visitor
from lstm.ui.figure_text import figure_text
from lstm.ui.player import PlayerTexts, player
from lstm.ui.sideways import scroll_sideways_css
from lstm.ui.text import escape_markdown
from lstm.unit.weights import NAMES

HOLD = {
    "run": N_("where the current training run is now"),
    "explorer": N_("the weights on the explorer"),
}
DEFAULT_AXES = ("wlr1", "wo2")  # the long-remember and output weights: a valley with a clear floor
REDRAW_SECONDS = 1.0  # while a run trains, its path grows on the map
# The last map computed, with what it was computed for: redraws while a run trains reuse it, so the
# map costs one computation per change of the controls, not one a second (unless the visitor asks).
SURFACE = "landscape_surface"
REFRESHES = "landscape_refreshes"  # presses of "Recompute the map", part of what a map is for

EXPLAINED = N_(
    """\
**What the colours are.** The loss (the squared error of the predictions, added over every
sequence trained on) for every pair of values of the two weights you pick, with the other ten
held fixed. Dark is low. The star is where the ten are held; the white × is the lowest point on
the map.

**The run's path.** Each epoch of your latest training run, placed by its two weights. The run moves
all twelve weights at once, so its own loss (right) is not the map's colour under it, except where
the ten held weights are the run's own: hold them "where the run is now" and the path ends on the
star. Press Play to walk the run epoch by epoch on both charts at once.

**Computed how.** The same arithmetic as the explorer and the trainer, run over the grid in
chunks of pairs. On a long series of your own, the map adds up the loss over the latest windows
only, so that it takes about a second whatever the series; the caption says how many.

**While a run trains** its path grows on the map, which stays as it was computed; press
*Recompute the map* to redraw it around the run, or switch on *Recompute every second*.
"""
)


def _controls(has_run: bool) -> tuple[str, str, str, int]:
    x_axis, y_axis, hold, points = st.columns([1, 1, 2, 1.4])
    x_name = x_axis.selectbox(_("Across (x)"), NAMES, index=NAMES.index(DEFAULT_AXES[0]), key="landscape_x")
    y_name = y_axis.selectbox(_("Up (y)"), NAMES, index=NAMES.index(DEFAULT_AXES[1]), key="landscape_y")
    choices = list(HOLD) if has_run else ["explorer"]
    held = hold.radio(
        _("Hold the other ten at"),
        choices,
        format_func=lambda key: _(HOLD[key]),
        key="landscape_hold",
        horizontal=True,
        help=_("Train a run on the Training page to see its path and hold the weights where it went."),
    )
    grid = points.select_slider(
        _("Grid"), options=[25, 50, 100, 200, 300], value=GRID_POINTS, key="landscape_grid",
        format_func=lambda side: f"{side} × {side}",
        help=_("Points a side. Every point is a full pass of the unit over the data."),
    )  # fmt: skip
    return x_name, y_name, held, grid


def _surface(key: tuple, compute) -> tuple[Landscape, float]:
    """The map for `key`: the one kept from an earlier run of the page if it was for the same, else computed."""
    kept = st.session_state.get(SURFACE)
    if kept is not None and kept[0] == key:
        return kept[1], kept[2]
    began = time.perf_counter()
    surface = compute()
    seconds = time.perf_counter() - began
    st.session_state[SURFACE] = (key, surface, seconds)
    return surface, seconds


def _refresh() -> None:
    st.session_state[REFRESHES] = st.session_state.get(REFRESHES, 0) + 1


def _panel(x_name: str, y_name: str, held: str, grid: int, live: bool) -> None:
    language.apply()  # a fragment's run is a thread of its own, which starts in English
    run = visitor.latest_run()
    data = run.data if run is not None else companies()
    training = False
    if run is not None:
        run.heartbeat()
        progress = run.progress()
        history = progress.history
        training = progress.state.active
        weights = progress.weights if held == "run" else explorer_session.current_weights()
        path, epochs, path_loss = history.weights, history.epochs, history.loss
    else:
        weights = explorer_session.current_weights()
        path, epochs, path_loss = None, [], []
    # While the run trains and moves the held weights, the map waits unless the visitor asks for it.
    held_at = "the run, training" if training and held == "run" and not live else tuple(weights.values())
    key = (x_name, y_name, held, grid, id(run), data.name, held_at, st.session_state.get(REFRESHES, 0))
    surface, seconds = _surface(
        key, lambda: landscape(weights, x_name, y_name, data.inputs, data.labels, path, points=grid)
    )
    dark = st.context.theme.type == "dark"
    figure = landscape_figure(surface, weights, path, epochs, path_loss, dark, controls=False)
    with st.container(key="landscape_frame"):
        # Beside a run the map, its colour bar and the run's loss curve need their width: a phone scrolls them.
        if path is not None and len(epochs) > 0:
            st.html(scroll_sideways_css("landscape_frame", "landscape", RUN_MINIMUM_WIDTH))
        st.plotly_chart(
            figure, key="landscape", theme=None, config=image_export_config(f"lstm-landscape-{x_name}-{y_name}")
        )
    _player_and_text(figure, x_name, y_name)
    st.caption(" ".join(_summary(surface, data.name, seconds, has_run=run is not None)))
    if training:
        st.button(_("Recompute the map"), icon=":material/refresh:", on_click=_refresh, key="landscape_refresh")
    with st.expander(_("The ten weights held fixed")):
        held_at = _("held at")
        st.dataframe(
            {_("weight"): list(surface.held), held_at: list(surface.held.values())},
            hide_index=True,
            column_config={held_at: st.column_config.NumberColumn(format="%.4f")},
        )


def _player_and_text(figure, x_name: str, y_name: str) -> None:
    """The run's walk along its path, played by the page's one set of controls, and the figure's text alternative."""
    frames = figure.to_dict().get("frames", [])
    # Each frame's last update is the step's caption under the map (lstm.figures.landscape).
    captions = [frame["data"][-1]["text"][0] for frame in frames]
    if frames:
        player(
            "landscape",
            [frame["name"] for frame in frames],
            captions,
            labels=[_("epoch {epoch}").format(epoch=frame["name"]) for frame in frames],
            texts=PlayerTexts(group=_("The run's path, epoch by epoch")),
        )
    name = _("The loss over {x_name} and {y_name}").format(x_name=x_name, y_name=y_name)
    still = _(
        "A map of the loss for every pair of values of {x_name} (across) and {y_name} (up), the other ten weights "
        "held; dark is low."
    ).format(x_name=x_name, y_name=y_name)
    figure_text("landscape", name, [f"{still} {caption}" for caption in captions] or [still])


def _summary(surface: Landscape, name: str, seconds: float, has_run: bool) -> list[str]:
    """The map's caption, sentence by sentence: its size and cost, what it adds up, its lowest point."""
    points = len(surface.x_values) * len(surface.y_values)
    said = [
        _("{points} points on {data}, computed in {ms} ms.").format(
            points=whole(points), data=escape_markdown(name), ms=f"{seconds * 1000:.0f}"
        )
    ]
    if surface.windows != surface.of_windows:
        said.append(
            _(
                "The loss adds up the latest {windows} of its {of_windows} windows: a map evaluates at most "
                "{million} million days of the unit, so it takes about a second whatever the series."
            ).format(
                windows=whole(surface.windows),
                of_windows=whole(surface.of_windows),
                million=f"{MAX_CELL_STEPS / 1e6:g}",
            )
        )
    x_low, y_low, lowest = surface.lowest
    said.append(
        _("Lowest on this map: loss {loss} at {x_name} {x_value}, {y_name} {y_value}.").format(
            loss=plain_number(lowest, 3),
            x_name=surface.x_name,
            x_value=f"{x_low:.3f}",
            y_name=surface.y_name,
            y_value=f"{y_low:.3f}",
        )
    )
    if not has_run:
        said.append(_("Train a run on the Training page and its path appears here."))
    return said


def render() -> None:
    explorer_session.start_session()
    guide.insight_heading(
        _("Loss landscape"),
        _(EXPLAINED),
        "help_landscape",
        _(
            "Pick two of the twelve weights: the map shows the loss for every pair of their values, and your "
            "training run's path across it, step by step beside its loss curve."
        ),
    )
    run = visitor.latest_run()
    x_name, y_name, held, grid = _controls(run is not None)
    if x_name == y_name:
        st.warning(
            _("Pick two different weights: both axes are {name}.").format(name=x_name), icon=":material/warning:"
        )
        return
    active = run is not None and run.progress().state.active
    live = (
        active
        and held == "run"
        and st.toggle(
            _("Recompute every second"),
            key="landscape_live",
            help=_(
                "While the run trains, redraw the map around where it is now, once a second. Off, the map "
                "stays as computed and only the run's path grows on it."
            ),
        )
    )
    st.fragment(_panel, run_every=REDRAW_SECONDS if active else None)(x_name, y_name, held, grid, live)
