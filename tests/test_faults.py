"""Faults in training runs: stops at random moments, resets between them, a run left alone."""

import random
import threading
import time

import pytest

from lstm.training.evaluation import evaluate
from lstm.training.limits import Limits
from lstm.training.worker import RunConfig, RunState, TrainingRun

# Hundreds of stops, or whole measurements: the full suite runs them, the fast tier leaves them out.
pytestmark = pytest.mark.slow

GENEROUS = Limits(max_concurrent_runs=2, idle_seconds=60)
STOPS = 80


def assert_consistent(run: TrainingRun) -> None:
    """The curve has every epoch once, in order, and its last point is the model as it stands."""
    progress = run.progress()
    epochs = progress.history.epochs
    assert epochs == list(range(len(epochs))), "an epoch was lost or recorded twice"
    assert progress.weights == run.model.weights()
    loss, predictions = evaluate(run.model)
    assert progress.history.loss[-1] == pytest.approx(loss, rel=1e-6, abs=1e-9)
    assert progress.history.predictions["A"][-1] == pytest.approx(predictions["A"], abs=1e-7)


@pytest.mark.parametrize("recipe", ["tutorial", "fast"])
def test_stops_at_random_moments_lose_nothing_and_leave_no_worker(recipe):
    baseline = threading.active_count()
    rng = random.Random(recipe)
    run = TrainingRun(RunConfig(recipe=recipe, epochs=5000), GENEROUS)
    for _ in range(STOPS):
        run.start()
        time.sleep(rng.uniform(0, 0.03))  # sometimes before the first step, sometimes mid-epoch
        run.stop()
        assert not run.alive, "the worker is still running after stop()"
        assert run.progress().state in (RunState.STOPPED, RunState.FINISHED)
        assert_consistent(run)
    assert len(run.history) > STOPS / 4, "the stops left no time to train"
    assert threading.active_count() == baseline


def test_resets_and_stops_interleaved_keep_the_run_reproducible():
    rng = random.Random(5)
    run = TrainingRun(RunConfig(recipe="fast", epochs=200), GENEROUS)
    start = run.model.weights()
    for _ in range(30):
        run.start()
        time.sleep(rng.uniform(0, 0.02))
        if rng.random() < 0.5:
            run.reset()
            assert run.model.weights() == start and run.progress().history.epochs == [0]
        else:
            run.stop()
        assert not run.alive
        assert_consistent(run)


def test_stop_racing_the_end_of_a_run_is_harmless():
    for epochs in (1, 2, 3, 5, 8):
        run = TrainingRun(RunConfig(recipe="fast", epochs=epochs), GENEROUS)
        run.start()
        run.stop()
        run.stop()  # twice: the second has nothing to do
        assert not run.alive
        assert_consistent(run)
