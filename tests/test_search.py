"""Search text and its spelling variants: what a reader's search also matches."""

from pathlib import Path

import pandas as pd
import pytest

from conflictdesk.search import MAX_TERMS, MAX_TEXT, expand_terms, matching, text_matches

ROOT = Path(__file__).resolve().parents[1]

ACTORS = [
    ("Russia", ["Kremlin", "Moscow", "Russian Federation"]),
    ("Ukraine", ["Kyiv", "Kiev"]),
    ("United States", ["U.S.", "Washington"]),
]
PLACES = ["Sumy", "Odesa"]


def test_odessa_also_finds_odesa_and_back():
    """Searching "Odessa" also matches text spelling it "Odesa", and the other way round."""
    assert "odesa" in expand_terms("Odessa", ACTORS, PLACES)
    assert "odessa" in expand_terms("Odesa", ACTORS, PLACES)


def test_place_variant_inside_longer_text():
    """A place spelled the other way inside a longer search is swapped for its variant."""
    assert "odesa drone strikes" in expand_terms("Odessa drone strikes", ACTORS, PLACES)


def test_data_city_joins_its_spelling_group():
    """A city spelled in the data with a hyphen still gets the built-in variants."""
    terms = expand_terms("Krivoy Rog", ACTORS, ["Kryvyi-Rih"])
    assert "kryvyi-rih" in terms and "kryvyi rih" in terms


def test_kremlin_finds_russia():
    """Searching "Kremlin" also matches Russia's name and its other aliases."""
    terms = expand_terms("Kremlin", ACTORS, PLACES)
    assert terms[0] == "kremlin"
    assert {"russia", "moscow", "russian federation"} <= set(terms)
    assert "ukraine" not in terms


def test_actor_table_from_the_data(folder):
    """The actors table as the query returns it (aliases as lists) expands the same way."""
    from conflictdesk.load import load
    from conflictdesk.queries import run_query

    actors = run_query(load(folder), "actors")
    assert "russia" in expand_terms("moscow", actors, [])


def test_empty_search_is_no_filter():
    """An empty or blank search gives no terms at all: every statement is shown."""
    assert expand_terms("", ACTORS, PLACES) == []
    assert expand_terms("   \n ", ACTORS, PLACES) == []
    assert expand_terms(None, ACTORS, PLACES) == []


def test_long_search_is_capped():
    """A very long search is cut to a fixed length and a fixed number of terms."""
    terms = expand_terms("kremlin " * 10_000, ACTORS, PLACES)
    assert 1 <= len(terms) <= MAX_TERMS
    assert all(len(term) <= MAX_TEXT for term in terms)
    many = [(f"Actor {i}", ["shared"]) for i in range(100)]
    assert len(expand_terms("shared", many, [])) == MAX_TERMS


def test_terms_lowercase_trimmed_and_unique():
    """Terms are lowercase, trimmed and never repeated."""
    terms = expand_terms("  KYIV  ", ACTORS, PLACES + ["Kyiv"])
    assert terms[0] == "kyiv"
    assert all(term == term.lower().strip() for term in terms)
    assert len(terms) == len(set(terms))
    assert "kiev" in terms and "ukraine" not in terms


# Statements naming one place or person each, in Latin, transliterated and Cyrillic spellings.
STATEMENTS = {
    "z-latin": "Talks with President Zelenskyy are possible",
    "z-cyrillic": "Зеленський заявив про перемир'я",
    "z-wife": "Olena Zelenska visited the hospital",
    "odesa-latin": "Drones hit Odesa overnight",
    "odesa-cyrillic": "Удар по Одесі вночі; Одеса без світла",
    "kyiv-latin": "Representatives of the Kyiv regime will feel the same way",
    "kyiv-cyrillic": "Вибухи у Києві; Київ під атакою",
    "kyiv-old": "Missiles over Kiev",
    "sumy-cyrillic": "Суми: удар по центру міста",
    "russia": "Russia has always looked positively on peace initiatives",
    "us": "The US will step back if there is no progress",
    "ukraine": "Ukraine agreed to the energy truce",
}
CYRILLIC_CITIES = ["Одеса", "Київ", "Суми", "Odesa", "Kyiv", "Sumy"]
EXPECTED = {
    ("Zelenskyy", "Zelenskiy", "Zelensky", "Зеленський"): {"z-latin", "z-cyrillic"},
    ("Odesa", "Odessa", "Одеса", "одеса"): {"odesa-latin", "odesa-cyrillic"},
    ("Kyiv", "Kiev", "Київ"): {"kyiv-latin", "kyiv-cyrillic", "kyiv-old"},
    ("Суми", "Sumy"): {"sumy-cyrillic"},
}


def found(text: str) -> set[str]:
    """The statements a reader's search finds, with the actors and cities above."""
    rows = pd.DataFrame({"statement_id": list(STATEMENTS), "quote": list(STATEMENTS.values())})
    terms = expand_terms(text, ACTORS + [("United States", ["U.S.", "US", "USA", "Washington"])], CYRILLIC_CITIES)
    return set(rows.loc[matching(rows, terms), "statement_id"])


@pytest.mark.parametrize("spellings, wanted", list(EXPECTED.items()))
def test_every_spelling_finds_its_own_place_or_person_and_nothing_else(spellings, wanted):
    """Latin, transliterated and Cyrillic spellings each find exactly the same statements."""
    for spelling in spellings:
        assert found(spelling) == wanted, spelling


def test_cyrillic_search_is_not_every_cyrillic_city():
    """`Суми` does not expand to Одеса or Київ (the old key dropped every non-Latin letter)."""
    terms = expand_terms("Суми", ACTORS, CYRILLIC_CITIES)
    assert "одеса" not in terms and "київ" not in terms and "sumy" in terms


def test_aliases_and_search_words_match_whole_words():
    """`US` finds the US statement, not Russia's; `Kyiv` does not turn into the whole of Ukraine."""
    assert found("US") == {"us"}
    assert "ukraine" not in found("Kyiv") and "russia" not in found("Kyiv")
    assert not text_matches("Russia", ["us"]) and text_matches("the U.S. said", ["us"]) is False
    assert text_matches("Drone strikes on Odesa", ["odesa drone strike"]) is False
    assert text_matches("Odesa drone strikes", ["odesa drone strike"])


def test_us_finds_only_american_statements_in_the_bundled_data():
    """In the bundled data, `US` finds statements by or naming the United States, none of Russia's."""
    from conflictdesk.cache import open_data
    from conflictdesk.queries import run_query

    con = open_data(ROOT / "data")
    rows = run_query(con, "statements", date_from=pd.Timestamp("2000-01-01").date(),
                     date_to=pd.Timestamp("2100-01-01").date(), actors=[], speakers=[])
    terms = expand_terms("US", run_query(con, "actors"), run_query(con, "cities")["city"].tolist())
    hits = rows[matching(rows, terms)]
    assert 0 < len(hits) < len(rows)
    assert set(hits["actor"]) <= {"united_states"}
