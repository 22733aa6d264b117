"""The insight figures as data: the landscape with the run's path in step, the gradient walking back, the series."""

import base64
import io
import json
import math
import subprocess
import sys
from dataclasses import replace

import plotly.io as pio
import pytest
from PIL import Image

from lstm.figures.backprop import CAPTION_CHARS, GATE_ROWS, WIDEST_PX, backprop_figure, minimum_width
from lstm.figures.landscape import MAX_FRAMES, landscape_figure, run_walk
from lstm.figures.map_picture import VIRIDIS
from lstm.figures.series import fit_figure, series_figure
from lstm.insights.backprop import backprop_through_time
from lstm.insights.landscape import landscape
from lstm.training.data import companies
from lstm.training.series import EXAMPLE, read_series, stock
from lstm.unit.weights import NAMES, PRESETS
from tests.support.paths import REPO

TRAINED = PRESETS["trained"]
DATA = companies()


def a_path(epochs: int) -> dict[str, list[float]]:
    return {name: [TRAINED[name] * step / epochs for step in range(epochs + 1)] for name in NAMES}


def test_the_map_alone_without_a_run():
    surface = landscape(TRAINED, "wlr1", "wo2", DATA.inputs, DATA.labels, points=30)
    figure = landscape_figure(surface, TRAINED).to_dict()
    picture = figure["layout"]["images"][0]
    png = base64.b64decode(picture["source"].removeprefix("data:image/png;base64,"))
    with Image.open(io.BytesIO(png)) as image:
        assert image.size == (30, 30)
        # Top left is the highest wo2 and the lowest wlr1: its colour is that point's place on the scale.
        z = [[math.log10(max(value, 1e-6)) for value in row] for row in surface.loss]
        low, high = min(map(min, z)), max(map(max, z))
        assert image.getpixel((0, 0)) == tuple(VIRIDIS[round((z[-1][0] - low) / (high - low) * 255)])
        assert {image.getpixel((0, 0)), image.getpixel((29, 29))} <= {tuple(colour) for colour in VIRIDIS}
    assert (picture["x"], picture["y"]) == (surface.x_values[0], surface.y_values[-1])
    readings = figure["data"][0]
    assert readings["marker"]["showscale"] and readings["marker"]["opacity"] == 0  # hover and the colour bar
    assert len(readings["x"]) == 30 * 30 and readings["customdata"][0] == float(f"{surface.loss[0][0]:.4g}")
    assert figure["data"][1]["x"] == [TRAINED["wlr1"]] and figure["data"][1]["y"] == [TRAINED["wo2"]]
    assert "frames" not in figure and "sliders" not in figure["layout"]
    pio.from_json(json.dumps(figure), skip_invalid=False)  # valid Plotly, every attribute known


def test_the_run_s_marker_moves_on_the_map_and_the_curve_together():
    epochs = 50
    path, losses = a_path(epochs), [1.0 / (step + 1) for step in range(epochs + 1)]
    surface = landscape(TRAINED, "wlr1", "wo2", DATA.inputs, DATA.labels, path, points=20)
    figure = landscape_figure(surface, TRAINED, path, list(range(epochs + 1)), losses).to_dict()
    frames, data = figure["frames"], figure["data"]
    assert len(frames) == epochs + 1
    # A frame moves the two markers and rewrites the caption, nothing else, and asks for no redraw: Plotly
    # keeps the path and the map's picture as they are painted.
    moving = frames[0]["traces"]
    assert all(frame["traces"] == moving for frame in frames)
    on_map, on_curve, caption = (data[index] for index in moving)
    assert on_map["name"] == "the run at this step" and on_map["xaxis"] == "x"
    assert on_curve["xaxis"] == "x2" and caption["mode"] == "text"
    assert all(data[index]["type"] == "scatter" for index in moving)  # Plotly moves them without a redraw
    still = [trace["name"] for index, trace in enumerate(data) if index not in moving]
    assert still == ["loss", "held here", "lowest on the map", "the run's path", "the run's loss"]
    for step in (0, 17, epochs):
        marker, curve_marker, text = frames[step]["data"]
        assert marker == {"x": [path["wlr1"][step]], "y": [path["wo2"][step]]}
        assert curve_marker == {"x": [step], "y": [losses[step]]}
        x, y = path["wlr1"][step], path["wo2"][step]
        assert text == {"text": [f"epoch {step}: wlr1 {x:.3f}, wo2 {y:.3f}, the run's loss {losses[step]:.3g}"]}
    assert caption["text"] == frames[0]["data"][2]["text"]  # the page opens on the first step's caption
    layout = figure["layout"]
    assert "annotations" not in layout and all("layout" not in frame for frame in frames)
    slider, buttons = layout["sliders"][0], layout["updatemenus"][0]["buttons"]
    assert [step["args"][0][0] for step in slider["steps"]] == [frame["name"] for frame in frames]
    choices = [step["args"][1] for step in slider["steps"]] + [button["args"][1] for button in buttons]
    assert all(choice["frame"]["redraw"] is False for choice in choices)
    pio.from_json(json.dumps(figure), skip_invalid=False)


def test_the_map_the_controls_and_the_caption_do_not_overlap():
    path, losses = a_path(10), [1.0] * 11
    surface = landscape(TRAINED, "wlr1", "wo2", DATA.inputs, DATA.labels, path, points=20)
    figure = landscape_figure(surface, TRAINED, path, list(range(11)), losses).to_dict()
    layout, bar = figure["layout"], figure["data"][0]["marker"]["colorbar"]
    map_bottom = layout["yaxis"]["domain"][0]
    assert layout["yaxis2"]["domain"][0] == map_bottom
    assert layout["yaxis3"]["domain"][1] < layout["sliders"][0]["y"] < map_bottom
    assert layout["updatemenus"][0]["y"] == layout["sliders"][0]["y"]
    assert bar["y"] - bar["len"] / 2 > map_bottom  # beside the map, not beside the slider


def test_without_plotly_s_controls_the_frames_stay_for_the_page_s_player():
    epochs = 30
    path, losses, steps = a_path(epochs), [1.0 / (step + 1) for step in range(epochs + 1)], list(range(epochs + 1))
    surface = landscape(TRAINED, "wlr1", "wo2", DATA.inputs, DATA.labels, path, points=10)
    played = landscape_figure(surface, TRAINED, path, steps, losses).to_dict()
    alone = landscape_figure(surface, TRAINED, path, steps, losses, controls=False).to_dict()
    layout = alone["layout"]
    assert "sliders" not in layout and "updatemenus" not in layout and alone["frames"] == played["frames"]
    assert layout["height"] < played["layout"]["height"]  # the controls' room is gone, the map's stays

    def map_px(figure: dict) -> float:
        sizes = figure["layout"]
        return (1 - sizes["yaxis"]["domain"][0]) * (sizes["height"] - sizes["margin"]["t"] - sizes["margin"]["b"])

    assert map_px(alone) == pytest.approx(map_px(played))
    assert layout["yaxis3"]["domain"][1] < layout["yaxis"]["domain"][0]
    bar = alone["data"][0]["marker"]["colorbar"]
    assert bar["y"] - bar["len"] / 2 > layout["yaxis"]["domain"][0]
    walk = run_walk(surface, path, steps, losses)
    assert walk.names == [frame["name"] for frame in alone["frames"]]
    assert walk.captions == [frame["data"][2]["text"][0] for frame in alone["frames"]]
    assert walk.labels[3] == "epoch 3"


def test_the_marks_on_the_map_are_whole_at_its_edge():
    """The lowest point often lies on the map's edge: its mark, the star and the run's marker are not clipped."""
    path = a_path(10)
    surface = landscape(TRAINED, "wlr1", "wo2", DATA.inputs, DATA.labels, path, points=10)
    data = landscape_figure(surface, TRAINED, path, list(range(11)), [1.0] * 11).to_dict()["data"]
    marks = [drawn for drawn in data if drawn.get("name") in ("lowest on the map", "held here", "the run at this step")]
    assert len(marks) == 3 and all(mark["cliponaxis"] is False for mark in marks)


def test_a_long_run_is_thinned_to_a_light_figure_that_keeps_its_end():
    epochs = 5000
    path, losses = a_path(epochs), [1.0] * (epochs + 1)
    surface = landscape(TRAINED, "wlr1", "wo2", DATA.inputs, DATA.labels, path, points=100)
    figure = landscape_figure(surface, TRAINED, path, list(range(epochs + 1)), losses)
    frames = figure.to_dict()["frames"]
    assert len(frames) <= MAX_FRAMES + 1
    assert frames[-1]["data"][1]["x"] == [epochs]
    assert frames[-1]["data"][2]["text"][0].startswith(f"epoch {epochs}:")
    assert len(json.dumps(figure.to_dict())) < 1_000_000


def test_the_gradient_walks_back_one_day_a_frame():
    days = [0.0, 0.5, 0.25, 1.0]
    result = backprop_through_time(days, TRAINED, 0.0)
    figure = backprop_figure(result).to_dict()
    frames = figure["frames"]
    assert [frame["name"] for frame in frames] == ["loss", "day 4", "day 3", "day 2", "day 1"]
    for number, frame in enumerate(frames):
        long_nodes, _, heat = frame["data"]
        shown = [text != "·" for text in long_nodes["text"]]
        assert shown == [day >= len(days) - number for day in range(len(days))]
        columns_shown = [value is not None for value in heat["z"][0]]
        assert columns_shown == shown
    last = frames[-1]["data"]
    assert last[2]["y"] == list(GATE_ROWS)
    row = GATE_ROWS.index("bp1")
    assert last[2]["customdata"][row] == pytest.approx(result.by_day["bp1"])
    assert max(abs(value) for value in last[2]["z"][row]) == pytest.approx(1.0)
    assert "loss" in frames[0]["layout"]["annotations"][0]["text"]
    assert "Day 1" in frames[-1]["layout"]["annotations"][0]["text"]
    slider = figure["layout"]["sliders"][0]  # in the heatmap's direction: day 1 ... day 4, then the loss
    assert slider["steps"][slider["active"]]["args"][0][0] == "day 1"
    pio.from_json(json.dumps(figure), skip_invalid=False)


def test_the_gradient_s_slider_sits_under_the_heatmap_s_title_or_is_left_to_the_page():
    result = backprop_through_time([0.0, 0.5, 0.25, 1.0], TRAINED, 0.0)
    played, alone = backprop_figure(result).to_dict(), backprop_figure(result, controls=False).to_dict()
    layout = played["layout"]
    plot_px = layout["height"] - layout["margin"]["t"] - layout["margin"]["b"]
    # Under the plot: the days (13 px), the axis title's standoff (8) and its line (14 px, 1.3 high), then the slider.
    title = layout["xaxis2"]["title"]
    assert -layout["sliders"][0]["y"] * plot_px >= 13 * 1.3 + title["standoff"] + 14 * 1.3 + 8
    assert layout["margin"]["b"] + layout["sliders"][0]["y"] * plot_px >= 60  # and the slider's own room
    assert "sliders" not in alone["layout"] and alone["frames"] == played["frames"]
    assert alone["layout"]["height"] < layout["height"]


def test_the_gradient_figure_is_as_wide_as_its_days_and_numbers_need_and_its_caption_wraps():
    four = backprop_through_time([0.0, 0.5, 0.25, 1.0], TRAINED, 0.0)
    twelve = backprop_through_time([0.0, 0.5, 0.25, 1.0, 0.3, 0.7, 0.2, 0.9, 0.4, 0.6, 0.1, 0.8], TRAINED, 0.0)
    assert 390 < minimum_width(four) < minimum_width(twelve)
    assert minimum_width(backprop_through_time([0.5] * 100, TRAINED, 0.0)) <= WIDEST_PX
    figure = backprop_figure(four).to_dict()
    for frame in figure["frames"]:
        lines = frame["layout"]["annotations"][0]["text"].split("<br>")
        assert all(len(line) <= CAPTION_CHARS for line in lines)
    assert figure["layout"]["margin"]["t"] >= 40 + 20 * max(
        len(frame["layout"]["annotations"][0]["text"].split("<br>")) for frame in figure["frames"]
    )


def test_the_series_and_its_fit():
    series = read_series(EXAMPLE)
    figure = series_figure(series, 4).to_dict()
    assert figure["data"][0]["y"] == list(series.prices)
    assert figure["data"][1]["yaxis"] == "y2" and figure["data"][1]["y"][0] == series.scaled[0]
    assert figure["data"][2]["x"] == [5] and figure["data"][2]["y"] == [series.prices[4]]
    predictions = [0.5] * series.window_count(4)
    fit = fit_figure(series, 4, predictions, 1.0).to_dict()
    assert fit["data"][1]["x"][0] == 5 and fit["data"][1]["y"][0] == pytest.approx(series.unscale(0.5))
    assert fit["data"][2]["x"] == [len(series.prices) + 1] and fit["data"][2]["y"] == [series.high]
    for drawn in (figure, fit):
        pio.from_json(json.dumps(drawn), skip_invalid=False)


def test_weekly_prices_are_counted_in_weeks_and_daily_ones_in_days():
    weekly = stock("GOOG")
    assert weekly.step == "week" and read_series(EXAMPLE).step == "day"
    figure = series_figure(weekly, 4).to_dict()
    assert figure["layout"]["xaxis"]["title"]["text"] == "week"
    assert figure["data"][0]["text"][2] == "week 3, 2018-01-15"
    assert figure["data"][2]["name"] == "first window (4 weeks, shaded) and its label"
    fit = fit_figure(weekly, 4, [0.5] * weekly.window_count(4), 1.0).to_dict()
    assert fit["data"][1]["name"] == "predicted from the 4 weeks before"
    assert fit["data"][2]["name"] == "forecast: the week after your last price"
    assert fit["data"][2]["text"] == [f"week {len(weekly.prices) + 1}"]
    monthly = replace(weekly, dates=tuple(f"20{10 + n // 12}-{n % 12 + 1:02}-01" for n in range(len(weekly.prices))))
    assert monthly.step == "month"
    undated = replace(weekly, dates=None)
    assert undated.step == "day" and series_figure(undated, 4).to_dict()["data"][0]["text"][0] == "day 1"


def test_the_insight_figures_need_no_torch():
    code = (
        "import sys; import lstm.figures.landscape, lstm.figures.backprop, lstm.figures.series;"
        "assert 'torch' not in sys.modules, 'torch imported'"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
