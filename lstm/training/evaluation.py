"""Where a model stands on its data: the loss, the followed predictions and the twelve weights, as floats."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import torch

from lstm.locales import _
from lstm.training.data import TrainingData, companies
from lstm.training.model import LSTMbyHand
from lstm.unit.cell import unroll
from lstm.unit.weights import NAMES, Weights

# Past this, every sigmoid in the unit sits at 0 or 1 and every tanh at ±1 for inputs near 0..1:
# the gradient vanishes and Adam can no longer bring the weights back.
SATURATED_WEIGHT = 20.0


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
    loss, predictions, _weights = evaluate_tensors(model, companies() if data is None else data)
    return loss, predictions


def evaluate_many(weights: Sequence[Weights], data: TrainingData) -> list[tuple[float, dict[str, float]]]:
    """`evaluate` for many sets of weights in one pass: each weight a column that broadcasts over the sequences."""
    with torch.no_grad():
        grid = {name: torch.tensor([[each[name]] for each in weights], dtype=data.inputs.dtype) for name in NAMES}
        predictions = unroll(data.inputs, grid).short_memory[..., -1]  # (sets of weights, sequences)
        losses = ((predictions - data.labels) ** 2).sum(-1)
    rows = predictions.tolist()
    return [
        (loss, {name: row[index] for name, index in data.followed.items()})
        for loss, row in zip(losses.tolist(), rows, strict=True)
    ]


@dataclass(frozen=True)
class Saturation:
    """A run whose weights ran out to where every gate is stuck, so the loss stopped falling."""

    largest_weight: float  # the largest weight's magnitude
    start_loss: float
    loss: float

    def message(self, learning_rate: float) -> str:
        """What went wrong and what to do, in the current language."""
        return _(
            "Training went wrong: the loss is stuck at {loss} (it started at {start}). The learning rate {rate} is "
            "too high: Adam's steps pushed the weights out to {largest}, where every gate is stuck at 0 or 1 and the "
            "gradient vanishes. Reset, lower the learning rate and train again."
        ).format(
            loss=f"{self.loss:.3g}",
            start=f"{self.start_loss:.3g}",
            rate=f"{learning_rate:g}",
            largest=f"{self.largest_weight:.0f}",
        )

    def to_dict(self) -> dict:
        return {"largest_weight": self.largest_weight, "start_loss": self.start_loss, "loss": self.loss}


def saturation(weights: Weights, start_loss: float, loss: float) -> Saturation | None:
    """A Saturation when the weights are past SATURATED_WEIGHT and the loss has not even halved, else None."""
    largest = max(abs(value) for value in weights.values())
    if largest > SATURATED_WEIGHT and loss > start_loss / 2:
        return Saturation(largest, start_loss, loss)
    return None
