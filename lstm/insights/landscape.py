"""The loss over a grid of two of the twelve weights, the other ten held: one vectorised pass of the unit."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import torch

from lstm.unit.cell import as_tensors, unroll
from lstm.unit.weights import NAMES

GRID_POINTS = 100  # per axis: 10,000 weight pairs, computed at once
MAX_GRID_POINTS = 400
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
        raise ValueError("pick two different weights")
    for name in (x_name, y_name):
        if name not in NAMES:
            raise ValueError(f"{name!r} is not one of the twelve weights")


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

    The same `unroll` as the explorer and the trainer; the two weights are tensors shaped to broadcast
    against each other and against the batch of sequences, so there is no loop over the grid.
    """
    _check_axes(x_name, y_name)
    parameters = as_tensors(weights, inputs.dtype)
    parameters[x_name] = x_values.to(inputs.dtype).reshape(1, -1, 1)
    parameters[y_name] = y_values.to(inputs.dtype).reshape(-1, 1, 1)
    with torch.no_grad():
        predictions = unroll(inputs, parameters).short_memory[..., -1]
    return ((predictions - labels) ** 2).sum(-1)


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
        raise ValueError(f"a grid needs 2 to {MAX_GRID_POINTS} points a side, not {points}")
    ranges = []
    for name in (x_name, y_name):
        seen = [weights[name], *(path[name] if path else ())]
        ranges.append(axis_range(seen))
    x_values = torch.linspace(*ranges[0], points, dtype=torch.float64)
    y_values = torch.linspace(*ranges[1], points, dtype=torch.float64)
    loss = loss_grid(weights, x_name, y_name, x_values, y_values, inputs.to(torch.float64), labels.to(torch.float64))
    held = {name: float(value) for name, value in weights.items() if name not in (x_name, y_name)}
    return Landscape(x_name, y_name, x_values.tolist(), y_values.tolist(), loss.tolist(), held)
