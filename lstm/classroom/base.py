"""What every part of the store shares: the engine, the settings, the clock, and finding a class."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, Row, delete, func, select
from sqlalchemy import exc as sql_errors

from lstm.classroom.codes import key_matches, normal_code
from lstm.classroom.engine import create_tables, transaction
from lstm.classroom.errors import ClassEnded, NotAClassCode, NotTeacher, UnknownClass
from lstm.classroom.schema import classes, phones, rounds, votes
from lstm.classroom.settings import Settings
from lstm.classroom.views import utc

T = TypeVar("T")
# A write that meets another's at a unique constraint (two taps of one phone at once) runs again.
ATTEMPTS = 3


class StoreBase:
    """The store over one Engine; subclasses add the teacher's and the phones' actions."""

    def __init__(self, engine: Engine, settings: Settings | None = None, *, create: bool = True) -> None:
        """`create`: make the tables now (make_engine already did; an Engine from st.connection has not)."""
        self.engine = engine
        self.settings = settings or Settings.from_env()
        if create:
            create_tables(engine)

    def _write(self, action: Callable[[Connection], T]) -> T:
        """Run `action` in one write transaction, again if it met a concurrent write at a unique constraint."""
        for attempt in range(ATTEMPTS):
            try:
                with transaction(self.engine, write=True) as connection:
                    return action(connection)
            except sql_errors.IntegrityError:
                if attempt == ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable")

    def _read(self, action: Callable[[Connection], T]) -> T:
        with transaction(self.engine) as connection:
            return action(connection)


def now_or(now: datetime | None) -> datetime:
    return datetime.now(UTC) if now is None else utc(now)


def class_row(connection: Connection, typed_code: object, now: datetime) -> Row[Any]:
    """The open class with this code, or the refusal a visitor reads (bad code, unknown, ended)."""
    code = normal_code(typed_code) if isinstance(typed_code, str) else None
    if code is None:
        raise NotAClassCode()
    row = connection.execute(select(classes).where(classes.c.code == code)).one_or_none()
    if row is None:
        raise UnknownClass(code)
    if utc(row.expires_at) <= now:
        raise ClassEnded(code)
    return row


def teacher_class_row(connection: Connection, typed_code: object, key: object, now: datetime) -> Row[Any]:
    """The open class with this code, if `key` is its teacher key; NotTeacher otherwise."""
    row = class_row(connection, typed_code, now)
    if not key_matches(key, row.key_hash):
        raise NotTeacher()
    return row


def current_round(connection: Connection, class_id: int) -> Row[Any] | None:
    """The class's latest round: the one phones see and the teacher acts on."""
    query = select(rounds).where(rounds.c.class_id == class_id).order_by(rounds.c.id.desc()).limit(1)
    return connection.execute(query).one_or_none()


def count(connection: Connection, table: Any, *where: Any) -> int:
    return connection.execute(select(func.count()).select_from(table).where(*where)).scalar_one()


def delete_rounds(connection: Connection, which: Any) -> None:
    """Delete the rounds selected by `which` (a select of round ids) and their votes."""
    connection.execute(delete(votes).where(votes.c.round_id.in_(which)))
    connection.execute(delete(rounds).where(rounds.c.id.in_(which)))


def delete_classes(connection: Connection, which: Any) -> None:
    """Delete the classes selected by `which` (a select of class ids) with every row that hangs on them."""
    delete_rounds(connection, select(rounds.c.id).where(rounds.c.class_id.in_(which)))
    connection.execute(delete(phones).where(phones.c.class_id.in_(which)))
    connection.execute(delete(classes).where(classes.c.id.in_(which)))
