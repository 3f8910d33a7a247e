"""The Air attacks view model on a real DuckDB: given the daily file of tests/airfixtures.py imported into a copy
of data/, each span's cards say exactly the words written out below (see the fixture's table of nights)."""

import datetime as dt

import pytest

from airfixtures import imported_folder
from conflictdesk.derived import add_derived
from conflictdesk.filters import Filters
from conflictdesk.load import ROOT, load
from conflictdesk.models.air_attacks import air_attacks, report_table
from conflictdesk.queries import run_query
from conflictdesk.view import View

D = dt.date
AF, SOUTH = "ukraine-air-force", "command-pivden"


def runner(folder):
    con = load(folder)
    add_derived(con)
    return lambda name, **params: run_query(con, name, **params)


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    return runner(imported_folder(tmp_path_factory.mktemp("air")))


def view(first, last, *actors) -> View:
    return View("air", Filters(first, last, tuple(actors)))


def cards(span):
    """(claimant, [(group, launched, destroyed, share)], recon sentence or None, counted) per card."""
    return [
        (c.claimant, [(l.group, l.launched, l.destroyed, l.share) for l in c.lines],
         c.recon.sentence if c.recon else None, c.counted)
        for c in span.claimants
    ]  # fmt: skip


def test_the_week_of_14_april_gives_each_claimant_its_own_card_never_their_sum(run):
    """Period 14-20 April: the Air Force (200 drones, at least 130 destroyed as one night gives no count; 81% over
    the two nights giving both; 10 missiles; 2 recon drones apart) and the regional command (42, 37), in that order."""
    model = air_attacks(view(D(2025, 4, 14), D(2025, 4, 20)), run)
    assert model.week.title == "Latest week with reports: 14 Apr 2025 – 20 Apr 2025"
    assert model.week.note.startswith("Monday to Sunday")
    assert cards(model.week) == [
        (AF, [
            ("drones", "200", "at least 130",
             "81% destroyed where the same report gives both counts (130 of 160, 2 reports)"),
            ("missiles", "10", "7", "70% destroyed where the same report gives both counts (7 of 10, 1 report)"),
        ], "2 launched, 2 destroyed.", "3 nights with a report; 5 reports."),
        (SOUTH, [
            ("drones", "42", "37", "88% destroyed where the same report gives both counts (37 of 42, 2 reports)"),
        ], None, "2 nights with a report; 2 reports."),
    ]  # fmt: skip
    assert [c.publishers for c in model.week.claimants] == ["Test air-attack compiler"] * 2


def test_the_latest_week_is_cut_by_the_period_and_the_actor_filter_chooses_claimants(run):
    """Period 14-22 April: the latest week is 21-22 April, the Air Force's one night; the regional command alone
    has the week of 14 April as its latest."""
    model = air_attacks(view(D(2025, 4, 14), D(2025, 4, 22)), run)
    assert model.week.title == "Latest week with reports: 21 Apr 2025 – 22 Apr 2025"
    assert "cut by the period" in model.week.note
    assert cards(model.week) == [
        (AF, [("drones", "90", "75", "83% destroyed where the same report gives both counts (75 of 90, 1 report)")],
         None, "1 night with a report; 1 report."),
    ]  # fmt: skip
    south = air_attacks(view(D(2025, 4, 14), D(2025, 4, 22), SOUTH), run)
    assert [c.claimant for c in south.week.claimants] == [SOUTH]
    assert set(south.reports["claimant"]) == {SOUTH}


def test_chart_rows_carry_their_words_and_recon_drones_stay_apart(run):
    """The weekly rows: one per claimant and family, each with its figures in words; the Orlan is a recon drone."""
    model = air_attacks(view(D(2025, 4, 14), D(2025, 4, 20)), run)
    got = [
        (r["claimant"], r["weapon"], r["recon"], r["family_label"], r["launched_text"], r["destroyed_text"])
        for r in model.weeks.to_dict("records")
    ]
    assert got == [
        (SOUTH, "drone", False, "Attack drones", "42", "37"),
        (AF, "cruise_missile", False, "Cruise missiles", "10", "7"),
        (AF, "drone", False, "Attack drones", "200", "at least 130"),
        (AF, "recon_drone", True, "Reconnaissance drones", "2", "2"),
    ]


def test_the_report_table_keeps_an_unreported_count_as_not_reported(run):
    """The 20 April Shahed report gives no destroyed count: its cell says so, never 0."""
    table = report_table(air_attacks(view(D(2025, 4, 20), D(2025, 4, 20), AF), run).reports)
    assert table[["Weapon (as reported)", "Launched", "Destroyed"]].values.tolist() == [
        ["Orlan-10", "2 (launched 2.0)", "2 (destroyed 2.0)"],
        ["Shahed-136/131", "40 (launched 40.0)", "not reported"],
    ]


def test_without_air_attack_rows_the_model_explains_and_invents_nothing(tmp_path):
    """The bundled data: no rows, no spans, a message saying what the table is for."""
    model = air_attacks(view(D(2025, 4, 13), D(2025, 4, 25)), runner(ROOT / "data"))
    assert (model.rows_in_data, model.week, model.period, len(model.reports)) == (0, None, None, 0)
    assert model.empty_message.startswith("No air-attack reports are loaded")


def test_a_period_without_reports_says_how_many_there_are_in_all(run):
    model = air_attacks(view(D(2025, 4, 1), D(2025, 4, 13)), run)
    assert model.week is None
    assert model.empty_message.startswith("No air-attack reports in this period by the claimants chosen (8 in the data")
