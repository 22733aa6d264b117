"""The loss landscape as a contour map, a training run's path across it, and its loss curve beside it, in step."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from lstm.figures.animation import animation_controls
from lstm.figures.theme import Palette, PlainFigure, palette

if TYPE_CHECKING:
    from lstm.insights.landscape import Landscape

FLOOR = 1e-6  # a loss of 0 has no logarithm; below this the map is one colour anyway
PATH_COLOUR = "#FFFFFF"
NOW_COLOUR = "#E69F00"  # orange: where the other ten weights are held
STEP_COLOUR = "#D55E00"  # vermillion: the run's position at the slider's step
FRAME_MS = 120
MAX_FRAMES = 120  # the path is thinned to about this many steps: the figure's JSON stays small


def _log10(loss: float) -> float:
    return math.log10(max(loss, FLOOR))


def _thin(count: int, most: int) -> list[int]:
    """Indices of about `most` evenly spaced entries of `count`, first and last included."""
    if count <= most:
        return list(range(count))
    stride = -(-count // most)
    keep = list(range(0, count, stride))
    return keep if keep[-1] == count - 1 else [*keep, count - 1]


def _colourbar_ticks(values: Sequence[Sequence[float]]) -> tuple[list[float], list[str]]:
    low = math.floor(min(min(row) for row in values))
    high = math.ceil(max(max(row) for row in values))
    ticks = list(range(low, high + 1))
    return ticks, [f"{10.0**tick:g}" for tick in ticks]


def _map_traces(landscape: Landscape, now: Mapping[str, float], beside_a_run: bool) -> list[dict]:
    """The contour of log loss, the star where the other ten are held, and the lowest point on the map."""
    x_name, y_name = landscape.x_name, landscape.y_name
    z = [[_log10(value) for value in row] for row in landscape.loss]
    ticks, tick_text = _colourbar_ticks(z)
    x_lowest, y_lowest, lowest = landscape.lowest
    contour = {
        "type": "contour",
        "x": landscape.x_values,
        "y": landscape.y_values,
        "z": z,
        "customdata": [[float(f"{value:.4g}") for value in row] for row in landscape.loss],
        "colorscale": "Viridis",
        "contours": {"coloring": "heatmap", "showlines": True},
        "line": {"width": 0.5, "color": "rgba(255,255,255,0.35)"},
        "ncontours": 24,
        "colorbar": {
            "title": {"text": "loss", "side": "top"},
            "tickvals": ticks,
            "ticktext": tick_text,
            "x": 0.6 if beside_a_run else 1.0,
            "len": 0.9,
            "thickness": 14,
        },
        "hovertemplate": f"{x_name} %{{x:.3f}}<br>{y_name} %{{y:.3f}}<br>loss %{{customdata}}<extra></extra>",
        "name": "loss",
    }
    held = {
        "type": "scatter", "x": [now[x_name]], "y": [now[y_name]], "mode": "markers",
        "marker": {"symbol": "star", "size": 18, "color": NOW_COLOUR, "line": {"color": "#000000", "width": 1}},
        "name": "held here",
        "hovertemplate": f"the other ten held here<br>{x_name} %{{x:.4f}}<br>{y_name} %{{y:.4f}}<extra></extra>",
    }  # fmt: skip
    lowest_marker = {
        "type": "scatter", "x": [x_lowest], "y": [y_lowest], "mode": "markers",
        "marker": {"symbol": "x", "size": 14, "color": "#FFFFFF", "line": {"color": "#000000", "width": 1}},
        "name": "lowest on the map", "hovertemplate": f"lowest on this map: loss {lowest:.4g}<extra></extra>",
    }  # fmt: skip
    return [contour, held, lowest_marker]


def _map_layout(landscape: Landscape, colours: Palette, beside_a_run: bool) -> dict:
    return {
        "height": 560,
        "margin": {"l": 70, "r": 20, "t": 30, "b": 170 if beside_a_run else 40},
        "paper_bgcolor": colours.background,
        "plot_bgcolor": "rgba(0,0,0,0)",
        "font": {"color": colours.text, "size": 14},
        "showlegend": True,
        "legend": {"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 0, "font": {"size": 13}},
        "xaxis": {
            "title": {"text": landscape.x_name},
            "domain": [0, 0.55 if beside_a_run else 0.94],
            "range": _ends(landscape.x_values),
        },
        "yaxis": {"title": {"text": landscape.y_name}, "range": _ends(landscape.y_values)},
    }


def _path_traces(xs: list[float], ys: list[float], steps: list[int], losses: list[float], names: tuple) -> list[dict]:
    """The run's path on the map, its marker, its loss curve beside the map, and the curve's marker."""
    x_name, y_name = names
    path = {
        "type": "scatter", "x": xs, "y": ys, "mode": "lines+markers", "line": {"color": PATH_COLOUR, "width": 2.5},
        # White reads best on the map; the markers' dark rim keeps it visible in the legend.
        "marker": {"size": 5, "color": PATH_COLOUR, "line": {"color": "#000000", "width": 1}},
        "name": "the run's path", "text": steps,
        "hovertemplate": f"epoch %{{text}}<br>{x_name} %{{x:.4f}}<br>{y_name} %{{y:.4f}}<extra></extra>",
    }  # fmt: skip
    curve = {
        "type": "scatter", "x": steps, "y": losses, "xaxis": "x2", "yaxis": "y2", "mode": "lines",
        "line": {"color": "#0072B2", "width": 3}, "name": "the run's loss",
        "hovertemplate": "epoch %{x}: loss %{y:.4g}<extra></extra>",
    }  # fmt: skip
    return [
        path,
        _marker(xs[0], ys[0], "x", "y", "the run at this step"),
        curve,
        _marker(steps[0], losses[0], "x2", "y2", None),
    ]


def _add_run(data: list[dict], layout: dict, landscape: Landscape, run: tuple, colours: Palette) -> list[dict]:
    """Draw the run's path and curve, and return the frames that move a marker along both together."""
    path, epochs, path_loss = run
    x_name, y_name = landscape.x_name, landscape.y_name
    keep = _thin(len(epochs), MAX_FRAMES)
    xs, ys = [path[x_name][i] for i in keep], [path[y_name][i] for i in keep]
    steps, losses = [epochs[i] for i in keep], [path_loss[i] for i in keep]
    data += _path_traces(xs, ys, steps, losses, (x_name, y_name))
    here, on_curve = len(data) - 3, len(data) - 1
    names = [f"epoch {step}" for step in steps]

    def frame_data(x: float, y: float, step: int, loss: float) -> list[dict]:
        # Every trace is listed, the still ones with an empty update: a frame that leaves a trace out
        # makes Plotly drop the map and the path while it plays.
        updates: list[dict] = [{} for _ in data]
        updates[here], updates[on_curve] = {"x": [x], "y": [y]}, {"x": [step], "y": [loss]}
        return updates

    frames = [
        {
            "name": name,
            "data": frame_data(x, y, step, loss),
            "traces": list(range(len(data))),
            "layout": {"annotations": [_step_caption(step, loss, x_name, x, y_name, y, colours.text)]},
        }
        for name, x, y, step, loss in zip(names, xs, ys, steps, losses, strict=True)
    ]
    layout["annotations"] = [_step_caption(steps[0], losses[0], x_name, xs[0], y_name, ys[0], colours.text)]
    layout["xaxis2"] = {"title": {"text": "epoch"}, "domain": [0.76, 1], "anchor": "y2", "gridcolor": colours.track}
    layout["yaxis2"] = {"title": {"text": "the run's loss"}, "anchor": "x2", "type": "log", "gridcolor": colours.track}
    labels = [str(step) if index % max(1, len(steps) // 8) == 0 else "" for index, step in enumerate(steps)]
    layout.update(animation_controls(colours, names, labels, FRAME_MS, active=0, font_size=14, left_margin=False))
    layout["sliders"][0]["y"] = -0.17
    layout["updatemenus"][0]["y"] = -0.17
    return frames


def landscape_figure(
    landscape: Landscape,
    now: Mapping[str, float],
    path: Mapping[str, Sequence[float]] | None = None,
    epochs: Sequence[int] = (),
    path_loss: Sequence[float] = (),
    dark: bool = False,
) -> PlainFigure:
    """Left, the map of log loss over the two weights; right, the run's loss per epoch.

    `now` is the point whose other ten weights are held. With a run (`path`: each weight per epoch,
    `epochs`, `path_loss`), its path is drawn on the map, and Play or the slider moves a marker along
    the path and the curve together.
    """
    colours = palette(dark)
    has_run = path is not None and len(epochs) > 0
    data = _map_traces(landscape, now, has_run)
    layout = _map_layout(landscape, colours, has_run)
    frames = _add_run(data, layout, landscape, (path, epochs, path_loss), colours) if has_run else []
    return PlainFigure(data, layout, frames)


def _step_caption(epoch: int, loss: float, x_name: str, x: float, y_name: str, y: float, colour: str) -> dict:
    """Under the slider: where the run is at this step, in numbers."""
    return {
        "text": f"epoch {epoch}: {x_name} {x:.3f}, {y_name} {y:.3f}, the run's loss {loss:.3g}",
        "xref": "paper",
        "yref": "paper",
        "x": 1,
        "y": -0.36,
        "xanchor": "right",
        "yanchor": "top",
        "showarrow": False,
        "font": {"size": 14, "color": colour},
    }


def _ends(values: Sequence[float]) -> list[float]:
    return [values[0], values[-1]]


def _marker(x: float, y: float, x_axis: str, y_axis: str, name: str | None) -> dict:
    return {
        "type": "scatter",
        "x": [x],
        "y": [y],
        "xaxis": x_axis,
        "yaxis": y_axis,
        "mode": "markers",
        "marker": {"size": 15, "color": STEP_COLOUR, "line": {"color": "#FFFFFF", "width": 2}},
        "name": name or "",
        "showlegend": name is not None,
        "hoverinfo": "skip",
    }
