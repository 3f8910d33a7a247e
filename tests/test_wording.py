"""The app's words for data: figures no more precise than their source, silence never zero, dates as given."""

import pandas as pd
import pytest

from conflictdesk import wording as w


def test_a_figure_is_shown_in_its_sources_words():
    """The phrase wins over the bare number: 'over 100', not 100; 'hundreds', not 100."""
    assert w.figure_text(100, "over", "over 100") == "over 100"
    assert w.figure_text(100, "vague", "hundreds") == "hundreds"
    assert w.figure_text(35, "exact", "35") == "35"


@pytest.mark.parametrize(("number", "qualifier", "words"), [
    (30, "up_to", "up to 30"), (3000, "nearly", "nearly 3,000"), (40, "about", "about 40"),
    (100, "over", "over 100"), (12, "at_least", "at least 12"), (100, "vague", "at least 100"), (35, "exact", "35"),
])
def test_a_figure_without_a_phrase_keeps_its_qualifier(number, qualifier, words):
    """"up to 30" stays "up to 30" (never "at least"), and a vague word coded to 100 is at least 100, not 100."""
    assert w.figure_text(number, qualifier, None) == words


@pytest.mark.parametrize("blank", [None, float("nan"), pd.NA, pd.NaT, "  "])
def test_a_blank_figure_is_not_reported_never_zero(blank):
    """Silence in the source is "not reported", never 0 and never "at least 0"."""
    assert w.figure_text(blank, "at_least", None if isinstance(blank, str) else blank) == "not reported"
    assert w.figure_text(0, "at_least", None) == "not reported"
    assert w.figure_text(0, "exact", None) == "0"  # a source that says none were hurt
    assert w.figure_label(None, None, None) == "not reported"


def test_totals_say_at_least_or_about_and_never_at_least_0():
    """A total with an inexact part carries "at least" or "about"; an exact total is a plain number."""
    assert w.total_text(103, "at_least") == "at least 103"
    assert w.total_text(3000, "about") == "about 3,000"
    assert w.total_text(35, "exact") == "35"
    assert w.total_text(0, "none") == "not reported"
    assert w.total_text(None, "at_least") == "not reported"
    assert "at least 0" not in w.total_text(0, "at_least")
    # a zero that is not exact: some strikes say nothing, or (none missing) the zeros are publishers' estimates
    assert w.total_text(0, "at_least", missing=2) == "0 where reported; others not reported"
    assert w.total_text(0, "about", missing=0) == "0 by the publishers' estimates"


def test_figure_labels_say_how_they_bound_the_truth():
    """Open-ended, at most and approximate figures say so; exact figures carry no mark."""
    assert w.figure_label(100, "over", "over 100") == "over 100 (open-ended)"
    assert w.figure_label(3000, "nearly", "nearly 3,000") == "nearly 3,000 (at most)"
    assert w.figure_label(40, "about", None) == "about 40 (approximate)"
    assert w.figure_label(35, "exact", "35") == "35"
    assert [w.bound_kind(q) for q in ("over", "at_least", "vague", "nearly", "up_to", "about", "exact")] == [
        "lower", "lower", "lower", "upper", "upper", "approximate", "exact"]


def test_toll_text_keeps_phrases_and_says_what_is_missing():
    """Both figures in the source's words; a missing one is "not reported"."""
    assert w.toll_text({"killed": 35, "killed_qualifier": "exact", "killed_phrase": "35", "injured": 100,
                        "injured_qualifier": "over", "injured_phrase": "over 100"}) == "35 killed; over 100 injured"
    assert w.toll_text({"injured": 3, "injured_qualifier": "at_least"}) == "killed: not reported; at least 3 injured"


def test_claims_name_their_claimant_or_say_unattributed():
    """A claim says who makes it; with no claimant it is "unattributed"; a blank name is "not stated"."""
    assert w.claimant_text("Ukraine") == "claimed by Ukraine"
    assert w.claimant_text(None) == "unattributed" and w.claimant_text(" ") == "unattributed"
    assert w.status_text("claimed", "Ukraine") == "claimed by Ukraine, not independently verified"
    assert w.status_text("disputed", None) == "unattributed, disputed"
    assert w.status_text("confirmed", "Ukraine") == "confirmed"
    assert w.name_text(float("nan")) == "not stated" and w.name_text(" Russia ") == "Russia"


def test_dates_are_as_precise_as_the_data():
    """A day, a week or a month as the data gives it; a window stays a window; a blank says so."""
    assert w.date_text("2025-04-21") == "21 Apr 2025"
    assert w.date_text("2025-04-21", "week") == "in the week to 21 Apr 2025"
    assert w.date_text("2025-04-21", "month") == "in the month to 21 Apr 2025"
    assert w.date_text(None) == "date not given" and w.date_text(pd.NaT) == "date not given"
    assert w.window_text("2022-02-24", "2022-09-12") == "between 24 Feb and 12 Sep 2022"
    assert w.window_text("2022-12-30", "2023-01-02") == "between 30 Dec 2022 and 2 Jan 2023"
    assert w.window_text("2022-02-24", "2022-02-24") == "24 Feb 2022"
    assert w.window_text("2022-02-24", None) == "from 24 Feb 2022"
    assert w.span_text("2025-04-20", pd.NaT) == "20 Apr 2025 – end not given"
    assert w.period_text("2025-04-13", "2025-04-21") == "13 Apr 2025 – 21 Apr 2025"


def test_a_strike_is_labelled_the_same_everywhere_and_uniquely():
    """'Sumy · 13 Apr 2025'; two strikes that would share a label get their place, then their id."""
    frame = pd.DataFrame([
        {"strike_id": "a", "city": "Sumy", "place": "Congress centre", "date": pd.Timestamp("2025-04-13")},
        {"strike_id": "b", "city": "Sumy", "place": "Station", "date": pd.Timestamp("2025-04-13")},
        {"strike_id": "c", "city": "Odesa", "place": None, "date": pd.Timestamp("2025-04-21")},
        {"strike_id": "d", "city": "Odesa", "place": None, "date": pd.Timestamp("2025-04-21")},
    ])
    assert w.strike_labels(frame) == {
        "a": "Sumy · 13 Apr 2025 (Congress centre)", "b": "Sumy · 13 Apr 2025 (Station)",
        "c": "Odesa · 21 Apr 2025 (c)", "d": "Odesa · 21 Apr 2025 (d)",
    }
    assert w.strike_label(frame.iloc[2]) == "Odesa · 21 Apr 2025"
    assert w.place_text({"city": "Sumy", "place": "Congress centre"}) == "Sumy, Congress centre"
    assert w.place_text({"city": None, "place": None}) == "place not given"


def test_plurals_and_lists():
    """Counts carry their noun in the right number; names are listed as a reader writes them."""
    assert w.plural(1, "strike") == "1 strike" and w.plural(2000, "strike") == "2,000 strikes"
    assert w.plural(3, "person", "people") == "3 people"
    assert w.listing(["Sumy", "Odesa", "Kyiv"]) == "Sumy, Odesa and Kyiv" and w.listing(["Sumy"]) == "Sumy"


def test_the_actor_filter_names_its_actors_and_the_caption_carries_everything():
    """The filter says which actors (never a dangling "carried out by."), and a chart caption has period,
    actors, source and data version on lines of their own."""
    assert w.actors_text([], "strikes carried out by") == "all actors"
    assert w.actors_text(["Russia", "Ukraine"], "strikes carried out by") == "strikes carried out by Russia or Ukraine"
    caption = w.chart_caption("13 Apr 2025 – 21 Apr 2025", "all actors", "Source: Wire via Conflict Desk", "3f2a9c1d",
                              "https://desk.example/overview?period=2025-04-13")
    assert caption.splitlines() == [
        "Period: 13 Apr 2025 – 21 Apr 2025 · Actors: all actors", "Source: Wire via Conflict Desk",
        "Data version 3f2a9c1d · https://desk.example/overview?period=2025-04-13",
    ]
