"""The loss landscape against the plain-float unit, its ranges, and the run's path on it."""

import math
import random

import pytest
import torch

from lstm.insights.landscape import MIN_HALF_SPAN, axis_range, landscape, loss_grid
from lstm.training.data import companies
from lstm.training.limits import Limits
from lstm.training.worker import RunConfig, TrainingRun
from lstm.unit.weights import NAMES, PRESETS
from tests.support.reference import reference_trace

DATA = companies()


def reference_loss(weights) -> float:
    return sum(
        (reference_trace(days, weights)[-1][-1] - label) ** 2
        for days, label in zip(DATA.inputs.tolist(), DATA.labels.tolist(), strict=True)
    )


def test_every_point_is_the_loss_of_the_unit_with_those_two_weights():
    base = PRESETS["trained"]
    surface = landscape(base, "wlr1", "wo2", DATA.inputs, DATA.labels, points=11)
    assert len(surface.loss) == len(surface.y_values) == 11
    assert all(len(row) == len(surface.x_values) == 11 for row in surface.loss)
    for row in (0, 4, 10):
        for column in (0, 7, 10):
            weights = {**base, "wlr1": surface.x_values[column], "wo2": surface.y_values[row]}
            assert surface.loss[row][column] == pytest.approx(reference_loss(weights), rel=1e-9, abs=1e-12)


@pytest.mark.parametrize("seed", range(4))
def test_any_pair_of_weights_at_random(seed):
    chance = random.Random(seed)
    base = {name: chance.uniform(-3, 3) for name in NAMES}
    x_name, y_name = chance.sample(NAMES, 2)
    x_values = torch.tensor([chance.uniform(-4, 4) for _ in range(5)], dtype=torch.float64)
    y_values = torch.tensor([chance.uniform(-4, 4) for _ in range(3)], dtype=torch.float64)
    grid = loss_grid(base, x_name, y_name, x_values, y_values, DATA.inputs.double(), DATA.labels.double())
    assert grid.shape == (3, 5)
    for row in range(3):
        for column in range(5):
            weights = {**base, x_name: float(x_values[column]), y_name: float(y_values[row])}
            assert float(grid[row, column]) == pytest.approx(reference_loss(weights), rel=1e-9, abs=1e-12)


def test_a_100_by_100_grid_holds_the_held_point_and_its_lowest():
    base = PRESETS["trained"]
    surface = landscape(base, "bp1", "wp2", DATA.inputs, DATA.labels)
    assert len(surface.x_values) == len(surface.y_values) == 100
    assert surface.x_values[0] < base["bp1"] < surface.x_values[-1]
    assert surface.y_values[0] < base["wp2"] < surface.y_values[-1]
    x, y, lowest = surface.lowest
    assert lowest == min(min(row) for row in surface.loss)
    assert lowest == pytest.approx(reference_loss({**base, "bp1": x, "wp2": y}), rel=1e-9)
    assert set(surface.held) == set(NAMES) - {"bp1", "wp2"}
    assert all(math.isfinite(value) for row in surface.loss for value in row)


def test_ranges_hold_the_whole_path_with_room_around_it():
    low, high = axis_range([0.5])
    assert (low, high) == (0.5 - MIN_HALF_SPAN, 0.5 + MIN_HALF_SPAN)
    low, high = axis_range([-4.0, 0.0, 6.0])
    assert low < -4.0 and high > 6.0


def test_a_run_path_ends_where_the_ten_are_held_at_the_run_s_loss():
    run = TrainingRun(RunConfig(epochs=60), Limits())
    run.start()
    run._thread.join(60)
    progress = run.progress()
    history = progress.history
    surface = landscape(progress.weights, "wlr1", "wo2", DATA.inputs, DATA.labels, history.weights, points=5)
    for name in ("wlr1", "wo2"):
        values = surface.x_values if name == "wlr1" else surface.y_values
        assert values[0] < min(history.weights[name]) and max(history.weights[name]) < values[-1]
    at_end = loss_grid(
        progress.weights,
        "wlr1",
        "wo2",
        torch.tensor([progress.weights["wlr1"]]),
        torch.tensor([progress.weights["wo2"]]),
        DATA.inputs,
        DATA.labels,
    )
    assert float(at_end[0, 0]) == pytest.approx(history.loss[-1], rel=1e-5)


@pytest.mark.parametrize(
    ("x_name", "y_name", "points", "message"),
    [
        ("wlr1", "wlr1", 10, "two different"),
        ("wlr1", "w99", 10, "not one of the twelve"),
        ("wlr1", "wo2", 1, "2 to 400"),
        ("wlr1", "wo2", 10_000, "2 to 400"),
    ],
)
def test_bad_requests_say_what_is_wrong(x_name, y_name, points, message):
    with pytest.raises(ValueError, match=message):
        landscape(PRESETS["trained"], x_name, y_name, DATA.inputs, DATA.labels, points=points)
