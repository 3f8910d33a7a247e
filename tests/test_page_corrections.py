"""Corrections as readers meet them (issue 14), under AppTest: the Corrections page, the "Corrected on …" marks
on the strike card and the casualty chart, the notice of an older link, and the bundled data's own corrections."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from correctionfixtures import corrected_copy

OLD_LINK = "2026-11-10T09:00Z"  # made before the Sumy correction of 20 Nov 2026
NEW_LINK = "2026-11-29T12:00Z"  # made after it, and after the bundled corrections of 25 and 29 Nov 2026
SUMY_MARK = "Corrected on 20 Nov 2026"


@pytest.fixture
def corrected(tmp_path, monkeypatch):
    """The bundled data with the Sumy toll corrected (35 → 34 killed) by a later source."""
    monkeypatch.setenv("CONFLICTDESK_DATA", str(corrected_copy(tmp_path)))


@pytest.fixture
def bundled(monkeypatch):
    monkeypatch.delenv("CONFLICTDESK_DATA", raising=False)


def run(page: str, **params) -> AppTest:
    at = AppTest.from_file("../app.py", default_timeout=90)
    for name, value in params.items():
        at.query_params[name] = value
    at.switch_page(f"pages/{page}.py").run()
    assert not at.exception
    return at


def popovers(at: AppTest) -> list[str]:
    """The labels of the page's "Corrected on …" marks (popovers; the cite-and-embed popover left out)."""
    found = []

    def walk(node):
        for child in getattr(node, "children", {}).values():
            proto = getattr(child, "proto", None)
            if getattr(child, "type", None) == "popover" and proto is not None:
                if "Corrected on" in proto.popover.label:
                    found.append(proto.popover.label)
            walk(child)

    walk(at._tree)
    return found


def text(at: AppTest, kinds=("markdown", "caption", "warning", "info")) -> str:
    return "\n".join(e.value for kind in kinds for e in at.get(kind)).replace("\\", "")


def test_corrections_page_lists_the_sumy_correction_newest_first(corrected):
    """The page lists the Sumy correction with old and new value, reason and source, before older ones."""
    at = run("corrections")
    shown = text(at)
    assert "killed: 35 → **34**" in shown
    assert "counted twice" in shown and "Source: [Test Wire]" not in shown and "Source: Test Wire" in shown
    assert "11 corrections, newest first." in shown
    order = [block for block in (m.value.replace("\\", "") for m in at.markdown) if "→" in block]
    position = {name: max(i for i, block in enumerate(order) if name in block) for name in ("Odesa", "Trump", "Sumy")}
    assert position["Odesa"] < position["Trump"] < position["Sumy"]  # 29 Nov, then 25 Nov, then 20 Nov
    assert "Casualty report on the strike in Sumy, 13 Apr 2025" in order[-1]


def test_corrections_page_follows_the_period_of_the_corrected_row(corrected):
    """A period without the Sumy strike leaves its correction out; the source's correction stays (undated)."""
    shown = text(run("corrections", period=["2025-04-20", "2025-04-23"]))
    assert "35 → " not in shown and "publisher: Not named in the report" in shown


def test_strike_card_marks_its_corrected_toll(corrected):
    """The Sumy card's report carries "Corrected on 20 Nov 2026", which opens the correction and its reason."""
    at = run("map", strike="sumy-2025-04-13")
    assert popovers(at) == [SUMY_MARK]
    assert "killed phrase: 35 → **34**" in text(at)
    assert "**34**" in text(at) and "Sumy" in text(at)


def test_casualties_chart_marks_the_corrected_bar(corrected):
    """The chart's Sumy label says it was corrected (Odesa's figures were not); a mark under the chart opens the
    entries; the table of reports says which report was corrected."""
    at = run("casualties")
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    labels = [a["text"].replace("<br>", " ") for a in spec["layout"]["annotations"] if "Sumy" in a.get("text", "")]
    assert any(SUMY_MARK in label for label in labels)
    assert not any("Corrected" in a.get("text", "") and "Odesa" in a["text"] for a in spec["layout"]["annotations"])
    assert popovers(at) == [f"Sumy · 13 Apr 2025: {SUMY_MARK}"]
    table = at.dataframe[0].value
    assert dict(zip(table["People killed"], table["Corrected"])) == {"34": SUMY_MARK, "not reported": ""}


def test_an_older_link_is_told_what_changed_and_a_newer_one_is_not(corrected):
    """A link made before the corrections names each change touching its view; one made after says nothing."""
    old = run("casualties", as_of=OLD_LINK)
    warnings = [w.value for w in old.warning]
    assert len(warnings) == 1 and "Updated since this link was made: 4 corrections" in warnings[0].replace("\\", "")
    shown = text(old)
    assert "Casualty report on the strike in Sumy, 13 Apr 2025** · killed: 35 → **34**" in shown
    assert "Strike in Odesa" in shown and "Trump" not in shown  # statements do not touch the Casualties page
    new = run("casualties", as_of=NEW_LINK)
    assert not new.warning and "Updated since" not in text(new)


def test_a_link_to_one_statement_hears_of_its_correction(bundled):
    """A statement link made before its correction names it; the page's other corrections are left out."""
    at = run("statements", statement="putin-2025-04-21-direct-talks", as_of="2026-11-26T08:00Z")
    warning = at.warning[0].value.replace("\\", "")
    assert "Updated since this link was made: 3 corrections" in warning  # venue, day, and the source's publisher
    assert "venue: Russian state television → **(empty)**" in text(at)


def test_bundled_cards_show_the_curators_corrections(bundled):
    """Trump's cards open the role correction (the report's "former President"); the truce start is a week,
    and the credit line names the report by its title."""
    statements = run("statements", speaker=["Donald Trump"])
    assert popovers(statements) == ["Corrected on 25 Nov 2026"] * 2
    assert "speaker role: former President → **President of the United States**" in text(statements)
    truces = run("truces")
    assert "Declared by **Russia** · in the week to 20 Apr 2025 – end not given" in text(truces)
    overview = run("overview")
    spec = overview.get("plotly_chart")[0].proto.spec
    assert "Source: Putin Signals Willingness for Direct Talks" in spec and "Not named in the report" not in spec


def test_sources_page_gives_the_data_version_in_words_and_the_changelog_as_text(tmp_path, monkeypatch):
    """The version, its date and the number of corrections in words; the changelog shown as text, not markup."""
    folder = corrected_copy(tmp_path)
    (folder / "CHANGELOG.md").write_text("# Release 2\n\n- Sumy toll corrected **now** <b>x</b>\n", encoding="utf-8")
    monkeypatch.setenv("CONFLICTDESK_DATA", str(folder))
    at = run("sources")
    shown = text(at)
    assert "of 29 Nov 2026, with 11 corrections in its log." in shown
    changelog = next(e for e in at.expander if "Changelog" in e.label)
    body = changelog.markdown[0].value
    assert r"\# Release 2" in body and r"\*\*now\*\*" in body and r"\<b\>x\<\/b\>" not in body and r"\<b\>" in body
