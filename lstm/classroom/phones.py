"""The phones' actions: join a class, vote in its open round, and poll for what to show."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, insert, select, update

from lstm.classroom.base import StoreBase, class_row, count, current_round, now_or
from lstm.classroom.codes import is_phone_id
from lstm.classroom.errors import (
    ClassFull,
    NotAChoice,
    NotAPhone,
    NotJoined,
    NotThisRound,
    RoundClosed,
    TooManyChanges,
)
from lstm.classroom.schema import OPEN, phones, rounds, votes
from lstm.classroom.views import ClassInfo, PhoneStatus, Round, Score, utc


class PhoneActions(StoreBase):
    def class_by_code(self, code: str, now: datetime | None = None) -> ClassInfo:
        """The open class with this code (as typed or linked). Raises NotAClassCode, UnknownClass, ClassEnded."""
        row = self._read(lambda connection: class_row(connection, code, now_or(now)))
        return ClassInfo(row.code, utc(row.created_at), utc(row.expires_at))

    def join(self, code: str, phone_id: str, now: datetime | None = None) -> ClassInfo:
        """Join the class with this code (again is fine). Raises NotAClassCode, UnknownClass, ClassEnded,
        NotAPhone or ClassFull."""
        _check_phone(phone_id)
        now = now_or(now)

        def join(connection: Connection) -> ClassInfo:
            row = class_row(connection, code, now)
            if _phone_row(connection, row.id, phone_id) is None:
                if count(connection, phones, phones.c.class_id == row.id) >= self.settings.max_phones:
                    raise ClassFull(self.settings.max_phones)
                connection.execute(insert(phones).values(class_id=row.id, phone=phone_id, joined_at=now))
            return ClassInfo(row.code, utc(row.created_at), utc(row.expires_at))

        return self._write(join)

    def vote(self, code: str, phone_id: str, round_id: int, choice: str, now: datetime | None = None) -> None:
        """Vote `choice` (a choice key) in the round `round_id`, or change this phone's vote there.

        Refused, and counted nowhere, unless the phone joined the class, the round is the class's and open,
        and the choice is one of the round's: NotAPhone, NotJoined, NotThisRound, RoundClosed, NotAChoice.
        A phone changes its vote at most Settings.max_vote_changes times a round (TooManyChanges).
        """
        _check_phone(phone_id)
        now = now_or(now)

        def vote(connection: Connection) -> None:
            row = class_row(connection, code, now)
            phone = _phone_row(connection, row.id, phone_id)
            if phone is None:
                raise NotJoined(row.code)
            voted_round = _open_round(connection, row.id, round_id)
            if not isinstance(choice, str) or choice not in voted_round.choices:
                raise NotAChoice()
            self._place_vote(connection, voted_round.id, phone.id, choice, now)

        self._write(vote)

    def _place_vote(self, connection: Connection, round_id: int, phone_id: int, choice: str, now: datetime) -> None:
        mine = (votes.c.round_id == round_id, votes.c.phone_id == phone_id)
        existing = connection.execute(select(votes.c.choice, votes.c.changes).where(*mine)).one_or_none()
        if existing is None:
            # Two taps at once both insert; the second fails the unique constraint, runs again and changes.
            new = {"round_id": round_id, "phone_id": phone_id, "choice": choice, "updated_at": now}
            connection.execute(insert(votes).values(**new))
        elif existing.choice != choice:
            if existing.changes >= self.settings.max_vote_changes:
                raise TooManyChanges(self.settings.max_vote_changes)
            change = {"choice": choice, "changes": votes.c.changes + 1, "updated_at": now}
            connection.execute(update(votes).where(*mine).values(**change))

    def status(self, code: str, phone_id: str, now: datetime | None = None) -> PhoneStatus:
        """What a phone shows now: the current round and this phone's vote in it; after the reveal whether it
        was right; its score. Raises NotAClassCode, UnknownClass, ClassEnded, NotAPhone or NotJoined."""
        _check_phone(phone_id)
        now = now_or(now)

        def status(connection: Connection) -> PhoneStatus:
            row = class_row(connection, code, now)
            phone = _phone_row(connection, row.id, phone_id)
            if phone is None:
                raise NotJoined(row.code)
            current = current_round(connection, row.id)
            mine = (votes.c.phone_id == phone.id, votes.c.round_id == (current.id if current else None))
            vote = connection.execute(select(votes.c.choice).where(*mine)).scalar_one_or_none()
            answers = _answers(connection, row.id, phone.id)
            score = Score(right=sum(given == right for given, right in answers.values()), revealed=len(answers))
            right = None
            if current is not None and current.right is not None and answers[current.step][0] is not None:
                right = answers[current.step][0] == current.right
            round_ = Round.from_row(current) if current is not None else None
            return PhoneStatus(code=row.code, round=round_, vote=vote, right=right, score=score)

        return self._read(status)


def _check_phone(phone_id: object) -> None:
    if not is_phone_id(phone_id):
        raise NotAPhone()


def _phone_row(connection: Connection, class_id: int, phone_id: str) -> Row[Any] | None:
    query = select(phones.c.id).where(phones.c.class_id == class_id, phones.c.phone == phone_id)
    return connection.execute(query).one_or_none()


def _open_round(connection: Connection, class_id: int, round_id: object) -> Row[Any]:
    """The round a vote names, if it is this class's and open. Votes share-lock it, so a Show that closes it
    waits for the votes under way, and none lands after."""
    if not isinstance(round_id, int) or isinstance(round_id, bool):
        raise NotThisRound()
    query = select(rounds).where(rounds.c.id == round_id, rounds.c.class_id == class_id)
    found = connection.execute(query.with_for_update(read=True)).one_or_none()
    if found is None:
        raise NotThisRound()
    if found.state != OPEN:
        raise RoundClosed()
    return found


def _answers(connection: Connection, class_id: int, phone_id: int) -> dict[str, tuple[str | None, str]]:
    """Each revealed question of the class: (this phone's last vote on it or None, the right choice)."""
    revealed = select(rounds.c.id, rounds.c.step, rounds.c.number, rounds.c.right).where(
        rounds.c.class_id == class_id, rounds.c.right.is_not(None)
    )
    mine = select(votes.c.round_id, votes.c.choice).where(votes.c.phone_id == phone_id).subquery()
    query = revealed.add_columns(mine.c.choice).outerjoin(mine, mine.c.round_id == rounds.c.id)
    answers: dict[str, tuple[str | None, str]] = {}
    for row in connection.execute(query.order_by(rounds.c.number)):
        earlier = answers.get(row.step, (None, row.right))[0]
        answers[row.step] = (row.choice if row.choice is not None else earlier, row.right)
    return answers
