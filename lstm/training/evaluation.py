"""Where a model stands on its data: the loss, the followed predictions and the twelve weights, as floats."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import torch

from lstm.locales import _
from lstm.training.data import TrainingData, companies
from lstm.training.model import LSTMbyHand
from lstm.unit.cell import gate_weights, lstm_step, unroll
from lstm.unit.weights import NAMES, Weights

# Weight sets times sequences evaluated in one vectorised pass: a long run's epochs go in a few passes of a few MB.
EVALUATED_AT_ONCE = 1 << 16
# Recorded epochs are evaluated in blocks of this many, each epoch at the place its position in the run gives it,
# so an epoch's numbers never depend on which other epochs were evaluated beside it: the CPU's vector units
# round the last bit of a sigmoid differently from its scalar loop, and a block's shape decides which one runs.
BLOCK = 64

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


def evaluate_recorded(
    recorded: Sequence[torch.Tensor], data: TrainingData, position: int = 0
) -> tuple[list[float], dict[str, list[float]], list[list[float]]]:
    """The losses, followed predictions and weights of many epochs from their recorded weights, vectorised.

    Each recorded entry is an epoch's twelve weights in NAMES' order (the parameters' order); `position` is the
    first one's place in its run. Every epoch is a row that broadcasts over the sequences through the model's own
    step, in a few passes rather than one pass each; the same weights at the same place give the same numbers
    however the epochs were grouped (BLOCK).
    """
    weights = torch.stack(list(recorded))
    lead = position % BLOCK
    end = -(-(lead + len(weights)) // BLOCK) * BLOCK
    padded = torch.cat([weights[:1].expand(lead, -1), weights, weights[-1:].expand(end - lead - len(weights), -1)])
    rows = max(1, EVALUATED_AT_ONCE // (BLOCK * max(1, len(data)))) * BLOCK
    losses, predictions = [], []
    with torch.no_grad():
        for chunk in padded.split(rows):
            columns = {name: column[:, None] for name, column in zip(NAMES, chunk.unbind(-1), strict=True)}
            gates = gate_weights(columns)
            long_memory = short_memory = torch.zeros((), dtype=data.inputs.dtype)
            for input_value in data.inputs.unbind(-1):
                step = lstm_step(input_value, long_memory, short_memory, gates)
                long_memory, short_memory = step.long_memory, step.short_memory
            predictions.append(short_memory)  # (epochs, sequences)
            losses.append(((short_memory - data.labels) ** 2).sum(-1))
    kept = slice(lead, lead + len(weights))
    predicted = torch.cat(predictions)[kept]
    followed = {name: predicted[:, row].tolist() for name, row in data.followed.items()}
    return torch.cat(losses)[kept].tolist(), followed, weights.tolist()


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
