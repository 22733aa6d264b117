"""Why an LSTM: the stretched companies, how much of day 1 reaches each unit's output, and the shipped experiment."""

import numpy as np
import pytest
import torch

from lstm.insights.carry import (
    CARRY_FILE,
    EXPERIMENT_DAYS,
    UNITS,
    day_one_by_day,
    gradient_to_day_1,
    load_carry,
    lstm_jacobian,
    reach,
    stretch,
    stretched,
    told_apart,
)
from lstm.training.rnn_carry import SEEDS, train_unit
from lstm.unit.cell import as_tensors, unroll
from lstm.unit.days import COMPANIES
from lstm.unit.rnn import RNNWeights
from lstm.unit.weights import PRESETS


def test_four_days_are_the_tutorials_companies_and_longer_ones_repeat_the_middle_days():
    assert stretch("A", 4) == COMPANIES["A"][0]
    assert stretch("B", 4) == COMPANIES["B"][0]
    assert stretch("B", 8) == (1.0, 0.5, 0.25, 1.0, 0.5, 0.25, 1.0, 0.5)
    inputs, targets = stretched(60)
    assert inputs.shape == (2, 60) and targets.tolist() == [0.0, 1.0]
    assert (inputs[0, 1:] == inputs[1, 1:]).all() and inputs[:, 0].tolist() == [0.0, 1.0]


@pytest.mark.parametrize(("company", "days"), [("C", 8), ("A", 3), ("B", 61)])
def test_stretching_refuses_what_the_page_cannot_show(company, days):
    with pytest.raises(ValueError):
        stretch(company, days)


def test_told_apart_means_both_predictions_within_a_tenth_of_their_targets():
    assert told_apart({"A": 0.1, "B": 0.9})
    assert not told_apart({"A": 0.11, "B": 1.0})
    assert not told_apart({"A": 0.0, "B": 0.85})


@pytest.mark.parametrize(("preset", "company"), [("trained", "A"), ("seed", "B")])
def test_the_lstms_jacobian_equals_autograd(preset, company):
    days = stretch(company, 16)
    parameters = as_tensors(PRESETS[preset], torch.float64)
    expected = torch.autograd.functional.jacobian(
        lambda inputs: unroll(inputs, parameters).short_memory, torch.tensor(days, dtype=torch.float64)
    )
    np.testing.assert_allclose(lstm_jacobian(days, PRESETS[preset]), expected.numpy(), rtol=1e-9, atol=1e-15)


def test_reach_reads_the_last_row_and_day_one_by_day_the_first_column_for_both_units():
    days = stretch("B", 12)
    rnn_weights = RNNWeights(0.8, 0.9, 0.1, 1.2, 0.0)
    for unit, weights in (("rnn", rnn_weights), ("lstm", PRESETS["trained"])):
        gradients, by_day = reach(unit, days, weights), day_one_by_day(unit, days, weights)
        assert gradients.shape == by_day.shape == (12,)
        assert gradients[0] == pytest.approx(by_day[-1], rel=1e-12)
        assert gradient_to_day_1(unit, 12, weights)["B"] == pytest.approx(gradients[0], rel=1e-12)
    assert reach("rnn", days, rnn_weights)[0] == pytest.approx(1.2 * 0.9**11 * 0.8)
    with pytest.raises(ValueError, match="rnn and lstm"):
        reach("gru", days, rnn_weights)


def test_the_shipped_experiment_covers_both_units_every_length_and_seed():
    table = load_carry()
    assert table.days == EXPERIMENT_DAYS and table.seeds == SEEDS
    assert table.epochs == 300 and table.learning_rate == 0.1 and table.tolerance == 0.1
    assert table.command.startswith("python -m lstm carry-experiment ") and CARRY_FILE.name in table.command
    assert {"python", "numpy", "torch", "lightning"} <= set(table.versions)
    assert len(table.runs) == len(UNITS) * len(EXPERIMENT_DAYS) * len(SEEDS)
    for unit in UNITS:
        shares = table.share(unit)
        assert len(shares) == len(EXPERIMENT_DAYS) and all(0 <= share <= 1 for share in shares)
    for run in table.runs:
        assert run["told_apart"] == told_apart(run["predictions"])


def test_a_shipped_run_is_what_training_that_unit_gives_again():
    table = load_carry()
    record = next(run for run in table.runs if run["unit"] == "rnn" and run["days"] == 60)
    again = train_unit("rnn", 60, record["seed"], epochs=table.epochs).to_record()
    assert again["predictions"] == pytest.approx(record["predictions"], rel=1e-9, abs=1e-12)
    assert again["told_apart"] == record["told_apart"]
