"""`python -m lstm` as a script sees it: the JSON it promises, clean output, one-line errors."""

import json
import os
import shutil
import subprocess
import sys

import pytest

from lstm.unit.trace import STEP_FIELDS
from lstm.unit.weights import NAMES, PRESETS, to_json, to_safetensors
from tests.support.paths import REPO


def run(*args, cwd=None):
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "lstm", *args], capture_output=True, text=True, timeout=120, cwd=cwd, env=env
    )


def test_trace_json_has_the_promised_shape_and_the_tutorials_numbers():
    result = run("trace", "0", "0.5", "0.25", "1", "--weights", "trained", "--json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    data = json.loads(result.stdout)
    assert list(data) == ["prediction", "steps"]
    assert [list(step) for step in data["steps"]] == [list(STEP_FIELDS)] * 4
    assert [step["day"] for step in data["steps"]] == [1, 2, 3, 4]
    assert data["steps"][0]["input"] == 0.0
    assert data["steps"][0]["long_memory"] == pytest.approx(-0.2023, abs=1e-4)
    assert data["prediction"] == pytest.approx(0.0022, abs=1e-4)


def test_trace_table_is_readable():
    result = run("trace", "1", "0.5", "0.25", "1", "--weights", "seed")
    assert result.returncode == 0
    assert "long-remember %" in result.stdout and "short memory" in result.stdout
    assert "prediction (short memory after day 4): -0.0383" in result.stdout


@pytest.mark.parametrize("suffix", [".json", ".safetensors"])
def test_trace_reads_weights_files(tmp_path, suffix):
    path = tmp_path / f"w{suffix}"
    path.write_bytes((to_json if suffix == ".json" else to_safetensors)(PRESETS["trained"]))
    data = json.loads(run("trace", "1", "0.5", "0.25", "1", "--weights", str(path), "--json").stdout)
    assert data["prediction"] == pytest.approx(0.9693, abs=1e-4)


def test_trace_runs_sixty_days():
    data = json.loads(run("trace", *["0.5"] * 60, "--json").stdout)
    assert len(data["steps"]) == 60


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["trace"], "at least one day"),
        (["trace", "nan"], "day 1: nan is not a finite number"),
        (["trace", "inf"], "not a finite number"),
        (["trace", "1", "abc"], "day 2: 'abc' is not a number"),
        (["trace", *["1"] * 101], "too many"),
        (["trace", "1", "--weights", "nope"], "--weights takes seed or trained"),
        (["trace", "1", "--weights", "missing.json"], "cannot read weights file missing.json"),
        (["trace", "1", "--weights", "BAD.json"], "not a JSON weights file"),
        (["train", "--recipe", "slow"], "invalid choice: 'slow'"),
        (["train", "--epochs", "ten"], "'ten' is not a whole number"),
        (["train", "--epochs", "9000"], "9000 is outside 1..5000"),
        (["train", "--lr", "-1"], "outside (0, 100]"),
        (["train", "--lr", "nan"], "not a finite number"),
        (["train", "--seed", "-3"], "outside"),
        (["train", "--epochs", "1", "--out", "w.pt"], "--out must end in .json or .safetensors"),
        (["trace", "1e309"], "day 1: 1e309 is not a finite number"),
        (["trace", "😀"], "day 1: '😀' is not a number"),
        (["trace", "1", "--weights", "evil.pkl"], "--weights takes seed or trained or a .json or .safetensors file"),
        (["trace", "1", "--weights", "GARBAGE.safetensors"], "not a safetensors weights file"),
        (["train", "--start", "BAD.json"], "not a JSON weights file"),
        (["train", "--lr", "1e309"], "not a finite number"),
        (["bench", "--repeat", "0"], "0 is outside 1..20"),
        (["explode"], "invalid choice: 'explode'"),
        ([], "required"),
    ],
)
def test_bad_arguments_exit_non_zero_with_one_line(tmp_path, args, message):
    (tmp_path / "BAD.json").write_text("{not json")
    (tmp_path / "GARBAGE.safetensors").write_bytes(bytes(64))
    (tmp_path / "evil.pkl").write_bytes(b"\x80\x04")
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert message in lines[0]
    assert "Traceback" not in result.stderr


def test_train_json_is_clean_and_complete(tmp_path):
    out = tmp_path / "trained.safetensors"
    result = run("train", "--recipe", "fast", "--epochs", "120", "--json", "--out", str(out))
    assert result.returncode == 0
    assert result.stderr == ""  # no Lightning banners, tips or warnings
    data = json.loads(result.stdout)
    assert {"recipe", "epochs", "steps", "fit_seconds", "loss", "predictions", "weights"} <= set(data)
    assert data["recipe"] == "fast" and data["epochs"] == 120 and data["steps"] == 120
    assert list(data["weights"]) == list(NAMES)
    assert data["predictions"]["A"] == pytest.approx(0, abs=0.05)
    assert data["predictions"]["B"] == pytest.approx(1, abs=0.05)
    reread = json.loads(run("trace", "1", "0.5", "0.25", "1", "--weights", str(out), "--json").stdout)
    assert reread["prediction"] == pytest.approx(data["predictions"]["B"], abs=1e-6)


def test_train_tutorial_recipe_text_output():
    result = run("train", "--recipe", "tutorial", "--epochs", "3")
    assert result.returncode == 0 and result.stderr == ""
    assert "recipe tutorial: 3 epochs, 6 optimiser steps" in result.stdout


def test_bench_outside_a_checkout_says_what_is_missing_in_one_line(tmp_path):
    # An installed package has lstm/ but not the checkout's bench/: copy only the package, run from there.
    shutil.copytree(REPO / "lstm", tmp_path / "lstm", ignore=shutil.ignore_patterns("__pycache__"))
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    result = subprocess.run(
        [sys.executable, "-m", "lstm", "bench", "--no-browser"],
        capture_output=True, text=True, timeout=120, cwd=tmp_path, env=env,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "needs a checkout of LSTM Explorer" in result.stderr
