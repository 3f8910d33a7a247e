"""Wording for imported figures and dates: a publisher's estimate, ACLED's no-fatalities words, UCDP's
contradictions, and date windows."""

from conflictdesk.wording import bound_kind, figure_label, figure_text, row_figure, row_date_text, strike_label

NO_FATALITIES = "no fatalities reported (ACLED codes 0 for none and for unknown)"


def test_an_estimate_is_said_in_its_phrase_never_at_least():
    assert figure_text(30, "estimate", "30 (ACLED's coded fatalities)") == "30 (ACLED's coded fatalities)"
    assert figure_text(30, "estimate", None) == "30"
    assert bound_kind("estimate") == "estimate"
    assert figure_label(30, "estimate", "30 (ACLED's coded fatalities)") == "30 (ACLED's coded fatalities)"


def test_a_blank_figure_shows_the_publishers_words_never_zero():
    assert figure_text(None, None, None, NO_FATALITIES) == NO_FATALITIES
    row = {"killed": None, "killed_blank_phrase": NO_FATALITIES}
    assert row_figure(row, "killed") == NO_FATALITIES
    assert row_figure({"killed": None}, "killed") == "not reported"


def test_figures_that_contradict_each_other_are_marked():
    row = {"killed": 396, "killed_qualifier": "estimate", "killed_phrase": "best 396 (low 0, high 0)",
           "source_inconsistency": "UCDP's figures contradict each other: best 396 is above high 0"}
    assert row_figure(row, "killed") == (
        "best 396 (low 0, high 0) — inconsistent in the source (UCDP's figures contradict each other: best 396 is "
        "above high 0)")
    assert row_figure(row, "injured") == "not reported"


def test_a_window_is_said_as_a_window():
    row = {"city": "Izyum", "date": "2022-09-12", "date_precision": "month", "date_first": "2022-02-24",
           "date_last": "2022-09-12"}
    assert row_date_text(row) == "between 24 Feb and 12 Sep 2022"
    assert strike_label(row) == "Izyum · between 24 Feb and 12 Sep 2022"
    one_day = {"date": "2025-04-13", "date_precision": "day", "date_first": "2025-04-13", "date_last": "2025-04-13"}
    assert row_date_text(one_day) == "13 Apr 2025"
    assert row_date_text({"date": "2025-04-21", "date_precision": "week"}) == "in the week to 21 Apr 2025"
