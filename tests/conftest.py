"""Test tiers: tests under tests/browser are marked `browser`; `-m "not browser and not slow"` is the fast tier."""

from pathlib import Path

import pytest

from tests.support.postgres import classroom_url, postgres_url  # noqa: F401  (the class vote's databases)

BROWSER_TESTS = Path(__file__).parent / "browser"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if BROWSER_TESTS in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)
