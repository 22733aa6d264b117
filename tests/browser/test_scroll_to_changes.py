"""On a phone the part of the page that changed comes into view: the cells after Check, the opened cell after
Step forward; a step the visitor did not take (a rerun) leaves the page where it was."""

from playwright.sync_api import expect

from tests.support.browser import PATIENCE, wait_for_app, wait_until

PHONE = {"width": 390, "height": 844}
# The box of what is matched, and the part of the window below Streamlit's header bar that a visitor sees.
ON_SCREEN = """(selector) => {
  const header = document.querySelector('[data-testid="stHeader"]');
  const box = document.querySelector(selector).getBoundingClientRect();
  return {top: box.top, bottom: box.bottom, seen: header ? header.getBoundingClientRect().bottom : 0,
          height: innerHeight};
}"""
# The opened cell: the band of the chart's height its drawing's axis (y2) spans.
OPENED_CELL = """() => {
  const plot = document.querySelector('.st-key-unrolled .js-plotly-plot');
  const box = plot.getBoundingClientRect(), size = plot._fullLayout._size, domain = plot._fullLayout.yaxis2.domain;
  const header = document.querySelector('[data-testid="stHeader"]').getBoundingClientRect().bottom;
  return {top: box.top + size.t + (1 - domain[1]) * size.h, bottom: box.top + size.t + (1 - domain[0]) * size.h,
          seen: header, height: innerHeight};
}"""


def inside(box: dict) -> bool:
    return box["top"] >= box["seen"] - 1 and box["bottom"] <= box["height"] + 1


def phone(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    context.set_default_timeout(PATIENCE * 1000)
    return context, context.new_page()


def test_after_check_the_cells_come_into_view_on_a_phone(browser, app_url):
    context, page = phone(browser)
    try:
        page.goto(f"{app_url}/?lesson=2")
        wait_for_app(page)
        page.get_by_role("radio").first.check(force=True)
        expect(page.get_by_role("radio").first).to_be_checked()
        page.get_by_role("button", name="Check").tap()
        expect(page.locator(".st-key-lesson_answer")).to_be_visible()
        wait_until(
            lambda: inside(page.evaluate(ON_SCREEN, ".st-key-unrolled .js-plotly-plot")),
            what="the cells on the phone's screen after Check",
        )
        # With the stage's caption above them, which says what the cells show now.
        assert inside(page.evaluate(ON_SCREEN, ".figure-text .stage-caption"))
    finally:
        context.close()


def test_after_step_forward_the_opened_cell_comes_into_view_on_a_phone(browser, app_url):
    context, page = phone(browser)
    try:
        page.goto(f"{app_url}/?lesson=4")
        wait_for_app(page)
        forward = page.get_by_role("button", name="Next stage")
        # The visitor has scrolled on past the cells, the player at the top of the screen, and steps from there.
        page.locator(".st-key-player_unrolled").evaluate("node => node.scrollIntoView({block: 'start'})")
        wait_until(lambda: page.evaluate(OPENED_CELL)["bottom"] < 0, what="the opened cell scrolled up out of view")
        forward.tap()
        wait_until(lambda: inside(page.evaluate(OPENED_CELL)), what="the opened cell on screen after Step forward")
        assert inside(page.evaluate(ON_SCREEN, ".st-key-player_unrolled"))  # the next step a tap away
    finally:
        context.close()


def test_a_rerun_leaves_the_phone_where_the_visitor_scrolled(browser, app_url):
    """The player tells its frame on every redraw too: only the visitor's own step scrolls the page."""
    context, page = phone(browser)
    try:
        page.goto(f"{app_url}/?lesson=4")
        wait_for_app(page)
        page.locator(".st-key-player_unrolled").evaluate("node => node.scrollIntoView({block: 'start'})")
        main = page.locator("[data-testid='stMain']")
        wait_until(lambda: main.evaluate("node => node.scrollTop") > 0, what="the page scrolled")
        before = main.evaluate("node => node.scrollTop")
        # A rerun that redraws the player (the open day's control, below it) without a step of the visitor's.
        page.locator(".st-key-open_day").get_by_text("Day 3", exact=True).tap()
        page.wait_for_function("() => location.search.includes('cell=3')")
        page.wait_for_function(
            "() => document.querySelector('[data-test-script-state=\"notRunning\"]')", timeout=PATIENCE * 1000
        )
        assert abs(main.evaluate("node => node.scrollTop") - before) < 200
    finally:
        context.close()
