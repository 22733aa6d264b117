"""A Callback for a learner's own Trainer: the unit's twelve weights at a bounded set of epochs, for a replay."""

from __future__ import annotations

import lightning as L

from lstm.training.data import companies
from lstm.training.evaluation import evaluate_many
from lstm.training.history import HistoryView
from lstm.training.snapshots import Snapshot, check_count, spread
from lstm.unit.model_weights import weights_of
from lstm.unit.weights import NAMES, Weights

# The tutorial's recipe: DataLoader defaults, one company per optimiser step, two steps an epoch.
TUTORIAL_STEPS_PER_EPOCH = 2


class ReplayRecorder(L.Callback):
    """Keeps the twelve weights at the end of chosen epochs; loss and predictions are computed afterwards.

    With `every` left out, `max_snapshots` epochs spread evenly over the Trainer's `max_epochs`, epoch 0 (before
    any step) and the last always, as `python -m lstm train --snapshots` picks them. With `every`, every that
    many epochs; when that would pass `max_snapshots`, every other kept epoch is dropped and `every` doubles.
    Recording reads twelve numbers at a kept epoch and nothing at the others, whatever the module logs.
    """

    def __init__(self, every: int | None = None, max_snapshots: int = 100):
        if every is not None and (isinstance(every, bool) or not isinstance(every, int) or every < 1):
            raise ValueError(f"every must be a whole number of epochs, 1 or more, not {every!r}")
        self.every = every
        self.max_snapshots = check_count(max_snapshots)
        self.steps_per_epoch: int | None = None  # measured over the first epoch
        self._weights: dict[int, Weights] = {}
        self._step = 0  # epochs are counted from the Trainer's; this run's epochs and steps so far
        self._epoch = 0
        self._first_epoch = 0
        self._wanted: set[int] | None = None  # None: every `self._every` epochs
        self._every = every or 1
        self._kept: tuple[Snapshot, ...] | None = None

    def on_train_start(self, trainer: L.Trainer, pl_module: L.LightningModule) -> None:
        if trainer.current_epoch == 0:  # a new run; a resumed one goes on recording
            self._weights, self.steps_per_epoch, self._every = {}, None, self.every or 1
        self._epoch = self._first_epoch = trainer.current_epoch
        self._step = trainer.global_step
        last = trainer.max_epochs
        self._wanted = set(spread(last, self.max_snapshots)) if self.every is None and last and last > 0 else None
        self._record(pl_module)  # also says at once, before any training, when the module holds no unit

    def on_train_epoch_end(self, trainer: L.Trainer, pl_module: L.LightningModule) -> None:
        if self.steps_per_epoch is None:
            self.steps_per_epoch = trainer.global_step - self._step
        self._epoch += 1
        self._step = trainer.global_step
        if self._wanted is not None:
            if self._epoch in self._wanted:
                self._record(pl_module)
        elif (self._epoch - self._first_epoch) % self._every == 0:
            self._record(pl_module)
            self._thin()

    def on_train_end(self, trainer: L.Trainer, pl_module: L.LightningModule) -> None:
        # A run stopped inside an epoch ends in that epoch, as `train` counts it.
        if trainer.global_step > self._step:
            self._epoch += 1
        self._record(pl_module)

    def _record(self, pl_module: L.LightningModule) -> None:
        self._weights[self._epoch] = weights_of(pl_module)
        self._kept = None

    def _thin(self) -> None:
        """Past the bound, keep every other epoch (counted from the first) and record half as often."""
        if len(self._weights) < self.max_snapshots:
            return
        self._every *= 2
        self._weights = {
            epoch: weights
            for epoch, weights in self._weights.items()
            if (epoch - self._first_epoch) % self._every == 0 or epoch == self._first_epoch
        }

    @property
    def tutorial_recipe(self) -> bool:
        """Whether the run took the tutorial's steps: one company per step, so its stops can be marked."""
        return self.steps_per_epoch == TUTORIAL_STEPS_PER_EPOCH

    def recorded(self) -> tuple[Snapshot, ...]:
        """The kept epochs in order, each with its loss and predictions on the tutorial's two companies."""
        if self._kept is None:
            epochs = sorted(self._weights)
            outcomes = evaluate_many([self._weights[epoch] for epoch in epochs], companies()) if epochs else []
            self._kept = tuple(
                Snapshot(epoch, self._weights[epoch], loss, predictions)
                for epoch, (loss, predictions) in zip(epochs, outcomes, strict=True)
            )
        return self._kept

    @property
    def snapshots(self) -> list[dict]:
        """The kept epochs as `python -m lstm train --snapshots K --json` gives them under "snapshots"."""
        return [snapshot.to_dict() for snapshot in self.recorded()]

    def history(self) -> HistoryView:
        """The kept epochs as a run's history: what the Training page's charts and replay draw."""
        kept = self.recorded()
        return HistoryView(
            [snapshot.epoch for snapshot in kept],
            [snapshot.loss for snapshot in kept],
            {name: [snapshot.predictions[name] for snapshot in kept] for name in companies().followed},
            {name: [snapshot.weights[name] for snapshot in kept] for name in NAMES},
        )
