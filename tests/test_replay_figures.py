"""The compact cells, the replay and its what-changed sentences, drawn from plain numbers."""

import json
import re

import plotly.io as pio
import pytest

from lstm.figures.compact_cells import CellRow, compact_cells_figure, value_text
from lstm.figures.replay import ReplayFrame, replay_figure
from lstm.figures.training import parameters_figure
from lstm.figures.what_changed import first_sentence, what_changed
from lstm.training.history import History
from lstm.training.snapshots import from_history, milestones, spread_by_change
from lstm.unit.days import COMPANIES
from lstm.unit.forward import trace
from lstm.unit.weights import NAMES, PRESETS, Weights

TARGETS = {"A": ("Company A", 0.0), "B": ("Company B", 1.0)}


def traces(weights) -> dict:
    return {name: trace(days, weights) for name, (days, _) in COMPANIES.items()}


def blend(share: float) -> Weights:
    """From the seed weights (0) to the trained ones (1), a stand-in for a run."""
    seed, trained = PRESETS["seed"], PRESETS["trained"]
    return Weights.from_mapping({name: seed[name] + share * (trained[name] - seed[name]) for name in NAMES})


def a_run(epochs: int = 300) -> History:
    history = History()
    for epoch in range(epochs + 1):
        weights = blend(min(1.0, epoch / (epochs / 3)))  # all the change in the first third
        now = traces(weights)
        predictions = {name: each.prediction for name, each in now.items()}
        loss = predictions["A"] ** 2 + (predictions["B"] - 1) ** 2
        history.append(epoch, loss, predictions, list(weights.values_in_order()))
    return history


def replay_of(history: History, frames: int = 80, present: bool = False):
    view = history.view()
    snapshots = from_history(view, spread_by_change(view, frames))
    built = [ReplayFrame(snapshot, traces(snapshot.weights)) for snapshot in snapshots]
    return replay_figure(built, view.thinned(300), TARGETS, milestones(view, TARGETS, False), present=present)


def test_compact_cells_show_every_value_of_both_companies():
    rows = [CellRow(title, traces(PRESETS["trained"])[name], target) for name, (title, target) in TARGETS.items()]
    figure = compact_cells_figure(rows, 5000).to_dict()
    texts = [text for trace_ in figure["data"] if trace_["mode" if "mode" in trace_ else "type"] == "text"
             for text in trace_["text"]]  # fmt: skip
    assert "2.4048" in texts  # Company B's long memory on day 4
    assert any("0.969" in text for text in texts) and any("0.002" in text for text in texts)
    assert figure["layout"]["title"]["text"] == "The unit at epoch 5,000"
    assert value_text("output", 0.421) == "42%" and value_text("long_memory", -0.2023) == "-0.2023"


def test_the_replay_runs_from_the_untrained_to_the_trained_unit():
    figure = json.loads(pio.to_json(replay_of(a_run())))
    frames = figure["frames"]
    assert 10 <= len(frames) <= 80
    assert frames[0]["name"] == "0" and frames[-1]["name"] == "300"
    first, last = frames[0]["layout"]["annotations"][0]["text"], frames[-1]["layout"]["annotations"][0]["text"]
    assert "Before training" in first and "-0.038" in first
    assert "Epoch 300" in last
    # The prediction in the cells: untrained first, trained last
    assert "-0.038" in frames[0]["data"][3]["text"][0] and "0.002" in frames[-1]["data"][3]["text"][0]
    assert "0.969" in frames[-1]["data"][7]["text"][0]
    # Frames crowd where the unit changed: the first third of the run
    epochs = [int(frame["name"]) for frame in frames]
    assert sum(epoch <= 100 for epoch in epochs) > len(epochs) / 2
    # Every frame updates the same traces, and the axes never move
    assert all(frame["traces"] == frames[0]["traces"] for frame in frames)
    assert figure["layout"]["yaxis3"]["type"] == "log" and len(figure["layout"]["yaxis4"]["range"]) == 2
    assert len(pio.to_json(replay_of(a_run()))) < 600_000


def test_each_frame_links_its_epoch_to_the_explorer():
    figure = replay_of(a_run()).to_dict()
    link = figure["frames"][-1]["layout"]["annotations"][1]["text"]
    numbers = re.search(r'href="explorer\?weights=([^"]+)"', link).group(1).split(",")
    assert [float(number) for number in numbers] == pytest.approx(list(blend(1.0).values_in_order()))
    assert 'target="_blank"' in link and "Open epoch 300 in the explorer" in link


def test_a_notebook_s_replay_links_to_the_explorer_where_the_app_runs():
    view = a_run(30).view()
    frames = [ReplayFrame(each, traces(each.weights)) for each in from_history(view, [0, 30])]
    figure = replay_figure(frames, view, TARGETS, link_base="http://class.example:8501/").to_dict()
    links = [frame["layout"]["annotations"][1]["text"] for frame in figure["frames"]]
    assert all('href="http://class.example:8501/?weights=' in link for link in links)
    assert figure["layout"]["annotations"][1]["text"] == links[0]
    with pytest.raises(ValueError, match="plain address"):
        replay_figure(frames, view, TARGETS, link_base='x" onmouseover="alert(1)')


def test_presenter_mode_draws_the_replay_larger():
    normal, large = replay_of(a_run(60)).to_dict()["layout"], replay_of(a_run(60), present=True).to_dict()["layout"]
    assert large["height"] > normal["height"] and large["font"]["size"] > normal["font"]["size"]


def test_what_changed_names_the_biggest_move_and_its_effect_on_the_prediction():
    before, after = traces(PRESETS["seed"]), traces(PRESETS["trained"])
    sentence = what_changed((0, 5000), before, after, TARGETS)
    assert sentence.startswith("Epochs 0 to 5,000: Company B's output % on day 4 moved most: it rose from 34% to 99%")
    assert "Company B's prediction rose from -0.038 to 0.969, toward its target 1." in sentence
    backwards = what_changed((5000, 6000), after, before, TARGETS)
    assert "fell" in backwards and "away from its target 1" in backwards
    assert "nothing moved" in what_changed((10, 20), after, after, TARGETS)
    assert first_sentence(0, before, TARGETS).startswith("Before training: Company A predicts -0.038 (target 0)")


def test_the_weights_are_four_small_charts_one_per_gate():
    figure = parameters_figure(a_run(30).view()).to_dict()
    assert len(figure["data"]) == 12
    assert {trace_["xaxis"] for trace_ in figure["data"]} == {"x", "x2", "x3", "x4"}
    assert "long-remember %" in figure["layout"]["xaxis"]["title"]["text"]
