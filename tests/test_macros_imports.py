"""The rules queries/build/ says for imported data, given tiny tables: what counts as a strike, the names of the
other kinds, date windows and the period, estimates in totals, and a state's services in the actor filter."""

import datetime as dt

import pytest

from test_macros import build, empty_tables, given, result
from conflictdesk.derived import add_definitions

D = dt.date
APRIL = {"date_from": D(2025, 4, 1), "date_to": D(2025, 4, 30)}


@pytest.fixture
def con():
    connection = empty_tables()
    add_definitions(connection)
    return connection


def test_is_strike(con):
    """A curated row (no event_kind) is a strike; an imported row only when its kind is 'strike'."""
    rows = result(con, "select k, is_strike(k) from unnest([null, 'strike', 'other_attack', 'state_based']) t(k)")
    assert rows == [(None, True), ("strike", True), ("other_attack", False), ("state_based", False)]


def test_kind_name(con):
    """Other kinds go by the publisher's own names: ACLED's sub-event type, UCDP's type of violence."""
    rows = result(con, """
        select kind_name(k, t, s) from (values
            (null, null, null), ('other_attack', 'Violence against civilians', 'Attack'),
            ('state_based', '1', null), ('non_state', '2', null), ('one_sided', '3', null)) v(k, t, s)""")
    assert rows == [("strike",), ("Attack",), ("UCDP: state-based conflict",), ("UCDP: non-state conflict",),
                    ("UCDP: one-sided violence",)]


@pytest.mark.parametrize(
    "first, last, expected",
    [
        (D(2025, 4, 1), D(2025, 4, 30), False),  # the period itself
        (D(2025, 4, 13), D(2025, 4, 13), False),
        (D(2025, 3, 25), D(2025, 4, 2), True),  # begins before the period
        (D(2025, 4, 28), D(2025, 5, 4), True),  # ends after it
    ],
)
def test_straddles(con, first, last, expected):
    """A window reaching past either edge of the period straddles it."""
    sql = "select straddles($first::date, $last::date, date '2025-04-01', date '2025-04-30')"
    assert result(con, sql, {"first": first, "last": last}) == [(expected,)]


def test_estimate_is_approximate(con):
    """A publisher's coded estimate makes a total "about", never "at least"."""
    assert result(con, "select is_approximate('estimate'), is_inexact('estimate')") == [(True, True)]
    assert result(con, "select total_qualifier(2, 1, 1, 2)") == [("about",)]


def test_a_state_is_chosen_with_its_services(con):
    """chosen and chosen_any take the actors that are part of a chosen one; not the other way round."""
    given(con, "actors", {"actor_id": "russia", "name": "Russia"},
          {"actor_id": "ru-air", "name": "Military Forces of Russia (2000-) Air Force", "part_of": "russia"},
          {"actor_id": "ukraine", "name": "Ukraine"})
    rows = result(con, """
        select a, chosen(['russia'], a), chosen(['ru-air'], a), chosen_any(['russia'], [a, 'x'])
        from unnest(['russia', 'ru-air', 'ukraine']) t(a)""")
    assert rows == [("russia", True, False, True), ("ru-air", True, True, True), ("ukraine", False, False, False)]


def _strikes(con):
    """A curated strike in April, an ACLED strike dated to the week around 30 April (window into May), an ACLED
    attack and a UCDP battle spanning March to May: only the strikes are strikes; every window that overlaps
    April counts in April."""
    given(con, "sources", {"source_id": "s", "publisher": "P", "title": "T", "source_type": "dataset"})
    given(con, "strikes",
          {"strike_id": "curated", "date": D(2025, 4, 13), "date_precision": "day", "city": "Sumy",
           "latitude": 50.9, "longitude": 34.8, "source_id": "s"},
          {"strike_id": "week", "date": D(2025, 4, 30), "date_precision": "week", "city": "Kharkiv",
           "latitude": 50.0, "longitude": 36.2, "source_id": "s", "event_kind": "strike",
           "date_first": D(2025, 4, 24), "date_last": D(2025, 5, 6)},
          {"strike_id": "attack", "date": D(2025, 4, 13), "date_precision": "day", "city": "Sumy",
           "latitude": 50.9, "longitude": 34.8, "source_id": "s", "event_kind": "other_attack",
           "publisher_type": "Violence against civilians", "publisher_subtype": "Attack"},
          {"strike_id": "battle", "date": D(2025, 5, 20), "date_precision": "month", "city": "Izyum",
           "latitude": 49.2, "longitude": 37.3, "source_id": "s", "event_kind": "state_based",
           "publisher_type": "1", "date_first": D(2025, 3, 1), "date_last": D(2025, 5, 20)})
    given(con, "casualties",
          {"report_id": "r1", "strike_id": "curated", "reported_on": D(2025, 4, 13), "killed": 35,
           "killed_qualifier": "exact", "killed_phrase": "35", "status": "claimed", "source_id": "s"},
          {"report_id": "r2", "strike_id": "week", "reported_on": D(2025, 4, 30), "killed": 4,
           "killed_qualifier": "estimate", "killed_phrase": "4 (ACLED's coded fatalities)", "status": "claimed",
           "source_id": "s"},
          {"report_id": "r3", "strike_id": "battle", "reported_on": D(2025, 4, 1), "killed": 396,
           "killed_qualifier": "estimate", "killed_phrase": "best 396 (low 0, high 0)", "killed_low": 0,
           "killed_high": 0, "status": "claimed", "source_id": "s"})
    return build(con)


def test_strike_tables_hold_strikes_whose_window_overlaps_the_period(con):
    """tolls_known, toll_days_known, cells_known and reports_known: the curated strike and the week's, not the
    attack or the battle; the week counts in April and in May."""
    _strikes(con)
    sql = "select strike_id, window_first, window_last from tolls_known($date_from, $date_to, []) order by strike_id"
    assert result(con, sql, APRIL) == [("curated", D(2025, 4, 13), D(2025, 4, 13)),
                                      ("week", D(2025, 4, 24), D(2025, 5, 6))]
    may = {"date_from": D(2025, 5, 1), "date_to": D(2025, 5, 31)}
    assert result(con, "select strike_id from tolls_known($date_from, $date_to, [])", may) == [("week",)]
    assert result(con, "select sum(strikes) from toll_days_known($date_from, $date_to, [])", APRIL) == [(2,)]
    assert result(con, "select sum(strikes) from cells_known($date_from, $date_to, [])", APRIL) == [(2,)]
    assert result(con, "select sum(strikes) from cells_known($date_from, $date_to, [])", may) == [(1,)]
    sql = "select report_id from reports_known($date_from, $date_to, []) order by report_id"
    assert result(con, sql, APRIL) == [("r1",), ("r2",)]


def test_events_known_holds_every_kind_by_its_name(con):
    """events_known: the strikes and the other kinds, each under its name, the battle's window overlapping April."""
    _strikes(con)
    sql = """select kind_name, sum(strikes)::int, sum(killed_total)::int
             from events_known($date_from, $date_to, []) group by kind_name order by kind_name"""
    assert result(con, sql, APRIL) == [("Attack", 1, None), ("UCDP: state-based conflict", 1, 396), ("strike", 2, 39)]


def test_toll_totals_count_strikes_and_what_straddles_the_period(con):
    """The headline: 2 strikes, about 39 killed (an estimate is in it); 1 strike's window reaches into May, holding 4."""
    from conflictdesk.queries import run_query

    _strikes(con)
    totals = run_query(con, "toll_totals", **APRIL, actors=[]).set_index("figure")
    assert totals.at["strikes", "total"] == 2
    killed = totals.loc["killed"]
    assert (killed["total"], killed["qualifier"], killed["straddling"], killed["straddling_total"]) == (39, "about", 1, 4)
    others = run_query(con, "other_events", **APRIL, actors=[])
    assert list(zip(others["kind_name"], others["events"], others["straddling"])) == [
        ("Attack", 1, 0), ("UCDP: state-based conflict", 1, 1)]


def test_places_are_apart_by_district(con):
    """Two villages of one name in one oblast but two districts are two places with unique labels."""
    from conflictdesk.queries import run_query

    given(con, "strikes",
          {"strike_id": "a", "date": D(2025, 4, 1), "city": "Ivanivka", "district": "Kherson", "oblast": "Kherson",
           "latitude": 46.7, "longitude": 32.6},
          {"strike_id": "b", "date": D(2025, 4, 1), "city": "Ivanivka", "district": "Beryslav", "oblast": "Kherson",
           "latitude": 46.9, "longitude": 33.4},
          {"strike_id": "c", "date": D(2025, 4, 1), "city": "Sumy", "oblast": "Sumy", "latitude": 50.9,
           "longitude": 34.8})
    cities = run_query(con, "cities")
    assert sorted(cities["label"]) == ["Ivanivka, Beryslav, Kherson", "Ivanivka, Kherson, Kherson", "Sumy"]
    assert cities["place_id"].is_unique
