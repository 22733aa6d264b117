"""The benchmark's parts do what they say; the figures themselves are for the README, not for asserts."""

import json
import subprocess
import sys

import pytest

from bench import steps
from lstm.training.recipes import RECIPES, Recipe
from tests.support.paths import REPO

# Whole measurements, some of them training to the end: the full suite runs them, the fast tier does not.
pytestmark = pytest.mark.slow


def test_time_to_trained_stops_when_both_companies_are_within_reach():
    assert steps.time_to_trained(RECIPES["fast"]) > 0


def test_a_recipe_that_cannot_get_there_is_reported():
    hopeless = Recipe("tutorial", batch_size=1, learning_rate=1e-6, epochs=10)
    with pytest.raises(RuntimeError, match="did not reach its targets"):
        steps.time_to_trained(hopeless)


def test_the_steady_step_leaves_set_up_out_for_the_product_and_the_naive_loop():
    product, naive = steps.step_costs_ms(1)
    assert product[0] > 0 and naive[0] > 0


def test_the_command_prints_one_json_table_of_ratios_without_a_browser():
    result = subprocess.run(
        [sys.executable, "-m", "lstm", "bench", "--no-browser", "--repeat", "1", "--json"],
        capture_output=True, text=True, timeout=600, cwd=REPO,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-600:]
    report = json.loads(result.stdout)
    assert "cores" in report["machine"]
    names = [figure["name"] for figure in report["figures"]]
    assert any("training step" in name for name in names) and any("time to trained" in name for name in names)
    script_run = next(figure for figure in report["figures"] if figure["name"].startswith("script run: explorer"))
    assert script_run["target"] == "<= 100 ms" and script_run["measured_in"] == "ms" and script_run["product"] > 0
    for figure in report["figures"]:
        assert figure["value"] > 0 and figure["target"] and isinstance(figure["met"], bool)
