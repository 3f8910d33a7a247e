"""Real files' mess (issue 10): updated ACLED events, month-first re-saves, float ids, API JSON, a foreign state's
forces coded 8, and two imports into one folder at once. Each on a small file written here."""

import json

from conflictdesk.importers.ledger import FolderLock
from importfixtures import acled, import_acled, import_ucdp, one, rows, run, ucdp

OLD, NEW = "1700000000", "1745366400"  # 2023-11-14 and 2025-04-23 UTC


def kept(folder) -> list[tuple[str, str, str]]:
    return [(s["strike_id"], s["publisher_timestamp"], s["excerpt"]) for s in rows(folder, "strikes")]


# --- ACLED updates -----------------------------------------------------------------------------


def test_newest_version_wins_within_a_file_in_either_order(tmp_path):
    """The same event_id_cnty twice: the larger timestamp is kept wherever it stands, and the summary says so."""
    old, new = acled(timestamp=OLD, notes="First report."), acled(timestamp=NEW, notes="Revised report.")
    said = {
        "a": "line 2: acled-UKR1001 has a newer timestamp on line 3; that version is kept",
        "b": "line 3: event_id_cnty gives acled-UKR1001 again; line 2 has it with the newer or equal timestamp 1745366400",
    }
    for name, export in (("a", [old, new]), ("b", [new, old])):
        code, out, err, folder = import_acled(tmp_path, export, name=f"{name}.csv", out=name)
        assert code == 0, err
        assert kept(folder) == [("acled-UKR1001", NEW, "Revised report.")]
        assert [t["excerpt"] for t in rows(folder, "casualties")] == ["Revised report."]
        assert "1 older version of an event" in out and said[name] in out


def test_an_older_file_merged_later_never_reverts_a_newer_row(tmp_path):
    """Newer file first, older file merged after: the newer row stays and the summary names what was kept."""
    code, _, err, folder = import_acled(tmp_path, [acled(timestamp=NEW, notes="Revised report.")], name="may.csv")
    assert code == 0, err
    code, out, err, folder = import_acled(
        tmp_path, [acled(timestamp=OLD, notes="First report."), acled(event_id_cnty="UKR2", timestamp=OLD)], "--merge", name="april.csv"
    )
    assert code == 0, err
    assert kept(folder)[0] == ("acled-UKR1001", NEW, "Revised report.")
    assert [s["strike_id"] for s in rows(folder, "strikes")] == ["acled-UKR1001", "acled-UKR2"]
    assert "already in" in out and "with the newer timestamp 1745366400 (this row's is 1700000000); the newer row is kept" in out
    # and a newer file merged later does replace it
    code, _, err, folder = import_acled(tmp_path, [acled(timestamp="1800000000", notes="Third report.")], "--merge", name="june.csv")
    assert code == 0, err
    assert ("acled-UKR1001", "1800000000", "Third report.") in kept(folder)
    assert len(rows(folder, "strikes")) == 2 and len(rows(folder, "casualties")) == 2


def test_an_older_ucdp_release_merged_later_never_reverts_a_newer_one(tmp_path):
    """GED 24.1 then 23.1 merged: the 24.1 row stays; 25.1 merged after replaces it."""
    code, _, err, folder = import_ucdp(tmp_path, [ucdp(best="12")], name="GEDEvent_v24_1.csv")
    assert code == 0, err
    code, out, err, folder = import_ucdp(tmp_path, [ucdp(best="9")], "--merge", name="GEDEvent_v23_1.csv")
    assert code == 0, err
    assert [(t["report_id"], t["killed"]) for t in rows(folder, "casualties")] == [("ucdp-501234-toll", "12")]
    assert "of the newer release 24.1; the newer row is kept" in out
    code, _, err, folder = import_ucdp(tmp_path, [ucdp(best="14")], "--merge", name="GEDEvent_v25_1.csv")
    assert code == 0, err
    assert [(t["report_id"], t["killed"]) for t in rows(folder, "casualties")] == [("ucdp-501234-toll", "14")]


# --- month-first re-saves ----------------------------------------------------------------------


def test_us_excel_resave_is_read_month_first_on_the_files_evidence(tmp_path):
    """4/13/2024 exists only month-first, so 4/12/2024 in the same file is 12 April, not 4 December."""
    code, out, err, folder = import_acled(
        tmp_path,
        [acled(event_id_cnty="UKR1", event_date="4/13/2024"), acled(event_id_cnty="UKR2", event_date="4/12/2024")],
    )
    assert code == 0, err
    assert [s["date"] for s in rows(folder, "strikes")] == ["2024-04-13", "2024-04-12"]
    assert (
        "Numeric dates were read month-first: the file shows it (1 date can only be read that way, e.g. line 2: "
        "4/13/2024 (no such date day-first)); 1 date that read either way were read month-first too." in out
    )
    assert "; numeric dates read month-first." in out


def test_an_export_of_iso_dates_reports_no_order_of_day_and_month(tmp_path):
    """UCDP's own file writes 2024-04-13: the summary names its layout and says nothing about numeric dates."""
    code, out, err, _ = import_ucdp(tmp_path, [ucdp()])
    assert code == 0, err
    assert "Read as UTF-8, " in out and "numeric dates" not in out.lower()


def test_timestamp_decides_between_two_real_dates(tmp_path):
    """4/12/2024 with a timestamp of 20 April 2024: 4 December is after ACLED coded it, so it is 12 April."""
    code, out, err, folder = import_acled(tmp_path, [acled(event_date="4/12/2024", timestamp="1713571200")])
    assert code == 0, err
    assert one(folder, "strikes")["date"] == "2024-04-12"
    assert "day-first is after its timestamp 2024-04-20" in out


def test_undecidable_dates_are_refused_and_nothing_is_written(tmp_path):
    """Only dates that read either way, and no timestamp to rule one out: refused, exit 1, no folder."""
    code, _, err, folder = import_acled(tmp_path, [acled(event_date="4/12/2024", timestamp="")])
    assert code == 1
    assert "Nothing was written" in err and "--date-order" in err
    assert not folder.exists()
    code, _, err, folder = import_acled(tmp_path, [acled(event_date="4/12/2024", timestamp="")], "--date-order", "month-first")
    assert code == 0, err
    assert one(folder, "strikes")["date"] == "2024-04-12"


def test_mixed_orders_are_refused(tmp_path):
    """13/04/2024 and 4/13/2024 in one file: no single order reads it, so nothing is written."""
    code, _, err, folder = import_acled(
        tmp_path, [acled(event_id_cnty="UKR1", event_date="13/04/2024"), acled(event_id_cnty="UKR2", event_date="4/13/2024")]
    )
    assert code == 1
    assert "mixes day-first and month-first dates" in err and not folder.exists()


def test_refusal_leaves_an_existing_folder_as_it_was(tmp_path):
    code, _, err, folder = import_acled(tmp_path, [acled()])
    assert code == 0, err
    before = {f.name: f.read_bytes() for f in folder.iterdir()}
    code, _, _, _ = import_acled(tmp_path, [acled(event_id_cnty="UKR9", event_date="4/12/2024", timestamp="")], "--merge", name="b.csv")
    assert code == 1
    assert {f.name: f.read_bytes() for f in folder.iterdir()} == before


# --- float ids ---------------------------------------------------------------------------------


def test_float_ids_are_the_same_events(tmp_path):
    """453579.0 (a pandas round trip) is event 453579: it replaces it on a merge instead of adding a second."""
    code, _, err, folder = import_ucdp(tmp_path, [ucdp(id="453579")], name="GEDEvent_v24_1.csv")
    assert code == 0, err
    code, _, err, folder = import_ucdp(
        tmp_path, [ucdp(id="453579.0", type_of_violence="1.0", where_prec="1.0")], "--merge", name="GEDEvent_v25_1.csv"
    )
    assert code == 0, err
    assert [s["strike_id"] for s in rows(folder, "strikes")] == ["ucdp-453579"]


# --- API JSON ----------------------------------------------------------------------------------


def _as_api(row: dict, numbers: tuple[str, ...]) -> dict:
    """An event as the API sends it: some numbers as JSON numbers, empty cells as null."""
    return {k: (float(v) if "." in v else int(v)) if k in numbers and v else (v or None) for k, v in row.items()}


def test_acled_api_json_old_and_new(tmp_path):
    """{"status": 200, "success": true, "data": [...]}, numbers as numbers or strings, imports like the CSV."""
    event = _as_api(acled(), ("fatalities", "latitude", "longitude", "time_precision", "geo_precision", "timestamp"))
    (tmp_path / "old.json").write_text(json.dumps({"status": 200, "success": True, "count": 1, "data": [event]}))
    newer = {"status": 200, "success": True, "last_update": 12, "count": 1, "messages": [], "data": [acled()], "filename": "x"}
    (tmp_path / "new.json").write_text(json.dumps(newer))
    for name in ("old", "new"):
        code, out, err = run("import", "acled", tmp_path / f"{name}.json", "--out", tmp_path / name)
        assert code == 0, err
        toll = one(tmp_path / name, "casualties")
        assert (toll["strike_id"], toll["killed"]) == ("acled-UKR1001", "35")
        assert "ACLED API JSON" in out


def test_acled_api_error_is_refused(tmp_path):
    (tmp_path / "e.json").write_text(json.dumps({"status": 403, "success": False, "error": {"message": "Access denied"}}))
    code, _, err = run("import", "acled", tmp_path / "e.json", "--out", tmp_path / "out")
    assert code == 2 and "status 403" in err and "Access denied" in err


def test_ucdp_api_pages(tmp_path):
    """{"Result": [...], "TotalCount", "NextPageUrl"}: the version comes from the URL and the summary says to import
    the next page; a list of pages imports whole."""
    url = "https://ucdpapi.pcr.uu.se/api/gedevents/24.1?pagesize=1&page=1"
    page = {"TotalCount": 2, "TotalPages": 2, "PreviousPageUrl": "", "NextPageUrl": url,
            "Result": [_as_api(ucdp(id="1"), ("id", "best", "low", "high", "latitude", "longitude", "where_prec"))]}  # fmt: skip
    (tmp_path / "page.json").write_text(json.dumps(page))
    code, out, err = run("import", "ucdp", tmp_path / "page.json", "--out", tmp_path / "one")
    assert code == 0, err
    assert one(tmp_path / "one", "sources")["version"] == "24.1"
    assert "holds 1 of 2 events" in out
    last = {**page, "NextPageUrl": "", "PreviousPageUrl": url, "Result": [ucdp(id="2")]}
    (tmp_path / "pages.json").write_text(json.dumps([page, last]))
    code, _, err = run("import", "ucdp", tmp_path / "pages.json", "--out", tmp_path / "all")
    assert code == 0, err
    assert [s["strike_id"] for s in rows(tmp_path / "all", "strikes")] == ["ucdp-1", "ucdp-2"]


# --- actors ------------------------------------------------------------------------------------


def test_a_states_forces_coded_external_are_a_state_rolled_up_to_it(tmp_path):
    """inter1 8 on Russia's air force is a state, part of Russia; Wagner coded 8 is an organisation."""
    code, _, err, folder = import_acled(
        tmp_path,
        [
            acled(event_id_cnty="UKR1", actor1="Military Forces of Russia (2000-) Air Force", inter1="8"),
            acled(event_id_cnty="UKR2", actor1="Wagner Group", inter1="External/Other forces"),
        ],
    )
    assert code == 0, err
    actors = {a["actor_id"]: (a["name"], a["actor_type"], a["part_of"]) for a in rows(folder, "actors")}
    assert actors["military-forces-of-russia-2000-air-force"] == ("Military Forces of Russia (2000-) Air Force", "state", "russia")
    assert actors["russia"] == ("Russia", "state", "")
    assert actors["wagner-group"] == ("Wagner Group", "organisation", "")


def test_roll_up_joins_an_existing_country_actor(tmp_path):
    """Merged into the bundled data, Russia's services roll up to its own `russia` actor, not a second one."""
    import shutil
    from pathlib import Path

    shutil.copytree(Path(__file__).resolve().parents[1] / "data", tmp_path / "data")
    code, _, err, folder = import_acled(tmp_path, [acled(inter1="8")], "--merge", out="data")
    assert code == 0, err
    ids = [a["actor_id"] for a in rows(folder, "actors")]
    assert ids.count("russia") == 1 and "military-forces-of-russia-2000-" in ids


# --- two imports at once -----------------------------------------------------------------------


def test_a_second_import_into_a_locked_folder_is_refused(tmp_path):
    """While one import holds the folder, another into it fails (exit 2), says why, and changes nothing."""
    code, _, err, folder = import_acled(tmp_path, [acled()])
    assert code == 0, err
    before = {f.name: f.read_bytes() for f in folder.iterdir()}
    lock = FolderLock(folder)
    lock.acquire()
    try:
        code, _, err, _ = import_acled(tmp_path, [acled(event_id_cnty="UKR2")], "--merge", name="b.csv")
    finally:
        lock.release()
    assert code == 2 and "another import into" in err
    assert {f.name: f.read_bytes() for f in folder.iterdir()} == before
    code, _, err, _ = import_acled(tmp_path, [acled(event_id_cnty="UKR2")], "--merge", name="b.csv")
    assert code == 0, err
    assert len(rows(folder, "strikes")) == 2


# --- invisible characters ----------------------------------------------------------------------


def test_invisible_characters_in_a_publishers_text_are_removed_and_named(tmp_path):
    """A zero-width space in a place and a right-to-left override in the notes: the import drops them (the loader
    would refuse its own output), names the line, column and character, and keeps every visible letter."""
    code, out, err, folder = import_acled(tmp_path, [acled(location="Su\u200bmy", notes="Missile strike\u202e on Sumy.")])
    assert code == 0, err
    strike = one(folder, "strikes")
    assert strike["city"] == "Sumy" and strike["excerpt"] == "Missile strike on Sumy."
    assert "line 2: column location: removed the invisible character U+200B ZERO WIDTH SPACE" in out
    assert "line 2: column notes: removed the invisible character U+202E RIGHT-TO-LEFT OVERRIDE" in out
