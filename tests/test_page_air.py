"""The Air attacks page under AppTest: on the bundled data (no air-attack rows: what the table is for and how to
import it, nothing invented) and on a copy of it with a daily air-attack file imported (tests/airfixtures.py):
figures with their claimant, the Air Force's and the regional command's counts never added together."""

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from airfixtures import imported_folder, night
from apptests import TIMEOUT


def air(**params) -> AppTest:
    """The Air attacks page run with the given URL parameters."""
    at = AppTest.from_file("../app.py", default_timeout=TIMEOUT)
    for name, value in params.items():
        at.query_params[name] = value
    return at.switch_page("pages/air.py").run()


def page_text(at: AppTest) -> str:
    """Everything the page says in words: text elements, metrics, tables and charts' hover text."""
    kinds = ("markdown", "caption", "info", "subheader", "title", "code")
    parts = [e.value for kind in kinds for e in at.get(kind)]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    parts += [frame.value.to_string() for frame in at.dataframe]
    parts += [chart.proto.spec for chart in at.get("plotly_chart")]
    return "\n".join(parts)


@pytest.fixture
def bundled(monkeypatch):
    monkeypatch.delenv("CONFLICTDESK_DATA", raising=False)


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    return imported_folder(tmp_path_factory.mktemp("air"))


def test_bundled_data_explains_the_table_and_the_import_and_shows_no_figure(bundled):
    """No air-attack rows: the page says what the table is for and gives the import command; no chart, no number."""
    at = air()
    assert not at.exception
    text = page_text(at)
    assert "No air-attack reports are loaded" in text
    assert "python -m conflictdesk import air-attacks" in text
    assert not at.metric and not at.get("plotly_chart") and not at.dataframe


def test_imported_reports_show_each_claimants_figures_apart_and_never_summed(imported, monkeypatch):
    """The latest week (21-23 April) names the Air Force with its 90 and 75; the whole period gives the Air Force
    and the regional command each its own card (290 and 42 launched), and 332 (their sum) appears nowhere."""
    monkeypatch.setenv("CONFLICTDESK_DATA", str(imported))
    at = air()
    assert not at.exception
    text = page_text(at)
    assert "Latest week with reports: 21 Apr 2025 – 23 Apr 2025" in text
    cards = {m.label: [] for m in at.metric}
    for metric in at.metric:
        cards[metric.label].append(metric.value)
    assert cards["Attack drones launched"] == ["90", "290", "42"]
    assert cards["Attack drones destroyed"] == ["75", "at least 205", "37"]
    assert "**According to Air Force of the Armed Forces of Ukraine**" in text
    assert "**According to pivden**" in text
    assert "82% destroyed where the same report gives both counts (205 of 250, 3 reports)" in text
    assert "Reconnaissance drones, counted apart: 2 launched, 2 destroyed." in text
    assert not re.search(r"\b332\b|\b242\b", text), "the Air Force's and the regional command's drones were added"
    charts = at.get("plotly_chart")
    assert len(charts) == 6  # weeks and nights: the Air Force, the regional command, the Air Force's recon drones
    assert re.search(r"Source: Test air\\?-attack compiler", text)  # each card credits the file's publisher


def test_the_actor_filter_chooses_the_claimant(imported, monkeypatch):
    """actor=command-pivden shows only the regional command's reports."""
    monkeypatch.setenv("CONFLICTDESK_DATA", str(imported))
    at = air(actor="command-pivden")
    text = page_text(at)
    assert [m.value for m in at.metric if m.label == "Attack drones launched"] == ["42", "42"]
    assert "Air Force of the Armed Forces of Ukraine" not in text.replace("Filtered", "")


def test_sources_page_counts_the_air_reports_and_credits_their_file(imported, monkeypatch):
    """The Sources page's table of tables has the air-attack reports (8 in all, 2 by the regional command chosen as
    actor) and the civilian-harm incidents (none here), and the imported file's source cites its 8 reports."""
    monkeypatch.setenv("CONFLICTDESK_DATA", str(imported))
    at = AppTest.from_file("../app.py", default_timeout=TIMEOUT)
    at.query_params["actor"] = "command-pivden"
    at.switch_page("pages/sources.py").run()
    assert not at.exception
    tables = [f.value for f in at.dataframe if "Table" in f.value.columns][0].set_index("Table")
    assert tables.loc["Air-attack reports", ["Rows in all", "Rows passing the filters"]].tolist() == [8, 2]
    assert tables.loc["Civilian-harm incidents (Bellingcat)", "Rows in all"] == 0
    assert "8 air-attack reports" in "\n".join(e.value for e in at.markdown)


def test_text_from_the_file_is_shown_as_text(tmp_path, monkeypatch):
    """A compiler's name and a model label carrying markdown, HTML and a javascript: link are shown literally:
    the card's source line escapes them (no link, no bold), the table keeps the label verbatim."""
    label = "<b>Shahed</b> [x](javascript:alert(1))"
    folder = imported_folder(tmp_path, [night("2025-04-15", label, "10.0", "9.0")], "**Loud** [c](javascript:alert(1))")
    monkeypatch.setenv("CONFLICTDESK_DATA", str(folder))
    at = air()
    assert not at.exception
    sources = [c.value for c in at.caption if "Source: " in c.value and "Loud" in c.value]
    assert sources and all("](javascript" not in c and "**Loud**" not in c for c in sources)
    assert at.dataframe[0].value["Weapon (as reported)"].tolist() == [label]


def test_a_claimant_without_drones_leads_with_its_own_weapons(tmp_path, monkeypatch):
    """A night of cruise missiles only: the card's headline is missiles, launched 6 and destroyed 5, not 'not
    reported' drones."""
    folder = imported_folder(tmp_path, [night("2025-04-15", "Kalibr", "6.0", "5.0")])
    monkeypatch.setenv("CONFLICTDESK_DATA", str(folder))
    at = air()
    assert [(m.label, m.value) for m in at.metric][:2] == [("Missiles launched", "6"), ("Missiles destroyed", "5")]


def test_air_charts_credit_the_air_attack_publisher_only(imported, monkeypatch):
    """The air-attack charts show only the imported file's reports: their caption credits its compiler, and not the
    news reports of the bundled data, whose rows they do not draw (rule 6: credit wherever the data is shown)."""
    monkeypatch.setenv("CONFLICTDESK_DATA", str(imported))
    at = air(period=["2025-04-13", "2025-04-23"])
    assert not at.exception
    layouts = [json.loads(chart.proto.spec)["layout"] for chart in at.get("plotly_chart")]
    captions = [json.dumps(layout, ensure_ascii=False) for layout in layouts]
    assert captions and all("Test air-attack compiler" in c for c in captions)
    assert not any("Putin Signals Willingness" in c for c in captions)


def test_an_embedded_air_chart_credits_the_air_attack_file_alone(imported):
    """Rule 6, without crediting what is not shown: the air page's parts credit the air-attack file's compiler, not
    the news report behind the strikes (footer.view_credit reads captions.VIEW_TABLES)."""
    from conflictdesk.captions import VIEW_TABLES, full_credit
    from conflictdesk.derived import add_derived
    from conflictdesk.load import load
    from conflictdesk.queries import run_query

    con = load(imported)
    add_derived(con)
    sources = run_query(con, "sources")
    everyone = full_credit(sources)
    air_only = full_credit(sources, VIEW_TABLES[("air", "reports")])
    assert "Test air-attack compiler" in air_only
    # a source that names no publisher (the bundled news report) is credited by its title
    news = [p if isinstance(p, str) else t for p, t in zip(sources["publisher"], sources["title"])
            if p != "Test air-attack compiler"]
    assert news and all(name in everyone and name not in air_only for name in news)
