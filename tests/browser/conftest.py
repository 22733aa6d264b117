"""Fixtures for browser tests: one app server and one Chromium per session, a fresh page per test."""

import pytest
from playwright.sync_api import sync_playwright

from bench.served import launch_chromium, streamlit_server
from tests.support.browser import ARTIFACTS

# A run whose page is gone stops after this many seconds; short, so the tests can watch it happen.
TEST_IDLE_SECONDS = "4"


@pytest.fixture(scope="session", autouse=True)
def artifacts_folder():
    """Screenshots, server logs and load figures land here, whichever test runs first."""
    ARTIFACTS.mkdir(exist_ok=True)


@pytest.fixture(scope="session")
def served_app():
    with streamlit_server(ARTIFACTS / "streamlit.log", {"LSTM_EXPLORER_IDLE_SECONDS": TEST_IDLE_SECONDS}) as app:
        yield app


@pytest.fixture(scope="session")
def app_url(served_app):
    return served_app.url


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    yield page
    # Keep a screenshot of every failing test for debugging.
    if getattr(request.node, "failed", False):
        page.screenshot(path=str(ARTIFACTS / f"failed-{request.node.name}.png"), full_page=True)
    context.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call" and report.failed:
        item.failed = True
    return report
