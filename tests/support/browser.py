"""What browser tests share: where artifacts go, and how to wait for a page, read its chart and drive its fields."""

from __future__ import annotations

import re
import time

from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from tests.support.paths import REPO

ARTIFACTS = REPO / "test-artifacts"
# Seconds a browser test waits for a condition before it fails. Generous on purpose: a passing test
# never waits this long, and a loaded 2-core machine (two busy processes beside the suite) takes
# several times longer than an idle one to start a page or a run.
PATIENCE = 120
# The unrolled unit: the explorer's chart (its one set of controls is the page's player, not Plotly's buttons).
UNROLLED = ".st-key-unrolled [data-testid='stPlotlyChart']"
# The current stage's caption, written above the cells by the figure's text alternative.
CAPTION = ".figure-text .stage-caption"
PROGRESS = "[data-testid='stProgress']"


def patient_page(browser, limit: float = PATIENCE):
    """A new visitor (a context of their own) whose page waits up to `limit` seconds for loads and clicks."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.set_default_timeout(limit * 1000)
    return context.new_page()


def wait_until(check, limit: float = PATIENCE, what: str = "a condition", every: float = 0.1) -> None:
    """Polls `check()` until it is true; fails after `limit` seconds, saying `what` it waited for."""
    deadline = time.monotonic() + limit
    while not check():
        assert time.monotonic() < deadline, f"waited {limit:g} s for {what}"
        time.sleep(every)


# Streamlit's app root says where the script is: "initial" before the first run, "running", "notRunning".
# A page that has just loaded has no status widget yet either, so only the script's own state tells a
# finished run from one that has not started, which matters most on a loaded machine. The page's stylesheet
# (streamlit_app.PAGE_CSS, through st.html) is drawn by a component Streamlit loads on first use, up to a few
# hundred milliseconds after the run ends: until then captions are paler than the page a visitor reads.
SCRIPT_DONE = """() =>
    document.querySelector('[data-test-script-state="notRunning"][data-test-connection-state="CONNECTED"]')
    && !document.querySelector('[data-testid="stStatusWidget"]')
    && [...document.querySelectorAll('style')].some((style) => style.textContent.includes('stCaptionContainer'))"""


def wait_for_app(page, limit: float = PATIENCE) -> None:
    """The page has finished its script run and drawn the unrolled unit."""
    page.wait_for_selector(f"{UNROLLED} .main-svg", timeout=limit * 1000)
    page.wait_for_function(SCRIPT_DONE, timeout=limit * 1000)


# The explorer's folds whose content is drawn only once opened (a rerun): their labels, and what shows then.
EVERY_DAY_FOLD = ("Every day's numbers: a chart and a table", ".st-key-per_day .main-svg")
WEIGHTS_FOLD = ("Edit the twelve weights", "[data-testid='stNumberInput']:has(input[aria-label^='bo1'])")


# The page's height unchanged for ten frames in a row: charts just drawn have stopped sizing themselves, so
# what lies below them has stopped moving under a mouse about to click it.
STILL = """() => new Promise((resolve) => {
  let last = null, same = 0;
  const look = () => {
    const height = document.querySelector('[data-testid="stMainBlockContainer"]').getBoundingClientRect().height;
    same = height === last ? same + 1 : 0;
    last = height;
    if (same >= 10) resolve(true); else requestAnimationFrame(look);
  };
  look();
})"""


def open_fold(page, fold: tuple[str, str], limit: float = PATIENCE) -> None:
    """Opens one of the explorer's folds as a visitor does, and waits until its content is drawn and still."""
    label, drawn = fold
    page.get_by_text(label).click()
    page.wait_for_selector(drawn, timeout=limit * 1000)
    page.wait_for_function(SCRIPT_DONE, timeout=limit * 1000)
    page.wait_for_function(STILL, timeout=limit * 1000)


def wait_for_page(page, limit: float = PATIENCE) -> None:
    """Any page has finished its script run."""
    page.wait_for_selector("[data-testid='stMainBlockContainer']", timeout=limit * 1000)
    page.wait_for_function(SCRIPT_DONE, timeout=limit * 1000)


def chart_texts(page) -> list[str]:
    """Every text of the unrolled unit's SVG, as the visitor sees it."""
    return page.eval_on_selector_all(f"{UNROLLED} text", "nodes => nodes.map(node => node.textContent)")


def caption(page) -> str:
    shown = page.locator(CAPTION).first
    return shown.inner_text().strip() if shown.count() else ""


def type_into(page, label: str, text: str) -> None:
    """Type into a number field as a visitor does: select all, replace, Enter."""
    field = page.get_by_role("spinbutton", name=label)
    field.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.keyboard.type(text)
    page.keyboard.press("Enter")


def progress_text(page) -> str:
    return page.locator(PROGRESS).inner_text()


def epoch_shown(page) -> int:
    match = re.search(r"epoch ([\d,]+)", progress_text(page))
    return int(match.group(1).replace(",", "")) if match else -1


def wait_for_progress(page, pattern: str, limit: float = PATIENCE) -> None:
    """The run's progress line says `pattern` (a regular expression) within `limit` seconds."""
    try:
        page.wait_for_function(
            "([selector, pattern]) => new RegExp(pattern).test(document.querySelector(selector)?.innerText ?? '')",
            arg=[PROGRESS, pattern],
            timeout=limit * 1000,
        )
    except PlaywrightTimeout:
        shown = page.locator(PROGRESS).all_inner_texts()
        raise AssertionError(f"waited {limit:g} s for /{pattern}/ in the progress line; it says {shown}") from None


def start_tutorial_run(page, app_url) -> None:
    """Open the training page and start the tutorial's recipe: 5000 epochs, long enough to watch."""
    page.goto(f"{app_url}/training")
    train_tutorial_recipe(page)


def choose_option(box, option) -> None:
    """Opens a select box's list and picks `option`, opening it again if a shift of the page closed it."""

    def picked() -> bool:
        if not option.is_visible():
            box.click()
        try:
            option.click(timeout=5_000)
        except PlaywrightTimeout:
            return False  # the list closed before the click: a figure drawn above it moved the page
        return True

    wait_until(picked, what="the select box's list to stay open for a click", every=0.5)


def train_tutorial_recipe(page) -> None:
    """On the training page, choose the tutorial's recipe and press Train."""
    wait_for_page(page)
    recipe = page.get_by_role("combobox", name="Recipe")
    choose_option(recipe, page.get_by_role("option", name="tutorial"))
    expect(recipe).to_have_value("tutorial", timeout=PATIENCE * 1000)
    # The server has taken the choice when it has set the recipe's learning rate into its field.
    expect(page.get_by_role("spinbutton", name="Learning rate")).to_have_value("0.0010", timeout=PATIENCE * 1000)
    wait_for_page(page)
    page.get_by_role("button", name="Train").click()
    wait_for_progress(page, r"Training")
