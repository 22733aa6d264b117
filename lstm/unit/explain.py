"""Each stage's arithmetic with the numbers filled in, as plain text, and what a prediction means."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from lstm.locales import N_, _
from lstm.unit.days import COMPANIES, company_of
from lstm.unit.gates import GATE_BY_FIELD, GATES
from lstm.unit.stages import Position, stage_title
from lstm.unit.trace import Trace
from lstm.unit.weights import TUTORIAL_SEED

# One rule for every number the page prints: values to 4 decimals, gate percentages to 2 decimals of a
# percent. Recomputing a printed line from its printed numbers gives its printed result to within one
# unit in the last place; two decimals did not (tanh(0.01) × 0.42 = 0.00 beside a prediction of 0.0022).
DECIMALS = 4
# The tutorial's diagram draws the sigmoid as σ.
SYMBOLS = {"sigmoid": "σ", "tanh": "tanh"}


def value_text(number: float) -> str:
    """`-0.20229` -> "-0.2023"; a value that rounds to zero is "0.0000", never "-0.0000"."""
    text = f"{number:.{DECIMALS}f}"
    return text.lstrip("-") if float(text) == 0 else text


def percent_text(fraction: float) -> str:
    """A gate's value as a percentage with two decimals: 0.83529 -> "83.53%"."""
    text = f"{fraction * 100:.2f}"
    return f"{text.lstrip('-') if float(text) == 0 else text}%"


def factor_text(number: float) -> str:
    """A value multiplied by another: negative ones in brackets, so "× (-0.1286)" reads as one factor."""
    text = value_text(number)
    return f"({text})" if text.startswith("-") else text


# What each factor of a gate's sum multiplies, as the equations name it; translated with `_` where shown.
SHORT_SAID = N_("short")
INPUT_SAID = N_("input")


def named_sum(terms: list[tuple[str, float, str, float]], bias: tuple[str, float]) -> str:
    """`wlr1 2.7043 × short (-0.1286) + wlr2 1.6307 × input 0.5000 + blr1 1.6234`: every factor by name."""
    products = [f"{name} {factor_text(weight)} × {what} {factor_text(value)}" for name, weight, what, value in terms]
    return " + ".join([*products, f"{bias[0]} {factor_text(bias[1])}"])


def describe(position: Position, trace: Trace, weights: Mapping[str, float]) -> tuple[str, list[str], str]:
    """Heading, equations with every factor named and valued, and one sentence on what the stage does."""
    if position.day_index is None:
        zero = value_text(0.0)
        return (
            _("Start"),
            [_("long-term memory = {value}").format(value=zero), _("short-term memory = {value}").format(value=zero)],
            _("Both memories start at zero; press Play or step forward to send day 1 through the unit."),
        )
    index = position.day_index
    step = trace.steps[index]
    long_before, short_before = trace.memories_before(index)
    heading = _("Day {day}: {stage}").format(day=step.day, stage=stage_title(position.stage))

    def gate(field: str) -> str:
        stage = GATE_BY_FIELD[field]
        w = weights
        inside = named_sum(
            [(stage.short_weight, w[stage.short_weight], _(SHORT_SAID), short_before),
             (stage.input_weight, w[stage.input_weight], _(INPUT_SAID), step.input)],
            (stage.bias, w[stage.bias]),
        )  # fmt: skip
        value = getattr(step, field)
        total = step.sums[GATES.index(stage)] if step.sums else None
        shown = percent_text(value) if stage.is_percent else value_text(value)
        function = SYMBOLS[stage.activation]
        middle = "" if total is None else f" = {function}({value_text(total)})"
        return f"{stage.tutorial} = {function}({inside}){middle} = {shown}"

    return heading, *_stage_text(position.stage, step, long_before, gate, index == len(trace.steps) - 1)


def _stage_text(stage: str, step, long_before: float, gate, last_day: bool) -> tuple[list[str], str]:
    """The equations and the sentence of one stage of one day."""
    if stage == "long-remember":
        return [gate("long_remember")], _(
            "How much of the long-term memory survives today: {percent} of {long} is kept."
        ).format(percent=percent_text(step.long_remember), long=value_text(long_before))
    if stage == "potential":
        return [gate("potential_remember"), gate("potential_memory")], _(
            "What today could add to the long-term memory ({potential}), and how much of it is added ({percent})."
        ).format(potential=value_text(step.potential_memory), percent=percent_text(step.potential_remember))
    if stage == "long-memory":
        equation = _(
            "long memory = long {long} × long-remember {kept} + potential-remember {added} × potential {potential} "
            "= {result}"
        ).format(
            long=factor_text(long_before),
            kept=percent_text(step.long_remember),
            added=percent_text(step.potential_remember),
            potential=factor_text(step.potential_memory),
            result=value_text(step.long_memory),
        )
        return [equation], _(
            "The new long-term memory: what was kept plus what was added. "
            "No weight touches this line, so what it carries can last many days."
        )
    if stage == "output":
        return [gate("output")], _(
            "How much of the long-term memory (after tanh) becomes the short-term memory: {percent}."
        ).format(percent=percent_text(step.output))
    return [_short_memory_equation(step)], (
        _("The short-term memory after the last day is the prediction: {prediction}.").format(
            prediction=value_text(step.short_memory)
        )
        if last_day
        else _("The new short-term memory goes with the long-term memory into day {day}.").format(day=step.day + 1)
    )


def _short_memory_equation(step) -> str:
    squashed = math.tanh(step.long_memory) if step.squashed_long_memory is None else step.squashed_long_memory
    return _("short memory = tanh(long {long}) × output {output} = {squashed} × {output} = {result}").format(
        long=factor_text(step.long_memory),
        output=percent_text(step.output),
        squashed=factor_text(squashed),
        result=value_text(step.short_memory),
    )


# How the page names a set of weights when it says what a prediction means ("with {weights}, ..."); catalogue
# entries, translated where said.
WEIGHTS_SAID = {
    "seed": N_("the untrained weights (seed {seed})"),
    "trained": N_("the tutorial's trained weights"),
}
EDITED_SAID = N_("edited weights")
CLOSE_ENOUGH = 0.05  # a prediction this close to its company's day 5 is what the tutorial wants


def weights_said(weights_name: str) -> str:
    """How the page names a preset (or edited weights) in the current language."""
    return _(WEIGHTS_SAID.get(weights_name, EDITED_SAID)).format(seed=TUTORIAL_SEED)


def prediction_meaning(prediction: float, days: Sequence[float], weights_name: str) -> str:
    """What a prediction says, from the days it was made for and the weights that made it.

    The tutorial's companies are named only when the days are theirs: then the prediction is held
    against that company's day 5. Other days have no day 5 to check against.
    """
    weights = weights_said(weights_name)
    company = company_of(days)
    if company is None:
        return _(
            "with {weights}. These days are not one of the tutorial's companies, so there is no day 5 to "
            "check it against: the trained unit learned to give 0 for Company A and 1 for Company B"
        ).format(weights=weights)
    target = COMPANIES[company][1]
    off = abs(prediction - target)
    if off == 0:
        sentence = _(
            "with {weights}, for Company {company}, whose day 5 is {target}: exactly it, so the unit gets it right"
        )
    elif off <= CLOSE_ENOUGH:
        sentence = _(
            "with {weights}, for Company {company}, whose day 5 is {target}: off by {off}, so the unit gets it right"
        )
    else:
        sentence = _(
            "with {weights}, for Company {company}, whose day 5 is {target}: off by {off}, so the unit gets it wrong"
        )
    return sentence.format(weights=weights, company=company, target=f"{target:g}", off=value_text(off))
