"""A link's opened cell and compared company hold on a fresh visit, through the page's first clicks."""

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.test_presenter_link_holds import _settle

VISITS = 4  # fresh visitors: the presenter toggle's race showed on about one first visit in three
PRESENTER = ".st-key-present label"


LINKS = [
    {"cell": "2", "compare": "B", "weights": "trained"},
    {"days": "0,0.5,0.25,1,0.5,0.25,1,0.5,0.25,1,0.5,0.25,1,0.5", "cell": "14"},  # past the day fields: a list
]


@pytest.mark.parametrize("wanted", LINKS, ids=["cell-compare-weights", "cell-of-14-days"])
def test_a_link_s_opened_cell_compared_days_and_weights_survive_the_first_click(browser, app_url, wanted):
    link = "&".join(f"{name}={value}" for name, value in wanted.items())
    for visit in range(VISITS):
        context = browser.new_context(viewport={"width": 1366, "height": 768})
        page = context.new_page()
        try:
            page.goto(f"{app_url}/?{link}")
            page.locator(PRESENTER).wait_for()
            _settle(page)
            page.locator(PRESENTER).click()  # any click's rerun carries every widget's value as the browser has it
            page.wait_for_function("() => location.search.includes('mode=present')")
            _settle(page)
            query = {name: values[0] for name, values in parse_qs(urlsplit(page.url).query).items()}
            assert {name: query.get(name) for name in wanted} == wanted, f"visit {visit + 1}: {page.url}"
        finally:
            context.close()
