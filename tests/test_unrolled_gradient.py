"""The gradient written out by hand equals autograd's, for any weights, any number of days, any batch."""

import pytest
import torch

from lstm.training.data import companies
from lstm.training.model import LSTMbyHand
from lstm.unit.cell import gate_weights, unroll
from lstm.unit.unrolled_gradient import unrolled_backward, unrolled_forward
from lstm.unit.weights import NAMES


def random_case(generator: torch.Generator, days: int, batch: tuple[int, ...]):
    weights = {name: (torch.randn((), generator=generator, dtype=torch.float64) * 2).requires_grad_() for name in NAMES}
    inputs = torch.rand((*batch, days), generator=generator, dtype=torch.float64)
    labels = torch.rand(batch, generator=generator, dtype=torch.float64)
    return weights, inputs, labels


@pytest.mark.parametrize("days", [1, 2, 4, 13, 60])
@pytest.mark.parametrize("batch", [(), (1,), (5,), (2, 3)])
def test_the_hand_written_gradient_is_autograds(days, batch):
    generator = torch.Generator().manual_seed(days * 100 + len(batch))
    for _ in range(5):
        weights, inputs, labels = random_case(generator, days, batch)
        recorded = unroll(inputs, weights).short_memory[..., -1]
        expected = torch.autograd.grad(((recorded - labels) ** 2).sum(), list(weights.values()))

        gates = gate_weights({name: value.detach() for name, value in weights.items()})
        prediction, tape = unrolled_forward(inputs, gates)
        by_hand = unrolled_backward(tape, gates, 2 * (prediction - labels))

        assert torch.allclose(prediction, recorded.detach(), rtol=0, atol=1e-12)
        by_name = dict(zip(NAMES, expected, strict=True))
        laid_out = gate_weights(by_name)
        for row_by_hand, row_expected in zip(by_hand, laid_out, strict=True):
            assert row_by_hand.tolist() == pytest.approx(row_expected.tolist(), rel=1e-6, abs=1e-9)


def test_no_day_is_refused():
    gates = gate_weights({name: torch.tensor(0.5) for name in NAMES})
    with pytest.raises(ValueError, match="at least one day"):
        unrolled_forward(torch.zeros((2, 0)), gates)


def test_the_modules_step_sets_the_gradients_loss_backward_would():
    data = companies()
    recorded, by_hand = LSTMbyHand(seed=3), LSTMbyHand(seed=3)
    loss = recorded.squared_error(recorded(data.inputs), data.labels)
    loss.backward()
    by_hand_loss = by_hand.loss_with_gradients((data.inputs, data.labels))
    assert by_hand_loss.item() == pytest.approx(loss.item(), rel=1e-6)
    assert not by_hand_loss.requires_grad
    for name in NAMES:
        expected = getattr(recorded, name).grad.item()
        assert getattr(by_hand, name).grad.item() == pytest.approx(expected, rel=1e-5, abs=1e-7)


def test_a_run_with_gradients_by_hand_follows_the_run_autograd_would_make():
    data = companies()
    batch = (data.inputs, data.labels)
    recorded, by_hand = LSTMbyHand(learning_rate=0.1), LSTMbyHand(learning_rate=0.1)
    recorded_adam, by_hand_adam = recorded.configure_optimizers(), by_hand.configure_optimizers()
    for _ in range(300):
        recorded_adam.zero_grad()
        recorded.squared_error(recorded(data.inputs), data.labels).backward()
        recorded_adam.step()
        by_hand.loss_with_gradients(batch)
        by_hand_adam.step()
    assert dict(by_hand.weights()) == pytest.approx(dict(recorded.weights()), abs=1e-4)
