"""CSV downloads, citations and embed codes."""

import datetime as dt
import io

import pandas as pd

from conflictdesk.export import citation, iframe_snippet, neutralise, page_url, to_csv


def test_formula_cells_are_neutralised():
    """Cells a spreadsheet would run as formulas are prefixed with an apostrophe; others are untouched."""
    for value in ("=HYPERLINK(\"x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"):
        assert neutralise(value) == "'" + value
    assert neutralise("Sumy") == "Sumy"
    assert neutralise(-5) == -5


def test_csv_has_header_rows_version_and_source_ids():
    """The download holds the header, every row, its source id and the data version."""
    rows = pd.DataFrame(
        {"strike_id": ["a", "b"], "city": ["=cmd", "Odesa"], "topics": [["x", "y"], []], "source_id": ["s1", "s1"]}
    )
    back = pd.read_csv(io.BytesIO(to_csv(rows, "abc123def456")), dtype=str, keep_default_na=False)
    assert list(back.columns) == ["strike_id", "city", "topics", "source_id", "data_version"]
    assert back["city"].tolist() == ["'=cmd", "Odesa"]
    assert back["topics"].tolist() == ["x; y", ""]
    assert set(back["data_version"]) == {"abc123def456"}


def test_page_url_carries_the_view():
    """The cited and embedded URLs carry the filters; embed=true is added or dropped."""
    query = {"period": ["2025-04-13", "2025-04-21"], "actor": ["russia"], "embed": ["true"]}
    assert page_url("http://h:8501/map", query) == "http://h:8501/map?period=2025-04-13&period=2025-04-21&actor=russia"
    assert page_url("http://h:8501/map", query, embed=True).endswith("&actor=russia&embed=true")


def test_citation_names_url_version_time_and_credit():
    """A citation block has the address, data version, UTC retrieval time and credit."""
    text = citation(
        "http://h/map?period=2025-04-13", "abc", dt.datetime(2025, 5, 1, 12, 30, tzinfo=dt.timezone.utc),
        "Source: X via Conflict Desk", "Strikes map",
    )
    assert text.splitlines() == [
        "Conflict Desk — Strikes map",
        "http://h/map?period=2025-04-13",
        "Data version abc, retrieved 2025-05-01 12:30 UTC.",
        "Source: X via Conflict Desk",
    ]


def test_iframe_snippet_escapes_its_attributes():
    """The embed code is an iframe whose src and title cannot break out of their quotes."""
    snippet = iframe_snippet('http://h/map?a=1&b="x"', "Map <1>")
    assert snippet.startswith('<iframe src="http://h/map?a=1&amp;b=&quot;x&quot;" title="Map &lt;1&gt;"')
