"""The process-wide settings training wants, made by one explicit call: the app, the CLI and each run make it."""

from __future__ import annotations

import logging
import warnings

import torch


def configure_process() -> None:
    """One torch thread, and none of Lightning's remarks that do not apply to a unit of twelve numbers.

    Importing the package changes nothing process-wide: a notebook or another app that imports it
    keeps its own threads and warning filters until it calls this (calling again changes nothing more).
    """
    # Many small runs share a server: one intra-op thread each keeps them from fighting over the cores,
    # and tensors of two sequences gain nothing from more.
    torch.set_num_threads(1)
    for message, category in QUIET_WARNINGS:
        warnings.filterwarnings("ignore", message=message, category=category)
    # Lightning's device banner and hints are noise for every visitor and script.
    logging.getLogger("lightning.pytorch").setLevel(logging.ERROR)
    logging.getLogger("lightning.fabric").setLevel(logging.ERROR)


# A two-sequence dataset is meant to be small: Lightning's advice on workers and logging intervals is
# noise here. Lightning 2.6 still builds torch's LeafSpec, which torch 2.13 deprecates on every step.
# In barebones mode each `self.log` in the tutorial's training_step says it does nothing, as intended.
QUIET_WARNINGS: tuple[tuple[str, type[Warning]], ...] = (
    (".*does not have many workers.*", Warning),
    (".*smaller than the logging interval.*", Warning),
    (r".*isinstance\(treespec, LeafSpec\).*", FutureWarning),
    (r"You are trying to `self.log\(\)` but `Trainer\(barebones=True\)`", Warning),
)
