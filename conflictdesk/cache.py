"""The loaded database kept on disk, keyed by a hash of the data, so an unchanged folder opens at once."""

import os
from pathlib import Path

import duckdb

from conflictdesk.derived import DERIVED_TABLES, add_derived
from conflictdesk.load import ROOT, data_version, load
from conflictdesk.schema import ALL_TABLES


def cache_dir() -> Path:
    """Where cached databases live: $CONFLICTDESK_CACHE, else .cache/ in the project (never the data folder)."""
    return Path(os.environ.get("CONFLICTDESK_CACHE") or ROOT / ".cache")


def cache_file(version: str) -> Path:
    """The cached database for one data version."""
    return cache_dir() / f"conflictdesk-{version}.duckdb"


def open_data(path: Path) -> duckdb.DuckDBPyConnection:
    """Open the cached database for this folder's data, building it (atomically) when missing or broken."""
    version = data_version(path)
    cached = cache_file(version)
    if cached.exists():
        con = _open_checked(cached, version)
        if con is not None:
            return con
        cached.unlink(missing_ok=True)  # corrupted or from an older layout: rebuild it
    cached.parent.mkdir(parents=True, exist_ok=True)
    partial = cached.with_name(f"{cached.stem}.{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    try:
        con = load(path, database=str(partial), version=version)
        try:
            add_derived(con)  # what every filter change would otherwise recompute (conflictdesk/derived.py)
        finally:
            con.close()
        os.replace(partial, cached)  # a crash before this line leaves no half-written cache behind
    finally:
        partial.unlink(missing_ok=True)
        Path(f"{partial}.wal").unlink(missing_ok=True)
    con = _open_checked(cached, version)
    if con is None:
        raise RuntimeError(f"the cache file {cached} could not be read back")
    return con


def _open_checked(file: Path, version: str) -> duckdb.DuckDBPyConnection | None:
    """Open a cache file read-only if it holds every table and the expected data version, else None."""
    try:
        con = duckdb.connect(str(file), read_only=True)
        names = {row[0] for row in con.execute("select table_name from information_schema.tables").fetchall()}
        stored = con.execute("select value from meta where key = 'data_version'").fetchall()
    except (duckdb.Error, OSError):
        return None
    if not {t.name for t in ALL_TABLES} | {"meta", *DERIVED_TABLES} <= names or stored != [(version,)]:
        con.close()
        return None
    return con


def clear_old(keep: str) -> None:
    """Remove cached databases of other data versions."""
    for file in cache_dir().glob("conflictdesk-*.duckdb"):
        if file != cache_file(keep):
            file.unlink(missing_ok=True)
