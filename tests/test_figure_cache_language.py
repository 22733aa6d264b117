"""The explorer's cached figure is kept per language: the same view asked in another language is drawn in it."""

import gettext
import json

import pytest

from lstm import locales
from lstm.explorer.state import ExplorerState
from lstm.ui.figure_cache import _unrolled_parts, cached_unrolled_figure
from lstm.unit.weights import PRESETS
from tests.support.pseudo import OPEN, Bracketed

NAMES = ("Company A", "Company B")


@pytest.fixture
def german_in_brackets(monkeypatch):
    """German as the pseudo language, so a word from the catalogue is told apart from English."""
    english = gettext.NullTranslations()
    monkeypatch.setattr(locales, "catalogue", lambda language: Bracketed() if language == "de" else english)


def drawn(state: ExplorerState, language: str) -> str:
    with locales.speaking(language):
        return json.dumps(cached_unrolled_figure(state, False, 700, 1.0, NAMES, False).to_dict(), ensure_ascii=False)


def test_the_same_view_in_another_language_is_another_figure(german_in_brackets):
    _unrolled_parts.clear()
    state = ExplorerState(days=(0.0, 0.5, 0.25, 1.0), weights=PRESETS["trained"], frame=7, cell=2)
    english = drawn(state, "en")
    german = drawn(state, "de")
    assert OPEN not in english
    assert OPEN in german, "the German view is not the English one from the cache"
    assert drawn(state, "en") == english, "and English stays English"
