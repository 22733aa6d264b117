"""Where the class vote keeps its rows: a SQLite file by default, PostgreSQL when a URL names one.

The ui builds one Engine per process (`make_engine()` under `st.cache_resource`) and hands it to the
store. Tables are created on first use, safely when two processes start at once.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, exc, text
from sqlalchemy.engine import URL, make_url

from lstm.classroom.errors import StoreUnavailable
from lstm.classroom.schema import metadata

DATABASE_URL_VARIABLE = "LSTM_EXPLORER_DATABASE_URL"  # e.g. postgresql+psycopg://user:password@host/db
DATA_VARIABLE = "LSTM_EXPLORER_DATA"  # the folder of the default SQLite file
SQLITE_FILE = "classroom.sqlite3"
# How long a write waits for another's lock (SQLite) or a row lock (PostgreSQL) before the store gives up
# with StoreUnavailable: long enough for a burst of 200 votes, short enough that a page never seems to hang.
BUSY_TIMEOUT = 5.0
CONNECT_TIMEOUT = 5  # seconds to reach a PostgreSQL server
_WRITE = "classroom_write"  # execution option: this transaction will write (SQLite takes the lock up front)
_TABLES_LOCK = 2_902_029  # PostgreSQL advisory lock held while creating the tables (any fixed number)
# Errors that mean the database cannot serve now, as opposed to a refusal or a bug.
_UNAVAILABLE = (exc.OperationalError, exc.InterfaceError, exc.InternalError, exc.TimeoutError)


def data_folder(environ: Mapping[str, str] | None = None) -> Path:
    """LSTM_EXPLORER_DATA, else $XDG_DATA_HOME/lstm-explorer, else ~/.local/share/lstm-explorer."""
    environ = os.environ if environ is None else environ
    if environ.get(DATA_VARIABLE):
        return Path(environ[DATA_VARIABLE]).expanduser()
    base = environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "lstm-explorer"


def database_url(environ: Mapping[str, str] | None = None) -> str:
    """LSTM_EXPLORER_DATABASE_URL when set, else the SQLite file in the data folder."""
    environ = os.environ if environ is None else environ
    return environ.get(DATABASE_URL_VARIABLE) or f"sqlite:///{data_folder(environ) / SQLITE_FILE}"


def make_engine(url: str | URL | None = None, *, busy_timeout: float = BUSY_TIMEOUT) -> Engine:
    """An Engine on `url` (database_url() by default) with its tables created. Raises StoreUnavailable."""
    url = _with_driver(make_url(url or database_url()))
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": busy_timeout})
        _sqlite_on_connect(engine, busy_timeout)
    else:
        connect_args = {"connect_timeout": CONNECT_TIMEOUT, "options": f"-c lock_timeout={int(busy_timeout * 1000)}"}
        engine = create_engine(url, connect_args=connect_args, pool_pre_ping=True)
    create_tables(engine)
    return engine


def _with_driver(url: URL) -> URL:
    """PostgreSQL through psycopg 3 (the one driver installed), also for a bare postgres:// URL."""
    if url.drivername in ("postgres", "postgresql"):
        return url.set(drivername="postgresql+psycopg")
    return url


def _sqlite_on_connect(engine: Engine, busy_timeout: float) -> None:
    """WAL (readers never wait for a writer), a busy timeout, and transactions this module begins itself."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record) -> None:
        # The driver's own BEGIN would come too late for a write; the "begin" hook below sends it.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
        cursor.execute("PRAGMA journal_mode = WAL")
        # With WAL, NORMAL syncs at checkpoints rather than at every commit: a vote survives the server's crash
        # or restart (only a power cut can take the last ones back), and a class's burst of votes no longer
        # waits behind one fsync per vote on a busy disk (stalls of 3 to 5 s seen with 60 phones).
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        # A write takes the lock when it begins: a read upgraded to a write later could fail at once
        # (SQLite cannot wait for a lock when its snapshot went stale) instead of waiting its turn.
        immediate = connection.get_execution_options().get(_WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@contextmanager
def transaction(engine: Engine, *, write: bool = False) -> Iterator[Connection]:
    """One transaction, committed at the end; a database that cannot serve raises StoreUnavailable."""
    try:
        with engine.connect() as connection:
            connection.execution_options(**{_WRITE: write})
            with connection.begin():
                yield connection
    except _UNAVAILABLE as error:
        raise StoreUnavailable() from error


def create_tables(engine: Engine) -> None:
    """Create the class vote's tables where missing; two processes doing so at once wait for each other."""
    with transaction(engine, write=True) as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:lock)"), {"lock": _TABLES_LOCK})
        metadata.create_all(connection)
