"""`python -m lstm carry` and `carry-experiment` as a script sees them: the promised JSON, one-line refusals."""

import json
import os
import subprocess
import sys

import pytest

from lstm.insights.carry import load_carry
from lstm.unit.rnn import RNN_NAMES
from lstm.unit.weights import NAMES
from tests.support.paths import REPO


def run(*args, cwd=None):
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "lstm", *args], capture_output=True, text=True, timeout=300, cwd=cwd, env=env
    )


@pytest.mark.parametrize(("unit", "names"), [("rnn", RNN_NAMES), ("lstm", NAMES)])
def test_carry_prints_the_promised_json(unit, names):
    result = run("carry", "--unit", unit, "--days", "8", "--seed", "3", "--epochs", "40", "--json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    data = json.loads(result.stdout)
    assert list(data) == ["unit", "days", "seed", "epochs", "told_apart", "predictions", "gradient_to_day_1", "weights"]
    assert (data["unit"], data["days"], data["seed"], data["epochs"]) == (unit, 8, 3, 40)
    assert set(data["predictions"]) == {"A", "B"} and isinstance(data["told_apart"], bool)
    assert list(data["weights"]) == list(names)
    epochs = [point["epoch"] for point in data["gradient_to_day_1"]]
    assert epochs[0] == 0 and epochs[-1] == 40 and epochs == sorted(set(epochs))
    assert all(set(point) == {"epoch", "A", "B"} for point in data["gradient_to_day_1"])


def test_carry_without_json_speaks_english():
    result = run("carry", "--unit", "rnn", "--days", "4", "--epochs", "10")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("plain RNN, companies A and B over 4 days, seed 42, 10 epochs: ")
    assert "gradient of the last output to day 1's input" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["carry", "--unit", "gru", "--days", "8"], "invalid choice: 'gru'"),
        (["carry", "--unit", "rnn", "--days", "3"], "3 is outside 4..60"),
        (["carry", "--unit", "rnn", "--days", "61"], "61 is outside 4..60"),
        (["carry", "--unit", "rnn", "--days", "8.5"], "--days"),
        (["carry", "--unit", "rnn", "--days", "8", "--seed", "-1"], "-1 is outside"),
        (["carry", "--unit", "rnn", "--days", "8", "--seed", str(2**63)], "is outside 0.."),
        (["carry", "--unit", "lstm", "--days", "8", "--epochs", "0"], "0 is outside 1..5000"),
        (["carry", "--unit", "lstm", "--days", "8", "--epochs", "5001"], "5001 is outside 1..5000"),
        (["carry", "--days", "8"], "--unit"),
        (["carry-experiment", "--days", "8", "8", "--out", "x.json"], "--days gives 8 more than once"),
        (["carry-experiment", "--days", "8", "--out", "x.txt"], "--out must end in .json"),
    ],
)
def test_carry_refuses_a_bad_argument_in_one_line(args, message, tmp_path):
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert message in result.stderr
    assert not (tmp_path / "x.json").exists()


def test_the_shipped_experiment_is_reproduced_by_its_command_for_one_length_and_seed(tmp_path):
    shipped = load_carry()
    seed = shipped.seeds[0]
    out = tmp_path / "carry.json"
    epochs = str(shipped.epochs)
    result = run("carry-experiment", "--days", "16", "--seeds", str(seed), "--epochs", epochs, "--out", out)
    assert result.returncode == 0, result.stderr
    made = json.loads(out.read_text())
    assert made["command"] == f"python -m lstm carry-experiment --days 16 --seeds {seed} --epochs 300 --out {out}"
    expected = [run for run in shipped.runs if run["days"] == 16 and run["seed"] == seed]
    assert [(run["unit"], run["told_apart"]) for run in made["runs"]] == [
        (run["unit"], run["told_apart"]) for run in expected
    ]
    for mine, theirs in zip(made["runs"], expected, strict=True):
        assert mine["predictions"] == pytest.approx(theirs["predictions"], rel=1e-6, abs=1e-9)
        assert mine["weights"] == pytest.approx(theirs["weights"], rel=1e-6, abs=1e-9)
    assert "plain RNN" in result.stdout and "LSTM" in result.stdout
