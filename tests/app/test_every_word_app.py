"""Every word a page shows goes through the catalogue: none is left English in a pseudo language, German or Spanish."""

import pytest
from streamlit.testing.v1 import AppTest

from lstm import locales
from lstm.explorer.lesson import LESSON
from tests.support.english import english_in, english_sentences
from tests.support.paths import REPO
from tests.support.pseudo import Bracketed, english_left, page_words

APP = str(REPO / "streamlit_app.py")
EXPLORER_VIEWS = {
    "the start": {},
    "mid-day": {"day": "3", "stage": "output"},
    "an opened cell": {"cell": "2", "day": "2", "stage": "long-memory"},
    "compared days": {"compare": "B"},
    "presenter mode": {"mode": "present"},
    "a bad link": {"days": "1,x", "weights": "nonsense", "stage": "sideways"},
    **{f"lesson step {number}": {"lesson": str(number)} for number in range(1, len(LESSON) + 1)},
}
PAGES = ("training", "series", "landscape", "backprop", "pytorch", "why_lstm")


@pytest.fixture
def bracketed(monkeypatch):
    monkeypatch.setattr(locales, "catalogue", lambda language: Bracketed())


def english_on(app: AppTest) -> list[str]:
    assert not app.exception, app.exception
    return [f"{kind}: {text[:120]!r} -> {words[:8]}" for kind, text in page_words(app) if (words := english_left(text))]


@pytest.mark.parametrize("view", EXPLORER_VIEWS)
def test_the_explorer_says_nothing_past_the_catalogue(bracketed, view):
    app = AppTest.from_file(APP, default_timeout=90)
    for key, value in EXPLORER_VIEWS[view].items():
        app.query_params[key] = value
    app.run()
    assert english_on(app) == []


@pytest.mark.parametrize("page", PAGES)
def test_every_other_page_says_nothing_past_the_catalogue(bracketed, page):
    app = AppTest.from_string(f"from lstm.ui import {page}\n{page}.render()\n", default_timeout=90)
    app.run()
    assert english_on(app) == []


TRANSLATED = sorted(set(locales.LANGUAGES) - {locales.SOURCE_LANGUAGE})
VIEWS = [("explorer", view) for view in EXPLORER_VIEWS] + [(page, None) for page in PAGES]


def rendered(page: str, view: str | None, language: str) -> AppTest:
    if page == "explorer":
        app = AppTest.from_file(APP, default_timeout=90)
        for key, value in {**EXPLORER_VIEWS[view], "lang": language}.items():
            app.query_params[key] = value
    else:
        # As the frame does: the language from the link, for the run and for every fragment the page runs.
        script = f"from lstm.ui import language, {page}\nlanguage.apply()\n{page}.render()\n"
        app = AppTest.from_string(script, default_timeout=90)
        app.query_params["lang"] = language
    app.run()
    assert not app.exception, app.exception
    return app


@pytest.mark.parametrize("language", TRANSLATED)
@pytest.mark.parametrize(("page", "view"), VIEWS)
def test_a_translated_page_shows_no_english_sentence(language, page, view):
    app = rendered(page, view, language)
    assert english_in([text for _kind, text in page_words(app)], english_sentences(language)) == []
