"""Figures in words: never more precise than the source's phrase."""

from conflictdesk.figures import bound_kind, figure_text, total_text


def test_a_figure_is_shown_in_its_sources_words():
    """The phrase wins over the bare number: 'over 100', not 100; 'hundreds', not 100."""
    assert figure_text(100, "over", "over 100") == "over 100"
    assert figure_text(100, "vague", "hundreds") == "hundreds"
    assert figure_text(35, "exact", "35") == "35"


def test_a_missing_figure_is_not_reported_rather_than_zero():
    """Silence in the source is 'not reported', never 0."""
    assert figure_text(None, None, None) == "not reported"
    assert total_text(0, "none") == "not reported"


def test_totals_say_at_least_or_about():
    """A total with an inexact part carries 'at least' or 'about'; an exact total is a plain number."""
    assert total_text(103, "at_least") == "at least 103"
    assert total_text(3000, "about") == "about 3,000"
    assert total_text(35, "exact") == "35"


def test_bound_kinds():
    """Over/at least/vague are open-ended lower bounds; nearly/up to are upper bounds."""
    assert [bound_kind(q) for q in ("over", "at_least", "vague", "nearly", "up_to", "about", "exact")] == [
        "lower", "lower", "lower", "upper", "upper", "approximate", "exact"
    ]
