"""Training's figures beside their floors: the product's step against a naive bare loop, time to trained against
the tutorial's recipe."""

from __future__ import annotations

import time

import lightning as L
import torch
from torch.optim import Adam

from lstm.training.data import company_tensors
from lstm.training.evaluation import evaluate
from lstm.training.fit import fit, train
from lstm.training.model import LSTMbyHand
from lstm.training.recipes import RECIPES, Recipe, steps_per_epoch
from lstm.unit.weights import NAMES

TRAINED_WITHIN = 0.05  # both predictions this close to their targets count as trained
# The steady state of a run: the cost of the steps between a short and a long run, set-up left out.
SHORT_RUN, LONG_RUN = 200, 2000


class UntilTrained(L.Callback):
    """Stops a run at the first epoch where both companies are within TRAINED_WITHIN of their labels.

    The check is the benchmark's, not the run's: the seconds it takes are kept, to be taken off.
    """

    def __init__(self, steps_per_epoch: int):
        self.steps_per_epoch = steps_per_epoch
        self.steps = 0
        self.checking_seconds = 0.0
        self.reached = False

    def on_train_batch_end(self, trainer, pl_module, outputs, batch, batch_idx) -> None:
        self.steps += 1
        if self.steps % self.steps_per_epoch:
            return
        began = time.perf_counter()
        _, predictions = evaluate(pl_module)
        if abs(predictions["A"]) < TRAINED_WITHIN and abs(predictions["B"] - 1) < TRAINED_WITHIN:
            self.reached = True
            trainer.should_stop = True
        self.checking_seconds += time.perf_counter() - began


def time_to_trained(recipe: Recipe) -> float:
    """Seconds from nothing (model, trainer, loaders) until both predictions are within 0.05 of their targets.

    The fast recipe runs as the product runs it (`train`); the tutorial's as the video does, through
    `lightning.Trainer` with `self.log` on every step.
    """
    stopper = UntilTrained(steps_per_epoch(recipe))
    began = time.perf_counter()
    if recipe.name == "tutorial":
        fit(LSTMbyHand(learning_rate=recipe.learning_rate, seed=42), recipe, recipe.epochs, [stopper], log_steps=True)
    else:
        train(recipe, epochs=LONG_RUN, seed=42, callbacks=[stopper])
    seconds = time.perf_counter() - began - stopper.checking_seconds
    if not stopper.reached:
        raise RuntimeError(f"the {recipe.name} recipe did not reach its targets")
    return seconds


def product_run_seconds(epochs: int) -> float:
    """A whole run of the fast recipe as the product trains it (one optimiser step per epoch)."""
    began = time.perf_counter()
    train(RECIPES["fast"], epochs=epochs, seed=42)
    return time.perf_counter() - began


def naive_run_seconds(steps: int) -> float:
    """A bare PyTorch loop that writes the tutorial's arithmetic out naively, both companies per step."""
    began = time.perf_counter()
    generator = torch.Generator().manual_seed(42)
    w = {name: torch.normal(0.0, 1.0, (), generator=generator).requires_grad_() for name in NAMES}
    optimizer = Adam(w.values(), lr=0.1)
    inputs, labels = company_tensors()
    for _ in range(steps):
        optimizer.zero_grad()
        long_memory = short_memory = torch.zeros(2)
        for day in range(inputs.shape[1]):
            x = inputs[:, day]
            long_remember = torch.sigmoid(short_memory * w["wlr1"] + x * w["wlr2"] + w["blr1"])
            potential_remember = torch.sigmoid(short_memory * w["wpr1"] + x * w["wpr2"] + w["bpr1"])
            potential = torch.tanh(short_memory * w["wp1"] + x * w["wp2"] + w["bp1"])
            long_memory = long_memory * long_remember + potential_remember * potential
            output = torch.sigmoid(short_memory * w["wo1"] + x * w["wo2"] + w["bo1"])
            short_memory = torch.tanh(long_memory) * output
        loss = ((short_memory - labels) ** 2).sum()
        loss.backward()
        optimizer.step()
    return time.perf_counter() - began


def steady_step_ms(run_seconds) -> float:
    """Milliseconds per extra step between a short and a long run: what a step costs once a run is going."""
    return (run_seconds(LONG_RUN) - run_seconds(SHORT_RUN)) * 1000 / (LONG_RUN - SHORT_RUN)


def step_costs_ms(repeats: int) -> tuple[list[float], list[float]]:
    """The product's steady step and the naive loop's, in turns, `repeats` of each."""
    product, naive = [], []
    for _ in range(repeats):
        product.append(steady_step_ms(product_run_seconds))
        naive.append(steady_step_ms(naive_run_seconds))
    return product, naive


def times_to_trained(repeats: int) -> tuple[list[float], list[float]]:
    """The fast recipe's and the tutorial's seconds to trained, in turns."""
    fast, tutorial = [], []
    for _ in range(repeats):
        fast.append(time_to_trained(RECIPES["fast"]))
        tutorial.append(time_to_trained(RECIPES["tutorial"]))
    return fast, tutorial
