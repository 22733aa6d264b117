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


def trained_json_with(old: bytes, new: bytes) -> bytes:
    return to_json(TRAINED).replace(old, new)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (trained_json_with(b"0.5935", b"9" * 30), "more digits than a number holds"),
        (trained_json_with(b"0.5935", b"9" * 309), r"too long for a number \(309 characters\)"),  # float() overflows
        (trained_json_with(b"0.5935", b"9" * 4301), "too long for a number"),  # int() of the parser would refuse
        (trained_json_with(b"0.5935", b"1" + b"0" * 400), "too long for a number"),
        (trained_json_with(b"0.5935", b"1e400"), "bo1 must be a finite number, got inf"),
        (trained_json_with(b'"bo1": 0.5935', b'"bo1": 0.5935, "bo1": 7'), "'bo1' appears twice in the file"),
        (b'{"wlr1": {"x": 1, "x": 2}}', "'x' appears twice"),
    ],
)
def test_json_numbers_and_keys_follow_the_one_rule(data, message):
    with pytest.raises(WeightsError, match=message):
        from_json(data)


def test_whole_numbers_in_json_are_weights():
    assert from_json(trained_json_with(b"0.5935", b"3")).bo1 == 3.0


def test_a_huge_python_int_is_refused_not_overflowed():
    with pytest.raises(WeightsError, match="outside"):
        Weights.from_mapping({**TRAINED, "bo1": 10**400})


def torch_safetensors(dtype) -> bytes:
    import torch
    from safetensors.torch import save

    return save({name: torch.tensor(value, dtype=dtype) for name, value in TRAINED.items()})


@pytest.mark.parametrize(
    ("dtype", "shown"),
    [("bfloat16", "bfloat16"), ("float16", "float16"), ("float8_e4m3fn", "float8_e4m3"), ("float8_e5m2", "float8_e5m2"),
     ("int32", "int32"), ("bool", "bool")],
)  # fmt: skip
def test_safetensors_dtypes_other_than_the_apps_get_one_message(dtype, shown):
    import torch

    with pytest.raises(
        WeightsError, match=rf"must be a floating-point number \(float32 or float64\), got dtype {shown}"
    ):
        from_safetensors(torch_safetensors(getattr(torch, dtype)))


def test_safetensors_in_float64_reads():
    data = save_safetensors({name: np.array(value, dtype=np.float64) for name, value in TRAINED.items()})
    assert from_safetensors(data) == TRAINED


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x05", "shorter than a header"),
        ((10**9).to_bytes(8, "little") + b"{}", "runs past the end"),
        ((8).to_bytes(8, "little") + b"[1,2,3] ", "header is not an object"),
        ((12).to_bytes(8, "little") + b'{"a":1,"a":2}'[:12], "not a safetensors weights file"),
    ],
)
def test_broken_safetensors_headers_get_one_message(data, message):
    with pytest.raises(WeightsError, match=message):
        from_safetensors(data)
