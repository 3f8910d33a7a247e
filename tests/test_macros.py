"""Each macro, view and derived table of queries/build/, given tiny tables, gives exactly the rows written here.

Given/expect in the style of dbt's unit tests: a real in-memory DuckDB, the contract's tables created empty
(every column of conflictdesk/schema.py, typed as the loader types them) and filled with the few cells a
case needs, then the build files run as the app runs them (conflictdesk/derived.py). Also: what is built
is stored in the database file and works when the file is opened read-only, as the app opens its cache.
"""

import datetime as dt

import duckdb
import pytest

from conflictdesk.derived import DEFINITIONS, TABLE_MACROS, add_definitions, add_derived, add_tables, build_files
from conflictdesk.schema import ALL_TABLES

D = dt.date
TYPES = {"date": "date", "int": "bigint", "float": "double", "list": "varchar[]"}


def empty_tables(database: str = ":memory:") -> duckdb.DuckDBPyConnection:
    """A database holding the contract's tables (the optional ones too), empty."""
    con = duckdb.connect(database)
    for table in ALL_TABLES:
        columns = ", ".join(f'"{c.name}" ' + TYPES.get(c.kind, "varchar") for c in table.columns)
        con.execute(f"create table {table.name} ({columns})")
    return con


def given(con, table: str, *rows: dict) -> None:
    """Insert rows that name only the cells the case needs; the others are null."""
    for row in rows:
        names = ", ".join(f'"{name}"' for name in row)
        marks = ", ".join("?" for _ in row)
        con.execute(f"insert into {table} ({names}) values ({marks})", list(row.values()))


def result(con, sql: str, params=None) -> list[tuple]:
    return [tuple(row) for row in con.execute(sql, params or {}).fetchall()]


@pytest.fixture
def con():
    """Empty tables with the scalar macros and the views (no derived tables yet)."""
    connection = empty_tables()
    add_definitions(connection)
    return connection


def build(con) -> duckdb.DuckDBPyConnection:
    """The derived tables and the table macros over what the case has given."""
    add_tables(con)
    add_definitions(con, TABLE_MACROS)
    return con


# --- scalar macros ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "actors, actor, expected",
    [
        ([], "russia", True),  # no actor chosen: all
        ([], None, True),  # not stated passes "all"
        (["russia"], "russia", True),
        (["russia"], "ukraine", False),
        (["russia"], None, False),  # not stated is never one of the chosen
        (["ukraine", "russia"], "russia", True),
    ],
)
def test_chosen(con, actors, actor, expected):
    """The actor filter: empty list = every actor; else the actor must be one of them."""
    assert result(con, "select chosen($actors::varchar[], $actor::varchar)", {"actors": actors, "actor": actor}) == [
        (expected,)
    ]


@pytest.mark.parametrize(
    "actors, ids, expected",
    [
        ([], None, True),
        ([], ["ukraine"], True),
        (["russia"], ["ukraine", "russia"], True),
        (["russia"], ["ukraine", None], False),
        (["russia"], None, False),
        (["russia"], [], False),
        (["united_states"], ["ukraine", "united_states"], True),
    ],
)
def test_chosen_any(con, actors, ids, expected):
    """A row about several actors passes when any of them is chosen; nulls are ignored."""
    sql = "select chosen_any($actors::varchar[], $ids::varchar[])"
    assert result(con, sql, {"actors": actors, "ids": ids}) == [(expected,)]


@pytest.mark.parametrize(
    "known_from, known_until, day, expected",
    [
        (None, D(2025, 4, 14), D(2025, 4, 13), True),  # from the strike's day until the first report
        (None, D(2025, 4, 14), D(2025, 4, 14), False),  # the report is out: the next stretch holds
        (D(2025, 4, 14), D(2025, 4, 25), D(2025, 4, 14), True),
        (D(2025, 4, 14), D(2025, 4, 25), D(2025, 4, 24), True),
        (D(2025, 4, 14), None, D(9999, 12, 31), True),  # for ever means for ever: no sentinel date
        (None, None, D(1, 1, 1), True),
        (D(2025, 4, 14), None, D(2025, 4, 13), False),
    ],
)
def test_known_on(con, known_from, known_until, day, expected):
    """A stretch is known on the days known_from <= day < known_until; null ends are open."""
    sql = "select known_on($known_from::date, $known_until::date, $day::date)"
    assert result(con, sql, {"known_from": known_from, "known_until": known_until, "day": day}) == [(expected,)]


@pytest.mark.parametrize(
    "first_day, last_day, expected",
    [
        (D(2025, 4, 20), D(2025, 4, 21), True),
        (D(2025, 3, 1), D(2025, 3, 31), False),  # ended before the period
        (D(2025, 3, 1), D(2025, 4, 1), True),  # ends on its first day
        (D(2025, 3, 1), None, True),  # open-ended: still running
        (D(2025, 5, 1), None, False),  # starts after the period
        (D(2025, 4, 30), D(2025, 5, 5), True),  # starts on its last day
    ],
)
def test_window_overlaps(con, first_day, last_day, expected):
    """A window of days overlaps the period 1–30 April 2025, both ends included; a null end is still running."""
    sql = "select window_overlaps($first::date, $last::date, date '2025-04-01', date '2025-04-30')"
    assert result(con, sql, {"first": first_day, "last": last_day}) == [(expected,)]


def test_qualifier_kinds(con):
    """Approximate: about, nearly, up to. Inexact: anything but exact. No qualifier is neither."""
    rows = result(
        con,
        "select q, is_approximate(q), is_inexact(q) from unnest(['exact', 'at_least', 'over', 'vague', 'about', "
        "'nearly', 'up_to', null]) as t(q)",
    )
    assert rows == [
        ("exact", False, False),
        ("at_least", False, True),
        ("over", False, True),
        ("vague", False, True),
        ("about", True, True),
        ("nearly", True, True),
        ("up_to", True, True),
        (None, False, False),
    ]


@pytest.mark.parametrize(
    "reported, approximate, inexact, strikes, expected",
    [
        (0, 0, 0, 3, "none"),  # silence is not zero
        (0, 0, 0, 0, "none"),
        (3, 0, 0, 3, "exact"),
        (2, 0, 0, 3, "at_least"),  # a strike without a figure
        (3, 0, 1, 3, "at_least"),  # a lower bound ("over 100")
        (3, 1, 1, 3, "about"),  # an approximate part wins over a lower bound
        (2, 1, 1, 3, "about"),
    ],
)
def test_total_qualifier(con, reported, approximate, inexact, strikes, expected):
    """How a sum may be said: none, about, at least or exact."""
    sql = "select total_qualifier($reported, $approximate, $inexact, $strikes)"
    params = {"reported": reported, "approximate": approximate, "inexact": inexact, "strikes": strikes}
    assert result(con, sql, params) == [(expected,)]


# --- views --------------------------------------------------------------------------------------

SOURCE = {"source_id": "s1", "publisher": "Test Wire", "title": "Test report", "url": "https://example.org/a",
          "published_on": D(2025, 4, 25), "source_type": "news"}
RUSSIA = {"actor_id": "russia", "name": "Russia", "actor_type": "state"}


def test_statement_cards(con):
    """A statement card names its actor ('not stated' without one) and its source's publisher, title and URL."""
    given(con, "sources", SOURCE)
    given(con, "actors", RUSSIA)
    given(
        con, "statements",
        {"statement_id": "p1", "date": D(2025, 4, 20), "date_precision": "day", "speaker": "Vladimir Putin",
         "actor": "russia", "quote": "Peace is welcome", "quote_kind": "direct", "topics": ["truce"],
         "source_id": "s1", "excerpt": "Putin said"},
        {"statement_id": "x1", "date": D(2025, 4, 21), "date_precision": "day", "speaker": "An official",
         "quote": "No comment", "quote_kind": "paraphrase", "source_id": "s1", "excerpt": "An official"},
    )
    rows = result(
        con,
        "select statement_id, actor_name, topics, publisher, source_title, source_url, source_type "
        "from statement_cards order by statement_id",
    )
    assert rows == [
        ("p1", "Russia", ["truce"], "Test Wire", "Test report", "https://example.org/a", "news"),
        ("x1", "not stated", [], "Test Wire", "Test report", "https://example.org/a", "news"),
    ]


def test_strike_and_report_details(con):
    """Strikes get their attacker's name and source; reports their claimant ('unattributed' without one)."""
    given(con, "sources", SOURCE)
    given(con, "actors", RUSSIA)
    given(con, "strikes", {"strike_id": "a", "date": D(2025, 4, 13), "city": "Sumy", "attacker": "russia",
                           "source_id": "s1"},
          {"strike_id": "b", "date": D(2025, 4, 14), "city": "Sumy", "source_id": "s1"})
    given(con, "casualties", {"report_id": "r1", "strike_id": "a", "reported_on": D(2025, 4, 14), "claimant": "russia",
                              "source_id": "s1"},
          {"report_id": "r2", "strike_id": "a", "reported_on": D(2025, 4, 15), "source_id": "s1"})
    assert result(con, "select strike_id, attacker_name, publisher, source_title, source_url from strike_details "
                       "order by strike_id") == [
        ("a", "Russia", "Test Wire", "Test report", "https://example.org/a"),
        ("b", None, "Test Wire", "Test report", "https://example.org/a"),
    ]
    assert result(con, "select report_id, claimant_name, source_title from report_details order by report_id") == [
        ("r1", "Russia", "Test report"),
        ("r2", "unattributed", "Test report"),
    ]


# --- derived tables and table macros ------------------------------------------------------------


def sumy_and_odesa(con) -> duckdb.DuckDBPyConnection:
    """Sumy (13 April) with a toll of 35 on the 14th and 'about 40' on the 25th; Odesa (21 April) without any."""
    given(con, "sources", SOURCE)
    given(con, "actors", RUSSIA)
    given(
        con, "strikes",
        {"strike_id": "sumy", "date": D(2025, 4, 13), "city": "Sumy", "latitude": 50.9, "longitude": 34.8,
         "attacker": "russia", "source_id": "s1"},
        {"strike_id": "odesa", "date": D(2025, 4, 21), "city": "Odesa", "latitude": 46.5, "longitude": 30.7,
         "attacker": "russia", "source_id": "s1"},
    )
    given(
        con, "casualties",
        {"report_id": "t1", "strike_id": "sumy", "reported_on": D(2025, 4, 14), "killed": 35,
         "killed_qualifier": "exact", "source_id": "s1"},
        {"report_id": "t2", "strike_id": "sumy", "reported_on": D(2025, 4, 25), "killed": 40,
         "killed_qualifier": "about", "source_id": "s1"},
    )
    return build(con)


def test_strike_tolls_stretches_have_open_ends(con):
    """One row per stretch in which a strike's latest report stays the same; null ends, never sentinel dates."""
    sumy_and_odesa(con)
    rows = result(con, "select strike_id, report_id, known_from, known_until, killed, reports_known, people "
                       "from strike_tolls")
    assert rows == [  # stored highest tolls first
        ("sumy", "t2", D(2025, 4, 25), None, 40, 2, 40),
        ("sumy", "t1", D(2025, 4, 14), D(2025, 4, 25), 35, 1, 35),
        ("odesa", None, None, None, None, 0, 0),
        ("sumy", None, None, D(2025, 4, 14), None, 0, 0),
    ]


@pytest.mark.parametrize(
    "date_from, date_to, expected",
    [
        (D(2025, 4, 1), D(2025, 4, 13), [("sumy", None)]),  # nothing reported yet
        (D(2025, 4, 1), D(2025, 4, 21), [("odesa", None), ("sumy", 35)]),
        (D(2025, 4, 13), D(9999, 12, 31), [("odesa", None), ("sumy", 40)]),  # issue 11: any valid date works
        (D(1, 1, 1), D(2025, 4, 24), [("odesa", None), ("sumy", 35)]),
        (D(2025, 4, 22), D(2025, 4, 30), []),
    ],
)
def test_tolls_known(con, date_from, date_to, expected):
    """Each strike of the period once, with its latest report known on the period's last day."""
    sumy_and_odesa(con)
    sql = "select strike_id, killed from tolls_known($from, $to, $actors) order by strike_id"
    assert result(con, sql, {"from": date_from, "to": date_to, "actors": []}) == expected
    assert result(con, sql, {"from": date_from, "to": date_to, "actors": ["ukraine"]}) == []


def test_toll_days_and_cells_known_add_up_with_their_qualifiers(con):
    """The pre-added rows for a period give the strikes, the killed total and how to say it."""
    sumy_and_odesa(con)
    totals = (
        "select sum(strikes), sum(killed_total), "
        "total_qualifier(sum(killed_reported), sum(killed_about), sum(killed_inexact), sum(strikes)) "
        "from {} ($from, $to, [])"
    )
    for day, expected in ((D(2025, 4, 21), (2, 35, "at_least")), (D(2025, 4, 25), (2, 40, "about")),
                          (D(9999, 12, 31), (2, 40, "about"))):
        params = {"from": D(2025, 4, 1), "to": day}
        assert result(con, totals.format("toll_days_known"), params) == [expected]
        assert result(con, totals.format("cells_known"), params) == [expected]
    assert result(con, "select sum(reports) from toll_days_known(date '2025-04-01', date '2025-04-21', [])") == [(1,)]


def test_reports_known(con):
    """The reports out by the period's last day, strike by strike, oldest first."""
    sumy_and_odesa(con)
    sql = "select report_id, claimant_name from reports_known($from, $to, $actors)"
    assert result(con, sql, {"from": D(2025, 4, 1), "to": D(2025, 4, 21), "actors": []}) == [("t1", "unattributed")]
    assert result(con, sql, {"from": D(2025, 4, 1), "to": D(9999, 12, 31), "actors": ["russia"]}) == [
        ("t1", "unattributed"), ("t2", "unattributed"),
    ]


# --- the cached database ------------------------------------------------------------------------


def test_everything_built_is_stored_and_works_read_only(tmp_path):
    """Macros, views and tables live in the database file and work when it is opened read-only."""
    file = tmp_path / "cache.duckdb"
    con = empty_tables(str(file))
    given(con, "sources", SOURCE)
    given(con, "actors", RUSSIA)
    given(con, "strikes", {"strike_id": "sumy", "date": D(2025, 4, 13), "city": "Sumy", "latitude": 50.9,
                           "longitude": 34.8, "attacker": "russia", "source_id": "s1"})
    add_derived(con)
    con.close()
    reader = duckdb.connect(str(file), read_only=True)
    functions = {row[0] for row in reader.execute("select function_name from duckdb_functions() "
                                                  "where function_type in ('macro', 'table_macro')").fetchall()}
    views = {row[0] for row in reader.execute("select view_name from duckdb_views() where not internal").fetchall()}
    assert (set(DEFINITIONS) - views) | set(TABLE_MACROS) <= functions
    assert {"strike_details", "report_details", "statement_cards", "truce_details", "claim_details", "correction_log"} <= views
    assert result(reader, "select strike_id, attacker_name from tolls_known(date '2025-04-01', date '9999-12-31', "
                          "['russia'])") == [("sumy", "Russia")]
    reader.close()


def test_build_files_are_every_file_of_the_build_folder():
    """build_files() lists each file of queries/build once (what the cache key must cover)."""
    files = build_files()
    assert sorted(files) == sorted(files[0].parent.glob("*.sql"))
    assert len(set(files)) == len(files)


# --- corrections (issue 14) ---------------------------------------------------------------------


def fix(correction_id, day, table, row_id, column, old, new):
    return {"correction_id": correction_id, "corrected_on": day, "table": table, "row_id": row_id,
            "column": column, "old_value": old, "new_value": new, "reason": "r", "source_id": "s1"}


def test_corrections_of_a_row_their_last_day_and_the_rows_in_a_view(con):
    """corrections_of names a row's corrections newest first; last_corrected its newest day (null: none);
    corrections_in_view keeps those whose row is in the period and actors, undated rows always."""
    given(con, "sources", SOURCE)
    given(con, "actors", RUSSIA, {"actor_id": "ukraine", "name": "Ukraine", "actor_type": "state"})
    given(con, "strikes", {"strike_id": "sumy", "date": D(2025, 4, 13), "city": "Sumy", "attacker": "russia",
                           "source_id": "s1"})
    given(con, "casualties", {"report_id": "sumy-1", "strike_id": "sumy", "reported_on": D(2025, 4, 21),
                              "killed": 34, "source_id": "s1"})
    given(con, "corrections", fix("a", D(2026, 11, 20), "casualties", "sumy-1", "killed", "35", "34"),
          fix("b", D(2026, 11, 21), "casualties", "sumy-1", "killed_phrase", "35", "34"),
          fix("c", D(2026, 11, 22), "sources", "s1", "publisher", "x", None),
          fix("d", D(2026, 11, 23), "strikes", "gone", "*", "a strike", None))
    assert result(con, "select correction_id from corrections_of('casualties', 'sumy-1')") == [("b",), ("a",)]
    assert result(con, "select last_corrected('casualties', 'sumy-1'), last_corrected('strikes', 'sumy')") == [
        (D(2026, 11, 21), None)]
    assert result(con, "select correction_id, row_title, parent_key from correction_log order by 1") == [
        ("a", "Sumy", "strikes/sumy"), ("b", "Sumy", "strikes/sumy"), ("c", SOURCE["title"], "sources/s1"),
        ("d", None, "strikes/gone")]
    in_view = "select correction_id from corrections_in_view(?, ?, ?) order by 1"
    assert result(con, in_view, [D(2025, 4, 1), D(2025, 4, 30), ["russia"]]) == [("a",), ("b",), ("c",), ("d",)]
    assert result(con, in_view, [D(2025, 4, 1), D(2025, 4, 30), ["ukraine"]]) == [("c",), ("d",)]
    assert result(con, in_view, [D(2025, 5, 1), D(2025, 5, 30), []]) == [("c",), ("d",)]
