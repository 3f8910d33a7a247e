"""Hostile input through the URL and through the data: ignored with a notice, shown literally, never run.

How each malformed value is read is unit-tested in test_filters.py; here every page gets one link carrying all of
them at once, and every page gets data whose text carries markup.
"""

import json

import pytest
from streamlit.testing.v1 import AppTest

from apptests import PAGES, TIMEOUT
from datafixtures import write_hostile_folder

LONG = "x" * 20000
# One link with every kind of hostile value a reader could be sent.
HOSTILE_LINK = {
    "period": ["2025-04-13' or 1=1 --", "2025-04-21"],
    "actor": ["russia'); drop table strikes; --", "\u202eaissur", "ru\u200bssia", "\U0001f4a3", LONG]
    + [f"actor{i}" for i in range(900)],
    "statement": ["../../etc/passwd"],
    "strike": ["..%2F..%2Fdata"],
    "truce": ["/etc/shadow"],
    "place": ["Sumy\x00"],
    "q": [LONG],
    "speaker": ["\ufeff"],
    "<script>": ["1"],
    "select": ["*"],
}
# The notices every page gives for that link, and the ones only the page that reads the parameter gives.
NOTICES = [
    "Ignored the period",
    "only the first 50 were read",
    "Ignored unknown actors",
    "Ignored the statement link",
    "Ignored the strike link",
    "Ignored the truce link",
    "Ignored 2 unknown link parameters: “<script>”, “select”.",
]
PAGE_NOTICES = {"map": ["Ignored the place"], "statements": ["Ignored unknown speakers"]}


def run_page(name: str, params: dict) -> AppTest:
    """A page run with the given URL parameters."""
    at = AppTest.from_file(f"../pages/{name}.py", default_timeout=TIMEOUT)
    for key, values in params.items():
        at.query_params[key] = values
    return at.run()


@pytest.mark.parametrize("name", PAGES)
def test_hostile_link_is_ignored_with_notices(name):
    """Each page survives a link full of SQL, path traversal, huge and invisible values, keeps its full view and
    names everything it ignored."""
    at = run_page(name, HOSTILE_LINK)
    assert not at.exception
    assert at.title
    notices = " ".join(i.value for i in at.info).replace("\\", "")
    for words in NOTICES + PAGE_NOTICES.get(name, []):
        assert words in notices, (words, notices[:500])


def test_sql_in_an_actor_does_not_change_the_figures():
    """An actor value carrying SQL is dropped: the overview shows the same figures as with no actor at all."""
    plain = {m.label: m.value for m in run_page("overview", {}).metric}
    hostile = {m.label: m.value for m in run_page("overview", {"actor": ["russia'); drop table strikes; --"]}).metric}
    assert hostile == plain


@pytest.fixture(scope="module")
def hostile_folder(tmp_path_factory):
    """A valid data folder whose text fields carry HTML, script, markdown, javascript: links and long strings."""
    return write_hostile_folder(tmp_path_factory.mktemp("hostile") / "data")


@pytest.fixture
def hostile_data(hostile_folder, monkeypatch):
    """The pages read the hostile folder."""
    monkeypatch.setenv("CONFLICTDESK_DATA", str(hostile_folder))
    return hostile_folder


def shown_markdown(at: AppTest) -> list[str]:
    """The markdown source of every text element on the page."""
    kinds = ("markdown", "caption", "title", "header", "subheader", "info", "warning", "error")
    return [e.value for kind in kinds for e in at.get(kind)] + [e.value for e in at.sidebar.get("caption")]


@pytest.mark.parametrize("name", PAGES)
def test_hostile_data_text_is_escaped(hostile_data, name):
    """Data text with HTML, script and markdown is sent escaped, and javascript: never becomes a link, in text,
    charts and map tooltips."""
    at = run_page(name, {})
    assert not at.exception
    texts = shown_markdown(at)
    if name in ("overview", "statements", "sources"):  # the pages that show the hostile quote or title as text
        assert any("pwned" in t for t in texts)
    for text in texts:
        assert "<script>" not in text.replace("\\<script\\>", ""), text[:120]
        assert "](javascript:" not in text, text[:120]
        assert "**bold**" not in text, text[:120]
    drawn = {"overview": "plotly_chart", "casualties": "plotly_chart", "truces": "plotly_chart", "map": "deck_gl_json_chart"}
    assert name not in drawn or at.get(drawn[name]), "the chart or map these checks look into is missing"
    for chart in at.get("plotly_chart"):
        assert "<script>" not in chart.proto.spec
    for deck in at.get("deck_gl_json_chart"):
        assert '"html"' not in json.loads(deck.proto.json).get("tooltip", {})
