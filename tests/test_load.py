"""The loader: the bundled data validates, every rule of the contract catches its error, and load is all or nothing.

Lines count like a spreadsheet: the header is line 1, so row i of a fixture table is line i + 2.
"""

import csv
from pathlib import Path

import pytest

from datafixtures import SOURCE_TEXT, changed, minimal_tables, write_folder
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


def test_missing_file(folder):
    """A deleted CSV is named, with the columns it needs."""
    (folder / "truces.csv").unlink()
    problem = only_problem(folder)
    assert where([problem]) == [("truces.csv", None, None)]
    assert "missing" in problem.message
    assert "truce_id, name, declared_by" in problem.message


def test_zero_byte_file(folder):
    """An empty (0-byte) CSV is reported as empty, with the header it needs."""
    (folder / "events.csv").write_bytes(b"")
    problem = only_problem(folder)
    assert where([problem]) == [("events.csv", None, None)]
    assert "empty" in problem.message
    assert "event_id,date,date_precision,kind,title" in problem.message


def test_missing_column(folder):
    """A header without a contract column names the column on line 1."""
    rewrite_rows(folder / "strikes.csv", lambda rows: [row[: rows[0].index("notes")] + row[rows[0].index("notes") + 1 :] for row in rows])
    problem = only_problem(folder)
    assert where([problem]) == [("strikes.csv", 1, "notes")]
    assert "no column 'notes'" in problem.message


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


def test_extra_column_is_reported(folder):
    """A column the contract does not know is reported on line 1 with the columns it should have."""
    rewrite_rows(folder / "actors.csv", lambda rows: [row + ["x"] for row in rows])
    problem = only_problem(folder)
    assert where([problem]) == [("actors.csv", 1, "x")]
    assert "not a column of actors.csv" in problem.message
    assert "actor_id, name, actor_type, aliases" in problem.message


def test_duplicated_column(folder):
    """A column that appears twice in the header is reported at its second place."""
    rewrite_rows(folder / "actors.csv", lambda rows: [row + [row[1]] for row in rows])
    problem = only_problem(folder)
    assert where([problem]) == [("actors.csv", 1, "name")]
    assert problem.column_letter == "F"  # after actor_id, name, actor_type, aliases, part_of
    assert "appears twice" in problem.message


# --- rows that cannot be read -----------------------------------------------------------------


def test_ragged_row_names_its_line(folder):
    """A row with one value too many is reported at its line with both counts."""
    file = folder / "actors.csv"
    lines = file.read_text(encoding="utf-8").splitlines()
    lines[2] += ",extra"  # line 3: the ukraine row
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problem = only_problem(folder)
    assert where([problem]) == [("actors.csv", 3, None)]
    assert "6 values but the header has 5 columns" in problem.message


def test_unterminated_quote(folder):
    """A quote opened and never closed is reported at the line where it opens."""
    file = folder / "actors.csv"
    lines = file.read_text(encoding="utf-8").splitlines()
    lines[2] = 'ukraine,"Ukraine,state,Kyiv'
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problem = only_problem(folder)
    assert where([problem]) == [("actors.csv", 3, None)]
    assert "never closed" in problem.message


def test_windows_1252_file_says_how_to_save_as_utf8(folder):
    """A file saved as Windows-1252 is refused with the line of the bad byte and how to re-save as UTF-8."""
    file = folder / "actors.csv"
    text = file.read_text(encoding="utf-8").replace("Kremlin;Moscow", "Kremlin;Moscow’s government")
    file.write_bytes(text.encode("cp1252"))
    problem = only_problem(folder)
    assert where([problem]) == [("actors.csv", 2, None)]
    assert "not UTF-8" in problem.message
    assert "0x92" in problem.message
    assert "CSV UTF-8" in problem.message


# --- cells ------------------------------------------------------------------------------------


def test_required_cell_empty(tmp_path):
    """An empty required cell is reported at its line and column."""
    problem = only_problem(write_folder(tmp_path, **changed("strikes", 1, city="")))
    assert where([problem]) == [("strikes.csv", 3, "city")]
    assert problem.column_letter == "E"
    assert "empty but the column is required" in problem.message


def test_required_cell_of_blanks_only_counts_as_empty(tmp_path):
    """A required cell holding only spaces is as empty as a blank one."""
    problem = only_problem(write_folder(tmp_path, **changed("events", 0, title="   ")))
    assert where([problem]) == [("events.csv", 2, "title")]
    assert "required" in problem.message


def test_day_first_date(tmp_path):
    """A date written 13/04/2025 is refused with the YYYY-MM-DD form to use."""
    problem = only_problem(write_folder(tmp_path, **changed("strikes", 0, date="13/04/2025")))
    assert where([problem]) == [("strikes.csv", 2, "date")]
    assert "'13/04/2025' is not a date written YYYY-MM-DD" in problem.message


def test_impossible_date(tmp_path):
    """30 February is refused as not a real calendar date."""
    problem = only_problem(write_folder(tmp_path, **changed("statements", 2, date="2025-02-30")))
    assert where([problem]) == [("statements.csv", 4, "date")]
    assert "2025-02-30 is not a real calendar date" in problem.message


def test_truce_ending_before_it_starts(tmp_path):
    """A truce whose end_date is before its start_date is reported on the end_date cell."""
    problem = only_problem(write_folder(tmp_path, **changed("truces", 0, end_date="2025-04-19")))
    assert where([problem]) == [("truces.csv", 2, "end_date")]
    assert "before start_date 2025-04-20" in problem.message


def test_claim_period_ending_before_it_starts(tmp_path):
    """A violation claim whose period_end is before period_start is reported on period_end."""
    tables = changed("truce_violations", 1, period_start="2025-04-21", period_end="2025-04-20")
    problem = only_problem(write_folder(tmp_path, **tables))
    assert where([problem]) == [("truce_violations.csv", 3, "period_end")]
    assert "the end cannot come before the start" in problem.message


def test_negative_count(tmp_path):
    """A negative number of injured is refused."""
    problem = only_problem(write_folder(tmp_path, **changed("casualties", 2, injured="-3")))
    assert where([problem]) == [("casualties.csv", 4, "injured")]
    assert "negative" in problem.message


def test_fractional_count(tmp_path):
    """A count of 2.5 violations is refused as not a whole number."""
    problem = only_problem(write_folder(tmp_path, **changed("truce_violations", 0, count="2.5")))
    assert where([problem]) == [("truce_violations.csv", 2, "count")]
    assert "not a whole number" in problem.message


def test_count_in_words(tmp_path):
    """A count written in words asks for digits, with the words in the _phrase column."""
    problem = only_problem(write_folder(tmp_path, **changed("casualties", 2, injured="three")))
    assert where([problem]) == [("casualties.csv", 4, "injured")]
    assert "in digits" in problem.message


def test_number_and_qualifier_without_phrase(tmp_path):
    """A figure with a number and qualifier but no phrase asks for the source's own words."""
    problem = only_problem(write_folder(tmp_path, **changed("casualties", 0, killed_phrase="")))
    assert where([problem]) == [("casualties.csv", 2, "killed_phrase")]
    assert "source's own words" in problem.message


def test_number_without_qualifier(tmp_path):
    """A figure with a number but no qualifier asks how exact the source is."""
    problem = only_problem(write_folder(tmp_path, **changed("casualties", 0, killed_qualifier="")))
    assert where([problem]) == [("casualties.csv", 2, "killed_qualifier")]
    assert "no qualifier" in problem.message


def test_phrase_and_qualifier_without_number(tmp_path):
    """A qualifier and phrase with no number ask for the number as digits."""
    problem = only_problem(write_folder(tmp_path, **changed("truce_violations", 1, count="")))
    assert where([problem]) == [("truce_violations.csv", 3, "count")]
    assert "count is empty: give the number as digits" in problem.message


def test_unknown_choice_suggests_the_nearest(tmp_path):
    """A misspelt weapon is refused with the allowed values and 'did you mean'."""
    problem = only_problem(write_folder(tmp_path, **changed("strikes", 2, weapon="drones")))
    assert where([problem]) == [("strikes.csv", 4, "weapon")]
    assert "'drones' is not one of" in problem.message
    assert "did you mean 'drone'?" in problem.message


def test_duplicate_id_names_the_first_line(tmp_path):
    """A repeated id is reported on its second line and names the line where it first appears."""
    problem = only_problem(write_folder(tmp_path, **changed("statements", 3, statement_id="trump-1")))
    assert where([problem]) == [("statements.csv", 5, "statement_id")]
    assert "'trump-1' is used again (first on line 3)" in problem.message


def test_unknown_actor_suggests_the_nearest(tmp_path):
    """An attacker that is not in actors.csv is refused with 'did you mean'."""
    problem = only_problem(write_folder(tmp_path, **changed("strikes", 0, attacker="rusia")))
    assert where([problem]) == [("strikes.csv", 2, "attacker")]
    assert "'rusia' is not a actor_id in actors.csv" in problem.message
    assert "did you mean 'russia'?" in problem.message


def test_unknown_actor_in_a_list(tmp_path):
    """An item of an actors list that is not in actors.csv is named."""
    problem = only_problem(write_folder(tmp_path, **changed("events", 1, actors="ukraine;usa")))
    assert where([problem]) == [("events.csv", 3, "actors")]
    assert "'usa' is not a actor_id in actors.csv" in problem.message


def test_unknown_strike(tmp_path):
    """A casualty report for a strike that does not exist is refused."""
    problem = only_problem(write_folder(tmp_path, **changed("casualties", 2, strike_id="odessa")))
    assert where([problem]) == [("casualties.csv", 4, "strike_id")]
    assert "'odessa' is not a strike_id in strikes.csv" in problem.message
    assert "did you mean 'odesa'?" in problem.message


def test_latitude_out_of_range(tmp_path):
    """A latitude of 91 is refused as outside -90 to 90."""
    problem = only_problem(write_folder(tmp_path, **changed("strikes", 0, latitude="91")))
    assert where([problem]) == [("strikes.csv", 2, "latitude")]
    assert "91 is outside the range -90 to 90" in problem.message


def test_swapped_coordinates(tmp_path):
    """Sumy given as latitude 34.8, longitude 50.9 is flagged as a likely swap."""
    tables = changed("strikes", 0, latitude="34.7981", longitude="50.9077")
    problem = only_problem(write_folder(tmp_path, **tables))
    assert where([problem]) == [("strikes.csv", 2, "latitude")]
    assert "swap" in problem.message


def test_excerpt_not_in_source(tmp_path):
    """An excerpt that is not word for word in the source text is refused."""
    tables = changed("statements", 2, excerpt='Putin said "peace is very welcome".')
    problem = only_problem(write_folder(tmp_path, **tables))
    assert where([problem]) == [("statements.csv", 4, "excerpt")]
    assert "not found word for word in the text of source 's1'" in problem.message


def test_excerpt_across_a_line_break_matches(tmp_path):
    """An excerpt that spans a line break of the source text is found (white space is folded)."""
    tables = changed("strikes", 0, excerpt="killing 35 people and injuring over 100. Russian drones hit Odesa")
    assert validate(write_folder(tmp_path, **tables))[0] == []


def test_source_text_outside_the_folder(tmp_path):
    """A text_file path that climbs out of the data folder is refused."""
    (tmp_path / "x.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    problem = only_problem(write_folder(tmp_path, **changed("sources", 0, text_file="../x.txt")))
    assert where([problem]) == [("sources.csv", 2, "text_file")]
    assert "outside the data folder" in problem.message


def test_source_text_missing(tmp_path):
    """A text_file that does not exist is reported."""
    problem = only_problem(write_folder(tmp_path, **changed("sources", 0, text_file="sources/s2.txt")))
    assert where([problem]) == [("sources.csv", 2, "text_file")]
    assert "does not exist" in problem.message


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
