"""The tutorial's LSTMbyHand as a LightningModule: twelve scalar parameters trained with Adam."""

from __future__ import annotations

import lightning as L
import torch
from torch import nn
from torch.optim import Adam

from lstm.unit.cell import LAID_OUT, GateWeights, gate_weights, lstm_step
from lstm.unit.unrolled_gradient import unrolled_backward, unrolled_forward
from lstm.unit.weights import NAMES, TUTORIAL_SEED, Weights


class LSTMbyHand(L.LightningModule):
    """The unit from the tutorial, line for line, with its arithmetic shared with the explorer.

    `seed` seeds a generator owned by this model (not the process-wide one), so two visitors
    creating models at once get the tutorial's numbers each. `weights`, if given, replaces the draw.
    """

    def __init__(self, learning_rate: float = 0.001, seed: int = TUTORIAL_SEED, weights: Weights | None = None):
        super().__init__()
        self.learning_rate = learning_rate
        generator = torch.Generator().manual_seed(seed)
        mean = torch.tensor(0.0)
        std = torch.tensor(1.0)

        def drawn() -> nn.Parameter:
            return nn.Parameter(torch.normal(mean=mean, std=std, generator=generator), requires_grad=True)

        def zero() -> nn.Parameter:
            return nn.Parameter(torch.tensor(0.0), requires_grad=True)

        self.wlr1 = drawn()
        self.wlr2 = drawn()
        self.blr1 = zero()

        self.wpr1 = drawn()
        self.wpr2 = drawn()
        self.bpr1 = zero()

        self.wp1 = drawn()
        self.wp2 = drawn()
        self.bp1 = zero()

        self.wo1 = drawn()
        self.wo2 = drawn()
        self.bo1 = zero()

        if weights is not None:
            self.set_weights(weights)

    def named_weights(self) -> dict[str, torch.Tensor]:
        return {name: getattr(self, name) for name in NAMES}

    def lstm_unit(self, input_value, long_memory, short_memory, gates: GateWeights | None = None):
        # `forward` lays the weights out by gate once per pass and hands them in; alone, the unit does it.
        gates = gate_weights(self.named_weights()) if gates is None else gates
        step = lstm_step(input_value, long_memory, short_memory, gates)
        return [step.long_memory, step.short_memory]

    def forward(self, input):
        # As the tutorial: from zero memories, the unit once per day; the prediction is the last
        # short memory. The last dimension holds the days, so a batch of sequences runs at once.
        gates = gate_weights(self.named_weights())
        long_memory = short_memory = torch.zeros((), dtype=input.dtype)
        for input_value in input.unbind(-1):
            [long_memory, short_memory] = self.lstm_unit(input_value, long_memory, short_memory, gates)
        return short_memory

    def configure_optimizers(self):
        # Adam as in the tutorial; `fused` updates all twelve parameters in one kernel instead of twelve.
        return Adam(self.parameters(), lr=self.learning_rate, fused=True)

    @staticmethod
    def squared_error(output, label):
        return ((output - label) ** 2).sum()

    def loss_with_gradients(self, batch) -> torch.Tensor:
        """A batch's loss, as `training_step` computes it, with each weight's gradient set as `zero_grad()` then
        `loss.backward()` would set it: the fast loop's step, without the tutorial's logging.

        Autograd would record the unrolled pass operation by operation and replay each backwards, which for
        twelve scalars costs three times the arithmetic; the gradient is written out by hand instead, and
        tests hold it equal to autograd's.
        """
        inputs, labels = batch
        with torch.no_grad():
            weights = self.named_weights()
            gates = gate_weights(weights)
            predictions, tape = unrolled_forward(inputs, gates)
            gradients = unrolled_backward(tape, gates, 2 * (predictions - labels))
            for name, gradient in zip(LAID_OUT, torch.cat(gradients).unbind(), strict=True):
                weights[name].grad = gradient
            return self.squared_error(predictions, labels)

    def training_step(self, batch, batch_idx):
        input_i, label_i = batch
        output_i = self.forward(input_i)
        loss = self.squared_error(output_i, label_i)

        batch_size = len(label_i)
        self.log("train_loss", loss, batch_size=batch_size)
        # As the tutorial: out_0 follows the company whose label is 0, out_1 the other. Detached,
        # because a logged number needs no gradient and the graph should not grow for it.
        predictions = output_i.detach()
        is_zero = label_i == 0
        if is_zero.any():
            self.log("out_0", predictions[is_zero].mean(), batch_size=batch_size)
        if not is_zero.all():
            self.log("out_1", predictions[~is_zero].mean(), batch_size=batch_size)
        return loss

    def weights(self) -> Weights:
        return Weights.from_mapping({name: value.item() for name, value in self.named_weights().items()})

    def set_weights(self, weights: Weights) -> None:
        with torch.no_grad():
            for name, value in weights.items():
                getattr(self, name).fill_(value)
