"""A sentence per replay frame, from the numbers: what moved most since the last frame and what that did."""

from __future__ import annotations

from collections.abc import Mapping

from lstm.figures.compact_cells import ROWS, SIGNED, value_text
from lstm.unit.trace import STEP_TITLES, Trace

# Below this, a change does not show in the numbers the cells print.
UNSEEN = 0.0005


def _scaled(row: str, change: float) -> float:
    """Changes made comparable: a gate's 0-1 as it is, a signed value over its drawn scale (-1 to 1: half)."""
    return abs(change) / (2 * SIGNED[row]) if row in SIGNED else abs(change)


def _biggest_move(before: Mapping[str, Trace], after: Mapping[str, Trace]) -> tuple[str, str, int, float, float]:
    """The sequence, quantity and day whose value moved most (on comparable scales), with both values."""
    moves = [
        (
            _scaled(row, getattr(now, row) - getattr(then, row)),
            name,
            row,
            now.day,
            getattr(then, row),
            getattr(now, row),
        )
        for name in after
        for then, now in zip(before[name].steps, after[name].steps, strict=True)
        for row in ROWS
    ]
    _, name, row, day, old, new = max(moves, key=lambda move: move[0])
    return name, row, day, old, new


def _prediction_clause(name: str, title: str, old: float, new: float, target: float) -> str:
    if abs(new - old) < UNSEEN:
        return f"{title}'s prediction stayed at {new:.3f}"
    verb = "rose" if new > old else "fell"
    toward = "toward" if abs(new - target) < abs(old - target) else "away from"
    return f"{title}'s prediction {verb} from {old:.3f} to {new:.3f}, {toward} its target {target:g}"


def first_sentence(epoch: int, traces: Mapping[str, Trace], titles: Mapping[str, tuple[str, float]]) -> str:
    """The replay's first frame: where the unit starts."""
    said = ", ".join(f"{titles[name][0]} predicts {trace.prediction:.3f} (target {titles[name][1]:g})"
                     for name, trace in traces.items())  # fmt: skip
    when = "Before training" if epoch == 0 else f"Epoch {epoch:,}"
    return f"{when}: {said}. Press Play to watch the unit learn."


def what_changed(
    epochs: tuple[int, int],
    before: Mapping[str, Trace],
    after: Mapping[str, Trace],
    titles: Mapping[str, tuple[str, float]],
) -> str:
    """One sentence for the step from one frame to the next, naming the value that moved most.

    `titles` gives each followed sequence's title and target (`TrainingData.targets`).
    """
    name, row, day, old, new = _biggest_move(before, after)
    span = f"Epochs {epochs[0]:,} to {epochs[1]:,}"
    if abs(new - old) < UNSEEN:
        return f"{span}: nothing moved enough to show; the unit has settled."
    title, target = titles[name]
    direction = "rose" if new > old else "fell"
    moved = (
        f"{title}'s {STEP_TITLES[row]} on day {day} moved most: it {direction} from {value_text(row, old)} "
        f"to {value_text(row, new)}"
    )
    clause = _prediction_clause(name, title, before[name].prediction, after[name].prediction, target)
    return f"{span}: {moved}, and {clause}."
