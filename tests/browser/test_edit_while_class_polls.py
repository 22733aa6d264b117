"""A projector's day edits reach the server's figure while the class panel reruns every second beside them."""

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.support.browser import PATIENCE, UNROLLED, wait_for_app

EDITS = 20
# The Enter lands just after the class panel's timer came due: the page is kept busy a little longer than the
# panel's period (class_vote_view.LIVE_SECONDS), as a projector's busy browser is, so the timer's rerun goes out
# first and carries the new value together with the days' text the browser has not yet seen change.
BUSY_THEN_ENTER = """([label, busy]) => {
  const field = [...document.querySelectorAll('input')].find((input) => input.getAttribute('aria-label') === label);
  const began = performance.now();
  while (performance.now() - began < busy) {}
  field.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', code: 'Enter', keyCode: 13, bubbles: true}));
}"""
# The label under day 1 in the server's figure (the browser's preview leaves it as it was), and the field's value.
SERVED = """([chart, label, served, value]) =>
  [...document.querySelectorAll(`${chart} text`)].some((text) => text.textContent === served)
  && [...document.querySelectorAll('input')].some(
    (input) => input.getAttribute('aria-label') === label && input.value === value)
  && !document.querySelector('[data-testid="stStatusWidget"]')"""


def test_every_day_edit_reaches_the_server_while_the_class_panel_polls(browser, app_url):
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    context.set_default_timeout(PATIENCE * 1000)
    page = context.new_page()
    try:
        page.goto(f"{app_url}/?mode=present&lesson=2")
        wait_for_app(page)
        page.get_by_role("button", name="Start a class vote").click()
        page.wait_for_selector(".st-key-class_vote_live")
        page.get_by_text("Days, weights and more").click()
        field = page.get_by_role("spinbutton", name="Day 1", exact=True)
        for edit in range(EDITS):
            value = f"{0.05 * (edit + 1):.2f}"
            field.fill(value)
            page.evaluate(BUSY_THEN_ENTER, ["Day 1", 1100])
            try:
                page.wait_for_function(SERVED, arg=[UNROLLED, "Day 1", f"day 1{value}", value], timeout=PATIENCE * 1000)
            except PlaywrightTimeout:
                shown = field.input_value()
                pytest.fail(f"edit {edit + 1} of {EDITS}, day 1 = {value}, was lost: the field shows {shown}")
    finally:
        context.close()
