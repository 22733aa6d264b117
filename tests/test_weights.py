"""Weights as a value: presets, file round trips, and every way a file can be refused."""

import json
import math
import pickle

import numpy as np
import pytest
from safetensors.numpy import save as save_safetensors

from lstm.unit.weights import (
    NAMES,
    PRESETS,
    Weights,
    WeightsError,
    from_file_bytes,
    from_json,
    from_safetensors,
    to_json,
    to_safetensors,
)

TRAINED = PRESETS["trained"]


def test_presets_hold_the_tutorials_numbers():
    seed = PRESETS["seed"]
    assert [round(seed[name], 4) for name in ("wlr1", "wlr2", "wpr1", "wpr2", "wp1", "wp2", "wo1", "wo2")] == [
        0.3367, 0.1288, 0.2345, 0.2303, -1.1229, -0.1863, 2.2082, -0.6380,
    ]  # fmt: skip
    assert seed.blr1 == seed.bpr1 == seed.bp1 == seed.bo1 == 0.0
    assert TRAINED.wlr1 == 2.7043 and TRAINED.bo1 == 0.5935


def test_weights_read_like_a_dict_in_tutorial_order():
    assert list(TRAINED) == list(NAMES)
    assert len(TRAINED) == 12
    assert TRAINED.values_in_order()[0] == TRAINED["wlr1"]
    assert TRAINED.replace(wo1=1.5).wo1 == 1.5
    with pytest.raises(KeyError):
        TRAINED["w"]


def test_json_round_trip_is_exact():
    data = to_json(TRAINED)
    assert json.loads(data) == dict(TRAINED)
    assert from_json(data) == TRAINED
    assert from_file_bytes(data, "weights.JSON") == TRAINED


def test_safetensors_round_trip_keeps_float32_values():
    restored = from_safetensors(to_safetensors(TRAINED))
    for name in NAMES:
        assert restored[name] == pytest.approx(TRAINED[name], rel=1e-7)
    # float32 values (what a trained model holds) come back exactly
    seed = PRESETS["seed"]
    assert from_file_bytes(to_safetensors(seed), "w.safetensors") == seed


def test_from_sequence_takes_the_url_order():
    assert Weights.from_sequence(TRAINED.values_in_order()) == TRAINED


def json_with(**changes):
    values = {**dict(TRAINED), **changes}
    return json.dumps({key: value for key, value in values.items() if value is not ...}).encode()


REFUSED_JSON = [
    (b"", "empty"),
    (b"not json at all", "not a JSON weights file"),
    (b"[1, 2, 3]", "one object"),
    (b"\xff\xfe\x00", "not a JSON weights file"),
    (json_with(bo1=...), "missing weight: bo1"),
    (json_with(extra=1.0), "unknown weight name: 'extra'"),
    (json_with(wlr1="0.5"), "wlr1 must be a number"),
    (json_with(wlr1=True), "wlr1 must be a number"),
    (json_with(wlr1=None), "wlr1 must be a number"),
    (json_with(wp2=[1.0]), "wp2 must be a number"),
    (json_with(wo1=1e5), "wo1 = 100000 is outside ±1000"),
    (json_with(wo1=1e400), "finite"),
    (json_with(wo1=float("nan")), "finite numbers, the file has NaN"),
    (json_with(wo1=float("-inf")), "finite numbers, the file has -Infinity"),
    (b"[" * 100_000 + b"]" * 100_000, "not a JSON weights file"),
    (b" " * 1_000_001, "at most 1 MB"),
]


@pytest.mark.parametrize(("data", "message"), REFUSED_JSON, ids=[message for _, message in REFUSED_JSON])
def test_bad_json_is_refused_with_a_message(data, message):
    with pytest.raises(WeightsError, match=message.replace("(", r"\(")):
        from_json(data)


def safetensors_of(**arrays):
    values = {name: np.array(value, dtype=np.float32) for name, value in TRAINED.items()}
    values.update(arrays)
    return save_safetensors({name: value for name, value in values.items() if value is not None})


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"garbage", "not a safetensors weights file"),
        (safetensors_of(wlr1=np.zeros((2, 2), dtype=np.float32)), r"wlr1 must be a single number, got shape \[2, 2\]"),
        (safetensors_of(wlr1=np.array(3, dtype=np.int64)), "wlr1 must be a floating-point number"),
        (safetensors_of(wlr1=np.array(np.inf, dtype=np.float32)), "wlr1 must be a finite number"),
        (safetensors_of(wlr1=None), "missing weight: wlr1"),
        (safetensors_of(bias=np.array(1.0, dtype=np.float32)), "unknown weight name: 'bias'"),
    ],
)
def test_bad_safetensors_is_refused_with_a_message(data, message):
    with pytest.raises(WeightsError, match=message):
        from_safetensors(data)


class Exploit:
    """Unpickling this would create a file; no reader of ours may ever do that."""

    def __reduce__(self):
        return (open, ("/tmp/lstm-explorer-pickle-ran", "w"))


@pytest.mark.parametrize("filename", ["weights.json", "weights.safetensors", "weights.pt", "weights.pkl"])
def test_a_pickle_is_never_unpickled(filename, tmp_path):
    marker = "/tmp/lstm-explorer-pickle-ran"
    data = pickle.dumps(Exploit())
    with pytest.raises(WeightsError):
        from_file_bytes(data, filename)
    assert not __import__("os").path.exists(marker)


def test_weights_must_be_finite_even_when_built_in_code():
    with pytest.raises(WeightsError, match="finite"):
        TRAINED.replace(wlr1=math.nan)
    with pytest.raises(WeightsError, match="expected 12 weights"):
        Weights.from_sequence([1.0] * 11)
