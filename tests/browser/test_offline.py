"""A visit asks nothing of any server but ours: a classroom's server without internet serves every page whole."""

from urllib.parse import urlparse

from lstm.ui import routes
from tests.support.browser import wait_for_page

PAGES = (routes.EXPLORER, routes.TRAINING, routes.SERIES, routes.LANDSCAPE, routes.BACKPROP, routes.PYTORCH)
# Streamlit draws its own icon until the app's arrives with the first script run.
APP_ICON_ARRIVED = """() => {
  const icon = document.querySelector("link[rel~='icon']");
  return icon !== null && !icon.href.endsWith("/favicon.png");
}"""


def test_every_page_loads_only_from_this_server(page, app_url):
    ours = urlparse(app_url).netloc
    elsewhere = []
    page.on(
        "request",
        lambda request: (
            urlparse(request.url).scheme in ("http", "https")
            and urlparse(request.url).netloc != ours
            and elsewhere.append(request.url)
        ),
    )
    for route in PAGES:
        page.goto(f"{app_url}/{'' if route.default else route.url_path}")
        wait_for_page(page)
        page.wait_for_function(APP_ICON_ARRIVED)
        icon = page.eval_on_selector("link[rel~='icon']", "icon => icon.href")
        assert urlparse(icon).netloc == ours, f"{route.url_path}: the page's icon comes from {icon}"
    assert not elsewhere, f"requests to other servers: {sorted(set(elsewhere))}"
