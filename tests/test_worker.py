"""Training runs in background workers: stop, continue, reset, divergence, isolation, the cap, budgets."""

import threading
import time

import pytest

from lstm.training.limits import SERVER_LOAD, Limits
from lstm.training.worker import WORKER_THREAD, RunConfig, RunState, TrainingRun
from lstm.unit.weights import PRESETS

GENEROUS = Limits(max_concurrent_runs=2, idle_seconds=60)


def wait_until_done(run: TrainingRun, limit: float = 60) -> None:
    deadline = time.monotonic() + limit
    while run.progress().state.active:
        assert time.monotonic() < deadline, "the run did not end"
        run.heartbeat()
        time.sleep(0.02)


def wait_for(condition, limit: float = 30) -> None:
    deadline = time.monotonic() + limit
    while not condition():
        assert time.monotonic() < deadline, "condition never held"
        time.sleep(0.01)


def run_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == WORKER_THREAD]


def test_a_run_trains_to_the_end_and_records_every_epoch():
    run = TrainingRun(RunConfig(recipe="fast", learning_rate=0.1, epochs=120), GENEROUS)
    assert run.progress().state is RunState.READY
    run.start()
    wait_until_done(run)
    progress = run.progress()
    assert progress.state is RunState.FINISHED
    assert progress.history.epochs == list(range(121))
    assert progress.history.predictions["A"][0] == pytest.approx(-0.0377, abs=2e-4)
    assert progress.history.loss[-1] < 0.01
    assert progress.weights == run.model.weights()
    assert progress.epochs_done == 120 and progress.steps_per_second > 0


def test_stop_keeps_everything_learned_and_ends_the_worker():
    run = TrainingRun(RunConfig(recipe="tutorial", learning_rate=0.001, epochs=5000), GENEROUS)
    run.start()
    wait_for(lambda: len(run.history) > 20)
    run.stop()
    assert not run.alive and not run_threads()
    progress = run.progress()
    assert progress.state is RunState.STOPPED
    assert "Continue" in progress.message
    assert 20 < len(progress.history) < 5000
    # the last point of the curve is the model as it stands: nothing learned is lost or unrecorded
    assert progress.history.weights["wlr1"][-1] == pytest.approx(run.model.wlr1.item(), abs=1e-3)


def test_continue_carries_adams_state_so_two_halves_equal_one_whole():
    halves = TrainingRun(RunConfig(recipe="fast", learning_rate=0.1, epochs=60), GENEROUS)
    halves.start()
    wait_until_done(halves)
    halves.start()  # Continue
    wait_until_done(halves)
    whole = TrainingRun(RunConfig(recipe="fast", learning_rate=0.1, epochs=120), GENEROUS)
    whole.start()
    wait_until_done(whole)
    assert halves.progress().history.epochs == list(range(121))
    assert halves.progress().history.loss == whole.progress().history.loss
    assert halves.model.weights() == whole.model.weights()


def test_reset_returns_to_the_same_start_and_reproduces_the_same_curve():
    run = TrainingRun(RunConfig(recipe="fast", learning_rate=0.1, epochs=40, seed=7), GENEROUS)
    start = run.model.weights()
    run.start()
    wait_until_done(run)
    first = run.progress().history
    run.reset()
    assert run.model.weights() == start
    assert run.progress().state is RunState.READY and len(run.progress().history) == 1
    run.start()
    wait_until_done(run)
    assert run.progress().history.loss == first.loss


def test_a_run_can_start_from_given_weights():
    run = TrainingRun(RunConfig(start=PRESETS["trained"], epochs=1, learning_rate=1e-6), GENEROUS)
    assert run.progress().history.predictions["A"][0] == pytest.approx(0.0022, abs=1e-4)


def test_a_diverging_run_stops_with_a_message_and_the_last_finite_weights():
    run = TrainingRun(RunConfig(recipe="fast", learning_rate=1000.0, epochs=300), GENEROUS)
    run.start()
    wait_until_done(run)
    progress = run.progress()
    assert progress.state is RunState.DIVERGED
    assert "stopped being a finite number" in progress.message
    assert "learning rate 1000 is too high" in progress.message
    assert progress.weights == PRESETS["seed"]  # the step that blew up is undone
    assert all(abs(value) <= 1e3 for value in progress.weights.values())
    assert all(loss == loss and loss != float("inf") for loss in progress.history.loss)


@pytest.mark.parametrize("recipe", ["fast", "tutorial"])
def test_a_saturating_run_is_explained(recipe):
    # At lr 10 the loss never overflows: Adam drives every gate into saturation and the loss sticks at 1.
    run = TrainingRun(RunConfig(recipe=recipe, learning_rate=10.0, epochs=100), GENEROUS)
    run.start()
    wait_until_done(run)
    progress = run.progress()
    assert progress.state is RunState.DIVERGED
    assert "learning rate 10 is too high" in progress.message and "gradient vanishes" in progress.message
    assert progress.history.loss[-1] > progress.history.loss[0] / 2


def test_two_runs_at_once_never_touch_each_others_numbers():
    solo = {}
    for seed in (1, 2):
        run = TrainingRun(RunConfig(epochs=80, seed=seed), GENEROUS)
        run.start()
        wait_until_done(run)
        solo[seed] = run.progress().history.loss
    together = {seed: TrainingRun(RunConfig(epochs=80, seed=seed), GENEROUS) for seed in (1, 2)}
    for run in together.values():
        run.start()
    for seed, run in together.items():
        wait_until_done(run)
        assert run.progress().history.loss == solo[seed]


def one_slot_taken() -> tuple[TrainingRun, TrainingRun]:
    """A server of one slot, taken by a long run; the second run has to wait."""
    single = Limits(max_concurrent_runs=1, idle_seconds=60)
    first = TrainingRun(RunConfig(recipe="tutorial", learning_rate=0.001, epochs=5000), single)
    second = TrainingRun(RunConfig(epochs=30), single)
    first.start()
    wait_for(lambda: first.progress().state is RunState.RUNNING)
    second.start()
    return first, second


def test_the_cap_queues_a_run_until_a_slot_frees():
    first, second = one_slot_taken()
    # The second's worker counts itself queued before it first asks for the slot the first one holds.
    wait_for(lambda: second.alive and SERVER_LOAD.snapshot()[1] >= 1)
    assert first.progress().state is RunState.RUNNING
    assert second.progress().state is RunState.QUEUED
    assert len(second.progress().history) == 1
    first.stop()
    wait_until_done(second)
    assert second.progress().state is RunState.FINISHED


def test_a_queued_run_can_be_stopped():
    first, second = one_slot_taken()
    second.stop()
    assert second.progress().state is RunState.STOPPED and "waiting" in second.progress().message
    first.stop()


def test_a_run_nobody_watches_stops_by_itself():
    run = TrainingRun(RunConfig(recipe="tutorial", learning_rate=0.001, epochs=5000), Limits(idle_seconds=0.3))
    run.start()
    run._thread.join(30)
    assert not run.alive
    assert run.progress().state is RunState.STOPPED
    assert "stopped watching" in run.progress().message


@pytest.mark.parametrize(
    ("limits", "message"),
    [
        (Limits(max_steps=50, idle_seconds=60), "limit of 50 steps"),
        (Limits(max_seconds=0.2, idle_seconds=60), "limit of 0.2 s"),
    ],
)
def test_budgets_end_a_run_with_a_message(limits, message):
    run = TrainingRun(RunConfig(recipe="tutorial", learning_rate=0.001, epochs=5000), limits)
    run.start()
    wait_until_done(run)
    assert run.progress().state is RunState.FINISHED
    assert message in run.progress().message
    assert len(run.progress().history) <= 5000


def test_limits_from_environment_variables():
    limits = Limits.from_settings({"LSTM_EXPLORER_MAX_RUNS": "4", "LSTM_EXPLORER_MAX_SECONDS": "30.5", "OTHER": "x"})
    assert limits.max_concurrent_runs == 4 and limits.max_seconds == 30.5 and limits.max_steps == 10_000
    with pytest.raises(ValueError, match="LSTM_EXPLORER_MAX_RUNS must be a whole number, not 'two'"):
        Limits.from_settings({"LSTM_EXPLORER_MAX_RUNS": "two"})
    with pytest.raises(ValueError, match="must be positive"):
        Limits.from_settings({"LSTM_EXPLORER_IDLE_SECONDS": "-1"})


def test_watch_it_spreads_a_fast_run_and_stop_cuts_the_wait_short():
    run = TrainingRun(RunConfig(recipe="fast", learning_rate=0.1, epochs=40, pace_seconds=1.5), GENEROUS)
    run.start()
    wait_until_done(run)
    assert run.progress().state is RunState.FINISHED
    # paced, at most about 40 steps in 1.5 s; unpaced the same run takes a few hundredths of a second
    assert run.progress().steps_per_second < 40 / 1.5 * 1.5
    assert "paced over 1.5 s" in run.config.label
    unpaced = TrainingRun(RunConfig(recipe="fast", learning_rate=0.1, epochs=40), GENEROUS)
    unpaced.start()
    wait_until_done(unpaced)
    assert unpaced.progress().history.loss == run.progress().history.loss  # the pace changes the time, not the numbers
    slow = TrainingRun(RunConfig(recipe="fast", learning_rate=0.1, epochs=300, pace_seconds=600), GENEROUS)
    slow.start()
    wait_for(lambda: len(slow.history) > 1)
    slow.stop()
    assert not slow.alive and slow.progress().state is RunState.STOPPED


def test_progress_after_an_epoch_holds_only_the_epochs_since_and_always_the_last():
    run = TrainingRun(RunConfig(recipe="fast", learning_rate=0.1, epochs=50), GENEROUS)
    run.start()
    wait_until_done(run)
    whole = run.progress().history
    since = run.progress(after=40).history
    assert since.epochs == list(range(41, 51)) and since.loss == whole.loss[41:]
    assert since.predictions["B"] == whole.predictions["B"][41:] and since.weights["bo1"] == whole.weights["bo1"][41:]
    latest = run.progress(after=50)
    assert latest.history.epochs == [50] and latest.weights == run.progress().weights == run.model.weights()
