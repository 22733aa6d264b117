"""Where each page lives (its address, title and icon), for the navigation and for links from one page to another."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from lstm.locales import N_, _


@dataclass(frozen=True)
class Route:
    """A page's address and how the menu shows it."""

    url_path: str
    title: str  # a catalogue entry: the menu shows it in the visitor's language
    icon: str
    default: bool = False  # the page a bare address opens
    hidden: bool = False  # opened by its link only (a phone's class vote), never listed in the menu

    def page(self, render: Callable[[], None]) -> st.Page:
        """The page as the navigation registers it, drawn by `render`."""
        return st.Page(
            render,
            title=_(self.title),
            icon=self.icon,
            url_path=self.url_path,
            default=self.default,
            visibility="hidden" if self.hidden else "visible",
        )

    def target(self) -> st.Page:
        """The page as a link or a switch names it.

        Streamlit finds a page by its address alone (a hash of the url_path) and runs the one the
        navigation registered there, so a link's page object needs no renderer of its own: pages link to
        each other without importing each other.
        """
        return self.page(_registered_by_the_navigation)


def _registered_by_the_navigation() -> None:
    """Never runs: a link's target is drawn by the page the navigation registered at the same address."""


EXPLORER = Route("explorer", N_("Explorer"), ":material/timeline:", default=True)
TRAINING = Route("training", N_("Training"), ":material/model_training:")
SERIES = Route("series", N_("Your own series"), ":material/upload_file:")
LANDSCAPE = Route("landscape", N_("Loss landscape"), ":material/landscape:")
BACKPROP = Route("backprop", N_("Backpropagation through time"), ":material/undo:")
PYTORCH = Route("pytorch", N_("The same unit in nn.LSTM"), ":material/code:")
WHY_LSTM = Route("why-lstm", N_("Why an LSTM"), ":material/compare_arrows:")
# A phone's page of the class vote: its join link and QR code open it (lstm.classroom.address.VOTE_PAGE).
VOTE = Route("vote", N_("Class vote"), ":material/how_to_vote:", hidden=True)
