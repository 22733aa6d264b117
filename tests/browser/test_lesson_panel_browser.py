"""The lesson panel under a finger: targets a thumb can hit, the answer brought into view on a phone, leaving asked."""

import pytest
from playwright.sync_api import expect

from tests.support.browser import wait_for_page, wait_until

TOP_OF = """(key) => {
  const header = document.querySelector('[data-testid="stHeader"]');
  const below = header ? header.getBoundingClientRect().bottom : 0;
  return document.querySelector(`.st-key-${key}`).getBoundingClientRect().top - below;
}"""
# Drawn targets only: Streamlit keeps an empty, zero-sized copy of a button that has a tooltip.
TARGETS = """() => [...document.querySelectorAll(
  '.st-key-lesson [data-testid="stRadioOption"], .st-key-lesson [data-testid^="stBaseButton"]'
)].map((target) => [target.innerText.trim(), target.getBoundingClientRect().height])
 .filter(([_name, height]) => height > 0)"""


def open_step_2(open_page, app_url, width: int, height: int):
    page = open_page(width=width, height=height)
    page.goto(f"{app_url}/?lesson=2")
    wait_for_page(page)
    expect(page.locator(".st-key-lesson [data-testid='stRadioOption']").first).to_be_visible()
    expect(page.get_by_role("button", name="Next lesson step")).to_be_visible()
    return page


def check_an_answer(page) -> None:
    page.locator(".st-key-lesson [data-testid='stRadioOption']").first.click()
    page.get_by_role("button", name="Check").click()
    expect(page.locator(".st-key-lesson_answer")).to_contain_text("After day 2 Company B's long-term memory is")


def test_on_a_phone_every_choice_and_button_is_a_thumbs_width_and_check_brings_the_answer_up(open_page, app_url):
    page = open_step_2(open_page, app_url, 390, 844)
    targets = page.evaluate(TARGETS)
    assert len(targets) >= 6, targets  # three choices, Check, Previous, Next, Leave
    assert all(height >= 44 for _name, height in targets), targets
    assert (
        page.locator(".st-key-lesson")
        .get_by_role("radiogroup")
        .get_attribute("aria-label")
        .startswith("Company B's day 1 is 1")
    )
    check_an_answer(page)
    # The answer at the top of the screen, just under the header bar, the cells that moved under it.
    wait_until(lambda: 0 <= page.evaluate(TOP_OF, "lesson_answer") <= 16, what="the answer at the top")


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (1920, 960)])
def test_beside_the_cells_check_leaves_the_page_where_it_is(open_page, app_url, width, height):
    page = open_step_2(open_page, app_url, width, height)
    before = page.evaluate(TOP_OF, "lesson")
    check_an_answer(page)
    page.wait_for_function("() => (window.lstmExplorerScrolled || {}).lesson_answer === '1'")
    assert page.evaluate(TOP_OF, "lesson") == pytest.approx(before, abs=2)


def test_leave_the_lesson_asks_once(open_page, app_url):
    page = open_step_2(open_page, app_url, 390, 844)
    page.get_by_role("button", name="Leave the lesson").click()
    expect(page.get_by_text("Leave the lesson at step 2? Starting it again begins at step 1.")).to_be_visible()
    assert "lesson=2" in page.url
    page.get_by_role("button", name="Stay in the lesson").click()
    expect(page.get_by_role("button", name="Leave the lesson")).to_be_visible()
    assert "lesson=2" in page.url
