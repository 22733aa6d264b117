"""What a run trains on, as tensors: the tutorial's two companies, or any sequences with their next days."""

from __future__ import annotations

from dataclasses import dataclass, field

import torch
from torch.utils.data import TensorDataset

from lstm.locales import N_, _
from lstm.unit.days import COMPANIES


def company_tensors() -> tuple[torch.Tensor, torch.Tensor]:
    """Inputs (2 companies x 4 days) and labels (2), A first, in float32 like the tutorial."""
    inputs = torch.tensor([days for days, _ in COMPANIES.values()])
    labels = torch.tensor([label for _, label in COMPANIES.values()])
    return inputs, labels


@dataclass(frozen=True)
class TrainingData:
    """What a run trains on: sequences of day values, each labelled with the day after it.

    Its words are catalogue entries with their places, said in the language of whoever reads them: a run
    outlives a change of the page's language.
    """

    name_text: str  # a catalogue entry naming the data: "the tutorial's two companies"; may have {places}
    inputs: torch.Tensor  # (sequences, days), float32
    labels: torch.Tensor  # (sequences,): the next day of each sequence
    followed: dict[str, int] = field(default_factory=dict)  # predictions drawn per epoch: key -> sequence
    titles: dict[str, str] = field(default_factory=dict)  # each followed key's title, a catalogue entry
    name_places: dict[str, object] = field(default_factory=dict)  # what fills name_text's places

    def __len__(self) -> int:
        return len(self.labels)

    @property
    def name(self) -> str:
        """The data as the page says it, in the current language."""
        return _(self.name_text).format(**self.name_places)

    def same_as(self, other: TrainingData) -> bool:
        return (
            (self.name_text, self.name_places) == (other.name_text, other.name_places)
            and bool(torch.equal(self.inputs, other.inputs))
            and bool(torch.equal(self.labels, other.labels))
        )

    def dataset(self) -> TensorDataset:
        return TensorDataset(self.inputs, self.labels)

    @property
    def targets(self) -> dict[str, tuple[str, float]]:
        """Each followed prediction's title (in the current language) and label, for a chart."""
        return {
            key: (_(self.titles[key]) if key in self.titles else key, float(self.labels[row]))
            for key, row in self.followed.items()
        }


def companies() -> TrainingData:
    """The tutorial's data; the page follows both companies' predictions."""
    return TrainingData(
        N_("the tutorial's two companies"),
        *company_tensors(),
        followed={"A": 0, "B": 1},
        titles={"A": N_("Company A"), "B": N_("Company B")},
    )
