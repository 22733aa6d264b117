"""The carry bench's floor does the product's work: the same training, written out naively with autograd."""

import pytest

from bench.carry import SEED, naive_training
from lstm.training.rnn_carry import train_unit


@pytest.mark.parametrize("unit", ["rnn", "lstm"])
def test_the_naive_loop_trains_to_the_products_weights(unit):
    product = train_unit(unit, 8, SEED)
    assert product.diverged_at_step is None
    # Both train in float64; autograd and the hand-written gradient differ in the order of a few sums.
    assert naive_training(unit, 8) == pytest.approx(product.weights_dict(), rel=1e-6, abs=1e-6)
