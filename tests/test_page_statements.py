"""The Statements page, run by AppTest on the real loader, DuckDB and data."""

import re

from streamlit.testing.v1 import AppTest

from apptests import TIMEOUT
from datafixtures import shown

from conflictdesk.text import escape_markdown

TRUMP_POST = "trump-2025-04-20-deal-this-week"
LINK = re.compile(r"\[Link to this statement\]\([^)]*statement=([^&)]+)\)")


def open_page(**params) -> AppTest:
    """The Statements page, opened with these URL parameters."""
    at = AppTest.from_file("../app.py", default_timeout=TIMEOUT)
    for name, value in params.items():
        at.query_params[name] = value
    at.switch_page("pages/statements.py").run()
    assert not at.exception
    return at


def card_ids(at: AppTest) -> list[str]:
    """The ids of the statement cards shown, in order (from each card's own link)."""
    return [m.group(1) for el in at.markdown if (m := LINK.search(el.value))]


def quotes(at: AppTest) -> list[str]:
    """The quote lines of the cards shown."""
    return [el.value for el in at.markdown if el.value.startswith("> ")]


def speakers(at: AppTest) -> set[str]:
    """The speakers named on the cards shown."""
    return {m.group(1) for el in at.markdown if (m := re.match(r"^\*\*([^*]+)\*\*, ", el.value))}


def test_page_runs_and_shows_all_bundled_statements():
    """With no filters the page shows all 16 statements and says how many, by how many speakers."""
    at = open_page()
    assert len(card_ids(at)) == 16
    assert len(set(card_ids(at))) == 16
    assert any(el.value == "**16 statements by 4 speakers**" for el in at.markdown)


def test_direct_quotes_in_quotation_marks_and_paraphrases_marked():
    """Trump's post appears in quotation marks; a reported remark is marked as a paraphrase."""
    at = open_page()
    assert "> “HOPEFULLY RUSSIA AND UKRAINE WILL MAKE A DEAL THIS WEEK”" in quotes(at)
    assert any(q.startswith("> *Paraphrase:* Warned he may withdraw support") for q in quotes(at))


def test_statement_link_shows_that_one_card_and_can_show_all():
    """`?statement=ID` shows exactly that statement, even outside the period, and a button returns to all."""
    at = open_page(statement=TRUMP_POST, period=["2025-04-21", "2025-04-21"])
    assert card_ids(at) == [TRUMP_POST]
    assert any("Showing one linked statement" in el.value for el in at.info)
    at.button[0].click().run()
    assert not at.exception
    assert "statement" not in at.query_params
    assert TRUMP_POST not in card_ids(at)  # back to the list, filtered to 21 April only
    assert len(card_ids(at)) == 15


def test_unknown_or_malformed_statement_link_shows_a_notice():
    """An unknown or malformed statement id gives a plain notice and the full list, not an error."""
    at = open_page(statement="nope")
    assert any("No statement “nope” in the data" in el.value for el in at.info)
    assert len(card_ids(at)) == 16
    at = open_page(statement="<bad id>")
    assert any("Ignored the statement link" in el.value and "not an id" in el.value for el in at.info)
    assert len(card_ids(at)) == 16


def test_speaker_filter_narrows_to_one_speaker_and_goes_in_the_link():
    """Choosing a speaker shows only that speaker's statements and puts the choice in the URL."""
    at = open_page()
    at.multiselect(key="speaker").select("Donald Trump").run()
    assert not at.exception
    assert speakers(at) == {"Donald Trump"}
    assert len(card_ids(at)) == 2
    assert any(el.value == "**2 statements by 1 speaker**" for el in at.markdown)
    assert at.query_params["speaker"] == "Donald Trump"
    linked = open_page(speaker=["Donald Trump", "Nobody"])
    assert speakers(linked) == {"Donald Trump"}
    assert any("Ignored unknown speakers in the link: Nobody" in shown(el.value) for el in linked.info)


def test_search_kremlin_finds_peskov():
    """Searching "Kremlin" finds Peskov's statements and keeps the search in the URL."""
    at = open_page()
    at.text_input(key="q").input("Kremlin").run()
    assert not at.exception
    ids = card_ids(at)
    assert {"peskov-2025-04-21-bilateral", "peskov-2025-04-21-interfax"} <= set(ids)
    assert "zelensky-2025-04-21-any-conversation" not in ids  # says nothing of Russia, Moscow or the Kremlin
    assert at.query_params["q"] == "Kremlin"


def test_search_with_nothing_found_says_so():
    """A search matching nothing says so instead of showing an empty page."""
    at = open_page(q="no such words anywhere")
    assert card_ids(at) == []
    assert any("No statements match" in el.value for el in at.info)


def test_actor_filter_shows_only_that_actors_statements():
    """`?actor=united_states` shows only Trump's statements."""
    at = open_page(actor="united_states")
    assert speakers(at) == {"Donald Trump"}
    assert len(card_ids(at)) == 2
