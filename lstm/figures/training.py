"""Plotly figures of training from plain histories: loss curves of several runs, predictions, weights."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from lstm.figures.theme import PlainFigure, chart_layout, palette
from lstm.training.history import HistoryView
from lstm.unit.gates import GATE_OF_WEIGHT

# Runs to compare get these Okabe-Ito colours in turn; the newest run is drawn thickest.
RUN_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")
ROLE_DASH = ("solid", "dash", "dot")  # weight on short memory, on the input, bias: the order of Gate.weights


def _line(x: list, y: list, name: str, colour: str, width: float, hover: str, dash: str = "solid") -> dict:
    return {
        "type": "scatter",
        "x": x,
        "y": y,
        "name": name,
        "mode": "lines",
        "line": {"color": colour, "width": width, "dash": dash},
        "hovertemplate": hover,
    }


def _layout(dark: bool, height: int, x_title: str, y_title: str) -> dict:
    layout = chart_layout(palette(dark), height, x_title, y_title)
    layout["legend"]["font"]["size"] = 13
    layout["uirevision"] = "keep"  # zoom and hidden series survive the redraws while a run goes on
    return layout


def loss_figure(runs: Sequence[tuple[str, HistoryView]], log_scale: bool, dark: bool = False) -> PlainFigure:
    """Each run's loss over its epochs; the last run is the current one."""
    data = [
        _line(
            history.epochs,
            history.loss,
            label + (" (current)" if index == len(runs) - 1 else ""),
            RUN_COLOURS[index % len(RUN_COLOURS)],
            4 if index == len(runs) - 1 else 2,
            "epoch %{x}: loss %{y:.4g}<extra></extra>",
        )
        for index, (label, history) in enumerate(runs)
    ]
    layout = _layout(dark, 360, "epoch", "loss (summed over the data)")
    layout["yaxis"]["type"] = "log" if log_scale else "linear"
    return PlainFigure(data, layout)


def predictions_figure(
    history: HistoryView, targets: Mapping[str, tuple[str, float]], dark: bool = False
) -> PlainFigure:
    """Each followed prediction (Company A and B) against its target, the targets dotted.

    `targets` gives each followed prediction's title and target (`TrainingData.targets`).
    """
    traces, shapes = [], []
    for index, (name, values) in enumerate(history.predictions.items()):
        colour = RUN_COLOURS[index % len(RUN_COLOURS)]
        title, target = targets[name]
        hover = f"epoch %{{x}}: {name} %{{y:.4f}}<extra></extra>"
        traces.append(_line(history.epochs, values, f"{title} (target {target:.4g})", colour, 3, hover))
        shapes.append(
            {
                "type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": target, "y1": target,
                "line": {"color": colour, "dash": "dot", "width": 2},
            }
        )  # fmt: skip
    layout = _layout(dark, 320, "epoch", "prediction")
    layout["yaxis"]["range"] = [-0.3, 1.3]
    layout["shapes"] = shapes
    return PlainFigure(traces, layout)


def parameters_figure(history: HistoryView, dark: bool = False) -> PlainFigure:
    """The twelve parameters' paths: colour by gate, dash by role (short memory, input, bias)."""
    data = []
    for name, values in history.weights.items():
        gate = GATE_OF_WEIGHT[name]
        hover = f"epoch %{{x}}: {name} %{{y:.4f}}<extra></extra>"
        data.append(_line(history.epochs, values, name, gate.colour, 2, hover, ROLE_DASH[gate.weights.index(name)]))
    return PlainFigure(data, _layout(dark, 360, "epoch", "value"))
