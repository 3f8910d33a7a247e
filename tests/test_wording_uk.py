"""The figure wording rules in Ukrainian: translated as rules, the number inside the phrase with its plural form.

The English rules are tests/test_wording.py; these are the same rules in the second language, plus what only a
second language has: the source's own phrase kept, in its words, beside the rule's phrase.
"""

import pandas as pd
import pytest

from conflictdesk import i18n, names
from conflictdesk import wording as w


@pytest.fixture(autouse=True)
def ukrainian(monkeypatch):
    """Every test here runs in Ukrainian, knowing no actor's aliases unless it teaches them (a page run in the same
    worker teaches the bundled actors'); the language goes back to English after it."""
    monkeypatch.setattr(names, "_actor_aliases", {})
    i18n.use("uk")
    yield
    i18n.use("en")


@pytest.mark.parametrize(("number", "qualifier", "words"), [
    (30, "up_to", "до 30"), (3000, "nearly", "майже 3\xa0000"), (40, "about", "близько 40"),
    (100, "over", "понад 100"), (12, "at_least", "щонайменше 12"), (100, "vague", "щонайменше 100"), (35, "exact", "35"),
])
def test_a_qualifier_is_a_ukrainian_phrase_around_the_number(number, qualifier, words):
    """"up to 30" stays an upper bound ("до 30"), a vague word coded 100 is "щонайменше 100"; Babel groups digits."""
    assert w.figure_text(number, qualifier, None) == words


def test_the_sources_phrase_stays_in_its_words_beside_the_rule():
    """The data is never translated: "over 100" is shown as the source wrote it, after the Ukrainian rule."""
    assert w.figure_text(100, "over", "over 100") == "понад 100 («over 100»)"
    assert w.figure_text(100, "vague", "hundreds") == "щонайменше 100 («hundreds»)"
    assert w.figure_text(35, "exact", "35") == "35"  # bare digits need no quote
    assert w.figure_label(100, "over", "over 100") == "понад 100 («over 100») (відкрито вгору)"
    assert w.figure_label(3000, "nearly", None) == "майже 3\xa0000 (щонайбільше)"


@pytest.mark.parametrize(("number", "qualifier", "killed", "injured"), [
    (35, "exact", "35 загиблих", "35 поранених"),
    (1, "exact", "1 загиблий", "1 поранений"),
    (2, "exact", "2 загиблі", "2 поранені"),
    (21, "exact", "21 загиблий", "21 поранений"),
    (100, "over", "понад 100 загиблих", "понад 100 поранених"),
    (21, "over", "понад 21 загиблого", "понад 21 пораненого"),
    (3, "at_least", "щонайменше 3 загиблі", "щонайменше 3 поранені"),
    (21, "about", "близько 21 загиблого", "близько 21 пораненого"),
    (30, "up_to", "до 30 загиблих", "до 30 поранених"),
])
def test_a_counted_figure_takes_the_plural_form_its_number_and_qualifier_need(number, qualifier, killed, injured):
    """Three plural forms, and the case a preposition asks for: "21 загиблий", but "понад 21 загиблого"."""
    assert w.counted_figure("killed", number, qualifier, None) == killed
    assert w.counted_figure("injured", number, qualifier, None) == injured


def test_a_toll_reads_in_ukrainian_and_silence_is_not_reported():
    """'35 загиблих; понад 100 поранених («over 100»)'; a missing figure is "не повідомлено", never 0."""
    sumy = {"killed": 35, "killed_qualifier": "exact", "killed_phrase": "35", "injured": 100,
            "injured_qualifier": "over", "injured_phrase": "over 100"}
    assert w.toll_text(sumy) == "35 загиблих; понад 100 поранених («over 100»)"
    assert w.toll_text({"injured": 3, "injured_qualifier": "at_least"}) == "загиблі: не повідомлено; щонайменше 3 поранені"
    assert w.figure_text(None, "at_least", None) == "не повідомлено"
    assert w.figure_text(0, "at_least", None) == "не повідомлено"  # never "щонайменше 0"


def test_totals_say_at_least_or_about_in_ukrainian_and_never_at_least_0():
    """A total with an inexact part says "щонайменше" or "близько"; an exact total is a plain number."""
    assert w.total_text(103, "at_least") == "щонайменше 103"
    assert w.total_text(3000, "about") == "близько 3\xa0000"
    assert w.total_text(35, "exact") == "35"
    assert w.total_text(None, "at_least") == "не повідомлено"
    assert "щонайменше 0" not in w.total_text(0, "at_least")


def test_claims_say_who_claims_them_and_unattributed_in_ukrainian():
    """A claim's status with its claimant; no claimant is "без атрибуції"; a blank name "не вказано"."""
    assert w.status_text("claimed", "Ukraine") == "твердження: Ukraine; незалежно не перевірено"
    assert w.claimant_text(None) == "без атрибуції" and w.claimant_text("unattributed") == "без атрибуції"
    assert w.status_text("confirmed", None) == "підтверджено"
    assert w.name_text(float("nan")) == "не вказано"


def test_dates_follow_the_language_and_keep_their_precision():
    """'13 квітня 2025'; a week stays a week, a window a window, in Ukrainian words."""
    assert w.date_text(pd.Timestamp("2025-04-13")) == "13 квітня 2025"
    assert w.date_text("2025-04-21", "week") == "протягом тижня до 21 квітня 2025"
    assert w.date_text("2025-04-21", "month") == "протягом місяця до 21 квітня 2025"
    assert w.date_text(None) == "дату не вказано"
    assert w.window_text("2022-02-24", "2022-09-12") == "між 24 лютого і 12 вересня 2022"
    assert w.window_text("2022-02-24", None) == "від 24 лютого 2022"
    assert w.period_text("2025-04-13", None) == "13 квітня 2025 – сьогодні"
    assert w.when_text({"date": "2025-04-13", "time_local": "10:15"}) == "13 квітня 2025, 10:15 за місцевим часом"
    assert w.when_text({"date": "2025-04-13"}) == "13 квітня 2025"  # no time: nothing added (not the .po header)


def test_lists_and_actor_filters_join_names_in_ukrainian():
    """'Суми і Одеса'; the actor filter says whose strikes in a whole Ukrainian phrase."""
    assert w.listing(["Sumy", "Odesa", "Kyiv"]) == "Sumy, Odesa і Kyiv"
    assert w.actors_text([], "strikes carried out by {actors}") == "усі сторони"
    assert w.actors_text(["Russia", "Ukraine"], "strikes carried out by {actors}") == \
        "удари, завдані стороною Russia або Ukraine"


def test_names_in_the_readers_script_come_from_the_datas_aliases():
    """Russia → Росія when an alias is written in Cyrillic; none: the name as the data spells it; English keeps it."""
    assert names.local_name("Russia", ["Kremlin", "Moscow", "Росія"]) == "Росія"
    assert names.local_name("European allies", ["Europe"]) == "European allies"
    assert names.place_name("Sumy") == "Суми" and names.place_name("Odessa") == "Одеса"
    assert names.place_name("Ivanivka, Kherson Oblast") == "Ivanivka, Kherson Oblast"
    i18n.use("en")
    assert names.local_name("Russia", ["Росія"]) == "Russia" and names.place_name("Суми") == "Sumy"


def test_imported_figures_keep_the_publishers_meaning_in_ukrainian():
    """A publisher's estimate is never "щонайменше"; ACLED's 0 is its words for no figure; a contradiction is marked;
    a window stays a window."""
    estimate = w.figure_label(35, "estimate", "35 (ACLED's coded fatalities)")
    assert estimate == "35 («35 (ACLED's coded fatalities)»)" and "щонайменше" not in estimate
    acled = {"killed": None, "killed_blank_phrase": "no fatalities reported (ACLED codes 0 for none and for unknown)"}
    assert w.row_figure(acled, "killed").startswith("про загиблих не повідомлено (ACLED кодує 0")
    ucdp = {"killed": 396, "killed_qualifier": "estimate", "killed_phrase": "best 396 (low 0, high 0)",
            "source_inconsistency": "UCDP's figures contradict each other: best 396 is above high 0"}
    assert w.row_figure(ucdp, "killed") == ("396 («best 396 (low 0, high 0)») — суперечливо в джерелі (UCDP's figures "
                                            "contradict each other: best 396 is above high 0)")
    window = {"date": "2022-02-24", "date_first": "2022-02-24", "date_last": "2022-09-12"}
    assert w.row_date_text(window) == "між 24 лютого і 12 вересня 2022"
