"""The twelve weights read from whatever a learner holds: a module, its state_dict, a mapping, a file, an nn.LSTM."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

from lstm.unit.weights import MAX_FILE_BYTES, NAMES, PRESETS, Weights, WeightsError, from_file_bytes

ACCEPTED = (
    "a LightningModule or nn.Module with parameters named wlr1 ... bo1, its state_dict(), a mapping of those twelve "
    "names to numbers, lstm's Weights, the path of a .json or .safetensors weights file, or an nn.LSTM of one input "
    "and one hidden value"
)
# The keys of nn.LSTM's first layer; a state_dict holding them under some prefix holds an nn.LSTM.
LSTM_KEYS = ("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0")


def weights_of(model: object) -> Weights:
    """The unit's twelve weights, read from any of the kinds named in ACCEPTED.

    Raises TypeError for another kind of object, ValueError for an accepted kind that does not hold one unit;
    either message says what was found and what is accepted.
    """
    if isinstance(model, Weights):
        return model
    if isinstance(model, (str, os.PathLike)):
        return _from_path(model)
    torch = sys.modules.get("torch")  # without torch loaded, nothing here can be a torch module
    if torch is not None and isinstance(model, torch.nn.LSTM):
        return _from_lstm(model)
    if torch is not None and isinstance(model, torch.nn.Module):
        return _from_state(model.state_dict(), f"the module {type(model).__name__}")
    if isinstance(model, Mapping):
        return _from_state(model, "the mapping")
    raise TypeError(f"got {_kind(model)}; the unit is read from {ACCEPTED}")


def _kind(model: object) -> str:
    kind = type(model)
    return f"a {kind.__module__}.{kind.__qualname__}" if kind.__module__ != "builtins" else f"a {kind.__name__}"


def _refused(problem: str) -> ValueError:
    return ValueError(f"{problem}; the unit is read from {ACCEPTED}")


def _from_path(spec: str | os.PathLike) -> Weights:
    if isinstance(spec, str) and spec in PRESETS:
        return PRESETS[spec]
    path = Path(spec)
    if path.suffix.lower() not in (".json", ".safetensors"):
        raise _refused(f"got the path {str(path)!r}, which is not a .json or .safetensors file")
    if not path.is_file():
        raise _refused(f"got the path {str(path)!r}, but no file is there")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise _refused(f"{str(path)!r} is {path.stat().st_size:,} bytes; a weights file is at most 1 MB")
    try:
        return from_file_bytes(path.read_bytes(), path.name)
    except WeightsError as error:
        raise _refused(f"{str(path)!r}: {error}") from None


def _number(key: str, value: object) -> object:
    """A tensor or array of one element as a float; anything else as it is, for Weights to check."""
    size = getattr(value, "numel", None) or getattr(value, "size", None)
    count = size() if callable(size) else size
    if count is None or not hasattr(value, "item"):
        return value
    if count != 1:
        raise _refused(f"{key} holds {count} numbers; each of the twelve weights is one number")
    return value.item()


def _from_state(state: Mapping, what: str) -> Weights:
    """The twelve names (alone, or as the last part of a dotted key), or else one nn.LSTM's tensors."""
    keys: dict[str, list[str]] = {}
    for key in state:
        last = str(key).rsplit(".", 1)[-1]
        if last in NAMES:
            keys.setdefault(last, []).append(key)
    if not keys:
        return _from_lstm_state(state, what)
    twice = [name for name, found in keys.items() if len(found) > 1]
    if twice:
        raise _refused(f"{what} has {twice[0]} more than once ({', '.join(map(str, keys[twice[0]]))}): which unit?")
    missing = [name for name in NAMES if name not in keys]
    if missing:
        has = ", ".join(name for name in NAMES if name in keys)
        raise _refused(f"{what} has no {', '.join(missing)} (it has {has})")
    try:
        return Weights.from_mapping({name: _number(name, state[keys[name][0]]) for name in NAMES})
    except WeightsError as error:
        raise _refused(f"{what}: {error}") from None


def _from_lstm_state(state: Mapping, what: str) -> Weights:
    prefixes = sorted({str(key)[: -len(LSTM_KEYS[0])] for key in state if str(key).endswith(LSTM_KEYS[0])})
    if not prefixes:
        shown = ", ".join(str(key) for key in list(state)[:6]) or "nothing"
        raise _refused(f"{what} has none of the weights wlr1 ... bo1 and no nn.LSTM (it has {shown})")
    if len(prefixes) > 1:
        named = ", ".join(prefix.rstrip(".") or "(top)" for prefix in prefixes)
        raise _refused(f"{what} holds {len(prefixes)} nn.LSTM ({named}); the explorer draws one unit")
    prefix = prefixes[0]
    own = {str(key)[len(prefix) :]: value for key, value in state.items() if str(key).startswith(prefix)}
    layers = sum(1 for key in own if key.startswith("weight_hh_l") and not key.endswith("_reverse"))
    shape = (own[LSTM_KEYS[0]].shape[1], own[LSTM_KEYS[1]].shape[1], layers, "weight_hh_l0_reverse" in own)
    _check_lstm_shape(*shape, f"{what} holds an nn.LSTM")
    return _from_lstm_tensors(own)


def _check_lstm_shape(inputs: int, hidden: int, layers: int, bidirectional: bool, found: str) -> None:
    shape = f"input_size={inputs}, hidden_size={hidden}"
    if layers != 1:
        shape += f", num_layers={layers}"
    if bidirectional:
        shape += ", bidirectional=True"
    if (inputs, hidden, layers, bidirectional) != (1, 1, 1, False):
        raise _refused(
            f"{found}({shape}); the explorer draws a unit of one input and one hidden value, "
            "nn.LSTM(input_size=1, hidden_size=1)"
        )


def _from_lstm(lstm) -> Weights:
    _check_lstm_shape(lstm.input_size, lstm.hidden_size, lstm.num_layers, lstm.bidirectional, "the model is an nn.LSTM")
    if lstm.proj_size:
        raise _refused(f"the model is an nn.LSTM with proj_size={lstm.proj_size}; the explorer draws a unit without")
    return _from_lstm_tensors(lstm.state_dict())


class _TensorsOnly:
    """What the twin's mapping reads of an nn.LSTM, its state_dict, without building one: building an nn.LSTM
    draws its initial weights from torch's global generator, which would change the learner's seeded run."""

    def __init__(self, state: Mapping):
        self._state = state

    def state_dict(self) -> Mapping:
        return self._state


def _from_lstm_tensors(state: Mapping) -> Weights:
    """Through the twin's mapping; both of nn.LSTM's biases add up to the unit's one (an LSTM without: 0)."""
    from lstm.unit.twin import from_torch_lstm

    tensors = {key: state[key].detach().float().cpu().reshape(4) for key in LSTM_KEYS if key in state}
    for bias in LSTM_KEYS[2:]:
        tensors.setdefault(bias, tensors["weight_ih_l0"] * 0)
    try:
        return from_torch_lstm(_TensorsOnly(tensors))
    except WeightsError as error:
        raise _refused(f"the nn.LSTM: {error}") from None
