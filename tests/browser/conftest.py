"""Fixtures for browser tests: one app server and one Chromium per session, a fresh page per test."""

import pytest
from playwright.sync_api import sync_playwright

from lstm.served import REPO, launch_chromium, streamlit_server

ARTIFACTS = REPO / "test-artifacts"
# A run whose page is gone stops after this many seconds; short, so the tests can watch it happen.
TEST_IDLE_SECONDS = "4"
# The unrolled unit: the chart with Plotly's Play button.
UNROLLED = "[data-testid='stPlotlyChart']:has(.updatemenu-button)"


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


def wait_for_app(page) -> None:
    """The page has finished its script run and drawn the unrolled unit."""
    page.wait_for_selector(f"{UNROLLED} .main-svg", timeout=30_000)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=30_000)


def wait_for_page(page) -> None:
    """Any page has finished its script run."""
    page.wait_for_selector("[data-testid='stMainBlockContainer']", timeout=30_000)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=30_000)


__all__ = ["ARTIFACTS", "UNROLLED", "wait_for_app", "wait_for_page"]
