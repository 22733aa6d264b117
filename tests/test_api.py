"""The notebook API: every kind of model a learner holds is drawn exactly as the explorer draws its weights."""

import json
import subprocess
import sys
from urllib.parse import parse_qsl, urlencode, urlsplit

import plotly.graph_objects as go
import plotly.io as pio
import pytest
import torch
from torch import nn

from lstm import explore, explorer_link, open_cell
from lstm.explorer.state import from_query, to_query
from lstm.training.model import LSTMbyHand
from lstm.training.nn_lstm_model import LightningLSTM
from lstm.ui.explorer import sequence_name
from lstm.ui.figure_cache import cached_unrolled_figure
from lstm.unit.days import COMPANIES
from lstm.unit.model_weights import ACCEPTED, weights_of
from lstm.unit.stages import frame_count
from lstm.unit.twin import to_torch_lstm
from lstm.unit.weights import NAMES, PRESETS, Weights, to_json, to_safetensors
from tests.support.paths import REPO

# The trained weights rounded to 1/1024: exact in float32, so a module, a safetensors file and nn.LSTM hold them
# unchanged and every kind of model must give the very same figure.
WEIGHTS = Weights.from_mapping({name: round(value * 1024) / 1024 for name, value in PRESETS["trained"].items()})
DAYS = COMPANIES["A"][0]


class MyUnit(nn.Module):
    """A learner's own class: any name, the tutorial's parameter names."""

    def __init__(self, weights=WEIGHTS, leave_out=()):
        super().__init__()
        for name in NAMES:
            if name not in leave_out:
                setattr(self, name, nn.Parameter(torch.tensor(weights[name])))


class TwoLSTMs(nn.Module):
    def __init__(self):
        super().__init__()
        self.first, self.second = nn.LSTM(1, 1), nn.LSTM(1, 1)


def lightning_lstm():
    """The tutorial's second model, nn.LSTM inside a LightningModule, holding WEIGHTS."""
    model = LightningLSTM()
    model.lstm.load_state_dict(to_torch_lstm(WEIGHTS).state_dict())
    return model


def model_kinds(tmp_path):
    (tmp_path / "unit.json").write_bytes(to_json(WEIGHTS))
    (tmp_path / "unit.safetensors").write_bytes(to_safetensors(WEIGHTS))
    return {
        "Weights": WEIGHTS,
        "mapping": dict(WEIGHTS),
        "LightningModule": LSTMbyHand(weights=WEIGHTS),
        "nn.Module of another name": MyUnit(),
        "state_dict": LSTMbyHand(weights=WEIGHTS).state_dict(),
        "JSON file": str(tmp_path / "unit.json"),
        "safetensors file": tmp_path / "unit.safetensors",
        "nn.LSTM": to_torch_lstm(WEIGHTS),
        "LightningModule holding nn.LSTM": lightning_lstm(),
        "its state_dict": lightning_lstm().state_dict(),
    }


def explorer_figure(query: dict) -> dict:
    """What the explorer page draws for a link: its state, its names, its cached figure at the normal speed."""
    state, messages = from_query(query)
    assert messages == []
    names = (sequence_name(state.days, "these days"), sequence_name(state.compare, "the compared days"))
    return cached_unrolled_figure(state, False, 800, 1.0, names, False).to_dict()


def plain(figure) -> dict:
    """A figure as the browser receives it, JSON, with the template that only says "plotly.js defaults" left out."""
    parts = json.loads(pio.to_json(figure, validate=False))
    parts["layout"].pop("template", None)
    for frame in parts.get("frames", []):
        for update in frame["data"]:
            update.pop("type", None)  # the notebook's frames name their traces' types; the app's leave them implied
    return parts


def test_each_kind_of_model_gives_the_explorers_figure(tmp_path):
    expected = plain(explorer_figure({"days": "0,0.5,0.25,1", "weights": ",".join(map(repr, WEIGHTS.values()))}))
    for kind, model in model_kinds(tmp_path).items():
        assert weights_of(model) == WEIGHTS, kind
        figure = explore(model)
        assert isinstance(figure, go.Figure), kind
        assert plain(figure) == expected, kind


def test_the_figure_is_animated_with_play_and_a_slider_over_its_frames():
    figure = explore(WEIGHTS, days=(0.2, 0.4, 0.6))
    assert len(figure.frames) == frame_count(3)
    assert [trace.type for trace in figure.frames[0].data][:4] == ["bar"] * 4  # the gates' bars stay bars
    play = figure.layout.updatemenus[0].buttons[0]
    assert play.method == "animate" and play.args[0] is None
    names = {frame.name for frame in figure.frames}
    steps = figure.layout.sliders[0].steps
    assert len(steps) == len(names) and all(step.args[0][0] in names for step in steps)


def test_a_long_sequence_keeps_plotly_s_own_frames_for_a_notebook():
    # The page sends a long animation's frames as changes its player replays; a notebook has no such player.
    figure = explore(WEIGHTS, days=[0.5, 0.25, 1.0] * 20)
    assert len(figure.frames) == frame_count(60)
    names = {frame.name for frame in figure.frames}
    assert {step.args[0][0] for step in figure.layout.sliders[0].steps} <= names


def test_open_cell_and_compare_are_the_explorers(tmp_path):
    model = LSTMbyHand(weights=WEIGHTS)
    query = {"days": "0,0.5,0.25,1", "weights": ",".join(map(repr, WEIGHTS.values())), "compare": "B", "cell": "2"}
    assert plain(open_cell(model, 2, compare="B")) == plain(explorer_figure(query))
    other = {"days": "1,0.5,0.25,1", "weights": query["weights"], "compare": "A"}
    assert plain(explore(model, days="B", compare=DAYS)) == plain(explorer_figure(other))
    with pytest.raises(ValueError, match="day must be a day to open, 1 to 4; got 5"):
        open_cell(model, 5)


def test_the_link_is_the_one_the_page_shares_and_opens_these_weights():
    link = explorer_link(MyUnit(), days=(0.1, 0.9), base_url="https://class.example/lstm/")
    scheme, host, path, query, _ = urlsplit(link)
    assert (scheme, host, path) == ("https", "class.example", "/lstm/")
    state, messages = from_query(dict(parse_qsl(query)))
    assert messages == [] and state.weights == WEIGHTS and state.days == (0.1, 0.9)
    assert query == urlencode(to_query(state), safe=",")
    assert explorer_link(WEIGHTS).startswith("http://localhost:8501/?days=0,0.5,0.25,1&weights=")
    with pytest.raises(ValueError, match="base_url must be an http"):
        explorer_link(WEIGHTS, base_url="localhost")


def refusal(model) -> Exception:
    with pytest.raises((TypeError, ValueError)) as raised:
        explore(model)
    assert ACCEPTED in str(raised.value)
    return raised.value


def test_an_lstm_of_more_than_one_hidden_value_is_refused():
    for lstm in (nn.LSTM(input_size=1, hidden_size=2), nn.LSTM(input_size=2, hidden_size=1)):
        error = refusal(lstm)
        assert isinstance(error, ValueError)
        assert "draws a unit of one input and one hidden value" in str(error)
        assert f"nn.LSTM(input_size={lstm.input_size}, hidden_size={lstm.hidden_size})" in str(error)
    assert "num_layers=2" in str(refusal(nn.LSTM(1, 1, num_layers=2)))
    wrapped = LightningLSTM()
    wrapped.lstm = nn.LSTM(1, 2)
    assert "the module LightningLSTM holds an nn.LSTM(input_size=1, hidden_size=2)" in str(refusal(wrapped))


def test_a_module_missing_weights_names_them():
    error = refusal(MyUnit(leave_out=("wpr2",)))
    assert isinstance(error, ValueError)
    assert str(error).startswith("the module MyUnit has no wpr2 (it has wlr1, wlr2, blr1, wpr1, bpr1, wp1")
    assert "has no wpr2, bo1 " in str(refusal({name: 1.0 for name in NAMES if name not in ("wpr2", "bo1")}))


def test_other_things_are_refused_with_what_was_found(tmp_path):
    assert str(refusal([1.0] * 12)).startswith("got a list;")
    assert str(refusal(None)).startswith("got a NoneType;")
    assert isinstance(refusal(3.0), TypeError)
    assert "none of the weights wlr1 ... bo1 and no nn.LSTM (it has weight, bias)" in str(refusal(nn.Linear(1, 1)))
    assert "holds 2 nn.LSTM (first, second)" in str(refusal(TwoLSTMs()))
    assert "wlr1 holds 2 numbers" in str(refusal({**dict(WEIGHTS), "wlr1": torch.tensor([1.0, 2.0])}))
    assert "wo1 must be a number, got 'big'" in str(refusal({**dict(WEIGHTS), "wo1": "big"}))
    assert "which is not a .json or .safetensors file" in str(refusal("weights.txt"))
    assert "but no file is there" in str(refusal(str(tmp_path / "missing.json")))
    (tmp_path / "bad.json").write_text('{"wlr1": 1}')
    assert "missing weights: wlr2" in str(refusal(tmp_path / "bad.json"))


def test_days_and_compare_are_checked():
    with pytest.raises(ValueError, match="days: 61 days is too many: at most 60"):
        explore(WEIGHTS, days=[0.5] * 61)
    with pytest.raises(ValueError, match="compare has 3 days and days has 4"):
        explore(WEIGHTS, compare=(1, 2, 3))
    with pytest.raises(ValueError, match="'C' is neither A nor B"):
        explore(WEIGHTS, days="C")


def test_import_lstm_loads_neither_streamlit_nor_torch_nor_plotly():
    check = (
        "import lstm, sys; assert not {'streamlit', 'torch', 'plotly', 'lightning'} & set(sys.modules), sys.modules; "
        "from lstm import explore, explorer_link; explorer_link('trained'); "
        "assert not {'streamlit', 'torch', 'lightning'} & set(sys.modules)"
    )
    subprocess.run([sys.executable, "-c", check], cwd=REPO, check=True)


def test_unknown_names_are_still_attribute_errors():
    import lstm

    with pytest.raises(AttributeError, match="no attribute 'draw'"):
        lstm.draw  # noqa: B018
    assert {"explore", "open_cell", "explorer_link", "ReplayCallback"} <= set(dir(lstm))
