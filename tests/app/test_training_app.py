"""The training page through AppTest: settings, a run to its end, downloads, uploads, bad limits."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from lstm.training.limits import Limits, server_slots
from tests.support.apptest import button, progress_text, run_to_the_end
from tests.support.paths import REPO

PAGE = str(REPO / "tests" / "app" / "training_page.py")


def open_page() -> AppTest:
    app = AppTest.from_file(PAGE, default_timeout=60)
    app.run()
    assert not app.exception, app.exception
    return app


def test_settings_follow_the_recipe():
    app = open_page()
    assert app.selectbox(key="train_recipe").value == "fast"
    assert app.number_input(key="train_lr_fast").value == 0.1
    app.number_input(key="train_lr_fast").set_value(0.05).run()
    app.selectbox(key="train_recipe").set_value("tutorial").run()
    assert app.number_input(key="train_lr_tutorial").value == 0.001
    assert app.number_input(key="train_epochs_tutorial").value == 5000
    assert [field.label for field in app.number_input].count("Learning rate") == 1  # the tutorial's field only
    assert app.number_input(key="train_seed").value == 42
    assert button(app, "Stop").disabled and button(app, "Continue").disabled


def test_a_run_from_train_to_results():
    app = open_page()
    app.number_input(key="train_epochs_fast").set_value(150).run()
    button(app, "Train").click().run()
    run_to_the_end(app)
    assert progress_text(app).startswith("**Finished")
    table = app.dataframe[0].value
    assert table["Company A (target 0)"].tolist()[0] == pytest.approx(-0.0377, abs=2e-4)
    assert table["Company B (target 1)"].tolist()[1] > 0.9
    charts = [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]
    replay = next(spec for spec in charts if spec.get("frames"))
    assert 10 <= len(replay["frames"]) <= 200
    assert replay["frames"][0]["name"] == "0" and replay["frames"][-1]["name"] == "150"
    assert "-0.038" in replay["frames"][0]["data"][3]["text"][0]  # Company A's untrained prediction in its cells
    loss = next(spec for spec in charts if spec["layout"].get("yaxis", {}).get("title", {}).get("text", "")
                .startswith("loss"))  # fmt: skip
    assert len(loss["data"][0]["x"]) == 151
    # losses keep their significant digits: a small loss is not 0.0000
    assert app.dataframe[0].proto.columns and "%.4g" in app.dataframe[0].proto.columns
    assert [item.label for item in app.get("download_button")] == [
        "Weights (JSON)",
        "Weights (safetensors)",
        "Loss history (CSV)",
    ]
    # a second run joins the comparison
    button(app, "Train").click().run()
    run_to_the_end(app)
    loss = next(spec for spec in map(json.loads, (chart.proto.spec for chart in app.get("plotly_chart")))
                if spec["layout"].get("yaxis", {}).get("title", {}).get("text", "").startswith("loss"))  # fmt: skip
    assert len(loss["data"]) == 2 and loss["data"][1]["name"].endswith("(current)")


def test_learning_rate_field_keeps_its_bounds():
    app = open_page()
    field = app.number_input(key="train_lr_fast")
    assert field.min == 1e-5 and field.max == 100.0
    assert app.number_input(key="train_epochs_fast").max == 5000


def test_misconfigured_limits_are_named_on_the_page(monkeypatch):
    monkeypatch.setenv("LSTM_EXPLORER_MAX_RUNS", "many")
    app = open_page()
    assert "LSTM_EXPLORER_MAX_RUNS must be a whole number" in app.error[0].value.replace("\\", "")
    assert not app.button


def test_a_queued_run_waits_quietly_and_draws_when_it_starts():
    app = open_page()
    slots = server_slots(Limits().max_concurrent_runs)
    held = [slots.acquire(timeout=10) for _ in range(Limits().max_concurrent_runs)]  # other visitors' runs
    try:
        assert all(held)
        button(app, "Train").click().run()
        assert progress_text(app).startswith("**Queued")
        # While it waits, the page redraws only its place in the queue: no cells or charts, once a second.
        assert not app.get("plotly_chart")
    finally:
        for _ in held:
            slots.release()
    run_to_the_end(app)
    assert progress_text(app).startswith("**Finished") and app.get("plotly_chart")
