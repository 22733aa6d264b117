"""The class vote's store, built once per process on the database the settings name."""

from __future__ import annotations

import os

import streamlit as st

from lstm.classroom import DATABASE_URL_VARIABLE, Store, database_url, make_engine

SECRET = "database_url"  # the key of Streamlit's secrets (.streamlit/secrets.toml) that may name the database


def configured_url() -> str:
    """LSTM_EXPLORER_DATABASE_URL, else `database_url` of the Streamlit secrets, else the data folder's SQLite file."""
    if os.environ.get(DATABASE_URL_VARIABLE):
        return os.environ[DATABASE_URL_VARIABLE]
    # Only read a secrets file that exists: asking Streamlit for a secret without one writes an error on the page.
    if st.secrets.load_if_toml_exists() and st.secrets.get(SECRET):
        return str(st.secrets[SECRET])
    return database_url()


@st.cache_resource(show_spinner=False)
def _store_on(url: str) -> Store:
    # One engine (and its connection pool) per process and database, shared by every visitor's session: the
    # Store holds no visitor's state, only the engine and the settings. A database that is down raises
    # StoreUnavailable here, which Streamlit does not cache, so the next call tries again.
    return Store(make_engine(url), create=False)  # make_engine has made the tables


def store() -> Store:
    """The class vote's store. Raises StoreUnavailable (a ClassroomError) when its database cannot be reached."""
    return _store_on(configured_url())
