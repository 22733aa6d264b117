"""LSTM Explorer's frame: page setup and navigation; the pages themselves live in lstm.ui."""

from pathlib import Path

import streamlit as st

from lstm.ui import language, late_tick, navigation, routes
from lstm.ui.components import style

# Served from here: a Material icon as page_icon is fetched from Google's font servers by every visitor's
# browser, which a classroom's offline server cannot reach and a visitor's privacy need not pay for.
FAVICON = Path(__file__).parent / "assets" / "favicon.png"

# The page's own rules (lstm/ui/components/page.css): the page starts just below the top navigation bar,
# captions stay quiet at WCAG AA contrast, and a slider's value is written in the text colour.
PAGE_CSS = style("page.css")


def main() -> None:
    late_tick.mend()  # once per server: the first visitor's first run installs it
    language.apply()  # first in every run: the menu's titles and the page speak the visitor's language
    st.set_page_config(page_title="LSTM Explorer", page_icon=str(FAVICON), layout="wide")
    st.html(PAGE_CSS)
    page = st.navigation(navigation.visible(), position=navigation.position())
    if not navigation.on_vote_page():  # a phone's vote page is one task: no menu, no picker
        language.picker()  # in the top bar on every page, out of the page's flow
    page.run()
    if page.url_path != routes.TRAINING.url_path:
        navigation.training_status()


main()
