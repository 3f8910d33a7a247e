"""The loader: the bundled data validates, load is all or nothing, and what the broken-data corpus does not show.

Each rule of the contract catching its error, at its file, line and column with its fix, is a case of the corpus
(tests/test_corpus.py, every case on validate); the checks here are the loader's own: typed columns, Arrow
strings, white space, invisible characters, order of the report, what loads intact.

Lines count like a spreadsheet: the header is line 1, so row i of a fixture table is line i + 2.
"""

import csv
from pathlib import Path

import pytest

from datafixtures import changed, minimal_tables, write_folder
from conflictdesk.load import load, validate
from conflictdesk.problems import DataError, Problem
from conflictdesk.schema import ALL_TABLES, TABLES

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
FACT_TABLES = [t.name for t in TABLES if t.is_fact]


def read_rows(path: Path) -> list[dict]:
    """The rows of a CSV as dicts, the way a spreadsheet reads them."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def where(problems: list[Problem]) -> list[tuple]:
    """File, line and column of each problem."""
    return [(p.file, p.line, p.column) for p in problems]


def only_problem(folder: Path) -> Problem:
    """The single problem validate finds in a folder (fails if there are none or several)."""
    problems, _ = validate(folder)
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def squash(text: str) -> str:
    return " ".join(text.split())


def rewrite_rows(file: Path, edit) -> None:
    """Rewrite a CSV through `edit(rows)`, rows being lists of cells, header first."""
    with file.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    with file.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(edit(rows))


# --- the bundled data -------------------------------------------------------------------------


def test_bundled_data_is_valid_and_counts_match_the_csvs():
    """data/ validates with no problems and reports as many rows per table as each CSV holds."""
    problems, counts = validate(DATA)
    assert [str(p) for p in problems] == []
    assert counts == {t.name: len(read_rows(DATA / t.file)) for t in ALL_TABLES if (DATA / t.file).exists()}
    assert all(counts[name] > 0 for name in counts)


def test_bundled_excerpts_are_verbatim_in_their_source_texts():
    """Every excerpt in data/ appears word for word in the text file of the source it cites."""
    texts = {
        row["source_id"]: squash((DATA / row["text_file"]).read_text(encoding="utf-8"))
        for row in read_rows(DATA / "sources.csv")
        if row["text_file"]
    }
    assert texts, "the bundled sources register no source text"
    checked, missing = 0, []
    for name in FACT_TABLES:
        for line, row in enumerate(read_rows(DATA / f"{name}.csv"), start=2):
            assert row["source_id"] in texts, f"{name}.csv line {line} cites a source without text"
            checked += 1
            if squash(row["excerpt"]) not in texts[row["source_id"]]:
                missing.append(f"{name}.csv line {line}: {row['excerpt']!r}")
    assert missing == []
    assert checked == sum(len(read_rows(DATA / f"{name}.csv")) for name in FACT_TABLES)


def test_minimal_fixture_is_valid(folder):
    """The test fixture itself passes validation, so every failure below comes from the one change made."""
    problems, counts = validate(folder)
    assert problems == []
    assert counts == {name: len(rows) for name, rows in minimal_tables().items()}


# --- files and headers ------------------------------------------------------------------------


def test_renamed_column_suggests_the_right_name(folder):
    """A misspelt column header is reported with 'did you mean' the contract's name."""

    def misspell(rows):
        rows[0] = ["lattitude" if name == "latitude" else name for name in rows[0]]
        return rows

    rewrite_rows(folder / "strikes.csv", misspell)
    problems, _ = validate(folder)
    assert sorted(where(problems)) == [("strikes.csv", 1, "latitude"), ("strikes.csv", 1, "lattitude")]
    renamed = next(p for p in problems if p.column == "lattitude")
    assert "did you mean 'latitude'" in renamed.message.lower()
    assert renamed.column_letter == "H"


def test_duplicated_column(folder):
    """A column that appears twice in the header is reported at its second place."""
    rewrite_rows(folder / "actors.csv", lambda rows: [row + [row[1]] for row in rows])
    problem = only_problem(folder)
    assert where([problem]) == [("actors.csv", 1, "name")]
    assert problem.column_letter == "F"  # after actor_id, name, actor_type, aliases, part_of
    assert "appears twice" in problem.message


# --- cells ------------------------------------------------------------------------------------


def test_phrase_and_qualifier_without_number(tmp_path):
    """A qualifier and phrase with no number ask for the number as digits."""
    problem = only_problem(write_folder(tmp_path, **changed("truce_violations", 1, count="")))
    assert where([problem]) == [("truce_violations.csv", 3, "count")]
    assert "count is empty: give the number as digits" in problem.message


def test_excerpt_across_a_line_break_matches(tmp_path):
    """An excerpt that spans a line break of the source text is found (white space is folded)."""
    tables = changed("strikes", 0, excerpt="killing 35 people and injuring over 100. Russian drones hit Odesa")
    assert validate(write_folder(tmp_path, **tables))[0] == []


# --- all problems at once, nothing loaded ----------------------------------------------------


def test_all_problems_in_one_pass(tmp_path):
    """Problems in several files are all reported together, in file order."""
    tables = changed("strikes", 0, latitude="91") | changed("statements", 1, quote_kind="quote")
    folder = write_folder(tmp_path, **tables)
    (folder / "events.csv").unlink()
    problems, _ = validate(folder)
    assert where(problems) == [
        ("strikes.csv", 2, "latitude"),
        ("statements.csv", 3, "quote_kind"),
        ("events.csv", None, None),
    ]


def test_load_raises_for_an_invalid_folder(tmp_path):
    """load refuses an invalid folder with DataError carrying the same problems validate finds."""
    folder = write_folder(tmp_path, **changed("strikes", 0, date="13/04/2025"))
    with pytest.raises(DataError) as raised:
        load(folder)
    assert raised.value.problems == validate(folder)[0]
    report = str(raised.value)
    assert report.startswith("1 problem found; nothing was loaded.")
    assert "strikes.csv, line 2, column date (B)" in report


def test_load_of_a_missing_folder(tmp_path):
    """load of a folder that does not exist raises DataError saying so."""
    with pytest.raises(DataError) as raised:
        load(tmp_path / "nowhere")
    assert "does not exist" in str(raised.value)


# --- what spreadsheets save -------------------------------------------------------------------


def test_byte_order_mark_crlf_and_trailing_blank_lines(folder):
    """A file saved by Excel (BOM, CRLF endings, blank lines at the end) loads with its rows intact."""
    file = folder / "strikes.csv"
    text = file.read_text(encoding="utf-8")
    file.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8") + b"\r\n\r\n")
    assert validate(folder)[0] == []
    con = load(folder)
    assert con.execute("select strike_id, city, notes from strikes order by date").fetchall() == [
        ("sumy", "Sumy", None),
        ("belgorod", "Belgorod", None),
        ("odesa", "Odesa", None),
    ]


def test_header_only_file_is_an_empty_table(tmp_path):
    """A CSV with only its header loads as an empty table."""
    folder = write_folder(tmp_path, events=[])
    problems, counts = validate(folder)
    assert problems == []
    assert counts["events"] == 0
    assert load(folder).execute("select count(*) from events").fetchone() == (0,)


def test_quoted_comma_and_line_break_load_intact(tmp_path):
    """A quoted cell with a comma and a line break loads as written, and later rows keep their line numbers."""
    note = "Dated from the report,\nsee the second paragraph."
    rows = minimal_tables()["strikes"]
    rows[0]["notes"] = note
    rows[1]["weapon"] = "drones"
    folder = write_folder(tmp_path, strikes=rows)
    assert where(validate(folder)[0]) == [("strikes.csv", 3, "weapon")]
    rows[1]["weapon"] = "drone"
    folder = write_folder(tmp_path, strikes=rows)
    con = load(folder)
    assert con.execute("select notes from strikes where strike_id = 'sumy'").fetchone() == (note,)


# --- types ------------------------------------------------------------------------------------


def test_load_gives_typed_columns(folder):
    """Dates load as DATE, counts as BIGINT, coordinates as DOUBLE and ;-lists as VARCHAR[]."""
    con = load(folder)
    types = {
        (table, row[0]): row[1]
        for table in ("strikes", "casualties", "truces", "truce_violations", "statements", "events", "actors", "sources")
        for row in con.execute(f"describe {table}").fetchall()
    }
    assert types[("strikes", "date")] == "DATE"
    assert types[("sources", "published_on")] == "DATE"
    assert types[("truces", "end_date")] == "DATE"
    assert types[("casualties", "reported_on")] == "DATE"
    assert types[("casualties", "killed")] == "BIGINT"
    assert types[("casualties", "injured")] == "BIGINT"
    assert types[("truce_violations", "count")] == "BIGINT"
    assert types[("strikes", "latitude")] == "DOUBLE"
    assert types[("strikes", "longitude")] == "DOUBLE"
    assert types[("actors", "aliases")] == "VARCHAR[]"
    assert types[("truce_violations", "categories")] == "VARCHAR[]"
    assert types[("statements", "topics")] == "VARCHAR[]"
    assert types[("events", "actors")] == "VARCHAR[]"
    assert con.execute("select categories from truce_violations where claim_id = 'easter-ru'").fetchone() == (
        ["drone attacks", "artillery attacks"],
    )


def test_text_columns_are_varchar_even_when_empty(tmp_path):
    """A text column with no values (strikes.notes here, every column of an empty events.csv) is still VARCHAR."""
    con = load(write_folder(tmp_path, events=[]))
    strikes = dict(con.execute("select column_name, column_type from (describe strikes)").fetchall())
    events = dict(con.execute("select column_name, column_type from (describe events)").fetchall())
    assert strikes["notes"] == "VARCHAR"
    assert strikes["oblast"] == "VARCHAR"
    assert events["event_id"] == "VARCHAR"


def test_count_too_big_for_the_database(tmp_path):
    """A count of 99999999999999999999 is reported by validate, not a crash in load."""
    folder = write_folder(tmp_path, **changed("casualties", 2, injured="99999999999999999999"))
    problem = only_problem(folder)
    assert where([problem]) == [("casualties.csv", 4, "injured")]
    with pytest.raises(DataError):
        load(folder)


@pytest.mark.parametrize(
    "table, index, cells, line, column",
    [
        ("casualties", 2, {"injured": "٣"}, 4, "injured"),
        ("strikes", 0, {"date": "２０２５-04-13"}, 2, "date"),
    ],
)
def test_non_ascii_digits_are_refused(tmp_path, table, index, cells, line, column):
    """Digits other than 0-9 (Arabic-Indic, full-width) are reported by validate, not a crash in load."""
    folder = write_folder(tmp_path, **changed(table, index, **cells))
    problems, _ = validate(folder)
    assert where(problems) == [(f"{table}.csv", line, column)]
    with pytest.raises(DataError):
        load(folder)


def test_white_space_is_what_python_strips():
    """Cells are trimmed and excerpts folded on exactly the characters Python counts as white space."""
    from conflictdesk.load import WHITESPACE

    assert sorted(WHITESPACE) == [chr(c) for c in range(0x110000) if chr(c).isspace()]


def test_cells_are_held_as_arrow_strings_not_python_objects(folder):
    """Every table is read into Arrow-backed string columns, not a Python object per cell (memory of big files)."""
    from conflictdesk.load import read_folder

    frames = read_folder(folder).frames
    assert set(frames) == {t.name for t in TABLES}
    for name, frame in frames.items():
        for column in frame.columns:
            assert frame[column].dtype == "str", (name, column, frame[column].dtype)
            assert frame[column].array.__arrow_array__().type in ("string", "large_string"), (name, column)


# --- invisible format characters in data text ---------------------------------------------------


@pytest.mark.parametrize(
    "char, name, kind",
    [
        ("\u202e", "RIGHT-TO-LEFT OVERRIDE", " bidirectional control"),
        ("\u2067", "RIGHT-TO-LEFT ISOLATE", " bidirectional control"),
        ("\u200f", "RIGHT-TO-LEFT MARK", " bidirectional control"),
        ("\u061c", "ARABIC LETTER MARK", " bidirectional control"),
        ("\u200b", "ZERO WIDTH SPACE", "n invisible character"),
        ("\u2060", "WORD JOINER", "n invisible character"),
        ("\u00ad", "SOFT HYPHEN", "n invisible character"),
        ("\ufeff", "ZERO WIDTH NO-BREAK SPACE", "n invisible character"),
    ],
)
def test_invisible_format_characters_are_named_at_their_place(tmp_path, char, name, kind):
    """A bidi control or zero-width character in a city name: file, line, column, position, U+ code, name, fix."""
    folder = write_folder(tmp_path, **changed("strikes", 1, city=f"Od{char}esa"))
    problem = only_problem(folder)
    assert where([problem]) == [("strikes.csv", 3, "city")]
    assert f"character 3 of the cell is U+{ord(char):04X} {name}, a{kind}" in problem.message
    assert "delete it" in problem.message
    assert problem.column_letter is not None


def test_invisible_characters_in_a_list_and_a_quote_are_found_too(tmp_path):
    """Lists and free-text columns (a quote, its notes) are checked; each cell is one problem."""
    tables = changed("actors", 0, aliases="Kremlin;\u200bMoscow") | changed("statements", 0, notes="said \u202e35 people")
    problems, _ = validate(write_folder(tmp_path, **tables))
    assert where(problems) == [("actors.csv", 2, "aliases"), ("statements.csv", 2, "notes")]
    assert "U+200B ZERO WIDTH SPACE" in problems[0].message
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in problems[1].message and "reverse the order" in problems[1].message


def test_visible_text_in_any_script_passes(tmp_path):
    """Cyrillic, accents, emoji and non-breaking spaces are text, not invisible format characters."""
    folder = write_folder(tmp_path, **changed("strikes", 1, notes="Одеса — Odesa\u00a0(Одеса) café 💥"))
    assert validate(folder)[0] == []
