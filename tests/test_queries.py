"""Given the tiny fixture of conftest.py, each named query returns exactly the rows written out here.

The fixture in short (see conftest.minimal_tables):
  strikes     sumy 2025-04-13 (russia), belgorod 2025-04-18 (ukraine), odesa 2025-04-21 (russia)
  casualties  sumy-toll-1 reported 04-14 (35 exact killed, over 100 injured, claimed by ukraine),
              sumy-toll-2 reported 04-25 (about 40 killed, more than 120 injured),
              odesa-toll-1 reported 04-21 (at least three injured, no killed figure, unattributed)
  truce       easter 2025-04-20 to 2025-04-21, declared by russia; claims by ukraine (nearly 3,000) and russia (hundreds)
  statements  peskov-1 04-14, trump-1 04-18, putin-1 04-20, zelensky-1 04-21
  events      dismissal 04-15 (no actors), paris 04-17 (ukraine, united_states), russia-truce 04-19 (russia),
              london 04-23 (ukraine, united_states)
"""

import datetime as dt
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from datafixtures import minimal_tables, write_folder
from conflictdesk.derived import add_derived
from conflictdesk.load import load
from conflictdesk.search import matching
from conflictdesk.queries import QUERY_DIR, run_query

D = dt.date
APRIL = {"date_from": D(2025, 4, 1), "date_to": D(2025, 4, 21)}  # ends before the later Sumy toll
ALL_APRIL = {"date_from": D(2025, 4, 1), "date_to": D(2025, 4, 30)}


def built(folder: Path):
    """A data folder loaded, with the derived tables, macros and views (as the app's cached database has them)."""
    connection = load(folder)
    add_derived(connection)
    return connection


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    """The minimal fixture, loaded and built."""
    return built(write_folder(tmp_path_factory.mktemp("queries")))


def plain(value):
    """A DataFrame cell as a plain Python value: None for missing, date for dates, list for lists."""
    if isinstance(value, (list, tuple, np.ndarray)):
        return [plain(v) for v in value]
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and np.isnan(value):
        return None
    if isinstance(value, (pd.Timestamp, dt.datetime)):
        return value.date()
    if isinstance(value, np.generic):
        return plain(value.item())
    return value


def rows(frame: pd.DataFrame, *columns: str) -> list[tuple]:
    """The chosen columns of each row, as plain tuples."""
    return [tuple(plain(v) for v in record) for record in frame[list(columns)].itertuples(index=False)]


def ids(frame: pd.DataFrame, column: str) -> list:
    return [plain(v) for v in frame[column]]


# --- strikes, tolls, totals -------------------------------------------------------------------


def test_strikes_for_map_with_latest_toll_known_by_the_end_of_the_period(con):
    """The map lists each strike of the period with its latest toll by date_to and who claimed it."""
    frame = run_query(con, "strikes_for_map", **APRIL, actors=[])
    assert rows(
        frame, "strike_id", "date", "attacker_name", "latitude", "longitude",
        "killed", "killed_qualifier", "killed_phrase", "injured", "injured_phrase", "toll_claimant", "publisher",
    ) == [
        ("sumy", D(2025, 4, 13), "Russia", 50.9077, 34.7981, 35, "exact", "35", 100, "over 100", "Ukraine", "Test Wire"),
        ("belgorod", D(2025, 4, 18), "Ukraine", 50.5954, 36.5873, None, None, None, None, None, None, "Test Wire"),
        ("odesa", D(2025, 4, 21), "Russia", 46.4825, 30.7233, None, None, None, 3, "at least three", "unattributed", "Test Wire"),
    ]


@pytest.mark.parametrize(
    "period, actors, expected",
    [
        (APRIL, ["russia"], ["sumy", "odesa"]),
        (APRIL, ["ukraine"], ["belgorod"]),
        (APRIL, ["ukraine", "russia"], ["sumy", "belgorod", "odesa"]),
        (APRIL, ["united_states"], []),
        ({"date_from": D(2025, 4, 14), "date_to": D(2025, 4, 20)}, [], ["belgorod"]),
        ({"date_from": D(2025, 4, 13), "date_to": D(2025, 4, 13)}, [], ["sumy"]),
        ({"date_from": D(2025, 4, 21), "date_to": D(2025, 4, 30)}, ["russia"], ["odesa"]),
    ],
)
def test_strikes_for_map_filters_by_date_and_attacker(con, period, actors, expected):
    """Strikes are kept when their date is in the (inclusive) period and their attacker is chosen; [] means all."""
    assert ids(run_query(con, "strikes_for_map", **period, actors=actors), "strike_id") == expected


def test_latest_tolls_ignores_reports_after_the_period(con):
    """A toll reported after date_to is not used: Sumy shows 35 killed up to 21 April, about 40 up to 30 April."""
    columns = ("strike_id", "report_id", "reported_on", "killed", "killed_qualifier", "injured", "injured_qualifier", "claimant_name")
    assert rows(run_query(con, "latest_tolls", **APRIL, actors=[]), *columns) == [
        ("sumy", "sumy-toll-1", D(2025, 4, 14), 35, "exact", 100, "over", "Ukraine"),
        ("belgorod", None, None, None, None, None, None, None),  # no report: nobody to attribute
        ("odesa", "odesa-toll-1", D(2025, 4, 21), None, None, 3, "at_least", "unattributed"),
    ]
    assert rows(run_query(con, "latest_tolls", **ALL_APRIL, actors=["russia"]), *columns) == [
        ("sumy", "sumy-toll-2", D(2025, 4, 25), 40, "about", 120, "over", "Ukraine"),
        ("odesa", "odesa-toll-1", D(2025, 4, 21), None, None, 3, "at_least", "unattributed"),
    ]


def test_toll_history_lists_every_report_known_by_the_end_of_the_period(con):
    """Toll history shows each report, oldest first per strike, up to date_to, for the chosen attackers."""
    columns = ("report_id", "strike_id", "reported_on", "killed", "killed_phrase", "claimant_name")
    assert rows(run_query(con, "toll_history", **APRIL, actors=[]), *columns) == [
        ("odesa-toll-1", "odesa", D(2025, 4, 21), None, None, "unattributed"),
        ("sumy-toll-1", "sumy", D(2025, 4, 14), 35, "35", "Ukraine"),
    ]
    assert rows(run_query(con, "toll_history", **ALL_APRIL, actors=["russia"]), *columns) == [
        ("odesa-toll-1", "odesa", D(2025, 4, 21), None, None, "unattributed"),
        ("sumy-toll-1", "sumy", D(2025, 4, 14), 35, "35", "Ukraine"),
        ("sumy-toll-2", "sumy", D(2025, 4, 25), 40, "about 40", "Ukraine"),
    ]
    assert ids(run_query(con, "toll_history", **ALL_APRIL, actors=["ukraine"]), "report_id") == []


def test_strike_by_id(con):
    """One strike's card by id, whatever the filters; an unknown id gives no row."""
    frame = run_query(con, "strike", strike_id="odesa")
    assert rows(
        frame, "strike_id", "date", "time_local", "city", "latitude", "longitude", "geo_precision",
        "attacker_name", "weapon", "status", "source_title", "excerpt",
    ) == [
        ("odesa", D(2025, 4, 21), "02:30", "Odesa", 46.4825, 30.7233, "city", "Russia", "drone", "claimed", "Test report",
         "Russian drones hit Odesa overnight"),
    ]
    assert len(run_query(con, "strike", strike_id="kyiv")) == 0


def test_strike_reports(con):
    """Every toll report of one strike, oldest first, including reports after any period; none for a strike without."""
    frame = run_query(con, "strike_reports", strike_id="sumy")
    assert rows(frame, "report_id", "reported_on", "killed", "killed_phrase", "injured_phrase", "claimant_name") == [
        ("sumy-toll-1", D(2025, 4, 14), 35, "35", "over 100", "Ukraine"),
        ("sumy-toll-2", D(2025, 4, 25), 40, "about 40", "more than 120", "Ukraine"),
    ]
    assert rows(run_query(con, "strike_reports", strike_id="odesa"), "report_id", "killed", "claimant_name") == [
        ("odesa-toll-1", None, "unattributed"),
    ]
    assert len(run_query(con, "strike_reports", strike_id="belgorod")) == 0


def totals(frame: pd.DataFrame) -> list[tuple]:
    return rows(frame, "figure", "total", "qualifier", "strikes", "reported")


def test_overview_totals_on_the_fixture(con):
    """Up to 21 April: 3 strikes; at least 35 killed (two strikes have no figure); at least 103 injured."""
    assert totals(run_query(con, "toll_totals", **APRIL, actors=[])) == [
        ("strikes", 3, "exact", 3, 3),
        ("killed", 35, "at_least", 3, 1),
        ("injured", 103, "at_least", 3, 2),
    ]


def test_overview_totals_use_the_latest_toll_and_the_attacker_filter(con):
    """Up to 30 April, Russia's strikes: Sumy's later 'about 40' makes killed 'about'; Belgorod is not counted."""
    assert totals(run_query(con, "toll_totals", **ALL_APRIL, actors=["russia"])) == [
        ("strikes", 2, "exact", 2, 2),
        ("killed", 40, "about", 2, 1),
        ("injured", 123, "at_least", 2, 2),
    ]


def test_overview_totals_for_a_period_without_strikes(con):
    """A period with no strikes still gives the three headline rows, all zero."""
    frame = run_query(con, "toll_totals", date_from=D(2024, 1, 1), date_to=D(2024, 12, 31), actors=[])
    assert rows(frame, "figure", "total", "strikes", "reported") == [
        ("strikes", 0, 0, 0),
        ("killed", 0, 0, 0),
        ("injured", 0, 0, 0),
    ]


def test_overview_totals_do_not_include_truce_claims(con):
    """Violation counts from opposing sides are never summed into a headline figure."""
    frame = run_query(con, "toll_totals", **APRIL, actors=[])
    assert ids(frame, "figure") == ["strikes", "killed", "injured"]
    assert 3100 not in ids(frame, "total")


# --- truces and claims ------------------------------------------------------------------------


def test_truce_claims_keep_each_side_on_its_own_row(con):
    """Each side's violation claim is its own row, in its own words; the counts are not merged."""
    frame = run_query(con, "truce_claims", **APRIL, actors=[])
    assert rows(
        frame, "claim_id", "truce_name", "claimant_name", "accused_name", "count", "count_qualifier", "count_phrase", "categories"
    ) == [
        ("easter-ru", "Easter truce", "Russia", "Ukraine", 100, "vague", "hundreds", ["drone attacks", "artillery attacks"]),
        ("easter-ua", "Easter truce", "Ukraine", "Russia", 3000, "nearly", "nearly 3,000 times", []),
    ]


@pytest.mark.parametrize(
    "period, actors, expected",
    [
        (APRIL, ["russia"], ["easter-ru", "easter-ua"]),  # claimant of one, accused in the other
        (APRIL, ["ukraine"], ["easter-ru", "easter-ua"]),
        (APRIL, ["united_states"], []),
        ({"date_from": D(2025, 4, 1), "date_to": D(2025, 4, 19)}, [], []),  # before the truce
        ({"date_from": D(2025, 4, 21), "date_to": D(2025, 4, 30)}, [], ["easter-ru", "easter-ua"]),  # last day
        ({"date_from": D(2025, 4, 22), "date_to": D(2025, 4, 30)}, [], []),  # after it ended
    ],
)
def test_truce_claims_filters(con, period, actors, expected):
    """Claims are kept for truces overlapping the period, made by or against a chosen actor."""
    assert ids(run_query(con, "truce_claims", **period, actors=actors), "claim_id") == expected


def test_truce_claims_by_claimant_only(tmp_path):
    """A claim is found by its claimant or its accused; one whose accused is not stated, by its claimant only."""
    claims = minimal_tables()["truce_violations"]
    claims[1]["accused"] = ""
    con = built(write_folder(tmp_path, truce_violations=claims))
    frame = run_query(con, "truce_claims", **APRIL, actors=["ukraine"])
    assert rows(frame, "claim_id", "accused_name") == [("easter-ua", "Russia")]
    assert rows(run_query(con, "truce_claims", **APRIL, actors=["russia"]), "claim_id", "accused_name") == [
        ("easter-ru", "not stated"),
        ("easter-ua", "Russia"),
    ]


@pytest.mark.parametrize(
    "date_from, date_to, end_date, expected",
    [
        (D(2025, 4, 1), D(2025, 4, 21), "2025-04-21", ["easter"]),
        (D(2025, 4, 21), D(2025, 4, 21), "2025-04-21", ["easter"]),
        (D(2025, 4, 22), D(2025, 4, 30), "2025-04-21", []),
        (D(2025, 4, 1), D(2025, 4, 19), "2025-04-21", []),
        (D(2025, 5, 1), D(2025, 5, 31), "", ["easter"]),  # no end date: still running
    ],
)
def test_truces_in_period(tmp_path, date_from, date_to, end_date, expected):
    """A truce is listed when its window overlaps the period; an open end counts as still running."""
    truces = minimal_tables()["truces"]
    truces[0]["end_date"] = end_date
    con = built(write_folder(tmp_path, truces=truces))
    frame = run_query(con, "truces_in_period", date_from=date_from, date_to=date_to)
    assert ids(frame, "truce_id") == expected
    if expected:
        assert rows(frame, "name", "declared_by_name", "start_date") == [("Easter truce", "Russia", D(2025, 4, 20))]


# --- statements -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "filters, expected",
    [
        ({}, ["zelensky-1", "putin-1", "trump-1", "peskov-1"]),
        ({"actors": ["russia"]}, ["putin-1", "peskov-1"]),
        ({"actors": ["ukraine", "united_states"]}, ["zelensky-1", "trump-1"]),
        ({"date_from": D(2025, 4, 15), "date_to": D(2025, 4, 20)}, ["putin-1", "trump-1"]),
        ({"speakers": ["Donald Trump"]}, ["trump-1"]),
        ({"speakers": ["Donald Trump", "Vladimir Putin"], "actors": ["russia"]}, ["putin-1"]),
        ({"terms": ["ceasefire"]}, ["zelensky-1", "putin-1"]),  # quote, and topic
        ({"terms": ["kremlin"]}, ["peskov-1"]),  # speaker role
        ({"terms": ["united states"]}, ["trump-1"]),  # actor name
        ({"terms": ["state television"]}, ["putin-1"]),  # venue
        ({"terms": ["deal", "military"]}, ["trump-1", "peskov-1"]),  # any term
        ({"terms": ["ceasefire"], "actors": ["ukraine"]}, ["zelensky-1"]),
        ({"terms": ["no such words"]}, []),
    ],
)
def test_statements_filters(con, filters, expected):
    """Statements newest first, narrowed by period, speaker's actor, speaker names and (search.matching) terms."""
    params = {**APRIL, "actors": [], "speakers": [], **filters}
    terms = params.pop("terms", [])
    frame = run_query(con, "statements", **params)
    assert ids(frame[matching(frame, terms)], "statement_id") == expected


def test_statements_columns(con):
    """A statement row carries who said it, for which side, the quote, its topics and its source."""
    frame = run_query(con, "statements", **APRIL, actors=["russia"], speakers=[])
    frame = frame[matching(frame, ["peace"])]
    assert rows(
        frame, "statement_id", "date", "speaker", "actor_name", "quote", "quote_kind", "topics", "related_truce_id", "publisher"
    ) == [
        ("putin-1", D(2025, 4, 20), "Vladimir Putin", "Russia", "peace is welcome", "direct", ["peace talks", "ceasefire"], "easter", "Test Wire"),
    ]


def test_statement_by_id(con):
    """One statement is found by id whatever its date; an unknown id gives no row."""
    frame = run_query(con, "statement", statement_id="peskov-1")
    assert rows(
        frame, "statement_id", "date", "speaker", "speaker_role", "actor_name", "quote_kind", "topics",
        "related_strike_id", "source_title", "excerpt",
    ) == [
        ("peskov-1", D(2025, 4, 14), "Dmitry Peskov", "Kremlin spokesperson", "Russia", "paraphrase", ["Sumy strike"],
         "sumy", "Test report", "Peskov said the strike hit a military target."),
    ]
    assert len(run_query(con, "statement", statement_id="nobody-1")) == 0


def test_latest_statements(con):
    """The newest statements of the period, at most `limit`, for the chosen actors."""
    assert ids(run_query(con, "latest_statements", **APRIL, actors=[], limit=2), "statement_id") == ["zelensky-1", "putin-1"]
    frame = run_query(con, "latest_statements", **APRIL, actors=["russia"], limit=5)
    assert rows(frame, "statement_id", "actor_name") == [("putin-1", "Russia"), ("peskov-1", "Russia")]


def test_strike_statement_cards(con):
    """The quote cards of a strike, oldest first, with actor, topics and source; none for an unmentioned strike."""
    frame = run_query(con, "strike_statement_cards", strike_id="sumy")
    assert rows(frame, "statement_id", "speaker", "actor_name", "quote_kind", "topics", "publisher") == [
        ("peskov-1", "Dmitry Peskov", "Russia", "paraphrase", ["Sumy strike"], "Test Wire"),
        ("zelensky-1", "Volodymyr Zelensky", "Ukraine", "direct", [], "Test Wire"),
    ]
    assert len(run_query(con, "strike_statement_cards", strike_id="belgorod")) == 0


def test_speakers(con):
    """Every speaker by name with how many statements they made."""
    assert rows(run_query(con, "speakers"), "speaker", "statements") == [
        ("Dmitry Peskov", 1),
        ("Donald Trump", 1),
        ("Vladimir Putin", 1),
        ("Volodymyr Zelensky", 1),
    ]


# --- timeline ---------------------------------------------------------------------------------


def test_timeline_of_the_period(con):
    """The timeline lists strikes, statements, the truce and events of the period by date, with their actors."""
    frame = run_query(con, "timeline", **APRIL, actors=[])
    assert rows(frame, "kind", "item_id", "date", "end_date", "actors") == [
        ("strike", "sumy", D(2025, 4, 13), None, ["russia"]),
        ("statement", "peskov-1", D(2025, 4, 14), None, ["russia"]),
        ("event", "dismissal", D(2025, 4, 15), None, []),
        ("event", "paris", D(2025, 4, 17), None, ["ukraine", "united_states"]),
        ("statement", "trump-1", D(2025, 4, 18), None, ["united_states"]),
        ("strike", "belgorod", D(2025, 4, 18), None, ["ukraine"]),
        ("event", "russia-truce", D(2025, 4, 19), None, ["russia"]),
        ("statement", "putin-1", D(2025, 4, 20), None, ["russia"]),
        ("truce", "easter", D(2025, 4, 20), D(2025, 4, 21), ["russia"]),
        ("statement", "zelensky-1", D(2025, 4, 21), None, ["ukraine"]),
        ("strike", "odesa", D(2025, 4, 21), None, ["russia"]),
    ]


@pytest.mark.parametrize(
    "period, actors, expected",
    [
        (APRIL, ["united_states"], ["paris", "trump-1"]),
        (APRIL, ["ukraine"], ["paris", "belgorod", "zelensky-1"]),
        (ALL_APRIL, ["ukraine", "united_states"], ["paris", "trump-1", "belgorod", "zelensky-1", "london"]),
        ({"date_from": D(2025, 4, 21), "date_to": D(2025, 4, 21)}, [], ["easter", "zelensky-1", "odesa"]),
    ],
)
def test_timeline_filters(con, period, actors, expected):
    """Timeline items are kept when any of their actors is chosen, and a truce while its window overlaps."""
    assert ids(run_query(con, "timeline", **period, actors=actors), "item_id") == expected


def test_events_by_list_overlap_in_table_counts(con):
    """Events count for an actor filter when their actors list shares any actor with it; an event with none does not."""
    frame = run_query(con, "table_counts", **ALL_APRIL, actors=["united_states"])
    assert rows(frame[frame["table_name"] == "events"], "total_rows", "filtered_rows") == [(4, 2)]


# --- counts, sources, places, meta ------------------------------------------------------------


def test_table_counts(con):
    """Rows per fact table in all and after the filters, as the pages count them."""
    assert rows(run_query(con, "table_counts", **APRIL, actors=[]), "table_name", "total_rows", "filtered_rows") == [
        ("strikes", 3, 3),
        ("other_events", 0, 0),  # no imported event of another kind
        ("casualties", 3, 2),  # the 25 April Sumy report is after the period
        ("truces", 1, 1),
        ("truce_violations", 2, 2),
        ("statements", 4, 4),
        ("events", 4, 3),  # London is on 23 April
        ("incidents", 0, 0),  # the optional tables, absent from the fixture: empty
        ("air_attacks", 0, 0),
    ]
    assert rows(run_query(con, "table_counts", **APRIL, actors=["ukraine"]), "table_name", "filtered_rows") == [
        ("strikes", 1),
        ("other_events", 0),
        ("casualties", 0),
        ("truces", 1),
        ("truce_violations", 2),
        ("statements", 1),
        ("events", 1),
        ("incidents", 0),
        ("air_attacks", 0),
    ]


def test_sources(con):
    """Each source with how many rows of each fact table cite it."""
    frame = run_query(con, "sources")
    assert rows(
        frame, "source_id", "publisher", "title", "url", "published_on", "source_type",
        "strikes", "casualty_reports", "truces", "violation_claims", "statements", "events",
    ) == [("s1", "Test Wire", "Test report", None, D(2025, 4, 25), "synthetic", 3, 3, 1, 2, 4, 4)]


def test_actors(con):
    """Actors by name with their aliases as lists."""
    assert rows(run_query(con, "actors"), "actor_id", "name", "actor_type", "aliases") == [
        ("russia", "Russia", "state", ["Kremlin", "Moscow"]),
        ("ukraine", "Ukraine", "state", ["Kyiv"]),
        ("united_states", "United States", "state", []),
    ]


def test_cities(tmp_path):
    """Places with strikes, most struck first, each at the average of its own strikes' coordinates."""
    strikes = minimal_tables()["strikes"]
    strikes.append({**strikes[2], "strike_id": "odesa-2", "date": "2025-04-22", "latitude": "46.4925", "longitude": "30.7333"})
    con = built(write_folder(tmp_path, strikes=strikes))
    assert rows(run_query(con, "cities"), "label", "city", "strikes") == [
        ("Odesa", "Odesa", 2), ("Belgorod", "Belgorod", 1), ("Sumy", "Sumy", 1),
    ]
    odesa = run_query(con, "cities").iloc[0]
    assert (round(odesa["latitude"], 4), round(odesa["longitude"], 4)) == (46.4875, 30.7283)


def test_a_strike_located_only_to_a_wider_area_is_no_place(tmp_path):
    """A strike the source locates only to a wider area or a line (geo_precision region: "Donbas") is in no place
    list: it is not a place to go to, and its point is no place's position."""
    strikes = minimal_tables()["strikes"]
    strikes.append({**strikes[2], "strike_id": "donbas", "city": "Donbas", "geo_precision": "region",
                    "latitude": "48.0", "longitude": "38.0"})
    con = built(write_folder(tmp_path, strikes=strikes))
    assert rows(run_query(con, "cities"), "label") == [("Belgorod",), ("Odesa",), ("Sumy",)]


def test_places_of_one_name_in_different_oblasts_are_never_merged(tmp_path):
    """Two Ivanivkas are two places, each labelled with its oblast, at its own strikes; a unique name stays plain."""
    strikes = minimal_tables()["strikes"]
    odesa = strikes[2]
    strikes += [
        {**odesa, "strike_id": f"ivanivka-{n}", "city": "Ivanivka", "oblast": oblast, "latitude": lat, "longitude": lon}
        for n, (oblast, lat, lon) in enumerate([
            ("Kherson Oblast", "46.70", "33.90"), ("Kherson Oblast", "46.80", "34.00"), ("Kharkiv Oblast", "49.60", "36.40"),
        ])
    ]
    con = built(write_folder(tmp_path, strikes=strikes))
    frame = run_query(con, "cities")
    assert rows(frame, "label", "city", "oblast", "strikes") == [
        ("Ivanivka, Kherson Oblast", "Ivanivka", "Kherson Oblast", 2),
        ("Belgorod", "Belgorod", None, 1),
        ("Ivanivka, Kharkiv Oblast", "Ivanivka", "Kharkiv Oblast", 1),
        ("Odesa", "Odesa", None, 1),
        ("Sumy", "Sumy", None, 1),
    ]
    assert [(round(lat, 2), round(lon, 2)) for lat, lon in rows(frame, "latitude", "longitude")][:3:2] == [
        (46.75, 33.95), (49.60, 36.40),
    ]
    assert frame["place_id"].is_unique and frame["label"].is_unique
    assert all(re.fullmatch(r"[0-9a-f]{12}", key) for key in frame["place_id"])
    again = run_query(built(write_folder(tmp_path / "again", strikes=strikes[::-1])), "cities")
    assert rows(again, "place_id", "label") == rows(frame, "place_id", "label")  # a key does not depend on row order


def test_date_span(con):
    """The first and last date anywhere in the data, including toll reports (the later Sumy report on 25 April)."""
    assert rows(run_query(con, "date_span"), "first_date", "last_date") == [(D(2025, 4, 13), D(2025, 4, 25))]


def test_data_meta(con, tmp_path):
    """Data version, newest source date, source count and whether any source is synthetic."""
    frame = run_query(con, "data_meta")
    assert rows(frame, "last_update", "source_count", "has_synthetic") == [(D(2025, 4, 25), 1, True)]
    version = frame["data_version"][0]
    assert re.fullmatch(r"[0-9a-f]{12}", version)
    other = load(write_folder(tmp_path, events=minimal_tables()["events"][:1]))
    assert run_query(other, "data_meta")["data_version"][0] != version


# --- the runner -------------------------------------------------------------------------------


def test_run_query_rejects_a_missing_parameter(con):
    """Leaving out a parameter is a TypeError that names it."""
    with pytest.raises(TypeError, match="missing \\['actors'\\]"):
        run_query(con, "strikes_for_map", **APRIL)


def test_run_query_rejects_an_extra_parameter(con):
    """Passing a parameter the query does not take is a TypeError that names it."""
    with pytest.raises(TypeError, match="unexpected \\['city'\\]"):
        run_query(con, "strikes_for_map", **APRIL, actors=[], city="Sumy")


@pytest.mark.parametrize("name", ["no_such_query", "../x", "strikes_for_map.sql", "Strikes_For_Map", ""])
def test_run_query_rejects_unknown_names(con, name):
    """An unknown query name, or one that tries to leave queries/, is a ValueError."""
    with pytest.raises(ValueError):
        run_query(con, name)


# --- the SQL files ----------------------------------------------------------------------------

PAGE_FILES = sorted(QUERY_DIR.glob("*.sql"))
REFERENCE_FILES = sorted((QUERY_DIR / "reference").glob("*.sql"))
SQL_FILES = PAGE_FILES + REFERENCE_FILES
BUILD_FILES = sorted((QUERY_DIR / "build").glob("*.sql"))


def code_of(sql: str) -> str:
    """The SQL without `--` comments and with single-quoted string literals emptied."""
    return re.sub(r"--[^\n]*|'(?:[^']|'')*'", lambda m: "" if m.group().startswith("--") else "''", sql)


def test_there_are_queries():
    """queries/ holds the named queries the pages call."""
    names = {path.stem for path in PAGE_FILES}
    assert {"toll_totals", "strikes_for_map", "latest_tolls", "toll_history", "truce_claims", "statements", "timeline"} <= names
    assert {path.stem for path in REFERENCE_FILES} >= {"overview_totals", "latest_tolls", "toll_history"}


def test_reference_queries_run_by_their_folder_name(con):
    """A test-only query runs as "reference/<name>"; a folder the runner does not know is refused."""
    frame = run_query(con, "reference/overview_totals", **APRIL, actors=[])
    assert ids(frame, "figure") == ["strikes", "killed", "injured"]
    for name in ("build/chosen", "reference/../actors", "other/actors", "reference/"):
        with pytest.raises(ValueError):
            run_query(con, name)


@pytest.mark.parametrize("path", SQL_FILES, ids=lambda path: path.name)
def test_query_file_style(path: Path):
    """Each query file opens with its grain and parameters, is lowercase SQL and binds $parameters only."""
    sql = path.read_text(encoding="utf-8")
    if path.parent.name == "reference":
        sql = sql.split("\n", 1)[1]  # its first line says it is a reference query
    assert sql.startswith("-- Grain:")
    header = "\n".join(line for line in sql.splitlines() if line.lstrip().startswith("--"))
    assert "Parameters:" in header
    code = code_of(sql)
    assert "{" not in sql and "%s" not in sql and "?" not in code
    uppercase = re.findall(r"\w*[A-Z]\w*", code)
    assert uppercase == [], "SQL is lowercase outside strings and comments"
    assert re.search(r"\bselect\b", code) and re.search(r"\bfrom\b", code)
    declared = set(re.findall(r"\$([a-z_]+)", header))
    used = set(re.findall(r"\$([a-z_]+)", code))
    assert declared == used, f"the header declares {sorted(declared)} but the SQL uses {sorted(used)}"


@pytest.mark.parametrize("path", BUILD_FILES, ids=lambda path: path.name)
def test_build_file_style(path: Path):
    """Each file that builds the cached database opens by naming what it creates, in lowercase SQL, unparameterised."""
    sql = path.read_text(encoding="utf-8")
    kind = re.match(r"-- (Macro|View|Table macro|Table) (\w+)", sql)
    assert kind and kind.group(2) == path.stem, "the header names what the file creates, after the file"
    code = code_of(sql)
    assert "$" not in code and "{" not in sql and "?" not in code
    assert re.findall(r"\w*[A-Z]\w*", code) == []
    if kind.group(1) == "Table":
        assert code.lstrip().startswith(("select", "with")), "a table's file is the query whose rows it stores"
    else:
        assert f" {path.stem}" in code.split(" as", 1)[0] and code.lstrip().startswith("create or replace")


# --- each rule said once ----------------------------------------------------------------------

CARD_QUERIES = {
    "latest_statements": {**ALL_APRIL, "actors": [], "limit": 10},
    "statements": {**ALL_APRIL, "actors": [], "speakers": []},
    "statement": {"statement_id": "putin-1"},
    "strike_statement_cards": {"strike_id": "sumy"},
}


def test_every_statement_query_returns_the_same_card_columns(con):
    """Overview, Statements, a linked statement and a strike's statements show one card with the same source facts."""
    columns = {name: list(run_query(con, name, **params).columns) for name, params in CARD_QUERIES.items()}
    view = list(con.execute("select * from statement_cards limit 0").df().columns)
    assert all(found == view for found in columns.values()), columns
    assert {"actor_name", "publisher", "source_title", "source_url", "excerpt"} <= set(view)


# The rules each live in one macro or view of queries/build/; a page query that wrote one out again would drift.
RULES = {
    "the actor filter (macros chosen, chosen_any)": r"\$actors\s*\)\s*=\s*0|list_contains\(\s*\$actors|list_intersect\(\s*\$actors",
    "the report known by the end of the period (macro known_on, table macros *_known)": r"known_until|known_from|row_number\(\)",
    "the total qualifier (macros total_qualifier, is_approximate, is_inexact)": r"'at_least'|in \('about'|<> 'exact'",
    "a truce overlapping the period (macro window_overlaps)": r"coalesce\([a-z_.]*end_date, \$date_to\)",
    "a statement card's columns (view statement_cards)": r"from statements st|join statements",
}


@pytest.mark.parametrize("rule", RULES)
def test_page_queries_read_the_rule_instead_of_writing_it(rule):
    """No page query spells out a rule that a macro or view of queries/build/ says."""
    writing = [path.name for path in PAGE_FILES if re.search(RULES[rule], code_of(path.read_text(encoding="utf-8")))]
    assert writing == [], f"{rule} is written out in {writing}"


def test_any_valid_period_end_works(con):
    """Issue 11: a period ending 9999-12-31 (no sentinel date in the way) shows the strikes it holds."""
    far = {"date_from": D(2025, 4, 13), "date_to": D(9999, 12, 31), "actors": []}
    assert totals(run_query(con, "toll_totals", **far)) == [
        ("strikes", 3, "exact", 3, 3),
        ("killed", 40, "about", 3, 1),
        ("injured", 123, "at_least", 3, 2),
    ]
    assert run_query(con, "view_counts", **far)["strikes"][0] == 3
    assert ids(run_query(con, "view_tolls", **far, limit=10), "strike_id") == ["sumy", "belgorod", "odesa"]
    assert run_query(con, "map_cells", **far, merge=4)["strikes"].sum() == 3
    first = {**far, "date_from": D(1, 1, 1)}
    assert ids(run_query(con, "strikes_for_map", **first), "strike_id") == ["sumy", "belgorod", "odesa"]


def test_every_page_query_is_run_by_the_app():
    """A query the app never runs is a test-only query and belongs in queries/reference/."""
    root = QUERY_DIR.parent
    code = "\n".join(path.read_text(encoding="utf-8") for folder in ("pages", "conflictdesk")
                     for path in (root / folder).rglob("*.py"))
    unused = [path.stem for path in PAGE_FILES if f'"{path.stem}"' not in code]
    assert unused == []
