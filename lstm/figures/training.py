"""Plotly figures of training from plain histories: loss curves of several runs, predictions, weights by gate."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from lstm.figures.numbers import plain_number, plotly_number
from lstm.figures.shapes import line
from lstm.figures.theme import Palette, PlainFigure, chart_layout, palette
from lstm.locales import _
from lstm.training.history import HistoryView
from lstm.unit.gates import GATES

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
    layout["uirevision"] = "keep"  # series hidden from the legend stay hidden while a run goes on
    # Pushed left of the axis so the lowest value's label clears the epoch axis's "0" in the corner.
    layout["yaxis"]["ticklabelstandoff"] = 8
    return layout


def loss_figure(runs: Sequence[tuple[str, HistoryView]], log_scale: bool, dark: bool = False) -> PlainFigure:
    """Each run's loss over its epochs; the last run is the current one."""
    data = [
        _line(
            history.epochs,
            history.loss,
            _("{run} (current)").format(run=label) if index == len(runs) - 1 else label,
            RUN_COLOURS[index % len(RUN_COLOURS)],
            4 if index == len(runs) - 1 else 2,
            _("epoch {epoch}: loss {loss}").format(epoch="%{x}", loss=plotly_number("y", 4)) + "<extra></extra>",
        )
        for index, (label, history) in enumerate(runs)
    ]
    layout = _layout(dark, 360, _("epoch"), _("loss (summed over the data)"))
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
        hover = _("epoch {epoch}: {sequence} {prediction}").format(epoch="%{x}", sequence=name, prediction="%{y:.4f}")
        legend = _("{sequence} (target {target})").format(sequence=title, target=plain_number(target, 4))
        traces.append(_line(history.epochs, values, legend, colour, 3, hover + "<extra></extra>"))
        shapes.append(line(0, target, 1, target, colour, dash="dot", axes=("paper", "y"), layer="above"))
    layout = _layout(dark, 320, _("epoch"), _("prediction"))
    layout["yaxis"]["range"] = [-0.3, 1.3]
    layout["shapes"] = shapes
    return PlainFigure(traces, layout)


def _suffix(axis: int) -> str:
    """Plotly names the first axes x and y, the others x2, y2, ..."""
    return "" if axis == 1 else str(axis)


def weights_traces(history: HistoryView, first_axis: int) -> list[dict]:
    """Each gate's three weights on its own small chart (axes `first_axis` on, one per gate), dash by role."""
    data = []
    for index, gate in enumerate(GATES):
        for role, name in enumerate(gate.weights):
            hover = _("epoch {epoch}: {weight} {value}").format(epoch="%{x}", weight=name, value="%{y:.4f}")
            line = _line(history.epochs, history.weights[name], name, gate.colour, 2, hover + "<extra></extra>",
                         ROLE_DASH[role])  # fmt: skip
            suffix = _suffix(first_axis + index)
            data.append({**line, "xaxis": f"x{suffix}", "yaxis": f"y{suffix}"})
    return data


def weights_axes(
    history: HistoryView, colours: Palette, font: int, area: list[float], first_axis: int, columns: int
) -> dict:
    """The small charts' axes, `columns` a row within the vertical `area`; each titled by its gate and lines."""
    rows = -(-len(GATES) // columns)
    gap_x, gap_y = 0.06, 0.2 * (area[1] - area[0]) / rows
    width, height = (1 - gap_x * (columns - 1)) / columns, (area[1] - area[0] - gap_y * (rows - 1)) / rows
    span = [0, max(1, history.epochs[-1])]
    # Four charts a row are too narrow for a title on one line: the gate goes above its lines' key.
    title = (
        "<b>{gate}</b>:<br>{short} ━ {given} ╍ {bias} ┈"
        if columns > 2
        else "<b>{gate}</b>: {short} ━ {given} ╍ {bias} ┈"
    )
    layout = {}
    for index, gate in enumerate(GATES):
        row, column = divmod(index, columns)
        left, top = column * (width + gap_x), area[1] - row * (height + gap_y)
        values = [value for name in gate.weights for value in history.weights[name]]
        pad = 0.1 * (max(values) - min(values)) or 0.5
        short, given, bias = gate.weights
        axis = {"automargin": True, "gridcolor": colours.track, "zerolinecolor": colours.muted,
                "tickfont": {"size": font - 2}, "fixedrange": True}  # fmt: skip
        suffix = _suffix(first_axis + index)
        words = {"gate": gate.tutorial, "short": short, "given": given, "bias": bias}
        title_text = {"text": title.format(**words), "font": {"size": font}, "standoff": 2}
        layout[f"xaxis{suffix}"] = {**axis, "domain": [left, left + width], "anchor": f"y{suffix}", "range": span,
                                    "ticklabelstandoff": 4, "title": title_text}  # fmt: skip
        # Pushed left of the axis so the lowest value's label clears the epoch axis's "0" in the corner.
        layout[f"yaxis{suffix}"] = {**axis, "domain": [top - height, top], "anchor": f"x{suffix}",
                                    "nticks": 4, "ticklabelstandoff": 8,
                                    "range": [min(values) - pad, max(values) + pad]}  # fmt: skip
    return layout


# The narrowest the four small charts, two a row, keep their titles ("long-remember %: wlr1 ━ wlr2 ╍ blr1 ┈")
# apart, in px; a narrower screen should scroll the figure sideways inside its own frame.
PARAMETERS_MINIMUM_WIDTH = 720


def parameters_figure(history: HistoryView, dark: bool = False, present: bool = False) -> PlainFigure:
    """The twelve parameters' paths as four small charts, one per gate, dash by role (short memory, input, bias)."""
    colours = palette(dark)
    font = 16 if present else 13
    layout = chart_layout(
        colours,
        420,
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        font_size=font,
        legend=None,
        uirevision="keep",
        **weights_axes(history, colours, font, [0.0, 1.0], first_axis=1, columns=2),
    )
    return PlainFigure(weights_traces(history, first_axis=1), layout)
