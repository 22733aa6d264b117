"""ReplayCallback in a learner's own Trainer: the snapshots of `train --snapshots`, and the Training page's replay."""

import json
import re
import subprocess
import sys
from urllib.parse import parse_qsl, urlsplit

import lightning as L
import plotly.graph_objects as go
import pytest
import torch
from torch import nn
from torch.utils.data import DataLoader

from lstm import ReplayCallback
from lstm.explorer.state import from_query
from lstm.training.data import companies
from lstm.training.model import LSTMbyHand
from lstm.training.nn_lstm_model import LightningLSTM
from lstm.unit.weights import NAMES
from tests.support.paths import REPO

EPOCHS, SNAPSHOTS = 60, 7


class SilentUnit(LSTMbyHand):
    """The tutorial's unit under another name, whose training step logs nothing."""

    def training_step(self, batch, batch_idx):
        inputs, labels = batch
        return self.squared_error(self(inputs), labels)


def learners_fit(model: L.LightningModule, callback: L.Callback, epochs: int = EPOCHS) -> None:
    """The tutorial's way: a Trainer with its logging working, the DataLoader's defaults (one company per step)."""
    trainer = L.Trainer(
        max_epochs=epochs,
        accelerator="cpu",
        logger=False,
        enable_checkpointing=False,
        enable_progress_bar=False,
        enable_model_summary=False,
        callbacks=[callback],
    )
    trainer.fit(model, train_dataloaders=DataLoader(companies().dataset()))


@pytest.fixture(scope="module")
def command_line_snapshots() -> list[dict]:
    command = [sys.executable, "-m", "lstm", "train", "--recipe", "tutorial", "--epochs", str(EPOCHS)]
    command += ["--seed", "42", "--snapshots", str(SNAPSHOTS), "--json"]
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)["snapshots"]


@pytest.mark.parametrize("module", [LSTMbyHand, SilentUnit])
def test_snapshots_are_the_command_lines(module, command_line_snapshots):
    callback = ReplayCallback(max_snapshots=SNAPSHOTS)
    learners_fit(module(seed=42), callback)
    assert [each["epoch"] for each in callback.snapshots] == [0, 10, 20, 30, 40, 50, 60]
    assert callback.snapshots == command_line_snapshots
    assert callback.tutorial_recipe


def test_every_few_epochs_stays_within_the_bound():
    callback = ReplayCallback(every=3, max_snapshots=8)
    learners_fit(LSTMbyHand(), callback, epochs=40)
    epochs = [each["epoch"] for each in callback.snapshots]
    assert len(epochs) <= 8 and epochs[0] == 0 and epochs[-1] == 40
    assert all(epoch % 3 == 0 for epoch in epochs[:-1]) and epochs == sorted(set(epochs))
    every_one = ReplayCallback(every=1, max_snapshots=500)
    learners_fit(LightningLSTM(), every_one, epochs=5)  # the tutorial's nn.LSTM model is read through the twin
    assert [each["epoch"] for each in every_one.snapshots] == [0, 1, 2, 3, 4, 5]
    assert list(every_one.snapshots[0]["weights"]) == list(NAMES)


def test_the_figure_is_the_training_pages_replay_of_the_run():
    callback = ReplayCallback(max_snapshots=20)
    with pytest.raises(RuntimeError, match="nothing recorded yet"):
        callback.figure()
    learners_fit(LSTMbyHand(learning_rate=0.1), callback, epochs=40)
    figure = callback.figure(base_url="https://class.example/")
    assert isinstance(figure, go.Figure)
    snapshots = {str(each["epoch"]): each for each in callback.snapshots}
    assert [frame.name for frame in figure.frames] == list(snapshots)  # 20 snapshots: each one a frame
    assert [step.args[0][0] for step in figure.layout.sliders[0].steps] == list(snapshots)
    last = figure.frames[-1]
    loss_marker = next(update for update in last.data if update.x is not None and list(update.x) == [40])
    assert loss_marker.y[0] == pytest.approx(snapshots["40"]["loss"])
    assert "Company A" in figure.to_json() and "Company B" in figure.to_json()
    # Each frame's link opens its epoch in the explorer, at the app's address rather than relative to the notebook.
    link = re.search(r'href="([^"]+)"', "".join(note.text for note in last.layout.annotations)).group(1)
    assert link.startswith("https://class.example/?weights=")
    state, messages = from_query(dict(parse_qsl(urlsplit(link).query)))
    assert messages == [] and dict(state.weights) == snapshots["40"]["weights"]


def test_a_module_without_the_unit_is_refused_before_training():
    class Linear(L.LightningModule):
        def __init__(self):
            super().__init__()
            self.layer = nn.Linear(4, 1)

        def training_step(self, batch, batch_idx):
            inputs, labels = batch
            return ((self.layer(inputs).squeeze(-1) - labels) ** 2).sum()

        def configure_optimizers(self):
            return torch.optim.Adam(self.parameters())

    with pytest.raises(ValueError, match=r"none of the weights wlr1 \.\.\. bo1 and no nn\.LSTM"):
        learners_fit(Linear(), ReplayCallback())


def test_bad_settings_are_refused():
    with pytest.raises(ValueError, match="every must be a whole number of epochs"):
        ReplayCallback(every=0)
    with pytest.raises(ValueError, match="snapshots must be a whole number from 2 to 500"):
        ReplayCallback(max_snapshots=501)
