"""CSV downloads, citations and embed codes."""

import datetime as dt
import io

import json

import numpy as np
import pandas as pd

from conflictdesk.export import (
    HEIGHT_MESSAGE, RESIZE_SCRIPT, citation, embed_code, iframe_snippet, neutralise, page_url, to_csv, to_json,
)


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


def test_csv_opens_in_a_spreadsheet_with_curly_quotes_and_cyrillic_intact():
    """UTF-8 with a byte-order mark (Excel then reads UTF-8, not Windows-1252): the bytes are the text's."""
    rows = pd.DataFrame({"quote": ["Putin’s “direct talks”"], "city": ["Київ"]})
    data = to_csv(rows, "v1")
    assert data.startswith(b"\xef\xbb\xbfquote,city,data_version")
    assert "Putin’s “direct talks”".encode("utf-8").replace(b'"', b'""') in data
    assert "Київ".encode("utf-8") in data
    assert b"\xe2\x80\x99" in data and b"\xc3\xa2\xe2\x82\xac" not in data  # ’ itself, never its mojibake
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str)
    assert back.columns[0] == "quote" and back.at[0, "quote"] == "Putin’s “direct talks”"


def test_list_columns_from_duckdb_are_joined_not_numpy_repr(folder):
    """A LIST column as DuckDB returns it (NumPy arrays) is written "a; b", never "['a' 'b']"."""
    from conflictdesk.cache import open_data
    from conflictdesk.queries import run_query

    rows = run_query(open_data(folder), "latest_statements", date_from=dt.date(2025, 4, 1),
                     date_to=dt.date(2025, 4, 30), actors=[], limit=10)
    topics = next(value for value in rows["topics"] if len(value) >= 2)
    assert isinstance(topics, np.ndarray)
    text = to_csv(rows, "v1").decode("utf-8-sig")
    assert "; ".join(topics) in text
    assert "['" not in text and "' '" not in text


def test_numpy_lists_and_missing_cells():
    """Arrays, tuples and lists join with "; "; a list cell starting with "=" is defused too; None is empty."""
    rows = pd.DataFrame({"actors": [np.array(["ukraine", "united_states"]), ("=x", "y"), None]})
    back = pd.read_csv(io.BytesIO(to_csv(rows, "v")), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert back["actors"].tolist() == ["ukraine; united_states", "'=x; y", ""]


def test_json_keeps_lists_dates_nulls_version_and_source_ids():
    """The same rows for developers: lists as lists, ISO dates, null for missing, no apostrophe prefix."""
    rows = pd.DataFrame({
        "strike_id": ["a", "b"], "date": [pd.Timestamp("2025-04-13"), pd.NaT], "killed": [35, np.nan],
        "topics": [np.array(["talks", "Київ"]), np.array([], dtype=object)], "city": ["=cmd", "Sumy"],
        "source_id": ["s1", "s2"],
    })
    document = json.loads(to_json(rows, "abc", "http://h/map?period=x", "Source: X via Conflict Desk"))
    assert document["data_version"] == "abc" and document["view"] == "http://h/map?period=x"
    assert document["source_ids"] == ["s1", "s2"]
    assert document["rows"][0] == {"strike_id": "a", "date": "2025-04-13", "killed": 35, "topics": ["talks", "Київ"],
                                   "city": "=cmd", "source_id": "s1"}
    assert document["rows"][1]["date"] is None and document["rows"][1]["killed"] is None
    assert document["rows"][1]["topics"] == []


def test_embed_code_sizes_its_frame_from_the_views_own_messages():
    """The embed code: an iframe with a title and a starting height, and a script that only believes height
    messages from that frame's window and origin."""
    code = embed_code("http://h/overview?part=timeline&embed=true", "Conflict Desk: Overview — Timeline")
    frame, script = code.split("\n")
    assert 'title="Conflict Desk: Overview — Timeline"' in frame and "data-conflictdesk" in frame
    assert script == RESIZE_SCRIPT and HEIGHT_MESSAGE in script
    assert "e.source" in script and ".origin===e.origin" in script
