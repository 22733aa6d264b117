"""The page in German and Spanish in Chromium: no English sentence left, the layout holds, axe-core clean."""

import pytest

from lstm import locales
from tests.support.axe import severe_findings
from tests.support.browser import wait_for_app, wait_for_page
from tests.support.english import english_in, english_sentences
from tests.support.layout import measure

TRANSLATED = sorted(set(locales.LANGUAGES) - {locales.SOURCE_LANGUAGE})
CHART = "[data-testid='stPlotlyChart']"
# Each view by its address, and whether it draws the unrolled unit (then its figure is waited for).
VIEWS = {
    "explorer": ("/?", True),
    "presenter": ("/?mode=present&", True),
    "lesson question": ("/?lesson=2&", True),
    "opened cell": ("/?cell=2&day=2&stage=potential&", True),
    "training": ("/training?", False),
    "series": ("/series?", False),
    "landscape": ("/landscape?", False),
    "backprop": ("/backprop?", False),
    "pytorch": ("/pytorch?", False),
    "why an LSTM": ("/why-lstm?", False),
}
# The page's words, less the code a learner copies into a notebook: code keeps its English comments, as the
# command line keeps its English output (lstm/unit/twin.py).
SHOWN_WORDS = """() => {
  let shown = document.body.innerText;
  for (const code of document.querySelectorAll("[data-testid='stCode']")) shown = shown.replace(code.innerText, "");
  return shown;
}"""
SIZES = {"phone": (390, 844), "laptop": (1366, 768), "projector": (1920, 1080)}


def open_view(open_page, app_url: str, view: str, language: str, size: str = "laptop"):
    width, height = SIZES[size]
    page = open_page(width=width, height=height)
    address, unrolled = VIEWS[view]
    page.goto(f"{app_url}{address}lang={language}")
    wait_for_app(page) if unrolled else wait_for_page(page)
    return page


@pytest.mark.parametrize("language", TRANSLATED)
@pytest.mark.parametrize("view", list(VIEWS))
def test_every_page_speaks_the_links_language_and_passes_axe(open_page, app_url, view, language):
    page = open_view(open_page, app_url, view, language)
    page.wait_for_function("language => document.documentElement.lang === language", arg=language)
    shown = page.evaluate(SHOWN_WORDS)
    assert english_in([shown], english_sentences(language)) == []
    findings = severe_findings(page)
    assert not findings, "\n".join(str(finding) for finding in findings)


@pytest.mark.parametrize("language", TRANSLATED)
@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("view", ["explorer", "presenter", "lesson question", "training"])
def test_the_layout_holds_with_the_languages_longer_words(open_page, app_url, view, size, language):
    page = open_view(open_page, app_url, view, language, size)
    problems = measure(page, CHART).problems()
    assert problems == [], problems


def test_an_english_page_says_so_to_the_browser(open_page, app_url):
    page = open_page()
    page.goto(f"{app_url}/training")
    wait_for_page(page)
    page.wait_for_function("() => document.documentElement.lang === 'en'")
