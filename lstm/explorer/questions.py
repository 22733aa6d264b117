"""Predict, then reveal: the lesson's questions, each answered from the unit's numbers at the moment it is asked."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from lstm.unit.days import COMPANIES, DAY_PRESETS
from lstm.unit.explain import percent_text, value_text
from lstm.unit.forward import trace
from lstm.unit.trace import Trace

# Two numbers closer than this count as "about the same": the cells print four decimals, but a learner
# judging "higher or lower" by eye should not be marked wrong over a difference the diagram hardly shows.
SAME = 0.05
SPIKE = DAY_PRESETS["Early spike, then calm"]


@dataclass(frozen=True)
class Answer:
    """The right choice (an index into the question's choices) and one sentence of why, with the numbers."""

    choice: int
    why: str


@dataclass(frozen=True)
class Question:
    """A question a lesson step asks before the cells show its answer."""

    prompt: str
    choices: tuple[str, ...]
    answer: Callable[[Mapping[str, float]], Answer]  # from the weights the page shows when it is asked


def _companies(weights: Mapping[str, float]) -> tuple[Trace, Trace]:
    return trace(COMPANIES["A"][0], weights), trace(COMPANIES["B"][0], weights)


def _compared(first: float, second: float) -> int:
    """0: higher, 1: lower, 2: about the same."""
    if abs(first - second) < SAME:
        return 2
    return 0 if first > second else 1


def _long_memory_after_day_2(weights: Mapping[str, float]) -> Answer:
    a, b = _companies(weights)
    a2, b2 = a.steps[1].long_memory, b.steps[1].long_memory
    return Answer(
        _compared(b2, a2),
        f"After day 2 Company B's long-term memory is {value_text(b2)} and Company A's {value_text(a2)}. "
        f"Day 1's input of 1 left Company B with {value_text(b.steps[0].long_memory)} (Company A: "
        f"{value_text(a.steps[0].long_memory)}), and day 2's long-remember % kept "
        f"{percent_text(b.steps[1].long_remember)} of it.",
    )


def _long_memory_from_day_1_to_4(weights: Mapping[str, float]) -> Answer:
    _, b = _companies(weights)
    first, last = b.steps[0].long_memory, b.steps[-1].long_memory
    kept = [step.long_remember for step in b.steps[1:]]
    added = [step.potential_remember * step.potential_memory for step in b.steps[1:]]
    return Answer(
        _compared(last, first),
        f"Company B's long-term memory goes from {value_text(first)} after day 1 to {value_text(last)} after "
        f"day 4: on days 2 to 4 the long-remember % keeps {percent_text(min(kept))} to {percent_text(max(kept))} "
        f"of it, and potential-remember % × potential memory adds "
        f"{', '.join(value_text(value) for value in added)}.",
    )


def _predictions_apart(weights: Mapping[str, float]) -> Answer:
    a, b = _companies(weights)
    apart = abs(b.prediction - a.prediction)
    choice = 0 if apart < 0.1 else 1 if apart <= 0.5 else 2
    return Answer(
        choice,
        f"Company A's prediction is {value_text(a.prediction)} and Company B's {value_text(b.prediction)}, "
        f"{value_text(apart)} apart, where the targets are 0 and 1. By day 4 the difference of day 1 is "
        f"{'all but gone' if choice == 0 else 'still there' if choice == 2 else 'partly gone'}: Company B's "
        f"long-term memory ends at {value_text(b.steps[-1].long_memory)}, Company A's at "
        f"{value_text(a.steps[-1].long_memory)}.",
    )


def _nearest(prediction: float) -> int:
    """0: about 0, 1: about 0.5, 2: about 1."""
    return min(range(3), key=lambda index: abs(prediction - index / 2))


def _company_b_prediction(weights: Mapping[str, float]) -> Answer:
    a, b = _companies(weights)
    return Answer(
        _nearest(b.prediction),
        f"Company B's prediction is {value_text(b.prediction)} (Company A's {value_text(a.prediction)}). "
        f"Day 1 lives on in Company B's long-term memory, {value_text(b.steps[-1].long_memory)} after day 4, "
        f"and day 4's output % of {percent_text(b.steps[-1].output)} turns tanh of it into the prediction.",
    )


def _spike_prediction(weights: Mapping[str, float]) -> Answer:
    spike = trace(SPIKE, weights)
    return Answer(
        _nearest(spike.prediction),
        f"The prediction after a spike of 1 and five calm days is {value_text(spike.prediction)}: the "
        f"long-term memory goes from {value_text(spike.steps[0].long_memory)} after day 1 to "
        f"{value_text(spike.steps[-1].long_memory)} after day {len(SPIKE)}, so day 1 is "
        f"{'still remembered' if abs(spike.steps[-1].long_memory) >= SAME else 'forgotten'}.",
    )


HIGHER_OR_LOWER = ("Higher", "Lower", f"About the same (less than {SAME:g} apart)")
NEAR_0_HALF_1 = ("About 0", "About 0.5", "About 1")

# The lesson's steps 2, 3, 5, 7 and 8 ask these; each step's own view is the reveal.
B_AGAINST_A_ON_DAY_2 = Question(
    "Company B's day 1 is 1 instead of Company A's 0. After day 2, will Company B's long-term memory be "
    "higher or lower than Company A's?",
    HIGHER_OR_LOWER,
    _long_memory_after_day_2,
)
B_FROM_DAY_1_TO_4 = Question(
    "From day 1 to day 4, will Company B's long-term memory grow, shrink, or stay about the same?",
    ("It grows", "It shrinks", f"It stays about the same (less than {SAME:g} change)"),
    _long_memory_from_day_1_to_4,
)
UNTRAINED_APART = Question(
    "With these untrained weights, how far apart will Company A's and Company B's predictions be?",
    ("Less than 0.1 apart", "Between 0.1 and 0.5 apart", "More than 0.5 apart"),
    _predictions_apart,
)
TRAINED_B = Question(
    "After training, what will the unit predict for Company B's day 5?",
    NEAR_0_HALF_1,
    _company_b_prediction,
)
SPIKE_THEN_CALM = Question(
    "A spike of 1 on day 1, then five days of 0: what will the trained unit predict?",
    NEAR_0_HALF_1,
    _spike_prediction,
)
