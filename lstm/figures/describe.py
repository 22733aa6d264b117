"""Each figure in words: a short name and a sentence or two on what it shows now, for a screen reader's label."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lstm.figures.numbers import plain_number
from lstm.locales import _, ngettext
from lstm.unit.explain import value_text
from lstm.unit.stages import Position, frame_count, stage_title
from lstm.unit.trace import Trace

if TYPE_CHECKING:
    from lstm.insights.backprop import Backprop
    from lstm.insights.landscape import Landscape
    from lstm.training.history import HistoryView
    from lstm.training.snapshots import Snapshot


@dataclass(frozen=True)
class FigureText:
    """A figure's accessible name (a few words) and its description (what it shows at this moment)."""

    name: str
    description: str


def _numbers(values: Sequence[float]) -> str:
    """Numbers as a list a screen reader says one by one: "0, 0.5, 0.25, 1"."""
    return ", ".join(plain_number(value) for value in values)


def unrolled_text(
    trace: Trace,
    position: Position,
    weights_said: str,
    open_day: int | None = None,
    compared: str | None = None,
) -> FigureText:
    """The unrolled unit at `position`: its days and inputs, its weights (`weights_said`, as the page names them,
    e.g. "the tutorial's trained weights"), the stage shown, and the prediction once the animation has computed
    it, never before. `open_day` (0-based) is the opened cell; `compared` names the days written beside."""
    days = len(trace.steps)
    name = ngettext("The LSTM unit unrolled over {count} day", "The LSTM unit unrolled over {count} days", days)
    said = [
        ngettext(
            "One cell for {count} day, inputs {inputs}, with {weights}.",
            "One cell a day for {count} days, inputs {inputs}, with {weights}.",
            days,
        ).format(count=days, inputs=_numbers([step.input for step in trace.steps]), weights=weights_said)
    ]
    if position.day_index is None:
        said.append(_("Shown: the start, both memories at 0."))
    else:
        said.append(
            _("Shown: day {day}, {stage}.").format(day=position.day_index + 1, stage=stage_title(position.stage))
        )
    if position.frame == frame_count(days) - 1:
        said.append(_("The prediction is {prediction}.").format(prediction=value_text(trace.prediction)))
    if open_day is not None:
        said.append(_("Day {day}'s cell is open, with every weight and sum on its wires.").format(day=open_day + 1))
    if compared is not None:
        said.append(_("The memories of {compared} are written beside the lines.").format(compared=compared))
    return FigureText(name.format(count=days), " ".join(said))


def backprop_text(result: Backprop, frame: int) -> FigureText:
    """Backpropagation at `frame` of its walk (0: the loss alone; k: back to day n-k+1, as `walk_back` plays it)."""
    days = len(result.days)
    name = ngettext("Backpropagation through {count} day", "Backpropagation through {count} days", days).format(
        count=days
    )
    said = [
        _("The loss is {loss}: prediction {prediction}, target {target}.").format(
            loss=plain_number(result.loss, 3), prediction=value_text(result.prediction),
            target=plain_number(result.target),
        )
    ]  # fmt: skip
    if frame == 0:
        said.append(_("Its gradient starts back from the prediction."))
    else:
        day = days - frame
        said.append(
            _("The gradient has walked back to day {day}, where the long-term memory's gradient is {gradient}.").format(
                day=day + 1, gradient=plain_number(result.long_memory[day], 3)
            )
        )
    said.append(_("Below, each weight's share of the gradient through each day reached."))
    return FigureText(name, " ".join(said))


def landscape_text(landscape: Landscape, at: tuple[int, float] | None = None) -> FigureText:
    """The loss over two weights, its lowest point, and with a run the epoch and loss the marker is at (`at`)."""
    x_name, y_name = landscape.x_name, landscape.y_name
    x, y, lowest = landscape.lowest
    said = [
        _(
            "The loss for {x_name} from {x_low} to {x_high} and {y_name} from {y_low} to {y_high}, the other ten "
            "weights held. Lowest on this map: loss {loss} at {x_name} {x}, {y_name} {y}."
        ).format(
            x_name=x_name, y_name=y_name, x_low=value_text(landscape.x_values[0]),
            x_high=value_text(landscape.x_values[-1]), y_low=value_text(landscape.y_values[0]),
            y_high=value_text(landscape.y_values[-1]), loss=plain_number(lowest, 3), x=value_text(x), y=value_text(y),
        )
    ]  # fmt: skip
    if at is not None:
        epoch, loss = at
        said.append(
            _("A training run crosses it; at epoch {epoch} its loss is {loss}.").format(
                epoch=epoch, loss=plain_number(loss, 3)
            )
        )
    name = _("Loss landscape over {x_name} and {y_name}").format(x_name=x_name, y_name=y_name)
    return FigureText(name, " ".join(said))


def loss_text(runs: Sequence[tuple[str, HistoryView]]) -> FigureText:
    """The loss curves as `loss_figure` draws them: how many runs, and where the current (last) one is."""
    said = [ngettext("The loss of {count} run by epoch.", "The loss of {count} runs by epoch.", len(runs))]
    said[0] = said[0].format(count=len(runs))
    if runs and len(runs[-1][1]):
        label, history = runs[-1]
        said.append(
            _("The current run, {run}, is at epoch {epoch} with loss {loss}.").format(
                run=label, epoch=history.epochs[-1], loss=plain_number(history.loss[-1], 3)
            )
        )
    return FigureText(_("Training loss"), " ".join(said))


def replay_text(snapshot: Snapshot, last_epoch: int, targets: Mapping[str, tuple[str, float]]) -> FigureText:
    """The replay at `snapshot`: the epoch of the run's `last_epoch`, its loss, each followed prediction."""
    said = [
        _("Epoch {epoch} of {last}: loss {loss}.").format(
            epoch=snapshot.epoch, last=last_epoch, loss=plain_number(snapshot.loss, 3)
        )
    ]
    for key, (title, target) in targets.items():
        said.append(
            _("{sequence} predicts {prediction} (target {target}).").format(
                sequence=title, prediction=value_text(snapshot.predictions[key]), target=plain_number(target)
            )
        )
    return FigureText(_("Replay of the training run"), " ".join(said))
