"""What the store hands the pages: plain frozen values read from the rows, never live database objects."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from lstm.classroom.schema import OPEN, REVEALED, SHOWN


def utc(moment: datetime) -> datetime:
    """`moment` in UTC; a naive one (SQLite hands those back) is taken to be UTC already."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


@dataclass(frozen=True)
class ClassInfo:
    """A class that is open: its join code and when it ends."""

    code: str
    created_at: datetime
    expires_at: datetime


@dataclass(frozen=True)
class Round:
    """One round of one question: number 1, or 2 after "Discuss, then vote again"."""

    id: int  # what a phone's vote names
    step: str  # the lesson step's key (which question)
    number: int
    state: str  # open, closed, shown or revealed (schema.STATES)
    choices: tuple[str, ...]  # the choices' keys, in order
    right: str | None  # the right choice's key, once revealed
    why: str | None  # the reveal's sentence, in the teacher's language
    weights: Mapping[str, float] | None  # the weights the answer was worked out from
    opened_at: datetime

    @property
    def takes_votes(self) -> bool:
        return self.state == OPEN

    @property
    def split_visible(self) -> bool:
        """Whether the projector may show the split by choice (before "Show the votes" only the totals)."""
        return self.state in (SHOWN, REVEALED)

    @property
    def revealed(self) -> bool:
        return self.state == REVEALED

    @classmethod
    def from_row(cls, row: Any) -> Round:
        return cls(
            id=row.id,
            step=row.step,
            number=row.number,
            state=row.state,
            choices=tuple(row.choices),
            right=row.right,
            why=row.why,
            weights=dict(row.weights) if row.weights is not None else None,
            opened_at=utc(row.opened_at),
        )


@dataclass(frozen=True)
class Tally:
    """A round's votes: how many phones voted, and for each choice (every choice listed, zeros too)."""

    round: Round
    voted: int
    counts: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class ClassCounts:
    """What the projector draws every second: phones joined, and the current question's rounds."""

    code: str
    phones: int
    step: str | None  # the current question's step key, None before the first Ask
    rounds: tuple[Tally, ...]  # round 1, then round 2 when there is one


@dataclass(frozen=True)
class Score:
    """A phone's score for the visit: questions it got right, of those revealed."""

    right: int
    revealed: int


@dataclass(frozen=True)
class PhoneStatus:
    """What a phone's poll learns: the current round, this phone's vote, and after the reveal its result."""

    code: str
    round: Round | None  # None until the teacher asks: "waiting for the teacher"
    vote: str | None  # this phone's choice in the current round
    right: bool | None  # after the reveal: whether this phone's last vote on the question was right
    score: Score
