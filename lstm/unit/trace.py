"""A Trace: what the unrolled unit computed each day, as plain floats that need no torch."""

from __future__ import annotations

from dataclasses import dataclass

from lstm.locales import N_

# The per-day quantities, in the order the unit computes them; tables and CSV columns follow it.
STEP_FIELDS = (
    "day",
    "input",
    "long_remember",
    "potential_remember",
    "potential_memory",
    "output",
    "long_memory",
    "short_memory",
)


# How tables, CSV readers and the command line title each field, with the tutorial's names; catalogue entries,
# so a page translates them with `_` where shown, and the command line prints them as they are (English).
STEP_TITLES = {
    "day": N_("day"),
    "input": N_("input"),
    "long_remember": N_("long-remember %"),
    "potential_remember": N_("potential-remember %"),
    "potential_memory": N_("potential memory"),
    "output": N_("output %"),
    "long_memory": N_("long memory"),
    "short_memory": N_("short memory"),
}


@dataclass(frozen=True)
class DayStep:
    """One day through the unit: the input, the four gate values, and both memories after the day."""

    day: int  # 1-based, as the tutorial counts days
    input: float
    long_remember: float  # long-remember % (forget gate)
    potential_remember: float  # potential-remember % (input gate)
    potential_memory: float  # potential long-term memory (candidate cell state)
    output: float  # output % (output gate)
    long_memory: float  # long-term memory (cell state) after the day
    short_memory: float  # short-term memory (hidden state) after the day
    # Each gate's weighted sum before its sigmoid or tanh, in GATES order, and tanh of the new long memory:
    # what the cell's detail view writes on its wires. Not part of tables, CSV or the command line's JSON.
    sums: tuple[float, ...] = ()
    squashed_long_memory: float | None = None


@dataclass(frozen=True)
class Trace:
    """Every day of one unrolled pass; the prediction is the last day's short memory."""

    steps: tuple[DayStep, ...]

    @property
    def prediction(self) -> float:
        return self.steps[-1].short_memory

    def memories_before(self, index: int) -> tuple[float, float]:
        """Long and short memory entering day `index` (0-based): both start at 0."""
        if index == 0:
            return 0.0, 0.0
        previous = self.steps[index - 1]
        return previous.long_memory, previous.short_memory

    def to_dict(self) -> dict:
        steps = [{field: getattr(step, field) for field in STEP_FIELDS} for step in self.steps]
        return {"prediction": self.prediction, "steps": steps}

    def rows(self) -> list[list[float]]:
        """One row per day in STEP_FIELDS order, for tables and CSV."""
        return [[getattr(step, field) for field in STEP_FIELDS] for step in self.steps]
