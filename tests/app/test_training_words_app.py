"""The training and series pages past their first view, in a pseudo language: what a run and a fit add is translated.

The pages at rest are checked in test_every_word_app; this reaches what only a run, a fit or a bad input shows:
the status line, the server line, the replay's caption, the results and the series page's fit and messages.
Figures' texts belong to the figures' own check.
"""

import time
from gettext import NullTranslations

import pytest
from streamlit.testing.v1 import AppTest

from lstm import locales
from lstm.training.series import EXAMPLE, STOCKS, read_series
from tests.support.apptest import button
from tests.support.paths import REPO
from tests.support.pseudo import OPEN, Bracketed, english_left, page_words

TRAINING = str(REPO / "tests" / "app" / "training_page.py")
ENDED = tuple(f"**{OPEN}{state}" for state in ("Finished", "Stopped", "Diverged", "Failed"))


@pytest.fixture
def bracketed(monkeypatch):
    monkeypatch.setattr(locales, "catalogue", lambda language: Bracketed())


def words_left(app: AppTest) -> list[str]:
    """Every English word the page's own elements show outside the catalogue (figures and stock tickers left out)."""
    assert not app.exception, app.exception
    return [
        f"{kind}: {text[:120]!r} -> {words[:8]}"
        for kind, text in page_words(app)
        if kind != "UnknownElement" and (words := [word for word in english_left(text) if word not in STOCKS])
    ]


def train_to_the_end(app: AppTest, limit: float = 120) -> None:
    button(app, f"{OPEN}Train⟫").click().run()
    deadline = time.monotonic() + limit
    while not app.get("progress")[0].proto.text.startswith(ENDED):
        assert time.monotonic() < deadline, app.get("progress")[0].proto.text
        time.sleep(0.2)
        app.run()


def test_a_finished_run_is_told_in_the_page_s_language(bracketed):
    app = AppTest.from_file(TRAINING, default_timeout=90)
    app.run()
    app.number_input(key="train_epochs_fast").set_value(60).run()
    train_to_the_end(app)
    assert app.get("progress")[0].proto.text.startswith(f"**{OPEN}Finished")
    assert all(header.startswith(OPEN) for header in app.dataframe[0].value.columns if header)
    assert [item.label for item in app.get("download_button")] == [
        f"{OPEN}Weights (JSON)⟫",
        f"{OPEN}Weights (safetensors)⟫",
        f"{OPEN}Loss history (CSV)⟫",
    ]
    assert words_left(app) == []


def test_the_series_page_s_fit_and_messages_are_told_in_the_page_s_language(bracketed):
    series = read_series(EXAMPLE)
    training = AppTest.from_file(TRAINING, default_timeout=90)
    for key, value in {"own_series": series, "own_series_window": 4, "train_on": "series"}.items():
        training.session_state[key] = value
    training.run()
    training.number_input(key="train_epochs_fast").set_value(60).run()
    train_to_the_end(training)
    app = AppTest.from_string("from lstm.ui import series\nseries.render()\n", default_timeout=90)
    for key, value in {"own_series": series, "own_series_window": 4}.items():
        app.session_state[key] = value
    app.session_state["training_runs"] = training.session_state["training_runs"]
    app.run()
    assert len(app.get("plotly_chart")) == 2  # the series and the trained unit's fit
    app.text_area(key="series_paste").input("close\n1\nabc\n").run()
    assert app.error and words_left(app) == []


@pytest.mark.parametrize(
    "fragment",
    [
        "from lstm.ui import training_live\ntraining_live.live_panel(False)\n",
        "from lstm.ui import landscape\nlandscape._panel('wlr1', 'wo2', 'explorer', 25, False)\n",
    ],
    ids=["training live panel", "landscape map"],
)
def test_a_fragment_sets_the_visitor_s_language_itself(monkeypatch, fragment):
    # A fragment's timed rerun is a thread of its own, which starts in English: its body is run alone here, with
    # nothing before it to set the language, and only German bracketed.
    monkeypatch.setattr(locales, "catalogue", lambda language: Bracketed() if language == "de" else NullTranslations())
    app = AppTest.from_string(fragment, default_timeout=90)
    app.query_params["lang"] = "de"
    app.run()
    assert not app.exception, app.exception
    assert app.caption and all(caption.value.startswith(OPEN) for caption in app.caption)
