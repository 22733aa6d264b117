"""How to train: the tutorial's recipe and the product's fast one, and what an epoch costs in optimiser steps."""

from __future__ import annotations

from dataclasses import dataclass

from lstm.locales import N_
from lstm.unit.days import COMPANIES


@dataclass(frozen=True)
class Recipe:
    """How to train: the batching, the learning rate and the default epoch budget."""

    name: str
    batch_size: int | None  # sequences per optimiser step; None: both companies in one step
    learning_rate: float  # Adam's learning rate
    epochs: int  # default budget: passes over both companies


RECIPES: dict[str, Recipe] = {
    # The video's recipe: DataLoader defaults (one company per step) and Adam's default lr.
    "tutorial": Recipe("tutorial", batch_size=1, learning_rate=0.001, epochs=5000),
    # The product's default: one step sees both companies, and a learning rate 100x the tutorial's.
    "fast": Recipe("fast", batch_size=None, learning_rate=0.1, epochs=300),
}

# Each recipe's name as a page says it; the recipes themselves are keys of RECIPES.
RECIPE_LABELS = {"tutorial": N_("tutorial"), "fast": N_("fast")}

MAX_EPOCHS = 5000


def steps_per_epoch(recipe: Recipe, sequences: int = len(COMPANIES)) -> int:
    return 1 if recipe.batch_size is None else -(-sequences // recipe.batch_size)
