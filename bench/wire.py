"""Bytes on the wire for a first visit: straight from Streamlit, and gzipped behind nginx as serve-many.sh serves."""

from __future__ import annotations

import base64
import shutil
import subprocess
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench.served import REPO, free_port, stop_process, wait_until_healthy

# The one place serve-many.sh and the benchmark take their compression from.
COMPRESSION = REPO / "scripts" / "nginx-compression.conf"
NGINX_CONF = """
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/nginx-error.log warn;
daemon off;
events {{ worker_connections 256; }}
http {{
  # What nginx sent each request, headers and body as they went, the websocket's when it closes.
  log_format sent '$status $bytes_sent';
  access_log {folder}/sent.log sent;
  client_body_temp_path {folder}/client_body;
  proxy_temp_path {folder}/proxy;
  fastcgi_temp_path {folder}/fastcgi;
  uwsgi_temp_path {folder}/uwsgi;
  scgi_temp_path {folder}/scgi;
  proxy_max_temp_file_size 0;
  include {compression};
  map $http_upgrade $connection_upgrade {{ default upgrade; "" close; }}
  server {{
    listen 127.0.0.1:{port};
    location / {{
      proxy_pass {upstream};
      proxy_http_version 1.1;
      proxy_set_header Host $host;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_read_timeout 1h;
    }}
  }}
}}
"""


def nginx_path() -> str:
    path = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if path is None:
        raise RuntimeError("nginx is not installed (apt-get install nginx): the compressed first visit needs it")
    return path


@dataclass(frozen=True)
class Proxy:
    """nginx in front of a page: its address, and its log of what it sent."""

    url: str
    sent_log: Path


@contextmanager
def gzip_in_front(upstream: str):
    """nginx on a free loopback port, passing everything to `upstream` and compressing like serve-many.sh."""
    with tempfile.TemporaryDirectory() as folder:
        port = free_port()
        conf = Path(folder) / "nginx.conf"
        conf.write_text(NGINX_CONF.format(folder=folder, compression=COMPRESSION, port=port, upstream=upstream))
        with (Path(folder) / "nginx.out").open("w") as out:
            process = subprocess.Popen([nginx_path(), "-c", str(conf), "-p", folder], stdout=out, stderr=out)
        try:
            url = f"http://127.0.0.1:{port}"
            wait_until_healthy(url, process, Path(folder) / "nginx-error.log", limit=20)
            yield Proxy(url, Path(folder) / "sent.log")
        finally:
            stop_process(process)


class Received:
    """What Chromium reports receiving: each response as it came over the wire, and websocket messages."""

    def __init__(self) -> None:
        self.http = 0
        self.websocket = 0

    def response(self, event: dict) -> None:
        self.http += int(event["encodedDataLength"])  # headers and body, compressed if they came so

    def message(self, event: dict) -> None:
        # Streamlit's messages are binary (base64 in Chromium's report), which reports them inflated: a
        # compressed websocket weighs less than this on the wire (the proxied figure counts what nginx sent).
        frame = event["response"]
        payload = frame["payloadData"]
        self.websocket += len(base64.b64decode(payload)) if frame["opcode"] == 2 else len(payload.encode())


def first_visit_bytes(browser, url: str, drawn: str) -> int:
    """Bytes a new visitor's browser receives until the page's chart is drawn and the network is quiet.

    A fresh context each time, so nothing comes from the browser's cache.
    """
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        received = Received()
        network = context.new_cdp_session(page)
        network.on("Network.loadingFinished", received.response)
        network.on("Network.webSocketFrameReceived", received.message)
        network.send("Network.enable")
        page.goto(url)
        page.wait_for_selector(drawn, timeout=120_000)
        page.wait_for_load_state("networkidle", timeout=60_000)
        return received.http + received.websocket
    finally:
        context.close()


WEBSOCKET_CLOSED = "101 "  # the websocket's line in nginx's log, written when the socket closes


def first_visit_bytes_sent(browser, proxy: Proxy, drawn: str, limit: float = 60) -> int:
    """Bytes nginx sends a new visitor until the page's chart is drawn and the network is quiet.

    Counted by nginx as they left it, so a compressed websocket counts compressed; read once the visitor
    has gone, when nginx logs the websocket.
    """
    start = proxy.sent_log.stat().st_size if proxy.sent_log.exists() else 0
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.goto(proxy.url)
        page.wait_for_selector(drawn, timeout=120_000)
        page.wait_for_load_state("networkidle", timeout=60_000)
    finally:
        context.close()
    deadline = time.monotonic() + limit
    while True:
        lines = proxy.sent_log.read_bytes()[start:].decode().splitlines() if proxy.sent_log.exists() else []
        if any(line.startswith(WEBSOCKET_CLOSED) for line in lines):
            return sum(int(line.split()[1]) for line in lines)
        if time.monotonic() > deadline:
            raise RuntimeError(f"nginx logged no closed websocket in {limit:g} s; see {proxy.sent_log}")
        time.sleep(0.1)
