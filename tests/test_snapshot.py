"""Static snapshots: `python -m conflictdesk snapshot URL --out DIR` and the "Download this view" zip."""

import html.parser
import io
import json
import zipfile

import pandas as pd
import pytest

from conflictdesk.__main__ import main
from datafixtures import write_hostile_folder

URL = "http://desk.example/casualties?period=2025-04-13&period=2025-04-23&actor=russia"


class Tags(html.parser.HTMLParser):
    """Every start tag with its attributes, and the text of inline scripts."""

    def __init__(self):
        super().__init__()
        self.tags, self.scripts, self._in_script = [], [], False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.scripts.append(data)


def tags_of(text: str) -> Tags:
    parsed = Tags()
    parsed.feed(text)
    return parsed


def snapshot(tmp_path, url: str = URL, name: str = "snap") -> tuple[int, object]:
    out = tmp_path / name
    return main(["snapshot", url, "--out", str(out)]), out


def test_snapshot_folder_holds_page_data_library_and_citation(tmp_path, capsys):
    """index.html with the filters, chart and credit; plotly.js beside it; rows as CSV and JSON; citation.json."""
    code, out = snapshot(tmp_path)
    assert code == 0, capsys.readouterr().err
    page = (out / "index.html").read_text("utf-8")
    assert "Conflict Desk: Casualties" in page
    assert "Filtered to 13 Apr 2025 – 23 Apr 2025; strikes carried out by Russia." in page
    assert 'data-chart="casualties-latest-tolls"' in page and "Plotly.newPlot" in page
    cited = json.loads((out / "citation.json").read_text("utf-8"))
    assert cited["url"] == URL and cited["page"] == "casualties" and cited["query"]["actor"] == ["russia"]
    assert len(cited["data_version"]) >= 8 and cited["data_version"] in page
    assert cited["credit"] in page and cited["licence"] and cited["created"].endswith("Z")
    assert (out / "plotly.min.js").stat().st_size > 1_000_000
    csv = (out / "data" / "latest-tolls.csv").read_bytes()
    assert csv.startswith(b"\xef\xbb\xbf")
    rows = pd.read_csv(io.BytesIO(csv), encoding="utf-8-sig", dtype=str)
    document = json.loads((out / "data" / "latest-tolls.json").read_text("utf-8"))
    assert len(rows) == len(document["rows"]) > 0
    assert set(rows["data_version"]) == {cited["data_version"]} == {document["data_version"]}
    assert document["source_ids"] and set(document["source_ids"]) <= {s["source_id"] for s in cited["sources"]}


def test_snapshot_loads_nothing_from_the_network(tmp_path):
    """Every script and stylesheet is in the folder: no http(s) src, no CDN."""
    code, out = snapshot(tmp_path, "http://desk.example/map?place=Sumy")
    assert code == 0
    parsed = tags_of((out / "index.html").read_text("utf-8"))
    sources = [attrs.get("src") for tag, attrs in parsed.tags if tag in ("script", "img", "iframe") and attrs.get("src")]
    assert sources == ["plotly.min.js"]
    assert not [attrs for tag, attrs in parsed.tags if tag == "link"]


def test_a_part_alone(tmp_path):
    """`part=tolls`: the bar chart and its rows, no table of every report."""
    code, out = snapshot(tmp_path, URL + "&part=tolls")
    assert code == 0
    page = (out / "index.html").read_text("utf-8")
    assert page.count('data-chart="') == 1 and 'data-chart="casualties-latest-tolls"' in page
    assert "Every casualty report" not in page
    assert sorted(p.name for p in (out / "data").iterdir()) == ["latest-tolls.csv", "latest-tolls.json"]


@pytest.mark.parametrize("page", ["overview", "map?strike=sumy", "truces", "statements", "sources"])
def test_hostile_data_text_is_escaped_in_every_page(tmp_path, monkeypatch, page):
    """Data text with <script>, <img onerror> and javascript: links is text in the snapshot, never markup."""
    monkeypatch.setenv("CONFLICTDESK_DATA", str(write_hostile_folder(tmp_path / "data")))
    code, out = snapshot(tmp_path, f"http://h/{page}")
    assert code == 0
    text = (out / "index.html").read_text("utf-8")
    parsed = tags_of(text)
    assert not [t for t, attrs in parsed.tags if t == "img" or any(k.startswith("on") for k in attrs)]
    assert not [attrs for t, attrs in parsed.tags if "javascript:" in (attrs.get("href") or "").lower()]
    assert not [s for s in parsed.scripts if "pwned" in s and "\\u003cscript" not in s and "&lt;script" not in s]
    assert [attrs.get("src") for t, attrs in parsed.tags if t == "script" and attrs.get("src")] == ["plotly.min.js"]
    assert "&lt;script&gt;" in text  # the data's text is shown, as text


def test_an_address_that_is_not_a_page_is_refused(tmp_path, capsys):
    """A URL whose path is no page: exit 1 and a message naming the pages; nothing written."""
    code, out = snapshot(tmp_path, "http://h/admin?period=2025-04-13")
    assert code == 1 and not out.exists()
    assert "not a page" in capsys.readouterr().err


def test_download_this_view_zip_is_the_same_folder():
    """The button's .zip holds one folder with index.html, plotly.min.js, citation.json and the data files."""
    from conflictdesk import snapshot as snap

    run = snap.local_runner()
    view, _ = snap.view_from_url(URL, run)
    with zipfile.ZipFile(io.BytesIO(snap.zip_bytes(URL, view, run, run))) as archive:
        names = set(archive.namelist())
        cited = json.loads(archive.read("conflictdesk-casualties/citation.json"))
    assert {"conflictdesk-casualties/index.html", "conflictdesk-casualties/plotly.min.js",
            "conflictdesk-casualties/data/latest-tolls.csv", "conflictdesk-casualties/data/latest-tolls.json"} <= names
    assert cited["url"] == URL


def test_images_are_written_with_their_caption(tmp_path):
    """--images: each chart as SVG and PNG (kaleido and the local Chromium), carrying its caption."""
    code = main(["snapshot", "http://h/map?period=2025-04-13&period=2025-04-23", "--out", str(tmp_path / "s"),
                 "--images"])
    assert code == 0
    svg = (tmp_path / "s" / "images" / "strikes-map.svg").read_text("utf-8")
    assert svg.startswith("<svg") and "Data version" in svg and "Period: 13 Apr 2025" in svg
    assert (tmp_path / "s" / "images" / "strikes-map.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_every_page_of_the_registry_has_a_snapshot():
    """A page added to sitemap.py without its snapshot section fails here, not in a newsroom's command."""
    from conflictdesk.sitemap import PAGES
    from conflictdesk.snapshot.sections import ACTOR_MEANINGS, BUILDERS

    assert {page.path for page in PAGES} == set(BUILDERS) == set(ACTOR_MEANINGS)


def test_air_attacks_snapshot_keeps_claimants_apart_and_credits_the_compiler(tmp_path, monkeypatch):
    """Imported air-attack reports: each claimant's card and charts, never a sum, the compiler credited."""
    from airfixtures import imported_folder

    monkeypatch.setenv("CONFLICTDESK_DATA", str(imported_folder(tmp_path)))
    code, out = snapshot(tmp_path, "http://h/air?period=2025-04-13&period=2025-04-23")
    assert code == 0
    page = (out / "index.html").read_text("utf-8")
    assert "According to Air Force of the Armed Forces of Ukraine" in page
    assert "According to pivden" in page
    assert 'data-chart="air-weeks-' in page and 'data-chart="air-nights-' in page
    assert "332" not in page  # 290 + 42: the claimants are never added
    # Strict JSON (a browser's JSON.parse): a source without a publisher or address is null, never NaN.
    cited = json.loads((out / "citation.json").read_text("utf-8"),
                       parse_constant=lambda constant: pytest.fail(f"{constant} in citation.json"))
    assert "Test air-attack compiler" in cited["credit"] and "Test air-attack compiler" in page
    assert (out / "data" / "air-attacks.csv").read_bytes().startswith(b"\xef\xbb\xbf")
