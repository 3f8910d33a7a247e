"""The one module that touches Streamlit's caches: one DuckDB connection per data version, a cursor per query."""

from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from conflictdesk.cache import open_data
from conflictdesk.load import data_dir, folder_signature
from conflictdesk.queries import run_query


@st.cache_resource(max_entries=2, show_spinner="Loading the data…")
def _open(path: str, signature: tuple) -> duckdb.DuckDBPyConnection:
    # Keyed by the files' sizes and times, so an edited CSV is picked up on the next rerun
    # without hashing the data on every rerun; the data is hashed only when they change.
    return open_data(Path(path))


def connection() -> duckdb.DuckDBPyConnection:
    """The loaded data; raises DataError when the folder is invalid."""
    path = data_dir()
    return _open(str(path), folder_signature(path))


@st.cache_data(max_entries=1024, show_spinner=False)
def _run(path: str, signature: tuple, name: str, params: dict) -> pd.DataFrame:
    return run_query(_open(path, signature), name, **params)


def run(name: str, **params) -> pd.DataFrame:
    """A named query's result for the current data, cached per parameters.

    For results a page draws, which stay small at any data size (a few thousand rows at most): caching
    copies the result in and out of the cache with pickle on every call, so a query that can return
    every strike goes through `fetch` instead.
    """
    path = data_dir()
    return _run(str(path), folder_signature(path), name, params)


def fetch(name: str, **params) -> pd.DataFrame:
    """A named query's result for the current data, not cached: for downloads, built once on a click."""
    return run_query(connection(), name, **params)
