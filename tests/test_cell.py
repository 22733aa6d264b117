"""The arithmetic against plain floats, over batches, weight grids and long sequences."""

import random

import pytest
import torch

from lstm.unit.cell import as_tensors, gate_weights, lstm_step, unroll
from lstm.unit.forward import trace
from lstm.unit.trace import STEP_FIELDS
from lstm.unit.weights import NAMES, PRESETS
from tests.support.reference import reference_trace


def random_weights(rng: random.Random) -> dict[str, float]:
    return {name: rng.uniform(-3, 3) for name in NAMES}


@pytest.mark.parametrize("length", [1, 4, 13, 60])
def test_trace_matches_plain_float_reference(length):
    rng = random.Random(length)
    weights = random_weights(rng)
    days = [rng.uniform(-1, 2) for _ in range(length)]
    result = trace(days, weights)
    expected = reference_trace(days, weights)
    assert len(result.steps) == length
    for step, want in zip(result.steps, expected, strict=True):
        got = (
            step.long_remember,
            step.potential_remember,
            step.potential_memory,
            step.output,
            step.long_memory,
            step.short_memory,
        )
        assert got == pytest.approx(want, abs=1e-5)
    assert result.prediction == pytest.approx(expected[-1][-1], abs=1e-5)


def test_tutorial_numbers_for_trained_weights():
    company_a = trace([0, 0.5, 0.25, 1], PRESETS["trained"])
    company_b = trace([1, 0.5, 0.25, 1], PRESETS["trained"])
    assert company_a.steps[0].long_memory == pytest.approx(-0.2023, abs=1e-4)
    assert company_a.steps[0].short_memory == pytest.approx(-0.1286, abs=1e-4)
    assert company_a.prediction == pytest.approx(0.0022, abs=1e-4)
    assert company_b.prediction == pytest.approx(0.9693, abs=1e-4)


def test_tutorial_numbers_for_seed_weights():
    assert trace([0, 0.5, 0.25, 1], PRESETS["seed"]).prediction == pytest.approx(-0.0377, abs=1e-4)
    assert trace([1, 0.5, 0.25, 1], PRESETS["seed"]).prediction == pytest.approx(-0.0383, abs=1e-4)


def test_batch_of_sequences_equals_one_at_a_time():
    rng = random.Random(7)
    weights = random_weights(rng)
    inputs = torch.tensor([[rng.uniform(0, 1) for _ in range(6)] for _ in range(5)], dtype=torch.float64)
    batched = unroll(inputs, as_tensors(weights, torch.float64))
    assert batched.short_memory.shape == (5, 6)
    for row in range(5):
        single = reference_trace(inputs[row].tolist(), weights)
        for stage_index, stage in enumerate(batched):
            assert stage[row].tolist() == pytest.approx([day[stage_index] for day in single], abs=1e-12)


def test_weight_grid_broadcasts_without_a_loop_over_the_grid():
    base = dict(PRESETS["trained"])
    params = as_tensors(base, torch.float64)
    wlr1_values = torch.linspace(-2, 2, 7, dtype=torch.float64)
    wo2_values = torch.linspace(-1, 1, 9, dtype=torch.float64)
    params["wlr1"] = wlr1_values.reshape(7, 1, 1)
    params["wo2"] = wo2_values.reshape(1, 9, 1)
    inputs = torch.tensor([[0, 0.5, 0.25, 1], [1, 0.5, 0.25, 1]], dtype=torch.float64)
    grid = unroll(inputs, params).short_memory[..., -1]
    assert grid.shape == (7, 9, 2)
    for i in (0, 3, 6):
        for j in (0, 4, 8):
            weights = {**base, "wlr1": float(wlr1_values[i]), "wo2": float(wo2_values[j])}
            for company in range(2):
                expected = reference_trace(inputs[company].tolist(), weights)[-1][-1]
                assert float(grid[i, j, company]) == pytest.approx(expected, abs=1e-12)


def test_step_is_differentiable_in_every_weight():
    params = {name: torch.tensor(value, requires_grad=True) for name, value in PRESETS["seed"].items()}
    step = lstm_step(torch.tensor(1.0), torch.tensor(0.3), torch.tensor(-0.2), gate_weights(params))
    step.short_memory.backward()
    assert all(params[name].grad is not None and params[name].grad != 0 for name in NAMES)


def test_no_days_is_an_error():
    with pytest.raises(ValueError, match="at least one day"):
        unroll(torch.zeros(0), as_tensors(PRESETS["seed"]))


def test_trace_is_plain_data():
    result = trace([0, 0.5], PRESETS["seed"])
    as_dict = result.to_dict()
    assert list(as_dict["steps"][0]) == list(STEP_FIELDS)
    assert all(type(value) in (int, float) for step in as_dict["steps"] for value in step.values())
    assert result.rows()[1][0] == 2
    assert result.memories_before(0) == (0.0, 0.0)
    assert result.memories_before(1) == (result.steps[0].long_memory, result.steps[0].short_memory)


def test_gate_weights_lay_each_name_under_its_gate():
    gates = gate_weights(as_tensors(PRESETS["trained"]))
    trained = PRESETS["trained"]
    assert gates.short_memory.tolist() == pytest.approx([trained[name] for name in ("wlr1", "wpr1", "wp1", "wo1")])
    assert gates.input.tolist() == pytest.approx([trained[name] for name in ("wlr2", "wpr2", "wp2", "wo2")])
    assert gates.bias.tolist() == pytest.approx([trained[name] for name in ("blr1", "bpr1", "bp1", "bo1")])
