"""The broken-data corpus: the bundled data/ broken one way at a time, and what the user must be told.

Each case below is one change to a fresh copy of data/ (made at test time in a temporary folder) and
the exact problems it must produce: file, line (as a spreadsheet counts it: header = line 1), column
and a fragment of the plain-language message.

Every case goes through `validate` (in this process: the report `python -m conflictdesk validate`
prints, each problem at its place, and no others). A few representative cases (REPRESENTATIVE: a
missing file, a bad encoding, a cell, a reference, several files at once) also go through the command's
`main` (in this process; tests/test_cli.py runs the real subprocess), the app's error page and the
no-half-load check; those entry points share one code path, so running all 57 cases through each of them
would test the same thing three times.

Then what spreadsheets write (BOM, CRLF, header-only files, trailing blank lines, …) must validate with
every row (two of them also open in the app), and one bad row deep inside a ~50 MB file is named alone.
"""

import codecs
import csv
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from conflictdesk.__main__ import main
from conflictdesk.cache import open_data
from conflictdesk.load import load, validate
from conflictdesk.problems import DataError, column_letter, format_report
from conflictdesk.schema import TABLES, TABLES_BY_NAME
from corpus.big import write_big_folder

NOTES = TABLES_BY_NAME["strikes"].column_names.index("notes")  # not the last column: import columns follow it

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
PYTHON = ROOT / ".venv" / "bin" / "python"
SEED_TEXT = "sources/seed_putin_direct_talks_2025-04-21.txt"
ERROR_TITLE = "The data could not be loaded"


# --- how a copy of data/ is broken -------------------------------------------------------------

Change = Callable[[Path], None]


STRIKE_HEADER = (Path(__file__).resolve().parent.parent / "data" / "strikes.csv").read_text(encoding="utf-8").splitlines()[0].split(",")

def _rows(file: Path) -> list[list[str]]:
    with file.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def _write(file: Path, rows: list[list[str]], **options) -> None:
    with file.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n", **options).writerows(rows)


def cell(file: str, line: int, column: str, value: str) -> Change:
    """Set one cell, found by its line (header = 1) and column name."""

    def change(folder: Path) -> None:
        rows = _rows(folder / file)
        rows[line - 1][rows[0].index(column)] = value
        _write(folder / file, rows)

    return change


def cells(file: str, line: int, **values: str) -> Change:
    """Set several cells of one line."""

    def change(folder: Path) -> None:
        for column, value in values.items():
            cell(file, line, column, value)(folder)

    return change


def header(file: str, edit: Callable[[list[str]], list[str]], rows_too: bool = False) -> Change:
    """Rewrite the header (and, with rows_too, every row the same way)."""

    def change(folder: Path) -> None:
        rows = _rows(folder / file)
        rows = [edit(row) for row in rows] if rows_too else [edit(rows[0]), *rows[1:]]
        _write(folder / file, rows)

    return change


def raw_line(file: str, line: int, edit: Callable[[str], str]) -> Change:
    """Edit one physical line of the file as text (for breaks the csv module would not write)."""

    def change(folder: Path) -> None:
        lines = (folder / file).read_text(encoding="utf-8").split("\n")
        lines[line - 1] = edit(lines[line - 1])
        (folder / file).write_text("\n".join(lines), encoding="utf-8")

    return change


def delete(path: str) -> Change:
    return lambda folder: (folder / path).unlink()


def empty(path: str) -> Change:
    return lambda folder: (folder / path).write_bytes(b"")


def encode(path: str, encoding: str, replace: tuple[str, str] = ("", "")) -> Change:
    """Re-save a file in another encoding (after an optional text replacement)."""

    def change(folder: Path) -> None:
        text = (folder / path).read_text(encoding="utf-8").replace(*replace)
        (folder / path).write_bytes(text.encode(encoding))

    return change


def separated_by(file: str, delimiter: str) -> Change:
    return lambda folder: _write(folder / file, _rows(folder / file), delimiter=delimiter)


def then(*changes: Change) -> Change:
    """Several changes, in order."""

    def change(folder: Path) -> None:
        for each in changes:
            each(folder)

    return change


def with_multiline_note(file: str, line: int) -> Change:
    """A quoted note with a line break on `line`: one spreadsheet row across two lines of text."""
    return cell(file, line, "notes", "Worked out from the report.\nSee the second paragraph.")


# --- the corpus --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Told:
    """One problem the user must be told: where, and a fragment of what."""

    file: str
    line: int | None
    column: str | None
    says: str
    letter: str | None = None  # the column's spreadsheet letter, where a case checks it

    @property
    def place(self) -> str:
        """How the report names the place: 'strikes.csv, line 3, column weapon (L)'."""
        parts = [self.file]
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.column is not None:
            parts.append(f"column {self.column}" + (f" ({self.letter})" if self.letter else ""))
        return ", ".join(parts)


@dataclass(frozen=True)
class Case:
    name: str
    change: Change
    told: tuple[Told, ...]


def case(name: str, change: Change, *told: tuple) -> Case:
    return Case(name, change, tuple(Told(*t) for t in told))


# Line numbers of the bundled data: strikes.csv line 2 is Sumy, line 3 Odesa; casualties.csv line 2 the
# Sumy toll, line 3 the Odesa toll; truces.csv line 2 the Easter truce; truce_violations.csv line 2
# Ukraine's claim, line 3 Russia's; events.csv line 3 the Paris talks; sources.csv line 2 the report.
CASES = [
    # files and headers
    case("missing file", delete("truces.csv"),
         ("truces.csv", None, None, "the file is missing; it needs the columns truce_id, name, declared_by")),
    case("zero-byte file", empty("events.csv"),
         ("events.csv", None, None, "the file is empty; it needs at least the header row: event_id,date")),
    case("missing column", header("strikes.csv", lambda row: row[:NOTES] + row[NOTES + 1 :], rows_too=True),
         ("strikes.csv", 1, "notes", "the header has no column 'notes'; add it")),
    case("extra column", header("actors.csv", lambda row: [*row, "wikidata"]),
         ("actors.csv", 1, "wikidata", "'wikidata' is not a column of actors.csv. The columns are: actor_id, name")),
    case("renamed column", header("strikes.csv", lambda row: ["lattitude" if c == "latitude" else c for c in row]),
         ("strikes.csv", 1, "lattitude", "'lattitude' is not a column of strikes.csv. Did you mean 'latitude'?"),
         ("strikes.csv", 1, "latitude", "the header has no column 'latitude'")),
    case("duplicated column", header("actors.csv", lambda row: [*row, row[1]], rows_too=True),
         ("actors.csv", 1, "name", "the column 'name' appears twice in the header")),
    case("blank column from a trailing comma", header("truces.csv", lambda row: [*row, ""], rows_too=True),
         ("truces.csv", 1, "(blank)", "'(blank)' is not a column of truces.csv")),
    case("semicolon-separated file", separated_by("strikes.csv", ";"),
         ("strikes.csv", 1, None, "separated by semicolons, not commas; re-save the file as CSV with commas")),
    # rows that cannot be read
    case("ragged row", raw_line("actors.csv", 3, lambda text: text + ",extra"),
         ("actors.csv", 3, None, "this row has 5 values but the header has 4 columns")),
    case("row one value short", raw_line("actors.csv", 4, lambda text: text.rsplit(",", 1)[0]),
         ("actors.csv", 4, None, "this row has 3 values but the header has 4 columns")),
    case("unterminated quote", raw_line("actors.csv", 3, lambda text: 'ukraine,"Ukraine,state,Kyiv'),
         ("actors.csv", 3, None, 'a quoted value opened on this line is never closed: add the missing closing "')),
    case("Windows-1252 file (curly quote)", encode("strikes.csv", "cp1252"),
         ("strikes.csv", 2, None, "the file is not UTF-8 (byte 0x92")),
    case("Windows-1251 file (Cyrillic)", encode("actors.csv", "cp1251", ("Kremlin;", "Kremlin;Кремль;")),
         ("actors.csv", 2, None, "save it as UTF-8: in Excel choose 'CSV UTF-8 (Comma delimited)'")),
    # dates
    case("day-first date", cell("strikes.csv", 2, "date", "13/04/2025"),
         ("strikes.csv", 2, "date", "'13/04/2025' is not a date written YYYY-MM-DD (for example 2025-04-13); did you mean 2025-04-13?")),
    case("date with a time, as Excel writes it", cell("statements.csv", 2, "date", "2025-04-21 00:00:00"),
         ("statements.csv", 2, "date", "did you mean 2025-04-21?")),
    case("date that does not exist", cell("statements.csv", 4, "date", "2025-02-30"),
         ("statements.csv", 4, "date", "2025-02-30 is not a real calendar date")),
    case("truce ends before it starts", cell("truces.csv", 2, "end_date", "2025-04-19"),
         ("truces.csv", 2, "end_date", "2025-04-19 is before start_date 2025-04-20; the end cannot come before the start")),
    case("claim period ends before it starts", cell("truce_violations.csv", 2, "period_end", "2025-04-18"),
         ("truce_violations.csv", 2, "period_end", "2025-04-18 is before period_start 2025-04-20")),
    case("full-width digits in a date", cell("strikes.csv", 2, "date", "２０２５-04-13"),
         ("strikes.csv", 2, "date", "is not a date written YYYY-MM-DD")),
    # counts and figures
    case("negative count", cell("casualties.csv", 3, "injured", "-3"),
         ("casualties.csv", 3, "injured", "-3 is negative; counts cannot be below zero")),
    case("fractional count", cell("truce_violations.csv", 3, "count", "2.5"),
         ("truce_violations.csv", 3, "count", "2.5 is not a whole number")),
    case("thousands separator", cell("truce_violations.csv", 2, "count", "3,000"),
         ("truce_violations.csv", 2, "count", "3,000 has a thousands separator; write the number in digits only (did you mean 3000?)")),
    case("count in words", cell("casualties.csv", 3, "injured", "three"),
         ("casualties.csv", 3, "injured", "'three' is not a number: write the source's number in digits 0-9")),
    case("Arabic-Indic digit", cell("casualties.csv", 3, "injured", "٣"),
         ("casualties.csv", 3, "injured", "is not a number: write the source's number in digits 0-9")),
    case("count too large", cell("casualties.csv", 3, "injured", "99999999999999999999"),
         ("casualties.csv", 3, "injured", "is too large to be a count of people or events")),
    case("number and qualifier without a phrase", cell("casualties.csv", 2, "killed_phrase", ""),
         ("casualties.csv", 2, "killed_phrase", "killed needs the source's own words in killed_phrase")),
    case("number without a qualifier", cell("casualties.csv", 2, "killed_qualifier", ""),
         ("casualties.csv", 2, "killed_qualifier", "killed has a number but no qualifier: say how exact the source is")),
    case("qualifier without a number or phrase", cell("casualties.csv", 3, "killed_qualifier", "exact"),
         ("casualties.csv", 3, "killed", "killed_qualifier or killed_phrase is filled but killed is empty"),
         ("casualties.csv", 3, "killed_phrase", "killed needs the source's own words in killed_phrase")),
    # allowed values, ids and references
    case("unknown weapon", cell("strikes.csv", 3, "weapon", "drones"),
         ("strikes.csv", 3, "weapon", "'drones' is not one of: ballistic_missile, cruise_missile, missile, drone, artillery, glide_bomb, unknown; did you mean 'drone'?", "L")),
    case("capitalised status", cell("strikes.csv", 2, "status", "Confirmed"),
         ("strikes.csv", 2, "status", "'Confirmed' is not one of: claimed, confirmed, disputed; did you mean 'confirmed'?")),
    case("unknown quote kind", cell("statements.csv", 5, "quote_kind", "quote"),
         ("statements.csv", 5, "quote_kind", "'quote' is not one of: direct, paraphrase")),
    case("duplicate id", cell("statements.csv", 3, "statement_id", "putin-2025-04-21-peace-initiatives"),
         ("statements.csv", 3, "statement_id", "the id 'putin-2025-04-21-peace-initiatives' is used again (first on line 2); ids must be unique")),
    case("id with spaces", cell("casualties.csv", 2, "report_id", "sumy toll 1"),
         ("casualties.csv", 2, "report_id", "'sumy toll 1' is not a valid id: use letters, digits")),
    case("toll for a strike that does not exist", cell("casualties.csv", 3, "strike_id", "odessa-2025-04-21"),
         ("casualties.csv", 3, "strike_id", "'odessa-2025-04-21' is not a strike_id in strikes.csv; did you mean 'odesa-2025-04-21'?")),
    case("unknown attacker", cell("strikes.csv", 2, "attacker", "rusia"),
         ("strikes.csv", 2, "attacker", "'rusia' is not a actor_id in actors.csv; did you mean 'russia'?")),
    case("unknown actor in a list", cell("events.csv", 3, "actors", "ukraine;united_state;european_allies"),
         ("events.csv", 3, "actors", "'united_state' is not a actor_id in actors.csv; did you mean 'united_states'?")),
    case("unknown truce", cell("truce_violations.csv", 2, "truce_id", "easter-2024"),
         ("truce_violations.csv", 2, "truce_id", "'easter-2024' is not a truce_id in truces.csv; did you mean 'easter-2025'?")),
    case("unknown source", cell("strikes.csv", 3, "source_id", "seed-2025-04-22"),
         ("strikes.csv", 3, "source_id", "'seed-2025-04-22' is not a source_id in sources.csv; did you mean 'seed-2025-04-21'?")),
    case("empty item in a list", cell("events.csv", 3, "actors", "ukraine;;united_states"),
         ("events.csv", 3, "actors", "the list has an empty item: separate items with a single ';'")),
    case("required cell empty", cell("strikes.csv", 3, "city", ""),
         ("strikes.csv", 3, "city", "this cell is empty but the column is required")),
    case("required cell of spaces", cell("events.csv", 2, "title", "   "),
         ("events.csv", 2, "title", "this cell is empty but the column is required")),
    case("time past midnight", cell("strikes.csv", 3, "time_local", "25:00"),
         ("strikes.csv", 3, "time_local", "'25:00' is not a time like 23:40")),
    # places
    case("latitude 91", cell("strikes.csv", 2, "latitude", "91"),
         ("strikes.csv", 2, "latitude", "91 is outside the range -90 to 90")),
    case("longitude -181", cell("strikes.csv", 3, "longitude", "-181"),
         ("strikes.csv", 3, "longitude", "-181 is outside the range -180 to 180")),
    case("coordinates swapped", cells("strikes.csv", 2, latitude="34.7981", longitude="50.9077"),
         ("strikes.csv", 2, "latitude", "latitude 34.7981, longitude 50.9077 lies far outside Ukraine and its neighbours; did you swap")),
    case("decimal comma", cell("strikes.csv", 2, "latitude", "50,9077"),
         ("strikes.csv", 2, "latitude", "'50,9077' is not a number; write decimals with a point: did you mean 50.9077?")),
    # sources and excerpts
    case("excerpt with a straight quote where the source has a curly one",
         cell("truces.csv", 2, "excerpt", "Putin's remarks come as both sides accuse each other of violating the short-lived Easter truce declared by Russia."),
         ("truces.csv", 2, "excerpt", "the excerpt is not found word for word in the text of source 'seed-2025-04-21'")),
    case("text_file outside the folder", cell("sources.csv", 2, "text_file", "../seed.txt"),
         ("sources.csv", 2, "text_file", "'../seed.txt' points outside the data folder")),
    case("text_file as an absolute path", cell("sources.csv", 2, "text_file", "/etc/passwd"),
         ("sources.csv", 2, "text_file", "'/etc/passwd' points outside the data folder")),
    case("source text missing", delete(SEED_TEXT),
         ("sources.csv", 2, "text_file", f"the source text '{SEED_TEXT}' does not exist in the data folder")),
    case("source text in Windows-1252", encode(SEED_TEXT, "cp1252"),
         ("sources.csv", 2, "text_file", "is not UTF-8; re-save it as UTF-8")),
    # line numbers stay those a spreadsheet shows
    case("bad cell after a blank line", then(raw_line("strikes.csv", 2, lambda text: text + "\n"), cell("strikes.csv", 4, "weapon", "drones")),
         ("strikes.csv", 4, "weapon", "did you mean 'drone'?")),
    case("bad cell after a note across two lines", then(with_multiline_note("strikes.csv", 2), cell("strikes.csv", 3, "weapon", "drones")),
         ("strikes.csv", 3, "weapon", "did you mean 'drone'?")),
    case("bad cell after an empty row of commas", then(raw_line("strikes.csv", 2, lambda text: text + "\n" + "," * (len(TABLES_BY_NAME["strikes"].column_names) - 1)), cell("strikes.csv", 4, "status", "confirmd")),
         ("strikes.csv", 4, "status", "did you mean 'confirmed'?")),
    case("bad cell after a note with a blank line inside", then(cell("strikes.csv", 2, "notes", "First paragraph.\n\nSecond paragraph."), cell("strikes.csv", 3, "weapon", "drones")),
         ("strikes.csv", 3, "weapon", "did you mean 'drone'?")),
    case("bad cell in a file with its columns in another order", then(header("strikes.csv", lambda row: row[::-1], rows_too=True), cell("strikes.csv", 3, "weapon", "drones")),
         ("strikes.csv", 3, "weapon", "did you mean 'drone'?",
          column_letter(len(STRIKE_HEADER) - 1 - STRIKE_HEADER.index("weapon")))),
    # invisible characters in text (issue 11)
    case("right-to-left override in a city", cell("strikes.csv", 3, "city", "Od\u202eesa"),
         ("strikes.csv", 3, "city", "character 3 of the cell is U+202E RIGHT-TO-LEFT OVERRIDE, a bidirectional control")),
    case("zero-width space in a speaker's name", cell("statements.csv", 2, "speaker", "Vladimir\u200b Putin"),
         ("statements.csv", 2, "speaker", "U+200B ZERO WIDTH SPACE, an invisible character")),
    case("Hangul filler (draws nothing, not a format character) in a speaker's name", cell("statements.csv", 2, "speaker", "Peskov\u3164"),
         ("statements.csv", 2, "speaker", "character 7 of the cell is U+3164 HANGUL FILLER, an invisible character")),
    case("line separator in a venue", cell("statements.csv", 3, "venue", "press\u2028conference"),
         ("statements.csv", 3, "venue", "U+2028 LINE SEPARATOR, an invisible character")),
    # the source's words behind quotes and figures (rules 1 and 4)
    case("direct quote not in its excerpt", cell("statements.csv", 2, "quote", "has alwaysXXX looked positively on peace initiatives"),
         ("statements.csv", 2, "quote", "this one is not in the row's excerpt: copy it from the excerpt (mark words left out with […]), or set quote_kind to paraphrase")),
    case("'up to' coded as at_least", then(cell("casualties.csv", 3, "injured_phrase", "up to three")),
         ("casualties.csv", 3, "injured_phrase", "these are not in the row's excerpt"),
         ("casualties.csv", 3, "injured_qualifier", "injured_phrase “up to three” sets a bound that injured_qualifier at_least does not: use up_to")),
    case("bound in Ukrainian coded otherwise", then(cell("casualties.csv", 3, "injured_phrase", "до трьох")),
         ("casualties.csv", 3, "injured_phrase", "these are not in the row's excerpt"),
         ("casualties.csv", 3, "injured_qualifier", "injured_phrase “до трьох” sets a bound that injured_qualifier at_least does not: use up_to")),
    case("variation selectors after a place name", cell("strikes.csv", 2, "city", "Sumy" + chr(0xE0101) * 3),
         ("strikes.csv", 2, "city", "U+E0101 VARIATION SELECTOR-18, an invisible character")),
    case("figure other than its phrase's number", cell("casualties.csv", 2, "killed", "36"),
         ("casualties.csv", 2, "killed", "killed is 36 but killed_phrase opens with another number (“35”)")),
    # several problems in one pass
    case("problems in three files at once", then(delete("events.csv"), cell("strikes.csv", 2, "latitude", "91"), cell("statements.csv", 3, "quote_kind", "Direct")),
         ("strikes.csv", 2, "latitude", "91 is outside the range"),
         ("statements.csv", 3, "quote_kind", "did you mean 'direct'?"),
         ("events.csv", None, None, "the file is missing")),
]

CASE_IDS = [c.name for c in CASES]
REPRESENTATIVE = [
    c for c in CASES
    if c.name in ("missing file", "Windows-1252 file (curly quote)", "count in words",
                  "unknown actor in a list", "right-to-left override in a city", "problems in three files at once")
]


def broken_copy(case: Case, parent: Path) -> Path:
    """A fresh copy of data/ with the case's change applied."""
    folder = parent / "data"
    shutil.copytree(DATA, folder)
    case.change(folder)
    return folder


def report_lines(output: str) -> list[str]:
    return [line[2:] for line in output.splitlines() if line.startswith("- ")]


def assert_reported(case: Case, output: str) -> None:
    """The report says how many problems, and names exactly the case's problems, each at its place."""
    count = len(case.told)
    assert f"{count} problem{'s' if count != 1 else ''} found; nothing was loaded." in output
    lines = report_lines(output)
    assert len(lines) == count, output
    for told in case.told:
        assert any(
            (line.split(": ")[0] if told.letter else re.sub(r" \([A-Z]+\)$", "", line.split(": ")[0])) == told.place
            and told.says in line
            for line in lines
        ), f"{told.place}: …{told.says}… not in\n{output}"


def test_the_corpus_is_big_enough():
    """The corpus holds at least 30 distinct broken variants of data/, a few of them representative."""
    assert len(CASES) >= 30
    assert len(set(CASE_IDS)) == len(CASES)
    assert len(REPRESENTATIVE) == 6


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_validate_names_file_line_column_and_fix(case, tmp_path):
    """validate reports exactly the expected problems, each at its file, line and column, with its fix."""
    problems, _ = validate(broken_copy(case, tmp_path))
    assert_reported(case, format_report(problems))


@pytest.mark.parametrize("case", REPRESENTATIVE, ids=[c.name for c in REPRESENTATIVE])
def test_the_command_line_prints_the_same_report(case, tmp_path, capsys):
    """`python -m conflictdesk validate DIR` exits 1 and prints that report, no traceback.

    In this process through the command's `main`; tests/test_cli.py runs the real `python -m conflictdesk`
    once on a broken folder (exit 1, the report, no traceback), which is all a subprocess adds.
    """
    assert main(["validate", str(broken_copy(case, tmp_path))]) == 1
    output = capsys.readouterr()
    assert output.out == ""
    assert "Traceback" not in output.err
    assert_reported(case, output.err)


@pytest.mark.parametrize("case", REPRESENTATIVE, ids=[c.name for c in REPRESENTATIVE])
def test_app_shows_the_error_page(case, tmp_path, monkeypatch):
    """The overview of a folder that was never valid is the error page listing the problems: no figure, no traceback."""
    monkeypatch.setenv("CONFLICTDESK_DATA", str(broken_copy(case, tmp_path)))
    monkeypatch.setenv("CONFLICTDESK_CACHE", str(tmp_path / "cache"))
    at = AppTest.from_file("../pages/overview.py", default_timeout=60).run()
    assert not at.exception
    assert [t.value for t in at.title] == [ERROR_TITLE]
    assert len(at.metric) == 0 and len(at.get("plotly_chart")) == 0
    listed = at.dataframe[0].value
    assert len(listed) == len(case.told)
    shown = [
        (file, None if pd.isna(line) else int(line), column or None, problem)
        for file, line, column, problem in listed[["File", "Line", "Column", "Problem"]].itertuples(index=False)
    ]
    for told in case.told:
        assert any(
            (file, line, column) == (told.file, told.line, told.column) and told.says in problem
            for file, line, column, problem in shown
        ), (told, shown)
    assert not list((tmp_path / "cache").glob("*.duckdb"))


@pytest.mark.parametrize("case", REPRESENTATIVE, ids=[c.name for c in REPRESENTATIVE])
def test_nothing_is_half_loaded(case, tmp_path, monkeypatch):
    """load refuses the broken folder with the same problems, and the on-disk cache gets no database file."""
    folder = broken_copy(case, tmp_path)
    with pytest.raises(DataError) as raised:
        load(folder)
    assert sorted((p.file, p.line or 0, p.column or "") for p in raised.value.problems) == sorted(
        (t.file, t.line or 0, t.column or "") for t in case.told
    )
    cache = tmp_path / "cache"
    monkeypatch.setenv("CONFLICTDESK_CACHE", str(cache))
    with pytest.raises(DataError):
        open_data(folder)
    assert [p for p in cache.rglob("conflictdesk-*")] == []


# --- what spreadsheets write must load ----------------------------------------------------------


def every_file(edit: Callable[[bytes], bytes]) -> Change:
    """Apply a byte-level edit to every CSV of the folder."""

    def change(folder: Path) -> None:
        for table in TABLES:
            file = folder / table.file
            file.write_bytes(edit(file.read_bytes()))

    return change


def header_only(file: str) -> Change:
    return lambda folder: _write(folder / file, _rows(folder / file)[:1])


def uncorrected(table: str) -> Change:
    """Drop the corrections of a table's rows from corrections.csv (rows a case removes need none)."""
    return lambda folder: _write(folder / "corrections.csv",
                                 [row for row in _rows(folder / "corrections.csv") if row[2] != table])


def quote_all(folder: Path) -> None:
    for table in TABLES:
        _write(folder / table.file, _rows(folder / table.file), quoting=csv.QUOTE_ALL)


def padded_with_spaces(file: str) -> Change:
    return header(file, lambda row: [f" {value}  " if value else value for value in row], rows_too=True)


BOM = codecs.BOM_UTF8
LOADS = [
    pytest.param(every_file(lambda data: BOM + data), {}, id="UTF-8 byte-order mark on every file"),
    pytest.param(every_file(lambda data: data.replace(b"\n", b"\r\n")), {}, id="CRLF line endings on every file"),
    pytest.param(every_file(lambda data: data + b"\n\n\n"), {}, id="trailing blank lines on every file"),
    pytest.param(every_file(lambda data: BOM + data.replace(b"\n", b"\r\n") + b"\r\n\r\n"), {}, id="Excel on Windows: BOM, CRLF and blank lines"),
    pytest.param(every_file(lambda data: data + (b"," * (data.split(b"\n")[0].count(b",")) + b"\n") * 3), {}, id="trailing rows of only commas"),
    pytest.param(then(header_only("events.csv"), uncorrected("events")), {"events": 0, "corrections": 7},
                 id="header-only events.csv (an empty table)"),
    pytest.param(header_only("truce_violations.csv"), {"truce_violations": 0}, id="header-only truce_violations.csv"),
    pytest.param(quote_all, {}, id="every value quoted"),
    pytest.param(header("strikes.csv", lambda row: row[::-1], rows_too=True), {}, id="columns in another order"),
    pytest.param(padded_with_spaces("actors.csv"), {}, id="spaces around values"),
]


def spreadsheet_copy(change: Change, parent: Path) -> Path:
    """A fresh copy of data/ re-saved the way a spreadsheet would (the LOADS change applied)."""
    folder = parent / "data"
    shutil.copytree(DATA, folder)
    change(folder)
    return folder


@pytest.fixture(scope="module")
def bundled_counts() -> dict[str, int]:
    """The row count of every table of the bundled data/."""
    problems, counts = validate(DATA)
    assert problems == []
    return counts


@pytest.mark.parametrize("change, counts", LOADS)
def test_what_spreadsheets_write_loads(change, counts, tmp_path, bundled_counts):
    """validate finds no problem and every row: the bundled row counts (or the emptied table at 0)."""
    problems, found = validate(spreadsheet_copy(change, tmp_path))
    assert problems == [], format_report(problems)
    assert found == bundled_counts | counts


# The app reads a folder through the same reader as validate (test above, every case); two representative
# re-saves are opened in the app: every file at once as Excel on Windows writes it, and an emptied table.
ON_THE_APP = [param for param in LOADS if param.id in ("Excel on Windows: BOM, CRLF and blank lines",
                                                       "header-only events.csv (an empty table)")]


@pytest.mark.parametrize("change, counts", ON_THE_APP)
def test_what_spreadsheets_write_opens_in_the_app(change, counts, tmp_path, monkeypatch):
    """The overview of a re-saved folder renders the bundled figures."""
    monkeypatch.setenv("CONFLICTDESK_DATA", str(spreadsheet_copy(change, tmp_path)))
    monkeypatch.setenv("CONFLICTDESK_CACHE", str(tmp_path / "cache"))
    at = AppTest.from_file("../pages/overview.py", default_timeout=60).run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Overview"]
    assert {m.label: m.value for m in at.metric} == {
        "Strikes": "2",
        "People killed": "at least 35",
        "People injured": "at least 103",
    }


def test_spreadsheet_output_keeps_the_values_intact(tmp_path):
    """A BOM, CRLF endings, padding spaces and quotes leave exactly the bundled values in the database."""
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    quote_all(folder)
    padded_with_spaces("actors.csv")(folder)
    every_file(lambda data: BOM + data.replace(b"\n", b"\r\n") + b"\r\n")(folder)
    resaved, bundled = load(folder), load(DATA)
    query = "select actor_id, name, aliases from actors order by actor_id"
    assert resaved.execute(query).fetchall() == bundled.execute(query).fetchall()
    notes = "select strike_id, notes, excerpt from strikes order by strike_id"
    assert resaved.execute(notes).fetchall() == bundled.execute(notes).fetchall()


# --- one bad row deep inside a 50 MB file ---------------------------------------------------------


def validate_with_peak_memory(folder: Path, scratch: Path) -> tuple[int, str, float]:
    """Run validate; its exit code, output and peak resident memory in MB (of that process alone)."""
    python = PYTHON if PYTHON.exists() else Path(sys.executable)
    out = scratch / "validate.out"
    with out.open("w") as handle:
        process = subprocess.Popen(
            [str(python), "-m", "conflictdesk", "validate", str(folder)], cwd=ROOT, stdout=handle, stderr=handle
        )
        _, status, usage = os.wait4(process.pid, 0)
    return os.waitstatus_to_exitcode(status), out.read_text(), usage.ru_maxrss / 1024


def test_bad_row_deep_in_a_50_mb_file_is_named_alone(tmp_path):
    """An unknown weapon 7 rows from the end of a ~50 MB strikes.csv is reported at its line and column, alone."""
    big = write_big_folder(tmp_path / "big", strikes_mb=50, bad=("strikes", "weapon", "drones"))
    size = (big.path / "strikes.csv").stat().st_size
    assert size > 45_000_000
    assert (big.path / "casualties.csv").stat().st_size > 20_000_000
    start = time.perf_counter()
    returncode, output, peak_mb = validate_with_peak_memory(big.path, tmp_path)
    seconds = time.perf_counter() - start
    print(f"\nvalidate on a {size / 1e6:.0f} MB strikes.csv and its tolls: {seconds:.1f} s, peak memory {peak_mb:.0f} MB")
    assert returncode == 1, output
    assert "1 problem found; nothing was loaded." in output
    assert report_lines(output) == [
        f"strikes.csv, line {big.bad_line}, column weapon (L): 'drones' is not one of: ballistic_missile, "
        "cruise_missile, missile, drone, artillery, glide_bomb, unknown; did you mean 'drone'?"
    ]
    assert big.bad_line > 130_000
    # Exactly one problem, so the generated folder around the bad cell is valid: the case fails only
    # because of its one bad cell.
    assert peak_mb < 1500  # the old loader, a Python object per cell, needed ~770 MB here; this one ~440 MB
