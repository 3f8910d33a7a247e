"""The loaded database kept on disk, keyed by the data and the code that builds it, so an unchanged folder opens at once.

Two ways to get one: `open_data(folder)` finds (or builds, atomically) the cached database for a folder in
the cache folder; `build(folder, out)` writes one database file for replicas to share, which
`open_built(out)` opens read-only without reading the data folder at all. Housekeeping (a cache folder
that cannot be written, checksums, leftovers) is in conflictdesk/cachedir.py.
"""

import fcntl
import functools
import hashlib
import json
import logging
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

import duckdb

from conflictdesk import cachedir, queries
from conflictdesk.derived import DERIVED_TABLES, add_derived
from conflictdesk.load import ROOT, data_version, folder_signature, load
from conflictdesk.loader.version import indexed_version
from conflictdesk.problems import DataError, Problem
from conflictdesk.schema import ALL_TABLES

PACKAGE = Path(__file__).resolve().parent
# What builds the database: a change to any of these makes a new cache file (see code_version).
CODE_FILES = ("schema.py", "derived.py", "cache.py", "load.py", "loader/*.py")
log = logging.getLogger(__name__)
_cleaned: set[Path] = set()


@dataclass(frozen=True)
class Opened:
    """A database opened for serving: its connection, data version and file (None when in memory)."""

    con: "Attached | duckdb.DuckDBPyConnection"  # Attached for files; a plain connection when built in memory
    version: str
    file: Path | None


def cache_dir() -> Path:
    """Where cached databases live: $CONFLICTDESK_CACHE, else .cache/ in the project (never the data folder)."""
    return cachedir.configured(ROOT)


@functools.cache
def code_version() -> str:
    """A short hash of the code that builds the database: queries/build/*.sql and the loader's modules.

    Taken once per process: what counts is the code running, not files upgraded under a running server
    (which keeps its queries in memory too, conflictdesk/queries.py).
    """
    digest = hashlib.sha256()
    files = [("queries", file) for file in sorted((queries.QUERY_DIR / "build").glob("*.sql"))]
    for pattern in CODE_FILES:
        files += [("conflictdesk", file) for file in sorted(PACKAGE.glob(pattern))]
    for base, file in files:
        name = file.relative_to(queries.QUERY_DIR if base == "queries" else PACKAGE).as_posix()
        digest.update(f"{base}/{name}".encode() + b"\0")
        digest.update(file.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def cache_file(version: str, folder: Path | None = None) -> Path:
    """The cached database for one data version, built by the current code, in folder (default: cache_dir())."""
    return (folder or cache_dir()) / f"conflictdesk-{version}-{code_version()}.duckdb"


def open_data(path: Path) -> "Attached | duckdb.DuckDBPyConnection":
    """Open the cached database for this folder's data, building it (atomically) when missing or broken.

    What it returns offers `cursor()`, `execute()` and `close()` (see Attached).
    """
    return open_folder(path).con


def open_folder(path: Path) -> Opened:
    """The database of a data folder: its cached file when intact, else built and cached; raises DataError.

    The version is looked up by the files' signatures (conflictdesk/loader/version.py) to find a cached
    file; building always hashes the data in full. With no writable cache folder it is built in memory.
    """
    folder = cachedir.writable(ROOT)
    index = folder / "versions.json" if folder else None
    if folder is not None and folder not in _cleaned:  # what a crashed process left, once per process
        _cleaned.add(folder)
        cachedir.clean(folder, set(), code_version())
    before = folder_signature(path)
    version, hashed = indexed_version(path, index)
    for place in dict.fromkeys([cache_dir(), folder]):
        if place is not None and (opened := _open_cached(cache_file(version, place), version, place == folder)):
            _remember(folder, path, opened.file)
            return opened
    for attempt in range(3):
        if attempt or not hashed:
            before = folder_signature(path)
            version = data_version(path)  # a build always hashes the data in full
        if folder is None:
            con = load(path, version=version)
            _finish(con)
            if folder_signature(path) == before:
                return Opened(con, version, None)
            con.close()
            continue
        target = cache_file(version, folder)
        with _lock(folder / "build.lock"):  # two servers starting at once: one builds, the other waits and opens its file
            opened = _open_cached(target, version, True)
            if opened is None:
                cachedir.clean(folder, {target}, code_version())
                _write(path, target, version)
                if folder_signature(path) != before:  # saved again during the build: the file may not be `version`
                    cachedir.discard(target)
                    continue
                cachedir.record(target)
                opened = _open_cached(target, version, True)
                if opened is None:
                    raise RuntimeError(f"the cache file {target} could not be read back")
        _remember(folder, path, target)
        return opened
    raise DataError([Problem(str(path), None, None, "the files kept changing while they were loaded; the next "
                             "reload tries again once the saves are done")])


def last_good(path: Path) -> Opened | None:
    """The database this folder last opened successfully (before its files changed), if still on disk and intact."""
    for folder in dict.fromkeys([cachedir.writable(ROOT), cache_dir()]):
        if folder is None:
            continue
        name = _read_json(folder / "last-good.json").get(str(Path(path).resolve()))
        if name and (file := folder / name).is_file():
            version = name.removeprefix("conflictdesk-").rsplit("-", 1)[0]
            if opened := _open_cached(file, version, False):
                return opened
    return None


def build(path: Path, out: Path) -> str:
    """Validate a data folder and write its whole database (tables and derived tables) to `out`; its data version.

    Raises DataError listing every problem; `out` is then left as it was. The file is written under a
    unique temporary name next to `out` and moved into place, so readers never see half a database.
    """
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    version = data_version(path)
    _write(path, out, version)
    return version


class Attached:
    """A database file attached read-only to a private in-memory DuckDB; every cursor reads it by default.

    `duckdb.connect(path)` shares one database instance per path within a process (duckdb/duckdb#15912):
    a file rebuilt and moved into place at the same path would go on being read as the old one while any
    connection to it is open. Attaching opens the file itself, so a new build is read as what it is.
    Offers what the query runner uses: `cursor()`, `execute()` and `close()`.
    """

    def __init__(self, file: Path):
        self._con = duckdb.connect()
        try:
            # ATTACH takes no bound parameter: the path is quoted as a SQL string literal, quotes doubled.
            self._con.execute(f"attach '{str(file).replace(chr(39), chr(39) * 2)}' as data (read_only)")
            self._con.execute("use data")
        except BaseException:
            self._con.close()
            raise

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A new cursor reading the attached file."""
        cursor = self._con.cursor()
        cursor.execute("use data")
        return cursor

    def execute(self, *args) -> duckdb.DuckDBPyConnection:
        return self._con.execute(*args)

    def close(self) -> None:
        self._con.close()


def open_built(file: Path) -> Attached:
    """Open a database written by `build`, read-only, without reading the data folder.

    Raises DataError (one problem naming the file and the fix) when the file is missing, is not a
    database, lacks a table or its data version, or was built by another version of the code.
    """
    file = Path(file)
    fix = f"build it with `python -m conflictdesk build --out {file}`"

    def refuse(problem: str) -> DataError:
        return DataError([Problem(str(file), None, None, problem)])

    if not file.is_file():
        raise refuse(f"the built database does not exist; {fix}")
    try:
        con = Attached(file)
    except (duckdb.Error, OSError) as error:
        raise refuse(f"the file is not a readable database ({_first_line(error)}); re-{fix}")
    try:
        names = _table_names(con)
        missing = sorted(_needed() - names)
        stored = dict(con.execute("select key, value from meta").fetchall()) if "meta" in names else {}
    except duckdb.Error as error:
        con.close()
        raise refuse(f"the database cannot be read ({_first_line(error)}); re-{fix}")
    problem = None
    if missing or not stored.get("data_version"):
        problem = f"the database is incomplete (no {', '.join(missing) or 'data version'}); re-{fix}"
    elif stored.get("code_version") != code_version():
        problem = f"the database was built by another version of the code; re-{fix}"
    if problem:
        con.close()
        raise refuse(problem)
    return con


def _write(path: Path, target: Path, version: str) -> None:
    """Load the folder into a uniquely named temporary file, add the derived tables, and move it to target."""
    partial = target.with_name(f"{target.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}.partial")
    try:
        con = load(path, database=str(partial), version=version)
        try:
            _finish(con)
            con.execute("checkpoint")
        finally:
            con.close()
        os.replace(partial, target)  # a crash before this line leaves no half-written database behind
    finally:
        partial.unlink(missing_ok=True)
        Path(f"{partial}.wal").unlink(missing_ok=True)


def _finish(con: duckdb.DuckDBPyConnection) -> None:
    """Add the derived tables (what every filter change would otherwise recompute) and the code version."""
    add_derived(con)
    con.execute("insert into meta values ('code_version', ?)", [code_version()])


class _lock:
    """An exclusive lock on a file while one process builds (flock: released if the process dies)."""

    def __init__(self, file: Path):
        self.file = file

    def __enter__(self):
        self.handle = self.file.open("a")
        fcntl.flock(self.handle, fcntl.LOCK_EX)

    def __exit__(self, *exc):
        fcntl.flock(self.handle, fcntl.LOCK_UN)
        self.handle.close()


def _remember(folder: Path | None, path: Path, file: Path) -> None:
    """Record file as the folder's last good database; remove the one it replaces (unless another folder uses it)."""
    if folder is None or file.parent != folder:
        return
    record = folder / "last-good.json"
    entries = _read_json(record)
    key = str(Path(path).resolve())
    previous = entries.get(key)
    if previous == file.name:
        return
    entries[key] = file.name
    try:
        temporary = record.with_name(f"{record.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
        temporary.write_text(json.dumps(entries), encoding="utf-8")
        os.replace(temporary, record)
    except OSError as error:
        log.warning("could not record the last good database in %s (%s)", record, error)
        return
    if previous and previous not in entries.values():
        cachedir.discard(folder / previous)  # the folder's older version: open connections keep reading it


def _read_json(file: Path) -> dict:
    try:
        entries = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return entries if isinstance(entries, dict) else {}


def _needed() -> set[str]:
    return {t.name for t in ALL_TABLES} | {"meta", *DERIVED_TABLES}


def _table_names(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {row[0] for row in con.execute("select table_name from information_schema.tables").fetchall()}


def _first_line(error: Exception) -> str:
    return str(error).splitlines()[0] if str(error) else type(error).__name__


def _open_cached(file: Path, version: str, may_discard: bool) -> Opened | None:
    """Open a cache file read-only if it is intact (checksum) and holds every table and the expected versions."""
    if not file.exists():
        return None
    con = None
    try:
        if cachedir.intact(file):
            con = Attached(file)  # not duckdb.connect: a file rebuilt at this path must be read anew
            names = _table_names(con)
            stored = dict(con.execute("select key, value from meta").fetchall()) if "meta" in names else {}
            if _needed() <= names and stored.get("data_version") == version and stored.get("code_version") == code_version():
                return Opened(con, version, file)
    except (duckdb.Error, OSError):
        pass
    if con is not None:
        con.close()
    log.warning("cached database %s is damaged or outdated; %s", file, "rebuilding it" if may_discard else "not used")
    if may_discard:
        cachedir.discard(file)
    return None
