"""What a run trains on, as tensors: the tutorial's two companies, or any sequences with their next days."""

from __future__ import annotations

from dataclasses import dataclass, field

import torch
from torch.utils.data import TensorDataset

from lstm.unit.days import COMPANIES


def company_tensors() -> tuple[torch.Tensor, torch.Tensor]:
    """Inputs (2 companies x 4 days) and labels (2), A first, in float32 like the tutorial."""
    inputs = torch.tensor([days for days, _ in COMPANIES.values()])
    labels = torch.tensor([label for _, label in COMPANIES.values()])
    return inputs, labels


@dataclass(frozen=True)
class TrainingData:
    """What a run trains on: sequences of day values, each labelled with the day after it."""

    name: str  # as the page says it: "the tutorial's two companies"
    inputs: torch.Tensor  # (sequences, days), float32
    labels: torch.Tensor  # (sequences,): the next day of each sequence
    followed: dict[str, int] = field(default_factory=dict)  # predictions drawn per epoch: name -> sequence
    title: str = "{}"  # how a chart's legend names a followed sequence: "Company {}" gives "Company A"

    def __len__(self) -> int:
        return len(self.labels)

    def same_as(self, other: TrainingData) -> bool:
        return (
            self.name == other.name
            and bool(torch.equal(self.inputs, other.inputs))
            and bool(torch.equal(self.labels, other.labels))
        )

    def dataset(self) -> TensorDataset:
        return TensorDataset(self.inputs, self.labels)

    @property
    def targets(self) -> dict[str, tuple[str, float]]:
        """Each followed prediction's title and label, for a chart."""
        return {name: (self.title.format(name), float(self.labels[row])) for name, row in self.followed.items()}


def companies() -> TrainingData:
    """The tutorial's data; the page follows both companies' predictions."""
    return TrainingData("the tutorial's two companies", *company_tensors(), {"A": 0, "B": 1}, "Company {}")
