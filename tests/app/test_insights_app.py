"""The insight pages through AppTest: each renders, reacts to its controls, and keeps the last good input."""

import base64
import io
import json

import pytest
from PIL import Image
from streamlit.testing.v1 import AppTest

from lstm.figures.backprop import gradient_text
from lstm.insights.backprop import backprop_through_time
from lstm.training.series import EXAMPLE, read_series
from lstm.unit.forward import trace
from lstm.unit.weights import PRESETS
from tests.support.apptest import button, progress_text, run_to_the_end


def open_page(module: str, **state) -> AppTest:
    app = AppTest.from_string(f"from lstm.ui import {module}\n{module}.render()\n", default_timeout=60)
    for key, value in state.items():
        app.session_state[key] = value
    app.run()
    assert not app.exception, app.exception
    return app


def charts(app: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]


def map_size(chart: dict) -> tuple[int, int]:
    """The landscape's picture in pixels: one a point of the grid."""
    source = chart["layout"]["images"][0]["source"].removeprefix("data:image/png;base64,")
    with Image.open(io.BytesIO(base64.b64decode(source))) as picture:
        return picture.size


def captions(app: AppTest) -> str:
    return " ".join(caption.value for caption in app.caption)


def test_landscape_draws_the_map_and_follows_the_chosen_weights():
    app = open_page("landscape")
    assert map_size(charts(app)[0]) == (100, 100)
    assert "10,000 points on the tutorial's two companies" in captions(app)
    app.selectbox(key="landscape_y").set_value("bp1").run()
    assert charts(app)[0]["layout"]["yaxis"]["title"]["text"] == "bp1"
    app.select_slider(key="landscape_grid").set_value(50).run()
    assert map_size(charts(app)[0]) == (50, 50)
    app.selectbox(key="landscape_x").set_value("bp1").run()
    assert "Pick two different weights" in app.warning[0].value
    assert not app.get("plotly_chart") and not app.exception


def test_backprop_opens_on_the_explorers_weights_and_shows_the_untrained_on_request():
    app = open_page("backprop")
    assert app.radio(key="backprop_weights").value == "explorer"  # as the page's heading says
    assert app.number_input(key="backprop_target_field").value == 0.0  # Company A's label
    table = app.dataframe[0].value
    expected = backprop_through_time((0.0, 0.5, 0.25, 1.0), PRESETS["trained"], 0.0)
    assert table["gradient"].tolist()[table["weight"].tolist().index("bp1")] == gradient_text(expected.total["bp1"])
    figure = charts(app)[0]
    assert len(figure["frames"]) == 5
    assert "sliders" not in figure["layout"] and "updatemenus" not in figure["layout"]  # the page's player plays it
    app.radio(key="backprop_weights").set_value("seed").run()
    table = app.dataframe[0].value
    untrained = backprop_through_time((0.0, 0.5, 0.25, 1.0), PRESETS["seed"], 0.0)
    assert table["gradient"].tolist()[table["weight"].tolist().index("bp1")] == gradient_text(untrained.total["bp1"])
    app.radio(key="backprop_weights").set_value("explorer").run()
    app.number_input(key="backprop_target_field").set_value(1.0).run()
    table = app.dataframe[0].value
    moved = backprop_through_time((0.0, 0.5, 0.25, 1.0), PRESETS["trained"], 1.0)
    assert table["day 4"].tolist()[table["weight"].tolist().index("bp1")] == gradient_text(moved.by_day["bp1"][3])
    assert not any("e-" in text for column in table for text in table[column])  # plain decimals, no exponent


def test_backprop_target_cleared_keeps_the_last_good_one():
    app = open_page("backprop")
    app.number_input(key="backprop_target_field").set_value(0.5).run()
    app.number_input(key="backprop_target_field").set_value(None).run()
    assert not app.exception
    assert "keeps 0.5" in app.warning[0].value
    assert app.number_input(key="backprop_target_field").value == 0.5


def test_pytorch_page_shows_the_mapping_the_same_predictions_and_working_code():
    app = open_page("pytorch")
    mapping = app.dataframe[0].value
    assert mapping["nn.LSTM gate"].tolist() == ["input gate", "forget gate", "cell gate", "output gate"]
    assert mapping["weight_hh_l0"].tolist()[1] == "2.7043  ← wlr1"
    expected = trace((0.0, 0.5, 0.25, 1.0), PRESETS["trained"]).prediction
    metrics = {metric.label: metric.value for metric in app.metric}
    assert float(metrics["Prediction, hand-built"]) == pytest.approx(expected, abs=1e-6)
    assert float(metrics["Prediction, nn.LSTM"]) == pytest.approx(expected, abs=1e-6)
    code = app.code[0].value
    assert "nn.LSTM(input_size=1, hidden_size=1)" in code and "2.7043" in code


def test_series_from_a_paste_with_a_bad_paste_keeping_the_last_good_one():
    app = open_page("series")
    assert "Use an example" in app.info[0].value
    app.text_area(key="series_paste").input("close\n1\n3\n2\n5\n4\n6\n").run()
    assert charts(app)[0]["data"][0]["y"] == [1.0, 3.0, 2.0, 5.0, 4.0, 6.0]
    assert "2 windows of 4 days" in captions(app)
    app.text_area(key="series_paste").input("close\n1\nabc\n").run()
    assert "row 3: 'abc' in column 'close' is not a number" in app.error[0].value.replace("\\", "")
    assert "last one that worked" in app.error[0].value
    assert charts(app)[0]["data"][0]["y"] == [1.0, 3.0, 2.0, 5.0, 4.0, 6.0]


def test_series_window_too_long_or_cleared():
    app = open_page("series")
    button(app, "Use an example").click().run()
    assert "16 windows of 4 days" in captions(app)
    app.number_input(key="series_window_field").set_value(20).run()
    assert "give at least 21 prices, or shorten the window" in app.error[0].value
    app.number_input(key="series_window_field").set_value(None).run()
    assert app.number_input(key="series_window_field").value == 20 and not app.exception
    app.number_input(key="series_window_field").set_value(6).run()
    assert "14 windows of 6 days" in captions(app) and not app.error


def test_training_page_trains_on_the_visitor_s_series():
    series = read_series(EXAMPLE)
    app = open_page("training", own_series=series, own_series_window=4, train_on="series")
    app.number_input(key="train_epochs_fast").set_value(120).run()
    button(app, "Train").click().run()
    run_to_the_end(app)
    assert progress_text(app).startswith("**Finished") and "on your series" in progress_text(app)
    table = app.dataframe[0].value
    assert "latest window (target 0.4857)" in table.columns
    # back on the series page, the fit of this run is drawn
    fit = open_page("series", own_series=series, own_series_window=4, training_runs=app.session_state["training_runs"])
    figures = charts(fit)
    assert len(figures) == 2 and figures[1]["data"][2]["name"].startswith("forecast")
