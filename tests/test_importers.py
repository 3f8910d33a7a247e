"""ACLED and UCDP imports: small exports written here from the codebooks' column layouts, imported with
`python -m conflictdesk import ...` (in process), and the resulting data folder read back as a user would."""

import csv
import io
import shutil
from pathlib import Path

import pytest

from conflictdesk.__main__ import main
from conflictdesk.importers import run_import
from conflictdesk.load import validate
from conflictdesk.schema import TABLES

ROOT = Path(__file__).resolve().parents[1]

ACLED_COLUMNS = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,"
    "inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,"
    "location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp"
).split(",")

UCDP_COLUMNS = (
    "id,relid,year,active_year,code_status,type_of_violence,conflict_dset_id,conflict_new_id,conflict_name,"
    "dyad_dset_id,dyad_new_id,dyad_name,side_a_dset_id,side_a_new_id,side_a,side_b_dset_id,side_b_new_id,side_b,"
    "number_of_sources,source_article,source_office,source_date,source_headline,source_original,where_prec,"
    "where_coordinates,where_description,adm_1,adm_2,latitude,longitude,geom_wkt,priogrid_gid,country,country_id,"
    "region,event_clarity,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,"
    "high,low,gwnoa,gwnob"
).split(",")

SUMY_NOTES = (
    'On 13 April 2025, Russian forces struck the centre of Sumy with two ballistic missiles during Palm Sunday, '
    'killing 35 people and injuring over 100; the regional administration called it "a deliberate strike".'
)


def acled(**changes) -> dict:
    """One ACLED row: a missile strike on Sumy, as the 2023+ export writes it."""
    row = {
        "event_id_cnty": "UKR1001",
        "event_date": "2025-04-13",
        "year": "2025",
        "time_precision": "1",
        "disorder_type": "Political violence",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack",
        "actor1": "Military Forces of Russia (2000-)",
        "assoc_actor_1": "",
        "inter1": "State forces",
        "actor2": "Civilians (Ukraine)",
        "assoc_actor_2": "",
        "inter2": "Civilians",
        "interaction": "State forces-Civilians",
        "civilian_targeting": "Civilian targeting",
        "iso": "804",
        "region": "Europe",
        "country": "Ukraine",
        "admin1": "Sumy",
        "admin2": "Sumy",
        "admin3": "Sumska",
        "location": "Sumy",
        "latitude": "50.9077",
        "longitude": "34.7981",
        "geo_precision": "1",
        "source": "Suspilne; Ukrainska Pravda",
        "source_scale": "National",
        "notes": SUMY_NOTES,
        "fatalities": "35",
        "tags": "",
        "timestamp": "1745366400",  # 2025-04-23 UTC
    }
    return row | changes


def ucdp(**changes) -> dict:
    """One UCDP GED row: a state-based event in Kharkiv, as the official CSV writes it."""
    row = dict.fromkeys(UCDP_COLUMNS, "")
    row |= {
        "id": "501234",
        "relid": "UKR-2025-1-999-1",
        "year": "2025",
        "type_of_violence": "1",
        "conflict_name": "Russia - Ukraine",
        "dyad_name": "Government of Russia (Soviet Union) - Government of Ukraine",
        "side_a": "Government of Russia (Soviet Union)",
        "side_b": "Government of Ukraine",
        "number_of_sources": "2",
        "source_office": "Ukrinform;Reuters",
        "source_date": "2025-04-13;2025-04-14",
        "source_headline": "Russian strike on Kharkiv kills 12;Kharkiv: death toll rises",
        "where_prec": "1",
        "where_coordinates": "Kharkiv town",
        "where_description": "Kharkiv city",
        "adm_1": "Kharkiv oblast",
        "adm_2": "Kharkiv raion",
        "latitude": "49.9935",
        "longitude": "36.2304",
        "country": "Ukraine",
        "country_id": "369",
        "region": "Europe",
        "date_prec": "1",
        "date_start": "2025-04-13",
        "date_end": "2025-04-13",
        "deaths_a": "0",
        "deaths_b": "0",
        "deaths_civilians": "12",
        "deaths_unknown": "0",
        "best": "12",
        "high": "15",
        "low": "10",
        "gwnoa": "365",
        "gwnob": "369",
    }
    return row | changes


def write_export(path: Path, columns, rows, *, encoding="utf-8", delimiter=",", terminator="\r\n", prefix="") -> Path:
    """Write an export with the csv module (Excel's quoting and CRLF line endings by default)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=terminator)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(name, "") for name in columns])
    path.write_bytes((prefix + buffer.getvalue()).encode(encoding))
    return path


def run(*args) -> tuple[int, str, str]:
    """`python -m conflictdesk ARGS`, in process: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    from contextlib import redirect_stderr, redirect_stdout

    with redirect_stdout(out), redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, out.getvalue(), err.getvalue()


def rows(folder: Path, table: str) -> list[dict]:
    with (folder / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def one(folder: Path, table: str) -> dict:
    found = rows(folder, table)
    assert len(found) == 1, found
    return found[0]


def import_acled(tmp_path: Path, export_rows, *extra, name="acled.csv", out="out", **options):
    file = write_export(tmp_path / name, ACLED_COLUMNS, export_rows, **options)
    return (*run("import", "acled", file, "--out", tmp_path / out, *extra), tmp_path / out)


def import_ucdp(tmp_path: Path, export_rows, *extra, name="GEDEvent_v24_1.csv", out="out", **options):
    file = write_export(tmp_path / name, UCDP_COLUMNS, export_rows, **options)
    return (*run("import", "ucdp", file, "--out", tmp_path / out, *extra), tmp_path / out)


def assert_valid(folder: Path) -> None:
    problems, _ = validate(folder)
    assert problems == [], "\n".join(map(str, problems))


# --- ACLED: the mapping ----------------------------------------------------------------------


def test_acled_export_becomes_a_valid_folder_with_the_strike_and_its_toll(tmp_path):
    """A UTF-8 ACLED export imports into a folder that validates, with the strike, toll, source and actors."""
    code, out, err, folder = import_acled(tmp_path, [acled()])
    assert code == 0, err
    assert_valid(folder)
    for table in TABLES:
        header = (folder / table.file).read_text(encoding="utf-8").splitlines()[0]
        assert header == ",".join(table.column_names)
    strike = one(folder, "strikes")
    assert {k: strike[k] for k in strike if k != "notes"} == {
        "strike_id": "acled-UKR1001",
        "date": "2025-04-13",
        "time_local": "",
        "date_precision": "day",
        "city": "Sumy",
        "oblast": "Sumy",
        "place": "",
        "latitude": "50.9077",
        "longitude": "34.7981",
        "geo_precision": "city",
        "attacker": "military-forces-of-russia-2000-",
        "weapon": "ballistic_missile",
        "target_type": "civilian",
        "target": "",
        "description": "Shelling/artillery/missile attack",
        "status": "claimed",
        "source_id": "acled-file-acled",
        "excerpt": SUMY_NOTES,
        "event_kind": "strike",
        "publisher_type": "Explosions/Remote violence",
        "publisher_subtype": "Shelling/artillery/missile attack",
        "date_first": "2025-04-13",
        "date_last": "2025-04-13",
        "publisher_timestamp": "1745366400",
        "district": "Sumy",
    }
    assert "ACLED's sources: Suspilne; Ukrainska Pravda." in strike["notes"]
    toll = one(folder, "casualties")
    assert {k: toll[k] for k in toll if k != "notes"} == {
        "report_id": "acled-UKR1001-toll",
        "strike_id": "acled-UKR1001",
        "reported_on": "2025-04-13",
        "population": "all",
        "killed": "35",
        "killed_qualifier": "estimate",
        "killed_phrase": "35 (ACLED's coded fatalities)",
        "injured": "",
        "injured_qualifier": "",
        "injured_phrase": "",
        "claimant": "acled",
        "status": "claimed",
        "source_id": "acled-file-acled",
        "excerpt": SUMY_NOTES,  # the notes' one sentence, which gives the toll
        "killed_blank_phrase": "",
        "killed_low": "",
        "killed_high": "",
        "source_inconsistency": "",
    }
    source = one(folder, "sources")
    assert (source["publisher"], source["title"], source["url"], source["source_type"]) == (
        "ACLED",
        "ACLED export acled.csv",
        "",
        "dataset",
    )
    assert source["published_on"] == "2025-04-23"  # the latest ACLED timestamp, 1745366400
    assert "restrict redistribution" in source["notes"]
    assert source["redistribution"] == "restricted"
    assert rows(folder, "actors") == [
        {"actor_id": "acled", "name": "ACLED", "actor_type": "organisation", "aliases": "Armed Conflict Location & Event Data", "part_of": ""},
        {"actor_id": "military-forces-of-russia-2000-", "name": "Military Forces of Russia (2000-)", "actor_type": "state", "aliases": "", "part_of": "russia"},
        {"actor_id": "russia", "name": "Russia", "actor_type": "state", "aliases": "", "part_of": ""},
    ]
    assert rows(folder, "truces") == [] and rows(folder, "statements") == []
    assert "Rows read: 1. Written: 1 strike with 1 casualty report. Skipped: 0." in out
    assert "is a valid data folder" in out


def test_acled_precision_codes_map_to_the_contract(tmp_path):
    """time_precision 2/3 become week/month and geo_precision 2/3 become oblast."""
    code, _, err, folder = import_acled(
        tmp_path,
        [
            acled(event_id_cnty="UKR1", time_precision="2", geo_precision="2"),
            acled(event_id_cnty="UKR2", time_precision="3", geo_precision="3"),
        ],
    )
    assert code == 0, err
    got = [(s["strike_id"], s["date_precision"], s["geo_precision"]) for s in rows(folder, "strikes")]
    assert got == [("acled-UKR1", "week", "oblast"), ("acled-UKR2", "month", "oblast")]


def test_only_attacks_are_imported_and_other_kinds_are_not_strikes(tmp_path):
    """Battles and abductions are left out by their ACLED type; a violence-against-civilians attack is imported as
    another attack (never a strike), civilian, under ACLED's own names."""
    code, out, err, folder = import_acled(
        tmp_path,
        [
            acled(event_id_cnty="UKR1", event_type="Battles", sub_event_type="Armed clash"),
            acled(event_id_cnty="UKR2", event_type="Violence against civilians", sub_event_type="Abduction/forced disappearance"),
            acled(
                event_id_cnty="UKR3",
                event_type="Violence against civilians",
                sub_event_type="Attack",
                civilian_targeting="",
                notes="Russian forces shot a civilian in Kherson.",
            ),
        ],
    )
    assert code == 0, err
    strike = one(folder, "strikes")
    assert (strike["strike_id"], strike["target_type"], strike["weapon"]) == ("acled-UKR3", "civilian", "unknown")
    assert (strike["event_kind"], strike["publisher_type"], strike["publisher_subtype"]) == (
        "other_attack", "Violence against civilians", "Attack"
    )  # fmt: skip
    assert "line 2: Battles / Armed clash is neither a strike nor another attack" in out
    assert "line 3: Violence against civilians / Abduction/forced disappearance is neither" in out
    assert "1 ACLED Battles" in out and "1 ACLED Violence against civilians" in out


def test_attacker_is_left_empty_when_two_armed_actors_are_named(tmp_path):
    """ACLED's actor order is not direction: with two armed sides no attacker is named, and notes keep both."""
    code, _, err, folder = import_acled(
        tmp_path,
        [acled(actor2="Military Forces of Ukraine (2019-)", inter2="State forces", civilian_targeting="")],
    )
    assert code == 0, err
    strike = one(folder, "strikes")
    assert (strike["attacker"], strike["target_type"]) == ("", "unknown")
    assert "Military Forces of Russia (2000-) and Military Forces of Ukraine (2019-)" in strike["notes"]
    assert [a["actor_id"] for a in rows(folder, "actors")] == ["acled"]


@pytest.mark.parametrize(
    ("sub_event_type", "notes", "weapon"),
    [
        ("Air/drone strike", "Russian forces launched drones at Odesa, damaging houses.", "drone"),
        ("Air/drone strike", "Drones and missiles hit Kyiv overnight.", "unknown"),
        ("Air/drone strike", "Russian aircraft dropped a guided aerial bomb on Kharkiv.", "glide_bomb"),
        ("Shelling/artillery/missile attack", "Russian forces shelled Nikopol.", "artillery"),
        ("Shelling/artillery/missile attack", "A cruise missile hit Lviv.", "cruise_missile"),
        ("Shelling/artillery/missile attack", "A missile hit Dnipro.", "missile"),
        ("Shelling/artillery/missile attack", "A drone hit a car near Kherson.", "unknown"),
        ("Remote explosive/landmine/IED", "A drone-dropped mine exploded.", "unknown"),
    ],
)
def test_weapon_only_when_the_text_names_one(tmp_path, sub_event_type, notes, weapon):
    """The weapon is set only when the sub-event type allows it and the notes name a single kind."""
    code, _, err, folder = import_acled(tmp_path, [acled(sub_event_type=sub_event_type, notes=notes)])
    assert code == 0, err
    assert one(folder, "strikes")["weapon"] == weapon


def test_acled_row_without_notes_cites_its_own_fields(tmp_path):
    """No notes: the excerpt is ACLED's own fields verbatim, and the notes say so; empty fatalities stay empty."""
    code, _, err, folder = import_acled(tmp_path, [acled(notes="", fatalities="")])
    assert code == 0, err
    strike = one(folder, "strikes")
    expected = "Shelling/artillery/missile attack | Military Forces of Russia (2000-) | Civilians (Ukraine) | Sumy"
    assert strike["excerpt"] == expected
    assert "sub_event_type | actor1 | actor2 | location, verbatim" in strike["notes"]
    toll = one(folder, "casualties")
    assert (toll["killed"], toll["killed_qualifier"], toll["killed_phrase"], toll["excerpt"]) == ("", "", "", expected)
    assert_valid(folder)


# --- messy files -----------------------------------------------------------------------------


def test_windows_1252_file_is_detected_and_its_text_is_right(tmp_path):
    """A cp1252 re-save with accents, curly quotes and a dash imports with the right text, and the summary says so."""
    note = 'Strike near the “Café Odesa”, the owner said: "we\'re safe" — no one hurt.'
    code, out, err, folder = import_acled(tmp_path, [acled(notes=note, location="Odesa")], encoding="cp1252")
    assert code == 0, err
    assert one(folder, "strikes")["excerpt"] == note
    assert "read as Windows-1252" in out
    assert_valid(folder)


def test_utf8_with_byte_order_mark_and_crlf(tmp_path):
    """A UTF-8 file with a byte-order mark (Excel's 'CSV UTF-8') keeps its first column and imports."""
    code, out, err, folder = import_acled(tmp_path, [acled()], prefix="\ufeff")
    assert code == 0, err
    assert one(folder, "strikes")["strike_id"] == "acled-UKR1001"
    assert "UTF-8 with byte-order mark" in out


def test_excel_semicolon_save_with_sep_line_and_decimal_commas(tmp_path):
    """A European Excel save (sep=; line, ';' delimiter, decimal commas) is read and the coordinates normalised."""
    code, out, err, folder = import_acled(
        tmp_path, [acled(latitude="50,9077", longitude="34,7981")], delimiter=";", prefix="sep=;\r\n"
    )
    assert code == 0, err
    strike = one(folder, "strikes")
    assert (strike["latitude"], strike["longitude"]) == ("50.9077", "34.7981")
    assert "semicolon-separated" in out


@pytest.mark.parametrize("written", ["2025-04-13", "13/04/2025", "13/04/2025 00:00:00", "13 April 2025", "13-Apr-2025"])
def test_acled_date_layouts(tmp_path, written):
    """Each date layout of ACLED exports and their re-saves reads as 2025-04-13."""
    code, _, err, folder = import_acled(tmp_path, [acled(event_date=written)])
    assert code == 0, err
    assert one(folder, "strikes")["date"] == "2025-04-13"


@pytest.mark.parametrize(
    "written", ["2025-04-13", "2025-04-13 00:00:00.000", "4/13/2025 12:00:00 AM", "04/13/2025 00:00"]
)
def test_ucdp_date_layouts(tmp_path, written):
    """Each date layout of UCDP files and their month-first re-saves reads as 2025-04-13."""
    code, _, err, folder = import_ucdp(tmp_path, [ucdp(date_start=written, date_end=written)])
    assert code == 0, err
    assert one(folder, "strikes")["date"] == "2025-04-13"


def test_field_with_comma_quotes_and_line_break(tmp_path):
    """Notes holding commas, quotes and a line break survive, and later lines are still counted right."""
    note = 'Kharkiv, Saltivka: a strike hit a block of flats.\nOfficials said "two injured", later "three".'
    code, out, err, folder = import_acled(
        tmp_path, [acled(notes=note), acled(event_id_cnty="UKR2", latitude="", longitude="")]
    )
    assert code == 0, err
    assert one(folder, "strikes")["excerpt"] == note
    assert one(folder, "casualties")["excerpt"] == note
    assert "line 3 (text line 4): latitude and longitude are empty" in out
    assert_valid(folder)


def test_cyrillic_text_survives_byte_exact(tmp_path):
    """Cyrillic place names and notes reach the output files byte for byte."""
    city, note = "Харків", "Удар по Харкову: «Шахед» влучив у житловий будинок, 2 загиблих."
    code, _, err, folder = import_acled(tmp_path, [acled(location=city, admin1="Харківська область", notes=note)])
    assert code == 0, err
    raw = (folder / "strikes.csv").read_bytes()
    assert city.encode("utf-8") in raw and note.encode("utf-8") in raw
    strike = one(folder, "strikes")
    assert (strike["city"], strike["oblast"], strike["excerpt"]) == (city, "Харківська область", note)
    assert_valid(folder)


def test_unusable_rows_are_skipped_with_line_and_reason(tmp_path):
    """Missing coordinates, a non-Ukrainian row and a bad date are skipped, each listed with its line and reason."""
    code, out, err, folder = import_acled(
        tmp_path,
        [
            acled(event_id_cnty="UKR1"),
            acled(event_id_cnty="UKR2", latitude="", longitude=""),
            acled(event_id_cnty="POL3", country="Poland", location="Przewodów", latitude="50.4735", longitude="24.0125"),
            acled(event_id_cnty="UKR4", event_date="31/02/2025"),
            acled(event_id_cnty="UKR5", latitude="0", longitude="0"),
        ],
    )
    assert code == 0, err
    assert [s["strike_id"] for s in rows(folder, "strikes")] == ["acled-UKR1"]
    assert "Rows read: 5. Written: 1 strike with 1 casualty report. Skipped: 4." in out
    assert "line 3: latitude and longitude are empty" in out
    assert "line 4: country is 'Poland'; only events in Ukraine are imported" in out
    assert "line 5: event_date: '31/02/2025' is not a real calendar date" in out
    assert "line 6: latitude 0, longitude 0 lies outside Ukraine" in out


def test_skip_listing_is_capped_but_counted(tmp_path):
    """Sixty skipped rows: fifty are listed, the rest counted, and the reason total is exact."""
    export = [acled(event_id_cnty=f"POL{i}", country="Poland") for i in range(60)]
    code, out, _, _ = import_acled(tmp_path, export)
    assert code == 0
    assert "60 not in Ukraine" in out
    assert out.count("only events in Ukraine are imported") == 50
    assert "... and 10 more skipped rows" in out


def test_repeated_event_id_is_skipped(tmp_path):
    """The same event twice in one export is imported once; the second is listed with the first's line."""
    code, out, _, folder = import_acled(tmp_path, [acled(), acled()])
    assert code == 0
    assert len(rows(folder, "strikes")) == 1
    assert "line 3: event_id_cnty gives acled-UKR1001 again; line 2 has it with the newer or equal timestamp" in out


def test_progress_is_reported_for_large_files(tmp_path):
    """Progress lines go to the progress stream every N rows."""
    file = write_export(tmp_path / "a.csv", ACLED_COLUMNS, [acled(event_id_cnty=f"UKR{i}") for i in range(5)])
    progress = io.StringIO()
    code, _ = run_import("acled", file, tmp_path / "out", progress=progress, progress_every=2)
    assert code == 0
    assert progress.getvalue().splitlines() == [
        "ACLED: 2 rows read, 1 strikes so far",
        "ACLED: 4 rows read, 3 strikes so far",
    ]


# --- UCDP ------------------------------------------------------------------------------------


def test_ucdp_event_is_imported_as_its_type_of_violence_with_best_low_high(tmp_path):
    """A GED event imports as state-based (never a strike) with its window, UCDP's place, no attacker for a dyad,
    a labelled excerpt from its descriptive fields, best/low/high as given, and UCDP's credit."""
    code, out, err, folder = import_ucdp(tmp_path, [ucdp()])
    assert code == 0, err
    assert_valid(folder)
    strike = one(folder, "strikes")
    assert {k: strike[k] for k in ("strike_id", "date", "date_precision", "city", "oblast", "latitude", "longitude")} == {
        "strike_id": "ucdp-501234",
        "date": "2025-04-13",
        "date_precision": "day",
        "city": "Kharkiv town",
        "oblast": "Kharkiv oblast",
        "latitude": "49.9935",
        "longitude": "36.2304",
    }
    assert (strike["geo_precision"], strike["attacker"], strike["weapon"], strike["target_type"]) == (
        "city",
        "",
        "unknown",
        "unknown",
    )
    assert (strike["event_kind"], strike["publisher_type"], strike["date_first"], strike["date_last"]) == (
        "state_based", "1", "2025-04-13", "2025-04-13"
    )  # fmt: skip
    assert strike["excerpt"] == (
        "where_description: Kharkiv city | source_headline: Russian strike on Kharkiv kills 12;Kharkiv: death toll rises"
    )
    assert "UCDP's sources: Ukrinform;Reuters." in strike["notes"]
    toll = one(folder, "casualties")
    assert (toll["killed"], toll["killed_qualifier"], toll["killed_phrase"], toll["claimant"], toll["status"]) == (
        "12",
        "estimate",
        "best 12 (low 10, high 15)",
        "ucdp",
        "claimed",
    )
    assert (toll["killed_low"], toll["killed_high"], toll["source_inconsistency"]) == ("10", "15", "")
    source = one(folder, "sources")
    assert (source["publisher"], source["title"], source["published_on"], source["source_type"]) == (
        "UCDP",
        "UCDP GED export GEDEvent_v24_1.csv",
        "2025-04-13",
        "dataset",
    )
    assert (source["version"], source["released_on"], source["licence"], source["redistribution"]) == (
        "24.1", "", "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)", "allowed"
    )  # fmt: skip
    assert source["credit"].startswith("UCDP Georeferenced Event Dataset (GED) Global version 24.1")
    assert source["changes"].startswith("changed: selected events")
    assert "add --released YYYY-MM-DD" in out
    assert [a["actor_id"] for a in rows(folder, "actors")] == ["ucdp"]


def test_ucdp_one_sided_violence_names_the_perpetrator(tmp_path):
    """Type 3 is one-sided violence: side_a is the attacker, a state that rolls up to its country, and the target
    civilian; equal low/best/high is still UCDP's estimate."""
    code, _, err, folder = import_ucdp(
        tmp_path,
        [ucdp(type_of_violence="3", dyad_name="Government of Russia (Soviet Union) - Civilians", side_b="Civilians", best="5", low="5", high="5")],
    )
    assert code == 0, err
    strike = one(folder, "strikes")
    assert (strike["attacker"], strike["target_type"]) == ("government-of-russia-soviet-union-", "civilian")
    toll = one(folder, "casualties")
    assert (toll["killed"], toll["killed_qualifier"], toll["killed_phrase"]) == ("5", "estimate", "best 5 (low 5, high 5)")
    assert strike["event_kind"] == "one_sided"
    actor = rows(folder, "actors")[1]
    assert (actor["name"], actor["actor_type"], actor["part_of"]) == ("Government of Russia (Soviet Union)", "state", "russia")


@pytest.mark.parametrize(
    ("low", "high", "phrase", "broken"),
    [
        ("15", "20", "best 12 (low 15, high 20)", "best 12 is below low 15"),
        ("8", "10", "best 12 (low 8, high 10)", "best 12 is above high 10"),
        ("0", "0", "best 12 (low 0, high 0)", "best 12 is above high 0"),
    ],
)
def test_ucdp_figures_out_of_order_are_imported_as_given_and_flagged(tmp_path, low, high, phrase, broken):
    """best outside low–high is not corrected: the three figures as given, source_inconsistency for the display's
    "inconsistent in the source" mark, said in the notes, listed in the summary."""
    code, out, err, folder = import_ucdp(tmp_path, [ucdp(best="12", low=low, high=high)])
    assert code == 0, err
    toll = one(folder, "casualties")
    assert (toll["killed"], toll["killed_low"], toll["killed_high"], toll["killed_phrase"]) == ("12", low, high, phrase)
    assert toll["source_inconsistency"] == f"UCDP's figures contradict each other: {broken}"
    assert broken in toll["notes"] and "not corrected" in toll["notes"]
    assert "Imported with a warning:" in out
    assert f"line 2: {broken}" in out


def test_ucdp_places_and_date_ranges(tmp_path):
    """where_prec 2 is oblast, 6 is left out with its deaths counted; a date range is the window date_first–date_last
    (date its end, the precision widened)."""
    code, out, err, folder = import_ucdp(
        tmp_path,
        [
            ucdp(id="1", where_prec="2", date_prec="2", date_start="2025-04-10", date_end="2025-04-13"),
            ucdp(id="2", where_prec="6"),
            ucdp(id="3", date_prec="1", date_start="2025-03-01", date_end="2025-04-13"),
        ],
    )
    assert code == 0, err
    got = [
        (s["strike_id"], s["date_first"], s["date_last"], s["date"], s["date_precision"], s["geo_precision"])
        for s in rows(folder, "strikes")
    ]
    assert got == [
        ("ucdp-1", "2025-04-10", "2025-04-13", "2025-04-13", "week", "oblast"),
        ("ucdp-3", "2025-03-01", "2025-04-13", "2025-04-13", "month", "city"),
    ]
    assert "line 3: where_prec 6: UCDP gives only the country" in out
    assert "1 located only to the country or at sea (12 deaths in 1 row with a figure; left out)" in out


def test_ucdp_windows_1252_month_first_resave(tmp_path):
    """A spreadsheet re-save of GED (cp1252, m/d/yyyy h:mm:ss AM) imports with its accented text intact."""
    headline = "Frappe russe sur Kharkiv : 12 morts, selon l’armée"
    code, out, err, folder = import_ucdp(
        tmp_path,
        [ucdp(date_start="4/12/2025 12:00:00 AM", date_end="4/13/2025 12:00:00 AM", date_prec="2", source_headline=headline)],
        encoding="cp1252",
    )
    assert code == 0, err
    strike = one(folder, "strikes")
    assert (strike["date_first"], strike["date"], strike["date_precision"]) == ("2025-04-12", "2025-04-13", "week")
    assert f"source_headline: {headline}" in strike["excerpt"]
    assert "Windows-1252" in out


def test_ucdp_headline_with_line_breaks_and_source_lists(tmp_path):
    """A source_headline of several ';'-joined headlines with a line break is in the excerpt, verbatim."""
    headline = "Strike on Kharkiv, 12 dead;\nKharkiv: \"rescue goes on\""
    code, _, err, folder = import_ucdp(tmp_path, [ucdp(source_headline=headline)])
    assert code == 0, err
    assert one(folder, "strikes")["excerpt"] == f"where_description: Kharkiv city | source_headline: {headline}"
    assert_valid(folder)


# --- merging into an existing folder ---------------------------------------------------------


def copy_bundled(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder)
    return folder


def test_merge_into_the_bundled_data_keeps_every_curated_byte(tmp_path):
    """Merging keeps each curated CSV byte for byte (imported rows only appended) and the folder validates."""
    folder = copy_bundled(tmp_path)
    before = {t.file: (folder / t.file).read_bytes() for t in TABLES}
    code, out, err, _ = import_acled(tmp_path, [acled()], "--merge", out="data")
    assert code == 0, err
    assert "merged into the existing folder" in out
    for file, old in before.items():
        new = (folder / file).read_bytes()
        assert new.startswith(old), file
        if file not in ("strikes.csv", "casualties.csv", "sources.csv", "actors.csv"):
            assert new == old, file
    assert [s["strike_id"] for s in rows(folder, "strikes")] == ["sumy-2025-04-13", "odesa-2025-04-21", "acled-UKR1001"]
    assert_valid(folder)
    assert not list(folder.glob(".import-*"))


def test_merge_keeps_crlf_rows_and_a_missing_final_line_break(tmp_path):
    """A curated file saved with CRLF and no final line break keeps its bytes; imported rows follow in CRLF."""
    folder = copy_bundled(tmp_path)
    old = (folder / "strikes.csv").read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n").rstrip(b"\r\n")
    (folder / "strikes.csv").write_bytes(old)
    code, _, err, _ = import_acled(tmp_path, [acled()], "--merge", out="data")
    assert code == 0, err
    new = (folder / "strikes.csv").read_bytes()
    assert new.startswith(old + b"\r\nacled-UKR1001,")
    assert new.endswith(b"\r\n")
    assert_valid(folder)


def test_header_only_export_gives_a_valid_empty_folder(tmp_path):
    """An export with no rows still writes a valid folder: the source and its publisher, no strikes."""
    code, out, err, folder = import_acled(tmp_path, [])
    assert code == 0, err
    assert rows(folder, "strikes") == [] and [a["actor_id"] for a in rows(folder, "actors")] == ["acled"]
    assert "Rows read: 0." in out
    assert_valid(folder)


def test_reimport_replaces_instead_of_duplicating(tmp_path):
    """Importing the same file again replaces its rows: an updated toll wins and a withdrawn event disappears."""
    folder = copy_bundled(tmp_path)
    first = [acled(), acled(event_id_cnty="UKR2", location="Odesa", latitude="46.4825", longitude="30.7233")]
    import_acled(tmp_path, first, "--merge", out="data")
    curated = (ROOT / "data" / "strikes.csv").read_bytes()
    code, _, err, _ = import_acled(tmp_path, first, "--merge", out="data")
    assert code == 0, err
    assert [s["strike_id"] for s in rows(folder, "strikes")].count("acled-UKR1001") == 1
    assert len(rows(folder, "strikes")) == 4
    code, out, err, _ = import_acled(tmp_path, [acled(fatalities="40")], "--merge", out="data")
    assert code == 0, err
    assert [s["strike_id"] for s in rows(folder, "strikes")] == ["sumy-2025-04-13", "odesa-2025-04-21", "acled-UKR1001"]
    assert [c["killed"] for c in rows(folder, "casualties") if c["claimant"] == "acled"] == ["40"]
    assert [s["source_id"] for s in rows(folder, "sources")] == ["seed-2025-04-21", "acled-file-acled"]
    assert "Replaced by this import (rows of an earlier ACLED import): 2 strikes, 2 casualty reports." in out
    assert (folder / "strikes.csv").read_bytes().startswith(curated)
    assert_valid(folder)


def test_a_newer_export_replaces_events_an_older_one_holds(tmp_path):
    """Two ACLED files sharing an event: the newer import's row replaces the older, ids never repeat."""
    code, _, err, folder = import_acled(tmp_path, [acled(), acled(event_id_cnty="UKR2")], name="march.csv")
    assert code == 0, err
    code, _, err, _ = import_acled(tmp_path, [acled(fatalities="41")], "--merge", name="april.csv")
    assert code == 0, err
    got = [(s["strike_id"], s["source_id"]) for s in rows(folder, "strikes")]
    assert got == [("acled-UKR2", "acled-file-march"), ("acled-UKR1001", "acled-file-april")]
    assert [c["killed"] for c in rows(folder, "casualties")] == ["35", "41"]
    assert_valid(folder)


def test_a_curated_row_with_the_same_id_is_never_replaced(tmp_path):
    """An imported event whose id a curated strike already uses is skipped; the curated row stays."""
    folder = copy_bundled(tmp_path)
    with (folder / "strikes.csv").open(encoding="utf-8", newline="") as handle:
        table = list(csv.reader(handle))
    table.append(["acled-UKR1001", *table[1][1:]])
    with (folder / "strikes.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(table)
    before = (folder / "strikes.csv").read_bytes()
    code, out, err, _ = import_acled(tmp_path, [acled()], "--merge", out="data")
    assert code == 0, err
    assert (folder / "strikes.csv").read_bytes() == before
    assert "acled-UKR1001 is already a strike of source 'seed-2025-04-21'" in out


def test_existing_folder_without_merge_is_left_alone(tmp_path):
    """Without --merge an existing data folder is refused (exit 2) and not changed."""
    folder = copy_bundled(tmp_path)
    before = {t.file: (folder / t.file).read_bytes() for t in TABLES}
    code, _, err, _ = import_acled(tmp_path, [acled()], out="data")
    assert code == 2
    assert "already holds a data folder" in err and "--merge" in err
    assert {t.file: (folder / t.file).read_bytes() for t in TABLES} == before


def test_invalid_existing_folder_is_not_merged_into(tmp_path):
    """An invalid folder is reported (exit 1) and left as it was."""
    folder = copy_bundled(tmp_path)
    (folder / "events.csv").unlink()
    before = (folder / "strikes.csv").read_bytes()
    code, _, err, _ = import_acled(tmp_path, [acled()], "--merge", out="data")
    assert code == 1
    assert "is not a valid data folder" in err and "events.csv" in err
    assert (folder / "strikes.csv").read_bytes() == before


# --- refusals --------------------------------------------------------------------------------


def test_missing_file_exits_non_zero(tmp_path):
    """A file that does not exist: exit 2 and a message naming it."""
    code, _, err = run("import", "acled", tmp_path / "nope.csv", "--out", tmp_path / "out")
    assert code == 2
    assert "nope.csv: no such file" in err
    assert not (tmp_path / "out").exists()


def test_wrong_layout_names_the_missing_columns(tmp_path):
    """A UCDP file given as ACLED: exit 2, the missing columns named and the right command suggested."""
    file = write_export(tmp_path / "ged.csv", UCDP_COLUMNS, [ucdp()])
    code, _, err = run("import", "acled", file, "--out", tmp_path / "out")
    assert code == 2
    assert "is not in ACLED's export layout: its header lacks the columns event_id_cnty, event_date" in err
    assert "import ucdp" in err
    assert not (tmp_path / "out").exists()


def test_file_in_neither_encoding_is_refused(tmp_path):
    """Bytes that are neither UTF-8 nor Windows-1252 stop the import with a clear message."""
    file = write_export(tmp_path / "a.csv", ACLED_COLUMNS, [acled()])
    file.write_bytes(file.read_bytes().replace(b"Sumy,50", b"Sumy\x81,50", 1))
    code, _, err = run("import", "acled", file, "--out", tmp_path / "out")
    assert code == 2
    assert "neither UTF-8 nor Windows-1252" in err


def test_unbalanced_quote_skips_the_lines_it_swallows_and_says_so(tmp_path):
    """A stray quote makes a row unreadable: it is skipped with the text lines it ran over, never altered."""
    notes = ["N1", "N2", "N3, quoted", "N4"]
    file = write_export(tmp_path / "a.csv", ACLED_COLUMNS, [acled(event_id_cnty=f"UKR{i}", notes=n) for i, n in enumerate(notes)])
    file.write_bytes(file.read_bytes().replace(b",N2,", b',"never closed,'))
    code, out, err = run("import", "acled", file, "--out", tmp_path / "out")
    assert code == 0, err
    assert [s["excerpt"] for s in rows(tmp_path / "out", "strikes")] == ["N1", "N4"]
    assert "line 3: the row cannot be read as CSV" in out
    assert "it runs over text lines 3-4" in out
