"""View models without Streamlit: a View and a query runner in, the numbers, words and notices a page shows out."""

import datetime as dt

import pytest

from conflictdesk.cache import open_data
from conflictdesk.filters import Filters
from conflictdesk.load import data_dir
from conflictdesk.models import casualties, overview, statements, truces
from conflictdesk.queries import run_query
from conflictdesk.view import View

WHOLE = Filters(dt.date(2025, 4, 13), dt.date(2025, 4, 23))


@pytest.fixture(scope="module")
def run():
    con = open_data(data_dir())
    return lambda name, **params: run_query(con, name, **params)


def test_overview_headline_says_at_least_and_names_each_part(run):
    """Two strikes: at least 35 killed and at least 103 injured, each part in its source's words and claimant."""
    model = overview.headline(View("overview", WHOLE), run)
    assert model.strikes == 2
    assert [(f.label, f.total) for f in model.figures] == [("People killed", "at least 35"),
                                                           ("People injured", "at least 103")]
    assert "Sumy: over 100 (unattributed, claimed)" in model.figures[1].caption


def test_casualties_totals_count_strikes_with_a_figure(run):
    """Odesa gives no death toll: the killed total says so instead of counting it as zero."""
    model = casualties.tolls(View("casualties", WHOLE), run)
    killed = model.totals[0]
    assert killed.total == "at least 35" and "(1 of them with a figure)" in killed.caption


def test_statements_search_matches_whole_words_only(run):
    """"US" finds the United States' statements, not every statement mentioning Russia."""
    model = statements.statements(View("statements", WHOLE, q="US"), run)
    assert 0 < len(model.rows) and set(model.rows["actor_name"]) <= {"United States", "Ukraine", "not stated"}


def test_statements_link_to_a_missing_statement_says_so(run):
    """A statement id not in the data gives a notice and the full list."""
    model = statements.statements(View("statements", WHOLE, statement="gone-1"), run)
    assert model.linked is None and "No statement “gone-1” in the data" in model.notices[0]


def test_a_linked_truce_is_shown_whatever_the_period(run):
    """truce= opens the truce even when the period ends before it began."""
    early = Filters(dt.date(2025, 4, 13), dt.date(2025, 4, 14))
    assert truces.truces(View("truces", early), run).truces.empty
    linked = truces.truces(View("truces", early, truce="easter-2025"), run)
    assert linked.linked and list(linked.truces["truce_id"]) == ["easter-2025"] and len(linked.claims) == 2


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "Killed: not reported for 1 strike."),
    ("uk", "Загиблі: не повідомлено для 1 удару."),
])
def test_a_total_no_strike_reports_is_said_as_not_reported_for_the_strikes(run, lang, said):
    """Odesa alone gives no death toll: the caption says the figure is not reported for the strike, never the
    garbled "not reported killed in 1 strike (0 of them with a figure)", in either language."""
    from conflictdesk import i18n

    i18n.use(lang)
    try:
        model = casualties.tolls(View("casualties", Filters(dt.date(2025, 4, 21), dt.date(2025, 4, 23))), run)
    finally:
        i18n.use("en")
    killed = model.totals[0]
    assert killed.caption.startswith(said)
    assert "0 of them" not in killed.caption and "(з числом — 0)" not in killed.caption
