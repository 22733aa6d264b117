"""What a visitor's session keeps across pages: the keys pages share, and the visitor's training runs."""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

if TYPE_CHECKING:
    from lstm.training.worker import TrainingRun

# The visitor's training runs, oldest first; checking for one does not load Lightning.
TRAINING_RUNS = "training_runs"
# What the next run trains on: "companies", or "series" (the visitor's own, from its page).
TRAIN_ON = "train_on"
# The visitor's last good price series, and the last good window; a bad paste or file never replaces them.
SERIES = "own_series"
SERIES_WINDOW = "own_series_window"
# Set by "Train on this series": the Training page starts a run on the series as it opens.
TRAIN_NOW = "train_now"


def training_runs() -> list[TrainingRun]:
    """This visitor's training runs, oldest first; the last is the current one."""
    return st.session_state.setdefault(TRAINING_RUNS, [])


def latest_run() -> TrainingRun | None:
    """The visitor's current training run, or None before the first."""
    runs = training_runs()
    return runs[-1] if runs else None


def has_runs() -> bool:
    return bool(st.session_state.get(TRAINING_RUNS))
