"""The pages this visitor may open, by menu: the one module that imports the page modules."""

from __future__ import annotations

from urllib.parse import urlsplit

import streamlit as st

from lstm.locales import _
from lstm.ui import explorer_session, routes, visitor

# Each page's module loads when a visitor opens it: Lightning comes with the Training page only,
# so the first page stays light.


def _explorer() -> None:
    from lstm.ui import explorer

    explorer.render()


def _training() -> None:
    from lstm.ui import training

    training.render()


def _series() -> None:
    from lstm.ui import series

    series.render()


def _landscape() -> None:
    from lstm.ui import landscape

    landscape.render()


def _backprop() -> None:
    from lstm.ui import backprop

    backprop.render()


def _pytorch() -> None:
    from lstm.ui import pytorch

    pytorch.render()


def _why_lstm() -> None:
    from lstm.ui import why_lstm

    why_lstm.render()


def _vote() -> None:
    from lstm.ui import vote_page

    vote_page.render()


def on_vote_page() -> bool:
    """Whether this run draws a phone's class vote page: then the frame hides the menu and the language picker.

    Decided from the address before st.navigation is called, which is what decides whether the menu shows.
    """
    url = st.context.url
    if not url:
        return False
    return urlsplit(url).path.rstrip("/").rpartition("/")[2] == routes.VOTE.url_path


def position() -> str:
    """Where the menu goes: the top bar, or nowhere on a phone's vote page (one task, no way off it by mistake)."""
    return "hidden" if on_vote_page() else "top"


def visible() -> dict[str, list[st.Page]]:
    """The pages by menu; a lesson link can hide training or the insights.

    Streamlit marks the page objects st.navigation returns, and a visitor's run unmarks them after
    running: objects shared by concurrent visitors race. So every script run makes its own.
    """
    hidden = explorer_session.hidden_parts()
    trains = "training" not in hidden
    # The phones' page of a class vote: never in the menu (its route is hidden); its join link opens it.
    main = [routes.EXPLORER.page(_explorer), routes.VOTE.page(_vote)]
    if trains:
        main.append(routes.TRAINING.page(_training))
    menus = {"": main}
    if "insights" not in hidden:
        insights = [
            routes.WHY_LSTM.page(_why_lstm),
            routes.LANDSCAPE.page(_landscape),
            routes.BACKPROP.page(_backprop),
            routes.PYTORCH.page(_pytorch),
        ]
        menus[_("Insights")] = insights + ([routes.SERIES.page(_series)] if trains else [])
    return menus


def training_status() -> None:
    """A visitor who leaves the Training page mid-run keeps the run going, and sees how far it got."""
    if visitor.has_runs():  # Lightning is loaded already if there is a run
        from lstm.ui import training

        training.background_status()
