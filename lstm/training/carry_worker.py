"""The carry experiment recomputed on demand: both units trained for one length and seed, in a background thread.

One recompute is two trainings (the plain RNN's, then the LSTM's) of the experiment's fixed budget, each a few
seconds at most at 60 days. It waits for one of the server's training slots, the same semaphore the Training
page's runs share, so the cap holds across every visitor and page; it never calls Streamlit.
"""

from __future__ import annotations

import logging
import threading
import time
from enum import Enum

from lstm.insights.carry import UNITS
from lstm.training.limits import SERVER_LOAD, Limits, server_slots

log = logging.getLogger(__name__)
# The Training page's workers' name (lstm.training.worker.WORKER_THREAD), so tools and tests count these too; not
# imported from there, as that module loads Lightning, which the page needs only once a training starts.
WORKER_THREAD = "lstm-explorer-run"


class RecomputeState(Enum):
    QUEUED = "queued"  # waiting for a free training slot
    RUNNING = "running"
    FINISHED = "finished"
    STOPPED = "stopped"  # the page stopped watching while it waited
    FAILED = "failed"  # an unexpected error; logged on the server

    @property
    def active(self) -> bool:
        return self in (RecomputeState.QUEUED, RecomputeState.RUNNING)


class CarryRecompute:
    """Both units trained on the companies stretched to `days` days from `seed`; the records as the JSON keeps them."""

    def __init__(self, days: int, seed: int, limits: Limits, epochs: int | None = None):
        self.days, self.seed, self.epochs, self.limits = days, seed, epochs, limits
        self.records: dict[str, dict] = {}  # unit -> CarryRun.to_record(), as each training ends
        self._state = RecomputeState.QUEUED
        self._lock = threading.Lock()
        self._last_seen = time.monotonic()
        self._thread = threading.Thread(target=self._work, name=WORKER_THREAD, daemon=True)

    def start(self) -> CarryRecompute:
        self._thread.start()
        return self

    def heartbeat(self) -> None:
        """The page is still watching; a recompute still waiting for a slot without this for a while gives up."""
        self._last_seen = time.monotonic()

    @property
    def state(self) -> RecomputeState:
        with self._lock:
            return self._state

    def wait(self, limit: float) -> bool:
        """Waits up to `limit` seconds for the thread to end; True if it has."""
        self._thread.join(limit)
        return not self._thread.is_alive()

    def _set(self, state: RecomputeState) -> None:
        with self._lock:
            self._state = state

    def _work(self) -> None:
        slots = server_slots(self.limits.max_concurrent_runs)
        SERVER_LOAD.change(queued=1)
        try:
            while not slots.acquire(timeout=0.05):
                if time.monotonic() - self._last_seen > self.limits.idle_seconds:
                    self._set(RecomputeState.STOPPED)
                    return
        finally:
            SERVER_LOAD.change(queued=-1)
        SERVER_LOAD.change(training=1)
        self._set(RecomputeState.RUNNING)
        try:
            from lstm.training.rnn_carry import train_unit  # torch loads here, in the worker, not in the page

            for unit in UNITS:
                record = train_unit(unit, self.days, self.seed, self.epochs).to_record()
                with self._lock:
                    self.records[unit] = record
            self._set(RecomputeState.FINISHED)
        except Exception:
            log.exception("carry recompute failed")
            self._set(RecomputeState.FAILED)
        finally:
            SERVER_LOAD.change(training=-1)
            slots.release()
