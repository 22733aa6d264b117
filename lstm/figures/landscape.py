"""The loss landscape as a contour map, a training run's path across it, and its loss curve beside it, in step."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lstm.figures.animation import animation_controls
from lstm.figures.map_picture import ends, log10, map_picture
from lstm.figures.numbers import plain_number, plotly_number
from lstm.figures.theme import Palette, PlainFigure, chart_layout, palette
from lstm.locales import _

if TYPE_CHECKING:
    from lstm.insights.landscape import Landscape

PATH_COLOUR = "#FFFFFF"
NOW_COLOUR = "#E69F00"  # orange: where the other ten weights are held
STEP_COLOUR = "#D55E00"  # vermillion: the run's position at the slider's step
NO_GRID = {"showgrid": False, "zeroline": False}  # the map's picture sits under the axes' lines
HOVER_POINTS = 40  # a side: where the map answers the pointer with its loss
FRAME_MS = 120
MAX_FRAMES = 120  # the path is thinned to about this many steps: the figure's JSON stays small
HEIGHT = 560
# Beside a run, in pixels: the map keeps 360 of the plot area's height, and under it sit the axis
# titles, Play and the slider (when the figure has them), and at the bottom the strip that holds the
# step's caption. Without Plotly's controls the figure is shorter by their room.
RUN_MARGIN = {"l": 70, "r": 20, "t": 30, "b": 10}
UNDER_THE_MAP = 160
CONTROLS_BELOW_MAP = 61
CONTROLS_PX = 70
CAPTION_STRIP = 30
# Beside a run, across the plot area: the map to MAP_RIGHT, its colour bar from COLOURBAR_X (room for the lowest
# mark, whole at the map's edge), the run's loss curve from CURVE_LEFT (room for its axis' numbers and title).
MAP_RIGHT, COLOURBAR_X, CURVE_LEFT = 0.55, 0.58, 0.79
# The narrowest figure, in px, that keeps the colour bar's numbers clear of the curve's axis beside a run: the
# page scrolls a narrower one sideways in its frame (a phone) rather than draw one over the other.
RUN_MINIMUM_WIDTH = 860


def _thin(count: int, most: int) -> list[int]:
    """Indices of about `most` evenly spaced entries of `count`, first and last included."""
    if count <= most:
        return list(range(count))
    stride = -(-count // most)
    keep = list(range(0, count, stride))
    return keep if keep[-1] == count - 1 else [*keep, count - 1]


def _run_plot_height(controls: bool = True) -> int:
    return HEIGHT - RUN_MARGIN["t"] - RUN_MARGIN["b"] - (0 if controls else CONTROLS_PX)


def _run_map_bottom(controls: bool = True) -> float:
    """Where the map's axes begin beside a run, as a share of the plot area's height."""
    return (UNDER_THE_MAP - (0 if controls else CONTROLS_PX)) / _run_plot_height(controls)


def _colourbar_ticks(values: Sequence[Sequence[float]]) -> tuple[list[float], list[str]]:
    low = math.floor(min(min(row) for row in values))
    high = math.ceil(max(max(row) for row in values))
    ticks = list(range(low, high + 1))
    return ticks, [plain_number(10.0**tick) for tick in ticks]


def _map_traces(landscape: Landscape, now: Mapping[str, float], map_bottom: float | None) -> list[dict]:
    """Where the map can be read (each point's loss on hover, the colour bar), the star, the lowest point."""
    x_name, y_name = landscape.x_name, landscape.y_name
    z = [[log10(value) for value in row] for row in landscape.loss]
    ticks, tick_text = _colourbar_ticks(z)
    x_lowest, y_lowest, lowest = landscape.lowest
    rows, columns = _thin(len(landscape.y_values), HOVER_POINTS), _thin(len(landscape.x_values), HOVER_POINTS)
    points = [(row, column) for row in rows for column in columns]
    readings = {
        "type": "scatter", "mode": "markers", "name": _("loss"), "showlegend": False,
        "x": [landscape.x_values[column] for __, column in points],
        "y": [landscape.y_values[row] for row, _ in points],
        "customdata": [float(f"{landscape.loss[row][column]:.4g}") for row, column in points],
        # Unseen: the picture under them shows the colours, they answer the hover and carry the colour bar.
        "marker": {
            "size": 12, "opacity": 0, "color": [z[row][column] for row, column in points], "colorscale": "Viridis",
            "cmin": min(map(min, z)), "cmax": max(map(max, z)), "showscale": True,
            "colorbar": {
                "title": {"text": _("loss"), "side": "top"}, "tickvals": ticks, "ticktext": tick_text,
                "x": 1.0 if map_bottom is None else COLOURBAR_X, **_colourbar_place(map_bottom), "thickness": 14,
            },
        },
        "hovertemplate": f"{x_name} %{{x:.3f}}<br>{y_name} %{{y:.3f}}<br>"
        + _("loss {loss}").format(loss=plotly_number("customdata", 4)) + "<extra></extra>",
    }  # fmt: skip
    held = {
        "type": "scatter", "x": [now[x_name]], "y": [now[y_name]], "mode": "markers",
        "marker": {"symbol": "star", "size": 18, "color": NOW_COLOUR, "line": {"color": "#000000", "width": 1}},
        "cliponaxis": False,
        "name": _("held here"),
        "hovertemplate": _("the other ten held here")
        + f"<br>{x_name} %{{x:.4f}}<br>{y_name} %{{y:.4f}}<extra></extra>",
    }  # fmt: skip
    lowest_marker = {
        "type": "scatter", "x": [x_lowest], "y": [y_lowest], "mode": "markers",
        "marker": {"symbol": "x", "size": 14, "color": "#FFFFFF", "line": {"color": "#000000", "width": 1}},
        "cliponaxis": False,  # whole, where the lowest point lies on the map's edge
        "name": _("lowest on the map"),
        "hovertemplate": _("lowest on this map: loss {loss}").format(loss=plain_number(lowest, 4)) + "<extra></extra>",
    }  # fmt: skip
    return [readings, held, lowest_marker]


def _colourbar_place(map_bottom: float | None) -> dict:
    """Beside the map: along the map's own height, which beside a run (`map_bottom`) leaves room under it."""
    bottom = map_bottom or 0.0
    return {"len": 0.9 * (1 - bottom), "y": (1 + bottom) / 2, "yanchor": "middle"}


def _map_layout(landscape: Landscape, colours: Palette, beside_a_run: bool) -> dict:
    return chart_layout(
        colours,
        HEIGHT,
        margin={"l": 70, "r": 20, "t": 30, "b": 40},
        legend={"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 0, "font": {"size": 13}},
        showlegend=True,
        xaxis={
            "title": {"text": landscape.x_name},
            "domain": [0, MAP_RIGHT if beside_a_run else 0.94],
            "range": ends(landscape.x_values),
            **NO_GRID,
        },
        yaxis={"title": {"text": landscape.y_name}, "range": ends(landscape.y_values), **NO_GRID},
        images=[map_picture(landscape)],
    )


def _path_traces(xs: list[float], ys: list[float], steps: list[int], losses: list[float], names: tuple) -> list[dict]:
    """The run's path on the map, its marker, its loss curve beside the map, and the curve's marker."""
    x_name, y_name = names
    path = {
        "type": "scatter", "x": xs, "y": ys, "mode": "lines+markers", "line": {"color": PATH_COLOUR, "width": 2.5},
        # White reads best on the map; the markers' dark rim keeps it visible in the legend.
        "marker": {"size": 5, "color": PATH_COLOUR, "line": {"color": "#000000", "width": 1}},
        "name": _("the run's path"), "text": steps,
        "hovertemplate": _("epoch {epoch}").format(epoch="%{text}")
        + f"<br>{x_name} %{{x:.4f}}<br>{y_name} %{{y:.4f}}<extra></extra>",
    }  # fmt: skip
    curve = {
        "type": "scatter", "x": steps, "y": losses, "xaxis": "x2", "yaxis": "y2", "mode": "lines",
        "line": {"color": "#0072B2", "width": 3}, "name": _("the run's loss"),
        "hovertemplate": _("epoch {epoch}: loss {loss}").format(epoch="%{x}", loss=plotly_number("y", 4))
        + "<extra></extra>",
    }  # fmt: skip
    return [
        path,
        _marker(xs[0], ys[0], "x", "y", _("the run at this step")),
        curve,
        _marker(steps[0], losses[0], "x2", "y2", None),
    ]


def _kept(landscape: Landscape, run: tuple) -> tuple[list[float], list[float], list[int], list[float]]:
    """The run's steps the figure draws and plays, thinned to about MAX_FRAMES: x, y, epoch and loss of each."""
    path, epochs, path_loss = run
    keep = _thin(len(epochs), MAX_FRAMES)
    xs, ys = [path[landscape.x_name][i] for i in keep], [path[landscape.y_name][i] for i in keep]
    return xs, ys, [epochs[i] for i in keep], [path_loss[i] for i in keep]


@dataclass(frozen=True)
class RunWalk:
    """The run's frames in playing order: their names (the same in every language), a player's label for each
    ("epoch 40") and the caption the figure writes under the map at each, as plain text."""

    names: list[str]
    labels: list[str]
    captions: list[str]


def run_walk(
    landscape: Landscape, path: Mapping[str, Sequence[float]], epochs: Sequence[int], path_loss: Sequence[float]
) -> RunWalk:
    """What a page's player needs to play `landscape_figure`'s frames for this run (as its arguments give it)."""
    xs, ys, steps, losses = _kept(landscape, (path, epochs, path_loss))
    x_name, y_name = landscape.x_name, landscape.y_name
    kept = zip(xs, ys, steps, losses, strict=True)
    return RunWalk(
        names=[str(step) for step in steps],
        labels=[_("epoch {epoch}").format(epoch=step) for step in steps],
        captions=[_caption_text(step, loss, x_name, x, y_name, y) for x, y, step, loss in kept],
    )


def _add_run(
    data: list[dict], layout: dict, landscape: Landscape, run: tuple, colours: Palette, controls: bool
) -> list[dict]:
    """Draw the run's path and curve, and return the frames that move a marker along both together."""
    x_name, y_name = landscape.x_name, landscape.y_name
    xs, ys, steps, losses = _kept(landscape, run)
    data += _path_traces(xs, ys, steps, losses, (x_name, y_name))
    here, on_curve = len(data) - 3, len(data) - 1
    data.append(_step_caption(_caption_text(steps[0], losses[0], x_name, xs[0], y_name, ys[0]), colours.text))
    # A frame moves only the two markers and the caption, all scatter traces, without a redraw (a redraw
    # blanks the map for a moment every frame): the path stays as drawn, and the map is a picture, which
    # frames leave alone.
    moving = [here, on_curve, len(data) - 1]
    frames = [
        {
            "name": str(step),  # an identifier: the same in every language
            "data": [
                {"x": [x], "y": [y]},
                {"x": [step], "y": [loss]},
                {"text": [_caption_text(step, loss, x_name, x, y_name, y)]},
            ],
            "traces": moving,
        }
        for x, y, step, loss in zip(xs, ys, steps, losses, strict=True)
    ]
    _run_layout(layout, colours, [frame["name"] for frame in frames], steps, controls)
    return frames


def _run_layout(layout: dict, colours: Palette, names: list[str], steps: list[int], controls: bool) -> None:
    """The curve's axes beside the map; under both, Play and the slider, and the caption's strip under them."""
    plot_height, map_bottom = _run_plot_height(controls), _run_map_bottom(controls)
    layout["height"] = HEIGHT - (0 if controls else CONTROLS_PX)
    layout["margin"] = RUN_MARGIN
    layout["yaxis"]["domain"] = [map_bottom, 1]
    layout["xaxis2"] = {
        "title": {"text": _("epoch")}, "domain": [CURVE_LEFT, 1], "anchor": "y2", "gridcolor": colours.track,
    }  # fmt: skip
    layout["yaxis2"] = {
        "title": {"text": _("the run's loss")}, "domain": [map_bottom, 1], "anchor": "x2", "type": "log",
        "gridcolor": colours.track,
    }  # fmt: skip
    # The caption's own axes, hidden, span the strip at the bottom: their numbers are places in it.
    layout["xaxis3"] = {"domain": [0, 1], "range": [0, 1], "anchor": "y3", "visible": False, "fixedrange": True}
    layout["yaxis3"] = {
        "domain": [0, CAPTION_STRIP / plot_height], "range": [0, 1], "anchor": "x3", "visible": False,
        "fixedrange": True,
    }  # fmt: skip
    if not controls:
        return
    labels = [str(step) if index % max(1, len(steps) // 8) == 0 else "" for index, step in enumerate(steps)]
    plotly_controls = animation_controls(
        colours, names, labels, FRAME_MS, font_size=14, left_margin=False, redraw=False
    )
    controls_y = (UNDER_THE_MAP - CONTROLS_BELOW_MAP) / plot_height
    plotly_controls["sliders"][0]["y"] = plotly_controls["updatemenus"][0]["y"] = controls_y
    layout.update(plotly_controls)


def landscape_figure(
    landscape: Landscape,
    now: Mapping[str, float],
    path: Mapping[str, Sequence[float]] | None = None,
    epochs: Sequence[int] = (),
    path_loss: Sequence[float] = (),
    dark: bool = False,
    controls: bool = True,
) -> PlainFigure:
    """Left, the map of log loss over the two weights; right, the run's loss per epoch.

    `now` is the point whose other ten weights are held. With a run (`path`: each weight per epoch,
    `epochs`, `path_loss`), its path is drawn on the map, and Play or the slider moves a marker along
    the path and the curve together. Without `controls` the figure has no Play or slider: a page's own
    player plays its frames (named as `run_walk` says).
    """
    colours = palette(dark)
    has_run = path is not None and len(epochs) > 0
    data = _map_traces(landscape, now, _run_map_bottom(controls) if has_run else None)
    layout = _map_layout(landscape, colours, has_run)
    frames = _add_run(data, layout, landscape, (path, epochs, path_loss), colours, controls) if has_run else []
    return PlainFigure(data, layout, frames)


def _caption_text(epoch: int, loss: float, x_name: str, x: float, y_name: str, y: float) -> str:
    return _("epoch {epoch}: {x_name} {x}, {y_name} {y}, the run's loss {loss}").format(
        epoch=epoch, x_name=x_name, x=f"{x:.3f}", y_name=y_name, y=f"{y:.3f}", loss=plain_number(loss, 3)
    )


def _step_caption(text: str, colour: str) -> dict:
    """Under the slider: where the run is at this step, in numbers (a trace, so frames change it in place)."""
    return {
        "type": "scatter", "x": [1], "y": [0.5], "xaxis": "x3", "yaxis": "y3", "mode": "text", "text": [text],
        "textposition": "middle left", "textfont": {"size": 14, "color": colour}, "cliponaxis": False,
        "name": _("where the run is"), "showlegend": False, "hoverinfo": "skip",
    }  # fmt: skip


def _marker(x: float, y: float, x_axis: str, y_axis: str, name: str | None) -> dict:
    return {
        "type": "scatter",
        "x": [x],
        "y": [y],
        "xaxis": x_axis,
        "yaxis": y_axis,
        "mode": "markers",
        "marker": {"size": 15, "color": STEP_COLOUR, "line": {"color": "#FFFFFF", "width": 2}},
        "cliponaxis": False,  # whole at the map's edge, where a run may start or end
        "name": name or "",
        "showlegend": name is not None,
        "hoverinfo": "skip",
    }
