"""Run the named SQL files in `queries/` with bound `$name` parameters.

A name is a file's path under `queries/` without `.sql`: `toll_totals` for a page query, `reference/x` for
a query only the tests run (`queries/reference/`). The SQL that builds the cached database (derived
tables, macros, views) lives in `queries/build/` and is run by conflictdesk/derived.py, never by name here.
"""

import re
from functools import lru_cache
from pathlib import Path

import duckdb
import pandas as pd

QUERY_DIR = Path(__file__).resolve().parent.parent / "queries"
FOLDERS = ("reference",)  # sub-folders of queries/ whose files run by name ("reference/x")
NAME_PATTERN = re.compile(rf"(?:(?:{'|'.join(FOLDERS)})/)?[a-z][a-z0-9_]*")
PARAMETER_PATTERN = re.compile(r"\$([a-z_][a-z0-9_]*)")


def read_sql(path: Path) -> tuple[str, frozenset[str]]:
    """A SQL file's text and the `$parameters` it takes (comment lines left out of the search)."""
    sql = path.read_text(encoding="utf-8")
    body = "\n".join(line for line in sql.splitlines() if not line.lstrip().startswith("--"))
    return sql, frozenset(PARAMETER_PATTERN.findall(body))


@lru_cache(maxsize=None)
def read_query(name: str) -> tuple[str, frozenset[str]]:
    """The SQL text of a named query and the `$parameters` it takes; ValueError for an unknown name."""
    if not isinstance(name, str) or not NAME_PATTERN.fullmatch(name):
        raise ValueError(f"not a query name: {name!r}")
    path = QUERY_DIR / f"{name}.sql"
    if not path.is_file():
        raise ValueError(f"no query named {name!r} in {QUERY_DIR}")
    return read_sql(path)


def query_names(folder: str | None = None) -> list[str]:
    """Every named query there is: the page queries, or those of one folder ("reference") with its prefix."""
    if folder is None:
        return sorted(path.stem for path in QUERY_DIR.glob("*.sql"))
    if folder not in FOLDERS:
        raise ValueError(f"not a query folder: {folder!r}")
    return sorted(f"{folder}/{path.stem}" for path in (QUERY_DIR / folder).glob("*.sql"))


def run_query(con: duckdb.DuckDBPyConnection, name: str, **params) -> pd.DataFrame:
    """Run a named query on a fresh cursor with exactly the parameters it declares."""
    sql, wanted = read_query(name)
    given = set(params)
    if given != wanted:
        missing, extra = sorted(wanted - given), sorted(given - wanted)
        raise TypeError(f"query {name!r} takes {sorted(wanted)}; missing {missing}, unexpected {extra}")
    cursor = con.cursor()
    try:
        return cursor.execute(sql, params).df()
    finally:
        cursor.close()
