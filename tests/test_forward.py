"""The page's NumPy forward pass against the torch unit the trainer differentiates, and against plain floats."""

import random
import subprocess
import sys

import pytest
import torch

from lstm.unit.cell import as_tensors, unroll
from lstm.unit.forward import trace
from lstm.unit.gates import GATES
from lstm.unit.weights import NAMES, PRESETS, Weights
from tests.support.paths import REPO
from tests.support.reference import reference_trace

STAGES = ("long_remember", "potential_remember", "potential_memory", "output", "long_memory", "short_memory")


def random_case(rng: random.Random) -> tuple[list[float], Weights]:
    weights = Weights.from_mapping({name: rng.uniform(-4, 4) for name in NAMES})
    return [rng.uniform(-1.5, 1.5) for _ in range(rng.randint(1, 60))], weights


@pytest.mark.parametrize("seed", range(40))
def test_equal_to_the_torch_unit_over_random_weights_and_1_to_60_days(seed):
    days, weights = random_case(random.Random(seed))
    with torch.no_grad():
        stages = unroll(torch.tensor(days), as_tensors(weights))
    numpy_trace = trace(days, weights)
    for name, values in zip(STAGES, stages, strict=True):
        shown = [getattr(step, name) for step in numpy_trace.steps]
        assert shown == pytest.approx(values.tolist(), rel=1e-6, abs=1e-6), name


@pytest.mark.parametrize("days", [[0, 0.5, 0.25, 1], [1, 0.5, 0.25, 1], [0.3] * 12])
def test_the_sums_and_squashed_memory_follow_the_tutorials_equations(days):
    weights = PRESETS["trained"]
    result = trace(days, weights)
    expected = reference_trace(days, weights)
    short_before = 0.0
    for step, reference in zip(result.steps, expected, strict=True):
        for gate, total in zip(GATES, step.sums, strict=True):
            by_hand = (
                weights[gate.short_weight] * short_before + weights[gate.input_weight] * step.input + weights[gate.bias]
            )
            assert total == pytest.approx(by_hand, abs=1e-6)
        assert step.squashed_long_memory * step.output == pytest.approx(step.short_memory, abs=1e-7)
        assert (step.long_remember, step.potential_remember, step.potential_memory, step.output) == pytest.approx(
            reference[:4], abs=1e-6
        )
        short_before = step.short_memory


def test_the_tutorials_numbers():
    company_a = trace([0, 0.5, 0.25, 1], PRESETS["trained"])
    assert company_a.steps[0].long_memory == pytest.approx(-0.2023, abs=1e-4)
    assert company_a.steps[0].short_memory == pytest.approx(-0.1286, abs=1e-4)
    assert company_a.prediction == pytest.approx(0.0022, abs=1e-4)
    assert trace([1, 0.5, 0.25, 1], PRESETS["trained"]).prediction == pytest.approx(0.9693, abs=1e-4)
    assert trace([0, 0.5, 0.25, 1], PRESETS["seed"]).prediction == pytest.approx(-0.0377, abs=1e-4)


def test_saturated_gates_stay_finite():
    weights = Weights.from_mapping({name: 1000.0 for name in NAMES})
    result = trace([100, -100, 100], weights)
    assert all(abs(step.short_memory) <= 1 for step in result.steps)


def test_the_forward_pass_needs_no_torch():
    code = (
        "import sys; from lstm.unit.forward import trace; from lstm.unit.weights import PRESETS;"
        "trace([0, 0.5, 0.25, 1], PRESETS['trained']); assert 'torch' not in sys.modules, 'torch imported'"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
