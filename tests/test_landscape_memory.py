"""The loss landscape on a long series: bounded memory by construction, and the same numbers as the plain pass."""

import json
import math
import subprocess
import sys

import pytest
import torch

from lstm.insights import landscape as landscape_module
from lstm.insights.landscape import MAX_CELL_STEPS, evaluated_windows, loss_grid
from lstm.training.series import Series, training_data
from lstm.unit.cell import as_tensors, unroll
from lstm.unit.weights import PRESETS
from tests.support.paths import REPO

# The stated bound: a map at the page's largest grid over a 5,000-price series, above the idle process.
PEAK_MB = 100

MEASURE = """
import json, math, time
import torch
torch.set_num_threads(1)
from lstm.insights.landscape import landscape
from lstm.training.series import Series, training_data
from lstm.unit.weights import PRESETS

def high_water_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM"):
            return int(line.split()[1]) / 1024

prices = tuple(100 + 10 * math.sin(day / 20) + day * 0.01 for day in range(5000))
data = training_data(Series("long", prices), {window})
idle = high_water_mb()
began = time.process_time()
surface = landscape(PRESETS["trained"], "wlr1", "wo2", data.inputs, data.labels, points=300)
print(json.dumps({{"above_idle_mb": high_water_mb() - idle, "cpu_seconds": time.process_time() - began,
                  "windows": surface.windows, "of": surface.of_windows}}))
"""


@pytest.mark.slow
@pytest.mark.parametrize("window", [4, 30])
def test_a_5000_price_series_at_the_largest_grid_stays_under_the_stated_peak(window):
    result = subprocess.run(
        [sys.executable, "-c", MEASURE.format(window=window)],
        capture_output=True, text=True, timeout=600, cwd=REPO,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["above_idle_mb"] < PEAK_MB, figures
    assert figures["of"] == 5000 - window
    assert figures["windows"] == evaluated_windows(5000 - window, window, 300)
    assert figures["windows"] * 300 * 300 * window <= MAX_CELL_STEPS


def test_the_latest_windows_are_kept_within_the_budget():
    assert evaluated_windows(2, 4, 300) == 2  # the companies: every window
    assert evaluated_windows(4996, 4, 100) == MAX_CELL_STEPS // (100 * 100 * 4)
    assert evaluated_windows(4970, 30, 1000) == 1  # never none


def test_chunks_give_the_numbers_of_one_plain_pass(monkeypatch):
    # A small budget forces many chunks, some holding one grid point; the result must not change.
    monkeypatch.setattr(landscape_module, "CHUNK_BUDGET", 7)
    prices = tuple(10 + math.sin(day) for day in range(30))
    data = training_data(Series("s", prices), 4)
    inputs, labels = data.inputs.double(), data.labels.double()
    x_values, y_values = torch.linspace(-2, 2, 5, dtype=torch.float64), torch.linspace(-1, 3, 4, dtype=torch.float64)
    grid = loss_grid(PRESETS["trained"], "wlr1", "wo2", x_values, y_values, inputs, labels)
    for row, y in enumerate(y_values.tolist()):
        for column, x in enumerate(x_values.tolist()):
            weights = as_tensors(PRESETS["trained"].replace(wlr1=x, wo2=y), torch.float64)
            predictions = unroll(inputs, weights).short_memory[..., -1]
            assert grid[row, column].item() == pytest.approx(((predictions - labels) ** 2).sum().item(), rel=1e-12)
