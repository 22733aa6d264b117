"""LSTM Explorer's frame: page setup and navigation; the pages themselves live in lstm.ui."""

import streamlit as st

from lstm.ui import explorer


def main() -> None:
    st.set_page_config(page_title="LSTM Explorer", page_icon=":material/memory:", layout="wide")
    # The unrolled unit is the page: start it near the top of the screen, not below Streamlit's padding.
    st.html("<style>.stMainBlockContainer { padding-top: 2.5rem; }</style>")
    page = st.navigation([st.Page(explorer.render, title="Explorer", icon=":material/timeline:", default=True)])
    page.run()


main()
