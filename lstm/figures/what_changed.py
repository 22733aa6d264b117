"""Sentences per replay frame, from the numbers: what moved most since the last frame and what that did."""

from __future__ import annotations

from collections.abc import Mapping

from lstm.figures.compact_cells import ROWS, SIGNED, value_text
from lstm.figures.numbers import plain_number
from lstm.locales import _, whole
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
    __, name, row, day, old, new = max(moves, key=lambda move: move[0])
    return name, row, day, old, new


def _prediction_sentence(title: str, old: float, new: float, target: float) -> str:
    """How a followed sequence's prediction moved, and whether toward its target."""
    values = {"sequence": title, "old": f"{old:.3f}", "new": f"{new:.3f}", "target": plain_number(target)}
    if abs(new - old) < UNSEEN:
        return _("{sequence}'s prediction stayed at {new}.").format(**values)
    toward = abs(new - target) < abs(old - target)
    if new > old:
        if toward:
            return _("{sequence}'s prediction rose from {old} to {new}, toward its target {target}.").format(**values)
        return _("{sequence}'s prediction rose from {old} to {new}, away from its target {target}.").format(**values)
    if toward:
        return _("{sequence}'s prediction fell from {old} to {new}, toward its target {target}.").format(**values)
    return _("{sequence}'s prediction fell from {old} to {new}, away from its target {target}.").format(**values)


def first_sentence(epoch: int, traces: Mapping[str, Trace], titles: Mapping[str, tuple[str, float]]) -> str:
    """The replay's first frame: where the unit starts."""
    said = ", ".join(
        _("{sequence} predicts {prediction} (target {target})").format(
            sequence=titles[name][0], prediction=f"{trace.prediction:.3f}", target=plain_number(titles[name][1])
        )
        for name, trace in traces.items()
    )
    if epoch == 0:
        return _("Before training: {predictions}. Press Play to watch the unit learn.").format(predictions=said)
    return _("Epoch {epoch}: {predictions}. Press Play to watch the unit learn.").format(
        epoch=whole(epoch), predictions=said
    )


def what_changed(
    epochs: tuple[int, int],
    before: Mapping[str, Trace],
    after: Mapping[str, Trace],
    titles: Mapping[str, tuple[str, float]],
) -> str:
    """Two sentences for the step from one frame to the next: the value that moved most, and the prediction.

    `titles` gives each followed sequence's title and target (`TrainingData.targets`).
    """
    name, row, day, old, new = _biggest_move(before, after)
    span = {"first": whole(epochs[0]), "last": whole(epochs[1])}
    if abs(new - old) < UNSEEN:
        return _("Epochs {first} to {last}: nothing moved enough to show; the unit has settled.").format(**span)
    title, target = titles[name]
    values = {**span, "sequence": title, "quantity": _(STEP_TITLES[row]), "day": day,
              "old": value_text(row, old), "new": value_text(row, new)}  # fmt: skip
    if new > old:
        moved = _(
            "Epochs {first} to {last}: {sequence}'s {quantity} on day {day} moved most: it rose from {old} to {new}."
        )
    else:
        moved = _(
            "Epochs {first} to {last}: {sequence}'s {quantity} on day {day} moved most: it fell from {old} to {new}."
        )
    prediction = _prediction_sentence(title, before[name].prediction, after[name].prediction, target)
    return f"{moved.format(**values)} {prediction}"
