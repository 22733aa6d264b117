"""The Why an LSTM page through AppTest: its days, weights and companies, the experiment, and training on demand."""

import json
import time

import pytest
from streamlit.testing.v1 import AppTest

from lstm import locales
from lstm.insights.carry import load_carry
from lstm.training.limits import Limits, server_slots
from tests.support.apptest import button
from tests.support.pseudo import Bracketed, english_left, page_words

SCRIPT = "from lstm.ui import why_lstm\nwhy_lstm.render()\n"
RECOMPUTE_LABEL = "Train both units for {days} days from seed 42"


def open_page() -> AppTest:
    app = AppTest.from_string(SCRIPT, default_timeout=60)
    app.run()
    assert not app.exception, app.exception
    return app


def carry_chart(app: AppTest) -> dict:
    return json.loads(app.get("plotly_chart")[0].proto.spec)


def texts(app: AppTest) -> str:
    return " ".join(element.value for element in [*app.caption, *app.markdown, *app.info, *app.warning])


def test_sixty_days_of_both_companies_through_both_units():
    app = open_page()
    assert len(carry_chart(app)["frames"]) == 12
    app.slider(key="why_days").set_value(60).run()
    assert not app.exception
    figure = carry_chart(app)
    assert len(figure["frames"]) == 60 and len(figure["data"]) == 10
    assert figure["data"][0]["x"][-1] == 60
    app.radio(key="why_shown").set_value("B").run()
    assert len(carry_chart(app)["data"]) == 5


def test_w2_on_its_slider_makes_day_1_vanish_or_explode():
    app = open_page()
    app.radio(key="why_shown").set_value("B").run()

    def rnn_reach() -> list[float]:
        return carry_chart(app)["data"][3]["y"]

    fading = rnn_reach()
    assert fading[-1] < fading[0] / 100
    app.slider(key="why_w2").set_value(1.5).run()
    growing = rnn_reach()
    assert growing[-1] > growing[0] * 10
    assert not app.exception


def test_trained_weights_come_from_the_experiment_or_the_nearest_length_it_measured():
    app = open_page()
    app.radio(key="why_rnn_weights").set_value("trained").run()
    assert "the experiment's run for 8 days from seed 42, the nearest length it measured, here over 12" in texts(app)
    app.slider(key="why_days").set_value(16).run()
    app.radio(key="why_lstm_weights").set_value("trained").run()
    said = texts(app)
    assert "The plain RNN's weights: the experiment's run for 16 days from seed 42." in said
    assert "The LSTM's weights: the experiment's run for 16 days from seed 42." in said
    assert not app.exception and not app.get("slider")[1:]  # no w2 slider for trained weights


def test_the_experiment_is_said_as_measured_with_its_budget():
    said = texts(open_page())
    table = load_carry()  # the sentence follows the shipped file: read from it, not written in here
    told = {days: table.told_apart_count("lstm", days) for days in table.days}
    runs, longest = len(table.days) * len(table.seeds), max(days for days, count in told.items() if count)
    sentence = f"The LSTM told them apart in {sum(told.values())} of its {runs} runs, and never past {longest} days."
    assert sentence in said
    assert "So with this budget the LSTM fails too on long sequences" in said
    assert "300 epochs, from seeds 42 to 51" in said and "python -m lstm carry-experiment" in said


def wait_for(app: AppTest, sentence: str, limit: float = 120) -> None:
    deadline = time.monotonic() + limit
    while sentence not in texts(app):
        assert time.monotonic() < deadline, texts(app)
        time.sleep(0.2)
        app.run()


def test_training_on_demand_waits_for_a_free_slot_then_uses_its_weights():
    app = open_page()
    app.radio(key="why_rnn_weights").set_value("trained").run()
    slots = server_slots(Limits().max_concurrent_runs)
    held = [slots.acquire(timeout=30) for _ in range(Limits().max_concurrent_runs)]
    try:
        assert all(held)
        button(app, RECOMPUTE_LABEL.format(days=12)).click().run()
        assert "Queued: the server is training other runs" in texts(app)
        assert button(app, RECOMPUTE_LABEL.format(days=12)).disabled  # one at a time
    finally:
        for _ in held:
            slots.release()
    wait_for(app, "Trained here for 12 days from seed 42, the LSTM")
    assert "The plain RNN's weights: trained here with Adam for 12 days from seed 42." in texts(app)
    assert not button(app, RECOMPUTE_LABEL.format(days=12)).disabled and not app.exception


def test_training_on_demand_is_refused_when_the_limits_are_misconfigured(monkeypatch):
    monkeypatch.setenv("LSTM_EXPLORER_MAX_RUNS", "many")
    app = open_page()
    assert "Training here is off" in app.warning[0].value
    assert not [item for item in app.button if item.label.startswith("Train both units")]


@pytest.fixture
def bracketed(monkeypatch):
    monkeypatch.setattr(locales, "catalogue", lambda language: Bracketed())


def test_the_page_says_nothing_past_the_catalogue(bracketed):
    app = open_page()
    app.slider(key="why_days").set_value(60).run()
    app.radio(key="why_rnn_weights").set_value("trained").run()
    assert not app.exception
    left = [f"{kind}: {text[:100]!r} -> {words}" for kind, text in page_words(app) if (words := english_left(text))]
    assert left == []
