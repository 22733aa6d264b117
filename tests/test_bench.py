"""The benchmark's parts do what they say; the figures themselves are for the README, not for asserts."""

import pytest

from bench import measure as bench
from lstm.training.recipes import RECIPES
from lstm.training.worker import WORKER_THREAD

# Whole measurements, some of them training to the end: the full suite runs them, the fast tier does not.
pytestmark = pytest.mark.slow


def test_time_to_trained_stops_when_both_companies_are_within_reach():
    assert bench.time_to_trained(RECIPES["fast"], log_steps=False) > 0


def test_a_recipe_that_cannot_get_there_is_reported():
    hopeless = RECIPES["fast"].__class__("slow", batch_size=None, learning_rate=1e-6, epochs=10)
    with pytest.raises(RuntimeError, match="did not reach its targets"):
        bench.time_to_trained(hopeless, log_steps=True)


def test_step_costs_and_explorer_timings_are_positive():
    assert bench.lightning_step_ms(20) > 0
    assert bench.bare_product_step_ms(20) > 0
    assert bench.naive_step_ms(20) > 0
    assert bench.explorer_figures_ms(4, repeats=2) > 0


def test_concurrent_runs_are_counted_and_leave_no_thread():
    assert bench.concurrent_steps_per_second(2, 0.5) > 0
    assert not [thread for thread in bench.threading.enumerate() if thread.name == WORKER_THREAD]


def test_table_marks_targets():
    figures = [bench.Figure("a", 2.0, "x", ">= 1", True), bench.Figure("b", 3.0, "ms", "<= 1", False)]
    text = bench.table(figures)
    assert ">= 1 met" in text and "<= 1 NOT met" in text


def test_the_insight_figures_are_measured_with_the_landscape_s_target():
    figures = bench.insight_figures()
    names = [figure.name for figure in figures]
    assert "loss landscape, 100 x 100 grid" in names and "nn.LSTM page script run" in names
    grid = figures[names.index("loss landscape, 100 x 100 grid")]
    assert grid.target == "< 1000" and grid.met is not None
    assert all(figure.value > 0 for figure in figures)
