"""The truce violations page under AppTest, on the bundled data: each side's claim apart, never summed."""

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from apptests import TIMEOUT

SUM = re.compile(r"\b3,?100\b")  # "nearly 3,000" + "hundreds" (coded 100) must never be added up


@pytest.fixture(autouse=True)
def bundled_data(monkeypatch):
    """These tests read the bundled data folder."""
    monkeypatch.delenv("CONFLICTDESK_DATA", raising=False)


def truces(**params) -> AppTest:
    """The truce page run with the given URL parameters."""
    at = AppTest.from_file("../app.py", default_timeout=TIMEOUT)
    for name, value in params.items():
        at.query_params[name] = value
    return at.switch_page("pages/truces.py").run()


def block_text(block) -> str:
    """The text of every markdown, caption and info element in a block."""
    kinds = ("markdown", "caption", "info", "header", "subheader")
    return "\n".join(e.value for kind in kinds for e in block.get(kind))


def claim_columns(at: AppTest) -> list[str]:
    """The text of each column that holds a claim card."""
    return [text for text in (block_text(column) for column in at.columns) if "Claimed by" in text]


def test_each_sides_claim_stands_in_its_own_column():
    """"nearly 3,000 times" and "hundreds" are in separate columns, each marked not independently verified."""
    at = truces()
    assert not at.exception
    columns = claim_columns(at)
    assert len(columns) == 2
    ukraine = next(text for text in columns if "Claimed by Ukraine against Russia" in text)
    russia = next(text for text in columns if "Claimed by Russia against Ukraine" in text)
    assert "nearly 3,000 times" in ukraine and "hundreds" not in ukraine
    assert "hundreds" in russia and "nearly 3,000 times" not in russia
    assert "claimed by Ukraine, not independently verified" in ukraine
    assert "claimed by Russia, not independently verified" in russia
    assert "drone attacks; artillery attacks" in russia


def test_claims_are_never_summed():
    """Nowhere on the page or in the chart is there a combined count such as 3,100."""
    at = truces()
    everything = block_text(at) + "\n" + "\n".join(chart.proto.spec for chart in at.get("plotly_chart"))
    assert not SUM.search(everything)


def test_truce_window_and_details_are_shown():
    """The Easter truce: declared by Russia, from some day in the week to 20 Apr 2025 (the report says "over
    Easter"), its end not given, drawn on a time axis."""
    at = truces()
    text = block_text(at)
    assert "Easter truce" in text
    assert "Declared by **Russia** · in the week to 20 Apr 2025 – end not given" in text
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert spec["layout"]["shapes"][0]["type"] == "rect"
    rows = {trace["name"] for trace in spec["data"]}
    assert {"Claimed by Ukraine", "Claimed by Russia"} <= rows


def test_actor_filter_keeps_claims_made_by_or_against_the_actor():
    """?actor=ukraine still shows both claims: one made by Ukraine, one made against it."""
    at = truces(actor=["ukraine"])
    assert not at.exception
    columns = claim_columns(at)
    assert len(columns) == 2
    assert any("nearly 3,000 times" in text for text in columns)
    assert any("hundreds" in text for text in columns)


def test_actor_with_no_claims_says_so():
    """?actor=united_states shows the truce but says there are no claims by or against it."""
    at = truces(actor=["united_states"])
    assert not at.exception
    assert not claim_columns(at)
    assert any("No claims of violations" in i.value for i in at.info)


def test_period_outside_the_data_says_nothing_in_this_period():
    """A period with no truce shows the plain message, no chart and no exception."""
    at = truces(period=["2024-01-01", "2024-01-31"])
    assert not at.exception
    assert any("Nothing in this period" in i.value for i in at.info)
    assert not at.get("plotly_chart")
    assert not claim_columns(at)
