"""UCDP GED imports: a small GED file written here, imported in process, the folder read back."""

import pytest

from importfixtures import (
    assert_valid,
    import_ucdp,
    one,
    rows,
    ucdp,
)


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


def test_ucdp_where_prec_5_is_a_region_never_a_place(tmp_path):
    """where_prec 5 (UCDP knows only an area larger than an oblast, "Donbas", or a line) is imported as region, the
    contract's word for "not a place", with UCDP's meaning in the notes; 4 (the oblast) stays oblast."""
    code, out, err, folder = import_ucdp(tmp_path, [
        ucdp(id="1", where_prec="4"),
        ucdp(id="2", where_prec="5", where_coordinates="Donbas", adm_1="", adm_2="", latitude="48.0", longitude="38.0"),
    ])
    assert code == 0, err
    got = [(s["strike_id"], s["city"], s["geo_precision"]) for s in rows(folder, "strikes")]
    assert got == [("ucdp-1", "Kharkiv town", "oblast"), ("ucdp-2", "Donbas", "region")]
    assert "where_prec 5: UCDP knows only an area larger than an oblast or a line" in rows(folder, "strikes")[1]["notes"]
    assert_valid(folder)


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


def test_a_split_that_does_not_add_up_to_best_is_flagged_not_corrected(tmp_path):
    """UCDP's codebook: best = deaths_a + deaths_b + deaths_civilians + deaths_unknown. Civilians 5 with best 0 is
    imported as given, marked as contradicting itself, with a warning."""
    code, out, err, folder = import_ucdp(tmp_path, [ucdp(best="0", low="0", high="0", deaths_civilians="5")])
    assert code == 0, err
    toll = one(folder, "casualties")
    assert toll["killed"] == "0"
    assert "adds up to 5, not best 0" in toll["source_inconsistency"] and "adds up to 5, not best 0" in out


def test_the_summary_counts_ucdp_events_as_events_never_as_strikes(tmp_path):
    """Rule 4: UCDP's one-sided violence is written as an event of its own kind, and the summary says so."""
    code, out, err, _ = import_ucdp(tmp_path, [ucdp()])
    assert code == 0, err
    assert "Written: 1 event (0 strikes, 1 of other kinds, never counted as strikes) with 1 casualty report." in out
    assert "Rows per file: " in out and "strikes.csv 1" in out  # the file's rows, not a count of strikes
