"""One training run of the unit through lightning.Trainer: recipes, lean Trainer flags, quiet output."""

from __future__ import annotations

import logging
import time
import warnings
from collections.abc import Callable
from copy import deepcopy
from dataclasses import dataclass

import lightning as L
import torch
from torch.utils.data import DataLoader, Dataset

from lstm.data import COMPANIES, TrainingData, companies
from lstm.history import History
from lstm.model import LSTMbyHand
from lstm.weights import MAX_MAGNITUDE, Weights

# A two-sequence dataset is meant to be small: Lightning's advice on workers and logging intervals
# is noise here, and its device banner is noise for every visitor and script.
warnings.filterwarnings("ignore", message=".*does not have many workers.*")
warnings.filterwarnings("ignore", message=".*smaller than the logging interval.*")
# Lightning 2.6 still builds torch's LeafSpec, which torch 2.13 deprecates on every training step.
warnings.filterwarnings("ignore", message=r".*isinstance\(treespec, LeafSpec\).*", category=FutureWarning)
# In barebones mode each `self.log` in the tutorial's training_step says it does nothing, as intended.
warnings.filterwarnings("ignore", message=r"You are trying to `self.log\(\)` but `Trainer\(barebones=True\)`")
logging.getLogger("lightning.pytorch").setLevel(logging.ERROR)
logging.getLogger("lightning.fabric").setLevel(logging.ERROR)


@dataclass(frozen=True)
class Recipe:
    """How to train: the batching, the learning rate and the default epoch budget."""

    name: str
    batch_size: int | None  # sequences per optimiser step; None: both companies in one step
    learning_rate: float  # Adam's learning rate
    epochs: int  # default budget: passes over both companies


RECIPES: dict[str, Recipe] = {
    # The video's recipe: DataLoader defaults (one company per step) and Adam's default lr.
    "tutorial": Recipe("tutorial", batch_size=1, learning_rate=0.001, epochs=5000),
    # The product's default: one step sees both companies, and a learning rate 100x the tutorial's.
    "fast": Recipe("fast", batch_size=None, learning_rate=0.1, epochs=300),
}

MAX_EPOCHS = 5000


class DivergenceGuard(L.Callback):
    """Stops a run whose loss or weights stop being finite numbers, and restores the last good weights.

    Too high a learning rate (try 10) sends the loss to inf or nan within a few steps; the weights
    one step earlier are the last ones worth keeping.
    """

    def __init__(self) -> None:
        self.diverged_at_step: int | None = None
        self._last_good: torch.Tensor | None = None

    def on_train_batch_start(self, trainer, pl_module, batch, batch_idx) -> None:
        self._last_good = torch.stack([p.detach() for p in pl_module.parameters()]).clone()

    def on_train_batch_end(self, trainer, pl_module, outputs, batch, batch_idx) -> None:
        parameters = torch.stack([p.detach() for p in pl_module.parameters()])
        healthy = torch.isfinite(outputs["loss"]) and parameters.abs().max() <= MAX_MAGNITUDE
        if not healthy:
            self.diverged_at_step = trainer.global_step
            with torch.no_grad():
                for parameter, value in zip(pl_module.parameters(), self._last_good, strict=True):
                    parameter.copy_(value)
            trainer.should_stop = True


class ProgressStream(L.Callback):
    """Records every epoch into a History and stops the run when `should_stop` gives a reason.

    `should_stop` is asked after every epoch (one or two optimiser steps, a few milliseconds), so a
    stop lands at once.
    """

    def __init__(
        self,
        history: History,
        steps_per_epoch: int,
        first_epoch: int,
        should_stop: Callable[[], str | None] = lambda: None,
        data: TrainingData | None = None,
    ):
        self.history = history
        self.steps_per_epoch = steps_per_epoch
        self.epoch = first_epoch
        self.should_stop = should_stop
        self.steps = 0
        self.stop_reason: str | None = None
        self.data = companies() if data is None else data

    def record(self, pl_module: LSTMbyHand) -> None:
        self.history.append(self.epoch, *evaluate_tensors(pl_module, self.data))

    def on_train_batch_end(self, trainer, pl_module, outputs, batch, batch_idx) -> None:
        self.steps += 1
        if self.steps % self.steps_per_epoch:
            return  # a stop waits for the end of the epoch, so the curve's last point is the model as it is
        self.epoch += 1
        self.record(pl_module)
        reason = self.should_stop()
        if reason is not None and self.stop_reason is None:
            self.stop_reason = reason
            trainer.should_stop = True


class OptimizerCarryOver(L.Callback):
    """Keeps Adam's state from one fit of a model to the next, so a stopped run continues, not restarts."""

    def __init__(self) -> None:
        self.state: dict | None = None

    def on_train_start(self, trainer, pl_module) -> None:
        if self.state is not None:
            trainer.optimizers[0].load_state_dict(self.state)

    def on_train_end(self, trainer, pl_module) -> None:
        self.state = deepcopy(trainer.optimizers[0].state_dict())


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

    def to_dict(self) -> dict:
        return {
            "recipe": self.recipe,
            "epochs": self.epochs,
            "steps": self.steps,
            "fit_seconds": self.fit_seconds,
            "loss": self.loss,
            "predictions": self.predictions,
            "weights": dict(self.weights),
            "diverged_at_step": self.diverged_at_step,
        }


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


def evaluate_tensors(model: LSTMbyHand, data: TrainingData) -> tuple[float, dict[str, float], list[float]]:
    """Loss summed over every sequence, the followed predictions, and the twelve weights, as floats."""
    with torch.no_grad():
        predictions = model(data.inputs)
        loss = ((predictions - data.labels) ** 2).sum()
        weights = torch.stack([parameter.detach() for parameter in model.parameters()])
    values = predictions.tolist()
    return loss.item(), {name: values[row] for name, row in data.followed.items()}, weights.tolist()


def evaluate(model: LSTMbyHand, data: TrainingData | None = None) -> tuple[float, dict[str, float]]:
    """Summed squared residual over the sequences (the companies by default) and the followed predictions."""
    loss, predictions, _ = evaluate_tensors(model, companies() if data is None else data)
    return loss, predictions


def steps_per_epoch(recipe: Recipe, sequences: int = len(COMPANIES)) -> int:
    return 1 if recipe.batch_size is None else -(-sequences // recipe.batch_size)


def fit(
    model: LSTMbyHand,
    recipe: Recipe,
    epochs: int,
    callbacks: list[L.Callback],
    log_steps: bool = False,
    data: TrainingData | None = None,
) -> L.Trainer:
    """Train `model` for `epochs` passes over the sequences (the companies by default) as `recipe` batches them."""
    data = companies() if data is None else data
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
    seed: int = 42,
    start: Weights | None = None,
    callbacks: list[L.Callback] | None = None,
) -> RunResult:
    """Train a fresh unit (seeded draw, or `start`) on the two companies and report the result."""
    epochs = recipe.epochs if epochs is None else epochs
    learning_rate = recipe.learning_rate if learning_rate is None else learning_rate
    model = LSTMbyHand(learning_rate=learning_rate, seed=seed, weights=start)
    guard = DivergenceGuard()
    began = time.perf_counter()
    trainer = fit(model, recipe, epochs, [guard, *(callbacks or [])])
    fit_seconds = time.perf_counter() - began
    loss, predictions = evaluate(model)
    return RunResult(
        recipe=recipe.name,
        epochs=epochs,
        steps=trainer.global_step,
        fit_seconds=fit_seconds,
        loss=loss,
        predictions=predictions,
        weights=model.weights(),
        diverged_at_step=guard.diverged_at_step,
    )
