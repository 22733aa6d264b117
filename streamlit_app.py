"""LSTM Explorer's frame: page setup and navigation; the pages themselves live in lstm.ui."""

import streamlit as st

from lstm.ui import navigation, routes


def main() -> None:
    st.set_page_config(page_title="LSTM Explorer", page_icon=":material/memory:", layout="wide")
    # The unrolled unit is the page: start it near the top of the screen, not below Streamlit's padding.
    st.html("<style>.stMainBlockContainer { padding-top: 2.5rem; }</style>")
    page = st.navigation(navigation.visible(), position="top")
    page.run()
    if page.url_path != routes.TRAINING.url_path:
        navigation.training_status()


main()
