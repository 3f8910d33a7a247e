"""The loader and the columns imports fill: absent columns read as empty, the publisher's window holds its day,
words for a blank figure only with a blank figure, UCDP's broken bounds load as given, and the import ledger."""

import csv

from conflictdesk.load import load, validate
from datafixtures import changed, write_folder
from conflictdesk.schema import TABLES


def drop_optional(folder) -> None:
    """Rewrite every file without the optional (import) columns, as a hand-made or older folder has them."""
    for table in TABLES:
        file = folder / table.file
        with file.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        names = [c.name for c in table.columns if not c.optional]
        with file.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=names, extrasaction="ignore", lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)


def problems_at(folder) -> list[tuple]:
    return [(p.file, p.line, p.column) for p in validate(folder)[0]]


def test_a_folder_without_the_import_columns_loads_them_empty(tmp_path):
    folder = write_folder(tmp_path)
    drop_optional(folder)
    assert "event_kind" not in (folder / "strikes.csv").read_text(encoding="utf-8").splitlines()[0]
    assert problems_at(folder) == []
    con = load(folder)
    assert con.execute("select count(*), count(event_kind), count(date_first) from strikes").fetchone() == (3, 0, 0)
    assert con.execute("select count(part_of) from actors").fetchone() == (0,)
    assert con.execute("select count(*) from imports").fetchone() == (0,)  # no ledger: an empty table


def test_the_day_lies_within_the_publishers_window(tmp_path):
    folder = write_folder(tmp_path, **changed("strikes", 0, date_first="2025-04-14", date_last="2025-04-20"))
    assert problems_at(folder) == [("strikes.csv", 2, "date")]
    assert "before date_first 2025-04-14" in validate(folder)[0][0].message
    folder = write_folder(tmp_path / "ok", **changed("strikes", 0, date_first="2025-04-10", date_last="2025-04-16"))
    assert problems_at(folder) == []


def test_blank_figure_words_only_for_a_blank_figure(tmp_path):
    words = "no fatalities reported (ACLED codes 0 for none and for unknown)"
    folder = write_folder(tmp_path, **changed("casualties", 0, killed_blank_phrase=words))
    assert problems_at(folder) == [("casualties.csv", 2, "killed_blank_phrase")]
    blank = changed("casualties", 0, killed="", killed_qualifier="", killed_phrase="", killed_blank_phrase=words)
    assert problems_at(write_folder(tmp_path / "ok", **blank)) == []


def test_broken_bounds_load_as_the_publisher_gives_them(tmp_path):
    """low <= best <= high is never enforced: UCDP's contradictions are shown, marked, not refused."""
    folder = write_folder(tmp_path, **changed("casualties", 0, killed_low="0", killed_high="0",
                                              source_inconsistency="best 35 is above high 0"))
    assert problems_at(folder) == []


def test_the_import_ledger_is_loaded_and_checked(tmp_path):
    folder = write_folder(tmp_path)
    (folder / "imports.csv").write_text(
        "source_id,file,imported_on,outcome,reason,rows,deaths,rows_with_deaths\n"
        "s1,GEDEvent_v24_1.csv,2026-11-29,imported,,2,408,2\n"
        "s1,GEDEvent_v24_1.csv,2026-11-29,left_out,located only to the country or at sea,38,5996,30\n",
        encoding="utf-8",
    )
    con = load(folder)
    assert con.execute("select outcome, rows, deaths from imports order by outcome").fetchall() == [
        ("imported", 2, 408), ("left_out", 38, 5996)]
    (folder / "imports.csv").write_text("source_id,file\ns1,x.csv\n", encoding="utf-8")
    assert problems_at(folder) == [("imports.csv", 1, None)]
