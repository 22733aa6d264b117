"""Fixtures for browser tests: one app server and one Chromium per session, a fresh page per test."""

import pytest
from playwright.sync_api import expect, sync_playwright

from bench.served import launch_chromium, streamlit_server
from tests.support.browser import ARTIFACTS, PATIENCE

# Every `expect` waits as long as the suite's other conditions: on a loaded machine a page can take far more than
# Playwright's default five seconds to draw, and an assertion that gives up early fails a page that works.
expect.set_options(timeout=PATIENCE * 1000)

# A run whose page is gone stops after this many seconds; short, so the tests can watch it happen, but long
# enough that a watching page whose polls come late on a loaded machine keeps its run.
TEST_IDLE_SECONDS = "15"
# Steps a run may take: more than a hosted server allows, so a run on a long series outlasts the idle limit.
TEST_MAX_STEPS = "1000000"


@pytest.fixture(scope="session", autouse=True)
def artifacts_folder():
    """Screenshots, server logs and load figures land here, whichever test runs first."""
    ARTIFACTS.mkdir(exist_ok=True)


@pytest.fixture(scope="session")
def served_app():
    limits = {"LSTM_EXPLORER_IDLE_SECONDS": TEST_IDLE_SECONDS, "LSTM_EXPLORER_MAX_STEPS": TEST_MAX_STEPS}
    with streamlit_server(ARTIFACTS / "streamlit.log", limits) as app:
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
    context.set_default_timeout(PATIENCE * 1000)  # clicks and navigation wait as long as the conditions do
    page = context.new_page()
    yield page
    # Keep a screenshot of every failing test for debugging.
    if getattr(request.node, "failed", False):
        page.screenshot(path=str(ARTIFACTS / f"failed-{request.node.name}.png"), full_page=True)
    context.close()


@pytest.fixture
def open_page(browser, request):
    """Pages in contexts of their own: a viewport, a colour scheme (the theme follows it), a motion setting.

    `open_page(width=390, height=844, color_scheme="dark", reduced_motion="reduce")`; every context
    closes after the test, and a failing test leaves a screenshot of each page.
    """
    contexts = []

    def open_one(width=1280, height=800, color_scheme="light", reduced_motion="no-preference"):
        context = browser.new_context(
            viewport={"width": width, "height": height}, color_scheme=color_scheme, reduced_motion=reduced_motion
        )
        contexts.append(context)
        return context.new_page()

    yield open_one
    for number, context in enumerate(contexts):
        if getattr(request.node, "failed", False):
            for opened in context.pages:
                opened.screenshot(path=str(ARTIFACTS / f"failed-{request.node.name}-{number}.png"), full_page=True)
        context.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call" and report.failed:
        item.failed = True
    return report
