"""The class vote behind nginx: scripts/serve-many.sh with two app processes on one PostgreSQL database; phones
land on both processes, and a projector on a third process counts every vote."""

import os
import re
import signal
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import expect

from bench.served import REPO, free_port, wait_until_healthy
from lstm.explorer.lesson import LESSON
from tests.support.browser import ARTIFACTS
from tests.support.class_vote import (
    LIVE,
    TROUBLE,
    ClassServer,
    counted,
    join_link,
    no_trouble_on,
    open_phone,
    open_projector,
    press,
    vote,
    wait_for_waiting,
)

PROCESSES = 2
PHONES = 16  # enough that nginx's random first route sends some to each process (all on one: 1 in 30,000)
STEP = 2
CHOICES = LESSON[STEP - 1].question.choices


@pytest.fixture(scope="module")
def served_many(postgres_url):
    """serve-many.sh on a free port with the throwaway cluster's database; yields (nginx's url, its run folder)."""
    run_dir = ARTIFACTS / "serve-many-class-vote"
    run_dir.mkdir(parents=True, exist_ok=True)
    for old in run_dir.glob("*.log"):
        old.unlink()
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "LSTM_EXPLORER_RUN_DIR": str(run_dir), "LSTM_EXPLORER_PUBLIC_URL": url}
    env.pop("LSTM_EXPLORER_DATABASE_URL", None)  # the script's third argument names the database
    with (run_dir / "serve-many.out").open("w") as out:
        script = subprocess.Popen(
            ["bash", "scripts/serve-many.sh", str(PROCESSES), str(port), postgres_url],
            cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    try:
        wait_until_healthy(url, script, run_dir / "serve-many.out", limit=300)
        yield url, run_dir
    finally:
        os.killpg(script.pid, signal.SIGTERM)
        script.wait(timeout=30)


@pytest.fixture(scope="module")
def projector_server(postgres_url, served_many):
    """A third process on the same database, where the teacher's page runs (its join link names nginx)."""
    url, _run_dir = served_many
    server = ClassServer(ARTIFACTS / "class-vote-projector.log", {})
    server.env = {"LSTM_EXPLORER_DATABASE_URL": postgres_url, "LSTM_EXPLORER_PUBLIC_URL": url}
    server.log_path.write_text("")
    server.start()
    yield server
    server.stop()


def phone_processes(run_dir: Path) -> list[str]:
    """The app process (upstream) each phone's join link went to, as nginx logged it; the route cookie it then got
    keeps the phone's websocket on the same process (tests/browser/test_scale_out.py checks that)."""
    lines = (run_dir / "nginx-access.log").read_text().splitlines()
    return [re.search(r"upstream=(\S+)", line).group(1) for line in lines if '"GET /vote?code=' in line]


def test_phones_on_both_processes_vote_in_one_class_and_the_projector_counts_them_all(
    browser, served_many, projector_server
):
    _url, run_dir = served_many
    contexts = []
    try:
        projector = open_projector(browser, projector_server.url, STEP)
        contexts.append(projector.context)
        link = join_link(projector)
        assert link.startswith(served_many[0]), "phones join through nginx"
        phones = []
        for _ in range(PHONES):
            phone = open_phone(browser, link)
            contexts.append(phone.context)
            phones.append(phone)
        for phone in phones:
            wait_for_waiting(phone)
        expect(projector.locator(LIVE)).to_contain_text(f"{PHONES} phones joined")
        landed = phone_processes(run_dir)
        assert len(landed) == PHONES and len(set(landed)) == PROCESSES, f"the phones' processes: {landed}"

        press(projector, "Ask the class")
        for number, phone in enumerate(phones):
            vote(phone, CHOICES[number % 2])
        counted(projector, PHONES, PHONES)
        press(projector, "Show the votes")
        expect(projector.locator(LIVE)).to_contain_text(f"{CHOICES[0]}: {PHONES // 2} votes, 50%")
        for page in (projector, *phones):
            no_trouble_on(page)
    finally:
        for context in contexts:
            context.close()
    for index in range(1, PROCESSES + 1):
        log = (run_dir / f"app-{index}.log").read_text()
        assert not TROUBLE.search(log), log
