"""The pages on a small imported folder (ACLED and UCDP files written from the formats, imported with the CLI):
what a reporter would notice — battles are not strikes, ACLED's 0 is no figure, windows stay windows, UCDP's
contradictions are marked, UCDP is credited with its version and licence, and what the imports left out is said."""

import html
import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from apptests import TIMEOUT
from datafixtures import shown
from importfixtures import acled, import_acled, import_ucdp, ucdp


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """Four ACLED strikes (one coded 0, one dated to a week, two villages named Ivanivka), an ACLED attack that is
    not a strike, and three UCDP events: a battle with best above high over a window of months, one in Kharkiv,
    and one located only to the country (left out, 40 deaths)."""
    tmp = tmp_path_factory.mktemp("imported")
    code, _, err, folder = import_acled(tmp, [
        acled(),
        acled(event_id_cnty="UKR1002", fatalities="0", notes="Casualties unknown. Shelling of Ivanivka.",
              location="Ivanivka", admin1="Kherson", admin2="Kherson", latitude="46.70", longitude="32.60"),
        acled(event_id_cnty="UKR1003", location="Ivanivka", admin1="Kherson", admin2="Beryslav",
              latitude="46.95", longitude="33.40", fatalities="2", notes="Drone strike on Ivanivka killed 2."),
        acled(event_id_cnty="UKR1004", time_precision="2", event_date="2025-04-16", fatalities="4",
              sub_event_type="Air/drone strike", location="Kharkiv", admin1="Kharkiv", admin2="Kharkiv",
              latitude="49.99", longitude="36.23", notes="A drone strike on Kharkiv in the week killed 4."),
        acled(event_id_cnty="UKR1005", event_type="Violence against civilians", sub_event_type="Attack",
              fatalities="1", notes="A man was stabbed in Sumy."),
    ])
    assert code == 0, err
    code, _, err, _ = import_ucdp(tmp, [
        ucdp(id="601", best="396", low="0", high="0", date_start="2022-02-24", date_end="2022-09-12", date_prec="5",
             where_description="Izyum town", adm_1="Kharkiv oblast", adm_2="Izium raion"),
        ucdp(),
        ucdp(id="603", where_prec="6", best="40", low="40", high="40"),
    ], "--merge")
    assert code == 0, err
    return folder


def page(monkeypatch, folder, name: str, **params) -> AppTest:
    """The app opened on a page of the imported folder, with the given URL parameters."""
    monkeypatch.setenv("CONFLICTDESK_DATA", str(folder))
    at = AppTest.from_file("../app.py", default_timeout=TIMEOUT)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(f"pages/{name}.py")
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def texts(at: AppTest) -> str:
    """Every caption, markdown, info and warning of the page as a reader sees it."""
    parts = [c.value for c in at.caption] + [m.value for m in at.markdown]
    parts += [i.value for i in at.info] + [w.value for w in at.warning]
    return " ".join(shown(p).replace("**", "") for p in parts)


def test_overview_counts_strikes_only_and_says_what_it_leaves_out(monkeypatch, imported):
    """Strikes 4: the UCDP events and ACLED's stabbing are other events, counted beside them under their own names;
    ACLED's 0 is no figure; the left-out UCDP row and its 40 deaths are stated."""
    at = page(monkeypatch, imported, "overview")
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Strikes"] == "4"
    assert metrics["Other events (not strikes)"] == "3"
    assert metrics["People killed"] == "about 41"  # ACLED's coded counts are estimates: "about", never "at least"
    said = texts(at)
    assert "Ivanivka: no fatalities reported (ACLED codes 0 for none and for unknown)" in said
    assert "at least 0" not in said
    assert "UCDP: state-based conflict, 2 events" in said and "Attack, 1 event" in said
    assert "Imports left out 1 row of the publishers' files, holding 40 deaths" in said


def test_a_window_straddling_the_period_is_counted_and_said(monkeypatch, imported):
    """The strike dated to the week around 16 April counts in a period from 15 April, and the page says it may lie
    outside it."""
    at = page(monkeypatch, imported, "overview", period=["2025-04-15", "2025-04-30"])
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Strikes"] == "1"
    assert "1 of them has a date window reaching past the period's edge" in texts(at)


def test_the_actor_filter_takes_a_state_with_its_services(monkeypatch, imported):
    """Choosing Russia counts the strikes by ACLED's "Military Forces of Russia (2000-)"."""
    at = page(monkeypatch, imported, "overview", actor="russia")
    assert {m.label: m.value for m in at.metric}["Strikes"] == "4"


def test_casualties_chart_shows_windows_estimates_and_credits_ucdp(monkeypatch, imported):
    """Bars in ACLED's words with the week as a window; the caption credits UCDP with version, licence, changes."""
    at = page(monkeypatch, imported, "casualties")
    assert not at.exception
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    hovers = " ".join(html.unescape(h) for trace in spec["data"] for h in trace.get("hovertext") or [])
    assert "Kharkiv · between 10 Apr and 22 Apr 2025" in hovers
    assert "People killed: 35 (ACLED's coded fatalities)" in hovers
    traces = {trace.get("name") for trace in spec["data"]}
    assert "Publisher's estimate" in traces and not any("Open-ended" in str(name) for name in traces)
    layout = json.dumps(spec["layout"], ensure_ascii=False)
    assert "version 24.1" in layout and "CC BY 4.0" in layout and "changed: selected events" in layout
    said = texts(at)
    assert "Imports left out 1 row" in said
    table = at.dataframe[0].value
    assert "no fatalities reported (ACLED codes 0 for none and for unknown)" in set(table["People killed"])


def test_a_ucdp_event_card_keeps_its_window_its_figures_and_their_contradiction(monkeypatch, imported):
    """The battle's card: not a strike, dated between 24 Feb and 12 Sep 2022, best/low/high as given, marked."""
    at = page(monkeypatch, imported, "map", strike="ucdp-601")
    assert not at.exception
    said = texts(at)
    assert "Not a strike: UCDP classifies this event as “UCDP: state-based conflict”" in said
    assert "between 24 Feb and 12 Sep 2022" in said
    assert "best 396 (low 0, high 0) — inconsistent in the source" in said


def test_two_villages_of_one_name_are_two_places(monkeypatch, imported):
    """The map offers each Ivanivka by its district: neither is averaged into the other."""
    at = page(monkeypatch, imported, "map")
    options = at.selectbox(key="place_pick").options
    assert "Ivanivka, Kherson, Kherson" in options and "Ivanivka, Beryslav, Kherson" in options
    assert "Other events (not strikes): not drawn" in texts(at)


def test_sources_page_gives_credit_terms_and_what_was_left_out(monkeypatch, imported):
    """UCDP's version, release (not given), licence, credit and changes; ACLED's restriction before downloads; the
    import ledger by reason with rows and deaths."""
    at = page(monkeypatch, imported, "sources")
    assert not at.exception
    said = texts(at)
    assert "Version: 24.1" in said and "Released: release date not given" in said
    assert "Published: not given by the publisher (the import dates it by the file's latest date, " in said
    assert "Licence: CC BY 4.0" in said
    assert "Credit: UCDP Georeferenced Event Dataset (GED) Global version 24.1" in said
    assert "Changes: changed: selected events" in said
    assert "Left out by the import: 1 row (40 deaths by the publisher's figures)" in said
    assert "its terms restrict redistribution" in said
    assert "The imports left out 1 row of the publishers' files, holding 40 deaths" in said
    ledger = [frame.value for frame in at.dataframe if "Reason" in frame.value.columns][0]
    left = ledger[ledger["Outcome"] == "left out"]
    assert list(left["Reason"]) == ["located only to the country or at sea"] and list(left["Deaths (publisher's figures)"]) == [40]


def test_a_strike_by_a_states_service_is_in_the_view_of_that_state(monkeypatch, imported):
    """A card of a strike by "Military Forces of Russia (2000-)" with Russia chosen is not called outside the filters."""
    at = page(monkeypatch, imported, "map", strike="acled-UKR1001", actor="russia")
    assert not at.exception
    assert "outside the current filters" not in texts(at)
    at = page(monkeypatch, imported, "map", strike="acled-UKR1001", actor="ucdp")
    assert "outside the current filters" in texts(at)


def test_sources_page_says_what_a_bellingcat_import_left_out_without_a_death_figure(monkeypatch, tmp_path):
    """A Bellingcat import (no tolls) that left out the point 0,0: the Sources page counts the row from the import
    ledger and says the publisher gives no death figure for it, never "holding no deaths" (silence is not zero)."""
    from test_import_bellingcat import export, incident
    from importfixtures import run as cli

    file = export(tmp_path, [incident(), incident(id="CIV0301", latitude="0", longitude="0")])
    code, _, err = cli("import", "bellingcat", file, "--out", tmp_path / "out")
    assert code == 0, err
    at = page(monkeypatch, tmp_path / "out", "sources")
    assert not at.exception
    said = texts(at)
    assert "Left out by the import: 1 row (deaths not given)" in said
    assert "The imports left out 1 row of the publishers' files; the publishers give no death figure for it." in said
    assert "no deaths" not in said
    ledger = [frame.value for frame in at.dataframe if "Reason" in frame.value.columns][0]
    assert list(ledger["Reason"]) == ["", "no location (0,0)"]


def test_a_ucdp_event_located_only_to_a_wider_area_is_named_as_an_area(monkeypatch, tmp_path):
    """UCDP's where_prec 5 ("Donbas"): the card's heading says it is an area, not a place, and how it is located
    says so in words; it is never offered as a place to go to."""
    code, _, err, folder = import_ucdp(tmp_path, [
        ucdp(),
        ucdp(id="602", where_prec="5", where_coordinates="Donbas", adm_1="", adm_2="", latitude="48.0", longitude="38.0"),
    ])
    assert code == 0, err
    at = page(monkeypatch, folder, "map", strike="ucdp-602")
    assert not at.exception
    assert [shown(h.value) for h in at.subheader][:1] == ["Event: Donbas (an area, not a place)"]
    said = texts(at)
    assert "only a wider area or a line (such as a front) is known, not a place" in said
    assert "oblast only" not in said
    assert "Donbas" not in at.selectbox(key="place_pick").options


def test_sources_page_counts_only_rows_left_out_of_the_totals_and_a_floor_when_some_give_no_figure(monkeypatch, tmp_path):
    """UCDP: one row located only to the country (left out, 40 deaths) and one in Russia (out of scope, 100);
    then a Bellingcat export merged in, whose point 0,0 is left out with no death figure. The sentence counts
    the two rows left out of the totals, "at least 40" deaths (one row gives none), never the 100 of another
    country; the ledger still lists the out-of-scope row. The Overview's note says "at least" too."""
    from test_import_bellingcat import export, incident
    from importfixtures import run as cli

    code, _, err, folder = import_ucdp(tmp_path, [
        ucdp(),
        ucdp(id="603", where_prec="6", best="40", low="40", high="40"),
        ucdp(id="604", country="Russia", best="100", low="100", high="100"),
    ])
    assert code == 0, err
    file = export(tmp_path, [incident(), incident(id="CIV0301", latitude="0", longitude="0")])
    code, _, err = cli("import", "bellingcat", file, "--out", folder, "--merge")
    assert code == 0, err
    at = page(monkeypatch, folder, "sources")
    assert not at.exception
    said = texts(at)
    assert ("The imports left out 2 rows of the publishers' files, holding at least 40 deaths by the publishers' "
            "own figures (some rows give none).") in said
    assert "140" not in said
    ledger = [frame.value for frame in at.dataframe if "Reason" in frame.value.columns][0]
    assert "out of scope" in list(ledger["Outcome"])
    overview = texts(page(monkeypatch, folder, "overview"))
    assert ("Imports left out 2 rows of the publishers' files, holding at least 40 deaths by the publishers' "
            "figures (some rows give none)") in overview


def test_a_ucdp_event_linked_by_id_is_called_an_event_and_told_why_it_is_not_drawn(monkeypatch, imported):
    """UCDP's battle opened with ?strike=ucdp-601 inside the period: its card names it an event in UCDP's own
    classification, says the Strikes map draws strikes only (not that the filters hide it), and calls it a strike
    nowhere: no "Strike status", no "Source of the strike", no strike picker label of its own."""
    at = page(monkeypatch, imported, "map", strike="ucdp-601")
    assert not at.exception
    assert "Filtered to 24 Feb 2022 – 22 Apr 2025" in texts(at)  # its window, 24 Feb – 12 Sep 2022, is inside
    card = next(block for block in at.main.children.values()
                if any(shown(s.value).startswith("Event: ") for s in getattr(block, "subheader", [])))
    # The app's own words on the card: its captions are the publisher's (source title, excerpt, notes) and the
    # link's address keeps the public ?strike= parameter, so both are left out.
    said = " ".join(re.sub(r"\]\([^)]*\)", "]", shown(str(e.value))).replace("**", "")
                    for e in [*card.subheader, *card.info, *card.warning, *card.markdown])
    assert "Event: Kharkiv town" in said
    assert "Event status: claimed" in said and "Source of the event" in said
    assert "outside the current filters" not in texts(at)
    why = ("Not a strike: UCDP classifies this event as “UCDP: state-based conflict”. The Strikes map draws strikes "
           "only, so this event is not drawn on it, whatever the filters, and it is not counted or added up with the "
           "strikes.")
    assert why in said
    assert "strike" not in said.replace(why, "").lower()  # the one sentence that says it is not one
    assert at.selectbox(key="strike_pick").label == "Strike, or the linked event"
