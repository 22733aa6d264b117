"""What one server allows every visitor's runs: the limits, their settings, the shared cap and its load."""

from __future__ import annotations

import functools
import threading
from collections.abc import Mapping
from dataclasses import dataclass

# The environment variables (or Streamlit secrets) that set each limit.
LIMIT_VARIABLES = {
    "max_concurrent_runs": "LSTM_EXPLORER_MAX_RUNS",
    "max_steps": "LSTM_EXPLORER_MAX_STEPS",
    "max_seconds": "LSTM_EXPLORER_MAX_SECONDS",
    "idle_seconds": "LSTM_EXPLORER_IDLE_SECONDS",
}


@dataclass(frozen=True)
class Limits:
    """What one server allows; read from environment variables (or Streamlit secrets by the page)."""

    max_concurrent_runs: int = 2  # runs training at once across all visitors; one per core
    max_steps: int = 10_000  # optimiser steps per Train or Continue: the tutorial's 5000 epochs
    max_seconds: float = 120.0  # wall-clock seconds per Train or Continue
    # A run whose page stopped polling (tab closed) stops after this. Generous: on a busy server a page's
    # polls (script runs of their own) can come many seconds late, and its run must not stop for that.
    idle_seconds: float = 60.0

    @classmethod
    def from_settings(cls, settings: Mapping[str, object]) -> Limits:
        """Limits from a mapping of LIMIT_VARIABLES names (os.environ, secrets); bad values are refused."""
        values = {}
        for name, variable in LIMIT_VARIABLES.items():
            if variable not in settings:
                continue
            raw = settings[variable]
            kind = int if name in ("max_concurrent_runs", "max_steps") else float
            try:
                value = kind(raw)
            except (TypeError, ValueError):
                raise ValueError(f"{variable} must be a {'whole ' if kind is int else ''}number, not {raw!r}") from None
            if not value > 0:
                raise ValueError(f"{variable} must be positive, not {raw!r}")
            values[name] = value
        return cls(**values)


@functools.cache
def server_slots(count: int) -> threading.BoundedSemaphore:
    """The semaphore every run of this process shares, one per configured cap."""
    return threading.BoundedSemaphore(count)


class ServerLoad:
    """How many runs of all visitors are training or waiting, for the page to show."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.training = 0
        self.queued = 0

    def change(self, training: int = 0, queued: int = 0) -> None:
        with self._lock:
            self.training += training
            self.queued += queued

    def snapshot(self) -> tuple[int, int]:
        with self._lock:
            return self.training, self.queued


SERVER_LOAD = ServerLoad()
