"""The twelve named parameters of the unit as a value: presets, validation, JSON and safetensors files."""

from __future__ import annotations

import json
import math
import struct
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from safetensors import SafetensorError
from safetensors.numpy import load as load_safetensors
from safetensors.numpy import save as save_safetensors

from lstm.locales import _, ngettext, whole
from lstm.unit.numbers import NumberError, parse_number, quoted

# The tutorial's names, in the order a URL or a list of twelve numbers gives them:
# per stage the weight on short memory, the weight on the input, then the bias.
NAMES = ("wlr1", "wlr2", "blr1", "wpr1", "wpr2", "bpr1", "wp1", "wp2", "bp1", "wo1", "wo2", "bo1")

# A weight beyond this saturates every gate it touches; larger values are typos or attacks.
MAX_MAGNITUDE = 1e3
# Twelve numbers fit in a few hundred bytes; anything near this bound is not a weights file.
MAX_FILE_BYTES = 1_000_000
# The safetensors dtypes a weights file may hold: the app writes F32; F64 loses nothing on the way in.
SAFETENSORS_DTYPES = {"F32": "float32", "F64": "float64"}
# How the other dtypes read in a message, in numpy's words where numpy has them.
OTHER_DTYPES = {
    "F16": "float16", "BF16": "bfloat16", "F8_E4M3": "float8_e4m3", "F8_E5M2": "float8_e5m2", "BOOL": "bool",
    "I8": "int8", "I16": "int16", "I32": "int32", "I64": "int64",
    "U8": "uint8", "U16": "uint16", "U32": "uint32", "U64": "uint64",
}  # fmt: skip


class WeightsError(ValueError):
    """A set of weights that cannot be used, with a message a visitor can act on."""


@dataclass(frozen=True)
class Weights(Mapping[str, float]):
    """The unit's twelve parameters, named as in the tutorial; read it like a dict."""

    wlr1: float  # long-remember % (forget gate): weight on short memory
    wlr2: float  # long-remember %: weight on the input
    blr1: float  # long-remember %: bias
    wpr1: float  # potential-remember % (input gate): weight on short memory
    wpr2: float  # potential-remember %: weight on the input
    bpr1: float  # potential-remember %: bias
    wp1: float  # potential memory (candidate): weight on short memory
    wp2: float  # potential memory: weight on the input
    bp1: float  # potential memory: bias
    wo1: float  # output % (output gate): weight on short memory
    wo2: float  # output %: weight on the input
    bo1: float  # output %: bias

    def __getitem__(self, name: str) -> float:
        if name not in NAMES:
            raise KeyError(name)
        return getattr(self, name)

    def __iter__(self) -> Iterator[str]:
        return iter(NAMES)

    def __len__(self) -> int:
        return len(NAMES)

    def values_in_order(self) -> tuple[float, ...]:
        return tuple(getattr(self, name) for name in NAMES)

    def replace(self, **changes: float) -> Weights:
        """A copy with some parameters changed, checked like any other weights."""
        return Weights.from_mapping({**self, **changes})

    @classmethod
    def from_mapping(cls, values: Mapping[str, object]) -> Weights:
        """Exactly the twelve names, each a finite number within ±MAX_MAGNITUDE."""
        missing = [name for name in NAMES if name not in values]
        unknown = [str(key) for key in values if key not in NAMES]
        if missing:
            said = ngettext("missing weight: {names}", "missing weights: {names}", len(missing))
            raise WeightsError(said.format(names=", ".join(missing)))
        if unknown:
            shown = ", ".join(repr(key[:40]) for key in unknown[:5])
            said = ngettext("unknown weight name: {names}", "unknown weight names: {names}", len(unknown))
            raise WeightsError(said.format(names=shown))
        return cls(**{name: _checked_number(name, values[name]) for name in NAMES})

    @classmethod
    def from_sequence(cls, values: Sequence[object]) -> Weights:
        """Twelve numbers in the order of NAMES (wlr1, wlr2, blr1, ..., bo1)."""
        if len(values) != len(NAMES):
            raise WeightsError(
                _("expected {expected} weights ({first} ... {last}), got {count}").format(
                    expected=len(NAMES), first=NAMES[0], last=NAMES[-1], count=len(values)
                )
            )
        return cls.from_mapping(dict(zip(NAMES, values, strict=True)))


def _checked_number(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.floating, np.integer)):
        raise WeightsError(_("{name} must be a number, got {value}").format(name=name, value=quoted(value)))
    try:
        number = float(value)
    except OverflowError:  # an int past 1e308
        raise WeightsError(_outside(name, quoted(value))) from None
    if not math.isfinite(number):
        raise WeightsError(_("{name} must be a finite number, got {value}").format(name=name, value=number))
    if abs(number) > MAX_MAGNITUDE:
        raise WeightsError(_outside(name, f"{number:g}"))
    return number


def _outside(name: str, shown: str) -> str:
    return _("{name} = {value} is outside ±{most}").format(name=name, value=shown, most=f"{MAX_MAGNITUDE:g}")


# The tutorial's seed: `seed_everything(seed=42)` before the model is built draws its untrained weights.
TUTORIAL_SEED = 42

# `seed`: the tutorial's untrained start, the eight normal(0, 1) draws of TUTORIAL_SEED (float32, as drawn);
# the biases start at 0. `trained`: the weights after the tutorial's 5000 epochs, drawn in the video.
PRESETS: dict[str, Weights] = {
    "seed": Weights(
        wlr1=0.33669036626815796,
        wlr2=0.12880940735340118,
        blr1=0.0,
        wpr1=0.23446236550807953,
        wpr2=0.23033303022384644,
        bpr1=0.0,
        wp1=-1.1228563785552979,
        wp2=-0.18632829189300537,
        bp1=0.0,
        wo1=2.2082014083862305,
        wo2=-0.637997031211853,
        bo1=0.0,
    ),
    "trained": Weights(
        wlr1=2.7043,
        wlr2=1.6307,
        blr1=1.6234,
        wpr1=1.9983,
        wpr2=1.6525,
        bpr1=0.6204,
        wp1=1.4122,
        wp2=0.9393,
        bp1=-0.3217,
        wo1=4.3848,
        wo2=-0.1943,
        bo1=0.5935,
    ),
}


def to_json(weights: Weights) -> bytes:
    return (json.dumps(dict(weights), indent=2) + "\n").encode()


def to_safetensors(weights: Weights) -> bytes:
    return save_safetensors({name: np.array(value, dtype=np.float32) for name, value in weights.items()})


def from_json(data: bytes) -> Weights:
    _check_size(data)
    try:
        values = json.loads(
            data.decode("utf-8"),
            parse_constant=_reject_constant,
            parse_float=_json_number,
            parse_int=_json_number,
            object_pairs_hook=_unique_keys,
        )
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise WeightsError(_("not a JSON weights file: {error}").format(error=error)) from None
    if not isinstance(values, dict):
        raise WeightsError(_("a JSON weights file holds one object mapping the twelve names to numbers"))
    return Weights.from_mapping(values)


def _reject_constant(constant: str) -> float:
    # JSON has no NaN or Infinity; Python's reader would accept them, so say what is wrong instead.
    raise WeightsError(_("weights must be finite numbers, the file has {constant}").format(constant=constant))


def _json_number(text: str) -> float:
    """Numbers in a weights file follow the one rule; too many digits is refused before any conversion."""
    try:
        return parse_number(text)
    except NumberError as error:
        if error.value is not None:
            return error.value  # only non-finite: the weight's own check names it
        raise WeightsError(_("the file has a number that cannot be a weight: {error}").format(error=error)) from None


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    """An object whose keys each appear once: with a repeated key, which value was meant is unknown."""
    values: dict[str, object] = {}
    for key, value in pairs:
        if key in values:
            raise WeightsError(_("{key} appears twice in the file; each weight appears once").format(key=quoted(key)))
        values[key] = value
    return values


def _check_safetensors_dtypes(data: bytes) -> None:
    """Read the header (8 bytes of length, then JSON) and refuse dtypes other than the ones weights use."""
    if len(data) < 8:
        raise WeightsError(_("not a safetensors weights file: it is shorter than a header"))
    (length,) = struct.unpack("<Q", data[:8])
    if length > len(data) - 8:
        raise WeightsError(_("not a safetensors weights file: the header runs past the end of the file"))
    try:
        header = json.loads(data[8 : 8 + length].decode("utf-8"), object_pairs_hook=_unique_keys)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise WeightsError(_("not a safetensors weights file: {error}").format(error=error)) from None
    if not isinstance(header, dict):
        raise WeightsError(_("not a safetensors weights file: its header is not an object"))
    for name, entry in header.items():
        dtype = entry.get("dtype") if isinstance(entry, dict) and name != "__metadata__" else None
        if isinstance(dtype, str) and dtype not in SAFETENSORS_DTYPES:
            readable = OTHER_DTYPES.get(dtype, quoted(dtype, limit=20))
            label = name if name in NAMES else quoted(name, limit=30)
            raise WeightsError(
                _("{name} must be a floating-point number (float32 or float64), got dtype {dtype}").format(
                    name=label, dtype=readable
                )
            )


def from_safetensors(data: bytes) -> Weights:
    _check_size(data)
    _check_safetensors_dtypes(data)
    try:
        tensors = load_safetensors(data)
    except (SafetensorError, ValueError, TypeError, KeyError, OverflowError) as error:
        raise WeightsError(_("not a safetensors weights file: {error}").format(error=error)) from None
    values = {}
    for name, array in tensors.items():
        if array.size != 1:
            raise WeightsError(
                _("{name} must be a single number, got shape {shape}").format(name=name, shape=list(array.shape))
            )
        if array.dtype.kind != "f":
            raise WeightsError(
                _("{name} must be a floating-point number, got dtype {dtype}").format(name=name, dtype=array.dtype)
            )
        values[name] = float(array.reshape(()))
    return Weights.from_mapping(values)


def from_file_bytes(data: bytes, filename: str) -> Weights:
    """Read an uploaded or saved weights file; the extension says which format (.json, .safetensors)."""
    if filename.lower().endswith(".json"):
        return from_json(data)
    if filename.lower().endswith(".safetensors"):
        return from_safetensors(data)
    raise WeightsError(_("{file}: weights files end in .json or .safetensors").format(file=quoted(filename)))


def to_file_bytes(weights: Weights, filename: str) -> bytes:
    if filename.lower().endswith(".json"):
        return to_json(weights)
    if filename.lower().endswith(".safetensors"):
        return to_safetensors(weights)
    raise WeightsError(_("{file}: weights files end in .json or .safetensors").format(file=quoted(filename)))


def _check_size(data: bytes) -> None:
    if len(data) == 0:
        raise WeightsError(_("the weights file is empty"))
    if len(data) > MAX_FILE_BYTES:
        raise WeightsError(
            _("the weights file is {size} bytes; weights files are at most {most} MB").format(
                size=whole(len(data)), most=f"{MAX_FILE_BYTES / 1e6:g}"
            )
        )
