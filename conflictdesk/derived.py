"""Tables derived from the loaded data once per data version, so a filter change reads little.

Each is the result of a named query in `queries/derived_<table>.sql`, stored as a table in the cached
database (conflictdesk/cache.py builds them right after loading the CSVs). A filter change then reads a
few thousand pre-added rows for totals, timeline counts and map cells, and stops early for "the highest
tolls" and "the first reports", instead of ranking every casualty report again.
"""

import duckdb

from conflictdesk.queries import read_query

# In build order: the later ones read the earlier ones.
DERIVED_TABLES = {
    "strike_tolls": "derived_strike_tolls",
    "report_rows": "derived_report_rows",
    "toll_days": "derived_toll_days",
    "cell_days": "derived_cell_days",
    "cell_months": "derived_cell_months",
}


def add_derived(con: duckdb.DuckDBPyConnection) -> None:
    """Create every derived table in a writable database that holds the loaded tables."""
    for name, query in DERIVED_TABLES.items():
        sql, params = read_query(query)
        assert not params, f"{query} takes no parameters"
        # Stored in the query's order (DuckDB keeps insertion order), which the "first N" queries rely on.
        con.sql(sql).create(name)
