"""The queries over the derived tables (conflictdesk/derived.py) give what the plain queries give.

The pages read the pre-added tables so a filter change stays fast on a million strikes; each of those
queries is checked here against the plain query it stands in for, on the fixture of datafixtures.py made
harder (two reports on one day, a report before the strike, one after the period), for many periods and
actor choices.
"""

import datetime as dt

import pandas as pd
import pytest

from datafixtures import minimal_tables, write_folder
from conflictdesk.derived import DERIVED_TABLES, add_derived
from conflictdesk.load import load
from conflictdesk.queries import run_query
from conflictdesk.synth import write_synthetic

D = dt.date
WORLD = {"south": -90.0, "west": -180.0, "north": 90.0, "east": 180.0}
# Ends before, on and after each report date of the fixtures (the harder one has reports on 12, 24 and 30 April).
PERIODS = [
    (D(2025, 4, 1), D(2025, 4, 12)), (D(2025, 4, 1), D(2025, 4, 13)), (D(2025, 4, 13), D(2025, 4, 13)),
    (D(2025, 4, 1), D(2025, 4, 18)), (D(2025, 4, 14), D(2025, 4, 21)), (D(2025, 4, 1), D(2025, 4, 24)),
    (D(2025, 4, 13), D(2025, 4, 25)), (D(2025, 4, 1), D(2025, 4, 30)), (D(2025, 4, 21), D(2025, 4, 30)),
    # no sentinel dates: the last day Python can name, and the first, are periods like any other (issue 11)
    (D(2025, 4, 13), D(9999, 12, 31)), (D(1, 1, 1), D(9999, 12, 31)), (D(1, 1, 1), D(2025, 4, 14)),
]
ACTORS = [[], ["russia"], ["ukraine", "united_states"]]
# Every period without an actor filter, and every period with one of the two actor choices (taking turns): each
# period meets a filter and each filter meets half the periods, at two thirds of the cost of every pair.
WHERE = {
    "every actor": [(period, []) for period in PERIODS],
    "an actor filter": [(period, ACTORS[1 + i % 2]) for i, period in enumerate(PERIODS)],
}


def report(report_id, strike_id, reported_on, killed=None, killed_qualifier=None, injured=None, injured_qualifier=None):
    """A casualty report whose excerpt is a verbatim piece of the fixture's source text."""
    row = {"report_id": report_id, "strike_id": strike_id, "reported_on": reported_on, "status": "claimed",
           "source_id": "s1", "excerpt": "killing 35 people"}
    if killed is not None:
        row |= {"killed": str(killed), "killed_qualifier": killed_qualifier, "killed_phrase": f"{killed_qualifier} {killed}"}
    if injured is not None:
        row |= {"injured": str(injured), "injured_qualifier": injured_qualifier,
                "injured_phrase": f"{injured_qualifier} {injured}"}
    return row


def harder_casualties() -> list[dict]:
    """Ties on one day (the higher id wins), a report dated before its strike, reports after the period."""
    return minimal_tables()["casualties"] + [
        report("sumy-toll-0", "sumy", "2025-04-12", killed=20, killed_qualifier="exact"),  # before the strike
        report("sumy-toll-3", "sumy", "2025-04-25", killed=41, killed_qualifier="nearly"),  # same day as toll-2
        report("belgorod-a", "belgorod", "2025-04-24", injured=2, injured_qualifier="exact"),
        report("belgorod-b", "belgorod", "2025-04-24", injured=5, injured_qualifier="vague"),
        report("belgorod-c", "belgorod", "2025-04-30", killed=1, killed_qualifier="exact", injured=5, injured_qualifier="exact"),
    ]


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    """The harder fixture (every row of datafixtures.py plus the tricky reports above), loaded, with the derived
    tables. The plain fixture is a subset of it, so checking both would run the same comparisons twice."""
    connection = load(write_folder(tmp_path_factory.mktemp("harder"), casualties=harder_casualties()))
    add_derived(connection)
    return connection


def plain(frame: pd.DataFrame, columns: list[str]) -> list[tuple]:
    """Rows as tuples of plain values (None for any missing value), for comparing two frames."""
    cells = frame[columns].astype(object).where(frame[columns].notna(), None)
    return [tuple(row) for row in cells.itertuples(index=False)]


LATEST_COLUMNS = ["strike_id", "date", "date_precision", "city", "place", "attacker", "attacker_name", "report_id",
                  "reported_on", "population", "killed", "killed_qualifier", "killed_phrase", "injured",
                  "injured_qualifier", "injured_phrase", "claimant", "claimant_name", "toll_status", "source_id"]
MAP_COLUMNS = ["strike_id", "date", "date_precision", "time_local", "city", "oblast", "place", "latitude", "longitude",
               "geo_precision", "attacker", "attacker_name", "weapon", "target_type", "target", "status", "killed",
               "killed_qualifier", "killed_phrase", "injured", "injured_qualifier", "injured_phrase", "toll_claimant",
               "toll_status", "source_id", "publisher", "source_title", "source_url", "source_type"]
HISTORY_COLUMNS = ["report_id", "strike_id", "city", "strike_date", "reported_on", "population", "killed",
                   "killed_qualifier", "killed_phrase", "injured", "injured_qualifier", "injured_phrase", "claimant",
                   "claimant_name", "status", "source_id", "publisher", "excerpt", "notes"]


@pytest.mark.parametrize("filters", WHERE)
def test_every_period_gives_what_the_plain_queries_give(con, filters):
    """For every period, with and without an actor filter: tolls, totals, map rows, reports and timeline counts all
    agree."""
    for (date_from, date_to), actors in WHERE[filters]:
        params = {"date_from": date_from, "date_to": date_to, "actors": actors}
        where = (date_from, date_to, actors)
        latest = run_query(con, "reference/latest_tolls", **params)
        view = run_query(con, "view_tolls", **params, limit=1000)
        assert plain(view, LATEST_COLUMNS) == plain(latest, LATEST_COLUMNS), where
        download = run_query(con, "latest_tolls", **params)
        assert plain(download, [*LATEST_COLUMNS, "excerpt"]) == plain(latest, [*LATEST_COLUMNS, "excerpt"]), where

        old = run_query(con, "reference/overview_totals", **params)
        new = run_query(con, "toll_totals", **params)
        columns = ["figure", "total", "qualifier", "strikes", "reported"]
        assert plain(new, columns) == plain(old, columns), where

        strikes = run_query(con, "reference/strikes_for_map", **params)
        points = run_query(con, "map_points", **params, **WORLD, limit=1000)
        assert plain(points, MAP_COLUMNS) == plain(strikes, MAP_COLUMNS), where
        export = run_query(con, "strikes_for_map", **params)
        assert plain(export, list(strikes.columns)) == plain(strikes, list(strikes.columns)), where
        assert list(export.columns) == list(strikes.columns), where

        history = run_query(con, "reference/toll_history", **params)
        first = run_query(con, "first_reports", **params, limit=1000)
        assert plain(first, HISTORY_COLUMNS) == plain(history, HISTORY_COLUMNS), where
        download = run_query(con, "toll_history", **params)
        assert plain(download, HISTORY_COLUMNS) == plain(history, HISTORY_COLUMNS), where
        some = list(latest["strike_id"])
        histories = run_query(con, "strike_histories", strike_ids=some, date_to=date_to)
        assert plain(histories, HISTORY_COLUMNS) == plain(history, HISTORY_COLUMNS), where

        tables = run_query(con, "table_counts", **params).set_index("table_name")["filtered_rows"]
        assert (tables["strikes"], tables["casualties"]) == (len(latest), len(history)), where

        counts = run_query(con, "view_counts", **params).iloc[0]
        several = history.groupby("strike_id").size()
        assert (counts["strikes"], counts["reports"], counts["with_history"]) == (
            len(latest), len(history), int((several >= 2).sum())), where

        cells = run_query(con, "map_cells", **params, merge=1)
        direct = run_query(con, "box_cells", **params, **WORLD, size=0.25)
        assert plain(cells, list(cells.columns)) == plain(direct, list(cells.columns)), where
        assert cells["strikes"].sum() == len(latest), where

        items = run_query(con, "timeline", **params)
        expected = items.groupby(["date", "kind"]).size().sort_index()
        days = run_query(con, "timeline_days", **params).set_index(["date", "kind"])["items"].sort_index()
        assert list(days.items()) == list(expected.items()), where


def test_top_tolls_are_the_highest_first(con):
    """The highest tolls (killed + injured as last reported by the end of the period) come first."""
    for date_from, date_to in PERIODS:
        params = {"date_from": date_from, "date_to": date_to, "actors": []}
        latest = run_query(con, "reference/latest_tolls", **params)
        people = latest["killed"].fillna(0).astype(int) + latest["injured"].fillna(0).astype(int)
        expected = latest.assign(people=people).sort_values(["people", "strike_id"], ascending=[False, True])
        top = run_query(con, "top_tolls", **params, limit=2)
        assert list(top["strike_id"]) == list(expected["strike_id"])[:2], (date_from, date_to)
        assert list(top["people"]) == list(expected["people"])[:2]


@pytest.mark.parametrize(
    "sumy, odesa, expected",
    [
        ("exact", "exact", (37, "exact")),
        ("exact", "over", (37, "at_least")),
        ("exact", "at_least", (37, "at_least")),
        ("exact", "vague", (37, "at_least")),
        ("exact", None, (35, "at_least")),  # Odesa has no figure at all
        ("exact", "about", (37, "about")),
        ("nearly", "exact", (37, "about")),
        ("exact", "up_to", (37, "about")),
        ("over", "about", (37, "about")),
        ("over", "up_to", (37, "about")),
    ],
)
def test_totals_and_cells_say_at_least_or_about_like_the_overview(tmp_path, sumy, odesa, expected):
    """The killed total is 'exact' only if every part is exact and present, 'about' with any approximate part, else
    'at_least': in toll_totals (the overview) and in map_cells alike."""
    casualties = [report("t1", "sumy", "2025-04-21", killed=35, killed_qualifier=sumy)]
    if odesa:
        casualties.append(report("t2", "odesa", "2025-04-21", killed=2, killed_qualifier=odesa))
    con = load(write_folder(tmp_path, casualties=casualties))
    add_derived(con)
    params = {"date_from": D(2025, 4, 1), "date_to": D(2025, 4, 21), "actors": ["russia"]}
    totals = run_query(con, "toll_totals", **params).set_index("figure")
    assert (totals.at["killed", "total"], totals.at["killed", "qualifier"]) == expected
    cells = run_query(con, "map_cells", **params, merge=256)  # 64 degrees: Sumy and Odesa in one cell
    assert len(cells) == 1
    assert (cells.at[0, "killed_total"], cells.at[0, "killed_qualifier"], cells.at[0, "strikes"]) == (*expected, 2)


def test_cells_add_up_to_the_map_rows(con):
    """Cells of every size hold every strike of the map once, with the right sums."""
    params = {"date_from": D(2025, 4, 1), "date_to": D(2025, 4, 30), "actors": []}
    strikes = run_query(con, "strikes_for_map", **params)
    for merge in (1, 2, 4):
        cells = run_query(con, "map_cells", **params, merge=merge)
        assert cells["strikes"].sum() == len(strikes)
        assert cells["injured_total"].fillna(0).sum() == strikes["injured"].fillna(0).sum()
        for row in strikes.itertuples():
            inside = cells[(cells.south <= row.latitude) & (row.latitude < cells.north)
                           & (cells.west <= row.longitude) & (row.longitude < cells.east)]
            assert len(inside) == 1 and inside["north"].iloc[0] - inside["south"].iloc[0] == 0.25 * merge
    fine = run_query(con, "box_cells", **params, **WORLD, size=0.02)
    assert fine["strikes"].sum() == len(strikes)
    narrow = run_query(con, "box_cells", **params, south=50.0, west=34.0, north=51.0, east=35.0, size=0.02)
    assert list(narrow["strikes"]) == [1]  # Sumy only
    assert run_query(con, "box_count", **params, south=50.0, west=34.0, north=51.0, east=35.0)["strikes"][0] == 1


def test_derived_tables_exist(con):
    """add_derived creates every derived table."""
    names = {row[0] for row in con.execute("select table_name from information_schema.tables").fetchall()}
    assert set(DERIVED_TABLES) <= names


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    """20,000 synthetic strikes, loaded, with the derived tables."""
    connection = load(write_synthetic(tmp_path_factory.mktemp("synthetic"), 20_000))
    add_derived(connection)
    return connection


def test_first_n_queries_keep_the_stored_order_on_many_rows(synthetic):
    """On 20,000 strikes the early-stopping queries give the same rows as sorting everything would."""
    params = {"date_from": D(2022, 6, 1), "date_to": D(2024, 6, 1), "actors": ["synthetic-side-a"]}
    latest = run_query(synthetic, "reference/latest_tolls", **params)
    people = latest["killed"].fillna(0).astype(int) + latest["injured"].fillna(0).astype(int)
    expected = latest.assign(people=people).sort_values(["people", "strike_id"], ascending=[False, True])
    top = run_query(synthetic, "top_tolls", **params, limit=500)
    assert list(top["strike_id"]) == list(expected["strike_id"])[:500]
    history = run_query(synthetic, "reference/toll_history", **params)
    first = run_query(synthetic, "first_reports", **params, limit=1000)
    assert list(first["report_id"]) == list(history["report_id"])[:1000]
    for period in (params, {"date_from": D(2022, 3, 1), "date_to": D(2023, 12, 31), "actors": []},
                   {"date_from": D(2024, 2, 10), "date_to": D(2024, 2, 20), "actors": []}):
        cells = run_query(synthetic, "map_cells", **period, merge=1)  # whole months and the days of the others
        direct = run_query(synthetic, "box_cells", **period, **WORLD, size=0.25)
        assert plain(cells, list(cells.columns)) == plain(direct, list(cells.columns)), period
    totals = run_query(synthetic, "toll_totals", **params).set_index("figure")
    old = run_query(synthetic, "reference/overview_totals", **params).set_index("figure")
    assert totals[["total", "qualifier", "reported"]].equals(old[["total", "qualifier", "reported"]])
