"""The strikes map's deck, built from hand-made rows shaped like `strikes_for_map` returns."""

import json

import pandas as pd
import pytest

from conflictdesk import deck

SIMFEROPOL = (34.10, 44.95)


def contains_point(feature: dict, lon: float, lat: float) -> bool:
    """Ray casting: is (lon, lat) inside the feature's outer rings and outside their holes?"""

    def inside(ring):
        crossings = False
        for (x1, y1), (x2, y2) in zip(ring, ring[-1:] + ring[:-1]):
            if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
                crossings = not crossings
        return crossings

    geometry = feature["geometry"]
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    return any(inside(rings[0]) and not any(inside(hole) for hole in rings[1:]) for rings in polygons)


def strike(**cells) -> dict:
    """One strikes_for_map row; cells not given are empty."""
    row = dict.fromkeys(
        "time_local oblast place weapon target description killed killed_qualifier killed_phrase injured "
        "injured_qualifier injured_phrase toll_claimant toll_status source_title source_url excerpt notes".split()
    )
    row |= {"date": pd.Timestamp("2025-04-13"), "date_precision": "day", "attacker": "russia"}
    row |= {"attacker_name": "Russia", "status": "claimed", "source_id": "s1", "publisher": "Test Wire"}
    row |= {"source_type": "news_report", "target_type": "civilian", "geo_precision": "exact"}
    return row | cells


SUMY = strike(
    strike_id="sumy",
    city="Sumy",
    place="Congress centre",
    latitude=50.9077,
    longitude=34.7981,
    target_type="civilian",
    killed=35,
    killed_qualifier="exact",
    killed_phrase="35",
    injured=100,
    injured_qualifier="over",
    injured_phrase="over 100",
    toll_claimant="unattributed",
    toll_status="claimed",
)
ODESA = strike(
    strike_id="odesa",
    date=pd.Timestamp("2025-04-21"),
    city="Odesa",
    latitude=46.4825,
    longitude=30.7233,
    geo_precision="city",
    target_type="military",
    injured=3,
    injured_qualifier="at_least",
    injured_phrase="at least three",
    toll_claimant="Local officials in Odesa",
    toll_status="claimed",
)
CITIES = pd.DataFrame(
    {"city": ["Sumy", "Odesa"], "label": ["Sumy", "Odesa"], "latitude": [50.9077, 46.4825], "longitude": [34.7981, 30.7233],
     "strikes": [1, 1]}
)


def build(*rows, view=(48.4, 31.2, 5)) -> dict:
    """The deck of these strikes as the JSON the browser receives."""
    frame = pd.DataFrame(list(rows)) if rows else pd.DataFrame(columns=list(SUMY))
    return json.loads(deck.strike_deck(frame, view, deck.read_outline(), CITIES).to_json())


def layer(spec: dict, layer_id: str) -> dict:
    """One layer of a deck's JSON by id."""
    return next(item for item in spec["layers"] if item["id"] == layer_id)


def drawn(spec: dict) -> dict[str, tuple[str, dict]]:
    """Every strike drawn: id -> (layer id, its data row)."""
    return {
        row["strike_id"]: (item["id"], row)
        for item in spec["layers"]
        if item["id"].startswith("strike-")
        for row in item["data"]
    }


def test_sumy_circle_is_bigger_than_odesa():
    """Sumy (35 killed, over 100 injured) gets a larger radius than Odesa (at least three injured)."""
    strikes = drawn(build(SUMY, ODESA))
    assert strikes["sumy"][1]["radius"] > strikes["odesa"][1]["radius"]
    assert strikes["sumy"][1]["radius"] == round(deck.strike_radius(35, 100, "exact"))


def test_radius_grows_with_area_and_has_bounds():
    """No figure gets the base radius; radius grows as a square root and stops at the maximum."""
    assert deck.strike_radius(None, None, "exact") == deck.BASE_RADIUS_M
    four, sixteen = deck.strike_radius(4, 0, "exact"), deck.strike_radius(16, 0, "exact")
    assert sixteen - deck.BASE_RADIUS_M == pytest.approx(2 * (four - deck.BASE_RADIUS_M))
    assert deck.strike_radius(1_000_000, 0, "exact") == deck.MAX_RADIUS_M


def test_coarse_ring_is_at_least_the_place_it_could_be_in():
    """A strike located only to an oblast is drawn at least 40 km wide, to a city at least 3 km."""
    assert deck.strike_radius(None, None, "oblast") >= 40_000
    assert deck.strike_radius(None, None, "city") >= 3_000


def test_colours_follow_the_legend():
    """Each strike's colour is its target type's colour in the legend."""
    strikes = drawn(build(SUMY, ODESA))
    legend = dict(deck.target_legend())
    assert strikes["sumy"][1]["color"][:3] == deck.rgba(legend["Civilian"])[:3]
    assert strikes["odesa"][1]["color"][:3] == deck.rgba(legend["Military"])[:3]
    assert len(set(legend.values())) == len(legend)


def test_coarse_location_is_a_ring_and_exact_a_dot():
    """Odesa (city precision) is in the ring layer; Sumy (exact here) is in the dot layer."""
    spec = build(SUMY, ODESA)
    strikes = drawn(spec)
    assert strikes["odesa"][0] == "strike-rings"
    assert strikes["sumy"][0] == "strike-dots"
    rings = layer(spec, "strike-rings")
    assert rings["stroked"] and "28]" in rings["getFillColor"]  # hollow: outline strong, fill nearly clear


def test_tooltip_says_phrase_claimant_and_source():
    """The tooltip text keeps the source's phrase, who claims it and the publisher."""
    strikes = drawn(build(SUMY, ODESA))
    sumy, odesa = strikes["sumy"][1]["tooltip"], strikes["odesa"][1]["tooltip"]
    assert "35 killed; over 100 injured" in sumy
    assert "unattributed" in sumy and "Test Wire" in sumy and "13 Apr 2025" in sumy
    assert "at least three injured" in odesa and "Local officials in Odesa" in odesa


def test_report_without_claimant_is_unattributed():
    """A toll with no claimant is shown as unattributed, not left blank."""
    text = deck.tooltip_text(SUMY | {"toll_claimant": None})
    assert "Toll: unattributed, not independently verified" in text


def test_strike_without_report_says_so():
    """A strike with no casualty report says there is none, rather than showing zero."""
    text = deck.tooltip_text(strike(strike_id="x", city="Kharkiv"))
    assert "No casualty report" in text and "0 killed" not in text


def test_tooltip_is_text_not_html():
    """The tooltip uses deck.gl's text form, which the browser shows as text."""
    built = deck.strike_deck(pd.DataFrame([SUMY]), (48.4, 31.2, 5), deck.read_outline(), CITIES)
    assert built._tooltip["text"] == "{tooltip}"
    assert "html" not in built._tooltip


def test_script_in_data_stays_text():
    """A `<script>` in a strike's place is carried as text and no tooltip is HTML."""
    evil = SUMY | {"place": "<script>alert(1)</script>", "description": "<b>bold</b>"}
    built = deck.strike_deck(pd.DataFrame([evil]), (48.4, 31.2, 5), deck.read_outline(), CITIES)
    assert "html" not in built._tooltip
    assert '"html"' not in built.to_json()
    assert "<script>alert(1)</script>" in drawn(json.loads(built.to_json()))["sumy"][1]["tooltip"]


def test_layers_under_strikes():
    """Outlines and place names are drawn first, strikes on top, dots above rings."""
    ids = [item["id"] for item in build(SUMY, ODESA)["layers"]]
    assert ids == ["country-outlines", "country-labels", "city-labels", "strike-rings", "strike-dots"]
    spec = build(SUMY, ODESA)
    assert {row["name"] for row in layer(spec, "city-labels")["data"]} == {"Sumy", "Odesa"}
    assert "Ukraine" in {row["name"] for row in layer(spec, "country-labels")["data"]}
    assert layer(spec, "strike-dots")["pickable"] and layer(spec, "strike-rings")["pickable"]


def test_country_names_sit_inside_their_countries():
    """Each country's label is placed inside that country's outline."""
    outline = deck.read_outline()
    features = {f["properties"]["name"]: f for f in outline["features"]}
    for label in deck.country_labels(outline):
        assert contains_point(features[label["name"]], label["lon"], label["lat"]), label


def test_carto_basemap_without_token():
    """The basemap is CARTO light, which needs no API key."""
    spec = build(SUMY)
    assert spec["mapProvider"] == "carto"
    assert "positron" in spec["mapStyle"]
    assert "mapbox" not in json.dumps(spec).lower()


def test_outline_shows_crimea_as_ukraine():
    """Simferopol falls inside Ukraine's outline as drawn on the map."""
    outlines = layer(build(SUMY), "country-outlines")["data"]["features"]
    ukraine = next(f for f in outlines if f["properties"]["name"] == "Ukraine")
    russia = next(f for f in outlines if f["properties"]["name"] == "Russia")
    assert contains_point(ukraine, *SIMFEROPOL)
    assert not contains_point(russia, *SIMFEROPOL)


def test_ukraine_tinted_apart_from_neighbours():
    """Ukraine is filled and outlined differently from its neighbours."""
    outlines = layer(build(SUMY), "country-outlines")["data"]["features"]
    colours = {f["properties"]["name"]: (f["properties"]["fill"], f["properties"]["line"]) for f in outlines}
    assert colours["Ukraine"] != colours["Russia"] == colours["Poland"]


def test_deck_data_is_small():
    """Only the columns the layers need reach the browser: no description, notes or excerpts."""
    row = drawn(build(SUMY | {"notes": "long notes", "excerpt": "the excerpt"}))["sumy"][1]
    assert set(row) == {"strike_id", "lon", "lat", "radius", "color", "tooltip"}


def test_empty_strikes_still_draw_the_outlines():
    """With no strikes the deck still has the outlines and the city names."""
    spec = build()
    assert layer(spec, "country-outlines")["data"]["features"]
    assert layer(spec, "city-labels")["data"]
    assert drawn(spec) == {}


def screen_x(view, lon: float, width: int) -> float:
    """Where a longitude falls on a web-Mercator map `width` px wide (deck.gl: a 512-px world at zoom 0)."""
    return width / 2 + (lon - view.longitude) / 360 * 512 * 2**view.zoom


def screen_y(view, lat: float, height: int) -> float:
    """Where a latitude falls on a web-Mercator map `height` px tall."""
    import math

    def mercator(value):
        return math.log(math.tan(math.pi / 4 + math.radians(value) / 2))

    return height / 2 - (mercator(lat) - mercator(view.latitude)) / (2 * math.pi) * 512 * 2**view.zoom


def test_all_ukraine_fits_a_phone_with_sumy_and_the_east_edge():
    """At 390 px (a map 350 px wide, 560 tall) All Ukraine shows the whole country: Uzhhorod in the west,
    Sumy (and its name, drawn to its right) and the Luhansk border in the east, Crimea in the south."""
    view = deck.place_view(deck.ALL_UKRAINE, CITIES)
    width, height = deck.PHONE_MAP_WIDTH, deck.MAP_HEIGHT
    assert 0 <= screen_x(view, 22.29, width) and screen_x(view, 40.08, width) <= width  # Uzhhorod, Luhansk edge
    assert screen_x(view, 34.80, width) + 8 + 40 <= width  # Sumy's dot, offset and name
    assert 0 <= screen_y(view, 52.33, height) and screen_y(view, 44.39, height) <= height  # north edge, Crimea
    assert screen_x(view, 40.08, width) - screen_x(view, 22.09, width) > 0.8 * width  # and not a speck


@pytest.mark.parametrize(
    ("name", "latitude", "zoom"), [("Sumy", 50.9077, deck.CITY_ZOOM), ("odesa", 46.4825, deck.CITY_ZOOM)]
)
def test_place_views(name, latitude, zoom):
    """The preset views and any city in the data centre the map where a reader expects."""
    view = deck.place_view(name, CITIES)
    assert view.latitude == pytest.approx(latitude, abs=0.01)
    assert view.zoom == zoom


def test_unknown_place_has_no_view():
    """A place not in the data has no view."""
    assert deck.place_view("Atlantis", CITIES) is None


def test_map_summary_names_count_and_cities():
    """The map's alt text says how many strikes and where."""
    text = deck.map_summary(pd.DataFrame([SUMY, ODESA]))
    assert "2 strikes" in text and "Sumy and Odesa" in text


# --- at scale: cells above the threshold, points again in a city view -----------------------------------

import datetime as dt  # noqa: E402
import functools  # noqa: E402

import duckdb  # noqa: E402

from conflictdesk.schema import ALL_TABLES  # noqa: E402
import numpy as np  # noqa: E402

from conflictdesk.derived import add_derived  # noqa: E402
from conflictdesk.queries import run_query  # noqa: E402
from conflictdesk.schema import TABLES_BY_NAME  # noqa: E402

# The columns imports fill, empty here: the derived tables read them (what the loader gives a folder without them).
IMPORT_STRIKES = [c.name for c in TABLES_BY_NAME["strikes"].columns if c.optional]
IMPORT_CASUALTIES = [c.name for c in TABLES_BY_NAME["casualties"].columns if c.optional]

KYIV = (50.4501, 30.5234)
SYNTHETIC_CITIES = {"Kyiv": KYIV, "Kharkiv": (49.9935, 36.2304), "Odesa": (46.4825, 30.7233), "Lviv": (49.8397, 24.0297)}
FIRST_DAY = np.datetime64("2022-02-24")


@pytest.fixture(scope="module")
def big():
    """200,000 synthetic strikes (one report each, 30% of killed figures "at least"), built in memory and
    loaded into DuckDB with the derived tables; run(name, **params) runs a named query on it."""
    n = 200_000
    rng = np.random.default_rng(7)
    names = list(SYNTHETIC_CITIES)
    city = rng.integers(0, len(names), n)
    centre = np.array([SYNTHETIC_CITIES[name] for name in names])[city]
    day = FIRST_DAY + rng.integers(0, 3 * 365, n).astype("timedelta64[D]")
    ids = np.char.add("syn-", np.arange(n).astype(str))
    killed = rng.poisson(2, n)
    exact = rng.random(n) < 0.7
    strikes = pd.DataFrame({
        "strike_id": ids, "date": day, "date_precision": "day", "time_local": None, "city": np.array(names)[city],
        "oblast": None, "place": None, "latitude": centre[:, 0] + rng.normal(0, 0.08, n),
        "longitude": centre[:, 1] + rng.normal(0, 0.12, n), "geo_precision": "neighbourhood",
        "attacker": np.where(rng.random(n) < 0.8, "side-a", "side-b"), "weapon": "drone", "target_type": "civilian",
        "target": None, "status": "claimed", "source_id": "synthetic",
        **dict.fromkeys(IMPORT_STRIKES, None),
    })
    casualties = pd.DataFrame({
        "report_id": np.char.add(ids, "-toll"), "strike_id": ids, "reported_on": day, "population": "unknown",
        "killed": killed, "killed_qualifier": np.where(exact, "exact", "at_least"),
        "killed_phrase": np.where(exact, killed.astype(str), np.char.add("at least ", killed.astype(str))),
        "injured": rng.poisson(5, n), "injured_qualifier": "exact", "injured_phrase": "some", "claimant": None,
        "status": "claimed", "source_id": "synthetic", "excerpt": "SYNTHETIC", "notes": "Synthetic",
        **dict.fromkeys(IMPORT_CASUALTIES, None),
    })
    actors = pd.DataFrame({"actor_id": ["side-a", "side-b"], "name": ["Side A", "Side B"], "part_of": [None, None]})
    sources = pd.DataFrame({"source_id": ["synthetic"], "publisher": ["Benchmark generator"], "title": ["Synthetic"],
                            "url": [None], "source_type": ["synthetic"]})
    con = duckdb.connect()
    for name, frame in (("strikes", strikes), ("casualties", casualties), ("actors", actors), ("sources", sources)):
        con.from_df(frame).create(name)
    con.execute(  # empty: add_derived also creates the statement_cards view over it
        "create table statements (statement_id varchar, date date, date_precision varchar, speaker varchar, "
        "speaker_role varchar, actor varchar, quote varchar, quote_kind varchar, venue varchar, topics varchar[], "
        "related_strike_id varchar, related_truce_id varchar, source_id varchar, excerpt varchar, notes varchar)"
    )
    for table in ALL_TABLES:  # the other tables empty: the corrections views read them all
        if table.name not in ("strikes", "casualties", "actors", "sources", "statements"):
            kinds = {"date": "date", "int": "bigint", "float": "double", "list": "varchar[]"}
            columns = ", ".join(f'"{c.name}" ' + kinds.get(c.kind, "varchar") for c in table.columns)
            con.execute(f"create table {table.name} ({columns})")
    add_derived(con)
    return functools.partial(run_query, con)


WHOLE = {"date_from": dt.date(2022, 2, 24), "date_to": dt.date(2025, 2, 22), "actors": []}
WEEK = {"date_from": dt.date(2023, 3, 1), "date_to": dt.date(2023, 3, 7), "actors": []}


def test_above_the_threshold_the_map_draws_cells_under_1_mb(big):
    """200,000 strikes over all Ukraine: squares of strikes added up, under 1 MB, "at least" where inexact."""
    cities = big("cities")
    data = deck.map_data(big, WHOLE, deck.ALL_UKRAINE, cities)
    assert data.strikes is None and data.in_view == 200_000 and data.shown == 200_000
    assert 0 < len(data.cells) <= deck.MAX_CELLS
    chart = deck.map_deck(data, deck.place_view(deck.ALL_UKRAINE, cities), deck.read_outline(), cities)
    assert deck.payload_bytes(chart) < deck.PAYLOAD_LIMIT
    spec = json.loads(chart.to_json())
    assert not any(item["id"].startswith("strike-") for item in spec["layers"])
    cells = layer(spec, "cells")["data"]
    assert sum(int(c["tooltip"].split(" strike")[0].replace(",", "")) for c in cells) == 200_000
    busy = max(cells, key=lambda c: int(c["tooltip"].split(" strike")[0].replace(",", "")))
    assert "People killed: at least " in busy["tooltip"]  # some of its figures are "at least"
    assert "People injured: " in busy["tooltip"] and "People injured: at least" not in busy["tooltip"]  # all exact
    assert "SYNTHETIC DATA" in busy["tooltip"]
    summary, note = deck.map_text(data, deck.ALL_UKRAINE)
    assert "200,000 strikes" in summary and "squares of 0.25°" in summary
    assert "too many to draw one by one" in note and "Choose a city" in note


def test_cells_wording_follows_the_qualifiers():
    """A cell's total says "at least" when any figure is open-ended or missing, "about" when any is approximate."""
    cell = {"south": 50.0, "north": 50.25, "west": 30.0, "east": 30.25, "strikes": 3, "synthetic": 0,
            "killed_total": 12, "killed_reported": 2, "killed_qualifier": "at_least",
            "injured_total": 40, "injured_reported": 3, "injured_qualifier": "about"}
    text = deck.cell_tooltip(cell)
    assert "People killed: at least 12 (1 of these strikes give no figure)" in text
    assert "People injured: about 40" in text and "SYNTHETIC" not in text
    assert "People killed: not reported" in deck.cell_tooltip(cell | {"killed_total": None, "killed_reported": 0,
                                                                      "killed_qualifier": "none"})


def test_a_city_view_draws_points_again_when_few_enough(big):
    """?place=Kyiv with a week's filter: Kyiv's strikes as points (with their ids), the rest left out, said so."""
    cities = big("cities")
    data = deck.map_data(big, WEEK, "Kyiv", cities)
    assert data.cells is None and data.box is not None
    assert 0 < len(data.strikes) <= deck.POINT_LIMIT < data.in_view
    assert data.strikes["latitude"].between(KYIV[0] - 0.31, KYIV[0] + 0.31).all()
    chart = deck.map_deck(data, deck.place_view("Kyiv", cities), deck.read_outline(), cities)
    assert deck.payload_bytes(chart) < deck.PAYLOAD_LIMIT
    assert len(drawn(json.loads(chart.to_json()))) == len(data.strikes)
    summary, note = deck.map_text(data, "Kyiv")
    assert summary.startswith("Map around Kyiv: ") and "within about 35 km of Kyiv" in note
    assert f"of {data.in_view:,} that match these filters" in note


def test_a_crowded_city_view_draws_finer_cells(big):
    """?place=Kyiv over three years: too many for points even there, so squares of 0.025°, under 1 MB."""
    cities = big("cities")
    data = deck.map_data(big, WHOLE, "Kyiv", cities)
    assert data.strikes is None and data.box is not None
    assert data.cells["north"].sub(data.cells["south"]).round(6).eq(deck.FINE_CELL).all()
    chart = deck.map_deck(data, deck.place_view("Kyiv", cities), deck.read_outline(), cities)
    assert deck.payload_bytes(chart) < deck.PAYLOAD_LIMIT


def test_few_strikes_are_points_everywhere(big):
    """A filter leaving at most POINT_LIMIT strikes draws every one of them as a point, whatever the view."""
    cities = big("cities")
    day = {"date_from": dt.date(2023, 3, 1), "date_to": dt.date(2023, 3, 1), "actors": ["side-b"]}
    data = deck.map_data(big, day, deck.ALL_UKRAINE, cities)
    assert data.cells is None and data.box is None and len(data.strikes) == data.in_view > 0
    assert deck.map_text(data, deck.ALL_UKRAINE)[1] is None


def test_payload_stays_under_1_mb_with_the_longest_texts():
    """A thousand points whose every text is 2,000 characters long, and the most cells with long numbers."""
    long = "x" * 2000
    rows = [
        strike(strike_id=f"strike-{i:05d}-{'y' * 80}", city=long, place=long, latitude=48 + i / 1000, longitude=30.0,
               killed=123456, killed_qualifier="at_least", killed_phrase=long, injured=654321,
               injured_qualifier="about", injured_phrase=long, toll_claimant=long, toll_status="disputed",
               publisher=long, source_title=long, source_type="synthetic")
        for i in range(deck.POINT_LIMIT)
    ]
    cities = pd.DataFrame({"city": [f"{long}{i}" for i in range(400)], "latitude": 48.0, "longitude": 30.0,
                           "strikes": 1})
    chart = deck.strike_deck(pd.DataFrame(rows), (48.4, 31.2, 5), deck.read_outline(), cities)
    assert deck.payload_bytes(chart) < deck.PAYLOAD_LIMIT
    cells = pd.DataFrame([
        {"south": 40 + i // 100 * 0.25, "north": 40.25 + i // 100 * 0.25, "west": 14 + i % 100 * 0.25,
         "east": 14.25 + i % 100 * 0.25, "strikes": 1_234_567, "synthetic": 1_234_566,
         "killed_total": 123_456_789, "killed_reported": 1_000_000, "killed_qualifier": "at_least",
         "injured_total": 987_654_321, "injured_reported": 1_000_000, "injured_qualifier": "about"}
        for i in range(deck.MAX_CELLS)
    ])
    chart = deck.cell_deck(cells, (48.4, 31.2, 5), deck.read_outline(), cities)
    assert deck.payload_bytes(chart) < deck.PAYLOAD_LIMIT


def test_card_filter_check():
    """A strike's card knows whether the strike passes the filters (date and attacker)."""
    row = {"date": pd.Timestamp("2025-04-13"), "attacker": "russia"}
    assert deck.in_filters(row, dt.date(2025, 4, 1), dt.date(2025, 4, 30), ())
    assert deck.in_filters(row, dt.date(2025, 4, 13), dt.date(2025, 4, 13), ("russia",))
    assert not deck.in_filters(row, dt.date(2025, 4, 14), dt.date(2025, 4, 30), ())
    assert not deck.in_filters(row, dt.date(2025, 4, 1), dt.date(2025, 4, 30), ("ukraine",))


def test_an_embedded_map_leaves_the_mouse_wheel_to_the_article():
    """With scroll_zoom off the deck's view has a controller without scroll zoom (Streamlit then uses it);
    by default the map keeps Streamlit's own controller."""
    data = deck.MapData(in_view=1, strikes=pd.DataFrame([SUMY]))
    embedded = json.loads(
        deck.map_deck(data, (48.4, 31.2, 5), deck.read_outline(), CITIES, scroll_zoom=False).to_json()
    )
    assert embedded["views"] == [{"@@type": "MapView", "controller": {"scrollZoom": False}}]
    assert "views" not in json.loads(deck.map_deck(data, (48.4, 31.2, 5), deck.read_outline(), CITIES).to_json())


def test_tooltips_wrap_long_words_inside_a_phone():
    """A tooltip is at most 360 px or 85% of the screen wide and breaks a 3,000-character word."""
    built = deck.strike_deck(pd.DataFrame([SUMY | {"place": "x" * 3000}]), (48.4, 31.2, 5), deck.read_outline(), CITIES)
    style = built._tooltip["style"]  # what st.pydeck_chart sends as the tooltip
    assert style["overflowWrap"] == "anywhere" and "85vw" in style["maxWidth"]


def test_static_map_is_drawn_from_the_bundled_outlines_with_no_network():
    """The static map (for PNG, SVG and snapshots) has no tiles and no plotly geo (which fetches its world
    from a CDN): outlines, names and strikes on plain axes, each strike's tooltip as text, and the caption."""
    data = deck.MapData(in_view=2, strikes=pd.DataFrame([SUMY, ODESA | {"place": "<script>x</script>"}]))
    figure = deck.map_figure(data, deck.read_outline(), CITIES, caption="Source: Test Wire", title="Strikes")
    spec = figure.to_plotly_json()
    assert "geo" not in spec["layout"] and "mapbox" not in spec["layout"] and "map" not in spec["layout"]
    assert {t["type"] for t in spec["data"]} == {"scatter"}
    assert any(t["name"] == "Ukraine" and t.get("fill") == "toself" for t in spec["data"])
    civilian = next(t for t in spec["data"] if t["name"] == "Civilian")
    assert "35 killed; over 100 injured" in civilian["hovertext"][0]
    military = next(t for t in spec["data"] if t["name"] == "Military")
    assert list(military["marker"]["symbol"]) == ["circle-open"]  # Odesa is located only to the city
    assert "&lt;script&gt;" in military["hovertext"][0] and "<script>" not in figure.to_json()
    assert any(a["text"] == "Source: Test Wire" for a in spec["layout"]["annotations"])


def test_static_map_of_a_city_is_framed_to_its_box_and_cells_carry_their_counts():
    """?place=Sumy frames the static map to Sumy's box; squares of strikes keep their count and totals."""
    data = deck.MapData(in_view=2, strikes=pd.DataFrame([SUMY, ODESA]))
    figure = deck.map_figure(data, deck.read_outline(), CITIES, place="Sumy")
    assert figure.layout.xaxis.range[0] < 34.7981 < figure.layout.xaxis.range[1] < 36
    cells = pd.DataFrame([{"south": 50.0, "north": 50.25, "west": 30.0, "east": 30.25, "strikes": 3, "synthetic": 0,
                           "killed_total": 12, "killed_reported": 2, "killed_qualifier": "at_least",
                           "injured_total": 40, "injured_reported": 3, "injured_qualifier": "about"}])
    figure = deck.map_figure(deck.MapData(in_view=3, cells=cells), deck.read_outline(), CITIES)
    hover = next(t for t in figure.data if t.name == "Squares of strikes" and t.hovertext)
    assert "3 strikes in this square" in hover.hovertext[0] and "People killed: at least 12" in hover.hovertext[0]
