"""Where a model stands on its data: the loss, the followed predictions and the twelve weights, as floats."""

from __future__ import annotations

import torch

from lstm.training.data import TrainingData, companies
from lstm.training.model import LSTMbyHand


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
