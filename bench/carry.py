"""The carry experiment's training at its longest: one run of each unit at 60 days beside a naive bare PyTorch loop."""

from __future__ import annotations

import time

import torch
from torch.optim import Adam

from bench.table import Figure, Target, compare
from lstm.insights.carry import MAX_DAYS, stretched
from lstm.training.model import LSTMbyHand
from lstm.training.rnn_carry import RECIPE, SEEDS, train_unit
from lstm.training.rnn_fit import draw

# The budget for one training of the experiment at N = 60, set-up included.
BUDGET_SECONDS = 2.0
SEED = SEEDS[0]


def product_seconds(unit: str, days: int = MAX_DAYS) -> float:
    """One training as `python -m lstm carry --unit <unit> --days 60` runs it, the experiment's budget and seed."""
    began = time.perf_counter()
    train_unit(unit, days, SEED)
    return time.perf_counter() - began


def naive_rnn_loss(w: dict[str, torch.Tensor], inputs: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
    activation = torch.zeros(inputs.shape[0], dtype=inputs.dtype)
    for day in range(inputs.shape[1]):
        activation = torch.relu(inputs[:, day] * w["w1"] + activation * w["w2"] + w["b1"])
    return ((activation * w["w3"] + w["b2"] - targets) ** 2).sum()


def naive_lstm_loss(w: dict[str, torch.Tensor], inputs: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
    long_memory = short_memory = torch.zeros(inputs.shape[0], dtype=inputs.dtype)
    for day in range(inputs.shape[1]):
        x = inputs[:, day]
        long_remember = torch.sigmoid(short_memory * w["wlr1"] + x * w["wlr2"] + w["blr1"])
        potential_remember = torch.sigmoid(short_memory * w["wpr1"] + x * w["wpr2"] + w["bpr1"])
        potential = torch.tanh(short_memory * w["wp1"] + x * w["wp2"] + w["bp1"])
        long_memory = long_memory * long_remember + potential_remember * potential
        output = torch.sigmoid(short_memory * w["wo1"] + x * w["wo2"] + w["bo1"])
        short_memory = torch.tanh(long_memory) * output
    return ((short_memory - targets) ** 2).sum()


def naive_training(unit: str, days: int = MAX_DAYS) -> dict[str, float]:
    """The same training written out naively: autograd through every day, both companies a step, same Adam."""
    inputs, targets = (torch.tensor(array) for array in stretched(days))  # float64, as both units train
    if unit == "rnn":
        start, loss_of = draw(SEED).to_dict(), naive_rnn_loss
    else:
        start, loss_of = dict(LSTMbyHand(seed=SEED).weights()), naive_lstm_loss  # the product's draw, biases 0
    w = {name: torch.tensor(value, dtype=inputs.dtype, requires_grad=True) for name, value in start.items()}
    optimizer = Adam(w.values(), lr=RECIPE.learning_rate)
    for _ in range(RECIPE.epochs):
        optimizer.zero_grad()
        loss_of(w, inputs, targets).backward()
        optimizer.step()
    return {name: value.item() for name, value in w.items()}


def naive_seconds(unit: str, days: int = MAX_DAYS) -> float:
    began = time.perf_counter()
    naive_training(unit, days)
    return time.perf_counter() - began


def carry_figures(repeats: int) -> list[Figure]:
    """Each unit's one training at 60 days, held to the issue's 2 s, the naive loop beside it; in turns."""
    figures = []
    for unit, name in (("rnn", "plain RNN, hand-written gradient"), ("lstm", "LSTM, hand-written gradient")):
        product, naive = [], []
        for _ in range(repeats):
            product.append(product_seconds(unit))
            naive.append(naive_seconds(unit))
        figures.append(
            compare(
                f"carry experiment: one training at {MAX_DAYS} days, {RECIPE.epochs} epochs, {name}",
                product,
                naive,
                "s",
                "naive PyTorch loop, autograd",
                Target(True, BUDGET_SECONDS, "s"),
            )
        )
    return figures
