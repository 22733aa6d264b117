"""The replay of a run: one figure whose frames move cells, loss marker, predictions and weights together."""

from __future__ import annotations

import itertools
import math
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from lstm.figures.animation import animation_controls
from lstm.figures.compact_cells import CellRow, cell_axes, cell_traces, cell_updates
from lstm.figures.numbers import plain_number, plotly_number
from lstm.figures.theme import Palette, PlainFigure, chart_layout, palette
from lstm.figures.training import RUN_COLOURS, weights_axes, weights_traces
from lstm.figures.what_changed import first_sentence, what_changed
from lstm.locales import _, whole
from lstm.training.history import HistoryView
from lstm.training.snapshots import Milestone, Snapshot
from lstm.unit.gates import GATES
from lstm.unit.trace import Trace

REPLAY_SECONDS = 15  # a whole replay at the default pace: long enough to follow, short enough for a class
REPLAY_FRAMES = 80  # enough to follow the burst; each frame redraws the whole figure in the browser
MIN_FRAME_MS = 60
CELLS_X, CHARTS_X = [0.0, 0.56], [0.66, 1.0]
CELL_DOMAINS = ([0.62, 0.86], [0.31, 0.55])
LOSS_Y, PREDICTIONS_Y, WEIGHTS_Y = [0.64, 0.86], [0.33, 0.53], [0.1, 0.24]


@dataclass(frozen=True)
class ReplayFrame:
    """One frame: a snapshot of the run and the followed sequences traced through its weights."""

    snapshot: Snapshot
    traces: Mapping[str, Trace]  # followed sequence (A, B) -> its trace


@dataclass(frozen=True)
class ReplayText:
    """Sizes of the replay's type: larger in presenter mode."""

    font: int
    sentence: int
    wrap: int  # characters per line of the what-changed sentence
    height: int


NORMAL = ReplayText(font=13, sentence=15, wrap=150, height=720)
PRESENTER = ReplayText(font=17, sentence=20, wrap=120, height=1000)


def _rows(frame: ReplayFrame, targets: Mapping[str, tuple[str, float]]) -> list[CellRow]:
    return [CellRow(targets[name][0], trace, targets[name][1]) for name, trace in frame.traces.items()]


def _sentences(frames: Sequence[ReplayFrame], targets: Mapping[str, tuple[str, float]]) -> list[str]:
    first = frames[0]
    said = [first_sentence(first.snapshot.epoch, first.traces, targets)]
    for before, after in itertools.pairwise(frames):
        epochs = (before.snapshot.epoch, after.snapshot.epoch)
        said.append(what_changed(epochs, before.traces, after.traces, targets))
    return said


def explorer_link(snapshot: Snapshot, link_base: str = "") -> str:
    """The explorer with this epoch's twelve weights, as a link that opens in a new tab.

    `link_base` is the explorer's address before its query ("http://localhost:8501/", for a notebook); without
    one the link is relative, `explorer?weights=...`, as the app's own pages want it.
    """
    if any(char in link_base for char in '"<>'):
        raise ValueError(f"link_base must be a plain address; got {link_base!r}")
    numbers = ",".join(repr(value) for value in snapshot.weights.values_in_order())
    words = _("Open epoch {epoch} in the explorer ↗").format(epoch=whole(snapshot.epoch))
    return f'<a href="{link_base or "explorer"}?weights={numbers}" target="_blank">{words}</a>'


def _annotations(snapshot: Snapshot, sentence: str, text: ReplayText, colours: Palette, link_base: str) -> list[dict]:
    epoch = _("Epoch {epoch}").format(epoch=whole(snapshot.epoch))
    loss = _("loss {loss}").format(loss=plain_number(snapshot.loss, 3))
    head = f"<b>{epoch}</b> · {loss} · "
    lines = textwrap.wrap(head + sentence, text.wrap)
    common = {"xref": "paper", "yref": "paper", "showarrow": False, "xanchor": "left", "align": "left"}
    return [
        {"x": 0, "y": 1.0, "yanchor": "top", "text": "<br>".join(lines),
         "font": {"size": text.sentence, "color": colours.text}, **common},
        {"x": CHARTS_X[0], "y": 0.905, "yanchor": "bottom", "text": explorer_link(snapshot, link_base),
         "font": {"size": text.font + 1, "color": "#0072B2" if colours.background == "#FFFFFF" else "#56B4E9"},
         **common},
    ]  # fmt: skip


def _axis(domain_x: list[float], domain_y: list[float], anchor: str, title: str, colours: Palette, font: int) -> dict:
    return {
        "domain": domain_x if anchor.startswith("y") else domain_y,
        "anchor": anchor,
        "title": {"text": title, "font": {"size": font}, "standoff": 4},
        "automargin": True,
        "gridcolor": colours.track,
        "zerolinecolor": colours.muted,
        "tickfont": {"size": font - 1},
        "fixedrange": True,
    }


def _padded(values: Sequence[float], low: float, high: float) -> list[float]:
    return [min(low, min(values) - 0.1), max(high, max(values) + 0.1)]


def _loss_traces(history: HistoryView, marks: Sequence[Milestone], font: int, colours: Palette) -> list[dict]:
    common = {"xaxis": "x3", "yaxis": "y3", "showlegend": False}
    return [
        {"type": "scatter", "mode": "lines", "x": history.epochs, "y": history.loss, "line": {"color": RUN_COLOURS[0]},
         "hovertemplate": _("epoch {epoch}: loss {loss}").format(epoch="%{x}", loss=plotly_number("y", 3))
         + "<extra></extra>",
         **common},
        {"type": "scatter", "mode": "markers+text", "x": [mark.epoch for mark in marks],
         "y": [mark.loss for mark in marks], "text": [whole(mark.epoch) for mark in marks],
         "hovertext": [_("epoch {epoch}: {milestone}").format(epoch=whole(mark.epoch), milestone=mark.label)
                       for mark in marks], "hoverinfo": "text",
         "textposition": "top center", "textfont": {"size": font - 1, "color": colours.muted},
         "marker": {"symbol": "diamond", "size": 10, "color": colours.muted}, **common},
    ]  # fmt: skip


def _prediction_traces(history: HistoryView, targets: Mapping[str, tuple[str, float]]) -> list[dict]:
    traces = []
    last = history.epochs[-1]
    for index, (name, values) in enumerate(history.predictions.items()):
        colour = RUN_COLOURS[index % len(RUN_COLOURS)]
        title, target = targets[name]
        common = {"xaxis": "x4", "yaxis": "y4", "showlegend": False, "line": {"color": colour}}
        hover = _("epoch {epoch}: {sequence} {prediction}").format(epoch="%{x}", sequence=title, prediction="%{y:.4f}")
        label = _("{sequence} target {target}").format(sequence=title, target=plain_number(target))
        traces.append({"type": "scatter", "mode": "lines", "x": history.epochs, "y": values, "name": title,
                       "hovertemplate": hover + "<extra></extra>", **common})  # fmt: skip
        traces.append({"type": "scatter", "mode": "lines+text", "x": [0, last], "y": [target, target],
                       "text": ["", label], "textposition": "top left", "hoverinfo": "skip",
                       **{**common, "line": {"color": colour, "dash": "dot", "width": 1.5}}})  # fmt: skip
    return traces


def _markers(snapshot: Snapshot, targets: Mapping[str, tuple[str, float]]) -> list[dict]:
    """Where the frame is: on the loss curve, on both predictions, on each gate's three weights."""
    epoch = snapshot.epoch
    updates = [
        {"x": [epoch], "y": [snapshot.loss]},
        {"x": [epoch] * len(targets), "y": [snapshot.predictions[name] for name in targets]},
    ]
    updates += [{"x": [epoch] * 3, "y": [snapshot.weights[name] for name in gate.weights]} for gate in GATES]
    return updates


def _marker_traces(snapshot: Snapshot, targets: Mapping[str, tuple[str, float]], colours: Palette) -> list[dict]:
    axes = [("x3", "y3"), ("x4", "y4"), *((f"x{5 + index}", f"y{5 + index}") for index in range(len(GATES)))]
    colour_sets = [[colours.text], [RUN_COLOURS[i % len(RUN_COLOURS)] for i in range(len(targets))]]
    colour_sets += [[gate.colour] * 3 for gate in GATES]
    return [
        {"type": "scatter", "mode": "markers", **update, "xaxis": x, "yaxis": y, "showlegend": False,
         "hoverinfo": "skip", "marker": {"size": 11, "color": marker_colours, "line": {"color": colours.background,
                                                                                       "width": 2}}}
        for update, (x, y), marker_colours in zip(_markers(snapshot, targets), axes, colour_sets, strict=True)
    ]  # fmt: skip


def _few_log_labels(log_range: list[float]) -> dict:
    """Over a short run's few tenfolds Plotly labels 1.6, 1.8, 2 ... on top of each other: keep 1, 2 and 5."""
    return {"dtick": "D2"} if log_range[1] - log_range[0] < 2 else {}


def _chart_axes(history: HistoryView, colours: Palette, font: int) -> dict:
    span = [0, max(1, history.epochs[-1])]
    positive = [value for value in history.loss if value > 0] or [1.0]
    loss_range = [math.log10(min(positive)) - 0.3, math.log10(max(positive)) + 0.3]
    predictions = [value for values in history.predictions.values() for value in values]
    layout = {
        "xaxis3": {**_axis(CHARTS_X, LOSS_Y, "y3", "", colours, font), "range": span},
        "yaxis3": {**_axis(CHARTS_X, LOSS_Y, "x3", _("loss (log)"), colours, font), "type": "log", "range": loss_range,
                   **_few_log_labels(loss_range)},
        "xaxis4": {**_axis(CHARTS_X, PREDICTIONS_Y, "y4", _("epoch"), colours, font), "range": span},
        "yaxis4": {**_axis(CHARTS_X, PREDICTIONS_Y, "x4", _("prediction"), colours, font),
                   "range": _padded(predictions, -0.3, 1.3)},
    }  # fmt: skip
    layout.update(weights_axes(history, colours, font, WEIGHTS_Y, first_axis=5, columns=4))
    return layout


# The narrowest the replay is drawn with its texts apart, in px: the cells, the charts beside them and the four
# weight charts under them share the width. A narrower screen should scroll it sideways inside its own frame.
MINIMUM_WIDTH = 1200


def replay_figure(
    frames: Sequence[ReplayFrame],
    history: HistoryView,
    targets: Mapping[str, tuple[str, float]],
    marks: Sequence[Milestone] = (),
    dark: bool = False,
    present: bool = False,
    link_base: str = "",
) -> PlainFigure:
    """The whole run in one figure: cells of each followed sequence, loss, predictions and weights, one slider.

    `frames` are the snapshots to step through (first: untrained, last: the run's end); `history` (thinned)
    draws the still curves; `targets` gives each followed sequence's title and target. Each frame links its
    weights to the explorer, relative to the app's page or at `link_base` (see `explorer_link`).
    """
    colours, text = palette(dark), PRESENTER if present else NORMAL
    first = frames[0]
    data: list[dict] = []
    layout = chart_layout(
        colours, text.height, margin={"l": 10, "r": 10, "t": 10, "b": 90}, font_size=text.font, legend=None,
        barmode="overlay", hovermode="closest",
        annotations=_annotations(first.snapshot, _sentences(frames[:1], targets)[0], text, colours, link_base),
    )  # fmt: skip
    animated: list[int] = []  # indices of the traces the frames update, in the order of their updates
    for index, (row, y_domain) in enumerate(zip(_rows(first, targets), CELL_DOMAINS, strict=False)):
        suffix = "" if index == 0 else "2"
        x, y = cell_axes(row, colours, (CELLS_X, y_domain), (f"x{suffix}", f"y{suffix}"), text.font)
        layout[f"xaxis{suffix}"], layout[f"yaxis{suffix}"] = x, y
        cells = cell_traces(row, colours, (f"x{suffix}", f"y{suffix}"), text.font)
        animated += list(range(len(data), len(data) + len(cells)))
        data += cells
    data += _loss_traces(history, marks, text.font, colours)
    data += _prediction_traces(history, targets)
    data += weights_traces(history, first_axis=5)
    markers = _marker_traces(first.snapshot, targets, colours)
    animated += list(range(len(data), len(data) + len(markers)))
    data += markers
    layout.update(_chart_axes(history, colours, text.font))
    names = [str(frame.snapshot.epoch) for frame in frames]
    plain_frames = [
        {
            "name": name,
            "data": [update for row in _rows(frame, targets)[:2] for update in cell_updates(row)]
            + _markers(frame.snapshot, targets),
            "traces": animated,
            "layout": {"annotations": _annotations(frame.snapshot, sentence, text, colours, link_base)},
        }
        for name, frame, sentence in zip(names, frames, _sentences(frames, targets), strict=True)
    ]
    frame_ms = max(MIN_FRAME_MS, REPLAY_SECONDS * 1000 // len(frames))
    controls = animation_controls(colours, names, names, frame_ms, font_size=text.font + 2, left_margin=False)
    slider = controls["sliders"][0]
    slider["currentvalue"] = {
        "visible": True,
        "prefix": _("epoch") + " ",
        "xanchor": "left",
        "font": {"size": text.font + 2},
    }
    slider["font"]["color"] = "rgba(0,0,0,0)"  # a label per frame would pile up: the current one is written above
    slider["y"] = controls["updatemenus"][0]["y"] = -0.01
    layout.update(controls)
    return PlainFigure(data, layout, plain_frames)
