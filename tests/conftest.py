"""Test tiers: tests under tests/browser are marked `browser`; `-m "not browser and not slow"` is the fast tier."""

from pathlib import Path

import pytest

from tests.support.postgres import classroom_url, postgres_url  # noqa: F401  (the class vote's databases)
from tests.support.pseudo import forget_translated_output

BROWSER_TESTS = Path(__file__).parent / "browser"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if BROWSER_TESTS in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True)
def translated_output_stays_with_its_test(request):
    """A test that patches the catalogues (a pseudo language, a stand-in German) leaves no words it made in the
    caches keyed by language: the next test's English would otherwise come out of them bracketed."""
    yield
    if "monkeypatch" in request.fixturenames:
        forget_translated_output()
