"""Search text and its spelling variants: what a reader's search also matches."""

from conflictdesk.search import MAX_TERMS, MAX_TEXT, expand_terms

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
    assert "kiev" in terms and "ukraine" in terms
