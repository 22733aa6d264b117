"""The app served by `streamlit run` on a free port, and Chromium to open it: for browser tests and the bench."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
APP = "streamlit_app.py"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_streamlit(
    log, port: int, env: dict[str, str] | None = None, script: str = APP, prefix: list[str] | None = None
) -> subprocess.Popen:
    """`streamlit run <script>` (the app by default) on 127.0.0.1:`port`, its output into the open file `log`.

    `prefix` goes before the command, such as `taskset -c 0` (which becomes the server, keeping its process id).
    """
    return subprocess.Popen(
        [
            *(prefix or []), sys.executable, "-m", "streamlit", "run", script,
            "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true",
        ],
        cwd=REPO, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})},
    )  # fmt: skip


def wait_until_healthy(base: str, process: subprocess.Popen, log_path: Path, limit: float = 60) -> None:
    """Returns once the server answers its health check; raises if it exits or takes over `limit` seconds."""
    deadline = time.monotonic() + limit
    while True:
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"streamlit did not start; see {log_path}")
        time.sleep(0.05)


def stop_process(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


def peak_memory_mb(pid: int | str = "self") -> float:
    """The most resident memory a process (this one by default) has held so far, Linux's VmHWM, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no memory figures for process {pid}")


@dataclass(frozen=True)
class ServedApp:
    """A running app: where to open it, its server process and the file its output goes to."""

    url: str
    process: subprocess.Popen
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


@contextmanager
def streamlit_server(
    log_path: Path, env: dict[str, str] | None = None, script: str = APP, prefix: list[str] | None = None
):
    """A running app (or another page of this checkout, `script`); yields a ServedApp and stops it afterwards.

    `prefix` goes before the command, as `start_streamlit` says.
    """
    port = free_port()
    with log_path.open("w") as log:
        process = start_streamlit(log, port, env, script, prefix)
        try:
            base = f"http://127.0.0.1:{port}"
            wait_until_healthy(base, process, log_path)
            yield ServedApp(base, process, log_path)
        finally:
            stop_process(process)


def chromium_path() -> str:
    path = shutil.which("chromium")
    if path is None:
        raise RuntimeError("Debian's chromium is not on the PATH: scripts/test.sh installs it")
    return path


def launch_chromium(playwright):
    """Headless Chromium from Debian's package, with no calls home (this machine has no such network)."""
    return playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
