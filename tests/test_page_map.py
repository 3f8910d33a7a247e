"""The strikes map page under AppTest, on the bundled data: the deck, the place views and the strike card."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from apptests import TIMEOUT
from conflictdesk import deck
from datafixtures import shown

SUMY = "sumy-2025-04-13"
ODESA = "odesa-2025-04-21"


def map_page(**params) -> AppTest:
    """The app opened at the map page (through app.py's navigation) with the given URL parameters."""
    at = AppTest.from_file("../app.py", default_timeout=TIMEOUT)
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    at.switch_page("pages/map.py")
    for name, value in params.items():
        at.query_params[name] = value
    return at.run()


def deck_spec(at: AppTest) -> dict:
    """The deck JSON the browser receives."""
    return json.loads(at.get("deck_gl_json_chart")[0].proto.json)


def strikes_drawn(at: AppTest) -> dict[str, dict]:
    """Strike id -> its row in the deck's data, from both strike layers."""
    return {
        row["strike_id"]: row
        for layer in deck_spec(at)["layers"]
        if layer["id"].startswith("strike-")
        for row in layer["data"]
    }


def url_values(at: AppTest, name: str) -> list[str]:
    """A URL parameter's values after the run, always as a list."""
    value = at.query_params.get(name, [])
    return [value] if isinstance(value, str) else list(value)


def shown_text(at: AppTest) -> str:
    """Every markdown, caption, info and warning on the page, joined."""
    return "\n".join(e.value for kind in (at.markdown, at.caption, at.info, at.warning) for e in kind)


def test_map_draws_both_strikes_with_their_phrases():
    """The page runs and the deck holds Sumy and Odesa, Sumy's tooltip in its source's words, and a text summary."""
    at = map_page()
    assert not at.exception
    assert at.title[0].value == "Strikes map"
    strikes = strikes_drawn(at)
    assert set(strikes) == {SUMY, ODESA}
    assert "35 killed; over 100 injured" in strikes[SUMY]["tooltip"]
    chart = at.get("deck_gl_json_chart")[0].proto
    assert "2 strikes" in chart.alt and "Sumy" in chart.alt


def test_default_view_is_all_ukraine_with_legend_and_credit():
    """Without ?place the map shows all of Ukraine, and the page explains colours, rings and credits."""
    at = map_page()
    view = deck_spec(at)["initialViewState"]
    assert (view["latitude"], view["longitude"], view["zoom"]) == pytest.approx(deck.PRESETS[deck.ALL_UKRAINE])
    text = shown_text(at)
    assert "Civilian" in text and "Military" in text and "Hollow ring" in text
    assert "Natural Earth" in text and "OpenStreetMap" in text


def test_place_in_url_centres_the_view():
    """?place=Odesa centres the map on Odesa."""
    at = map_page(place="Odesa")
    view = deck_spec(at)["initialViewState"]
    assert view["latitude"] == pytest.approx(46.48, abs=0.01)
    assert view["zoom"] > 5  # closer than the whole country
    assert at.selectbox(key="place_pick").value == "Odesa"


def test_sumy_button_moves_the_view_and_the_url():
    """Clicking Sumy centres the map on Sumy and writes ?place=Sumy."""
    at = map_page()
    at.button(key="go-Sumy").click().run()
    assert deck_spec(at)["initialViewState"]["latitude"] == pytest.approx(50.91, abs=0.01)
    assert url_values(at, "place") == ["Sumy"]
    at.button(key="go-All Ukraine").click().run()
    assert deck_spec(at)["initialViewState"]["latitude"] == pytest.approx(deck.PRESETS[deck.ALL_UKRAINE][0])
    assert url_values(at, "place") == []


def test_city_selectbox_moves_the_view():
    """Choosing a city in the list centres the map on it and keeps it in the URL."""
    at = map_page()
    at.selectbox(key="place_pick").select("Odesa").run()
    assert deck_spec(at)["initialViewState"]["latitude"] == pytest.approx(46.48, abs=0.01)
    assert url_values(at, "place") == ["Odesa"]


def test_strike_in_url_opens_its_card():
    """?strike=sumy-2025-04-13 shows the card: description, toll phrase with claimant, excerpt, statements."""
    at = map_page(strike=SUMY)
    assert not at.exception
    text = shown_text(at)
    assert "over 100 injured" in text
    assert "Claimed by: unattributed" in text
    assert "where 35 people were killed and over 100 injured" in text  # the source's excerpt
    assert "congress centre in Sumy on Palm Sunday" in text
    assert "Missile" in text and "Russia" in text
    assert "Everyone knows our Armed Forces struck a congress center" in text  # a related statement
    assert at.selectbox(key="strike_pick").value == SUMY


def test_strike_selectbox_opens_the_card_and_the_url():
    """Choosing Odesa in the strike list opens its card and writes ?strike= to the URL."""
    at = map_page()
    at.selectbox(key="strike_pick").select(ODESA).run()
    assert url_values(at, "strike") == [ODESA]
    text = shown_text(at)
    assert "at least three injured" in text and "Local officials in Odesa" in text


def test_actor_filter_leaves_no_strikes_and_says_so():
    """?actor=ukraine leaves no strikes (both are Russia's); the page says so and still draws the outlines."""
    at = map_page(actor="ukraine")
    assert not at.exception
    assert strikes_drawn(at) == {}
    assert any("No strikes match these filters" in info.value for info in at.info)
    layers = {layer["id"]: layer for layer in deck_spec(at)["layers"]}
    assert layers["country-outlines"]["data"]["features"]
    assert {row["name"] for row in layers["city-labels"]["data"]} >= {"Sumy", "Odesa"}


def test_period_filter_changes_the_strikes():
    """A period after the Sumy strike leaves only Odesa on the map."""
    at = map_page(period=["2025-04-14", "2025-04-23"])
    assert set(strikes_drawn(at)) == {ODESA}


def test_card_opens_for_a_strike_outside_the_filters():
    """A linked strike the filters hide still opens its card, marked as not drawn."""
    at = map_page(strike=SUMY, period=["2025-04-20", "2025-04-23"])
    assert SUMY not in strikes_drawn(at)
    assert any("outside the current filters" in w.value for w in at.warning)
    assert "over 100 injured" in shown_text(at)


def test_unknown_place_is_ignored_with_a_notice():
    """?place=Atlantis is ignored with a visible notice; the map still shows all of Ukraine."""
    at = map_page(place="Atlantis")
    assert not at.exception
    assert any("Atlantis" in info.value and "not a city in the data" in info.value for info in at.info)
    assert deck_spec(at)["initialViewState"]["latitude"] == pytest.approx(deck.PRESETS[deck.ALL_UKRAINE][0])
    assert SUMY in strikes_drawn(at)


def test_unknown_strike_is_ignored_with_a_notice():
    """?strike=nowhere says there is no such strike and opens no card."""
    at = map_page(strike="nowhere")
    assert not at.exception
    assert any("no strike" in info.value.lower() for info in at.info)
    assert "Toll, report by report" not in shown_text(at)


# --- many strikes: squares, and points again in a city view -------------------------------------------


def test_many_strikes_are_drawn_as_squares(many_strikes, monkeypatch):
    """3,000 strikes over all Ukraine: squares, not points, with a note, a small payload and a download."""
    monkeypatch.setenv("CONFLICTDESK_DATA", str(many_strikes))
    at = AppTest.from_file("../pages/map.py", default_timeout=TIMEOUT).run()
    assert not at.exception
    assert strikes_drawn(at) == {}
    cells = next(layer for layer in deck_spec(at)["layers"] if layer["id"] == "cells")["data"]
    assert cells and all("strikes in this square" in c["tooltip"] or "strike in this square" in c["tooltip"]
                         for c in cells)
    assert any("3,000 strikes match these filters: too many to draw one by one" in i.value.replace("\\", "") for i in at.info)
    assert "Squares: strikes added up" in shown_text(at)
    assert "Download the strikes matching these filters (CSV)" in [b.label for b in at.get("download_button")]


def test_a_city_view_draws_points_again(many_strikes, monkeypatch):
    """?place=Kyiv: Kyiv's strikes as points with their cards to pick, and a note on what is left out."""
    monkeypatch.setenv("CONFLICTDESK_DATA", str(many_strikes))
    at = AppTest.from_file("../pages/map.py", default_timeout=TIMEOUT)
    at.query_params["place"] = "Kyiv"
    at.run()
    assert not at.exception
    strikes = strikes_drawn(at)
    assert 0 < len(strikes) < 3000
    assert all("Kyiv" in row["tooltip"] and "SYNTHETIC DATA" in row["tooltip"] for row in strikes.values())
    assert any("within about 35 km of Kyiv" in i.value.replace("\\", "") for i in at.info)
    assert len(at.selectbox(key="strike_pick").options) == len(strikes)


def test_two_villages_of_one_name_stay_two_places(tmp_path, monkeypatch):
    """Two Ivanivkas in two oblasts are two places: each its own entry and view; the bare name asks which."""
    from datafixtures import minimal_tables, write_folder

    tables = minimal_tables()
    base = dict(tables["strikes"][0], city="Ivanivka", geo_precision="city")
    tables["strikes"] += [
        dict(base, strike_id="ivanivka-kherson", oblast="Kherson Oblast", latitude="46.70", longitude="33.60"),
        dict(base, strike_id="ivanivka-kharkiv", oblast="Kharkiv Oblast", latitude="49.60", longitude="36.60"),
    ]
    monkeypatch.setenv("CONFLICTDESK_DATA", str(write_folder(tmp_path / "data", **tables)))
    at = AppTest.from_file("../pages/map.py", default_timeout=TIMEOUT)
    at.query_params["place"] = ["Ivanivka, Kherson Oblast"]
    at.run()
    assert not at.exception
    options = at.selectbox(key="place_pick").options
    assert {"Ivanivka, Kherson Oblast", "Ivanivka, Kharkiv Oblast"} <= set(options) and "Ivanivka" not in options
    assert deck_spec(at)["initialViewState"]["latitude"] == pytest.approx(46.70)
    bare = AppTest.from_file("../pages/map.py", default_timeout=TIMEOUT)
    bare.query_params["place"] = ["Ivanivka"]
    bare.run()
    assert any("names 2 places in the data" in shown(el.value) for el in bare.info)


@pytest.mark.parametrize("spelling", ["Odessa", "Одеса", "odesa"])
def test_place_accepts_the_spellings_search_knows(spelling):
    """?place=Odessa (or Одеса) opens the Odesa view, and the link is written with the data's spelling."""
    at = AppTest.from_file("../pages/map.py", default_timeout=TIMEOUT)
    at.query_params["place"] = [spelling]
    at.run()
    assert not at.info, [el.value for el in at.info]
    assert at.query_params["place"] == "Odesa"


def test_map_offers_a_static_image_with_the_charts_caption():
    """Under the map: the static figure from the bundled outlines, with title, period, actors, source and data
    version, saved as PNG or SVG from its toolbar."""
    at = map_page(period=["2025-04-13", "2025-04-23"], actor=["russia"])
    figure = at.get("plotly_chart")[0]
    spec, config = json.loads(figure.proto.spec), json.loads(figure.proto.config)
    words = " ".join(a["text"] for a in spec["layout"]["annotations"]).replace("<br>", " ")
    assert "Strikes map" in words and "Period: 13 Apr 2025" in words and "strikes carried out by" in words
    assert "Data version" in words and "via Conflict Desk" in words
    assert config["toImageButtonOptions"]["format"] == "png"
    at.segmented_control(key="map_image_format").set_value("svg").run()
    assert json.loads(at.get("plotly_chart")[0].proto.config)["toImageButtonOptions"]["format"] == "svg"


def test_embed_code_for_one_part():
    """The cite block's embed code: the whole page by default, or the part chosen, with a title naming it."""
    at = map_page(period=["2025-04-13", "2025-04-23"])
    assert "part=" not in at.code[1].value and 'title="Conflict Desk: Strikes map"' in at.code[1].value
    at.selectbox(key="embed-part-map").set_value("map").run()
    code = at.code[1].value
    assert "part=map" in code and "embed=true" in code and 'title="Conflict Desk: Strikes map — Map"' in code
    assert "conflictdesk:height" in code
