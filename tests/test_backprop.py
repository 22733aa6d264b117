"""Backpropagation through time: the per-day shares add up to the gradient; the memories obey the chain rule."""

import math
import random

import pytest
import torch

from lstm.insights.backprop import backprop_through_time
from lstm.training.model import LSTMbyHand
from lstm.unit.weights import NAMES, PRESETS, Weights
from tests.support.reference import reference_trace


def model_gradient(days, weights, target) -> dict[str, float]:
    model = LSTMbyHand(weights=Weights.from_mapping(weights)).double()
    loss = (model(torch.tensor(days, dtype=torch.float64)) - target) ** 2
    loss.backward()
    return {name: getattr(model, name).grad.item() for name in NAMES}


@pytest.mark.parametrize("seed", range(6))
def test_the_days_shares_add_up_to_the_model_s_gradient(seed):
    chance = random.Random(seed)
    # The model holds float32 parameters: draw weights it can hold exactly, so both sides use the same ones.
    weights = {name: float(torch.tensor(chance.uniform(-2, 2), dtype=torch.float32)) for name in NAMES}
    days = [chance.uniform(0, 1) for _ in range(chance.randint(1, 9))]
    target = chance.choice([0.0, 1.0, chance.uniform(-1, 1)])
    result = backprop_through_time(days, weights, target)
    expected = model_gradient(days, weights, target)
    for name in NAMES:
        assert len(result.by_day[name]) == len(days)
        assert result.total[name] == pytest.approx(expected[name], rel=1e-9, abs=1e-14)


def test_the_total_matches_finite_differences():
    weights, days, target = dict(PRESETS["seed"]), [0.0, 0.5, 0.25, 1.0], 1.0
    result = backprop_through_time(days, weights, target)

    def loss(values):
        return (reference_trace(days, values)[-1][-1] - target) ** 2

    for name in NAMES:
        step = 1e-6
        slope = (loss({**weights, name: weights[name] + step}) - loss({**weights, name: weights[name] - step})) / (
            2 * step
        )
        assert result.total[name] == pytest.approx(slope, rel=1e-5, abs=1e-9)


def test_the_memories_gradients_follow_the_chain_rule():
    weights, days, target = dict(PRESETS["trained"]), [1.0, 0.5, 0.25, 1.0], 0.0
    result = backprop_through_time(days, weights, target)
    steps = reference_trace(days, weights)
    prediction = steps[-1][-1]
    assert result.prediction == pytest.approx(prediction, abs=1e-12)
    assert result.loss == pytest.approx((prediction - target) ** 2, abs=1e-12)
    # The last short memory is the prediction.
    assert result.short_memory[-1] == pytest.approx(2 * (prediction - target), rel=1e-12)
    # The last long memory reaches the loss only through tanh and the output %.
    _, _, _, output, long_memory, _ = steps[-1]
    slope = result.short_memory[-1] * output * (1 - math.tanh(long_memory) ** 2)
    assert result.long_memory[-1] == pytest.approx(slope, rel=1e-12)
    assert result.long_remember == pytest.approx([step[0] for step in steps], abs=1e-12)


def test_on_day_1_the_weights_on_short_memory_get_nothing():
    # Both memories start at 0: a weight that multiplies the short memory cannot move the loss on day 1.
    result = backprop_through_time([0.3, 0.8, 0.1], PRESETS["seed"], 1.0)
    for name in ("wlr1", "wpr1", "wp1", "wo1"):
        assert result.by_day[name][0] == 0.0
    assert result.by_day["bp1"][0] != 0.0


def test_one_day_and_the_json_form():
    result = backprop_through_time([0.5], PRESETS["trained"], 0.0)
    data = result.to_dict()
    assert set(data["gradient"]) == set(NAMES)
    assert data["long_memory_gradient"] == result.long_memory and len(result.long_memory) == 1
    with pytest.raises(ValueError, match="at least one day"):
        backprop_through_time([], PRESETS["trained"], 0.0)
