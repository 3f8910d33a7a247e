"""ACLED imports and messy exports: small files written here from the codebooks' column layouts, imported with
`python -m conflictdesk import ...` (in process), and the resulting data folder read back as a user would."""

import io

import pytest

from conflictdesk.importers import run_import
from conflictdesk.schema import TABLES
from importfixtures import (
    ACLED_COLUMNS,
    SUMY_NOTES,
    UCDP_COLUMNS,
    acled,
    assert_valid,
    import_acled,
    import_ucdp,
    one,
    rows,
    run,
    ucdp,
    write_export,
)


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


def test_a_summary_of_a_rejected_folder_says_nothing_was_written():
    """An import whose folder fails validation converted rows but wrote none: its summary must not say "Written"."""
    from conflictdesk.importers.summary import Summary

    summary = Summary("ACLED", "acled.csv", "out", False, date_order="day-first")
    summary.rows_read, summary.strikes, summary.strikes_proper, summary.casualties = 3, 3, 3, 3
    assert "Written: 3 strikes" in summary.text()
    summary.written = False
    assert "Written" not in summary.text() and "Converted, but nothing written" in summary.text()


def test_rows_skipped_as_repeats_are_said_to_be_skipped_though_nothing_is_missing_from_the_totals():
    """A repeat of a kept row is skipped but not left out of the totals: the summary says both, never just "nothing"."""
    from conflictdesk.importers.common import SUPERSEDED
    from conflictdesk.importers.summary import Summary

    summary = Summary("ACLED", "acled.csv", "out", False, date_order="day-first")
    summary.skip(3, 3, "exact duplicate", "repeats line 2 exactly", SUPERSEDED)
    assert summary.left_out_text() == (
        "Nothing in Ukraine was left out of the totals (skipped as repeats or outside Ukraine: exact duplicate: 1 row)."
    )
