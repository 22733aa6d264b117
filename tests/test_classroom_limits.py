"""The class vote's bounds and its database: limits, expiry, two processes, a restart, a locked or absent database."""

from __future__ import annotations

import socket
import sqlite3
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import psycopg
import pytest
from sqlalchemy import func, inspect, select
from sqlalchemy.engine import make_url

from lstm.classroom import (
    ClassFull,
    Settings,
    Store,
    StoreUnavailable,
    TooManyClasses,
    TooManyRounds,
    UnknownClass,
    make_engine,
)
from lstm.classroom.schema import classes, metadata, phones, rounds, votes
from tests.support.paths import REPO

T0 = datetime(2030, 3, 4, 9, 0, tzinfo=UTC)
CHOICES = ("0", "1", "2")


def phone(number: int) -> str:
    return f"phone-{number:04d}-xyz"


def rows_per_table(store: Store) -> dict[str, int]:
    with store.engine.connect() as connection:
        return {
            table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
            for table in (classes, phones, rounds, votes)
        }


def a_class_with_votes(store: Store, phones_count: int = 3) -> tuple[str, str, int]:
    code, key = store.start_class(now=T0)
    for number in range(phones_count):
        store.join(code, phone(number), now=T0)
    asked = store.ask(code, key, "q1", CHOICES, now=T0)
    for number in range(phones_count):
        store.vote(code, phone(number), asked.id, CHOICES[number % 3], now=T0)
    return code, key, asked.id


def test_a_server_opens_at_most_its_number_of_classes(classroom_url):
    store = Store(make_engine(classroom_url), Settings(max_open_classes=3))
    for _ in range(3):
        store.start_class(now=T0)
    with pytest.raises(TooManyClasses) as refused:
        store.start_class(now=T0)
    assert "3" in refused.value.message
    # Once their time is up the classes end, and a new one can start.
    store.start_class(now=T0 + Settings().lifetime)


def test_a_class_takes_at_most_its_number_of_phones(classroom_url):
    store = Store(make_engine(classroom_url), Settings(max_phones=5))
    code, _key = store.start_class(now=T0)
    for number in range(5):
        store.join(code, phone(number), now=T0)
    store.join(code, phone(0), now=T0)  # joining again is no new phone
    with pytest.raises(ClassFull):
        store.join(code, phone(5), now=T0)
    assert rows_per_table(store)["classroom_phones"] == 5


def test_a_class_opens_at_most_its_number_of_rounds(classroom_url):
    store = Store(make_engine(classroom_url), Settings(max_rounds=4))
    code, key = store.start_class(now=T0)
    for step in range(4):
        store.ask(code, key, f"q{step}", CHOICES, now=T0)
    with pytest.raises(TooManyRounds):
        store.ask(code, key, "q4", CHOICES, now=T0)
    with pytest.raises(TooManyRounds):
        store.revote(code, key, now=T0)


def test_an_ended_class_is_deleted_with_every_row_and_the_others_stay(classroom_url):
    store = Store(make_engine(classroom_url), Settings(lifetime=timedelta(hours=2)))
    code, _key, _round = a_class_with_votes(store)
    later = T0 + timedelta(hours=1)
    staying, staying_key = store.start_class(now=later)
    store.join(staying, phone(0), now=later)
    assert store.end_expired(T0 + timedelta(hours=2) - timedelta(seconds=1)) == 0
    assert store.end_expired(T0 + timedelta(hours=2)) == 1
    assert rows_per_table(store) == {
        "classroom_classes": 1,
        "classroom_phones": 1,
        "classroom_rounds": 0,
        "classroom_votes": 0,
    }
    with pytest.raises(UnknownClass):
        store.class_by_code(code, now=later)
    assert store.teacher_class(staying, staying_key, now=later).code == staying


def test_starting_a_class_clears_the_ended_ones(classroom_url):
    store = Store(make_engine(classroom_url))
    a_class_with_votes(store)
    store.start_class(now=T0 + Settings().lifetime + timedelta(minutes=1))
    assert rows_per_table(store) == {
        "classroom_classes": 1,
        "classroom_phones": 0,
        "classroom_rounds": 0,
        "classroom_votes": 0,
    }


def test_two_processes_on_one_database_serve_the_same_class(classroom_url):
    projector, phones_side = Store(make_engine(classroom_url)), Store(make_engine(classroom_url))
    code, key = projector.start_class(now=T0)
    phones_side.join(code, phone(1), now=T0)
    asked = projector.ask(code, key, "q1", CHOICES, now=T0)
    assert phones_side.status(code, phone(1), now=T0).round == asked
    phones_side.vote(code, phone(1), asked.id, "2", now=T0)
    assert projector.counts(code, key, now=T0).rounds[0].counts == {"0": 0, "1": 0, "2": 1}
    projector.show(code, key, now=T0)
    assert not phones_side.status(code, phone(1), now=T0).round.takes_votes


def test_a_restart_loses_nothing_and_the_class_goes_on(classroom_url):
    engine = make_engine(classroom_url)
    code, key, round_id = a_class_with_votes(Store(engine), phones_count=6)
    engine.dispose()
    restarted = Store(make_engine(classroom_url))
    assert restarted.counts(code, key, now=T0).rounds[0].voted == 6
    assert restarted.status(code, phone(4), now=T0).vote == CHOICES[4 % 3]
    restarted.vote(code, phone(4), round_id, "0", now=T0)
    assert restarted.counts(code, key, now=T0).rounds[0].counts == {"0": 3, "1": 1, "2": 2}


def test_phones_voting_at_once_are_all_counted(classroom_url):
    store = Store(make_engine(classroom_url))
    code, key = store.start_class(now=T0)
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda number: store.join(code, phone(number), now=T0), range(40)))
        asked = store.ask(code, key, "q1", CHOICES, now=T0)
        list(pool.map(lambda number: store.vote(code, phone(number), asked.id, "1", now=T0), range(40)))
        # The same phone tapping twice at once still makes one vote.
        list(pool.map(lambda choice: store.vote(code, phone(0), asked.id, choice, now=T0), ["0", "2"] * 4))
    tally = store.counts(code, key, now=T0).rounds[0]
    assert tally.voted == 40 and tally.counts["1"] == 39


def test_processes_creating_the_tables_at_once_all_start(classroom_url):
    start = "import sys; from lstm.classroom import make_engine; make_engine(sys.argv[1])"
    servers = [subprocess.Popen([sys.executable, "-c", start, classroom_url], cwd=REPO) for _ in range(3)]
    assert [server.wait(timeout=120) for server in servers] == [0, 0, 0]
    assert set(metadata.tables) <= set(inspect(make_engine(classroom_url)).get_table_names())


def test_a_locked_sqlite_database_gives_store_unavailable_not_a_hang(tmp_path):
    url = f"sqlite:///{tmp_path / 'classroom.sqlite3'}"
    store = Store(make_engine(url, busy_timeout=0.2))
    code, _key, _round = a_class_with_votes(store)
    holder = sqlite3.connect(tmp_path / "classroom.sqlite3", isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        with pytest.raises(StoreUnavailable) as refused:
            store.join(code, phone(9), now=T0)
        assert "database" in refused.value.message
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    store.join(code, phone(9), now=T0)


def test_a_locked_postgresql_table_gives_store_unavailable_not_a_hang(postgres_url):
    store = Store(make_engine(postgres_url, busy_timeout=0.2))
    code, _key, round_id = a_class_with_votes(store)
    address = make_url(postgres_url)
    with psycopg.connect(host=address.host, port=address.port, user=address.username, dbname=address.database) as held:
        held.execute("LOCK TABLE classroom_votes IN ACCESS EXCLUSIVE MODE")
        with pytest.raises(StoreUnavailable):
            store.vote(code, phone(0), round_id, "2", now=T0)
    store.vote(code, phone(0), round_id, "2", now=T0)


def test_a_database_that_cannot_be_reached_gives_store_unavailable(tmp_path, postgres_url):
    closed = make_url(postgres_url).set(port=_closed_port())
    with pytest.raises(StoreUnavailable):
        make_engine(closed)
    with pytest.raises(StoreUnavailable):
        make_engine(f"sqlite:///{tmp_path}")  # a folder, not a database file


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
