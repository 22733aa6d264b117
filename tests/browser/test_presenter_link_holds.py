"""A presenter link stays in presenter mode: after the page settles, and when the teacher reveals the answer."""

import pytest

from tests.support.browser import PATIENCE, SCRIPT_DONE

VISITS = 5  # fresh visitors per step: the toggle came back off on about one first visit in three
TOGGLE = ".st-key-present input[type='checkbox']"
CHOOSE_FIRST = "Choose one of the answers first"
# The page idle for a second in a row: the reruns its components ask for after the first run (the language, the
# player's report) have come and gone, so the toggle shows what the browser will send with the next click.
SETTLED = f"""() => new Promise((resolve) => {{
  const done = {SCRIPT_DONE};
  let since = null;
  const look = () => {{
    if (!done()) since = null;
    else if (since === null) since = performance.now();
    if (since !== null && performance.now() - since > 1000) resolve(true); else setTimeout(look, 50);
  }};
  look();
}})"""


def _settle(page) -> None:
    page.wait_for_function(SCRIPT_DONE, timeout=PATIENCE * 1000)
    page.evaluate(SETTLED)


@pytest.mark.parametrize("step", [1, 2])
def test_a_presenter_link_stays_in_presenter_mode_until_the_teacher_leaves_it(browser, app_url, step):
    for visit in range(VISITS):
        context = browser.new_context(viewport={"width": 1920, "height": 1080})
        context.set_default_timeout(PATIENCE * 1000)
        page = context.new_page()
        try:
            page.goto(f"{app_url}/?lesson={step}&mode=present")
            reveal = page.get_by_role("button", name="Reveal the answer")
            reveal.wait_for()
            _settle(page)
            assert page.locator(TOGGLE).is_checked(), f"visit {visit + 1}: presenter mode went off as the page settled"
            reveal.click()
            page.wait_for_selector(".st-key-lesson_answer")
            _settle(page)
            assert page.locator(TOGGLE).is_checked(), f"visit {visit + 1}: presenter mode went off with the reveal"
            assert page.get_by_text(CHOOSE_FIRST).count() == 0, f"visit {visit + 1}: Reveal was taken for Check"
            assert "mode=present" in page.url
        finally:
            context.close()
