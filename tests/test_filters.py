"""The filters' URL form: what a shared link restores, and what it ignores with a notice."""

import datetime as dt

from conflictdesk.filters import Filters, first_value, parse_filters

SPAN = (dt.date(2025, 4, 13), dt.date(2025, 4, 23))
ACTORS = ["russia", "ukraine", "united_states"]


def test_no_parameters_give_the_whole_span_and_all_actors():
    """A bare link shows the whole span of the data and every actor, with no notice."""
    assert parse_filters({}, SPAN, ACTORS) == (Filters(SPAN[0], SPAN[1], ()), [])


def test_period_and_actors_are_read_from_the_link():
    """The documented example link restores its period and actors."""
    filters, notices = parse_filters(
        {"period": ["2025-04-13", "2025-04-21"], "actor": ["russia", "ukraine"]}, SPAN, ACTORS
    )
    assert filters == Filters(dt.date(2025, 4, 13), dt.date(2025, 4, 21), ("russia", "ukraine"))
    assert notices == []


def test_filters_round_trip_through_the_url():
    """Writing filters to the URL and reading them back gives the same view."""
    filters = Filters(dt.date(2025, 4, 14), dt.date(2025, 4, 20), ("ukraine",))
    assert filters.query() == {"period": ["2025-04-14", "2025-04-20"], "actor": ["ukraine"]}
    assert parse_filters(filters.query(), SPAN, ACTORS)[0] == filters


def test_malformed_period_is_ignored_with_a_notice():
    """A period that is not two ISO dates falls back to the whole span and says so."""
    for period in (["13/04/2025", "2025-04-21"], ["2025-02-30", "2025-04-21"], ["x' or 1=1 --", "y"]):
        filters, notices = parse_filters({"period": period}, SPAN, ACTORS)
        assert (filters.date_from, filters.date_to) == SPAN
        assert any("Ignored the period" in n for n in notices)


def test_reversed_period_is_swapped_with_a_notice():
    """Dates the wrong way round are put right, and the reader is told."""
    filters, notices = parse_filters({"period": ["2025-04-21", "2025-04-13"]}, SPAN, ACTORS)
    assert (filters.date_from, filters.date_to) == (dt.date(2025, 4, 13), dt.date(2025, 4, 21))
    assert any("swapped" in n for n in notices)


def test_unknown_actors_and_parameters_are_ignored_with_notices():
    """An actor not in the data and a parameter the app does not know are named in notices."""
    filters, notices = parse_filters({"actor": ["russia", "atlantis"], "colour": ["red"]}, SPAN, ACTORS)
    assert filters.actors == ("russia",)
    assert "Ignored unknown actor: atlantis." in notices
    assert "Ignored the unknown link parameter “colour”." in notices


def test_hundreds_of_actor_values_are_capped():
    """A link repeating actor hundreds of times reads only the first 50 and says so."""
    filters, notices = parse_filters({"actor": ["russia"] * 400}, SPAN, ACTORS)
    assert filters.actors == ("russia",)
    assert any("only the first 50" in n for n in notices)


def test_first_value_accepts_ids_only():
    """Single id parameters refuse path traversal, SQL and oversized values."""
    assert first_value({"statement": ["trump-2025-04-20-deal-this-week"]}, "statement") == "trump-2025-04-20-deal-this-week"
    assert first_value({"statement": ["../../etc/passwd"]}, "statement") is None
    assert first_value({"statement": ["x'; drop table statements; --"]}, "statement") is None
    assert first_value({"statement": ["a" * 500]}, "statement") is None
    assert first_value({}, "statement") is None
