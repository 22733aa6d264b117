"""One training run of the unit: the fast loop or lightning.Trainer with lean flags, the loaders, and `train`."""

from __future__ import annotations

import time
from dataclasses import dataclass

import lightning as L
import torch
from torch.utils.data import DataLoader, Dataset

from lstm.training.callbacks import DivergenceGuard, SnapshotRecorder
from lstm.training.data import TrainingData, companies
from lstm.training.evaluation import Saturation, evaluate, evaluate_many, saturation
from lstm.training.full_batch import FullBatchLoop
from lstm.training.model import LSTMbyHand
from lstm.training.recipes import Recipe, steps_per_epoch
from lstm.training.snapshots import Snapshot, check_count, spread
from lstm.unit.weights import TUTORIAL_SEED, Weights


@dataclass(frozen=True)
class RunResult:
    """What a finished run reports: its budget, its cost, and where the unit ended."""

    recipe: str
    epochs: int
    steps: int
    fit_seconds: float
    loss: float  # summed squared residual over every sequence after training
    predictions: dict[str, float]  # followed sequence (company A, B) -> prediction
    weights: Weights
    diverged_at_step: int | None = None  # set when the guard stopped the run; weights are the last good
    saturated: Saturation | None = None  # set when every gate got stuck and the loss stopped falling
    snapshots: tuple[Snapshot, ...] | None = None  # only when asked for: epoch 0 first, the last epoch last

    def to_dict(self) -> dict:
        result = {
            "recipe": self.recipe,
            "epochs": self.epochs,
            "steps": self.steps,
            "fit_seconds": self.fit_seconds,
            "loss": self.loss,
            "predictions": self.predictions,
            "weights": dict(self.weights),
            "diverged_at_step": self.diverged_at_step,
            "saturated": None if self.saturated is None else self.saturated.to_dict(),
        }
        if self.snapshots is not None:
            result["snapshots"] = [snapshot.to_dict() for snapshot in self.snapshots]
        return result


def make_trainer(max_epochs: int, callbacks: list[L.Callback] | None = None, log_steps: bool = False) -> L.Trainer:
    """A Trainer for a model of twelve numbers: CPU, no logger files, checkpoints, bars or summaries.

    Unless `log_steps`, it runs in Lightning's barebones mode, where `self.log` does nothing: the
    product records progress in its own callback, and Lightning's logging machinery costs more per
    step than the unit's arithmetic. With `log_steps`, `self.log` works as in the tutorial.
    """
    if not log_steps:
        return L.Trainer(max_epochs=max_epochs, accelerator="cpu", devices=1, barebones=True, callbacks=callbacks or [])
    return L.Trainer(
        max_epochs=max_epochs,
        accelerator="cpu",
        devices=1,
        logger=False,
        enable_checkpointing=False,
        enable_progress_bar=False,
        enable_model_summary=False,
        num_sanity_val_steps=0,
        callbacks=callbacks or [],
    )


class RepeatedBatches(Dataset):
    """The same full batch `steps` times: a whole run is one Lightning epoch.

    Lightning spends milliseconds between epochs; with two sequences an epoch is a single step,
    so a run of one long epoch costs a fraction of the time and feeds the optimiser the same
    batches in the same order.
    """

    def __init__(self, inputs: torch.Tensor, labels: torch.Tensor, steps: int):
        self.batch = (inputs, labels)
        self.steps = steps

    def __len__(self) -> int:
        return self.steps

    def __getitem__(self, index: int) -> tuple[torch.Tensor, torch.Tensor]:
        return self.batch


def tutorial_loader(recipe: Recipe, data: TrainingData) -> DataLoader:
    """The tutorial's loader: one epoch is one pass over the sequences, `batch_size` at a time."""
    return DataLoader(data.dataset(), batch_size=recipe.batch_size)


def full_batch_loader(epochs: int, data: TrainingData) -> DataLoader:
    """Every sequence in every step, `epochs` steps in one Lightning epoch, no collation per step."""
    return DataLoader(RepeatedBatches(data.inputs, data.labels, steps=epochs), batch_size=None)


def fit(
    model: LSTMbyHand,
    recipe: Recipe,
    epochs: int,
    callbacks: list[L.Callback],
    log_steps: bool = False,
    data: TrainingData | None = None,
) -> L.Trainer | FullBatchLoop:
    """Train `model` for `epochs` passes over the sequences (the companies by default) as `recipe` batches them.

    A full-batch recipe runs in the lean FullBatchLoop, unless `log_steps` asks for Lightning's logging.
    """
    data = companies() if data is None else data
    if recipe.batch_size is None and not log_steps:
        loop = FullBatchLoop(callbacks)
        loop.fit(model, epochs, data)
        return loop
    if recipe.batch_size is None:
        trainer, loader = make_trainer(1, callbacks, log_steps), full_batch_loader(epochs, data)
    else:
        trainer, loader = make_trainer(epochs, callbacks, log_steps), tutorial_loader(recipe, data)
    trainer.fit(model, train_dataloaders=loader)
    return trainer


def train(
    recipe: Recipe,
    epochs: int | None = None,
    learning_rate: float | None = None,
    seed: int = TUTORIAL_SEED,
    start: Weights | None = None,
    callbacks: list[L.Callback] | None = None,
    snapshots: int | None = None,
) -> RunResult:
    """Train a fresh unit (seeded draw, or `start`) on the two companies and report the result.

    With `snapshots` (2 to 500), the result also holds that many epochs of the run, evenly spread:
    epoch 0 (the weights before any step) first, the last epoch trained last.
    """
    epochs = recipe.epochs if epochs is None else epochs
    learning_rate = recipe.learning_rate if learning_rate is None else learning_rate
    model = LSTMbyHand(learning_rate=learning_rate, seed=seed, weights=start)
    data = companies()
    initial = model.weights()
    start_loss, _ = evaluate(model, data)
    per_epoch = steps_per_epoch(recipe, len(data))
    recorder = SnapshotRecorder(spread(epochs, check_count(snapshots)) if snapshots else [], per_epoch)
    guard = DivergenceGuard()
    began = time.perf_counter()
    trainer = fit(model, recipe, epochs, [guard, recorder, *(callbacks or [])], data=data)
    fit_seconds = time.perf_counter() - began
    loss, predictions = evaluate(model, data)
    weights = model.weights()
    last_epoch = -(-trainer.global_step // per_epoch)  # a run the guard stopped mid-epoch ends in that epoch
    kept = None
    if snapshots:
        kept = _snapshots({0: initial, **recorder.weights, last_epoch: weights}, data, last_epoch)
    return RunResult(
        recipe=recipe.name,
        epochs=epochs,
        steps=trainer.global_step,
        fit_seconds=fit_seconds,
        loss=loss,
        predictions=predictions,
        weights=weights,
        diverged_at_step=guard.diverged_at_step,
        saturated=saturation(weights, start_loss, loss),
        snapshots=kept,
    )


def _snapshots(weights_by_epoch: dict[int, Weights], data: TrainingData, last_epoch: int) -> tuple[Snapshot, ...]:
    """The recorded epochs up to the last, each with its loss and predictions computed from its weights."""
    epochs = sorted(epoch for epoch in weights_by_epoch if epoch <= last_epoch)
    outcomes = evaluate_many([weights_by_epoch[epoch] for epoch in epochs], data)
    return tuple(
        Snapshot(epoch, weights_by_epoch[epoch], loss, predictions)
        for epoch, (loss, predictions) in zip(epochs, outcomes, strict=True)
    )
