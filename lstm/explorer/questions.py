"""Predict, then reveal: the lesson's questions, each answered from the unit's numbers at the moment it is asked."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from lstm.locales import N_, _
from lstm.unit.days import COMPANIES, DAY_PRESETS
from lstm.unit.explain import percent_text, value_text
from lstm.unit.forward import trace
from lstm.unit.trace import Trace

# Two numbers closer than this count as "about the same": the cells print four decimals, but a learner
# judging "higher or lower" by eye should not be marked wrong over a difference the diagram hardly shows.
SAME = 0.05
SPIKE = DAY_PRESETS["spike"]


@dataclass(frozen=True)
class Answer:
    """The right choice (an index into the question's choices) and one sentence of why, with the numbers."""

    choice: int
    why: str


@dataclass(frozen=True)
class Question:
    """A question a lesson step asks before the cells show its answer.

    Its words are catalogue entries (a choice may name {same}); `prompt` and `choices` say them in the current
    language. The answer's `why` is made when it is asked, in the language of that moment.
    """

    prompt_text: str
    choice_texts: tuple[str, ...]
    answer: Callable[[Mapping[str, float]], Answer]  # from the weights the page shows when it is asked

    @property
    def prompt(self) -> str:
        return _(self.prompt_text)

    @property
    def choices(self) -> tuple[str, ...]:
        return tuple(_(choice).format(same=f"{SAME:g}") for choice in self.choice_texts)


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
        _(
            "After day 2 Company B's long-term memory is {b2} and Company A's {a2}. Day 1's input of 1 left "
            "Company B with {b1} (Company A: {a1}), and day 2's long-remember % kept {kept} of it."
        ).format(
            b2=value_text(b2),
            a2=value_text(a2),
            b1=value_text(b.steps[0].long_memory),
            a1=value_text(a.steps[0].long_memory),
            kept=percent_text(b.steps[1].long_remember),
        ),
    )


def _long_memory_from_day_1_to_4(weights: Mapping[str, float]) -> Answer:
    b = _companies(weights)[1]
    first, last = b.steps[0].long_memory, b.steps[-1].long_memory
    kept = [step.long_remember for step in b.steps[1:]]
    added = [step.potential_remember * step.potential_memory for step in b.steps[1:]]
    return Answer(
        _compared(last, first),
        _(
            "Company B's long-term memory goes from {first} after day 1 to {last} after day 4: on days 2 to 4 the "
            "long-remember % keeps {least} to {most} of it, and potential-remember % × potential memory adds "
            "{added}."
        ).format(
            first=value_text(first),
            last=value_text(last),
            least=percent_text(min(kept)),
            most=percent_text(max(kept)),
            added=", ".join(value_text(value) for value in added),
        ),
    )


def _predictions_apart(weights: Mapping[str, float]) -> Answer:
    a, b = _companies(weights)
    apart = abs(b.prediction - a.prediction)
    choice = 0 if apart < 0.1 else 1 if apart <= 0.5 else 2
    why = (
        _(
            "Company A's prediction is {a} and Company B's {b}, {apart} apart, where the targets are 0 and 1. By "
            "day 4 the difference of day 1 is all but gone: Company B's long-term memory ends at {b_long}, "
            "Company A's at {a_long}."
        ),
        _(
            "Company A's prediction is {a} and Company B's {b}, {apart} apart, where the targets are 0 and 1. By "
            "day 4 the difference of day 1 is partly gone: Company B's long-term memory ends at {b_long}, "
            "Company A's at {a_long}."
        ),
        _(
            "Company A's prediction is {a} and Company B's {b}, {apart} apart, where the targets are 0 and 1. By "
            "day 4 the difference of day 1 is still there: Company B's long-term memory ends at {b_long}, "
            "Company A's at {a_long}."
        ),
    )[choice]
    return Answer(
        choice,
        why.format(
            a=value_text(a.prediction),
            b=value_text(b.prediction),
            apart=value_text(apart),
            b_long=value_text(b.steps[-1].long_memory),
            a_long=value_text(a.steps[-1].long_memory),
        ),
    )


def _nearest(prediction: float) -> int:
    """0: about 0, 1: about 0.5, 2: about 1."""
    return min(range(3), key=lambda index: abs(prediction - index / 2))


def _company_b_prediction(weights: Mapping[str, float]) -> Answer:
    a, b = _companies(weights)
    return Answer(
        _nearest(b.prediction),
        _(
            "Company B's prediction is {b} (Company A's {a}). Day 1 lives on in Company B's long-term memory, "
            "{long} after day 4, and day 4's output % of {output} turns tanh of it into the prediction."
        ).format(
            b=value_text(b.prediction),
            a=value_text(a.prediction),
            long=value_text(b.steps[-1].long_memory),
            output=percent_text(b.steps[-1].output),
        ),
    )


def _spike_prediction(weights: Mapping[str, float]) -> Answer:
    spike = trace(SPIKE, weights)
    first, last = spike.steps[0].long_memory, spike.steps[-1].long_memory
    calm = spike.steps[1:]
    if abs(last) < SAME:
        why = _(
            "The prediction after a spike of 1 and five calm days is {prediction}: the long-term memory goes from "
            "{first} after day 1 to {last} after day {days}, so day 1 is forgotten."
        )
    elif abs(last - first) < SAME:
        why = _(
            "The prediction after a spike of 1 and five calm days is {prediction}: the long-term memory is {first} "
            "after day 1 and {last} after day {days}, so day 1 is kept about as it was."
        )
    elif abs(last) > abs(first):
        why = _(
            "The prediction after a spike of 1 and five calm days is {prediction}: the long-term memory goes from "
            "{first} after day 1 to {last} after day {days}. It does not only remember day 1, it grows on days of "
            "0: long-remember % keeps {least} to {most} of it each day, and potential-remember % × potential memory "
            "adds as much as {added} a day. The unit latches: one high day keeps the memory climbing."
        )
    else:
        why = _(
            "The prediction after a spike of 1 and five calm days is {prediction}: the long-term memory goes from "
            "{first} after day 1 to {last} after day {days}, so day 1 fades: long-remember % keeps only {least} to "
            "{most} of it each day."
        )
    return Answer(
        _nearest(spike.prediction),
        why.format(
            prediction=value_text(spike.prediction),
            first=value_text(first),
            last=value_text(last),
            days=len(SPIKE),
            least=percent_text(min(step.long_remember for step in calm)),
            most=percent_text(max(step.long_remember for step in calm)),
            added=value_text(max(step.potential_remember * step.potential_memory for step in calm)),
        ),
    )


HIGHER_OR_LOWER = (N_("Higher"), N_("Lower"), N_("About the same (less than {same} apart)"))
NEAR_0_HALF_1 = (N_("About 0"), N_("About 0.5"), N_("About 1"))

# The lesson's steps 2, 3, 5, 7 and 8 ask these; each step's own view is the reveal.
B_AGAINST_A_ON_DAY_2 = Question(
    N_(
        "Company B's day 1 is 1 instead of Company A's 0. After day 2, will Company B's long-term memory be "
        "higher or lower than Company A's?"
    ),
    HIGHER_OR_LOWER,
    _long_memory_after_day_2,
)
B_FROM_DAY_1_TO_4 = Question(
    N_("From day 1 to day 4, will Company B's long-term memory grow, shrink, or stay about the same?"),
    (N_("It grows"), N_("It shrinks"), N_("It stays about the same (less than {same} change)")),
    _long_memory_from_day_1_to_4,
)
UNTRAINED_APART = Question(
    N_("With these untrained weights, how far apart will Company A's and Company B's predictions be?"),
    (N_("Less than 0.1 apart"), N_("Between 0.1 and 0.5 apart"), N_("More than 0.5 apart")),
    _predictions_apart,
)
TRAINED_B = Question(
    N_("After training, what will the unit predict for Company B's day 5?"),
    NEAR_0_HALF_1,
    _company_b_prediction,
)
SPIKE_THEN_CALM = Question(
    N_("A spike of 1 on day 1, then five days of 0: what will the trained unit predict?"),
    NEAR_0_HALF_1,
    _spike_prediction,
)
