"""The loss over a grid of two of the twelve weights, the other ten held: the unit over the grid, in bounded chunks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import torch

from lstm.locales import _
from lstm.unit.cell import as_tensors, gate_weights, lstm_step
from lstm.unit.weights import NAMES

GRID_POINTS = 100  # per axis: 10,000 weight pairs
MAX_GRID_POINTS = 400
# Grid points x windows computed at once. A chunk's tensors are (points, windows, 4) float64, about
# 2 MB each at this budget; a handful are alive at a time, whatever the grid and the series.
CHUNK_BUDGET = 2**16
# Grid points x windows x days per map: the time a map takes is bounded by this, whatever the series.
# A long series is evaluated over its latest windows only (the page says how many).
MAX_CELL_STEPS = 16_000_000
# Around the current point and the path, so a valley's walls show: at least this far either side,
# and a sixth of the span beyond the furthest point.
MIN_HALF_SPAN = 1.5
MARGIN = 1 / 6


@dataclass(frozen=True)
class Landscape:
    """The loss at every (x, y) pair of two weights; rows follow y, columns follow x."""

    x_name: str
    y_name: str
    x_values: list[float]
    y_values: list[float]
    loss: list[list[float]]  # loss[row][column]: y_values[row], x_values[column]
    held: dict[str, float]  # the other ten weights, as they were held
    windows: int = 0  # the sequences the loss adds up: the latest `windows` of `of_windows`
    of_windows: int = 0

    @property
    def lowest(self) -> tuple[float, float, float]:
        """The grid's lowest point: x, y and its loss."""
        value, row, column = min(
            (value, row, column) for row, values in enumerate(self.loss) for column, value in enumerate(values)
        )
        return self.x_values[column], self.y_values[row], value


def axis_range(values: Sequence[float]) -> tuple[float, float]:
    """A range that holds every value (the current one and a path), with room around them."""
    low, high = min(values), max(values)
    middle = (low + high) / 2
    half = max(MIN_HALF_SPAN, (high - low) / 2 * (1 + 2 * MARGIN))
    return middle - half, middle + half


def _check_axes(x_name: str, y_name: str) -> None:
    if x_name == y_name:
        raise ValueError(_("pick two different weights"))
    for name in (x_name, y_name):
        if name not in NAMES:
            raise ValueError(_("{name} is not one of the twelve weights").format(name=repr(name)))


def loss_grid(
    weights: Mapping[str, float],
    x_name: str,
    y_name: str,
    x_values: torch.Tensor,
    y_values: torch.Tensor,
    inputs: torch.Tensor,
    labels: torch.Tensor,
) -> torch.Tensor:
    """Summed squared residual over every sequence, for every pair: shape (len(y_values), len(x_values)).

    The same `lstm_step` as the explorer and the trainer. The grid is walked in chunks of at most
    CHUNK_BUDGET points x sequences: within a chunk the two weights are columns that broadcast against
    the sequences, and only the two memories of the current day are kept, never every stage.
    """
    _check_axes(x_name, y_name)
    dtype = inputs.dtype
    grid_y, grid_x = torch.meshgrid(y_values.to(dtype), x_values.to(dtype), indexing="ij")
    flat_x, flat_y = grid_x.reshape(-1, 1), grid_y.reshape(-1, 1)
    held = as_tensors(weights, dtype)
    chunk = max(1, CHUNK_BUDGET // max(1, inputs.shape[0]))
    loss = torch.empty(flat_x.shape[0], dtype=dtype)
    with torch.no_grad():
        for start in range(0, flat_x.shape[0], chunk):
            parameters = {**held, x_name: flat_x[start : start + chunk], y_name: flat_y[start : start + chunk]}
            gates = gate_weights(parameters)
            long_memory = short_memory = torch.zeros((), dtype=dtype)
            for day in inputs.unbind(-1):
                step = lstm_step(day, long_memory, short_memory, gates)
                long_memory, short_memory = step.long_memory, step.short_memory
            loss[start : start + chunk] = ((short_memory - labels) ** 2).sum(-1)
    return loss.reshape(len(y_values), len(x_values))


def evaluated_windows(windows: int, days: int, points: int) -> int:
    """How many of the latest windows a map of `points` a side evaluates: all, up to MAX_CELL_STEPS."""
    return max(1, min(windows, MAX_CELL_STEPS // (points * points * max(1, days))))


def landscape(
    weights: Mapping[str, float],
    x_name: str,
    y_name: str,
    inputs: torch.Tensor,
    labels: torch.Tensor,
    path: Mapping[str, Sequence[float]] | None = None,
    points: int = GRID_POINTS,
) -> Landscape:
    """The landscape around `weights` (and around `path`, a run's weights per epoch, if given)."""
    _check_axes(x_name, y_name)
    if not 2 <= points <= MAX_GRID_POINTS:
        raise ValueError(
            _("a grid needs 2 to {most} points a side, not {points}").format(most=MAX_GRID_POINTS, points=points)
        )
    ranges = []
    for name in (x_name, y_name):
        seen = [weights[name], *(path[name] if path else ())]
        ranges.append(axis_range(seen))
    x_values = torch.linspace(*ranges[0], points, dtype=torch.float64)
    y_values = torch.linspace(*ranges[1], points, dtype=torch.float64)
    total = inputs.shape[0]
    kept = evaluated_windows(total, inputs.shape[-1], points)
    inputs, labels = inputs[-kept:].to(torch.float64), labels[-kept:].to(torch.float64)
    loss = loss_grid(weights, x_name, y_name, x_values, y_values, inputs, labels)
    held = {name: float(value) for name, value in weights.items() if name not in (x_name, y_name)}
    return Landscape(x_name, y_name, x_values.tolist(), y_values.tolist(), loss.tolist(), held, kept, total)
