"""The casualties page under AppTest, on the bundled data: open-ended bars, claimants, honest totals, every report."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from apptests import TIMEOUT


@pytest.fixture(autouse=True)
def bundled_data(monkeypatch):
    """These tests read the bundled data folder."""
    monkeypatch.delenv("CONFLICTDESK_DATA", raising=False)


def casualties(**params) -> AppTest:
    """The casualties page run with the given URL parameters."""
    at = AppTest.from_file("../app.py", default_timeout=TIMEOUT)
    for name, value in params.items():
        at.query_params[name] = value
    return at.switch_page("pages/casualties.py").run()


def shown_text(at: AppTest) -> str:
    """Everything a reader can read on the page: text elements, metrics, tables and the charts' specs."""
    parts = [e.value for kind in ("markdown", "caption", "info", "subheader", "title") for e in at.get(kind)]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    parts += [frame.value.to_string() for frame in at.dataframe]
    parts += [chart.proto.spec for chart in at.get("plotly_chart")]
    return "\n".join(parts)


def test_bundled_data_shows_phrases_claimants_and_honest_totals():
    """Sumy's "over 100" (unattributed) and Odesa's "at least three" appear; totals say "at least"."""
    at = casualties()
    assert not at.exception
    text = shown_text(at)
    for words in ("over 100", "unattributed", "at least three", "Local officials in Odesa"):
        assert words in text
    assert {m.label: m.value for m in at.metric} == {"People killed": "at least 35", "People injured": "at least 103"}
    captions = " ".join(c.value for c in at.caption)
    assert "at least 103 injured in 2 strikes" in captions.replace("\\", "")


def test_one_report_per_strike_says_so_and_lists_every_report():
    """The bundled data has one report per strike: no history chart, a plain note, and a table of both reports."""
    at = casualties()
    assert len(at.get("plotly_chart")) == 1
    assert any("One report per strike so far" in i.value for i in at.info)
    table = at.dataframe[0].value
    assert len(table) == 2
    assert {"Strike", "People killed", "People injured", "Claimed by", "Status", "Source", "Source's words"} <= set(
        table.columns
    )
    assert not any("_" in column for column in table.columns)
    assert "over 100" in set(table["People injured"])


def test_actor_in_the_url_filters_by_attacker():
    """?actor=ukraine shows no strikes: both bundled strikes were carried out by Russia."""
    at = casualties(actor=["ukraine"])
    assert not at.exception
    assert not at.get("plotly_chart") and not at.dataframe
    assert any("Nothing in this period" in i.value for i in at.info)
    assert "over 100" not in shown_text(at)


def test_period_outside_the_data_says_nothing_in_this_period():
    """A period with no strikes shows the plain message, no chart and no exception."""
    at = casualties(period=["2024-01-01", "2024-01-31"])
    assert not at.exception
    assert any("Nothing in this period" in i.value for i in at.info)
    assert not at.get("plotly_chart")


def test_period_in_the_url_is_honoured():
    """A period after the Sumy strike leaves Odesa alone: its deaths "not reported" (never 0), at least 3 injured."""
    at = casualties(period=["2025-04-14", "2025-04-23"])
    assert not at.exception
    assert {m.label: m.value for m in at.metric} == {"People killed": "not reported", "People injured": "at least 3"}
    assert "over 100" not in shown_text(at)


# --- many strikes ---------------------------------------------------------------------------------------


def test_many_strikes_show_the_top_25_and_the_first_reports(many_strikes, monkeypatch):
    """3,000 strikes: bars for the 25 highest tolls, said so; the first 500 reports, said so; honest totals."""
    monkeypatch.setenv("CONFLICTDESK_DATA", str(many_strikes))
    at = AppTest.from_file("../pages/casualties.py", default_timeout=TIMEOUT).run()
    assert not at.exception
    infos = " ".join(i.value for i in at.info)
    assert "Showing the 25 strikes with the highest tolls of 3,000" in infos
    assert "Showing the first 500 of 3,000 reports" in infos and "the download below holds every one" in infos
    assert "One report per strike so far" in infos
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    strikes = [a for a in spec["layout"]["annotations"] if a.get("name") == "label" and a["text"].startswith("<b>")]
    assert len(strikes) == 25
    assert len(at.dataframe[0].value) == 500
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["People killed"].startswith("at least ")  # some synthetic figures are "at least"
    captions = " ".join(c.value for c in at.caption).replace("\\", "")
    assert "in 3,000 strikes" in captions and "figures are not exact" in captions
    assert "Download every report (CSV)" in [b.label for b in at.get("download_button")]
