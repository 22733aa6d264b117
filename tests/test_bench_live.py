"""The bench's live row: where each side runs, the command line's own speed, and the server's CPU split by thread."""

import os
import shutil
import time

import pytest

from bench.live import COMMAND_LINE, LIVE_EPOCHS, Cores, command_line_steps_per_second, cores, cpu_seconds
from lstm.training.limits import Limits
from lstm.training.worker import RunConfig, TrainingRun


def test_the_server_side_and_the_browser_get_a_core_each_where_taskset_and_two_cores_exist():
    where = cores()
    if shutil.which("taskset") and len(os.sched_getaffinity(0)) >= 2:
        assert where.pinned and where.server != where.browser
        assert where.prefix() == ["taskset", "-c", str(where.server)]
        assert f"core {where.server}" in where.said() and f"Chromium on core {where.browser}" in where.said()
    else:
        assert not where.pinned and where.prefix() == [] and "not pinned" in where.said()
    assert Cores(None, None).prefix() == [] and "not pinned" in Cores(None, None).said()


def test_the_command_line_run_is_the_one_the_issue_names():
    assert COMMAND_LINE[1:] == ["-m", "lstm", "train", "--recipe", "fast", "--epochs", "3000", "--json"]
    assert LIVE_EPOCHS == 3000


@pytest.mark.slow
def test_the_command_line_reports_its_own_steps_per_second():
    assert command_line_steps_per_second(cores()) > 0


def test_a_server_s_cpu_is_read_with_its_training_threads_part_apart():
    run = TrainingRun(RunConfig(epochs=5000), Limits())
    before_total, before_training = cpu_seconds(os.getpid())
    run.start()
    try:
        # Read while the run trains: a thread that has ended is gone from /proc. The loop watches as a page does
        # (a heartbeat, a look every 50 ms) and leaves the worker the GIL in between.
        deadline = time.monotonic() + 300
        while len(run.progress().history) < 300:
            assert run.progress().state.active, run.progress().message
            assert time.monotonic() < deadline, "the run never reached 300 epochs"
            run.heartbeat()
            time.sleep(0.05)
        total, training = cpu_seconds(os.getpid())
    finally:
        run.stop()
    assert training > before_training and total - before_total >= training - before_training
