"""The lesson panel under a finger: targets a thumb can hit, the answer brought into view on a phone, leaving asked."""

import pytest
from playwright.sync_api import expect

from tests.support.axe import severe_findings
from tests.support.browser import ARTIFACTS, wait_for_page, wait_until
from tests.support.layout import measure

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


def test_on_a_phone_every_choice_and_button_is_a_thumbs_width(open_page, app_url):
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
    check_an_answer(page)  # where the page goes then: tests/browser/test_scroll_to_changes.py (the cells, in view)


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


LESSON_VIEW = ".st-key-lesson_why_lstm .js-plotly-plot"
# The days the view has drawn; None while a rerun shows its stale figure beside the new one (a busy machine's page).
DRAWN_DAYS = "plots => plots.length === 1 ? plots[0].data[0].y.length : null"


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1366, 768), (1920, 1080)])
def test_step_1_plays_the_plain_rnn_above_the_lstm_and_check_reveals_the_last_day(open_page, app_url, width, height):
    page = open_page(width=width, height=height)
    page.goto(f"{app_url}/?lesson=1")
    wait_for_page(page)
    page.wait_for_selector(".st-key-lesson_why_lstm .main-svg")
    caption = page.locator("p.caption[aria-live='polite']")
    expect(caption).to_contain_text("Day 1 of 12:")  # the class predicts before the days play
    wait_until(lambda: page.locator(LESSON_VIEW).evaluate_all(DRAWN_DAYS) == 1, what="the first day drawn")
    assert measure(page, LESSON_VIEW).problems() == []
    position = page.get_by_role("slider", name="Position")
    position.focus()
    page.keyboard.press("ArrowRight")
    expect(position).to_have_attribute("aria-valuetext", "day 2")
    expect(caption).to_contain_text("Day 2 of 12:")
    panel = page.locator(".st-key-lesson")
    panel.get_by_text("Less than a thousandth of it", exact=True).click()
    panel.get_by_role("button", name="Check").click()
    expect(panel.get_by_text("Right: Less than a thousandth of it.", exact=False)).to_be_visible()
    expect(caption).to_contain_text("Day 12 of 12:")
    wait_until(lambda: page.locator(LESSON_VIEW).evaluate_all(DRAWN_DAYS) == 12, what="every day drawn")
    expect(
        page.get_by_role("link", name="Other lengths, other w2 and trained weights on the Why an LSTM page")
    ).to_be_visible()
    page.mouse.move(0, 0)
    page.screenshot(path=str(ARTIFACTS / f"lesson-why-{width}.png"))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_step_1_on_a_projector_passes_axe_and_reveal_plays_to_the_last_day(open_page, app_url, scheme):
    page = open_page(width=1920, height=1080, color_scheme=scheme)
    page.goto(f"{app_url}/?lesson=1&mode=present")
    wait_for_page(page)
    page.wait_for_selector(".st-key-lesson_why_lstm .main-svg")
    assert severe_findings(page) == []
    assert measure(page, LESSON_VIEW).problems() == []
    page.get_by_role("button", name="Reveal the answer").click()
    expect(page.get_by_text("The answer: Less than a thousandth of it.", exact=False)).to_be_visible()
    wait_until(lambda: page.locator(LESSON_VIEW).evaluate_all(DRAWN_DAYS) == 12, what="every day drawn")
    page.mouse.move(0, 0)
    page.screenshot(path=str(ARTIFACTS / f"lesson-why-presenter-{scheme}.png"))
