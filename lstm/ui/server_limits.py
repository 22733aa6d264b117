"""This server's training limits as every page reads them: Streamlit secrets over environment variables."""

from __future__ import annotations

import contextlib
import os

import streamlit as st

from lstm.training.limits import LIMIT_VARIABLES, Limits


def limits() -> Limits:
    """The limits in force: a variable in Streamlit's secrets wins over the same one in the environment."""
    settings = dict(os.environ)
    with contextlib.suppress(FileNotFoundError):  # no secrets file: the environment decides
        settings.update({key: st.secrets[key] for key in LIMIT_VARIABLES.values() if key in st.secrets})
    return Limits.from_settings(settings)
