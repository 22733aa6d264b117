"""The hand-built unit against nn.LSTM: values and gradients, and the tutorial's nn.LSTM numbers."""

import random

import pytest
import torch

from lstm.training.data import companies, company_tensors
from lstm.training.fit import make_trainer, tutorial_loader
from lstm.training.nn_lstm_model import LightningLSTM
from lstm.training.recipes import RECIPES
from lstm.unit.cell import as_tensors, unroll
from lstm.unit.forward import trace
from lstm.unit.twin import from_torch_lstm, to_torch_lstm, torch_lstm_snippet, torch_lstm_state
from lstm.unit.weights import NAMES, PRESETS, Weights


def random_weights(seed):
    rng = random.Random(seed)
    return Weights.from_mapping({name: rng.uniform(-2, 2) for name in NAMES})


@pytest.mark.parametrize("length", [1, 4, 9, 30])
def test_values_and_gradients_agree_with_nn_lstm(length):
    weights = random_weights(length)
    days = torch.rand(length, dtype=torch.float64, generator=torch.Generator().manual_seed(length))

    params = {name: value.requires_grad_() for name, value in as_tensors(weights, torch.float64).items()}
    hand_built = unroll(days, params).short_memory[-1]
    hand_built.backward()

    lstm = to_torch_lstm(weights).double()
    output, _ = lstm(days.view(length, 1))
    output[-1, 0].backward()

    assert hand_built.item() == pytest.approx(output[-1, 0].item(), abs=1e-6)
    state = torch_lstm_state(Weights.from_mapping({name: float(params[name].grad) for name in NAMES}))
    grads = {name: parameter.grad for name, parameter in lstm.named_parameters()}
    for key in ("weight_ih_l0", "weight_hh_l0", "bias_ih_l0"):
        assert grads[key].double().flatten().tolist() == pytest.approx(state[key].double().flatten().tolist(), abs=1e-6)
    # both biases receive the gradient of the hand-built bias
    assert grads["bias_hh_l0"].tolist() == pytest.approx(grads["bias_ih_l0"].tolist(), abs=1e-12)


def test_mapping_round_trips_and_folds_two_biases_into_one():
    weights = random_weights(0)
    assert from_torch_lstm(to_torch_lstm(weights)) == pytest.approx(dict(weights), abs=1e-6)

    lstm = torch.nn.LSTM(1, 1)
    torch.nn.init.uniform_(lstm.bias_hh_l0, -1, 1, generator=torch.Generator().manual_seed(1))
    days = torch.tensor([0.0, 0.5, 0.25, 1.0])
    expected = lstm(days.view(4, 1))[0][-1, 0].item()
    hand_built = unroll(days, as_tensors(from_torch_lstm(lstm))).short_memory[-1]
    assert hand_built.item() == pytest.approx(expected, abs=1e-6)


def test_gate_order_follows_pytorch():
    state = torch_lstm_state(PRESETS["trained"])
    # input (potential-remember), forget (long-remember), cell (potential memory), output
    assert state["weight_hh_l0"].flatten().tolist() == pytest.approx([1.9983, 2.7043, 1.4122, 4.3848], abs=1e-6)
    assert state["weight_ih_l0"].flatten().tolist() == pytest.approx([1.6525, 1.6307, 0.9393, -0.1943], abs=1e-6)


def test_tutorials_nn_lstm_before_and_after_300_epochs():
    inputs, _ = company_tensors()
    model = LightningLSTM(seed=42)
    before = [model(inputs[0]).item(), model(inputs[1]).item()]
    assert before == pytest.approx([0.6675, 0.6665], abs=0.002)

    make_trainer(300).fit(model, train_dataloaders=tutorial_loader(RECIPES["tutorial"], companies()))
    after = [model(inputs[0]).item(), model(inputs[1]).item()]
    assert after == pytest.approx([6.757e-05, 0.9809], abs=0.002)


@pytest.mark.parametrize("seed", range(3))
def test_the_snippet_builds_an_nn_lstm_with_the_explorer_s_prediction(seed, capsys):
    weights = random_weights(seed + 100)
    days = [round(random.Random(seed).uniform(0, 1), 3) for _ in range(seed + 2)]
    namespace: dict = {}
    # Run as a visitor would, pasted into a notebook.
    exec(torch_lstm_snippet(weights, days), namespace)
    printed = capsys.readouterr().out
    expected = trace(days, weights).prediction
    assert printed.startswith("prediction: ")
    assert float(printed.split()[-1]) == pytest.approx(expected, abs=1e-6)
    state = namespace["lstm"].state_dict()
    for name, tensor in torch_lstm_state(weights).items():
        assert torch.equal(state[name], tensor)
