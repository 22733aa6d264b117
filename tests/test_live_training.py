"""A live redraw of the Training page is a few numbers: the new points of the curves and the twelve weights now."""

import json
import re
import time

import pytest
from streamlit.testing.v1 import AppTest

from lstm.figures.compact_cells import ROWS
from lstm.training.data import companies
from lstm.training.history import HistoryView
from lstm.training.limits import Limits
from lstm.training.worker import Progress, RunConfig, RunState, TrainingRun
from lstm.ui.live_training import KEY, LIVE_POINTS, PICTURES_A_REDRAW, SENT, cells_recipe, earlier_pictures, new_points
from lstm.unit.gates import GATES
from lstm.unit.weights import NAMES, PRESETS

LIVE_PANEL = "from lstm.ui import training_live\ntraining_live.live_panel(False)\n"


def progress_at(last_epoch: int, target: int, done: int) -> Progress:
    epochs = list(range(last_epoch + 1))
    history = HistoryView(
        epochs,
        [1.0 / (epoch + 1) for epoch in epochs],
        {"A": [0.5] * len(epochs), "B": [0.25] * len(epochs)},
        {name: [0.1] * len(epochs) for name in NAMES},
    )
    return Progress(RunState.RUNNING, "", done, target, 1000.0, 1.0, history, PRESETS["trained"])


def test_a_redraw_adds_only_the_epochs_past_the_last_one_thinned_over_the_run_the_newest_always():
    progress = progress_at(1234, target=3000, done=1234)
    points = new_points(progress, after=1000)
    stride = -(-3000 // LIVE_POINTS)
    assert all(1000 < epoch <= 1234 for epoch in points["epochs"])
    assert points["epochs"][:-1] == [epoch for epoch in range(1001, 1234) if epoch % stride == 0]
    assert points["epochs"][-1] == 1234
    assert (
        len(points["loss"]) == len(points["epochs"])
        and [len(column) for column in points["predictions"]] == [len(points["epochs"])] * 2
    )
    assert points["loss"][-1] == pytest.approx(1 / 1235, rel=1e-5)
    assert new_points(progress, after=1234) == {"epochs": [], "loss": [], "predictions": [[], []]}


def test_a_redraw_carries_the_cells_of_epochs_evenly_spread_since_the_last_each_with_its_own_weights():
    progress = progress_at(last_epoch=1300, target=5000, done=1300)
    progress.history.weights["wlr1"][:] = [epoch / 10 for epoch in progress.history.epochs]
    pictures = earlier_pictures(progress, after=1000)
    assert len(pictures) == PICTURES_A_REDRAW - 1
    assert [epoch for epoch, __ in pictures] == [1100, 1200]  # the newest, 1300, goes as the weights now
    assert all(weights[0] == epoch / 10 and len(weights) == 12 for epoch, weights in pictures)
    # Fewer epochs than pictures: each once, the newest never twice.
    assert [epoch for epoch, __ in earlier_pictures(progress, after=1298)] == [1299]
    assert earlier_pictures(progress, after=1299) == earlier_pictures(progress, after=1300) == []


def test_the_cells_rules_follow_the_figure_s_rows_and_the_unit_s_gates():
    recipe = cells_recipe(companies())
    assert recipe["squash"] == [gate.activation for gate in GATES]
    assert (*(gate.field for gate in GATES), "long_memory", "short_memory") == ROWS  # the browser's order
    assert [scale is None for scale in recipe["scales"]] == [True, True, False, True, False, False]
    assert [row["target"] for row in recipe["rows"]] == ["target 0", "target 1"]
    assert recipe["rows"][0]["days"] == [0.0, 0.5, 0.25, 1.0] and "{epoch}" in recipe["title"]


def live_panel_with(run: TrainingRun, sent: tuple | None) -> AppTest:
    app = AppTest.from_string(LIVE_PANEL, default_timeout=60)
    app.session_state["training_runs"] = [run]
    app.session_state["live_state"] = RunState.RUNNING
    if sent is not None:
        app.session_state[SENT] = sent
    app.run()
    assert not app.exception, app.exception
    return app


def sent_numbers(app: AppTest) -> list[dict]:
    components = [element for element in app.get("bidi_component") if element.proto.id.endswith(KEY)]
    return [json.loads(json.loads(component.proto.json)["update"]) for component in components]


def test_a_live_redraw_sends_no_figure_only_new_points_and_the_weights_in_a_few_hundred_bytes():
    run = TrainingRun(RunConfig(epochs=5000, pace_seconds=60.0), Limits(idle_seconds=60))
    run.start()
    try:
        deadline = time.monotonic() + 60
        while run.progress().history.epochs[-1] < 5:
            assert time.monotonic() < deadline, "the run trained no five epochs in a minute"
            time.sleep(0.05)
        # Before the whole page has drawn this run's figures, there is nothing to add to.
        assert sent_numbers(live_panel_with(run, None)) == []
        app = live_panel_with(run, (id(run), 2))
        assert not app.get("plotly_chart")  # the figures come with the whole page only
        (numbers,) = sent_numbers(app)
        assert len(numbers["weights"]) == 12 and numbers["epoch"] >= 5
        assert min(numbers["points"]["epochs"]) > 2 and numbers["points"]["epochs"][-1] == numbers["epoch"]
        assert app.session_state[SENT] == (id(run), numbers["epoch"])
        # The newest weights and those of two epochs between, about 150 bytes each, and the curves' new points.
        assert len(json.dumps(numbers, separators=(",", ":"))) < 1000
        # The component's script is one line: Streamlit sends it with every redraw.
        assert len(app.get("bidi_component")[0].proto.js_content) < 600
    finally:
        run.stop()


def test_the_status_line_writes_a_finished_run_s_tiny_loss_as_a_plain_decimal():
    run = TrainingRun(RunConfig(epochs=3000), Limits(idle_seconds=60))
    run.start()
    deadline = time.monotonic() + 120
    while run.progress().state.active:
        assert time.monotonic() < deadline, "the run did not finish in two minutes"
        time.sleep(0.05)
    loss = run.progress().history.loss[-1]
    assert loss < 0.0001  # a fast run's 3,000 epochs end far below it
    (status,) = live_panel_with(run, None).get("progress")
    said = re.search(r"loss ([^ ]+)", status.proto.text).group(1)
    assert float(said) == pytest.approx(loss, rel=0.01) and said.startswith("0.0000"), said
