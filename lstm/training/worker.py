"""A visitor's training run in a background thread: train, stop, continue, reset, under a server-wide cap."""

from __future__ import annotations

import ctypes
import logging
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

import torch

from lstm.locales import _, ngettext, whole
from lstm.training.callbacks import DivergenceGuard, OptimizerCarryOver, Pace, ProgressStream
from lstm.training.data import TrainingData, companies
from lstm.training.evaluation import evaluate_recorded, saturation
from lstm.training.fit import fit
from lstm.training.history import History, HistoryView
from lstm.training.limits import SERVER_LOAD, Limits, server_slots
from lstm.training.model import LSTMbyHand
from lstm.training.process import configure_process
from lstm.training.recipes import RECIPE_LABELS, RECIPES, steps_per_epoch
from lstm.unit.weights import TUTORIAL_SEED, Weights

log = logging.getLogger(__name__)

# Every training worker's thread carries this name, in Python and (cut to Linux's 15 bytes) in the
# operating system, so `top -H`, `ps -L` and the tests can tell workers from the server's own threads.
WORKER_THREAD = "lstm-explorer-run"
WORKER_OS_THREAD = WORKER_THREAD[:15]
PR_SET_NAME = 15  # prctl option: the calling thread's name, as /proc/<pid>/task/<tid>/comm shows it

# What the run says about itself, made when the page reads it: the worker thread speaks no visitor's
# language, the page's script run does.
Said = Callable[[], str]


def _nothing() -> str:
    return ""


def _name_os_thread(name: str) -> None:
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None).prctl(PR_SET_NAME, name.encode())


class RunState(Enum):
    READY = "ready"  # built, never trained, or reset
    QUEUED = "queued"  # waiting for a free slot
    RUNNING = "running"
    STOPPED = "stopped"  # by the visitor, or because the page went away
    FINISHED = "finished"  # the epochs ran, or the budget ended the run
    DIVERGED = "diverged"  # the loss stopped being a finite number
    FAILED = "failed"  # an unexpected error; logged on the server

    @property
    def active(self) -> bool:
        return self in (RunState.QUEUED, RunState.RUNNING)


@dataclass(frozen=True)
class RunConfig:
    """What a visitor chose; the seed and the start make a run reproducible."""

    recipe: str = "fast"
    learning_rate: float = RECIPES["fast"].learning_rate
    epochs: int = RECIPES["fast"].epochs  # per Train or Continue
    seed: int = TUTORIAL_SEED
    start: Weights | None = None  # None: draw the tutorial's way from the seed
    # None: the tutorial's two companies. Tensors have no plain ==, so a config compares without them.
    data: TrainingData | None = field(default=None, compare=False)
    pace_seconds: float | None = None  # "watch it": spread each Train or Continue over at least this long

    @property
    def training_data(self) -> TrainingData:
        return companies() if self.data is None else self.data

    @property
    def label(self) -> str:
        """The run as a list of its choices, in the current language: recipe, learning rate, epochs, start, data."""
        parts = [
            _(RECIPE_LABELS[self.recipe]),
            _("lr {rate}").format(rate=f"{self.learning_rate:g}"),
            ngettext("{count} epoch", "{count} epochs", self.epochs).format(count=whole(self.epochs)),
            _("seed {seed}").format(seed=self.seed) if self.start is None else _("from explorer weights"),
        ]
        if self.data is not None:
            parts.append(_("on {data}").format(data=self.data.name))
        if self.pace_seconds is not None:
            parts.append(_("paced over {seconds} s").format(seconds=f"{self.pace_seconds:g}"))
        return ", ".join(parts)


@dataclass(frozen=True)
class Progress:
    """What the page draws: a snapshot taken under the run's lock."""

    state: RunState
    message: str
    epochs_done: int  # in the current Train or Continue
    epochs_target: int
    steps_per_second: float
    seconds_left: float | None
    history: HistoryView  # every epoch, or (progress(after=...)) those past an epoch and always the last
    weights: Weights


@dataclass
class _Leg:
    """One Train or Continue: how far it got and how fast."""

    epochs: int
    started: float = field(default_factory=time.monotonic)  # when it got a slot and began training
    ended: float | None = None
    first_epoch: int = 0
    stream: ProgressStream | None = None


class TrainingRun:
    """A model, its history and one background worker, owned by one visitor's session.

    The worker never touches Streamlit: it appends to the history and watches a stop event; the
    page polls `progress()`. Each Train or Continue takes one of the server's slots while it runs.
    """

    def __init__(self, config: RunConfig, limits: Limits):
        configure_process()
        self.config = config
        self.limits = limits
        self.recipe = RECIPES[config.recipe]
        self.data = config.training_data
        self.model = LSTMbyHand(learning_rate=config.learning_rate, seed=config.seed, weights=config.start)
        self.initial_weights = self.model.weights()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._last_seen = time.monotonic()
        self._reset_learning()

    def _evaluate(self, recorded: list, position: int) -> tuple[list[float], dict[str, list[float]], list[list[float]]]:
        return evaluate_recorded(recorded, self.data, position)

    def _reset_learning(self) -> None:
        # Epoch 0 is evaluated as every later epoch is, so the whole curve comes from one computation.
        self.history = History(evaluator=self._evaluate)
        with torch.no_grad():
            self.history.record(0, torch.stack(list(self.model.parameters())))
        self._carry = OptimizerCarryOver()
        self._state, self._said = RunState.READY, _nothing
        self._leg: _Leg | None = None

    # Commands from the page.

    def start(self) -> None:
        """Train (or continue) for the configured epochs more, from where the run stands."""
        with self._lock:
            if self._state.active:
                return
            self._stop.clear()
            self._last_seen = time.monotonic()
            self._state, self._said = RunState.QUEUED, lambda: _("waiting for a free training slot")
            self._thread = threading.Thread(target=self._work, name=WORKER_THREAD, daemon=True)
            self._thread.start()

    def stop(self, wait: float = 2.0) -> None:
        """Ask the worker to stop after its current step, and wait for it to be done."""
        self._stop.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(wait)

    def reset(self) -> None:
        """Back to the same initial weights, an empty curve and a fresh optimiser: a fair restart."""
        self.stop()
        with self._lock:
            self.model.set_weights(self.initial_weights)
            self._reset_learning()

    def heartbeat(self) -> None:
        """The page is still watching; without this for `idle_seconds` the run stops."""
        self._last_seen = time.monotonic()

    @property
    def alive(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # What the page reads.

    def progress(self, after: int | None = None) -> Progress:
        """The run as it stands; its history whole, or only the epochs past `after` (and always the last)."""
        with self._lock:
            state, said, leg = self._state, self._said, self._leg
        done = leg.stream.epoch - leg.first_epoch if leg is not None and leg.stream is not None else 0
        target = leg.epochs if leg is not None else self.config.epochs
        elapsed = ((leg.ended or time.monotonic()) - leg.started) if leg is not None else 0.0
        steps = leg.stream.steps if leg is not None and leg.stream is not None else 0
        rate = steps / elapsed if elapsed > 0 and steps else 0.0
        left = (target - done) * steps_per_epoch(self.recipe, len(self.data)) / rate if rate and state.active else None
        view = self.history.view(after)
        weights = Weights.from_mapping({name: values[-1] for name, values in view.weights.items()})
        return Progress(state, said(), done, target, rate, left, view, weights)

    # The worker.

    def _stop_reason(self) -> str | None:
        if self._stop.is_set():
            return "visitor"
        if time.monotonic() - self._last_seen > self.limits.idle_seconds:
            return "idle"
        if self._leg is not None and time.monotonic() - self._leg.started > self.limits.max_seconds:
            return "seconds"
        return None

    def _work(self) -> None:
        _name_os_thread(WORKER_OS_THREAD)
        slots = server_slots(self.limits.max_concurrent_runs)
        SERVER_LOAD.change(queued=1)
        try:
            while not slots.acquire(timeout=0.05):
                if self._stop_reason() is not None:
                    self._finish(RunState.STOPPED, lambda: _("stopped while waiting for a training slot"))
                    return
        finally:
            SERVER_LOAD.change(queued=-1)
        SERVER_LOAD.change(training=1)
        try:
            self._train()
        except Exception:
            log.exception("training run failed")
            self._finish(
                RunState.FAILED, lambda: _("training failed unexpectedly; the weights are the last ones reached")
            )
        finally:
            SERVER_LOAD.change(training=-1)
            slots.release()

    def _train(self) -> None:
        per_epoch = steps_per_epoch(self.recipe, len(self.data))
        epochs = min(self.config.epochs, self.limits.max_steps // per_epoch)
        first_epoch = self.history.last_epoch()
        leg = _Leg(epochs=epochs, first_epoch=first_epoch)
        leg.stream = ProgressStream(self.history, per_epoch, first_epoch, self._stop_reason)
        guard = DivergenceGuard()
        with self._lock:
            self._leg, self._state, self._said = leg, RunState.RUNNING, _nothing
        callbacks = [guard, leg.stream, self._carry]
        if self.config.pace_seconds is not None:
            callbacks.append(Pace(self.config.pace_seconds, epochs * per_epoch, self._stop))
        fit(self.model, self.recipe, epochs, callbacks, data=self.data)
        with self._lock:
            leg.ended = time.monotonic()  # the training's time, as the command line counts it: not what follows
        if guard.diverged_at_step is not None:
            stream = leg.stream
            if stream.steps % per_epoch:  # diverged mid-epoch: the curve still ends on the restored weights
                stream.epoch += 1
                stream.record(self.model)
            epoch, rate = whole(stream.epoch), f"{self.config.learning_rate:g}"
            self._finish(
                RunState.DIVERGED,
                lambda: _(
                    "The loss stopped being a finite number in epoch {epoch}: the learning rate {rate} is too high "
                    "for this unit. The weights are back to the last finite ones; lower the learning rate and train "
                    "again."
                ).format(epoch=epoch, rate=rate),
            )
            return
        view = self.history.view()
        start_loss = view.loss[view.epochs.index(first_epoch)]
        stuck = saturation(self.model.weights(), start_loss, view.loss[-1])
        if stuck is not None:
            rate = self.config.learning_rate
            self._finish(RunState.DIVERGED, lambda: stuck.message(rate))
            return
        seconds, steps = f"{self.limits.max_seconds:g}", whole(self.limits.max_steps)
        endings: dict[str | None, tuple[RunState, Said]] = {
            None: (RunState.FINISHED, _nothing),
            "visitor": (RunState.STOPPED, lambda: _("Stopped. Continue picks up from here, optimiser state and all.")),
            "idle": (RunState.STOPPED, lambda: _("Stopped because the page stopped watching it.")),
            "seconds": (
                RunState.FINISHED,
                lambda: _("Stopped at this server's limit of {seconds} s a run.").format(seconds=seconds),
            ),
        }
        state, said = endings[leg.stream.stop_reason]
        if state is RunState.FINISHED and epochs < self.config.epochs:
            said = lambda: _("Stopped at this server's limit of {steps} steps a run.").format(steps=steps)  # noqa: E731
        self._finish(state, said)

    def _finish(self, state: RunState, said: Said) -> None:
        with self._lock:
            if self._leg is not None and self._leg.ended is None:
                self._leg.ended = time.monotonic()
            self._state, self._said = state, said
