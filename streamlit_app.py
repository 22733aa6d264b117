"""LSTM Explorer's frame: page setup and navigation; the pages themselves live in lstm.ui."""

from pathlib import Path

import streamlit as st

from lstm.ui import late_tick, navigation, routes

# Served from here: a Material icon as page_icon is fetched from Google's font servers by every visitor's
# browser, which a classroom's offline server cannot reach and a visitor's privacy need not pay for.
FAVICON = Path(__file__).parent / "assets" / "favicon.png"

# The page starts just below the top navigation bar (60 px, drawn over the page), not under it and not
# below Streamlit's larger default padding. Captions stay quieter than text at 80% opacity, which keeps
# them, and the links in them, at WCAG AA contrast in both themes (see .streamlit/config.toml). A slider's
# value is written in the text colour: the theme's red accent reads at 3.9:1 on the dark background.
PAGE_CSS = """<style>
.stMainBlockContainer { padding-top: 4.5rem; }
[data-testid="stCaptionContainer"] { opacity: 0.8; }
.stApp [data-testid="stSliderThumbValue"] { color: inherit; }
</style>"""


def main() -> None:
    late_tick.mend()  # once per server: the first visitor's first run installs it
    st.set_page_config(page_title="LSTM Explorer", page_icon=str(FAVICON), layout="wide")
    st.html(PAGE_CSS)
    page = st.navigation(navigation.visible(), position="top")
    page.run()
    if page.url_path != routes.TRAINING.url_path:
        navigation.training_status()


main()
