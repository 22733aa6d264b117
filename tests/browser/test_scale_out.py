"""Several app processes behind nginx (scripts/serve-many.sh): sticky sessions, websockets, a crowd."""

import gzip
import os
import re
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from bench.served import REPO, free_port, peak_memory_mb, wait_until_healthy
from tests.support.browser import ARTIFACTS
from tests.support.visitors import (
    CROWD_IDLE_SECONDS,
    CROWD_TIMEOUT,
    TROUBLE,
    LoadResult,
    crowd,
    crowd_limit,
    crowd_trains,
    each_still_sees_their_own_days,
    one_visitor_seconds,
    save_figures,
)

PROCESSES = 2
CROWD = 10


@pytest.fixture(scope="module")
def scaled_out():
    """scripts/serve-many.sh on a free port; yields (url, its folder of logs and pids)."""
    run_dir = ARTIFACTS / "serve-many"
    run_dir.mkdir(parents=True, exist_ok=True)
    for old in run_dir.glob("*.log"):
        old.unlink()
    port = free_port()
    env = {**os.environ, "LSTM_EXPLORER_RUN_DIR": str(run_dir), "LSTM_EXPLORER_IDLE_SECONDS": CROWD_IDLE_SECONDS}
    with (run_dir / "serve-many.out").open("w") as out:
        script = subprocess.Popen(
            ["bash", "scripts/serve-many.sh", str(PROCESSES), str(port)],
            cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, script, run_dir / "serve-many.out", limit=120)
        yield url, run_dir
    finally:
        os.killpg(script.pid, signal.SIGTERM)
        script.wait(timeout=30)


def routes(run_dir: Path) -> dict[str, set[str]]:
    """For each visitor's route cookie, the app processes nginx sent its requests to."""
    seen: dict[str, set[str]] = {}
    for line in (run_dir / "nginx-access.log").read_text().splitlines():
        match = re.search(r"upstream=(\S+) route=(\S+)", line)
        if match and match.group(1) != "-":
            seen.setdefault(match.group(2), set()).add(match.group(1))
    return seen


def test_the_script_refuses_bad_arguments():
    for arguments, message in ((["0"], "PROCESSES must be a whole number"), (["2", "http"], "PORT must be")):
        result = subprocess.run(["bash", "scripts/serve-many.sh", *arguments], cwd=REPO, capture_output=True, text=True)
        assert result.returncode == 2 and message in result.stderr


# Ten visitors on a loaded machine take minutes; the test's own limit comes from one visitor's time.
@pytest.mark.timeout(CROWD_TIMEOUT)
def test_a_crowd_through_nginx_stays_on_its_process_and_all_finish(browser, scaled_out):
    url, run_dir = scaled_out
    one = one_visitor_seconds(browser, url)
    limit = crowd_limit(one, CROWD)
    with crowd(browser, CROWD, "nginx-crowd", limit) as pages:
        began = time.monotonic()
        crowd_trains(pages, url, limit)
        seconds = time.monotonic() - began
        each_still_sees_their_own_days(pages, limit)

    by_route = routes(run_dir)
    assert all(len(upstreams) == 1 for upstreams in by_route.values()), "a session moved between processes"
    assert len(set().union(*by_route.values())) == PROCESSES, "nginx sent every visitor to the same process"
    for index in range(1, PROCESSES + 1):
        log = (run_dir / f"app-{index}.log").read_text()
        assert not TROUBLE.search(log), log
    nginx_log = (run_dir / "nginx-error.log").read_text()
    assert not re.search(r"\[(error|crit|alert|emerg)\]", nginx_log), nginx_log
    pids = [int((run_dir / f"app-{index}.pid").read_text()) for index in range(1, PROCESSES + 1)]
    save_figures("behind-nginx", LoadResult(CROWD, seconds, one, sum(peak_memory_mb(pid) for pid in pids)))


def fetched(url: str) -> tuple[dict[str, str], bytes]:
    """Headers (lower-case names) and body of a GET that, as browsers do, accepts gzip."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return {name.lower(): value for name, value in response.headers.items()}, response.read()


def test_nginx_compresses_what_a_visit_loads_and_lets_browsers_keep_static_files(scaled_out):
    url, _ = scaled_out
    headers, body = fetched(f"{url}/")
    assert headers.get("content-encoding") == "gzip"
    bundle = re.search(r'src="\./(static/js/[^"]+\.js)"', gzip.decompress(body).decode()).group(1)
    headers, body = fetched(f"{url}/{bundle}")
    assert headers.get("content-encoding") == "gzip" and gzip.decompress(body)
    assert "max-age=" in headers.get("cache-control", "")
