"""The deck.gl layers and the Deck: outlines, country and city names, strikes as dots and rings, or cells.

Layers, bottom to top: country outlines, country names, city names (so the map says where things are even
when no basemap tiles load), strikes located only to a city or oblast as rings, strikes located exactly as
dots. Cells sit under the city names.
"""

import json

import pandas as pd
import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize

from conflictdesk.deck.cells import cell_records
from conflictdesk.deck.outlines import country_labels, outline_features
from conflictdesk.deck.places import view_state
from conflictdesk.deck.records import strike_records
from conflictdesk.i18n import N_
from conflictdesk.names import place_name
from conflictdesk.text import clip

CREDIT = N_(
    "Country outlines: Natural Earth (public domain). "
    "Basemap, when it loads: © CARTO, © OpenStreetMap contributors."
)  # marked: translate with _() where shown
RING_FILL_ALPHA = 28  # faint, so what is under a ring stays readable, yet the whole ring can be clicked
LABEL_HALO = [255, 255, 255, 230]
CITY_LABELS = 150  # at most this many city names on the map (the cities with most strikes): a bounded deck
# A tooltip stays inside a phone's screen and wraps a long word instead of growing with it.
TOOLTIP_STYLE = {"maxWidth": "min(360px, 85vw)", "fontSize": "13px", "lineHeight": "1.35",
                 "whiteSpace": "pre-wrap", "overflowWrap": "anywhere"}


def city_labels(cities: pd.DataFrame) -> list[dict]:
    """A label per city in the data (the CITY_LABELS with most strikes), at its strikes' mean position."""
    if "strikes" in cities.columns and len(cities) > CITY_LABELS:
        cities = cities.sort_values("strikes", ascending=False, kind="stable").head(CITY_LABELS)
    return [
        {"name": clip(place_name(str(row.city)), 40), "lon": round(float(row.longitude), 4), "lat": round(float(row.latitude), 4)}
        for row in cities.itertuples()
    ]


def _labels_layer(layer_id: str, data: list[dict], size: int, colour: list[int], **style) -> pdk.Layer:
    return pdk.Layer(
        "TextLayer", id=layer_id, data=data, get_position="[lon, lat]", get_text="name", get_size=size,
        get_color=colour, character_set='"auto"', font_family='"Source Sans Pro, Arial, sans-serif"',
        font_settings={"sdf": True}, outline_width=3, outline_color=LABEL_HALO, pickable=False, **style,
    )


def _strike_layer(layer_id: str, data: list[dict], ring: bool) -> pdk.Layer:
    common = dict(id=layer_id, data=data, get_position="[lon, lat]", get_radius="radius", radius_units='"meters"',
                  pickable=True, stroked=True, filled=True, line_width_units='"pixels"', radius_min_pixels=4)
    if ring:
        return pdk.Layer("ScatterplotLayer", get_fill_color=f"[color[0], color[1], color[2], {RING_FILL_ALPHA}]",
                         get_line_color="color", get_line_width=2, **common)
    return pdk.Layer("ScatterplotLayer", get_fill_color="color", get_line_color=[255, 255, 255, 255],
                     get_line_width=1, **common)


def _base_layers(outline: dict, cities: pd.DataFrame) -> list[pdk.Layer]:
    """Country outlines, country names and city names: what every map has under its strikes."""
    return [
        pdk.Layer(
            "GeoJsonLayer", id="country-outlines",
            data={"type": "FeatureCollection", "features": outline_features(outline)},
            get_fill_color="properties.fill", get_line_color="properties.line", get_line_width="properties.width",
            line_width_units='"pixels"', stroked=True, filled=True, pickable=False,
        ),
        _labels_layer("country-labels", country_labels(outline), 15, [110, 110, 110, 255]),
        _labels_layer("city-labels", city_labels(cities), 13, [40, 40, 40, 255], get_text_anchor='"start"',
                      get_pixel_offset=[8, -8]),
    ]


class CompactDeck(pdk.Deck):
    """A pydeck Deck whose JSON (what st.pydeck_chart sends) has no indentation or spaces: pydeck's own
    indents every value on its own line, which more than doubles the bytes of a map of many points."""

    def to_json(self) -> str:
        return json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))


def _deck(layers: list[pdk.Layer], view, scroll_zoom: bool) -> pdk.Deck:
    # A map embedded in an article must not take the reader's mouse wheel: with `views` given, Streamlit
    # uses the view's own controller (no scroll zoom; drag, pinch, double-click and its buttons still zoom).
    views = None if scroll_zoom else [pdk.View(type="MapView", controller={"scrollZoom": False})]
    return CompactDeck(
        layers=layers, initial_view_state=view_state(view), map_provider="carto", map_style=pdk.map_styles.CARTO_LIGHT,
        tooltip={"text": "{tooltip}", "style": TOOLTIP_STYLE}, views=views,
    )


def strike_deck(strikes: pd.DataFrame, view, outline: dict, cities: pd.DataFrame, scroll_zoom: bool = True) -> pdk.Deck:
    """The strikes over outlines and place names, on a CARTO light basemap that needs no token; `scroll_zoom`
    False for embeds."""
    records = strike_records(strikes)
    layers = _base_layers(outline, cities) + [
        _strike_layer("strike-rings", [r for r, ring in records if ring], ring=True),
        _strike_layer("strike-dots", [r for r, ring in records if not ring], ring=False),
    ]
    return _deck(layers, view, scroll_zoom)


def cell_deck(cells: pd.DataFrame, view, outline: dict, cities: pd.DataFrame, scroll_zoom: bool = True) -> pdk.Deck:
    """Strikes added up in squares (the map_cells or box_cells query's rows) over outlines and place names."""
    layer = pdk.Layer(
        "PolygonLayer", id="cells", data=cell_records(cells),
        get_polygon="[[west, south], [east, south], [east, north], [west, north]]", get_fill_color="color",
        get_line_color=[255, 255, 255, 200], line_width_units='"pixels"', get_line_width=1, stroked=True,
        filled=True, pickable=True,
    )
    # Under the city names, so the names stay readable over dark cells.
    layers = _base_layers(outline, cities)
    return _deck(layers[:2] + [layer] + layers[2:], view, scroll_zoom)


def add_under_strikes(deck: pdk.Deck, layer: pdk.Layer) -> None:
    """Add `layer` (e.g. civilian-harm incidents) above the outlines and names but under the strikes or cells, so
    a dot at a strike's place never hides its ring."""
    ids = [getattr(existing, "id", None) for existing in deck.layers]
    first = next((index for index, name in enumerate(ids) if name in ("strike-rings", "strike-dots", "cells")), len(ids))
    deck.layers.insert(first, layer)


def payload_bytes(deck: pdk.Deck) -> int:
    """How many bytes of JSON the deck sends to the browser (what st.pydeck_chart sends)."""
    return len(deck.to_json())
