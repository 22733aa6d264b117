"""The live run's speed, as the bench reads it: over the readings taken while the run was going."""

import pytest

from bench.browser import LIVE_RUN, steps_per_second


def test_a_runs_speed_is_read_while_it_was_going():
    end = LIVE_RUN.epochs
    # 1,000 epochs a second while going; the reading of the finished run, late after its last redraw, is left out.
    readings = [(0.0, 100), (0.5, 600), (1.0, 1100), (3.0, end)]
    assert steps_per_second(readings, "a run") == pytest.approx(1000)
    with pytest.raises(RuntimeError, match="2 readings while the run was going, 3 needed"):
        steps_per_second([(0.0, 100), (0.5, 600), (0.9, end)], "a run")
