"""The lesson's handout: a page a step from the lesson's own words, no answer before the last page, escaped text."""

import re
from html.parser import HTMLParser

from lstm.explorer.handout import handout_html
from lstm.explorer.lesson import LESSON
from lstm.locales import speaking
from lstm.unit.weights import PRESETS


class Sections(HTMLParser):
    """The text of each <section>, in order."""

    def __init__(self):
        super().__init__()
        self.sections: list[str] = []
        self.inside = False

    def handle_starttag(self, tag, attrs):
        if tag == "section":
            self.inside = True
            self.sections.append("")

    def handle_endtag(self, tag):
        if tag == "section":
            self.inside = False

    def handle_data(self, data):
        if self.inside:
            self.sections[-1] += data


def sections() -> list[str]:
    parser = Sections()
    parser.feed(handout_html())
    return parser.sections


def test_one_page_a_step_then_the_answers_and_a_print_stylesheet():
    pages = sections()
    assert len(pages) == len(LESSON) + 1
    for number, (page, step) in enumerate(zip(pages, LESSON, strict=False), start=1):
        assert page.startswith(f"Step {number} of {len(LESSON)}: {step.title}")
        assert step.story.replace("**", "").split("\n\n")[0] in page
    assert "@media print" in handout_html() and "break-after: page" in handout_html()
    assert "**" not in "".join(pages)  # the markdown became HTML


def test_a_question_page_asks_without_the_answer_and_the_last_page_answers():
    pages = sections()
    for page, step in zip(pages, LESSON, strict=False):
        if step.question is not None:
            answer = step.question.answer(PRESETS[step.weights])
            assert all(choice in page for choice in step.question.choices)
            assert answer.why not in page
            assert answer.why in pages[-1]


def test_a_step_without_a_question_shows_its_numbers():
    gates = sections()[3]  # "What each gate does, with numbers": Company B's days, nothing to predict
    assert LESSON[3].question is None
    assert "Company B, long-term memory" in gates and "0.4981" in gates and "2.4048" in gates


def test_the_handout_follows_the_language():
    with speaking("de"):
        german = handout_html()
    assert '<html lang="de">' in german and '<html lang="en">' in handout_html()
    assert not re.search(r"<script", german + handout_html(), re.IGNORECASE)
