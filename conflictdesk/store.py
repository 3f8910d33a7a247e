"""The one module that serves the data to the pages: the database version served, a cursor per query.

The data comes from the data folder (`$CONFLICTDESK_DATA` or data/, through the on-disk cache), or, when
`$CONFLICTDESK_DB` names a database written by `python -m conflictdesk build`, from that file alone,
opened read-only: nothing is validated, hashed or built then, so replicas can share it.

One bad save must not take the site down. The files' signature (sizes, inodes, times) is taken on every
rerun; when it changes, the new files are checked once, in a worker thread. Until that check succeeds
readers keep the last good version, with a notice; when it fails, the notice says newer data has problems,
and `status()` returns them for the curator (`curator()`). Only when there has never been a good version
is there nothing to show.
"""

import logging
import os
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from conflictdesk import cachedir
from conflictdesk.i18n import _, ngettext
from conflictdesk.cache import Opened, last_good, open_built, open_folder
from conflictdesk.load import data_dir, folder_signature
from conflictdesk.problems import DataError, Problem
from conflictdesk.queries import run_query

log = logging.getLogger(__name__)
CORRUPT_WORDS = ("checksum", "corrupt")  # in DuckDB's error when a block read back is damaged


def built_database() -> Path | None:
    """The database file named by $CONFLICTDESK_DB, or None to read the data folder."""
    value = os.environ.get("CONFLICTDESK_DB")
    return Path(value) if value else None


def curator() -> bool:
    """Whether this server shows curators the full problem list: $CONFLICTDESK_CURATOR set to 1/true/yes.

    A server flag rather than "opened from localhost": behind a proxy on the same machine every reader
    would look local.
    """
    return os.environ.get("CONFLICTDESK_CURATOR", "").strip().lower() in ("1", "true", "yes")


@dataclass
class _Watch:
    """One data source: the signature last seen, its check, and the last version that passed."""

    lock: threading.Lock
    signature: tuple | None = None
    check: Future | None = None
    good: Opened | None = None
    verified: Path | None = None


_watches: dict[tuple, _Watch] = {}
_watches_lock = threading.Lock()
_worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="conflictdesk-check")


def _source() -> tuple[str, str, tuple]:
    """What is served now: ('db', file, its identity) or ('folder', path, its files' signature)."""
    db = built_database()
    if db is not None:
        try:
            stat = db.stat()
            identity = (stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)
        except OSError:
            identity = ()
        return ("db", str(db), identity)
    path = data_dir()
    return ("folder", str(path), folder_signature(path))


def _check(kind: str, where: str) -> Opened | list[Problem]:
    """Open (building if needed) the source's current version, or the problems that stop it."""
    try:
        if kind == "db":
            con = open_built(Path(where))
            version = con.execute("select value from meta where key = 'data_version'").fetchone()[0]
            return Opened(con, version, None)
        return open_folder(Path(where))
    except DataError as error:
        return error.problems
    except Exception as error:  # a bug or a disk error must not blank the site either
        log.exception("checking %s failed", where)
        return [Problem(where, None, None, f"the data could not be loaded ({type(error).__name__}: {error})")]


def _watch(wait: float | None) -> tuple[_Watch, list[Problem] | None, bool]:
    """The current source's watch, the newest files' problems (or None), and whether their check is still running."""
    kind, where, signature = _source()
    with _watches_lock:
        watch = _watches.setdefault((kind, where), _Watch(threading.Lock()))
    with watch.lock:
        if watch.signature != signature or watch.check is None:
            watch.signature = signature
            watch.check = _worker.submit(_check, kind, where)
            if watch.good is None and kind == "folder":  # a restart with broken files: the last good on disk
                watch.good = last_good(Path(where))
        check = watch.check
    if not check.done() and (watch.good is None or wait):
        if watch.good is None:
            with st.spinner(_("Loading the data…")):
                check.result()
        else:
            try:
                check.result(timeout=wait)
            except TimeoutError:
                pass
    if not check.done():
        return watch, None, True
    outcome = check.result()
    if isinstance(outcome, list):
        return watch, outcome, False
    with watch.lock:
        if watch.good is not outcome:
            watch.good = outcome
            if outcome.file is not None and outcome.file != watch.verified:
                watch.verified = outcome.file
                _worker.submit(_verify, watch, outcome)
    return watch, None, False


def _verify(watch: _Watch, opened: Opened) -> None:
    """A full read of a cached file against its checksum, once per process; a damaged file is rebuilt."""
    if opened.file is not None and not cachedir.verify(opened.file):
        _discard(watch, opened, "its checksum does not match")


def _discard(watch: _Watch, opened: Opened, why: str) -> None:
    log.warning("cached database %s is damaged (%s); rebuilding it", opened.file, why)
    cachedir.discard(opened.file)
    with watch.lock:
        if watch.good is opened:
            watch.good = None
            watch.check = None  # the next rerun checks (and rebuilds) again
            watch.verified = None


def status() -> tuple[duckdb.DuckDBPyConnection | None, str | None, list[Problem] | None]:
    """What to serve now: (connection or None, notice for readers or None, the newest files' problems or None).

    The connection (a `cache.Attached`, or a plain DuckDB connection when built in memory: both offer
    `cursor()` and `execute()`) is the newest version that passed its check; None only when no version
    ever did (show the problems then). The notice says when newer files are being checked or have problems; the problems
    are for the curator's eyes (see `curator()`). Waits up to $CONFLICTDESK_CHECK_WAIT seconds (default 2)
    for a check when an older version can be shown meanwhile, and as long as it takes when none can.
    """
    watch, problems, checking = _watch(_wait_seconds())
    good = watch.good
    if good is None:
        return None, None, problems
    if checking:
        notice = _("Newer data is being checked; this page shows data version {version} until it passes.")
        return good.con, notice.format(version=good.version), None
    if problems:
        count = len(problems)
        notice = ngettext(
            "Newer data has {count} problem and is not shown yet; this page shows the last good data "
            "(version {version}). The curator has been told what to fix.",
            "Newer data has {count} problems and is not shown yet; this page shows the last good data "
            "(version {version}). The curator has been told what to fix.",
            count,
        ).format(count=count, version=good.version)
        return good.con, notice, problems
    return good.con, None, None


def _wait_seconds() -> float:
    """How long a reader waits for a check when an older version can be shown: $CONFLICTDESK_CHECK_WAIT, default 2."""
    try:
        return max(0.0, float(os.environ.get("CONFLICTDESK_CHECK_WAIT", "2")))
    except ValueError:
        return 2.0


def _served() -> Opened:
    """The version served now, without waiting for a check when one can be shown; raises DataError if none."""
    watch, problems, _ = _watch(None)
    if watch.good is None:
        raise DataError(problems or [])
    return watch.good


def connection() -> duckdb.DuckDBPyConnection:
    """The connection served now; raises DataError when no version of the data has ever passed its check."""
    return _served().con


@st.cache_data(max_entries=1024, show_spinner=False)
def _run(_con: duckdb.DuckDBPyConnection, key: tuple, name: str, params: dict) -> pd.DataFrame:
    return run_query(_con, name, **params)


def _guarded(query):
    """Run query(opened); on a damaged block, discard the cached file so the next rerun rebuilds it."""
    opened = _served()
    try:
        return query(opened)
    except duckdb.Error as error:
        if opened.file is not None and any(word in str(error).lower() for word in CORRUPT_WORDS):
            kind, where, _ = _source()
            _discard(_watches[(kind, where)], opened, str(error).splitlines()[0])
        raise


def run(name: str, **params) -> pd.DataFrame:
    """A named query's result for the version served, cached per version and parameters.

    For results a page draws, which stay small at any data size (a few thousand rows at most): caching
    copies the result in and out of the cache with pickle on every call, so a query that can return
    every strike goes through `fetch` instead.
    """
    return _guarded(lambda opened: _run(opened.con, (str(opened.file), opened.version, id(opened.con)), name, params))


def fetch(name: str, **params) -> pd.DataFrame:
    """A named query's result for the version served, not cached: for downloads, built once on a click."""
    return _guarded(lambda opened: run_query(opened.con, name, **params))
