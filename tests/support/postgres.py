"""A throwaway PostgreSQL cluster for the tests: Debian's server, its own folder and port, stopped after.

`postgres_url` (session-scoped) yields a URL of a database on it; `new_database(url)` makes another,
empty one on the same cluster. `classroom_url` gives each test an empty database twice: a SQLite file,
then a PostgreSQL database. PostgreSQL missing is a failure, not a skip: CI installs it (scripts/test.sh).
"""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

DEBIAN = Path("/usr/lib/postgresql")
USER = "postgres"  # the cluster's superuser, and (when the tests run as root) the system user that runs it
START_ATTEMPTS = 3  # a free port can be taken by another process between finding and binding it
_databases = itertools.count(1)


def binaries() -> Path:
    """Debian's newest PostgreSQL bin folder (the copies in /usr/local/bin may be another version)."""
    found = sorted(DEBIAN.glob("*/bin/pg_ctl"), key=lambda path: int(path.parent.parent.name), reverse=True)
    if found:
        return found[0].parent
    on_path = shutil.which("pg_ctl")
    if on_path is None or shutil.which("initdb") is None:
        pytest.fail("PostgreSQL is not installed: install Debian's `postgresql` package (scripts/test.sh does).")
    return Path(on_path).parent


def _as_owner(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: then the `postgres` user runs it."""
    return ["runuser", "-u", USER, "--", *command] if os.geteuid() == 0 else command


def _run(command: list[str], log: Path | None = None) -> None:
    result = subprocess.run(_as_owner(command), capture_output=True, text=True, timeout=120, check=False)
    if result.returncode != 0:
        server_log = log.read_text() if log is not None and log.exists() else ""
        pytest.fail(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}\n{server_log}")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def running_cluster() -> Iterator[str]:
    """Start a fresh cluster in a temporary folder; yield the URL of its `postgres` database; stop and remove."""
    bin_folder = binaries()
    folder = Path(tempfile.mkdtemp(prefix="lstm-explorer-postgres-"))
    if os.geteuid() == 0:
        shutil.chown(folder, USER, USER)
    data, log = folder / "data", folder / "server.log"
    try:
        initdb = [str(bin_folder / "initdb"), "-D", str(data), "-U", USER, "--auth=trust", "-E", "UTF8"]
        _run([*initdb, "--no-locale", "--no-sync"])
        port = _start(bin_folder, data, folder, log)
        try:
            yield f"postgresql+psycopg://{USER}@127.0.0.1:{port}/postgres"
        finally:
            _run([str(bin_folder / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"])
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _start(bin_folder: Path, data: Path, socket_folder: Path, log: Path) -> int:
    """Start the server on a free port of 127.0.0.1 (its socket in the cluster's folder); the port."""
    for attempt in range(START_ATTEMPTS):
        port = _free_port()
        # A throwaway cluster need not survive a crash: no fsync keeps it fast on a busy machine.
        options = f"-p {port} -k {socket_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
        command = [str(bin_folder / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-t", "60", "-o", options]
        result = subprocess.run(_as_owner([*command, "start"]), capture_output=True, text=True, timeout=120)
        if result.returncode == 0:
            return port
        if attempt == START_ATTEMPTS - 1:
            pytest.fail(f"PostgreSQL did not start:\n{result.stdout}\n{result.stderr}\n{log.read_text()}")
    raise AssertionError("unreachable")


def new_database(url: str) -> str:
    """Create an empty database on the cluster of `url`; its URL."""
    name = f"test_{os.getpid()}_{next(_databases)}"
    address = make_url(url)
    with psycopg.connect(host=address.host, port=address.port, user=address.username, dbname="postgres") as admin:
        admin.autocommit = True
        admin.execute(f'CREATE DATABASE "{name}"')
    return address.set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A database on a throwaway PostgreSQL cluster, for the whole test session."""
    with running_cluster() as url:
        yield new_database(url)


@pytest.fixture(params=["sqlite", "postgresql"])
def classroom_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database for one test, once a SQLite file and once on the PostgreSQL cluster."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'classroom.sqlite3'}"
    return new_database(request.getfixturevalue("postgres_url"))
