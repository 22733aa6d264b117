"""The lesson as a printable handout: a page a step, questions with boxes to tick, numbers where they do not spoil."""

from __future__ import annotations

import html
import re
from functools import cache

from lstm.explorer.lesson import LESSON, LessonStep
from lstm.locales import _, current
from lstm.unit.days import company_of
from lstm.unit.explain import value_text
from lstm.unit.forward import trace
from lstm.unit.weights import PRESETS

# Each step on a page of its own when printed; on screen, pages one under the other. Print black on white.
STYLE = """
body { font: 12pt/1.45 system-ui, sans-serif; color: #111; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
section { border-bottom: 1px solid #bbb; padding-bottom: 1.5rem; margin-bottom: 2rem; }
h1 { font-size: 18pt; } h2 { font-size: 15pt; margin-bottom: 0.4rem; }
.choices { list-style: none; padding-left: 0; } .choices li::before { content: "\\2610\\00a0 "; font-size: 14pt; }
table { border-collapse: collapse; margin: 0.6rem 0; } th, td { border: 1px solid #999; padding: 0.2rem 0.6rem; }
td { text-align: right; font-variant-numeric: tabular-nums; }
.notes { border: 1px dashed #999; min-height: 6rem; margin-top: 1rem; padding: 0.4rem; color: #555; }
@media print {
  body { margin: 0; max-width: none; }
  section { border: none; break-after: page; margin: 0; }
  section:last-child { break-after: auto; }
}
"""
_BOLD = re.compile(r"\*\*(.+?)\*\*")
STRONG = r"<strong>\1</strong>"


def _paragraphs(markdown: str) -> str:
    """The lesson's markdown (paragraphs and **bold**, nothing else) as HTML, every character escaped first."""
    return "".join(f"<p>{_BOLD.sub(STRONG, html.escape(part))}</p>" for part in markdown.split("\n\n"))


def _name(days: tuple[float, ...]) -> str:
    return {"A": _("Company A"), "B": _("Company B")}.get(company_of(days) or "", _("The days"))


def _numbers(step: LessonStep) -> str:
    """The step's days with both memories after each, for the sequence on the lines and the compared one."""
    weights = PRESETS[step.weights]
    rows = [(_name(step.days), step.days)] + ([(_name(step.compare), step.compare)] if step.compare else [])
    # Babel does not look inside f-strings: each word is said outside of one.
    days = [_("Day {day}").format(day=day) for day in range(1, len(step.days) + 1)]
    header = "".join(f"<th>{html.escape(day)}</th>" for day in days)
    body = []
    for name, days in rows:
        result = trace(days, weights)
        for label, values in (
            (_("input"), days),
            (_("long-term memory"), [day.long_memory for day in result.steps]),
            (_("short-term memory"), [day.short_memory for day in result.steps]),
        ):
            cells = "".join(f"<td>{value_text(value)}</td>" for value in values)
            body.append(f"<tr><th>{html.escape(name)}, {html.escape(label)}</th>{cells}</tr>")
    return f"<table><tr><th></th>{header}</tr>{''.join(body)}</table>"


def _page(number: int, step: LessonStep) -> str:
    heading = _("Step {number} of {count}: {title}").format(number=number, count=len(LESSON), title=step.title)
    parts = [f"<section><h2>{html.escape(heading)}</h2>", _paragraphs(step.story)]
    parts.append(_paragraphs(_("**Look at:** {where}").format(where=step.look_at)))
    if step.question is None:
        parts.append(_numbers(step))
    else:  # the numbers would give the answer away: the page asks, the class predicts
        parts.append(_paragraphs(_("**Predict first:** {question}").format(question=step.question.prompt)))
        choices = "".join(f"<li>{html.escape(choice)}</li>" for choice in step.question.choices)
        parts.append(f'<ul class="choices">{choices}</ul>')
        notes = _("Why I think so:")
        parts.append(f'<div class="notes">{html.escape(notes)}</div>')
    parts.append("</section>")
    return "".join(parts)


def _answers() -> str:
    """The last page, for the teacher: each question's answer with its numbers, from the step's weights."""
    items = []
    for number, step in enumerate(LESSON, start=1):
        if step.question is not None:
            answer = step.question.answer(PRESETS[step.weights])
            said = _("Step {number}: {right}. {why}").format(
                number=number, right=step.question.choices[answer.choice], why=answer.why
            )
            items.append(f"<li>{html.escape(said)}</li>")
    heading = _("The answers")
    return f"<section><h2>{html.escape(heading)}</h2><ol>{''.join(items)}</ol></section>"


@cache
def _handout(language: str) -> str:
    title = _("LSTM Explorer: the lesson, one page a step")
    pages = "".join(_page(number, step) for number, step in enumerate(LESSON, start=1))
    return (
        f'<!DOCTYPE html>\n<html lang="{language}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{STYLE}</style></head>"
        f"<body><h1>{html.escape(title)}</h1>{pages}{_answers()}</body></html>\n"
    )


def handout_html() -> str:
    """The handout in the current language, made from the lesson's own texts and the tutorial's numbers."""
    return _handout(current())  # cached per language: the words are translated inside
