"""The benchmark's figures that need Chromium: the pages beside the minimal page, a live run beside the command line."""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench.live import LiveRuns, measure_live
from bench.pages import Timings, measure_pages
from bench.served import chromium_path, launch_chromium
from bench.wire import nginx_path


def require_browser() -> None:
    """Fail before any measuring when Playwright, Chromium or nginx is missing, saying how to get them."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        raise RuntimeError("Playwright is not installed: pip install -r requirements-dev.txt") from None
    chromium_path()
    nginx_path()


def measure_in_browser(repeats: int) -> tuple[dict[str, Timings], LiveRuns]:
    """The pages beside the minimal page, then live runs beside the command line's: `repeats` turns of each."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            pages = measure_pages(browser, repeats, Path(folder))
        finally:
            browser.close()
    return pages, measure_live(repeats)
