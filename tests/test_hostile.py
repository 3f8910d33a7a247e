"""Hostile input through the URL and through the data: ignored with a notice, shown literally, never run."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from datafixtures import write_hostile_folder

PAGES = ["overview", "map", "casualties", "truces", "statements", "sources"]
LONG = "x" * 20000
HOSTILE_URLS = {
    "sql in the period": {"period": ["2025-04-13' or 1=1 --", "2025-04-21"]},
    "sql in an actor": {"actor": ["russia'); drop table strikes; --"]},
    "path traversal in ids": {"statement": ["../../etc/passwd"], "strike": ["..%2F..%2Fdata"], "truce": ["/etc/shadow"]},
    "huge values": {"period": [LONG, LONG], "actor": [LONG], "place": [LONG], "q": [LONG]},
    "hundreds of actors": {"actor": [f"actor{i}" for i in range(900)]},
    "invalid dates": {"period": ["2025-02-30", "2025-13-01"]},
    "unicode oddities": {"actor": ["\u202eaissur", "ru\u200bssia", "\U0001f4a3"], "place": ["Sumy\x00"], "speaker": ["\ufeff"]},
    "unknown parameters": {"<script>": ["1"], "select": ["*"]},
}


def run_page(name: str, params: dict) -> AppTest:
    """A page run with the given URL parameters."""
    at = AppTest.from_file(f"../pages/{name}.py", default_timeout=60)
    for key, values in params.items():
        at.query_params[key] = values
    return at.run()


@pytest.mark.parametrize("case", sorted(HOSTILE_URLS))
def test_hostile_url_parameters_are_ignored_with_a_notice(case):
    """Each page survives the hostile link, keeps its full view and tells the reader what it ignored."""
    for name in PAGES:
        at = run_page(name, HOSTILE_URLS[case])
        assert not at.exception, (case, name)
        assert at.title, (case, name)
        notices = " ".join(i.value for i in at.info)
        assert "Ignored" in notices or "ignored" in notices or "only the first" in notices or "No statement" in notices, (case, name)


def test_sql_in_an_actor_does_not_change_the_figures():
    """An actor value carrying SQL is dropped: the overview shows the same figures as with no actor at all."""
    plain = {m.label: m.value for m in run_page("overview", {}).metric}
    hostile = {m.label: m.value for m in run_page("overview", HOSTILE_URLS["sql in an actor"]).metric}
    assert hostile == plain


@pytest.fixture
def hostile_data(tmp_path, monkeypatch):
    """A valid data folder whose text fields carry HTML, script, markdown, javascript: links and long strings."""
    folder = write_hostile_folder(tmp_path / "data")
    monkeypatch.setenv("CONFLICTDESK_DATA", str(folder))
    monkeypatch.setenv("CONFLICTDESK_CACHE", str(tmp_path / "cache"))
    return folder


def shown_markdown(at: AppTest) -> list[str]:
    """The markdown source of every text element on the page."""
    kinds = ("markdown", "caption", "title", "header", "subheader", "info", "warning", "error")
    return [e.value for kind in kinds for e in at.get(kind)] + [e.value for e in at.sidebar.get("caption")]


def test_hostile_data_text_is_shown_literally(hostile_data):
    """On every page, data text with HTML, script and markdown is escaped, and javascript: never becomes a link."""
    for name in PAGES:
        at = run_page(name, {})
        assert not at.exception, name
        texts = shown_markdown(at)
        assert any("pwned" in t for t in texts) or name in ("map", "casualties", "truces"), name
        for text in texts:
            assert "<script>" not in text.replace("\\<script\\>", ""), (name, text[:120])
            assert "](javascript:" not in text, (name, text[:120])
            assert "**bold**" not in text, (name, text[:120])
        for chart in at.get("plotly_chart"):
            assert "<script>" not in chart.proto.spec, name
        for deck in at.get("deck_gl_json_chart"):
            assert '"html"' not in json.loads(deck.proto.json).get("tooltip", {}), name
