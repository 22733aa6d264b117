"""Training for a class: in presenter mode, after Train, the live cells and the loss are on the projector's first
screen, at a 1080p projector's browser window and at the two sizes classrooms often project."""

import pytest
from playwright.sync_api import expect

from tests.support.browser import train_tutorial_recipe, wait_until
from tests.support.layout import measure

PROJECTORS = {"1080p window": (1920, 960), "768p": (1366, 768), "720p": (1280, 720)}
# The live cells' and the loss chart's boxes, and the part of the window below Streamlit's header bar.
BOXES = """() => {
  const box = (selector) => {
    const found = document.querySelector(selector);
    return found ? found.getBoundingClientRect().toJSON() : null;
  };
  return {cells: box('.st-key-live_cells .main-svg'), loss: box('.st-key-loss .main-svg'),
          header: box('[data-testid="stHeader"]'), width: innerWidth, height: innerHeight};
}"""

CELLS = ".st-key-live_cells [data-testid='stPlotlyChart']"
# The live cells' texts that lie outside their frame's box (cut by its edge, or behind its sideways scroll), and the
# title the browser writes each epoch into.
CUT_TEXTS = """() => {
  const frame = document.querySelector('.st-key-live_cells_frame').getBoundingClientRect();
  const texts = [...document.querySelectorAll('.st-key-live_cells svg text')].filter((text) => text.textContent.trim());
  return texts.filter((text) => {
    const box = text.getBoundingClientRect();
    return box.left < frame.left - 1 || box.right > frame.right + 1;
  }).map((text) => text.textContent);
}"""
TITLE = "() => document.querySelector('.st-key-live_cells .gtitle').textContent"


def on_first_screen(boxes: dict) -> bool:
    seen = boxes["header"]["bottom"] if boxes["header"] else 0
    parts = [boxes["cells"], boxes["loss"]]
    return all(
        part and part["top"] >= seen - 1 and part["bottom"] <= boxes["height"] + 1 and part["right"] <= boxes["width"]
        for part in parts
    )


@pytest.mark.parametrize("size", list(PROJECTORS))
def test_after_train_the_live_cells_and_loss_are_on_the_first_screen(open_page, app_url, size):
    width, height = PROJECTORS[size]
    page = open_page(width=width, height=height)
    page.goto(f"{app_url}/training?mode=present")
    train_tutorial_recipe(page)
    page.wait_for_selector(".st-key-live_cells .main-svg")
    page.wait_for_selector(".st-key-loss .main-svg")
    wait_until(lambda: on_first_screen(page.evaluate(BOXES)), what="the live cells and the loss on the first screen")
    page.get_by_role("button", name="Stop").click()
    expect(page.get_by_role("button", name="Train", exact=True)).to_be_enabled()


@pytest.mark.parametrize("size", list(PROJECTORS))
def test_the_live_cells_texts_neither_overlap_nor_are_cut_while_the_browser_writes_them(open_page, app_url, size):
    width, height = PROJECTORS[size]
    page = open_page(width=width, height=height)
    page.goto(f"{app_url}/training?mode=present")
    train_tutorial_recipe(page)
    page.wait_for_selector(".st-key-live_cells .gtitle")

    def holds(moment: str) -> None:
        problems = measure(page, CELLS).problems()
        assert problems == [], (moment, problems)
        assert page.evaluate(CUT_TEXTS) == [], moment

    drawn = page.evaluate(TITLE)
    holds("as the server drew them")
    wait_until(lambda: page.evaluate(TITLE) != drawn, what="the browser writing a later epoch into the cells")
    holds("as the browser wrote a later epoch")
    page.get_by_role("button", name="Stop").click()
    expect(page.get_by_role("button", name="Train", exact=True)).to_be_enabled()
