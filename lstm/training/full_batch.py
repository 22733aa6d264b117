"""The fast recipe's loop: every sequence in every step, the module's own loss and Adam, the run's callbacks."""

from __future__ import annotations

from collections.abc import Sequence

import lightning as L
import torch

from lstm.training.data import TrainingData
from lstm.training.model import LSTMbyHand


class FullBatchLoop:
    """Steps a LightningModule on one full batch `steps` times, calling the callback hooks a Trainer would.

    lightning.Trainer spends about as long around each step as the unit's own arithmetic takes (loader,
    loops, hooks it would call for nothing), and with every sequence in one batch it has nothing to
    schedule. This loop keeps what a run of the fast recipe uses: the module's loss with its gradient
    (written out by hand, `loss_with_gradients`), its optimiser, and the callbacks' view of a trainer
    (`global_step`, `should_stop`, `optimizers`). The tutorial's recipe, with its batches, `self.log` and
    autograd, still runs in lightning.Trainer.
    """

    def __init__(self, callbacks: Sequence[L.Callback]):
        self.callbacks = list(callbacks)
        self.global_step = 0
        self.should_stop = False
        self.optimizers: list[torch.optim.Optimizer] = []

    def fit(self, model: LSTMbyHand, steps: int, data: TrainingData) -> None:
        optimizer = model.configure_optimizers()
        self.optimizers = [optimizer]
        batch = (data.inputs, data.labels)
        model.train()
        for callback in self.callbacks:
            callback.on_train_start(self, model)
        for index in range(steps):
            for callback in self.callbacks:
                callback.on_train_batch_start(self, model, batch, index)
            loss = model.loss_with_gradients(batch)
            optimizer.step()
            self.global_step += 1
            outputs = {"loss": loss.detach()}
            for callback in self.callbacks:
                callback.on_train_batch_end(self, model, outputs, batch, index)
            if self.should_stop:
                break
        for callback in self.callbacks:
            callback.on_train_end(self, model)
