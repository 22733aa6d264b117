"""Snapshots of a run: how many, how spread, first and last, and predictions that follow from their weights."""

import itertools

import lightning as L
import pytest
import torch
from torch import nn
from torch.optim import Adam
from torch.utils.data import DataLoader, TensorDataset

from lstm.training.fit import train
from lstm.training.history import History
from lstm.training.recipes import RECIPES
from lstm.training.snapshots import check_count, evenly, milestones, spread, spread_by_change
from lstm.unit.days import COMPANIES
from lstm.unit.forward import trace
from lstm.unit.weights import PRESETS


@pytest.mark.parametrize(("last", "count"), [(300, 2), (300, 7), (300, 120), (5000, 500), (3, 10), (1, 2), (0, 5)])
def test_spread_keeps_first_and_last_evenly_and_never_twice(last, count):
    picks = spread(last, count)
    assert picks[0] == 0 and picks[-1] == last
    assert len(picks) == min(count, last + 1)
    assert picks == sorted(set(picks))
    gaps = [b - a for a, b in itertools.pairwise(picks)]
    assert not gaps or max(gaps) - min(gaps) <= 1


@pytest.mark.parametrize("bad", [1, 501, 0, -3, 2.5, True, "10"])
def test_a_count_outside_2_to_500_is_refused(bad):
    with pytest.raises(ValueError, match="from 2 to 500"):
        check_count(bad)


def test_train_adds_snapshots_only_when_asked():
    plain = train(RECIPES["fast"], epochs=30).to_dict()
    assert "snapshots" not in plain and plain["saturated"] is None
    result = train(RECIPES["fast"], epochs=30, snapshots=7)
    assert [snapshot.epoch for snapshot in result.snapshots] == [0, 5, 10, 15, 20, 25, 30]
    entries = result.to_dict()["snapshots"]
    assert set(entries[0]) == {"epoch", "weights", "loss", "predictions"} and set(entries[0]["predictions"]) == {
        "A",
        "B",
    }
    assert entries[-1]["weights"] == dict(result.weights) and entries[-1]["predictions"] == result.predictions


def test_seed_42_starts_from_the_tutorials_draw_and_each_snapshot_predicts_from_its_weights():
    result = train(RECIPES["tutorial"], epochs=40, snapshots=5)
    first = result.snapshots[0]
    assert first.epoch == 0 and first.weights == PRESETS["seed"]
    assert first.predictions["A"] == pytest.approx(-0.0377, abs=1e-4)
    for snapshot in result.snapshots:
        for name, days in (("A", COMPANIES["A"][0]), ("B", COMPANIES["B"][0])):
            assert snapshot.predictions[name] == pytest.approx(trace(days, snapshot.weights).prediction, abs=1e-6)
        expected = sum((snapshot.predictions[name] - label) ** 2 for name, (_, label) in COMPANIES.items())
        assert snapshot.loss == pytest.approx(expected, rel=1e-5)
    assert [snapshot.epoch for snapshot in result.snapshots] == [0, 10, 20, 30, 40]


def test_snapshots_are_free_of_the_run_they_watch():
    # Recording never changes what is learned.
    assert train(RECIPES["fast"], epochs=60, snapshots=500).weights == train(RECIPES["fast"], epochs=60).weights


def test_a_run_that_saturates_says_so():
    result = train(RECIPES["fast"], learning_rate=100.0, snapshots=3)
    saturated = result.to_dict()["saturated"]
    assert (
        saturated is not None and saturated["largest_weight"] > 20 and saturated["loss"] > saturated["start_loss"] / 2
    )
    assert result.diverged_at_step is None
    assert [snapshot.epoch for snapshot in result.snapshots] == [0, 150, 300]


def test_a_diverged_run_ends_its_snapshots_at_the_epoch_it_stopped():
    result = train(RECIPES["fast"], epochs=50, learning_rate=1000.0, snapshots=10)
    assert result.diverged_at_step is not None
    assert result.snapshots[-1].weights == result.weights
    assert result.snapshots[-1].epoch == result.steps


def history_of(losses_by_epoch: list[tuple[float, float]]) -> History:
    history = History()
    for epoch, (a, b) in enumerate(losses_by_epoch):
        history.append(epoch, a * a + (b - 1) ** 2, {"A": a, "B": b}, [0.0] * 12)
    return history


def test_spread_by_change_crowds_frames_where_the_unit_moved():
    # Nothing moves for 900 epochs, then the predictions jump within 100.
    values = [(0.5, 0.5)] * 900 + [(0.5 - 0.005 * i, 0.5 + 0.005 * i) for i in range(1, 101)]
    view = history_of(values).view()
    picks = spread_by_change(view, 40)
    assert picks[0] == 0 and picks[-1] == len(view) - 1 and picks == sorted(set(picks)) and len(picks) <= 40
    assert sum(pick >= 900 for pick in picks) > len(picks) / 2  # most frames in the burst
    assert any(pick < 900 for pick in picks[1:])  # the plateau still gets some
    assert spread_by_change(history_of([(0.5, 0.5)] * 5).view(), 40) == [0, 1, 2, 3, 4]


def test_evenly_from_a_history_and_milestones():
    values = [(0.5 - 0.012 * i, 0.5 + 0.012 * i) for i in range(51)]
    view = history_of(values).view()
    snapshots = evenly(view, 6)
    assert [snapshot.epoch for snapshot in snapshots] == [0, 10, 20, 30, 40, 50]
    assert snapshots[-1].predictions == {"A": values[-1][0], "B": values[-1][1]}
    targets = {"A": ("Company A", 0.0), "B": ("Company B", 1.0)}
    marks = milestones(view, targets, tutorial=False)
    assert [mark.epoch for mark in marks] == [38]  # the first epoch with both within 0.05
    assert milestones(view, targets, tutorial=True) == marks  # a run this short reaches none of the tutorial's stops


class TutorialLSTMbyHand(L.LightningModule):
    """The tutorial's own module, as it is written there (its seeding and its loop), to compare the snapshots with."""

    def __init__(self):
        super().__init__()
        L.seed_everything(seed=42)
        mean, std = torch.tensor(0.0), torch.tensor(1.0)
        self.wlr1 = nn.Parameter(torch.normal(mean=mean, std=std), requires_grad=True)
        self.wlr2 = nn.Parameter(torch.normal(mean=mean, std=std), requires_grad=True)
        self.blr1 = nn.Parameter(torch.tensor(0.0), requires_grad=True)
        self.wpr1 = nn.Parameter(torch.normal(mean=mean, std=std), requires_grad=True)
        self.wpr2 = nn.Parameter(torch.normal(mean=mean, std=std), requires_grad=True)
        self.bpr1 = nn.Parameter(torch.tensor(0.0), requires_grad=True)
        self.wp1 = nn.Parameter(torch.normal(mean=mean, std=std), requires_grad=True)
        self.wp2 = nn.Parameter(torch.normal(mean=mean, std=std), requires_grad=True)
        self.bp1 = nn.Parameter(torch.tensor(0.0), requires_grad=True)
        self.wo1 = nn.Parameter(torch.normal(mean=mean, std=std), requires_grad=True)
        self.wo2 = nn.Parameter(torch.normal(mean=mean, std=std), requires_grad=True)
        self.bo1 = nn.Parameter(torch.tensor(0.0), requires_grad=True)

    def lstm_unit(self, input_value, long_memory, short_memory):
        long_remember_percent = torch.sigmoid((short_memory * self.wlr1) + (input_value * self.wlr2) + self.blr1)
        potential_remember_percent = torch.sigmoid((short_memory * self.wpr1) + (input_value * self.wpr2) + self.bpr1)
        potential_memory = torch.tanh((short_memory * self.wp1) + (input_value * self.wp2) + self.bp1)
        updated_long_memory = (long_memory * long_remember_percent) + (potential_remember_percent * potential_memory)
        output_percent = torch.sigmoid((short_memory * self.wo1) + (input_value * self.wo2) + self.bo1)
        updated_short_memory = torch.tanh(updated_long_memory) * output_percent
        return [updated_long_memory, updated_short_memory]

    def forward(self, input):
        long_memory, short_memory = 0, 0
        for day in range(4):
            long_memory, short_memory = self.lstm_unit(input[day], long_memory, short_memory)
        return short_memory

    def configure_optimizers(self):
        return Adam(self.parameters())

    def training_step(self, batch, batch_idx):
        input_i, label_i = batch
        output_i = self.forward(input_i[0])
        return (output_i - label_i) ** 2


class AtEpochs(L.Callback):
    """The tutorial's model's predictions at the end of the chosen epochs."""

    def __init__(self, epochs):
        self.epochs, self.seen = set(epochs), {}

    def on_train_epoch_end(self, trainer, pl_module):
        epoch = trainer.current_epoch + 1
        if epoch in self.epochs:
            with torch.no_grad():
                self.seen[epoch] = {"A": pl_module(torch.tensor([0.0, 0.5, 0.25, 1.0])).item(),
                                    "B": pl_module(torch.tensor([1.0, 0.5, 0.25, 1.0])).item()}  # fmt: skip


@pytest.mark.slow
def test_tutorial_recipe_snapshots_agree_with_the_tutorials_own_module_at_its_stops():
    inputs = torch.tensor([[0.0, 0.5, 0.25, 1.0], [1.0, 0.5, 0.25, 1.0]])
    labels = torch.tensor([0.0, 1.0])
    stops = AtEpochs([1000, 2000, 3000, 4000, 5000])
    tutorial = TutorialLSTMbyHand()
    trainer = L.Trainer(max_epochs=5000, logger=False, enable_checkpointing=False, enable_progress_bar=False,
                        enable_model_summary=False, callbacks=[stops])  # fmt: skip
    trainer.fit(tutorial, DataLoader(TensorDataset(inputs, labels)))
    result = train(RECIPES["tutorial"], snapshots=6)
    assert [snapshot.epoch for snapshot in result.snapshots] == [0, 1000, 2000, 3000, 4000, 5000]
    for snapshot in result.snapshots[1:]:
        for name in ("A", "B"):
            assert snapshot.predictions[name] == pytest.approx(stops.seen[snapshot.epoch][name], abs=0.01)
    # and the tutorial's printed numbers at its stops
    by_epoch = {snapshot.epoch: snapshot.predictions for snapshot in result.snapshots}
    assert by_epoch[2000]["A"] == pytest.approx(0.4342, abs=0.01) and by_epoch[2000]["B"] == pytest.approx(
        0.6171, abs=0.01
    )
    assert by_epoch[3000]["A"] == pytest.approx(0.2708, abs=0.01) and by_epoch[3000]["B"] == pytest.approx(
        0.7534, abs=0.01
    )
