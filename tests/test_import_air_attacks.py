"""Daily air-attack imports: small files written here from the format in event-data-formats.md (float counts,
non-zero-padded hours, Python-dict text with NaN, combined model labels, reconnaissance drones, national and
regional commands, exact and near duplicates, month-first re-saves, Cyrillic and invisible characters), imported
with `python -m conflictdesk import air-attacks` and read back; and the contract's checks of air_attacks.csv."""

import csv
import shutil
from pathlib import Path

import pytest

from conflictdesk.__main__ import main
from conflictdesk.importers.air_models import family
from conflictdesk.load import validate
from conflictdesk.schema import TABLES

ROOT = Path(__file__).resolve().parents[1]
COLUMNS = (
    "time_start,time_end,model,launch_place,target,target_main,carrier,launched,destroyed,not_reach_goal,"
    "still_attacking,border_crossing,is_shahed,num_hit_location,num_fall_fragment_location,turbojet,"
    "turbojet_destroyed,affected region,destroyed_details,launch_place_details,source"
).split(",")


def attack(**changes) -> dict:
    """One row of the file: a night of Shahed drones reported by the Air Force."""
    row = dict.fromkeys(COLUMNS, "")
    row |= {
        "time_start": "2024-02-09 18:00",
        "time_end": "2024-02-10 8:00",
        "model": "Shahed-136/131",
        "launch_place": "Primorsko-Akhtarsk and Kursk oblast",
        "target": "Ukraine",
        "launched": "93.0",
        "destroyed": "80.0",
        "not_reach_goal": "5.0",
        "is_shahed": "1.0",
        "affected region": "{'Kyiv oblast': 3.0, 'Odesa oblast': NaN}",
        "source": "kpszsu/posts/pfbid0123",
    }
    return row | changes


def write(tmp_path: Path, rows: list[dict], name: str = "missile_attacks_daily.csv", **options) -> Path:
    file = tmp_path / name
    with file.open("w", encoding=options.get("encoding", "utf-8"), newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator=options.get("end", "\n"))
        writer.writeheader()
        writer.writerows(rows)
    return file


def read(folder: Path, table: str) -> list[dict]:
    with (folder / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def run(capsys, *args) -> tuple[int, str]:
    code = main(["import", "air-attacks", *map(str, args)])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_a_night_becomes_a_report_with_whole_counts_padded_hours_and_the_air_force_as_claimant(tmp_path, capsys):
    """93.0 is 93 (the phrase keeps the file's cell), 8:00 is 08:00, an empty not-reached stays empty (not 0),
    the dict text is read as data into notes, and the claimant is the Air Force."""
    out = tmp_path / "out"
    code, report = run(capsys, write(tmp_path, [attack(), attack(model="Kalibr", launched="6", destroyed="6.0", not_reach_goal="")]), "--out", out)
    assert code == 0, report
    first, second = read(out, "air_attacks")
    assert (first["period_start"], first["period_end"], first["reported_on"]) == ("2024-02-09 18:00", "2024-02-10 08:00", "2024-02-10")
    assert (first["launched"], first["launched_qualifier"], first["launched_phrase"]) == ("93", "exact", "93 (launched 93.0)")
    assert (first["destroyed"], first["not_reached"], first["weapon"], first["target_area"]) == ("80", "5", "drone", "Ukraine")
    assert "affected region: Kyiv oblast 3." in first["notes"]
    assert (second["launched_phrase"], second["not_reached"], second["not_reached_qualifier"]) == ("6", "", "")
    assert first["claimant"] == second["claimant"] == "ukraine-air-force"
    assert read(out, "actors") == [
        {"actor_id": "ukraine-air-force", "name": "Air Force of the Armed Forces of Ukraine", "actor_type": "official_body", "aliases": "", "part_of": ""}
    ]
    assert "--compiler" in report
    assert validate(out)[0] == []


def test_a_date_without_an_hour_stays_a_date(tmp_path, capsys):
    """The file gives only days: no hour is invented."""
    out = tmp_path / "out"
    run(capsys, write(tmp_path, [attack(time_start="2024-02-09", time_end="2024-02-10")]), "--out", out)
    [row] = read(out, "air_attacks")
    assert (row["period_start"], row["period_end"]) == ("2024-02-09", "2024-02-10")


def test_regional_commands_and_unnamed_sources_are_separate_claimants(tmp_path, capsys):
    """A regional command's post and a row with no post are never filed under the Air Force."""
    rows = [
        attack(),
        attack(source="https://www.facebook.com/PvKPivden/posts/555", launched="30.0", destroyed="25.0", target="south"),
        attack(source="", launched="12.0"),
    ]
    out = tmp_path / "out"
    run(capsys, write(tmp_path, rows), "--out", out)
    assert [r["claimant"] for r in read(out, "air_attacks")] == [
        "ukraine-air-force", "command-pvkpivden", "ukraine-air-force-command-not-named",
    ]  # fmt: skip
    names = {a["actor_id"]: a["name"] for a in read(out, "actors")}
    assert names["command-pvkpivden"] == "PvKPivden"  # the page's own handle, never a template around it


@pytest.mark.parametrize(
    "label, expected",
    [
        ("Shahed-136/131", "drone"),
        ("Шахед-136", "drone"),
        ("Orlan-10", "recon_drone"),
        ("ZALA", "recon_drone"),
        ("Supercam", "recon_drone"),
        ("X-101/X-555 and Kalibr", "cruise_missile"),
        ("Х-101 та Калібр", "cruise_missile"),
        ("Iskander-M/KN-23", "ballistic_missile"),
        ("Iskander-M and X-59", "missile"),
        ("Shahed-136/131 and Orlan-10", "unknown"),
        ("Shahed-136/131 and Kalibr", "unknown"),
        ("UAV", "unknown"),
        ("Reconnaissance UAV", "recon_drone"),
        ("S-300", "missile"),
        ("Something new", "unknown"),
    ],
)
def test_weapon_family_is_given_only_where_the_label_is_unambiguous(label, expected):
    assert family(label)[0] == expected


def test_exact_near_and_conflicting_repeats_are_skipped_with_their_reasons(tmp_path, capsys):
    """The first of each is kept; an exact copy, a copy written differently (padded hour, 93 for 93.0, a trailing
    space and a zero-width space in the model) and a copy with other counts are skipped, each with the line kept."""
    rows = [
        attack(),
        attack(),
        attack(time_end="2024-02-10 08:00", model="Shahed-136/131\u200b ", launched="93", destroyed="80", not_reach_goal="5", source="kpszsu/posts/other"),
        attack(launched="95.0"),
    ]
    code, report = run(capsys, write(tmp_path, rows), "--out", tmp_path / "out")
    assert code == 0, report
    assert len(read(tmp_path / "out", "air_attacks")) == 1
    assert "Rows read: 4. Written: 1 air-attack report. Skipped: 3." in report
    assert "line 3: repeats line 2 exactly" in report
    assert "line 4: repeats line 2: same command, period, model and counts" in report
    assert "line 5: same command, period and model as line 2 but other counts (launched 93 vs 95)" in report


def test_overlapping_periods_of_one_command_are_deduplicated_or_flagged(tmp_path, capsys):
    """The same counts over an overlapping period are one report entered twice; other counts are kept with a
    warning; consecutive nights given only as days, with equal counts, are two nights."""
    rows = [
        attack(),
        attack(time_start="2024-02-09 19:00", time_end="2024-02-10 07:30"),
        attack(time_start="2024-02-10 05:00", time_end="2024-02-10 09:00", launched="10.0", destroyed="9.0"),
        attack(model="Kalibr", time_start="2024-03-01", time_end="2024-03-02", launched="4.0", destroyed="4.0"),
        attack(model="Kalibr", time_start="2024-03-02", time_end="2024-03-03", launched="4.0", destroyed="4.0"),
    ]
    code, report = run(capsys, write(tmp_path, rows), "--out", tmp_path / "out")
    assert code == 0, report
    assert len(read(tmp_path / "out", "air_attacks")) == 4
    assert "line 3: repeats line 2: same command, overlapping period, model and counts" in report
    assert "line 4: the period overlaps line 2 (same command and model, other counts: launched 93 vs 10;" in report


def test_month_first_resaves_and_malformed_periods(tmp_path, capsys):
    """A US-locale re-save '2/10/2024 8:00 AM' reads month-first; an end before the start or no end is skipped."""
    rows = [
        attack(time_start="2/9/2024 6:00 PM", time_end="2/10/2024 8:00 AM"),
        attack(model="Kalibr", time_end="2024-02-08 06:00"),
        attack(model="X-59", time_end=""),
    ]
    code, report = run(capsys, write(tmp_path, rows, end="\r\n"), "--out", tmp_path / "out")
    assert code == 0, report
    [row] = read(tmp_path / "out", "air_attacks")
    assert (row["period_start"], row["period_end"]) == ("2024-02-09 18:00", "2024-02-10 08:00")
    assert "1 bad period" in report and "1 no period end" in report
    assert "; numeric dates read month-first." in report
    code, report = run(capsys, write(tmp_path, [attack()], name="iso.csv"), "--out", tmp_path / "iso")
    assert code == 0 and "numeric dates" not in report, report  # the file's own 2024-02-09 18:00 has no order to read


def test_dict_text_is_never_executed(tmp_path, capsys):
    """A details cell holding code is kept as text in notes and does nothing."""
    marker = tmp_path / "pwned"
    code_text = f"__import__('os').system('touch {marker}')"
    code, report = run(capsys, write(tmp_path, [attack(border_crossing=code_text)]), "--out", tmp_path / "out")
    assert code == 0, report
    assert not marker.exists()
    assert code_text in read(tmp_path / "out", "air_attacks")[0]["notes"]


def test_merge_keeps_the_folder_byte_for_byte_and_a_reimport_replaces_its_rows(tmp_path, capsys):
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder)
    before = {t.file: (folder / t.file).read_bytes() for t in TABLES if t.name not in ("sources", "actors")}
    file = write(tmp_path, [attack(), attack(model="Orlan-10", launched="2.0", destroyed="2.0")])
    for _ in range(2):
        code, report = run(capsys, file, "--out", folder, "--merge", "--compiler", "Test compiler")
        assert code == 0, report
    assert {name: (folder / name).read_bytes() for name in before} == before
    assert [r["weapon"] for r in read(folder, "air_attacks")] == ["drone", "recon_drone"]
    assert [s["publisher"] for s in read(folder, "sources")].count("Test compiler") == 1
    assert validate(folder)[0] == []


def test_a_file_in_another_layout_is_refused(tmp_path, capsys):
    file = tmp_path / "acled.csv"
    file.write_text("event_id_cnty,event_date,notes\nUKR1,2025-04-13,x\n", encoding="utf-8")
    code, report = run(capsys, file, "--out", tmp_path / "out")
    assert code == 2 and "is not the daily air-attack file" in report and not (tmp_path / "out").exists()


def test_the_contract_checks_date_times_spans_and_figures(tmp_path, capsys):
    """air_attacks.csv is validated like every table: a 7:00 hour, an impossible day, an end before its start and a
    figure with no phrase are each reported at their line and column."""
    out = tmp_path / "out"
    run(capsys, write(tmp_path, [attack()]), "--out", out)
    text = (out / "air_attacks.csv").read_text(encoding="utf-8")
    header, row = text.splitlines()[:2]
    broken = [
        row.replace("2024-02-09 18:00", "2024-02-09 7:00", 1),
        row.replace("2024-02-10 08:00", "2024-02-30 08:00", 1).replace("aa-", "ab-", 1),
        row.replace("2024-02-09 18:00", "2024-02-10 09:00", 1).replace("aa-", "ac-", 1),
        row.replace("93 (launched 93.0)", "", 1).replace("aa-", "ad-", 1),
    ]
    (out / "air_attacks.csv").write_text("\n".join([header, *broken]) + "\n", encoding="utf-8")
    messages = [str(p) for p in validate(out)[0]]
    assert any("line 2, column period_start" in m and "YYYY-MM-DD HH:MM" in m for m in messages)
    assert any("line 3, column period_end" in m and "not a real calendar date" in m for m in messages)
    assert any("line 4, column period_end" in m and "before period_start" in m for m in messages)
    assert any("line 5, column launched_phrase" in m for m in messages)
    assert len(messages) == 4, messages


def test_the_import_ledger_records_what_was_imported_and_left_out(tmp_path, capsys):
    """imports.csv holds one row per outcome and reason, as ACLED's and UCDP's imports write it: the report imported,
    the exact copy superseded by the row kept, the row with no period end left out; no death figure is made up."""
    rows = [attack(), attack(), attack(time_end="", source="pivden/posts/1")]
    out = tmp_path / "out"
    code, report = run(capsys, write(tmp_path, rows), "--out", out)
    assert code == 0, report
    assert "0 deaths" not in report
    # The summary names the file's publisher as the source row does (no compiler given: the file itself).
    assert "The air-attack file gives no death figures" in report and "Air-attack gives" not in report
    ledger = [(r["outcome"], r["reason"], r["rows"], r["deaths"]) for r in read(out, "imports")]
    assert ledger == [("imported", "", "1", ""), ("superseded", "exact duplicate", "1", ""),
                      ("left_out", "no period end", "1", "")]
    source = [s for s in read(out, "sources") if s["source_id"].startswith("air-attacks-file-")][0]
    assert (source["left_out_rows"], source["left_out_deaths"]) == ("1", "")
