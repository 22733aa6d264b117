"""Training the plain RNN: its own seeded draw, Adam on the hand-written gradient, the kept epochs, the guard."""

import numpy as np
import torch

from lstm.training.rnn_fit import draw, train_rnn
from lstm.unit.rnn import RNNWeights, loss_and_gradient

INPUTS = np.array([[0.0, 0.5, 0.25, 1.0], [1.0, 0.5, 0.25, 1.0]])
TARGETS = np.array([0.0, 1.0])
FOLLOWED = {"A": 0, "B": 1}


def test_the_draw_is_the_seeds_and_leaves_the_process_wide_generator_alone():
    torch.manual_seed(5)
    before = torch.random.get_rng_state()
    first = draw(1)
    assert torch.equal(torch.random.get_rng_state(), before)
    assert draw(1) == first != draw(2)
    assert first.b1 == first.b2 == 0.0


def test_a_run_takes_adams_steps_on_the_units_gradient():
    # One step by hand: torch's Adam fed the unit's gradient, as the run does.
    start = draw(3)
    parameters = torch.nn.Parameter(torch.tensor(list(start.to_dict().values()), dtype=torch.float64))
    optimizer = torch.optim.Adam([parameters], lr=0.1)
    parameters.grad = torch.from_numpy(loss_and_gradient(INPUTS, start, TARGETS)[1])
    optimizer.step()
    result = train_rnn(INPUTS, TARGETS, epochs=1, learning_rate=0.1, seed=3, followed=FOLLOWED, record=(0, 1))
    assert result.checkpoints == {0: start, 1: RNNWeights(*parameters.tolist())}
    assert result.weights == result.checkpoints[1]
    assert result.steps == 1 and result.diverged_at_step is None


def test_a_run_lowers_the_loss_and_reports_both_companies():
    start_loss = loss_and_gradient(INPUTS, draw(1), TARGETS)[0]
    result = train_rnn(INPUTS, TARGETS, epochs=300, learning_rate=0.1, seed=1, followed=FOLLOWED)
    assert result.loss < start_loss / 10
    assert set(result.predictions) == {"A", "B"}
    assert result.steps == 300


def test_a_learning_rate_far_too_high_stops_with_the_last_good_weights():
    result = train_rnn(INPUTS, TARGETS, epochs=50, learning_rate=5000.0, seed=1, followed=FOLLOWED)
    assert result.diverged_at_step is not None
    assert all(abs(value) <= 1e3 for value in result.weights.to_dict().values())
