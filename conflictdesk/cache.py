"""The loaded database kept on disk, keyed by the data and the code that builds it, so an unchanged folder opens at once.

Two ways to get one: `open_data(folder)` finds (or builds, atomically) the cached database for a folder in
the cache folder; `build(folder, out)` writes one database file for replicas to share, which
`open_built(out)` opens read-only without reading the data folder at all.
"""

import hashlib
import os
import uuid
from pathlib import Path

import duckdb

from conflictdesk import queries
from conflictdesk.derived import DERIVED_TABLES, add_derived
from conflictdesk.load import ROOT, data_version, load
from conflictdesk.problems import DataError, Problem
from conflictdesk.schema import ALL_TABLES

PACKAGE = Path(__file__).resolve().parent
# What builds the database: a change to any of these makes a new cache file (see code_version).
CODE_FILES = ("schema.py", "derived.py", "cache.py", "load.py", "loader/*.py")


def cache_dir() -> Path:
    """Where cached databases live: $CONFLICTDESK_CACHE, else .cache/ in the project (never the data folder)."""
    return Path(os.environ.get("CONFLICTDESK_CACHE") or ROOT / ".cache")


def code_version() -> str:
    """A short hash of the code that builds the database: queries/build/*.sql and the loader's modules."""
    digest = hashlib.sha256()
    files = [("queries", file) for file in sorted((queries.QUERY_DIR / "build").glob("*.sql"))]
    for pattern in CODE_FILES:
        files += [("conflictdesk", file) for file in sorted(PACKAGE.glob(pattern))]
    for base, file in files:
        name = file.relative_to(queries.QUERY_DIR if base == "queries" else PACKAGE).as_posix()
        digest.update(f"{base}/{name}".encode() + b"\0")
        digest.update(file.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def cache_file(version: str) -> Path:
    """The cached database for one data version, built by the current code."""
    return cache_dir() / f"conflictdesk-{version}-{code_version()}.duckdb"


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
    _write(path, cached, version)
    con = _open_checked(cached, version)
    if con is None:
        raise RuntimeError(f"the cache file {cached} could not be read back")
    return con


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


def open_built(file: Path) -> duckdb.DuckDBPyConnection:
    """Open a database written by `build`, read-only, without reading the data folder.

    Raises DataError (one problem naming the file and the fix) when the file is missing, is not a
    database, lacks a table or its data version, or was built by another version of the code.
    """
    file = Path(file)
    fix = f"build it with `python -m conflictdesk build --out {file}`"
    if not file.is_file():
        raise DataError([Problem(str(file), None, None, f"the built database does not exist; {fix}")])
    try:
        con = duckdb.connect(str(file), read_only=True)
    except (duckdb.Error, OSError) as error:
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise DataError([Problem(str(file), None, None, f"the file is not a readable database ({first}); re-{fix}")])
    try:
        names = _table_names(con)
        missing = sorted(_needed() - names)
        stored = dict(con.execute("select key, value from meta").fetchall()) if "meta" in names else {}
    except duckdb.Error as error:
        con.close()
        raise DataError([Problem(str(file), None, None, f"the database cannot be read ({str(error).splitlines()[0]}); re-{fix}")])
    problem = None
    if missing or not stored.get("data_version"):
        problem = f"the database is incomplete (no {', '.join(missing) or 'data version'}); re-{fix}"
    elif stored.get("code_version") != code_version():
        problem = f"the database was built by another version of the code; re-{fix}"
    if problem:
        con.close()
        raise DataError([Problem(str(file), None, None, problem)])
    return con


def _write(path: Path, target: Path, version: str) -> None:
    """Load the folder into a uniquely named temporary file, add the derived tables, and move it to target."""
    partial = target.with_name(f"{target.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}.partial")
    try:
        con = load(path, database=str(partial), version=version)
        try:
            add_derived(con)  # what every filter change would otherwise recompute (conflictdesk/derived.py)
            con.execute("insert into meta values ('code_version', ?)", [code_version()])
            con.execute("checkpoint")
        finally:
            con.close()
        os.replace(partial, target)  # a crash before this line leaves no half-written database behind
    finally:
        partial.unlink(missing_ok=True)
        Path(f"{partial}.wal").unlink(missing_ok=True)


def _needed() -> set[str]:
    return {t.name for t in ALL_TABLES} | {"meta", *DERIVED_TABLES}


def _table_names(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {row[0] for row in con.execute("select table_name from information_schema.tables").fetchall()}


def _open_checked(file: Path, version: str) -> duckdb.DuckDBPyConnection | None:
    """Open a cache file read-only if it holds every table and the expected versions, else None."""
    try:
        con = duckdb.connect(str(file), read_only=True)
        names = _table_names(con)
        stored = dict(con.execute("select key, value from meta").fetchall()) if "meta" in names else {}
    except (duckdb.Error, OSError):
        return None
    if not _needed() <= names or stored.get("data_version") != version or stored.get("code_version") != code_version():
        con.close()
        return None
    return con


def clear_old(keep: str) -> None:
    """Remove cached databases of other data versions."""
    for file in cache_dir().glob("conflictdesk-*.duckdb"):
        if file != cache_file(keep):
            file.unlink(missing_ok=True)
