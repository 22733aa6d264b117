"""The plain RNN in NumPy against its torch twin (nn.RNN with ReLU and a Linear), autograd and finite differences."""

import numpy as np
import pytest
import torch

from lstm.unit.rnn import (
    RNN_NAMES,
    VIDEO_WEIGHTS,
    RNNWeights,
    backprop,
    day_one_reach,
    input_gradients,
    loss_and_gradient,
    run,
    trace,
)


def random_weights(generator: np.random.Generator) -> RNNWeights:
    # Positive w1 and b1 keep most sums above 0, so the gradients under test are not all ReLU's zeros.
    w1, w2, b1, w3, b2 = generator.normal(size=5)
    return RNNWeights(abs(w1) + 0.2, w2, abs(b1) + 0.1, w3, b2)


def twin(weights: RNNWeights) -> tuple[torch.nn.RNN, torch.nn.Linear]:
    """nn.RNN(1, 1, relu) with b1 as its input bias and 0 as its hidden bias, and a Linear for w3 and b2."""
    rnn = torch.nn.RNN(1, 1, nonlinearity="relu", batch_first=True, dtype=torch.float64)
    linear = torch.nn.Linear(1, 1, dtype=torch.float64)
    with torch.no_grad():
        rnn.weight_ih_l0.fill_(weights.w1)
        rnn.weight_hh_l0.fill_(weights.w2)
        rnn.bias_ih_l0.fill_(weights.b1)
        rnn.bias_hh_l0.fill_(0.0)
        linear.weight.fill_(weights.w3)
        linear.bias.fill_(weights.b2)
    return rnn, linear


def twin_outputs(inputs: torch.Tensor, rnn, linear) -> tuple[torch.Tensor, torch.Tensor]:
    activations, _ = rnn(inputs[..., None])
    return activations[..., 0], linear(activations)[..., 0]


def test_the_videos_example_predicts_about_one():
    result = trace([1.0, 0.5, 0.5], VIDEO_WEIGHTS)
    assert [step.activation for step in result.steps] == pytest.approx([1.8, 0.0, 0.9])
    assert result.prediction == pytest.approx(0.99)
    assert list(result.to_dict()) == ["prediction", "steps"]
    assert list(result.to_dict()["steps"][0]) == ["day", "input", "sum", "activation", "output"]


@pytest.mark.parametrize("seed", range(5))
def test_the_pass_equals_nn_rnn_with_a_linear(seed):
    generator = np.random.default_rng(seed)
    weights = random_weights(generator)
    inputs = generator.uniform(0, 1, size=(3, 12))
    unrolled = run(inputs, weights)
    activations, outputs = twin_outputs(torch.from_numpy(inputs), *twin(weights))
    np.testing.assert_allclose(unrolled.activations, activations.detach().numpy(), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(unrolled.outputs, outputs.detach().numpy(), rtol=1e-12, atol=1e-12)


def test_a_grid_of_feedback_weights_broadcasts_over_both_companies():
    inputs = np.array([[0.0, 0.5, 0.25, 1.0], [1.0, 0.5, 0.25, 1.0]])
    grid = np.array([[0.5], [1.0], [2.0]])
    weights = RNNWeights(1.0, grid, 0.0, 1.0, 0.0)
    together = run(inputs, weights).predictions
    assert together.shape == (3, 2)
    for row, w2 in enumerate(grid[:, 0]):
        alone = run(inputs, RNNWeights(1.0, float(w2), 0.0, 1.0, 0.0)).predictions
        np.testing.assert_allclose(together[row], alone)


@pytest.mark.parametrize("seed", range(5))
def test_gradients_equal_nn_rnns_autograd(seed):
    generator = np.random.default_rng(seed)
    weights = random_weights(generator)
    inputs = generator.uniform(0, 1, size=(2, 9))
    targets = np.array([0.0, 1.0])
    loss, gradient = loss_and_gradient(inputs, weights, targets)
    rnn, linear = twin(weights)
    tensor_inputs = torch.from_numpy(inputs).requires_grad_(True)
    _, outputs = twin_outputs(tensor_inputs, rnn, linear)
    twin_loss = ((outputs[:, -1] - torch.from_numpy(targets)) ** 2).sum()
    twin_loss.backward()
    expected = [rnn.weight_ih_l0.grad, rnn.weight_hh_l0.grad, rnn.bias_ih_l0.grad, linear.weight.grad, linear.bias.grad]
    assert loss == pytest.approx(twin_loss.item(), rel=1e-12)
    np.testing.assert_allclose(gradient, [float(each.sum()) for each in expected], rtol=1e-10, atol=1e-12)
    # The gradient of the last output with respect to each day's input, through autograd one company at a time.
    for row in range(2):
        tensor_inputs.grad = None
        twin_outputs(tensor_inputs, rnn, linear)[1][row, -1].backward()
        np.testing.assert_allclose(input_gradients(inputs, weights)[row], tensor_inputs.grad[row], atol=1e-12)


def test_gradients_by_day_equal_autograd_with_one_copy_of_the_weights_per_day():
    generator = np.random.default_rng(7)
    weights = random_weights(generator)
    days = generator.uniform(0, 1, size=8)
    copies = torch.tensor([[getattr(weights, name) for name in RNN_NAMES]] * len(days), requires_grad=True)
    activation = torch.zeros((), dtype=torch.float64)
    for index, value in enumerate(days):
        w1, w2, b1, w3, b2 = copies[index]
        activation = torch.relu(float(value) * w1 + activation * w2 + b1)
        output = activation * w3 + b2
    ((output - 1.0) ** 2).backward()
    result = backprop(days, weights, 1.0)
    for column, name in enumerate(RNN_NAMES):
        np.testing.assert_allclose(result.by_day[name], copies.grad[:, column].numpy(), atol=1e-12)


def test_input_gradients_and_day_one_reach_match_finite_differences():
    weights = RNNWeights(0.9, 0.8, 0.2, 1.3, -0.1)
    days = np.array([1.0, 0.5, 0.25, 1.0, 0.5, 0.25])
    step = 1e-6
    shifted = np.tile(days, (len(days), 1)) + step * np.eye(len(days))
    numeric = (run(shifted, weights).predictions - run(days, weights).predictions) / step
    np.testing.assert_allclose(input_gradients(days, weights), numeric, rtol=1e-5)
    first_moved = days + step * np.eye(len(days))[0]
    numeric_reach = (run(first_moved, weights).outputs - run(days, weights).outputs) / step
    np.testing.assert_allclose(day_one_reach(days, weights), numeric_reach, rtol=1e-5)
    np.testing.assert_allclose(day_one_reach(days, weights)[-1], input_gradients(days, weights)[0])


@pytest.mark.parametrize(("w2", "grows"), [(0.5, False), (2.0, True)])
def test_day_ones_gradient_is_w2_to_the_number_of_later_days(w2, grows):
    weights = RNNWeights(1.0, w2, 0.0, 1.0, 0.0)
    gradients = input_gradients(np.ones(30), weights)
    assert gradients[0] == pytest.approx(w2**29)
    assert (gradients[0] > gradients[-1]) == grows


def test_a_sum_below_zero_cuts_day_one_off():
    weights = RNNWeights(1.0, -1.0, 0.0, 1.0, 0.0)
    assert input_gradients([1.0, 0.5, 0.5], weights)[0] == 0.0


def test_weights_from_a_mapping_are_checked():
    assert RNNWeights.from_mapping(VIDEO_WEIGHTS.to_dict()) == VIDEO_WEIGHTS
    with pytest.raises(ValueError, match="w1, w2, b1, w3, b2"):
        RNNWeights.from_mapping({"w1": 1.0})
    with pytest.raises(ValueError, match="finite"):
        RNNWeights.from_mapping({**VIDEO_WEIGHTS.to_dict(), "w2": float("nan")})


def test_no_days_is_refused():
    with pytest.raises(ValueError, match="at least one day"):
        run(np.zeros((2, 0)), VIDEO_WEIGHTS)
