"""A training run's history as plain data: per epoch the loss, the followed predictions and the twelve weights."""

from __future__ import annotations

import csv
import io
import threading
from dataclasses import dataclass, field

from lstm.unit.weights import NAMES


@dataclass(frozen=True)
class HistoryView:
    """A consistent copy of a history, safe to draw while training goes on."""

    epochs: list[int]
    loss: list[float]  # squared residuals summed over every sequence trained on
    predictions: dict[str, list[float]]  # followed sequence (Company A, ...) -> its prediction per epoch
    weights: dict[str, list[float]]

    def __len__(self) -> int:
        return len(self.epochs)

    def thinned(self, points: int) -> HistoryView:
        """At most about `points` entries, evenly spaced, always keeping the last: charts stay light."""
        if len(self) <= points:
            return self
        stride = -(-len(self) // points)
        keep = list(range(0, len(self), stride))
        if keep[-1] != len(self) - 1:
            keep.append(len(self) - 1)
        return HistoryView(
            [self.epochs[i] for i in keep],
            [self.loss[i] for i in keep],
            {name: [values[i] for i in keep] for name, values in self.predictions.items()},
            {name: [values[i] for i in keep] for name, values in self.weights.items()},
        )

    def to_csv(self) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["epoch", "loss", *(f"prediction_{name}" for name in self.predictions), *NAMES])
        for index, epoch in enumerate(self.epochs):
            row = [epoch, self.loss[index], *(values[index] for values in self.predictions.values())]
            writer.writerow(row + [self.weights[name][index] for name in NAMES])
        return buffer.getvalue()


@dataclass
class History:
    """Appended to by a training worker, read by the page; a lock keeps every read consistent."""

    _epochs: list[int] = field(default_factory=list)
    _loss: list[float] = field(default_factory=list)
    _predictions: dict[str, list[float]] = field(default_factory=dict)
    _weights: dict[str, list[float]] = field(default_factory=lambda: {name: [] for name in NAMES})
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def append(self, epoch: int, loss: float, predictions: dict[str, float], weights: list[float]) -> None:
        with self._lock:
            self._epochs.append(epoch)
            self._loss.append(loss)
            for name, value in predictions.items():
                self._predictions.setdefault(name, []).append(value)
            for name, value in zip(NAMES, weights, strict=True):
                self._weights[name].append(value)

    def __len__(self) -> int:
        return len(self._epochs)

    def last_epoch(self) -> int:
        with self._lock:
            return self._epochs[-1] if self._epochs else 0

    def view(self) -> HistoryView:
        with self._lock:
            return HistoryView(
                list(self._epochs),
                list(self._loss),
                {name: list(values) for name, values in self._predictions.items()},
                {name: list(values) for name, values in self._weights.items()},
            )
