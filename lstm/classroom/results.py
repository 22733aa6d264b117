"""What the projector and the teacher's download read: counts per round, and the class's results as CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Mapping
from datetime import datetime

from sqlalchemy import Connection, func, select

from lstm.classroom.base import StoreBase, count, current_round, now_or, teacher_class_row
from lstm.classroom.schema import phones, rounds, votes
from lstm.classroom.views import ClassCounts, Round, Tally

# The CSV's columns: identifiers (keys), then their wording when the page supplies it. Nothing per phone.
CSV_COLUMNS = ("question", "question_text", "round", "choice", "choice_text", "count", "right_answer")
# From a step key to (the question's wording, each choice key's wording), in the teacher's language.
Describe = Callable[[str], tuple[str, Mapping[str, str]]]


class Results(StoreBase):
    def counts(self, code: str, key: str, now: datetime | None = None) -> ClassCounts:
        """The projector's poll: phones joined, and each round of the current question with its counts.

        Counts come with every round; draw the split only where `Round.split_visible` (after "Show the
        votes"), the number who voted before that.
        """
        now = now_or(now)

        def read(connection: Connection) -> ClassCounts:
            row = teacher_class_row(connection, code, key, now)
            joined = count(connection, phones, phones.c.class_id == row.id)
            current = current_round(connection, row.id)
            if current is None:
                return ClassCounts(code=row.code, phones=joined, step=None, rounds=())
            asked = (rounds.c.class_id == row.id, rounds.c.step == current.step)
            tallies = _tallies(connection, select(rounds).where(*asked).order_by(rounds.c.number))
            return ClassCounts(code=row.code, phones=joined, step=current.step, rounds=tallies)

        return self._read(read)

    def results_csv(self, code: str, key: str, describe: Describe | None = None, now: datetime | None = None) -> str:
        """The class's results: a row per question, round and choice with its count and the right answer.

        `describe` gives the wording of a step's question and choices (in the teacher's language) for the
        text columns; without it they stay empty. Nothing in it tells one phone from another.
        """
        now = now_or(now)

        def read(connection: Connection) -> tuple[Tally, ...]:
            row = teacher_class_row(connection, code, key, now)
            return _tallies(connection, select(rounds).where(rounds.c.class_id == row.id).order_by(rounds.c.id))

        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for tally in self._read(read):
            prompt, labels = describe(tally.round.step) if describe else ("", {})
            step, number, right = tally.round.step, tally.round.number, tally.round.right or ""
            for choice in tally.round.choices:
                writer.writerow((step, prompt, number, choice, labels.get(choice, ""), tally.counts[choice], right))
        return out.getvalue()


def _tallies(connection: Connection, query) -> tuple[Tally, ...]:
    """Each round `query` selects, with its votes counted per choice in one grouped query."""
    found = [Round.from_row(row) for row in connection.execute(query)]
    if not found:
        return ()
    grouped = (
        select(votes.c.round_id, votes.c.choice, func.count())
        .where(votes.c.round_id.in_([round_.id for round_ in found]))
        .group_by(votes.c.round_id, votes.c.choice)
    )
    counted: dict[tuple[int, str], int] = {(r, c): n for r, c, n in connection.execute(grouped)}
    tallies = []
    for round_ in found:
        per_choice = {choice: counted.get((round_.id, choice), 0) for choice in round_.choices}
        tallies.append(Tally(round=round_, voted=sum(per_choice.values()), counts=per_choice))
    return tuple(tallies)
