"""Run the named SQL files in `queries/` with bound `$name` parameters."""

import re
from functools import lru_cache
from pathlib import Path

import duckdb
import pandas as pd

QUERY_DIR = Path(__file__).resolve().parent.parent / "queries"
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
PARAMETER_PATTERN = re.compile(r"\$([a-z_][a-z0-9_]*)")


@lru_cache(maxsize=None)
def read_query(name: str) -> tuple[str, frozenset[str]]:
    """The SQL text of a named query and the `$parameters` it takes."""
    if not NAME_PATTERN.match(name):
        raise ValueError(f"not a query name: {name!r}")
    path = QUERY_DIR / f"{name}.sql"
    if not path.is_file():
        raise ValueError(f"no query named {name!r} in {QUERY_DIR}")
    sql = path.read_text(encoding="utf-8")
    body = "\n".join(line for line in sql.splitlines() if not line.lstrip().startswith("--"))
    return sql, frozenset(PARAMETER_PATTERN.findall(body))


def query_names() -> list[str]:
    """Every named query there is."""
    return sorted(path.stem for path in QUERY_DIR.glob("*.sql"))


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
