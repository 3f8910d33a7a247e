"""Read the data folder, check every rule of the contract, and load it into DuckDB whole or not at all.

Cells stay in Arrow-backed string columns (pandas' `str` dtype) from the CSV reader to the database:
every rule is a vectorised test over a whole column (pyarrow compute, or a DuckDB expression built
with its Python API, never SQL text), and only the few cells a message quotes become Python strings.
A bad row deep inside a file of a million rows is found and named in seconds.

The modules, in the order data flows: `reading` (CSV files to text cells), `cells` (vectorised tests and
patterns), `rules` (each column's and table's rules), `links` (references and excerpts across files),
`hints` (how a problem is told and fixed), `version` (the data folder and its version); this module holds
the entry points `validate` and `load`.
"""

from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
from duckdb import ColumnExpression, ConstantExpression, FunctionExpression

from conflictdesk.loader import rules
from conflictdesk.loader.corrections import check_corrections
from conflictdesk.loader.cells import ID_PATTERN, WHITESPACE
from conflictdesk.loader.imports import check_imports, create_imports
from conflictdesk.loader.links import check_excerpts, check_references
from conflictdesk.loader.words import check_words
from conflictdesk.loader.reading import Folder, read_folder
from conflictdesk.loader.version import ROOT, changelog, data_dir, data_version, folder_signature
from conflictdesk.problems import DataError, Problem
from conflictdesk.schema import ALL_TABLES, Table

__all__ = [
    "ROOT", "ID_PATTERN", "WHITESPACE", "DataError", "Folder", "check_folder", "data_dir", "data_version",
    "folder_signature", "load", "read_folder", "validate",
]

SQL_TYPES = {
    "date": duckdb.sqltypes.DATE,
    "int": duckdb.sqltypes.BIGINT,
    "float": duckdb.sqltypes.DOUBLE,
}


def validate(path: Path) -> tuple[list[Problem], dict[str, int]]:
    """Check a data folder against the contract; return the problems and rows per table."""
    folder = read_folder(path)
    check_folder(folder)
    counts = {name: len(frame) for name, frame in folder.frames.items()}
    return sorted(folder.problems, key=problem_order), counts


def load(path: Path, database: str = ":memory:", version: str | None = None) -> duckdb.DuckDBPyConnection:
    """Load a valid data folder into a new DuckDB database; raise DataError listing every problem."""
    folder = read_folder(path)
    check_folder(folder)
    if folder.problems:
        raise DataError(sorted(folder.problems, key=problem_order))
    con = duckdb.connect(database)
    for table in ALL_TABLES:
        frame = folder.frames.get(table.name)
        if frame is None:  # an absent optional table
            frame = pd.DataFrame({name: pd.Series([], dtype="str") for name in table.column_names})
        cells = pa.Table.from_pandas(frame, preserve_index=False)
        typed(con.from_arrow(cells), table).create(table.name)
    create_imports(con, folder)
    meta = pd.DataFrame({"key": ["data_version"], "value": [version or data_version(path)]})
    notes = changelog(Path(path))
    if notes is not None:  # the curator's changelog of data releases, shown on the Sources page
        meta = pd.concat([meta, pd.DataFrame({"key": ["changelog"], "value": [notes]})], ignore_index=True)
    con.from_df(meta).create("meta")
    return con


def problem_order(problem: Problem):
    order = [t.file for t in ALL_TABLES]
    rank = order.index(problem.file) if problem.file in order else len(order)
    return (rank, problem.line or 0, problem.column or "", problem.message)


def typed(relation: duckdb.DuckDBPyRelation, table: Table) -> duckdb.DuckDBPyRelation:
    """Cast the text cells of a checked table to the contract's types."""
    expressions = []
    for column in table.columns:
        cell = ColumnExpression(column.name)
        if column.kind in SQL_TYPES:
            cell = cell.cast(SQL_TYPES[column.kind])
        elif column.kind == "list":
            cell = FunctionExpression(
                "regexp_split_to_array", cell.cast(duckdb.sqltypes.VARCHAR), ConstantExpression(r"\s*;\s*")
            )
        elif column.kind in ("id", "text", "choice", "time", "datetime"):  # a date-time stays text: no hour, maybe
            cell = cell.cast(duckdb.sqltypes.VARCHAR)
        else:
            raise ValueError(f"unknown column kind {column.kind}")
        expressions.append(cell.alias(column.name))
    return relation.select(*expressions)


def check_folder(folder: Folder) -> None:
    """Apply every rule of the contract to the tables that could be read."""
    for table in ALL_TABLES:
        frame = folder.frames.get(table.name)
        if frame is None:
            continue
        for column in table.columns:
            rules.check_column(folder, table, frame, column)
            rules.check_invisible(folder, table, frame, column)
        rules.check_key(folder, table, frame)
        for figure in table.figures:
            rules.check_figure(folder, table, frame, figure)
        for start, end in table.spans:
            rules.check_span(folder, table, frame, start, end)
        if table.name in ("strikes", "incidents"):
            rules.check_region(folder, table, frame)
        if table.name == "strikes":
            rules.check_window_day(folder, table, frame, "date_first", "date_last")
        if table.name == "casualties":
            rules.check_blank_phrase(folder, table, frame, "killed")
    check_references(folder)
    check_excerpts(folder)
    check_words(folder)
    check_imports(folder)
    check_corrections(folder)  # last: a correction is checked against cells that passed their own rules
