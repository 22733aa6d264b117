"""Snapshots of a run: at most K epochs of it, the first (untrained) and the last always, with weights and outcome."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lstm.locales import _
from lstm.training.history import HistoryView
from lstm.unit.weights import Weights

MIN_SNAPSHOTS = 2
MAX_SNAPSHOTS = 500
# A replay spaces its frames by how much changed, but keeps this share spaced by epoch, so a quiet
# stretch of a run (a plateau before the burst) still gets frames.
EVEN_SHARE = 0.25


@dataclass(frozen=True)
class Snapshot:
    """The unit at the end of one epoch (epoch 0: before any step)."""

    epoch: int  # passes over the data done
    weights: Weights
    loss: float  # squared residuals summed over every sequence trained on
    predictions: dict[str, float]  # followed sequence (Company A, B) -> prediction

    def to_dict(self) -> dict:
        return {"epoch": self.epoch, "weights": dict(self.weights), "loss": self.loss, "predictions": self.predictions}


def check_count(count: int) -> int:
    """A number of snapshots from outside: a whole number from 2 to 500."""
    if isinstance(count, bool) or not isinstance(count, int) or not MIN_SNAPSHOTS <= count <= MAX_SNAPSHOTS:
        raise ValueError(
            _("snapshots must be a whole number from {least} to {most}, not {count}").format(
                least=MIN_SNAPSHOTS, most=MAX_SNAPSHOTS, count=repr(count)
            )
        )
    return count


def spread(last: int, count: int) -> list[int]:
    """At most `count` whole numbers from 0 to `last`, evenly spaced, 0 and `last` included, none twice.

    Integer arithmetic rounds half up, so consecutive picks are at least one apart whenever there is room.
    """
    if last <= 0:
        return [0]
    count = min(count, last + 1)
    gaps = count - 1
    return [(2 * index * last + gaps) // (2 * gaps) for index in range(count)]


def _change_per_entry(view: HistoryView) -> list[float]:
    """How far the unit moved into each entry from the one before: predictions, plus weights scaled down."""
    changes = [0.0]
    for index in range(1, len(view)):
        moved = sum(abs(values[index] - values[index - 1]) for values in view.predictions.values())
        moved += sum(abs(values[index] - values[index - 1]) for values in view.weights.values()) / len(view.weights)
        changes.append(moved)
    return changes


def spread_by_change(view: HistoryView, count: int) -> list[int]:
    """At most `count` positions in `view`, dense where the unit changed most, first and last included."""
    last = len(view) - 1
    if last + 1 <= count:
        return list(range(last + 1))
    changes = _change_per_entry(view)
    total = sum(changes)
    progress, cumulative = [], 0.0
    for index, change in enumerate(changes):
        cumulative += change
        share = cumulative / total if total > 0 else index / last
        progress.append((1 - EVEN_SHARE) * share + EVEN_SHARE * index / last)
    picks, position = [0], 0
    for goal in range(1, count - 1):
        target = goal / (count - 1)
        while position < last and progress[position] < target:
            position += 1
        if position > picks[-1] and position < last:
            picks.append(position)
    return [*picks, last]


def from_history(view: HistoryView, positions: Sequence[int]) -> list[Snapshot]:
    """The history's entries at `positions` as snapshots."""
    return [
        Snapshot(
            view.epochs[index],
            Weights.from_mapping({name: values[index] for name, values in view.weights.items()}),
            view.loss[index],
            {name: values[index] for name, values in view.predictions.items()},
        )
        for index in positions
    ]


def evenly(view: HistoryView, count: int) -> list[Snapshot]:
    """At most `count` snapshots of a history, evenly spread by epoch, as the command line gives them."""
    return from_history(view, spread(len(view) - 1, check_count(count)))


# Where the tutorial stopped and printed its predictions: 2000 epochs, then resumed to 3000 and 5000.
TUTORIAL_STOPS = (2000, 3000, 5000)
CLOSE_ENOUGH = 0.05  # a prediction this close to its target counts as learned


@dataclass(frozen=True)
class Milestone:
    """A moment of a run worth marking on its loss curve."""

    epoch: int
    loss: float
    label: str


def milestones(view: HistoryView, targets: dict[str, tuple[str, float]], tutorial: bool) -> list[Milestone]:
    """When every prediction first came within CLOSE_ENOUGH of its target; for the tutorial's recipe, its stops.

    `targets` gives each followed sequence's title and target (`TrainingData.targets`).
    """
    marks = []
    for index, epoch in enumerate(view.epochs):
        if all(
            abs(view.predictions[name][index] - target) <= CLOSE_ENOUGH for name, (_title, target) in targets.items()
        ):
            said = _("all within {close} of target").format(close=f"{CLOSE_ENOUGH:g}")
            marks.append(Milestone(epoch, view.loss[index], said))
            break
    if tutorial:
        where = {epoch: index for index, epoch in enumerate(view.epochs)}
        for stop in (stop for stop in TUTORIAL_STOPS if stop in where):
            said = ", ".join(
                f"{title} {view.predictions[name][where[stop]]:.4f}" for name, (title, _target) in targets.items()
            )
            marks.append(
                Milestone(
                    stop, view.loss[where[stop]], _("the tutorial's stop: {predictions}").format(predictions=said)
                )
            )
    return marks
