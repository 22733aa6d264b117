"""Every widget's label is plain text: a screen reader reads a label as its name, asterisks and backticks too."""

import re

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.test_every_word_app import APP, EXPLORER_VIEWS, PAGES

# Markdown a label would carry into its accessible name: bold or italics by asterisks or underscores, code, links.
MARKDOWN = re.compile(r"\*\*|__|`|\[[^\]]*\]\([^)]*\)")


def labels(node) -> list[tuple[str, str]]:
    """(element type, label) of every labelled element under `node`, depth first."""
    found = []
    label = getattr(node, "label", None)
    if isinstance(label, str):
        found.append((type(node).__name__, label))
    for child in getattr(node, "children", {}).values():
        found.extend(labels(child))
    return found


def marked_up(app: AppTest) -> list[tuple[str, str]]:
    assert not app.exception, app.exception
    every = labels(app.main) + labels(app.sidebar)
    assert every, "no labelled element found: the walk missed the page"
    return [(kind, label) for kind, label in every if MARKDOWN.search(label)]


@pytest.mark.parametrize("view", EXPLORER_VIEWS)
def test_no_explorer_label_carries_markdown(view):
    app = AppTest.from_file(APP, default_timeout=90)
    for key, value in EXPLORER_VIEWS[view].items():
        app.query_params[key] = value
    app.run()
    assert marked_up(app) == []


@pytest.mark.parametrize("page", PAGES)
def test_no_label_on_the_other_pages_carries_markdown(page):
    app = AppTest.from_string(f"from lstm.ui import {page}\n{page}.render()\n", default_timeout=90)
    app.run()
    assert marked_up(app) == []
