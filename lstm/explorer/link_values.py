"""A link's values, each checked into a clear message and written back exactly: days, weights, day, stage."""

from __future__ import annotations

from lstm.locales import _
from lstm.unit.days import DaysError, check_days
from lstm.unit.numbers import NumberError, parse_number, quoted
from lstm.unit.stages import STAGES
from lstm.unit.weights import NAMES, PRESETS, Weights, WeightsError

# The page draws one cell per day side by side; past a dozen or so days the cells are drawn compact (bars and
# colour, a day's numbers on hover), and past this many a learner can no longer tell one day from the next.
MAX_PAGE_DAYS = 60


class FieldError(ValueError):
    """A query value that cannot be used; the message names the field (the link's word) and the problem."""

    def __init__(self, field: str, problem: str):
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem  # a sentence in the visitor's language


def parse_days(text: str) -> tuple[float, ...]:
    if not text.strip():
        problem = _("{field} is empty: give day values like {example}").format(
            field="days", example="days=0,0.5,0.25,1"
        )
        raise FieldError("days", problem)
    try:
        return check_days([part.strip() for part in text.split(",")], max_days=MAX_PAGE_DAYS)
    except DaysError as error:
        raise FieldError("days", str(error)) from None


def exact(number: float) -> str:
    """The shortest text that reads back as the same float: 0.25, 1, -0.637997031211853."""
    text = repr(float(number))
    return text[:-2] if text.endswith(".0") else text


def format_days(days: tuple[float, ...]) -> str:
    return ",".join(exact(day) for day in days)


def parse_weights(text: str) -> tuple[str, Weights]:
    if text in PRESETS:
        return text, PRESETS[text]
    parts = [part.strip() for part in text.split(",")]
    if len(parts) == 1:
        raise FieldError(
            "weights",
            _("{value} is neither {seed} nor {trained} nor twelve numbers").format(
                value=quoted(text), seed="seed", trained="trained"
            ),
        )
    if len(parts) != len(NAMES):
        raise FieldError(
            "weights",
            _("expected {expected} weights ({first} ... {last}), got {count}").format(
                expected=len(NAMES), first=NAMES[0], last=NAMES[-1], count=len(parts)
            ),
        )
    numbers = []
    for name, part in zip(NAMES, parts, strict=True):
        try:
            numbers.append(parse_number(part))
        except NumberError as error:
            if error.value is None:
                problem = _("number {index} ({name}): {problem}").format(
                    index=len(numbers) + 1, name=name, problem=error
                )
                raise FieldError("weights", problem) from None
            numbers.append(error.value)  # non-finite: Weights names the weight and refuses it
    try:
        return "custom", Weights.from_sequence(numbers)
    except WeightsError as error:
        raise FieldError("weights", str(error)) from None


def format_weights(name: str, weights: Weights) -> str:
    """A preset by its name when the weights are still that preset's, else the twelve numbers."""
    if name in PRESETS and PRESETS[name] == weights:
        return name
    return ",".join(exact(value) for value in weights.values_in_order())


def parse_day_number(text: str, days: int) -> int:
    try:
        day = int(text)
    except ValueError:
        raise FieldError("day", _("{value} is not a whole number").format(value=quoted(text))) from None
    if not 0 <= day <= days:
        raise FieldError("day", _("{day} is outside 0 (the start) to {days} (the last day)").format(day=day, days=days))
    return day


def parse_stage(text: str) -> str:
    if text not in STAGES:
        raise FieldError(
            "stage", _("{value} is not one of {known}").format(value=quoted(text), known=", ".join(STAGES))
        )
    return text
