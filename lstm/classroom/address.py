"""The address phones can reach: the join link, built from the teacher page's host or a public URL.

Nothing here sends a packet: this machine's addresses are read from the kernel's table
(/proc/net/fib_trie on Linux) or, elsewhere, from what the host's own name resolves to.
"""

from __future__ import annotations

import ipaddress
import os
import re
import socket
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

from lstm.classroom.codes import normal_code

PUBLIC_URL_VARIABLE = "LSTM_EXPLORER_PUBLIC_URL"  # e.g. https://lstm.example.org (a server behind a proxy)
VOTE_PAGE = "vote"  # the phone page's path
FIB_TRIE = Path("/proc/net/fib_trie")
# What a Host header may be: a name or IPv4 address, or an IPv6 one in brackets, each with an optional port.
HOST = re.compile(r"[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?|\[[0-9A-Fa-f:.]{2,45}\](:[0-9]{1,5})?")
LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}


@dataclass(frozen=True)
class JoinAddress:
    """Where phones join: the base address, the join link, and whether the teacher's page was on loopback."""

    base: str  # scheme://host[:port][/base path], without a trailing slash
    link: str  # base + /vote?code=CODE: what the QR code holds and the projector writes out
    loopback: bool  # the page was opened as localhost: say that phones need `base`, and --server.address 0.0.0.0
    reachable: bool  # False when the page is on loopback and no network address was found: the link is local


def is_loopback(host: str) -> bool:
    """Whether `host` ("localhost:8501", "127.0.0.1", "[::1]:8501") names this machine to itself only."""
    name = (urlsplit(f"//{host}").hostname or "").rstrip(".").lower()
    if name in LOOPBACK_NAMES or name.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def fib_trie_addresses(table: str) -> list[str]:
    """The IPv4 addresses a /proc/net/fib_trie text lists as this machine's own ("/32 host LOCAL")."""
    found, last = [], None
    for line in table.splitlines():
        text = line.strip()
        if text.startswith("|-- "):
            last = text[4:]
        elif text.startswith("/32 host LOCAL") and last and last not in found:
            found.append(last)
    return found


def lan_addresses() -> list[str]:
    """This machine's IPv4 addresses on its networks: not loopback nor link-local, private ones first."""
    try:
        candidates = fib_trie_addresses(FIB_TRIE.read_text())
    except OSError:
        try:
            infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
        except OSError:
            infos = []
        candidates = list(dict.fromkeys(str(info[4][0]) for info in infos))
    usable = []
    for text in candidates:
        address = ipaddress.ip_address(text)
        if not (address.is_loopback or address.is_link_local or address.is_unspecified or address.is_multicast):
            usable.append(address)
    return [str(address) for address in sorted(usable, key=lambda address: not address.is_private)]


def join_link(base: str, code: str) -> str:
    return f"{base.rstrip('/')}/{VOTE_PAGE}?code={quote(code)}"


def join_address(
    code: str, host: str, *, scheme: str = "http", base_path: str = "", environ: Mapping[str, str] | None = None
) -> JoinAddress:
    """The join address of class `code` for a teacher's page served at `host` (its Host header).

    LSTM_EXPLORER_PUBLIC_URL, when set, is the base. Otherwise the page's own host, unless that is
    loopback: then this machine's first network address, on the same port.
    """
    if normal_code(code) != code:
        raise ValueError(f"not a join code: {code!r}")
    if HOST.fullmatch(host) is None or scheme not in ("http", "https"):
        raise ValueError(f"not a host and port: {host!r} ({scheme})")
    environ = os.environ if environ is None else environ
    public = environ.get(PUBLIC_URL_VARIABLE, "").strip()
    if public:
        if urlsplit(public).scheme not in ("http", "https") or not urlsplit(public).hostname:
            raise ValueError(f"{PUBLIC_URL_VARIABLE} must be an http:// or https:// address, not {public!r}")
        return JoinAddress(public.rstrip("/"), join_link(public, code), loopback=False, reachable=True)
    path = "/" + base_path.strip("/") if base_path.strip("/") else ""
    if not is_loopback(host):
        base = f"{scheme}://{host}{path}"
        return JoinAddress(base, join_link(base, code), loopback=False, reachable=True)
    port = urlsplit(f"//{host}").port
    found = lan_addresses()
    network_host = (f"{found[0]}:{port}" if port else found[0]) if found else host
    base = f"{scheme}://{network_host}{path}"
    return JoinAddress(base, join_link(base, code), loopback=True, reachable=bool(found))
