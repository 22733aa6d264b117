"""Each stage's arithmetic with the numbers filled in, as plain text, and what a prediction means."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from lstm.unit.days import COMPANIES, company_of
from lstm.unit.gates import GATE_BY_FIELD, GATES
from lstm.unit.stages import STAGE_TITLES, Position
from lstm.unit.trace import Trace

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


def named_sum(terms: list[tuple[str, float, str, float]], bias: tuple[str, float]) -> str:
    """`wlr1 2.7043 × short (-0.1286) + wlr2 1.6307 × input 0.5000 + blr1 1.6234`: every factor by name."""
    products = [f"{name} {factor_text(weight)} × {what} {factor_text(value)}" for name, weight, what, value in terms]
    return " + ".join([*products, f"{bias[0]} {factor_text(bias[1])}"])


def describe(position: Position, trace: Trace, weights: Mapping[str, float]) -> tuple[str, list[str], str]:
    """Heading, equations with every factor named and valued, and one sentence on what the stage does."""
    if position.day_index is None:
        return (
            "Start",
            ["long-term memory = 0.0000", "short-term memory = 0.0000"],
            "Both memories start at zero; press Play or step forward to send day 1 through the unit.",
        )
    index = position.day_index
    step = trace.steps[index]
    long_before, short_before = trace.memories_before(index)
    heading = f"Day {step.day}: {STAGE_TITLES[position.stage]}"

    def gate(field: str) -> str:
        stage = GATE_BY_FIELD[field]
        w = weights
        inside = named_sum(
            [(stage.short_weight, w[stage.short_weight], "short", short_before),
             (stage.input_weight, w[stage.input_weight], "input", step.input)],
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
        return [gate("long_remember")], (
            f"How much of the long-term memory survives today: {percent_text(step.long_remember)} of "
            f"{value_text(long_before)} is kept."
        )
    if stage == "potential":
        return [gate("potential_remember"), gate("potential_memory")], (
            f"What today could add to the long-term memory ({value_text(step.potential_memory)}), "
            f"and how much of it is added ({percent_text(step.potential_remember)})."
        )
    if stage == "long-memory":
        kept = f"long {factor_text(long_before)} × long-remember {percent_text(step.long_remember)}"
        potential = factor_text(step.potential_memory)
        added = f"potential-remember {percent_text(step.potential_remember)} × potential {potential}"
        return [f"long memory = {kept} + {added} = {value_text(step.long_memory)}"], (
            "The new long-term memory: what was kept plus what was added. "
            "No weight touches this line, so what it carries can last many days."
        )
    if stage == "output":
        return [gate("output")], (
            f"How much of the long-term memory (after tanh) becomes the short-term memory: {percent_text(step.output)}."
        )
    squashed = math.tanh(step.long_memory) if step.squashed_long_memory is None else step.squashed_long_memory
    return [
        f"short memory = tanh(long {factor_text(step.long_memory)}) × output {percent_text(step.output)} "
        f"= {factor_text(squashed)} × {percent_text(step.output)} = {value_text(step.short_memory)}"
    ], (
        f"The short-term memory after the last day is the prediction: {value_text(step.short_memory)}."
        if last_day
        else f"The new short-term memory goes with the long-term memory into day {step.day + 1}."
    )


# How the page names a set of weights when it says what a prediction means.
WEIGHTS_SAID = {
    "seed": "the untrained weights (seed 42)",
    "trained": "the tutorial's trained weights",
}
CLOSE_ENOUGH = 0.05  # a prediction this close to its company's day 5 is what the tutorial wants


def prediction_meaning(prediction: float, days: Sequence[float], weights_name: str) -> str:
    """What a prediction says, from the days it was made for and the weights that made it.

    The tutorial's companies are named only when the days are theirs: then the prediction is held
    against that company's day 5. Other days have no day 5 to check against.
    """
    weights = WEIGHTS_SAID.get(weights_name, "edited weights")
    company = company_of(days)
    if company is None:
        return (
            f"with {weights}. These days are not one of the tutorial's companies, so there is no day 5 to "
            "check it against: the trained unit learned to give 0 for Company A and 1 for Company B"
        )
    target = COMPANIES[company][1]
    off = abs(prediction - target)
    verdict = "right" if off <= CLOSE_ENOUGH else "wrong"
    return (
        f"with {weights}, for Company {company}, whose day 5 is {target:g}: "
        f"{'off by ' + value_text(off) if off else 'exactly it'}, so the unit gets it {verdict}"
    )
