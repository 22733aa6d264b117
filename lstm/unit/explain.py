"""Each stage's arithmetic with the numbers filled in, as plain text, and what a prediction means."""

from __future__ import annotations

from collections.abc import Mapping

from lstm.unit.gates import GATE_BY_FIELD
from lstm.unit.stages import STAGE_TITLES, Position
from lstm.unit.trace import Trace


def describe(position: Position, trace: Trace, weights: Mapping[str, float]) -> tuple[str, list[str], str]:
    """Heading, equations with the numbers filled in, and one sentence on what the stage does."""
    if position.day_index is None:
        return (
            "Start",
            ["long-term memory = 0.00", "short-term memory = 0.00"],
            "Both memories start at zero; press Play or step forward to send day 1 through the unit.",
        )
    index = position.day_index
    step = trace.steps[index]
    long_before, short_before = trace.memories_before(index)
    x, h = step.input, short_before
    w = weights
    last_day = index == len(trace.steps) - 1
    heading = f"Day {step.day}: {STAGE_TITLES[position.stage]}"

    def gate(field: str) -> str:
        stage = GATE_BY_FIELD[field]
        inside = sum_text([(w[stage.short_weight], h), (w[stage.input_weight], x)], w[stage.bias])
        return f"{stage.tutorial} = {stage.activation}({inside}) = {two_decimals(getattr(step, field))}"

    if position.stage == "long-remember":
        return (
            heading,
            [gate("long_remember")],
            f"How much of the long-term memory survives today: {step.long_remember:.0%} of "
            f"{two_decimals(long_before)} is kept.",
        )
    if position.stage == "potential":
        return (
            heading,
            [gate("potential_remember"), gate("potential_memory")],
            f"What today could add to the long-term memory ({two_decimals(step.potential_memory)}), "
            f"and how much of it is added ({step.potential_remember:.0%}).",
        )
    if position.stage == "long-memory":
        return (
            heading,
            [
                "long memory = "
                + sum_text([(long_before, step.long_remember), (step.potential_remember, step.potential_memory)])
                + f" = {two_decimals(step.long_memory)}"
            ],
            "The new long-term memory: what was kept plus what was added. "
            "No weight touches this line, so what it carries can last many days.",
        )
    if position.stage == "output":
        return (
            heading,
            [gate("output")],
            f"How much of the long-term memory (after tanh) becomes the short-term memory: {step.output:.0%}.",
        )
    return (
        heading,
        [
            f"short memory = tanh({two_decimals(step.long_memory)}) × {two_decimals(step.output)} "
            f"= {two_decimals(step.short_memory)}"
        ],
        (
            f"The short-term memory after the last day is the prediction: {step.short_memory:.4f}."
            if last_day
            else f"The new short-term memory goes with the long-term memory into day {step.day + 1}."
        ),
    )


def two_decimals(number: float) -> str:
    """`0.25` -> "0.25"; a value that rounds to zero is "0.00", never "-0.00"."""
    text = f"{number:.2f}"
    return "0.00" if text == "-0.00" else text


def sum_text(products: list[tuple[float, float]], constant: float | None = None) -> str:
    """`a × b + c × d - e` with two decimals: a negative term is subtracted, a negative factor bracketed."""
    terms: list[tuple[float, float | None]] = [*products] + ([] if constant is None else [(constant, None)])
    text = ""
    for position, (coefficient, factor) in enumerate(terms):
        shown = two_decimals(coefficient)
        subtracted = position > 0 and shown.startswith("-")
        term = shown.lstrip("-") if subtracted else shown
        if factor is not None:
            factor_text = two_decimals(factor)
            term += f" × ({factor_text})" if factor_text.startswith("-") else f" × {factor_text}"
        text += term if position == 0 else f" {'-' if subtracted else '+'} {term}"
    return text


def prediction_meaning(prediction: float) -> str:
    """What the prediction says in the tutorial's terms: Company A's label is 0, Company B's is 1."""
    if abs(prediction) < 0.25:
        return "close to 0: what the tutorial wants for Company A (day 5 = 0)"
    if abs(prediction - 1) < 0.25:
        return "close to 1: what the tutorial wants for Company B (day 5 = 1)"
    return "neither close to 0 (Company A) nor to 1 (Company B)"
