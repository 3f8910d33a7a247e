"""The overview page under AppTest: headline figures in their sources' words, timeline, latest statements."""

import json

from streamlit.testing.v1 import AppTest

from apptests import TIMEOUT
from datafixtures import shown


def overview(**params) -> AppTest:
    """The app opened at the overview with the given URL parameters."""
    at = AppTest.from_file("../app.py", default_timeout=TIMEOUT)
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    at.switch_page("pages/overview.py")
    for name, value in params.items():
        at.query_params[name] = value
    return at.run()


def metrics(at: AppTest) -> dict:
    """Metric label -> shown value."""
    return {m.label: m.value for m in at.metric}


def test_headline_figures_say_at_least_and_quote_the_sources():
    """On the whole span: 2 strikes, at least 35 killed, at least 103 injured, with the phrases beside them."""
    at = overview()
    assert not at.exception
    assert metrics(at) == {"Strikes": "2", "People killed": "at least 35", "People injured": "at least 103"}
    captions = " ".join(shown(c.value) for c in at.caption)
    assert "Sumy: over 100 (unattributed, claimed)" in captions
    assert "Odesa: at least three (Local officials in Odesa, claimed)" in captions


def test_period_in_the_url_changes_the_figures():
    """A period after the Sumy strike leaves one strike and no reported deaths."""
    at = overview(period=["2025-04-14", "2025-04-23"])
    assert metrics(at) == {"Strikes": "1", "People killed": "not reported", "People injured": "at least 3"}


def test_timeline_has_every_kind_of_item():
    """The timeline draws strikes, statements, truces and events."""
    at = overview()
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    names = {trace.get("name") for trace in spec["data"]}
    assert {"Strikes", "Statements", "Truces", "Diplomacy and politics"} <= names


def test_latest_three_statements_are_cards():
    """Three quote cards, the newest first, each with its own link."""
    at = overview()
    links = [m.value for m in at.markdown if "Link to this statement" in m.value]
    assert len(links) == 3
    assert all("statements?period=" in link and "statement=" in link for link in links)


def test_cite_block_carries_the_filters_and_version():
    """The 'cite this view' block has the overview URL with its period and the data version."""
    at = overview(period=["2025-04-14", "2025-04-21"])
    cite = at.code[0].value
    assert "/overview?period=2025-04-14&period=2025-04-21" in cite
    assert "Data version " in cite and "UTC" in cite
    assert "embed=true" in at.code[1].value and at.code[1].value.startswith("<iframe")


def test_many_strikes_send_the_reader_to_casualties_and_count_the_timeline_per_day(many_strikes, monkeypatch):
    """3,000 synthetic strikes: no list of 3,000 phrases but a pointer to Casualties; a per-day timeline."""
    monkeypatch.setenv("CONFLICTDESK_DATA", str(many_strikes))
    at = AppTest.from_file("../pages/overview.py", default_timeout=TIMEOUT).run()
    assert not at.exception
    assert metrics(at)["Strikes"] == "3000"
    captions = " ".join(shown(c.value) for c in at.caption)
    assert "Across 3,000 strikes: see Casualties" in captions and "not exact" in captions
    assert "In the sources' words" not in captions
    assert "too many to draw one by one" in captions
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert [trace["type"] for trace in spec["data"]] == ["bar"]
    assert spec["data"][0]["y"]  # the counts per day
    assert any("Strikes per day" in note.get("text", "") for note in spec["layout"]["annotations"])
