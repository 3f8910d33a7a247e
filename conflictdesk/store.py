"""The one module that touches Streamlit's caches: one DuckDB connection per data version, a cursor per query.

The data comes from the data folder (`$CONFLICTDESK_DATA` or data/, through the on-disk cache), or, when
`$CONFLICTDESK_DB` names a database written by `python -m conflictdesk build`, from that file alone,
opened read-only: nothing is validated, hashed or built then, so replicas can share it.
"""

import os
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from conflictdesk.cache import open_built, open_data
from conflictdesk.load import data_dir, folder_signature
from conflictdesk.queries import run_query


def built_database() -> Path | None:
    """The database file named by $CONFLICTDESK_DB, or None to read the data folder."""
    value = os.environ.get("CONFLICTDESK_DB")
    return Path(value) if value else None


@st.cache_resource(max_entries=2, show_spinner="Loading the data…")
def _open(path: str, signature: tuple) -> duckdb.DuckDBPyConnection:
    # Keyed by the files' sizes and times, so an edited CSV is picked up on the next rerun
    # without hashing the data on every rerun; the data is hashed only when they change.
    return open_data(Path(path))


@st.cache_resource(max_entries=2, show_spinner="Opening the database…")
def _open_db(file: str, signature: tuple) -> duckdb.DuckDBPyConnection:
    # Keyed by the file's identity, so a database rebuilt and moved into place is opened anew.
    return open_built(Path(file))


def _file_signature(file: Path) -> tuple:
    try:
        stat = file.stat()
    except OSError:
        return ()
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns)


def _source() -> tuple:
    """What identifies the data served now: ('db', file, signature) or ('folder', path, signature)."""
    db = built_database()
    if db is not None:
        return ("db", str(db), _file_signature(db))
    path = data_dir()
    return ("folder", str(path), folder_signature(path))


def _connect(source: tuple) -> duckdb.DuckDBPyConnection:
    kind, where, signature = source
    return _open_db(where, signature) if kind == "db" else _open(where, signature)


def connection() -> duckdb.DuckDBPyConnection:
    """The loaded data; raises DataError when the folder (or the built database) is invalid."""
    return _connect(_source())


@st.cache_data(max_entries=1024, show_spinner=False)
def _run(source: tuple, name: str, params: dict) -> pd.DataFrame:
    return run_query(_connect(source), name, **params)


def run(name: str, **params) -> pd.DataFrame:
    """A named query's result for the current data, cached per parameters.

    For results a page draws, which stay small at any data size (a few thousand rows at most): caching
    copies the result in and out of the cache with pickle on every call, so a query that can return
    every strike goes through `fetch` instead.
    """
    return _run(_source(), name, params)


def fetch(name: str, **params) -> pd.DataFrame:
    """A named query's result for the current data, not cached: for downloads, built once on a click."""
    return run_query(connection(), name, **params)
