"""The import ledger (imports.csv), an optional table: what each import of a publisher's file kept and left out.

The importers write it beside the contract's tables (conflictdesk/importers/ledger.py): one row per source,
file and outcome (imported, left_out, out_of_scope, superseded) with the reason, the rows and the deaths the
publisher gives for them. It is not part of the data contract: a folder without it loads with an empty
`imports` table, so the pages can always say what was left out ("nothing recorded" when nothing is).
"""

import csv

import duckdb
import pyarrow as pa

from conflictdesk.loader.reading import Folder
from conflictdesk.problems import Problem, column_letter

FILE = "imports.csv"
# Column -> DuckDB type, in the ledger's order.
COLUMNS = {
    "source_id": "VARCHAR",
    "file": "VARCHAR",
    "imported_on": "DATE",
    "outcome": "VARCHAR",
    "reason": "VARCHAR",
    "rows": "BIGINT",
    "deaths": "BIGINT",
    "rows_with_deaths": "BIGINT",
}
ARROW_TYPES = {"VARCHAR": pa.string(), "DATE": pa.date32(), "BIGINT": pa.int64()}
OUTCOMES = ("imported", "left_out", "out_of_scope", "superseded")


def check_imports(folder: Folder) -> None:
    """Check imports.csv, when there is one: its header and that its counts and dates read as their types."""
    file = folder.path / FILE
    if not file.is_file():
        return
    with file.open(encoding="utf-8-sig", newline="") as handle:
        header = [name.strip() for name in next(csv.reader(handle), [])]
    if header != list(COLUMNS):
        folder.problems.append(
            Problem(FILE, 1, None, f"the header must be {','.join(COLUMNS)} (the import ledger the importers write)")
        )
        return
    con = duckdb.connect()
    try:
        rows = _relation(con, file).df()
    except duckdb.Error as error:
        folder.problems.append(Problem(FILE, None, None, f"the import ledger cannot be read ({str(error).splitlines()[0]})"))
        return
    finally:
        con.close()
    bad = rows[~rows["outcome"].isin(OUTCOMES) | rows["rows"].isna()]
    if len(bad):
        folder.problems.append(
            Problem(FILE, None, "outcome", f"{len(bad)} rows have no row count or an outcome other than "
                    f"{', '.join(OUTCOMES)}", column_letter(header.index("outcome")))
        )


def _relation(con: duckdb.DuckDBPyConnection, file) -> duckdb.DuckDBPyRelation:
    """imports.csv read with the ledger's column types (DuckDB's Python API: the path is never SQL text)."""
    return con.read_csv(str(file), header=True, columns=COLUMNS, auto_detect=False)


def create_imports(con: duckdb.DuckDBPyConnection, folder: Folder) -> None:
    """Create the table `imports` from imports.csv (checked by check_imports), or empty when there is none."""
    file = folder.path / FILE
    if file.is_file():
        _relation(con, file).create("imports")
    else:
        con.from_arrow(pa.schema([(name, ARROW_TYPES[kind]) for name, kind in COLUMNS.items()]).empty_table()).create(
            "imports"
        )
