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
from tests.support.price_files import NASDAQ


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
        (["bench", "--only", "everything"], "invalid choice: 'everything'"),
        (["explode"], "invalid choice: 'explode'"),
        ([], "required"),
        (["trace", "1_0"], "day 1: '1_0' is not a number"),
        (["train", "--epochs", "1_0"], "'1_0' is not a whole number"),
        (["train", "--lr", "1_0"], "'1_0' is not a number"),
        (["trace", "1", "--weights", "HUGE.json"], "too long for a number"),
        (["trace", "1", "--weights", "TWICE.json"], "'bo1' appears twice in the file"),
        (["trace", "1", "--weights", "BF16.safetensors"], "got dtype bfloat16"),
        (["trace", "1", "--weights", "folder.json"], "it is a folder, not a regular file"),
        (["trace", "1", "--weights", "/dev/zero.json"], "cannot read weights file /dev/zero.json"),
        (["train", "--epochs", "1", "--out", "folder.json"], "is not a regular file"),
        (["series"], "the following arguments are required: file"),
        (["series", "missing.csv"], "cannot read price file missing.csv"),
        (["series", "folder.json"], "it is a folder"),
        (["series", "/dev/zero"], "it is a pipe or a device, not a regular file"),
        (["series", "BAD.json"], "BAD.json: there is a header but no prices under it"),
        (["series", "short.csv"], "short.csv: it has 3 prices; the unit needs at least 5"),
        (["series", "binary.csv"], "binary.csv: it is not text"),
        (["series", "empty.csv"], "empty.csv: it is empty"),
        (["series", "big.csv"], "big.csv: it is 1,000,001 bytes; a price file is at most 1,000,000"),
        (["series", "openhigh.csv"], "pick one of Open, High"),
        (["series", "openhigh.csv", "--column", "Close"], "there is no column 'Close'"),
        (["series", "flat.csv"], "a flat series has nothing to learn"),
    ],
)
def test_bad_arguments_exit_non_zero_with_one_line(tmp_path, args, message):
    (tmp_path / "BAD.json").write_text("{not json")
    (tmp_path / "GARBAGE.safetensors").write_bytes(bytes(64))
    (tmp_path / "evil.pkl").write_bytes(b"\x80\x04")
    (tmp_path / "HUGE.json").write_bytes(to_json(PRESETS["trained"]).replace(b"0.5935", b"9" * 4301))
    (tmp_path / "TWICE.json").write_bytes(to_json(PRESETS["trained"]).replace(b'"bo1": 0.5935', b'"bo1": 1, "bo1": 2'))
    (tmp_path / "BF16.safetensors").write_bytes(bf16_safetensors())
    (tmp_path / "folder.json").mkdir()
    (tmp_path / "short.csv").write_text("close\n1\n2\n3\n")
    (tmp_path / "flat.csv").write_text("close\n" + "5\n" * 6)
    (tmp_path / "binary.csv").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "big.csv").write_bytes(b"1\n" * 500_000 + b"1")
    (tmp_path / "openhigh.csv").write_text("Date,Open,High\n2024-01-02,9,10\n2024-01-03,10,12\n")
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert message in lines[0]
    assert "Traceback" not in result.stderr


def bf16_safetensors() -> bytes:
    import torch
    from safetensors.torch import save

    return save({name: torch.tensor(value, dtype=torch.bfloat16) for name, value in PRESETS["trained"].items()})


@pytest.mark.parametrize("option", [["trace", "1", "--weights"], ["train", "--epochs", "1", "--start"], ["series"]])
def test_a_fifo_is_refused_at_once_instead_of_waiting_for_a_writer(tmp_path, option):
    fifo = tmp_path / ("pipe.csv" if option == ["series"] else "pipe.json")
    os.mkfifo(fifo)
    result = run(*option, str(fifo))  # without the check this waits forever; run() gives up after 120 s
    assert result.returncode == 2
    assert result.stderr.strip().endswith("it is a pipe or a device, not a regular file")
    assert result.stderr.count("\n") == 1


def test_series_json_is_what_the_page_reads(tmp_path):
    from lstm.training.series import read_series

    path = tmp_path / "nasdaq.csv"
    path.write_text(NASDAQ)
    result = run("series", str(path), "--json")
    assert result.returncode == 0 and result.stderr == ""
    data = json.loads(result.stdout)
    assert list(data) == ["name", "prices", "column", "dates"]
    assert data["prices"] == [184.25, 181.91, 181.18, 185.56, 185.14]  # oldest first
    assert data["column"] == "Close/Last"
    assert data["dates"] == ["2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08", "2024-01-09"]
    page = read_series(path.read_bytes(), "nasdaq.csv")  # what the page's upload gives
    assert data["prices"] == list(page.prices) and data["name"] == page.name == "nasdaq.csv, CloseLast"


def test_series_picks_a_column_and_says_what_it_read(tmp_path):
    path = tmp_path / "open-high.csv"
    path.write_text("Date;Open;High\n02.01.2024;1.234,5;1.240,0\n03.01.2024;1.240,0;1.250,0\n"
                    "04.01.2024;1.250,0;1.255,0\n05.01.2024;1.245,0;1.250,0\n08.01.2024;1.260,0;1.262,5\n")  # fmt: skip
    data = json.loads(run("series", str(path), "--column", "High", "--json").stdout)
    assert data["prices"] == [1240.0, 1250.0, 1255.0, 1250.0, 1262.5] and data["column"] == "High"
    result = run("series", str(path), "--column", "open")
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "open-high.csv, Open: 5 prices from column 'Open'",
        "first 2024-01-02: 1234.5",
        "last  2024-01-08: 1260",
        "columns of prices: Open, High (pick one with --column)",
    ]


def test_series_without_dates_is_json_null(tmp_path):
    path = tmp_path / "bare.txt"
    path.write_text("1.5\n1.6\n1.7\n1.65\n1.8\n")
    data = json.loads(run("series", str(path), "--json").stdout)
    assert data["dates"] is None and data["column"] == "prices"


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


def test_a_saturating_run_says_so_in_text_and_in_json():
    text = run("train", "--lr", "100")
    assert text.returncode == 0 and "Training went wrong: the loss is stuck at 1" in text.stdout
    data = json.loads(run("train", "--lr", "100", "--json").stdout)
    assert data["saturated"]["largest_weight"] > 20 and data["diverged_at_step"] is None


def test_train_snapshots_in_the_json():
    result = run("train", "--epochs", "40", "--snapshots", "5", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    snapshots = data["snapshots"]
    epochs = [snapshot["epoch"] for snapshot in snapshots]
    assert epochs[0] == 0 and epochs[-1] == 40 and epochs == sorted(epochs)
    assert len(snapshots) == 5 and all(set(s) == {"epoch", "weights", "loss", "predictions"} for s in snapshots)
    assert snapshots[0]["predictions"]["A"] == pytest.approx(-0.0377, abs=1e-4)  # the tutorial's untrained start
    assert snapshots[-1]["weights"] == data["weights"] and snapshots[-1]["loss"] == pytest.approx(data["loss"])
    assert "snapshots" not in json.loads(run("train", "--epochs", "5", "--json").stdout)


@pytest.mark.parametrize(("args", "said"), [(["--snapshots", "1", "--json"], "outside 2..500"),
                                            (["--snapshots", "501", "--json"], "outside 2..500"),
                                            (["--snapshots", "4"], "goes with --json")])  # fmt: skip
def test_train_snapshots_refused_in_one_line(args, said):
    result = run("train", "--epochs", "5", *args)
    assert result.returncode == 2 and said in result.stderr and result.stderr.count("\n") == 1
