"""What the cached database holds besides the loaded tables: derived tables, macros and views.

Everything is built once per data version from the SQL files of `queries/build/` (conflictdesk/cache.py
calls `add_derived` right after loading the CSVs) and stored in the database file, so it works when the
file is opened read-only. Each rule of the data is said once there and read by the page queries:

- macros (`with_parts`, `chosen`, `chosen_any`, `known_on`, `window_overlaps`, `is_approximate`,
  `is_inexact`, `total_qualifier`, `is_strike`, `kind_name`, `straddles`, `air_night`): the actor filter (a
  state with its services), "the report known by the end of the period", a window overlapping the period,
  the exact / about / at least rule for totals, what counts as a strike and the names of the other kinds, an
  event window reaching past the period's edge, and the night an air-attack report counts for; the table
  macro `air_figures` (one claimant's air-attack figures per night, week or period, with their qualifiers);
- corrections (`corrections_of`, `last_corrected`, `correction_log`, `corrections_in_view`): the
  corrections of a row (the one rule), the day of its newest one, and the log with each row's place in
  the filters;
- views (`strike_details`, `report_details`, `statement_cards`, `truce_details`, `claim_details`): a row with
  the names of its actors and its source's publisher, title, URL and type, the one column list of every
  quote card;
- tables (`strike_tolls`, `report_rows`, `toll_days`, `cell_days`, `cell_months`): pre-added rows, so a
  filter change reads a few thousand rows for totals, timeline counts and map cells, and stops early for
  "the highest tolls" and "the first reports", instead of ranking every casualty report again;
- table macros (`events_known`, `tolls_known`, `toll_days_known`, `cells_known`, `reports_known`): those
  tables for a period and the chosen actors; every event whose date window overlaps the period counts in it,
  and all but `events_known` hold strikes only.

A table's file is the query whose result it stores; a macro's or view's file is its `create` statement.
Every file's header says what it holds. `build_files()` lists them all (the cache key covers them).
"""

from pathlib import Path

import duckdb

from conflictdesk.queries import QUERY_DIR, read_sql

BUILD_DIR = QUERY_DIR / "build"
# Macros and views the derived tables read, in build order (a view needs what it reads to exist).
DEFINITIONS = (
    "with_parts",
    "chosen",
    "chosen_any",
    "known_on",
    "window_overlaps",
    "is_approximate",
    "is_inexact",
    "total_qualifier",
    "is_strike",
    "kind_name",
    "straddles",
    "air_night",
    "air_figures",
    # the corrections log (issue 14): corrections of a row, its last day, the log with each row's place
    "corrections_of",
    "last_corrected",
    "correction_log",
    "corrections_in_view",
    "strike_details",
    "report_details",
    "statement_cards",
    "truce_details",
    "claim_details",
)
# Table name -> its query in queries/build/, in build order: the later ones read the earlier ones.
DERIVED_TABLES = {
    "strike_tolls": "strike_tolls",
    "report_rows": "report_rows",
    "toll_days": "toll_days",
    "cell_days": "cell_days",
    "cell_months": "cell_months",
}
# Table macros over the derived tables.
TABLE_MACROS = ("events_known", "tolls_known", "toll_days_known", "cells_known", "reports_known")


def build_files() -> list[Path]:
    """Every SQL file that builds the cached database (queries/build/*.sql), in build order."""
    names = [*DEFINITIONS, *DERIVED_TABLES.values(), *TABLE_MACROS]
    return [BUILD_DIR / f"{name}.sql" for name in names]


def _sql(name: str) -> str:
    sql, params = read_sql(BUILD_DIR / f"{name}.sql")
    assert not params, f"queries/build/{name}.sql takes no parameters"
    return sql


def add_definitions(con: duckdb.DuckDBPyConnection, names=DEFINITIONS) -> None:
    """Create (or replace) the named macros and views in a writable database holding the loaded tables."""
    for name in names:
        con.execute(_sql(name))


def add_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Create the derived tables (the macros and views they read must exist)."""
    for table, query in DERIVED_TABLES.items():
        # Stored in the query's order (DuckDB keeps insertion order), which the "first N" queries rely on.
        con.sql(_sql(query)).create(table)


def add_derived(con: duckdb.DuckDBPyConnection) -> None:
    """Create every macro, view, derived table and table macro in a writable database holding the loaded tables."""
    add_definitions(con)
    add_tables(con)
    add_definitions(con, TABLE_MACROS)
