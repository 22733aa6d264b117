"""A training run's history as plain data: per epoch the loss, the followed predictions and the twelve weights."""

from __future__ import annotations

import bisect
import csv
import io
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from lstm.unit.weights import NAMES

# Turns recorded epochs' weights (each twelve numbers in NAMES' order, as the worker recorded them: a small tensor),
# the first at the given position in the history, into their losses, their followed predictions (name -> one per
# epoch) and their weights as lists of floats. The history itself needs no torch: the charts that read it are drawn
# without.
Evaluator = Callable[[Sequence[Any], int], tuple[list[float], dict[str, list[float]], list[list[float]]]]


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
    """Appended to by a training worker, read by the page; a lock keeps every read consistent.

    A worker may `record` only an epoch's twelve weights (a copy of one small tensor, a few microseconds); the
    loss and predictions of the recorded epochs are computed when the history is next read, all of them in one
    vectorised pass by `evaluator`, so the run's thread never spends a forward pass per epoch.
    """

    evaluator: Evaluator | None = None
    _epochs: list[int] = field(default_factory=list)
    _loss: list[float] = field(default_factory=list)
    _predictions: dict[str, list[float]] = field(default_factory=dict)
    _weights: dict[str, list[float]] = field(default_factory=lambda: {name: [] for name in NAMES})
    _pending: list[tuple[int, Any]] = field(default_factory=list)  # recorded, not yet evaluated
    _lock: threading.Lock = field(default_factory=threading.Lock)
    # One reader evaluates at a time, outside `_lock`, so the worker's `record` never waits for an evaluation.
    _evaluating: threading.Lock = field(default_factory=threading.Lock)

    def append(self, epoch: int, loss: float, predictions: dict[str, float], weights: list[float]) -> None:
        self._evaluate_pending()  # entries stay in the order they came
        with self._lock:
            self._add([epoch], [loss], {name: [value] for name, value in predictions.items()}, [weights])

    def record(self, epoch: int, weights: Any) -> None:
        """An epoch's twelve weights (NAMES' order), to be evaluated when the history is next read."""
        with self._lock:
            self._pending.append((epoch, weights))

    def _add(
        self, epochs: list[int], loss: list[float], predictions: dict[str, list[float]], weights: list[list[float]]
    ) -> None:
        self._epochs.extend(epochs)
        self._loss.extend(loss)
        for name, values in predictions.items():
            self._predictions.setdefault(name, []).extend(values)
        for name, values in zip(NAMES, zip(*weights, strict=True), strict=True):
            self._weights[name].extend(values)

    def _evaluate_pending(self) -> None:
        # The recorded epochs stay pending (counted by len and last_epoch) until their numbers are in.
        with self._evaluating:
            with self._lock:
                pending, position = list(self._pending), len(self._epochs)
            if not pending:
                return
            if self.evaluator is None:
                raise RuntimeError("a history with recorded weights needs an evaluator")
            loss, predictions, weights = self.evaluator([row for __, row in pending], position)
            with self._lock:
                self._add([epoch for epoch, __ in pending], loss, predictions, weights)
                del self._pending[: len(pending)]

    def __len__(self) -> int:
        with self._lock:
            return len(self._epochs) + len(self._pending)

    def last_epoch(self) -> int:
        with self._lock:
            if self._pending:
                return self._pending[-1][0]
            return self._epochs[-1] if self._epochs else 0

    def view(self, after: int | None = None) -> HistoryView:
        """Every entry, or those past epoch `after` and always the last one; every recorded epoch evaluated.

        A page that has drawn the run up to an epoch reads only what came since: no copy of a long history.
        """
        self._evaluate_pending()
        with self._lock:
            start = 0 if after is None else min(bisect.bisect_right(self._epochs, after), len(self._epochs) - 1)
            return HistoryView(
                self._epochs[start:],
                self._loss[start:],
                {name: values[start:] for name, values in self._predictions.items()},
                {name: values[start:] for name, values in self._weights.items()},
            )
