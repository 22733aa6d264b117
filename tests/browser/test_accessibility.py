"""axe-core on every page, light and dark: no serious or critical accessibility violation beyond the known list."""

import pytest

from tests.support.axe import Finding, severe_findings
from tests.support.browser import (
    EVERY_DAY_FOLD,
    WEIGHTS_FOLD,
    open_fold,
    wait_for_app,
    wait_for_page,
    wait_for_progress,
)

# Each view as a visitor reaches it: its address, and whether it draws the unrolled unit.
VIEWS = {
    "explorer": ("/", True),
    "explorer, every fold open": ("/", True),
    "presenter": ("/?mode=present", True),
    "presenter with a cell": ("/?mode=present&cell=2&day=2&stage=potential", True),
    "lesson": ("/?lesson=4", True),
    "lesson question": ("/?lesson=2", True),
    "training": ("/training", False),
    "series": ("/series", False),
    "landscape": ("/landscape", False),
    "backprop": ("/backprop", False),
    "pytorch": ("/pytorch", False),
    "why an LSTM": ("/why-lstm", False),
}

# Violations known today in pages whose fixes are under way elsewhere, keyed by view and rule, each with
# the parts of axe's selector that identify the elements. Anything else on these pages still fails the
# test. Empty this list as the pages are fixed; an entry that no longer matches anything fails too.
KNOWN: dict[tuple[str, str], tuple[str, ...]] = {}


def open_view(page, app_url: str, view: str) -> None:
    address, unrolled = VIEWS[view]
    if view == "training":
        # A finished run: the loss, predictions and weights charts, the before/after table, the downloads.
        page.goto(f"{app_url}/training")
        wait_for_page(page)
        page.get_by_role("button", name="Train", exact=True).click()
        wait_for_progress(page, r"Finished")
        wait_for_page(page)
        return
    page.goto(f"{app_url}{address}")
    wait_for_app(page) if unrolled else wait_for_page(page)
    if view == "explorer, every fold open":  # what is drawn only once opened: the weights' fields, every day's numbers
        open_fold(page, WEIGHTS_FOLD)
        open_fold(page, EVERY_DAY_FOLD)
    # The page's last part drawn: the script has run to its end (torch loads first on the nn.LSTM page).
    last_part = {"landscape": "[data-testid='stPlotlyChart'] .main-svg", "backprop": "[data-testid='stDataFrame']",
                 "pytorch": "[data-testid='stCode']"}.get(view)  # fmt: skip
    if last_part:
        page.wait_for_selector(last_part, timeout=30_000)
        wait_for_page(page)


def known(view: str, finding: Finding) -> bool:
    return any(part in finding.target for part in KNOWN.get((view, finding.rule), ()))


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("view", list(VIEWS))
def test_no_serious_accessibility_violations(open_page, app_url, view, scheme):
    page = open_page(width=1366, height=768, color_scheme=scheme)
    open_view(page, app_url, view)
    background = page.evaluate("() => getComputedStyle(document.querySelector('.stApp')).backgroundColor")
    assert (background == "rgb(255, 255, 255)") == (scheme == "light"), background  # the theme follows the browser
    findings = severe_findings(page)
    unexpected = [finding for finding in findings if not known(view, finding)]
    assert not unexpected, "\n".join(str(finding) for finding in unexpected)
