"""validate checks the corrections log (data/corrections.csv) against the data it corrects: file, line, column, fix."""

import csv
import datetime as dt

import pandas as pd
import pytest

from conflictdesk.load import load, validate
from conflictdesk.models.corrections import annotate
from conflictdesk.schema import TABLES_BY_NAME
from datafixtures import write_folder

COLUMNS = TABLES_BY_NAME["corrections"].column_names


def with_log(tmp_path, *rows: dict):
    """The minimal fixture folder with a corrections.csv of these rows (lines 2, 3, … in order)."""
    folder = write_folder(tmp_path)
    with (folder / "corrections.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, restval="", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return folder


def strike_id_and_city(folder):
    with (folder / "strikes.csv").open(encoding="utf-8", newline="") as handle:
        row = next(csv.DictReader(handle))
    return row["strike_id"], row["city"]


def fix(**cells) -> dict:
    return {"correction_id": "c1", "corrected_on": "2026-11-20", "reason": "misread", **cells}


def told(folder) -> list[tuple]:
    problems, _ = validate(folder)
    return [(p.file, p.line, p.column, p.message) for p in problems]


def test_a_folder_without_a_log_loads_with_an_empty_one(folder):
    """corrections.csv is optional: without it the folder is valid and the table is empty."""
    assert told(folder) == []
    assert load(folder).sql("select count(*) from corrections").fetchall() == [(0,)]


def test_a_correction_matching_the_data_is_valid(tmp_path):
    folder = write_folder(tmp_path)
    strike, city = strike_id_and_city(folder)
    folder = with_log(tmp_path, fix(table="strikes", row_id=strike, column="city", old_value="Sumi", new_value=city))
    assert told(folder) == []


@pytest.mark.parametrize(
    "cells, column, words",
    [
        ({"table": "strike", "column": "city"}, "table", "'strike' is not a table of the data; use one of: sources"),
        ({"table": "strikes", "column": "cty"}, "column", "'cty' is not a column of strikes.csv; did you mean 'city'?"),
        ({"table": "strikes", "column": "city", "row_id": "nope"}, "row_id",
         "'nope' is not a strike_id in strikes.csv; check the id, or if the row was removed, add a correction with column *"),
        ({"table": "strikes", "column": "city", "new_value": "Kyiv"}, "new_value",
         "'Kyiv' is not what strikes.csv holds now: the city of"),
        ({"table": "strikes", "column": "city", "corrected_on": "2999-01-01"}, "corrected_on",
         "2999-01-01 is in the future; date a correction the day it was made"),
        ({"table": "strikes", "column": "*", "new_value": ""}, "row_id", "is still in strikes.csv (line 2); a correction "
         "with column * says the row was removed"),
        ({"table": "strikes", "column": "strike_id"}, "column", "an id is not corrected in place"),
    ],
)
def test_a_wrong_correction_is_named_at_its_line_and_column_with_the_fix(tmp_path, cells, column, words):
    folder = write_folder(tmp_path)
    strike, city = strike_id_and_city(folder)
    row = fix(row_id=strike, old_value="Sumi", new_value=city) | cells
    problems = told(with_log(tmp_path, row))
    assert len(problems) == 1, problems
    file, line, where, message = problems[0]
    assert (file, line, where) == ("corrections.csv", 2, column)
    assert words in message


def test_a_removed_row_is_said_once_and_covers_its_earlier_corrections(tmp_path):
    """A row gone from its file is fine when a * correction says it was removed (new_value empty)."""
    folder = with_log(
        tmp_path,
        fix(correction_id="c1", table="strikes", row_id="gone", column="city", old_value="Kiev", new_value="Kyiv"),
        fix(correction_id="c2", corrected_on="2026-11-21", table="strikes", row_id="gone", column="*",
            old_value="a duplicate strike"),
    )
    assert told(folder) == []


def test_the_newest_correction_of_a_cell_gives_its_value_now(tmp_path):
    """Two corrections of one cell: only the newest must match the data."""
    folder = write_folder(tmp_path)
    strike, city = strike_id_and_city(folder)
    rows = [fix(correction_id="c1", corrected_on="2026-11-21", table="strikes", row_id=strike, column="city",
                old_value="Sumi", new_value=city),
            fix(correction_id="c2", corrected_on="2026-11-01", table="strikes", row_id=strike, column="city",
                old_value="Sumy oblast", new_value="Sumi")]
    assert told(with_log(tmp_path, *rows)) == []


def test_exports_carry_the_corrections_of_their_rows():
    """A download's rows get a corrections column: the strike's and the report's, none for others."""
    notes = pd.DataFrame({"table_name": ["strikes", "casualties", "sources"], "row_id": ["a", "a-1", "s"],
                          "corrections": ["2026-11-29 city: x → y (r)", "2026-11-20 killed: 35 → 34 (r)", "S"]})
    rows = pd.DataFrame({"strike_id": ["a", "b"], "report_id": ["a-1", "b-1"], "source_id": ["s", "s"]})
    assert annotate(rows, notes)["corrections"].tolist() == [
        "2026-11-29 city: x → y (r); 2026-11-20 killed: 35 → 34 (r)", ""]
    sources = pd.DataFrame({"source_id": ["s", "t"]})
    assert annotate(sources, notes)["corrections"].tolist() == ["S", ""]
