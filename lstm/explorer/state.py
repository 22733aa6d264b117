"""The explorer's state and its URL query string: one table of fields, parsed and written in one place."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from lstm.explorer.lesson import LESSON
from lstm.explorer.link_values import (
    MAX_PAGE_DAYS as MAX_PAGE_DAYS,  # the page and the API read it here
)
from lstm.explorer.link_values import (
    FieldError,
    format_days,
    format_weights,
    parse_day_number,
    parse_days,
    parse_stage,
    parse_weights,
)
from lstm.locales import N_, _, ngettext, whole
from lstm.unit.days import COMPANIES, company_of
from lstm.unit.numbers import quoted
from lstm.unit.stages import STAGES, Position, frame_count
from lstm.unit.weights import PRESETS, Weights

# A query value longer than this is not a link someone shared; refuse it before parsing.
MAX_VALUE_CHARS = 2000
# What a lesson link can hide (hide=weights,training): a teacher hands out exactly one exercise. Keys are the
# link's words; what each hides is a catalogue entry, translated with `_` where shown.
HIDEABLE = {
    "days": N_("the day values and their examples"),
    "weights": N_("the weight presets and the twelve weight fields"),
    "training": N_("the Training and Your own series pages"),
    "insights": N_("the Insights menu: loss landscape, backpropagation, nn.LSTM, your own series"),
    "table": N_("the gates-over-days chart and the per-day table"),
    "share": N_("the share link and the exports"),
}


@dataclass(frozen=True)
class ExplorerState:
    """Everything a shared link reproduces."""

    days: tuple[float, ...] = COMPANIES["A"][0]  # the day values, 1 to MAX_PAGE_DAYS
    weights_name: str = "trained"  # a preset name, or "custom" once a weight is edited
    weights: Weights = PRESETS["trained"]
    frame: int | None = None  # animation position (see explain.Position); None: every stage shown
    lesson: int | None = None  # 1-based step of the guided lesson, None outside it
    present: bool = False  # presenter mode: large type, the cells filling the screen
    cell: int | None = None  # the day (1-based) whose cell is opened up below the overview; None: closed
    compare: tuple[float, ...] | None = None  # a second sequence drawn on the same cells, day by day; same length
    hidden: frozenset[str] = frozenset()  # parts of the page a lesson link hides, from HIDEABLE

    @property
    def position(self) -> Position:
        last = frame_count(len(self.days)) - 1
        return Position(last if self.frame is None else min(self.frame, last))

    def with_days(self, days: tuple[float, ...]) -> ExplorerState:
        """New days; an animation position past the new last day moves to the end."""
        frame = self.frame if self.frame is not None and self.frame < frame_count(len(days)) else None
        cell = self.cell if self.cell is not None and self.cell <= len(days) else None
        compare = self.compare if self.compare is not None and len(self.compare) == len(days) else None
        return replace(self, days=days, frame=frame, cell=cell, compare=compare)

    def with_weights(self, weights: Weights, name: str = "custom") -> ExplorerState:
        return replace(self, weights=weights, weights_name=name)

    def at_lesson_step(self, number: int) -> ExplorerState:
        """The view a lesson step sets: its days, its weights, its animation position and its opened cell.

        A step that asks a question opens at the start: the cells show the answer only once it is revealed.
        """
        step = LESSON[number - 1]
        return replace(
            self,
            days=step.days,
            weights_name=step.weights,
            weights=PRESETS[step.weights],
            frame=0 if step.question is not None else step.frame,
            lesson=number,
            cell=step.cell,
            compare=step.compare,
        )


def _read_lesson(text: str, state: ExplorerState) -> ExplorerState:
    try:
        number = int(text)
    except ValueError:
        problem = _("{value} is not a step number (1 to {steps})").format(value=quoted(text), steps=len(LESSON))
        raise FieldError("lesson", problem) from None
    if not 1 <= number <= len(LESSON):
        raise FieldError(
            "lesson", _("{number} is outside the steps 1 to {steps}").format(number=number, steps=len(LESSON))
        )
    return state.at_lesson_step(number)


def _read_cell(text: str, state: ExplorerState) -> ExplorerState:
    days = len(state.days)
    day = int(text) if re.fullmatch(r"[0-9]{1,4}", text) else None
    if day is None or not 1 <= day <= days:
        if days == 1:
            problem = _("{value} is not a day to open (the only day is 1), so no cell is opened")
        else:
            problem = _("{value} is not a day to open (the days are 1 to {days}), so no cell is opened")
        raise FieldError("cell", problem.format(value=quoted(text), days=days))
    return replace(state, cell=day)


def _read_mode(text: str, state: ExplorerState) -> ExplorerState:
    if text not in ("present", "explore"):
        problem = _("{value} is neither {present} nor {explore}").format(
            value=quoted(text), present="present", explore="explore"
        )
        raise FieldError("mode", problem)
    present = text == "present"
    # Presenter mode opens at the start unless the link names a step: the class predicts first.
    return replace(state, present=present, frame=0 if present and state.frame is None else state.frame)


def _read_hide(text: str, state: ExplorerState) -> ExplorerState:
    names = [name.strip() for name in text.split(",") if name.strip()]
    unknown = [name for name in names if name not in HIDEABLE]
    if unknown:
        problem = _("{value} is not one of {known}").format(value=quoted(unknown[0]), known=", ".join(HIDEABLE))
        raise FieldError("hide", problem)
    return replace(state, hidden=frozenset(names))


@dataclass(frozen=True)
class Field:
    """One query parameter: its name, what it means, and how it reads and writes the state."""

    name: str
    meaning: str  # a catalogue entry; `said` gives it in the current language, its places filled
    read: Callable[[str, ExplorerState], ExplorerState]
    write: Callable[[ExplorerState], str | None]  # None: left out of the URL

    @property
    def said(self) -> str:
        """What the field means in the current language, with the lesson's length and the names it takes."""
        return _(self.meaning).format(
            steps=len(LESSON), stages=", ".join(STAGES), hideable=", ".join(HIDEABLE), most=MAX_PAGE_DAYS
        )


def _read_days(text: str, state: ExplorerState) -> ExplorerState:
    return state.with_days(parse_days(text))


def _read_compare(text: str, state: ExplorerState) -> ExplorerState:
    """`A` or `B` for the tutorial's companies, or day values as in `days`; as many days as `days` has."""
    try:
        sequence = COMPANIES[text][0] if text in COMPANIES else parse_days(text)
    except FieldError as error:
        raise FieldError("compare", _("A, B or day values; {problem}").format(problem=error.problem)) from None
    if len(sequence) != len(state.days):
        problem = ngettext(
            "{count} day, but days has {days}; the two sequences are compared day by day",
            "{count} days, but days has {days}; the two sequences are compared day by day",
            len(sequence),
        ).format(count=len(sequence), days=len(state.days))
        raise FieldError("compare", problem)
    return replace(state, compare=sequence)


def _write_compare(state: ExplorerState) -> str | None:
    if state.compare is None:
        return None
    company = company_of(state.compare)
    return company or format_days(state.compare)


def _read_weights(text: str, state: ExplorerState) -> ExplorerState:
    name, weights = parse_weights(text)
    return state.with_weights(weights, name)


def _read_day(text: str, state: ExplorerState) -> ExplorerState:
    day = parse_day_number(text, len(state.days))
    stage = STAGES[0] if state.frame is None else state.position.stage or STAGES[0]
    return replace(state, frame=0 if day == 0 else Position.of(day, stage).frame)


def _read_stage(text: str, state: ExplorerState) -> ExplorerState:
    stage = parse_stage(text)
    position = state.position
    day = 1 if state.frame is None or position.day_index is None else position.day_index + 1
    return replace(state, frame=Position.of(day, stage).frame)


def _write_day(state: ExplorerState) -> str | None:
    if state.frame is None:
        return None
    index = state.position.day_index
    return "0" if index is None else str(index + 1)


def _write_stage(state: ExplorerState) -> str | None:
    return None if state.frame is None else state.position.stage


# Read in this order: a lesson step sets days, weights and position, which the link may then change;
# the position fields need the days to check against.
FIELDS = (
    Field(
        "lesson",
        N_("step of the guided lesson, 1 to {steps}"),
        _read_lesson,
        lambda s: None if s.lesson is None else str(s.lesson),
    ),
    Field("days", N_("day values, comma-separated (1 to {most})"), _read_days, lambda s: format_days(s.days)),
    Field("compare", N_("a second sequence on the same cells: A, B, or day values"), _read_compare, _write_compare),
    Field(
        "weights",
        N_("seed, trained, or twelve numbers wlr1,wlr2,blr1,...,bo1"),
        _read_weights,
        lambda s: format_weights(s.weights_name, s.weights),
    ),
    Field("day", N_("animation position: the day (0 is the start)"), _read_day, _write_day),
    Field("stage", N_("animation position within the day: {stages}"), _read_stage, _write_stage),
    Field(
        "cell",
        N_("the day whose cell is opened up, 1 to the number of days"),
        _read_cell,
        lambda s: None if s.cell is None else str(s.cell),
    ),
    Field(
        "mode", N_("present: presenter mode, for a projector"), _read_mode, lambda s: "present" if s.present else None
    ),
    Field(
        "hide",
        N_("parts of the page to hide, comma-separated: {hideable}"),
        _read_hide,
        lambda s: ",".join(name for name in HIDEABLE if name in s.hidden) or None,
    ),
)


def from_query(query: Mapping[str, str]) -> tuple[ExplorerState, list[str]]:
    """The state a link describes, and a message for each field that could not be used.

    A bad field falls back to its default; the others still apply.
    """
    state = ExplorerState()
    messages = []
    for field in FIELDS:
        if field.name not in query:
            continue
        text = str(query[field.name])
        try:
            if len(text) > MAX_VALUE_CHARS:
                problem = _("the value is {count} characters long, too long to be a link").format(
                    count=whole(len(text))
                )
                raise FieldError(field.name, problem)
            state = field.read(text, state)
        except FieldError as error:
            messages.append(str(error))
    return state, messages


def to_query(state: ExplorerState) -> dict[str, str]:
    """The query string that reproduces `state`, field by field."""
    query = {}
    for field in FIELDS:
        value = field.write(state)
        if value is not None:
            query[field.name] = value
    return query
