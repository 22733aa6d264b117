"""The insight figures as data: the landscape with the run's path in step, the gradient walking back, the series."""

import json
import subprocess
import sys

import plotly.io as pio
import pytest

from lstm.figures.backprop import GATE_ROWS, backprop_figure
from lstm.figures.landscape import MAX_FRAMES, landscape_figure
from lstm.figures.series import fit_figure, series_figure
from lstm.insights.backprop import backprop_through_time
from lstm.insights.landscape import landscape
from lstm.training.data import companies
from lstm.training.series import EXAMPLE, read_series
from lstm.unit.weights import NAMES, PRESETS
from tests.support.paths import REPO

TRAINED = PRESETS["trained"]
DATA = companies()


def a_path(epochs: int) -> dict[str, list[float]]:
    return {name: [TRAINED[name] * step / epochs for step in range(epochs + 1)] for name in NAMES}


def test_the_map_alone_without_a_run():
    surface = landscape(TRAINED, "wlr1", "wo2", DATA.inputs, DATA.labels, points=30)
    figure = landscape_figure(surface, TRAINED).to_dict()
    contour = figure["data"][0]
    assert contour["type"] == "contour" and len(contour["z"]) == 30
    assert figure["data"][1]["x"] == [TRAINED["wlr1"]] and figure["data"][1]["y"] == [TRAINED["wo2"]]
    assert "frames" not in figure and "sliders" not in figure["layout"]
    pio.from_json(json.dumps(figure), skip_invalid=False)  # valid Plotly, every attribute known


def test_the_run_s_marker_moves_on_the_map_and_the_curve_together():
    epochs = 50
    path, losses = a_path(epochs), [1.0 / (step + 1) for step in range(epochs + 1)]
    surface = landscape(TRAINED, "wlr1", "wo2", DATA.inputs, DATA.labels, path, points=20)
    figure = landscape_figure(surface, TRAINED, path, list(range(epochs + 1)), losses).to_dict()
    frames = figure["frames"]
    assert len(frames) == epochs + 1
    moving = [index for index, update in enumerate(frames[0]["data"]) if update]
    for step in (0, 17, epochs):
        on_map, on_curve = (frames[step]["data"][index] for index in moving)
        assert on_map == {"x": [path["wlr1"][step]], "y": [path["wo2"][step]]}
        assert on_curve == {"x": [step], "y": [losses[step]]}
    assert figure["data"][moving[0]]["xaxis"] == "x" and figure["data"][moving[1]]["xaxis"] == "x2"
    # Every frame lists every trace, the map and the path with an empty update, so Play keeps them drawn.
    assert all(frame["traces"] == list(range(len(figure["data"]))) for frame in frames)
    assert figure["data"][0]["type"] == "contour" and all(frame["data"][0] == {} for frame in frames)
    assert [step["args"][0][0] for step in figure["layout"]["sliders"][0]["steps"]] == [f["name"] for f in frames]
    pio.from_json(json.dumps(figure), skip_invalid=False)


def test_a_long_run_is_thinned_to_a_light_figure_that_keeps_its_end():
    epochs = 5000
    path, losses = a_path(epochs), [1.0] * (epochs + 1)
    surface = landscape(TRAINED, "wlr1", "wo2", DATA.inputs, DATA.labels, path, points=100)
    figure = landscape_figure(surface, TRAINED, path, list(range(epochs + 1)), losses)
    frames = figure.to_dict()["frames"]
    assert len(frames) <= MAX_FRAMES + 1
    assert frames[-1]["data"][-1]["x"] == [epochs]
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


def test_the_insight_figures_need_no_torch():
    code = (
        "import sys; import lstm.figures.landscape, lstm.figures.backprop, lstm.figures.series;"
        "assert 'torch' not in sys.modules, 'torch imported'"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
