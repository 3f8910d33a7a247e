"""The Air attacks queries on a real DuckDB: given a few reports written here, each query returns exactly the rows
written out below.

Given (nights are the day a period ends):
  night 2025-04-20  Air Force:  Shahed-136/131 100 launched, 80 destroyed; X-101/X-555 10 launched, destroyed not
                                reported; Orlan-10 2 launched, 2 destroyed (a reconnaissance drone)
                    Air Command South: Shahed-136/131 30 launched, 25 destroyed (overlaps the Air Force's count)
  night 2025-04-19  Air Force:  Shahed-136/131 "about 50" launched, 40 destroyed (a Saturday: the same week as Sunday the 20th)
  night 2025-04-28  Air Force:  Shahed-136/131 20 launched, destroyed not reported (the next week)
"""

import csv
import datetime as dt
import math

import pandas as pd
import pytest

from datafixtures import minimal_tables, write_folder
from conflictdesk.derived import add_derived
from conflictdesk.load import load, validate
from conflictdesk.queries import run_query
from conflictdesk.schema import TABLES_BY_NAME

D = dt.date
APRIL = {"date_from": D(2025, 4, 1), "date_to": D(2025, 4, 30), "actors": []}
AF, SOUTH = "ua-air-force", "air-command-south"


def report(report_id, start, end, claimant, model, weapon, launched=None, destroyed=None, about=False):
    row = {
        "report_id": report_id, "period_start": start, "period_end": end, "claimant": claimant,
        "weapon_model": model, "weapon": weapon, "target_area": "Ukraine", "status": "claimed",
        "reported_on": end[:10], "source_id": "af", "notes": "",
        # the command's own words, holding every phrase below (validate looks for them there)
        "excerpt": f"{model}: {'about ' if about else ''}{launched} launched, {destroyed} destroyed",
    }  # fmt: skip
    if launched is not None:
        row |= {"launched": str(launched), "launched_qualifier": "about" if about else "exact",
                "launched_phrase": f"{'about ' if about else ''}{launched}"}  # fmt: skip
    if destroyed is not None:
        row |= {"destroyed": str(destroyed), "destroyed_qualifier": "exact", "destroyed_phrase": str(destroyed)}
    return row


REPORTS = [
    report("n1-shahed", "2025-04-19 18:00", "2025-04-20 08:00", AF, "Shahed-136/131", "drone", 100, 80),
    report("n1-x101", "2025-04-19 18:00", "2025-04-20 08:00", AF, "X-101/X-555", "cruise_missile", 10),
    report("n1-orlan", "2025-04-19 18:00", "2025-04-20 08:00", AF, "Orlan-10", "recon_drone", 2, 2),
    report("n1-south", "2025-04-19 19:00", "2025-04-20 07:00", SOUTH, "Shahed-136/131", "drone", 30, 25),
    report("n2-shahed", "2025-04-18 18:00", "2025-04-19 08:30", AF, "Shahed-136/131", "drone", 50, 40, about=True),
    report("n3-shahed", "2025-04-27", "2025-04-28", AF, "Shahed-136/131", "drone", 20),
]


def write_csv(folder, name, rows):
    table = TABLES_BY_NAME[name]
    with (folder / table.file).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=table.column_names, restval="", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    tables = minimal_tables()
    tables["sources"].append(
        {"source_id": "af", "publisher": "Test air-attack file", "title": "Air attacks", "published_on": "2025-04-28",
         "source_type": "dataset"}  # fmt: skip
    )
    tables["actors"] += [
        {"actor_id": AF, "name": "Air Force of the Armed Forces of Ukraine", "actor_type": "official_body"},
        {"actor_id": SOUTH, "name": "Air Command South", "actor_type": "official_body"},
    ]
    folder = write_folder(tmp_path_factory.mktemp("air"), sources=tables["sources"], actors=tables["actors"])
    write_csv(folder, "air_attacks", REPORTS)
    assert validate(folder)[0] == []
    con = load(folder)
    add_derived(con)
    return con


def rows(frame, columns):
    """The frame's rows as tuples of plain values: None for a missing value, dates as dates, shares to 3 places."""

    def plain(value):
        if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
            return None
        if isinstance(value, pd.Timestamp):
            return value.date()
        return round(value, 3) if isinstance(value, float) else value

    return [tuple(plain(record[c]) for c in columns) for record in frame.to_dict("records")]


NIGHT_COLUMNS = ("night", "claimant", "weapon", "recon", "reports", "launched", "launched_qualifier", "destroyed",
                 "destroyed_qualifier", "paired_launched", "paired_destroyed", "destroyed_share", "share_qualifier")  # fmt: skip


def test_nights_keep_claimants_apart_recon_apart_and_share_only_from_paired_reports(con):
    """Each claimant's night stands alone (the regional 30 is never added to the Air Force's 100); the Orlan is a
    recon drone, not a drone; the cruise missiles have no share because no report gives both counts."""
    got = rows(run_query(con, "air_nights", **APRIL), NIGHT_COLUMNS)
    assert got == [
        (D(2025, 4, 19), AF, "drone", False, 1, 50, "about", 40, "exact", 50, 40, 0.8, "about"),
        (D(2025, 4, 20), SOUTH, "drone", False, 1, 30, "exact", 25, "exact", 30, 25, 0.833, "exact"),
        (D(2025, 4, 20), AF, "cruise_missile", False, 1, 10, "exact", None, "none", None, None, None, None),
        (D(2025, 4, 20), AF, "drone", False, 1, 100, "exact", 80, "exact", 100, 80, 0.8, "exact"),
        (D(2025, 4, 20), AF, "recon_drone", True, 1, 2, "exact", 2, "exact", 2, 2, 1.0, "exact"),
        (D(2025, 4, 28), AF, "drone", False, 1, 20, "exact", None, "none", None, None, None, None),
    ]


def test_weeks_add_nights_within_a_claimant_and_carry_the_least_exact_qualifier(con):
    """The week of Monday 14 April adds the Air Force's two drone nights (100 + about 50 = about 150); the week of
    28 April has a launch count with no destroyed count, so no share."""
    columns = ("week_start", "nights", "claimant", "weapon", "launched", "launched_qualifier", "destroyed",
               "destroyed_qualifier", "destroyed_share")  # fmt: skip
    got = [r for r in rows(run_query(con, "air_weeks", **APRIL), columns) if r[3] == "drone"]
    assert got == [
        (D(2025, 4, 14), 1, SOUTH, "drone", 30, "exact", 25, "exact", 0.833),
        (D(2025, 4, 14), 2, AF, "drone", 150, "about", 120, "exact", 0.8),
        (D(2025, 4, 28), 1, AF, "drone", 20, "exact", None, "none", None),
    ]


def test_period_totals_by_weapon_group_never_mix_claimants_or_recon(con):
    """The headline per claimant: drones, missiles and recon drones apart; a report without a destroyed count
    makes the destroyed total 'at least'; the share counts only reports giving both."""
    columns = ("claimant", "weapon_group", "recon", "nights", "launched", "launched_qualifier", "destroyed",
               "destroyed_qualifier", "paired_launched", "destroyed_share")  # fmt: skip
    got = rows(run_query(con, "air_period_totals", **APRIL), columns)
    assert got == [
        (SOUTH, "drones", False, 1, 30, "exact", 25, "exact", 30, 0.833),
        (AF, "drones", False, 3, 170, "about", 120, "at_least", 150, 0.8),
        (AF, "missiles", False, 1, 10, "exact", None, "none", None, None),
        (AF, "recon drones", True, 1, 2, "exact", 2, "exact", 2, 1.0),
    ]
    only_south = rows(run_query(con, "air_period_totals", **(APRIL | {"actors": [SOUTH]})), ("claimant",))
    assert only_south == [(SOUTH,)]


def test_reports_list_keeps_unreported_figures_empty_and_names_the_source(con):
    """A destroyed count the report does not give is empty (not 0); each row names its claimant and source."""
    frame = run_query(con, "air_reports", date_from=D(2025, 4, 28), date_to=D(2025, 4, 28), actors=[])
    got = rows(frame, ("report_id", "period_start", "claimant_name", "launched", "destroyed", "destroyed_phrase", "publisher"))
    assert got == [("n3-shahed", "2025-04-27", "Air Force of the Armed Forces of Ukraine", 20, None, None, "Test air-attack file")]


def test_a_folder_without_air_attacks_loads_and_the_queries_return_nothing(tmp_path):
    """The bundled kind of folder has no air_attacks.csv: it stays valid and every air query is empty, not an error."""
    folder = write_folder(tmp_path)
    assert not (folder / "air_attacks.csv").exists()
    assert validate(folder)[0] == []
    con = load(folder)
    add_derived(con)
    for name in ("air_nights", "air_weeks", "air_period_totals", "air_reports"):
        assert run_query(con, name, **APRIL).empty


def test_a_cached_database_from_before_the_air_attacks_table_is_rebuilt(tmp_path, monkeypatch):
    """A cache written by an older version, without the optional tables, is not reused: the air queries run."""
    import duckdb

    from conflictdesk.cache import cache_file, open_data
    from conflictdesk.load import data_version

    monkeypatch.setenv("CONFLICTDESK_CACHE", str(tmp_path / "cache"))
    folder = write_folder(tmp_path)
    open_data(folder).close()
    old = duckdb.connect(str(cache_file(data_version(folder))))
    old.execute("drop table air_attacks")
    old.close()
    con = open_data(folder)
    assert run_query(con, "air_reports", **APRIL).empty


def test_table_counts_count_air_reports_by_night_and_claimant(con):
    """The Sources page's counts: six reports in all, six with their night in April, one by the regional command."""

    def air(**params):
        frame = run_query(con, "table_counts", **params).set_index("table_name")
        return int(frame.at["air_attacks", "total_rows"]), int(frame.at["air_attacks", "filtered_rows"])

    assert air(**APRIL) == (6, 6)
    assert air(**(APRIL | {"actors": [SOUTH]})) == (6, 1)
    assert air(date_from=D(2025, 4, 21), date_to=D(2025, 4, 30), actors=[]) == (6, 1)  # only the 28 April night
