"""Training runs through lightning.Trainer: the tutorial reproduced, the fast recipe, divergence."""

import pytest

from lstm.training.evaluation import evaluate
from lstm.training.fit import fit, train
from lstm.training.model import LSTMbyHand
from lstm.training.recipes import RECIPES
from lstm.unit.weights import PRESETS


@pytest.mark.slow
def test_tutorial_recipe_reproduces_the_videos_predictions_after_5000_epochs():
    result = train(RECIPES["tutorial"])
    assert result.steps == 10_000
    assert result.predictions["A"] == pytest.approx(0.0022, abs=0.001)
    assert result.predictions["B"] == pytest.approx(0.9693, abs=0.001)
    # and lands on the weights drawn in the video's diagram
    assert dict(result.weights) == pytest.approx(dict(PRESETS["trained"]), abs=2e-3)


def test_fast_recipe_trains_both_companies_close_to_their_labels():
    result = train(RECIPES["fast"])
    assert result.steps == RECIPES["fast"].epochs
    assert result.predictions["A"] == pytest.approx(0.0, abs=0.02)
    assert result.predictions["B"] == pytest.approx(1.0, abs=0.02)
    assert result.loss < 1e-3
    assert result.diverged_at_step is None


def test_same_seed_same_run():
    first = train(RECIPES["fast"], epochs=40, seed=7)
    second = train(RECIPES["fast"], epochs=40, seed=7)
    assert first.weights == second.weights


def test_start_weights_replace_the_draw():
    trained = train(RECIPES["fast"], epochs=1, learning_rate=1e-6, start=PRESETS["trained"])
    assert trained.predictions["A"] == pytest.approx(0.0022, abs=1e-4)


def test_a_diverging_run_stops_and_keeps_the_last_good_weights():
    result = train(RECIPES["fast"], epochs=50, learning_rate=1000.0)
    assert result.diverged_at_step is not None
    assert result.steps < 50
    loss, _ = evaluate(LSTMbyHand(weights=result.weights))
    assert loss == pytest.approx(result.loss)
    assert all(abs(value) <= 1e3 for value in result.weights.values())


def test_lean_trainer_changes_the_speed_not_the_numbers():
    logged, lean = LSTMbyHand(), LSTMbyHand()
    logged_trainer = fit(logged, RECIPES["tutorial"], 30, [], log_steps=True)
    fit(lean, RECIPES["tutorial"], 30, [], log_steps=False)
    assert set(logged_trainer.callback_metrics) == {"train_loss", "out_0", "out_1"}
    assert lean.weights() == logged.weights()
