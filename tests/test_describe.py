"""Each figure in words, for a screen reader: its name and what it shows now, with no spoilers and plain numbers."""

import re

import pytest

from lstm import locales
from lstm.figures.describe import backprop_text, landscape_text, loss_text, replay_text, unrolled_text
from lstm.insights.backprop import backprop_through_time
from lstm.training.snapshots import from_history
from lstm.unit.days import COMPANIES
from lstm.unit.forward import trace
from lstm.unit.stages import Position, frame_count, last_position
from lstm.unit.weights import PRESETS
from tests.support.pseudo import Bracketed, english_left
from tests.test_plain_numbers import SCIENTIFIC, a_tiny_run, tiny_landscape
from tests.test_replay_figures import TARGETS

TRAINED = PRESETS["trained"]
A, B = (COMPANIES[name][0] for name in "AB")
SAID = "the tutorial's trained weights"


def test_the_unrolled_unit_says_its_days_weights_and_stage_and_the_prediction_only_once_computed():
    company_a = trace(A, TRAINED)
    start = unrolled_text(company_a, Position(0), SAID)
    assert start.name == "The LSTM unit unrolled over 4 days"
    assert start.description.startswith(f"One cell a day for 4 days, inputs 0, 0.5, 0.25, 1, with {SAID}.")
    assert "the start, both memories at 0" in start.description
    stage = unrolled_text(company_a, Position.of(2, "output"), SAID)
    assert "Shown: day 2, output % (output gate)." in stage.description
    before_the_end = [unrolled_text(company_a, Position(frame), SAID) for frame in range(frame_count(4) - 1)]
    assert not any("prediction" in text.description for text in before_the_end)  # no spoilers
    end = unrolled_text(company_a, last_position(4), SAID, open_day=1, compared="Company B")
    assert "The prediction is 0.0022." in end.description
    assert "Day 2's cell is open" in end.description and "The memories of Company B" in end.description
    assert unrolled_text(trace([1.0], TRAINED), Position(0), SAID).name == "The LSTM unit unrolled over 1 day"


def test_backprop_says_how_far_back_the_gradient_has_walked():
    result = backprop_through_time(A, TRAINED, 0.0)
    first, last = backprop_text(result, 0), backprop_text(result, 4)
    assert first.name == "Backpropagation through 4 days"
    assert "starts back from the prediction" in first.description and "day" not in first.description.split(".")[1]
    assert "walked back to day 1, where the long-term memory's gradient is 0.00419" in last.description
    assert "0.00000466" in first.description  # the loss, written out in full


def test_the_landscape_the_loss_and_the_replay_say_their_numbers_in_full():
    landscape = landscape_text(tiny_landscape(), at=(5, 0.00000125))
    assert landscape.name == "Loss landscape over wlr1 and wo2"
    assert "Lowest on this map: loss 0.0000266 at wlr1 0.0000, wo2 0.0000." in landscape.description
    assert "at epoch 5 its loss is 0.00000125" in landscape.description
    view = a_tiny_run().view()
    loss = loss_text([("first", view), ("second", view)])
    assert (
        loss.description
        == "The loss of 2 runs by epoch. The current run, second, is at epoch 10 with loss 0.0000000393."
    )
    snapshot = from_history(view, [10])[0]
    replay = replay_text(snapshot, 10, TARGETS)
    assert replay.description.startswith("Epoch 10 of 10: loss 0.0000000393. Company A predicts 0.0001 (target 0).")
    for text in (landscape, loss, replay):
        assert not SCIENTIFIC.search(text.name + text.description)


@pytest.fixture
def bracketed(monkeypatch):
    monkeypatch.setattr(locales, "catalogue", lambda language: Bracketed())


def test_every_word_goes_through_the_catalogue(bracketed):
    view = a_tiny_run().view()
    texts = [
        unrolled_text(trace(A, TRAINED), last_position(4), "⟪weights⟫", open_day=0, compared="⟪B⟫"),
        unrolled_text(trace(A, TRAINED), Position(0), "⟪weights⟫"),
        backprop_text(backprop_through_time(A, TRAINED, 0.0), 0),
        backprop_text(backprop_through_time(A, TRAINED, 0.0), 2),
        landscape_text(tiny_landscape(), at=(3, 0.5)),
        loss_text([("⟪run⟫", view)]),
        replay_text(from_history(view, [0])[0], 10, {"A": ("⟪Company A⟫", 0.0)}),
    ]
    left = [(text, words) for text in texts for words in [english_left(text.name + " " + text.description)] if words]
    assert left == []
    assert all(re.fullmatch(r"⟪[^⟪]*⟫", text.name) for text in texts)  # a name is one whole msgid
