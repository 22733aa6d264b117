"""The LightningModule: the tutorial's start, its names, and a generator that is nobody else's."""

import threading

import pytest
import torch

from lstm.training.data import company_tensors
from lstm.training.model import LSTMbyHand
from lstm.unit.days import COMPANIES
from lstm.unit.forward import trace
from lstm.unit.weights import NAMES, PRESETS


def test_seed_42_draws_the_tutorials_initial_weights():
    assert LSTMbyHand(seed=42).weights() == PRESETS["seed"]


def test_seed_42_predicts_the_tutorials_untrained_numbers():
    inputs, _ = company_tensors()
    predictions = LSTMbyHand().forward(inputs)
    assert predictions.tolist() == pytest.approx([-0.0377, -0.0383], abs=2e-4)


def test_parameters_carry_the_tutorials_names_in_its_order():
    assert [name for name, _ in LSTMbyHand().named_parameters()] == list(NAMES)


def test_lstm_unit_and_forward_agree_with_the_explorers_trace():
    model = LSTMbyHand(weights=PRESETS["trained"])
    days, _ = COMPANIES["A"]
    shown = trace(days, PRESETS["trained"])
    long_memory, short_memory = torch.tensor(0.0), torch.tensor(0.0)
    for day, step in zip(days, shown.steps, strict=True):
        long_memory, short_memory = model.lstm_unit(torch.tensor(day), long_memory, short_memory)
        # The page computes in NumPy and the model in torch, both float32: equal to within float32's rounding.
        assert (long_memory.item(), short_memory.item()) == pytest.approx(
            (step.long_memory, step.short_memory), abs=1e-6
        )
    assert model(torch.tensor(days)).item() == pytest.approx(shown.prediction, abs=1e-6)


def test_weights_go_into_and_out_of_the_module():
    model = LSTMbyHand(seed=3)
    model.set_weights(PRESETS["trained"])
    restored = model.weights()
    assert restored == pytest.approx(dict(PRESETS["trained"]), abs=1e-6)


def test_learning_rate_is_a_hyperparameter_with_the_tutorials_default():
    assert LSTMbyHand().configure_optimizers().defaults["lr"] == 0.001
    assert LSTMbyHand(learning_rate=0.1).configure_optimizers().defaults["lr"] == 0.1


def test_models_created_at_once_do_not_change_each_others_draw():
    expected = {seed: LSTMbyHand(seed=seed).weights() for seed in range(8)}
    results = {}

    def create(seed):
        for _ in range(20):
            torch.manual_seed(seed * 1000)  # another visitor meddling with the process-wide seed
            results.setdefault(seed, []).append(LSTMbyHand(seed=seed).weights())

    threads = [threading.Thread(target=create, args=(seed,)) for seed in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for seed, drawn in results.items():
        assert all(weights == expected[seed] for weights in drawn)


@pytest.mark.filterwarnings("ignore:You are trying to `self.log\\(\\)`")
def test_training_step_returns_the_summed_squared_residual():
    model = LSTMbyHand()
    inputs, labels = company_tensors()
    loss = model.training_step((inputs, labels), 0)
    predictions = model(inputs)
    assert loss.item() == pytest.approx(((predictions - labels) ** 2).sum().item())
