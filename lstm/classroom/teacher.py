"""The teacher's actions: start and end a class, and run its rounds (ask, show, vote again, reveal)."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, insert, select, update

from lstm.classroom.base import (
    StoreBase,
    count,
    current_round,
    delete_classes,
    delete_rounds,
    now_or,
    teacher_class_row,
)
from lstm.classroom.codes import key_hash, new_code, new_teacher_key
from lstm.classroom.errors import AlreadyRevealed, NoQuestion, TooManyClasses, TooManyRounds
from lstm.classroom.schema import CLOSED, KEY_LENGTH, OPEN, REVEALED, SHOWN, classes, rounds
from lstm.classroom.views import ClassInfo, Round, utc

KEY = re.compile(rf"[A-Za-z0-9_.-]{{1,{KEY_LENGTH}}}")  # a step's or a choice's key
MAX_CHOICES = 10
MAX_WHY = 4000  # characters of the reveal's sentence
MAX_WEIGHTS = 64  # entries of the weights the answer was worked out from


class TeacherActions(StoreBase):
    def start_class(self, now: datetime | None = None) -> tuple[str, str]:
        """Open a class: (join code, teacher key). Ended classes are cleared first. Raises TooManyClasses."""
        now = now_or(now)
        self.end_expired(now)

        def start(connection: Connection) -> tuple[str, str]:
            if count(connection, classes, classes.c.expires_at > now) >= self.settings.max_open_classes:
                raise TooManyClasses(self.settings.max_open_classes)
            code, key = new_code(), new_teacher_key()
            row = {"code": code, "key_hash": key_hash(key), "created_at": now}
            # A code taken by another class fails the unique constraint, and _write runs this again.
            connection.execute(insert(classes).values(**row, expires_at=now + self.settings.lifetime))
            return code, key

        return self._write(start)

    def teacher_class(self, code: str, key: str, now: datetime | None = None) -> ClassInfo:
        """The class, if `key` is its teacher key (a teacher link opened on a second laptop checks so)."""
        row = self._read(lambda connection: teacher_class_row(connection, code, key, now_or(now)))
        return ClassInfo(row.code, utc(row.created_at), utc(row.expires_at))

    def end_class(self, code: str, key: str, now: datetime | None = None) -> None:
        """End the class now: its rows are deleted, and its phones learn it has ended."""

        def end(connection: Connection) -> None:
            row = teacher_class_row(connection, code, key, now_or(now))
            delete_classes(connection, select(classes.c.id).where(classes.c.id == row.id))

        self._write(end)

    def end_expired(self, now: datetime | None = None) -> int:
        """Delete every class whose time is up, with its phones, rounds and votes; how many classes ended."""
        now = now_or(now)

        def clear(connection: Connection) -> int:
            ended = count(connection, classes, classes.c.expires_at <= now)
            if ended:
                delete_classes(connection, select(classes.c.id).where(classes.c.expires_at <= now))
            return ended

        return self._write(clear)

    def ask(self, code: str, key: str, step: str, choices: Sequence[str], now: datetime | None = None) -> Round:
        """Open round 1 of `step`'s question with these choice keys; phones can vote at once.

        Asking the question already open returns its round (a double click, a second laptop). Asking a
        question asked before starts it afresh: its earlier rounds and votes are deleted.
        """
        _check_key(step, "step")
        choices = _checked_choices(choices)
        now = now_or(now)

        def open_round(connection: Connection) -> Round:
            row = teacher_class_row(connection, code, key, now)
            current = current_round(connection, row.id)
            if current is not None and current.step == step and current.state != REVEALED:
                return Round.from_row(current)
            if current is not None and current.state == OPEN:
                _set_state(connection, current.id, CLOSED)
            asked = select(rounds.c.id).where(rounds.c.class_id == row.id, rounds.c.step == step)
            delete_rounds(connection, asked)
            return self._new_round(connection, row.id, step, 1, choices, now)

        return self._write(open_round)

    def show(self, code: str, key: str, now: datetime | None = None) -> Round:
        """Show the votes: the current round closes and the projector may draw its split."""

        def show(connection: Connection) -> Round:
            current = _current_to_act_on(connection, code, key, now_or(now))
            if current.state != SHOWN:
                _set_state(connection, current.id, SHOWN)
            return Round.from_row(_round(connection, current.id))

        return self._write(show)

    def revote(self, code: str, key: str, now: datetime | None = None) -> Round:
        """Discuss, then vote again: round 2 of the current question opens (round 1 stays for the shift)."""
        now = now_or(now)

        def second_round(connection: Connection) -> Round:
            current = _current_to_act_on(connection, code, key, now)
            if current.number == 2:
                return Round.from_row(current)
            if current.state == OPEN:
                _set_state(connection, current.id, CLOSED)
            return self._new_round(connection, current.class_id, current.step, 2, tuple(current.choices), now)

        return self._write(second_round)

    def reveal(
        self,
        code: str,
        key: str,
        right: str,
        *,
        why: str = "",
        weights: Mapping[str, float] | None = None,
        now: datetime | None = None,
    ) -> Round:
        """Reveal the answer: `right` is the right choice's key, `why` the sentence with its numbers (shown to
        phones as written), `weights` the weights it was worked out from (so a phone can word it in its own
        language). The current round stops taking votes; every phone shows the answer and its own result.
        """
        why, weights = _checked_reveal(why, weights)

        def reveal(connection: Connection) -> Round:
            row = teacher_class_row(connection, code, key, now_or(now))
            current = current_round(connection, row.id)
            if current is None:
                raise NoQuestion()
            if current.state != REVEALED:
                if right not in current.choices:
                    raise ValueError(f"{right!r} is not one of the round's choices {current.choices}")
                answer = {"right": right, "why": why, "weights": weights}
                asked = (rounds.c.class_id == row.id, rounds.c.step == current.step)
                connection.execute(update(rounds).where(*asked).values(**answer))
                _set_state(connection, current.id, REVEALED)
            return Round.from_row(_round(connection, current.id))

        return self._write(reveal)

    def _new_round(
        self, connection: Connection, class_id: int, step: str, number: int, choices: tuple[str, ...], now: datetime
    ) -> Round:
        if count(connection, rounds, rounds.c.class_id == class_id) >= self.settings.max_rounds:
            raise TooManyRounds(self.settings.max_rounds)
        values = {"class_id": class_id, "step": step, "number": number, "state": OPEN, "choices": list(choices)}
        new_id = connection.execute(insert(rounds).values(**values, opened_at=now).returning(rounds.c.id)).scalar_one()
        return Round.from_row(_round(connection, new_id))


def _current_to_act_on(connection: Connection, code: str, key: str, now: datetime) -> Row[Any]:
    """The current round, for show and vote again: one must have been asked, and not yet revealed."""
    row = teacher_class_row(connection, code, key, now)
    current = current_round(connection, row.id)
    if current is None:
        raise NoQuestion()
    if current.state == REVEALED:
        raise AlreadyRevealed()
    return current


def _round(connection: Connection, round_id: int) -> Row[Any]:
    return connection.execute(select(rounds).where(rounds.c.id == round_id)).one()


def _set_state(connection: Connection, round_id: int, state: str) -> None:
    connection.execute(update(rounds).where(rounds.c.id == round_id).values(state=state))


def _check_key(value: object, what: str) -> None:
    # The page passes its own keys: a bad one is a bug in the page, not a visitor's mistake.
    if not isinstance(value, str) or KEY.fullmatch(value) is None:
        raise ValueError(f"a {what} key is 1 to {KEY_LENGTH} letters, digits, '_', '.' or '-', not {value!r}")


def _checked_choices(choices: Sequence[str]) -> tuple[str, ...]:
    choices = tuple(choices)
    for choice in choices:
        _check_key(choice, "choice")
    if not 2 <= len(choices) <= MAX_CHOICES or len(set(choices)) != len(choices):
        raise ValueError(f"a question has 2 to {MAX_CHOICES} different choices, not {choices}")
    return choices


def _checked_reveal(why: str, weights: Mapping[str, float] | None) -> tuple[str, dict[str, float] | None]:
    if not isinstance(why, str) or len(why) > MAX_WHY:
        raise ValueError(f"the reveal's sentence is text of at most {MAX_WHY} characters")
    if weights is None:
        return why, None
    checked = {str(name): float(value) for name, value in weights.items()}
    if len(checked) > MAX_WEIGHTS or not all(math.isfinite(value) for value in checked.values()):
        raise ValueError(f"the weights are at most {MAX_WEIGHTS} finite numbers")
    return why, checked
