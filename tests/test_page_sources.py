"""The Sources & method page, run by AppTest on the real loader, DuckDB and data."""

import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

from apptests import TIMEOUT
from conflictdesk.load import data_version

DATA = Path(__file__).resolve().parent.parent / "data"


def open_page(**params) -> AppTest:
    """The Sources & method page, opened with these URL parameters."""
    at = AppTest.from_file("../app.py", default_timeout=TIMEOUT)
    for name, value in params.items():
        at.query_params[name] = value
    at.switch_page("pages/sources.py").run()
    assert not at.exception
    return at


def page_text(at: AppTest) -> str:
    """All the markdown and captions of the page, one block per line."""
    return "\n".join(el.value for el in [*at.markdown, *at.caption])


def table_rows(at: AppTest) -> dict:
    """The table of tables, keyed by the name shown."""
    frame = at.dataframe[0].value
    return frame.set_index("Table").to_dict("index")


def test_page_lists_the_source_with_its_metadata():
    """The seed report is listed by title, its publisher not named (as the report leaves it), no invented link."""
    at = open_page()
    text = page_text(at)
    assert "Putin Signals Willingness for Direct Talks with Zelensky Amid Renewed Ceasefire Calls" in text
    assert "**Publisher:** not named in the source" in text
    assert "**Link:** none known" in text
    assert "**Published:** 21 April 2025" in text
    assert "16 statements" in text


def test_page_shows_data_version_and_how_to_check_a_folder():
    """The data version is the 12-character hash of the bundled files; the page gives the command that checks one."""
    at = open_page()
    versions = set(re.findall(r"`([0-9a-f]{12})`", page_text(at)))
    assert data_version(DATA) in versions
    assert any("python -m conflictdesk validate" in el.value for el in at.code)


def test_page_counts_rows_per_table():
    """Every table is described with its rows in all and the rows passing the filters."""
    rows = table_rows(open_page())
    assert rows["Strikes"]["Rows in all"] == 2
    assert rows["Statements"]["Rows in all"] == rows["Statements"]["Rows passing the filters"] == 16
    assert {"Casualty reports", "Truces", "Truce violation claims", "Sources", "Actors"} <= set(rows)
    assert all(row["What it holds"] for row in rows.values())


def test_actor_filter_changes_the_counts():
    """With `?actor=ukraine` no strike passes the filters: 0 of 2 (both were carried out by Russia)."""
    rows = table_rows(open_page(actor="ukraine"))
    assert rows["Strikes"]["Rows in all"] == 2
    assert rows["Strikes"]["Rows passing the filters"] == 0
    assert rows["Statements"]["Rows passing the filters"] < 16


def test_figure_coding_rules_are_explained():
    """Every qualifier and vague word is explained, with "at least"/"about" totals and dates' precision."""
    text = page_text(open_page())
    for words in ("at least", "over", "about", "nearly", "up to", "vague word"):
        assert f"**{words}**" in text
    assert "“hundreds” → 100" in text
    assert "never added together" in text
    assert "seven days ending on that date" in text


def test_one_left_out_death_is_said_in_the_singular():
    """A source card whose import left out 1 row holding 1 death says so in words a reader expects."""
    from conflictdesk.models import sources as source_card

    source = {"version": "25.1", "licence": None, "credit": None, "changes": None, "redistribution": None,
              "released_on": None, "left_out_rows": 1, "left_out_deaths": 1}
    assert source_card.dataset_details(source)[-1].endswith("1 row (1 death by the publisher's figures)")
