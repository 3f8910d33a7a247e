"""Bellingcat civilian-harm imports: small exports written here from the format in event-data-formats.md (month-first
dates, string coordinates, trailing line breaks, HIDDEN graphic sources, reused ids, points abroad and at 0,0,
Cyrillic and invisible characters), imported with `python -m conflictdesk import bellingcat` and read back."""

import csv
import json
import shutil
from pathlib import Path

import pytest

from conflictdesk.__main__ import main
from conflictdesk.load import validate
from conflictdesk.schema import TABLES

ROOT = Path(__file__).resolve().parents[1]


def incident(**changes) -> dict:
    """One item of the export: a strike on a residential block in Chuhuiv."""
    item = {
        "id": "CIV0098",
        "date": "03/13/2022",
        "latitude": "49.85005",
        "longitude": "36.659031",
        "location": "Chuhuiv, south of Kharkiv\n\n",
        "description": "Apartment block hit; 12 people reported killed. Crater is very large.",
        "sources": [
            {"id": "s1", "path": "https://twitter.com/example/status/1", "description": "Video of the damage"},
            {"id": "s2", "path": "HIDDEN", "description": "Graphic footage"},
            {"id": "s3", "path": "javascript:alert(1)", "description": "not a link"},
        ],
        "filters": [
            {"key": "Type of area affected", "value": "Residential"},
            {"key": "Type of area affected", "value": "School or childcare"},
            {"key": "Weapon System", "value": "Cluster munitions"},
        ],
    }
    return item | changes


def export(tmp_path: Path, items: list, name: str = "civharm.json") -> Path:
    file = tmp_path / name
    file.write_text(json.dumps(items, ensure_ascii=False, indent=2), encoding="utf-8")
    return file


def read(folder: Path, table: str) -> list[dict]:
    with (folder / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def run(capsys, *args) -> tuple[int, str]:
    code = main(["import", "bellingcat", *map(str, args)])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_an_incident_is_located_as_bellingcat_locates_it_with_no_attacker_and_no_figures(tmp_path, capsys):
    """The incident keeps Bellingcat's place, point, area types, weapon and words; web links only; the hidden
    source is counted, never linked; no strike or toll is made, and no number is read from the description."""
    out = tmp_path / "out"
    code, report = run(capsys, export(tmp_path, [incident()]), "--out", out)
    assert code == 0, report
    assert "Written: 1 incident." in report
    [row] = read(out, "incidents")
    assert row["incident_id"] == "bellingcat-CIV0098"
    assert (row["date"], row["date_precision"]) == ("2022-03-13", "day")
    assert row["place"] == "Chuhuiv, south of Kharkiv"
    assert (row["latitude"], row["longitude"], row["geo_precision"]) == ("49.85005", "36.659031", "city")
    assert row["area_types"] == "Residential;School or childcare"
    assert row["weapon_systems"] == "Cluster munitions"
    assert row["links"] == "https://twitter.com/example/status/1"
    assert row["hidden_sources"] == "1"
    assert row["excerpt"] == incident()["description"]
    assert read(out, "strikes") == [] and read(out, "casualties") == []
    [source] = read(out, "sources")
    assert (source["publisher"], source["url"]) == ("Bellingcat", "https://ukraine.bellingcat.com/")
    assert "Credit: Bellingcat, Civilian Harm in Ukraine" in source["notes"]
    assert validate(out)[0] == []


def test_a_content_warning_is_kept_and_comes_before_the_text(tmp_path, capsys):
    """'[Graphic content]' is its own column and still opens the excerpt, so it is shown before the text."""
    out = tmp_path / "out"
    text = "[Graphic content] [Warning: bodies visible] Two civilians lie in the street."
    run(capsys, export(tmp_path, [incident(description=text)]), "--out", out)
    [row] = read(out, "incidents")
    assert row["content_warning"] == "[Graphic content] [Warning: bodies visible]"
    assert row["excerpt"] == text


def test_sexual_violence_is_left_out_by_default_counted_and_imported_on_request(tmp_path, capsys):
    """An item marked as sexual violence is skipped with its reason (in the summary and the source's notes)
    unless --include-sexual-violence is given."""
    items = [incident(), incident(id="CIV0200", description="[Graphic: sexual violence] Testimony.")]
    file = export(tmp_path, items)
    code, report = run(capsys, file, "--out", tmp_path / "a")
    assert code == 0
    assert "1 marked as sexual violence" in report and "--include-sexual-violence" in report
    assert [r["incident_id"] for r in read(tmp_path / "a", "incidents")] == ["bellingcat-CIV0098"]
    assert "1 marked as sexual violence" in read(tmp_path / "a", "sources")[0]["notes"]
    run(capsys, file, "--out", tmp_path / "b", "--include-sexual-violence")
    assert len(read(tmp_path / "b", "incidents")) == 2


def test_dates_are_month_first_and_a_day_first_date_is_skipped_with_the_fix(tmp_path, capsys):
    """04/05/2022 is 5 April (the export is month-first); 13/03/2022 cannot be, and the summary says how to fix it."""
    items = [incident(date="04/05/2022"), incident(id="CIV0099", date="13/03/2022")]
    code, report = run(capsys, export(tmp_path, items), "--out", tmp_path / "out")
    assert code == 0
    assert [r["date"] for r in read(tmp_path / "out", "incidents")] == ["2022-04-05"]
    assert "1 bad date" in report and "--date-order day-first" in report


def test_reused_ids_abroad_and_zero_points_are_warned_or_skipped_with_their_lines(tmp_path, capsys):
    """A reused id for another incident gets a distinct id and a warning; an exact repeat, a point in Poland and
    the point 0,0 are skipped, each with its line and reason, and so is Belgorod, inside Russia though within
    Ukraine's extent; Snake Island, off the coast, is kept with a warning. Nothing disappears silently."""
    first = incident()
    items = [
        first,
        incident(date="03/20/2022", description="Another incident under the same id.", latitude="50.45", longitude="30.52"),
        first,
        incident(id="CIV0300", latitude="52.2297", longitude="21.0122"),
        incident(id="CIV0301", latitude="0", longitude="0.0"),
        incident(id="CIV0302", latitude="50.595", longitude="36.587"),
        incident(id="CIV0303", latitude="45.255", longitude="30.204"),
    ]
    code, report = run(capsys, export(tmp_path, items), "--out", tmp_path / "out")
    assert code == 0, report
    ids = [r["incident_id"] for r in read(tmp_path / "out", "incidents")]
    assert ids == ["bellingcat-CIV0098", "bellingcat-CIV0098-2022-03-20", "bellingcat-CIV0303"]
    assert "Rows read: 7. Written: 3 incidents. Skipped: 4." in report
    assert "lies in Russia, 37 km from Ukraine's border" in report
    assert "40 km outside Ukraine's outline (at sea); imported" in report
    for reason in ("1 repeated incident", "2 coordinates outside Ukraine", "1 no location (0,0)"):
        assert reason in report
    lines = [line for line in report.splitlines() if line.startswith("  item ")]
    assert any(line.startswith("  item 2 ") and "the id CIV0098 is also used by item 1" in line for line in lines)
    assert any(line.startswith("  item 3 ") and "repeats item 1 exactly" in line for line in lines)


def test_a_one_line_export_names_each_skipped_item_by_its_place_in_the_list(tmp_path, capsys):
    """A minified export is one line of text: a skipped item is named by its number, not by "line 1" alone."""
    file = tmp_path / "min.json"
    file.write_text(json.dumps([incident(), incident(id="CIV0301", latitude="0", longitude="0")]), encoding="utf-8")
    code, report = run(capsys, file, "--out", tmp_path / "out")
    assert code == 0, report
    assert "  item 2 (text line 1): " in report


def test_cyrillic_and_invisible_characters(tmp_path, capsys):
    """Zero-width spaces and byte-order marks around ids and coordinates are not part of them; Cyrillic text is kept."""
    item = incident(id="\u200bCIV0400\ufeff", latitude=" 50.4501\u200b", longitude="30.5234\u200e",
                    location="Київ, Оболонь\r\n", description="Пошкоджено житловий будинок.")  # fmt: skip
    file = tmp_path / "bom.json"
    file.write_bytes(b"\xef\xbb\xbf" + json.dumps([item], ensure_ascii=False).encode("utf-8"))
    code, report = run(capsys, file, "--out", tmp_path / "out")
    assert code == 0, report
    [row] = read(tmp_path / "out", "incidents")
    assert (row["incident_id"], row["latitude"], row["longitude"]) == ("bellingcat-CIV0400", "50.4501", "30.5234")
    assert (row["place"], row["excerpt"]) == ("Київ, Оболонь", "Пошкоджено житловий будинок.")


def test_broken_json_is_refused_with_its_line_and_nothing_is_written(tmp_path, capsys):
    file = tmp_path / "cut.json"
    file.write_text('[\n  {"id": "CIV0001", "date": "03/01/2022",\n  "latitude": "50.1"\n', encoding="utf-8")
    code, report = run(capsys, file, "--out", tmp_path / "out")
    assert code == 1
    assert "not valid JSON at line 4" in report
    assert not (tmp_path / "out").exists()


def test_merge_keeps_the_folder_byte_for_byte_and_a_reimport_replaces_its_rows(tmp_path, capsys):
    """Merged into the bundled data, every existing file is unchanged; importing the file again replaces, not doubles."""
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder)
    before = {t.file: (folder / t.file).read_bytes() for t in TABLES if t.name != "sources"}
    file = export(tmp_path, [incident(), incident(id="CIV0099", date="03/14/2022")])
    for _ in range(2):
        code, report = run(capsys, file, "--out", folder, "--merge")
        assert code == 0, report
    assert {name: (folder / name).read_bytes() for name in before} == before
    assert len(read(folder, "incidents")) == 2
    assert [s["publisher"] for s in read(folder, "sources")].count("Bellingcat") == 1
    assert validate(folder)[0] == []


def test_merge_into_the_bundled_data_keeps_the_source_rows_credit_and_what_was_left_out(tmp_path, capsys):
    """The bundled sources.csv has no import columns: the merge adds the ones the Bellingcat row fills (its credit
    line, the rows left out), the curated rows' new cells stay empty, and the folder stays valid."""
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder)
    assert "credit" not in (folder / "sources.csv").read_text(encoding="utf-8").splitlines()[0]
    file = export(tmp_path, [incident(), incident(id="CIV0301", latitude="0", longitude="0")])
    code, report = run(capsys, file, "--out", folder, "--merge")
    assert code == 0, report
    sources = read(folder, "sources")
    [mine] = [s for s in sources if s["publisher"] == "Bellingcat"]
    assert "Bellingcat" in mine["credit"] and len(mine["credit"]) > len("Bellingcat")
    assert (mine["left_out_rows"], mine.get("left_out_deaths") or "") == ("1", "")  # no death figure: not 0
    assert all(s["credit"] == "" and s["left_out_rows"] == "" for s in sources if s is not mine)
    assert validate(folder)[0] == []


@pytest.mark.parametrize("body", ['{"events": []}', '"CIV0001"'])
def test_a_file_that_is_not_a_list_of_incidents_is_refused(tmp_path, capsys, body):
    file = tmp_path / "x.json"
    file.write_text(body, encoding="utf-8")
    code, report = run(capsys, file, "--out", tmp_path / "out")
    assert code == 2 and "JSON list of incidents" in report


def test_the_contract_checks_incidents_like_strikes(tmp_path, capsys):
    """incidents.csv is validated like every table: swapped coordinates and an unknown precision are reported at
    their line and column."""
    out = tmp_path / "out"
    run(capsys, export(tmp_path, [incident()]), "--out", out)
    text = (out / "incidents.csv").read_text(encoding="utf-8")
    header, row = text.splitlines()[:2]
    broken = row.replace("49.85005,36.659031,city", "36.659031,49.85005,town", 1)
    (out / "incidents.csv").write_text(f"{header}\n{broken}\n", encoding="utf-8")
    messages = [str(p) for p in validate(out)[0]]
    assert any("line 2, column latitude" in m and "did you swap latitude and longitude" in m for m in messages)
    assert any("line 2, column geo_precision" in m and "'town' is not one of" in m for m in messages)
    assert len(messages) == 2, messages


def test_skipped_incidents_hold_no_death_figure_and_are_written_to_the_import_ledger(tmp_path, capsys):
    """Bellingcat gives no toll, so the summary never says "0 deaths" for what it skipped (silence is not zero), and
    the import ledger (imports.csv) records what was imported and each reason something was left out, like ACLED's
    and UCDP's imports; the source row says how many rows were left out, with no death figure."""
    items = [incident(), incident(id="CIV0301", latitude="0", longitude="0"), incident()]
    out = tmp_path / "out"
    code, report = run(capsys, export(tmp_path, items), "--out", out)
    assert code == 0, report
    assert "0 deaths" not in report
    assert "Left out: 1 row (no location (0,0): 1 row); Bellingcat gives no death figures." in report
    ledger = [(r["outcome"], r["reason"], r["rows"], r["deaths"]) for r in read(out, "imports")]
    assert ledger == [("imported", "", "1", ""), ("left_out", "no location (0,0)", "1", ""),
                      ("superseded", "repeated incident", "1", "")]
    [source] = read(out, "sources")
    assert (source["left_out_rows"], source["left_out_deaths"]) == ("1", "")
    assert validate(out)[0] == []
