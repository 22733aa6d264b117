"""A new lesson step starts at its top on a phone, as a slide show turns a page; a fresh page never scrolls."""

from tests.support.browser import wait_for_app, wait_until

LESSON_TOP = """() => {
  const header = document.querySelector('[data-testid="stHeader"]');
  const below = header ? header.getBoundingClientRect().bottom : 0;
  return document.querySelector('.st-key-lesson').getBoundingClientRect().top - below;
}"""


def test_the_next_lesson_step_brings_the_lesson_to_the_top_of_a_phone(open_page, app_url):
    page = open_page(width=390, height=844)
    # Step 1 shows the plain RNN in place of the cells; step 2 is the first with the unrolled unit.
    page.goto(f"{app_url}/?lesson=2")
    wait_for_app(page)
    # The visitor has scrolled on, down to the cells below the lesson, and presses Next from there (a click
    # that scrolls nothing itself, as a finger's tap on a button already in view).
    page.mouse.move(195, 600)
    page.mouse.wheel(0, 3000)
    wait_until(lambda: page.evaluate(LESSON_TOP) < -100, what="the lesson scrolled up out of view")
    page.get_by_role("button", name="Next lesson step").dispatch_event("click")
    page.wait_for_function("() => location.search.includes('lesson=3')")
    # Just below the header bar (scroll_to.js leaves 8 px), not under it.
    wait_until(lambda: 0 <= page.evaluate(LESSON_TOP) <= 16, what="the lesson's top just below the header")


def test_a_fresh_page_on_a_lesson_step_starts_where_the_visitor_is(open_page, app_url):
    page = open_page(width=390, height=844)
    page.goto(f"{app_url}/?lesson=2")
    wait_for_app(page)
    # The component has run (its place is in the page) and remembered the step without scrolling to it.
    page.wait_for_function("() => (window.lstmExplorerScrolled || {}).lesson === '2'")
    assert page.evaluate("() => [...document.querySelectorAll('*')].every((element) => element.scrollTop === 0)")
