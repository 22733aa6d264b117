"""The callbacks of a run: stop on divergence, record epochs, carry Adam's state over, keep snapshots, set a pace."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from copy import deepcopy

import lightning as L
import torch

from lstm.training.history import History
from lstm.training.model import LSTMbyHand
from lstm.unit.weights import MAX_MAGNITUDE, Weights


class DivergenceGuard(L.Callback):
    """Stops a run whose loss or weights stop being finite numbers, and restores the last good weights.

    Too high a learning rate (try 10) sends the loss to inf or nan within a few steps; the weights
    one step earlier are the last ones worth keeping.
    """

    def __init__(self) -> None:
        self.diverged_at_step: int | None = None
        self._parameters: list[torch.Tensor] = []
        self._last_good: torch.Tensor | None = None

    def on_train_start(self, trainer, pl_module) -> None:
        # Looked up once: the module's parameter walk costs more than the check itself, every step.
        self._parameters = list(pl_module.parameters())
        self._last_good = self._snapshot()

    def _snapshot(self) -> torch.Tensor:
        with torch.no_grad():
            return torch.stack(self._parameters)

    def on_train_batch_end(self, trainer, pl_module, outputs, batch, batch_idx) -> None:
        parameters = self._snapshot()
        if bool(torch.isfinite(outputs["loss"]) & (parameters.abs().max() <= MAX_MAGNITUDE)):
            self._last_good = parameters  # the weights the next step starts from
            return
        self.diverged_at_step = trainer.global_step
        with torch.no_grad():
            for parameter, value in zip(self._parameters, self._last_good, strict=True):
                parameter.copy_(value)
        trainer.should_stop = True


class ProgressStream(L.Callback):
    """Records every epoch into a History and stops the run when `should_stop` gives a reason.

    `should_stop` is asked after every epoch (one or two optimiser steps, a few milliseconds), so a
    stop lands at once. An epoch's record is a copy of its twelve weights, a few microseconds; the history
    computes the loss and predictions of the recorded epochs when the page reads it, many at once, so
    watching a run costs its thread almost nothing.
    """

    def __init__(
        self,
        history: History,
        steps_per_epoch: int,
        first_epoch: int,
        should_stop: Callable[[], str | None] = lambda: None,
    ):
        self.history = history
        self.steps_per_epoch = steps_per_epoch
        self.epoch = first_epoch
        self.should_stop = should_stop
        self.steps = 0
        self.stop_reason: str | None = None
        self._parameters: list[torch.Tensor] = []

    def on_train_start(self, trainer, pl_module) -> None:
        self._parameters = list(pl_module.parameters())  # looked up once, as DivergenceGuard does

    def record(self, pl_module: LSTMbyHand) -> None:
        with torch.no_grad():
            self.history.record(self.epoch, torch.stack(self._parameters or list(pl_module.parameters())))

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


class SnapshotRecorder(L.Callback):
    """Keeps the weights at the end of the chosen epochs: a copy of twelve numbers at a few epochs, nothing else.

    The loss and predictions of each are computed after the run, all at once, so recording costs the
    run nothing it could measure.
    """

    def __init__(self, epochs: Sequence[int], steps_per_epoch: int):
        self.wanted = set(epochs)
        self.steps_per_epoch = steps_per_epoch
        self.steps = 0
        self.weights: dict[int, Weights] = {}

    def on_train_batch_end(self, trainer, pl_module, outputs, batch, batch_idx) -> None:
        self.steps += 1
        if self.steps % self.steps_per_epoch == 0 and self.steps // self.steps_per_epoch in self.wanted:
            self.weights[self.steps // self.steps_per_epoch] = pl_module.weights()


class Pace(L.Callback):
    """Spreads a run over at least `seconds`, so a class can watch a fast run learn; `stop` cuts the wait short."""

    def __init__(self, seconds: float, steps: int, stop: threading.Event):
        self.seconds = seconds
        self.steps = max(1, steps)
        self.stop = stop
        self.done = 0
        self.began = time.monotonic()

    def on_train_start(self, trainer, pl_module) -> None:
        self.began, self.done = time.monotonic(), 0

    def on_train_batch_end(self, trainer, pl_module, outputs, batch, batch_idx) -> None:
        self.done += 1
        due = self.began + self.seconds * self.done / self.steps
        wait = due - time.monotonic()
        if wait > 0:
            self.stop.wait(wait)
