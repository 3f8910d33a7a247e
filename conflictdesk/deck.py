"""The strikes map as a pydeck Deck: pure functions, no Streamlit.

Layers, bottom to top: country outlines, country names, city names (so the map says where things are
even when no basemap tiles load), strikes located only to a city or oblast as rings, strikes located
exactly as dots.
"""

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize

from conflictdesk.charts import OKABE_ITO
from conflictdesk.figures import figure_text, total_text
from conflictdesk.text import clip, date_text

OUTLINE_FILE = Path(__file__).resolve().parent / "geo" / "countries.geojson"
CREDIT = (
    "Country outlines: Natural Earth (public domain). "
    "Basemap, when it loads: © CARTO, © OpenStreetMap contributors."
)
HOME_COUNTRY = "Ukraine"
ALL_UKRAINE = "All Ukraine"
CITY_ZOOM = 9  # deck.gl zoom (512-px tiles): about 80 km across at 1280 px wide, the city and its outskirts
# name -> (latitude, longitude, zoom); cities in the data are added to these.
PRESETS = {
    ALL_UKRAINE: (48.4, 31.2, 5),
    "Sumy": (50.9077, 34.7981, CITY_ZOOM),
    "Odesa": (46.4825, 30.7233, CITY_ZOOM),
}
# Countries' parts outside this box (Russia's far east) are left out of the deck; names sit inside it.
REGION = {"lon": (12.0, 52.0), "lat": (40.0, 60.0)}

# target_type -> legend label and Okabe–Ito colour.
TARGETS = {
    "civilian": ("Civilian", OKABE_ITO["vermillion"]),
    "military": ("Military", OKABE_ITO["blue"]),
    "dual_use": ("Dual-use", OKABE_ITO["orange"]),
    "disputed": ("Disputed", OKABE_ITO["purple"]),
    "unknown": ("Not stated", OKABE_ITO["grey"]),
}
WEAPONS = {
    "ballistic_missile": "Ballistic missile",
    "cruise_missile": "Cruise missile",
    "missile": "Missile (kind not stated)",
    "drone": "Drone",
    "artillery": "Artillery",
    "glide_bomb": "Glide bomb",
    "unknown": "Not stated",
}
COARSE = {"city", "oblast"}  # geo_precision values drawn as rings
PRECISION_WORDS = {
    "exact": "exact place",
    "neighbourhood": "to the neighbourhood",
    "city": "city only, drawn at its centre",
    "oblast": "oblast only, drawn at its centre",
}
BASE_RADIUS_M = 1_000
SCALE_M = 1_000  # metres per square root of a person killed or injured
MAX_RADIUS_M = 25_000
UNCERTAINTY_M = {"exact": 0, "neighbourhood": 0, "city": 3_000, "oblast": 40_000}
RING_FILL_ALPHA = 28  # faint, so what is under a ring stays readable, yet the whole ring can be clicked

UKRAINE_FILL = [255, 236, 179, 150]
UKRAINE_LINE = [120, 100, 40, 255]
NEIGHBOUR_FILL = [225, 225, 225, 120]
NEIGHBOUR_LINE = [150, 150, 150, 255]
LABEL_HALO = [255, 255, 255, 230]

# Scale: past POINT_LIMIT strikes in view the map draws squares of strikes added up (cells), not one circle
# per strike, so the deck stays under PAYLOAD_LIMIT bytes of JSON (written compact: see CompactDeck). The
# outlines and labels take at most about 32 kB; a point about 330 bytes (at most about 670 with the longest
# ids and texts a tooltip keeps), a cell about 300 (at most about 480): so at most 1,000 points (0.7 MB in
# the worst case) or 1,200 cells (0.6 MB). A city view with more strikes than that in its box draws finer
# cells of FINE_CELL degrees. tests/test_deck.py checks these worst cases.
POINT_LIMIT = 1_000
PAYLOAD_LIMIT = 1_000_000
BASE_CELL = 0.25  # degrees: the grid of the pre-added `cell_days` table (queries/derived_cell_days.sql)
MERGES = (1, 2, 4, 8)  # cells of 0.25, 0.5, 1 and 2 degrees, the first that gives at most MAX_CELLS
MAX_CELLS = 1_200
FINE_CELL = 0.025  # degrees: about 3 km north to south, for a crowded city view (at most about 1,000 cells)
CITY_BOX = (0.3, 0.5)  # half height and half width of a city view's box, degrees: about 65 × 70 km
WORLD = {"south": -90.0, "west": -180.0, "north": 90.0, "east": 180.0}
# Cells: light to dark with the count of strikes (YlOrRd, readable with the common colour blindnesses).
CELL_RAMP = ([255, 237, 160], [254, 178, 76], [240, 59, 32], [128, 0, 38])
CELL_ALPHA = 190
TOOLTIP_STYLE = {"maxWidth": "360px", "fontSize": "13px", "lineHeight": "1.35"}


@lru_cache(maxsize=1)
def read_outline() -> dict:
    """The bundled Natural Earth outlines of Ukraine and its neighbours, as GeoJSON."""
    return json.loads(OUTLINE_FILE.read_text(encoding="utf-8"))


def target_legend() -> list[tuple[str, str]]:
    """The strike colours as (label, hex colour), in legend order."""
    return list(TARGETS.values())


def target_colour(target_type) -> str:
    """The hex colour for a target type; 'Not stated' grey when missing or unknown."""
    return TARGETS.get(target_type if isinstance(target_type, str) else "unknown", TARGETS["unknown"])[1]


def rgba(hex_colour: str, alpha: int = 255) -> list[int]:
    """'#D55E00' as [213, 94, 0, alpha]."""
    value = hex_colour.lstrip("#")
    return [int(value[i : i + 2], 16) for i in (0, 2, 4)] + [alpha]


def _number(value) -> int:
    return 0 if value is None or pd.isna(value) else int(value)


def strike_radius(killed, injured, geo_precision) -> float:
    """Radius in metres: 1 km + 1 km × √(killed + injured), at most 25 km; at least the location's uncertainty.

    Figures count as lower bounds ("over 100" counts 100); a strike with no figure gets the 1 km base.
    Area, not radius, grows with the count. Rings of coarse locations are at least as wide as the place
    they could be anywhere in: 3 km for a city, 40 km for an oblast.
    """
    people = _number(killed) + _number(injured)
    radius = min(BASE_RADIUS_M + SCALE_M * math.sqrt(people), MAX_RADIUS_M)
    return float(max(radius, UNCERTAINTY_M.get(geo_precision, 0)))


def _text(value) -> str:
    return "" if value is None or pd.isna(value) else str(value).strip()


def toll_text(row) -> str:
    """A casualty report in its source's words: '35 killed; over 100 injured'."""
    parts = []
    for figure in ("killed", "injured"):
        number, qualifier, phrase = row.get(figure), row.get(f"{figure}_qualifier"), row.get(f"{figure}_phrase")
        if _text(phrase) or _text(number):
            parts.append(f"{figure_text(number, qualifier, phrase)} {figure}")
        else:
            parts.append(f"{figure}: not reported")
    return "; ".join(parts)


def place_text(row) -> str:
    """City and place: 'Sumy, Congress centre'."""
    city, place = _text(row.get("city")), _text(row.get("place"))
    return f"{city}, {place}" if place and place != city else city


@lru_cache(maxsize=8192)
def _date_words(value, precision: str) -> str:
    """date_text, remembered: a thousand strikes share a few hundred days."""
    return date_text(value, precision)


def when_text(row) -> str:
    """The strike's date as precise as the data says, with its local time when given."""
    when = _date_words(row.get("date"), row.get("date_precision") or "day")
    time = _text(row.get("time_local"))
    return f"{when}, {time} local time" if time else when


def strike_label(row) -> str:
    """A strike in a few words for a list: '13 Apr 2025 · Sumy, Congress centre'."""
    return f"{_date_words(row.get('date'), row.get('date_precision') or 'day')} · {place_text(row)}"


def _rows(frame: pd.DataFrame, columns: tuple[str, ...]) -> list[dict]:
    """Only these columns of each row, as dicts: one bulk conversion per column, not a cell at a time."""
    present = [name for name in columns if name in frame.columns]
    return [dict(zip(present, values)) for values in zip(*(frame[name].tolist() for name in present))]


LABEL_COLUMNS = ("strike_id", "date", "date_precision", "city", "place")


def strike_label_map(strikes: pd.DataFrame) -> dict[str, str]:
    """Strike id -> strike_label, for the strike list."""
    return {row["strike_id"]: strike_label(row) for row in _rows(strikes, LABEL_COLUMNS)}


def tooltip_text(row) -> str:
    """The hover text of a strike, shown as plain text: date, place, toll with its claimant, source.

    Each piece of text from the data is cut to a length (the card shows it whole), so a thousand tooltips
    stay within the deck's size limit whatever the data says.
    """
    precision = PRECISION_WORDS.get(row.get("geo_precision"), "not stated")
    lines = [when_text(row), clip(place_text(row), 60), f"Located: {precision}"]
    if _text(row.get("toll_status")):
        lines.append(clip(toll_text(row), 120))
        claimant = clip(_text(row.get("toll_claimant")) or "unattributed", 40)
        lines.append(f"Toll claimed by: {claimant} · status: {clip(row['toll_status'], 20)}")
    else:
        lines.append("No casualty report in the data")
    source = clip(_text(row.get("publisher")) or "not stated", 40)
    if _text(row.get("source_title")):
        source += f": {clip(_text(row['source_title']), 60)}"
    lines.append(f"Source: {source}")
    if row.get("source_type") == "synthetic":
        lines.append("SYNTHETIC DATA: not reporting, do not quote")
    return "\n".join(lines)


def strike_facts(row) -> dict[str, str]:
    """A strike's card facts as label -> plain text: date, location, target, weapon, attacker, status."""
    target = TARGETS.get(row.get("target_type"), TARGETS["unknown"])[0]
    if _text(row.get("target")):
        target += f" ({_text(row['target'])})"
    return {
        "Date": when_text(row),
        "Place": place_text(row),
        "Located": PRECISION_WORDS.get(row.get("geo_precision"), "not stated"),
        "Target": target,
        "Weapon": WEAPONS.get(row.get("weapon"), "Not stated"),
        "Attacker": _text(row.get("attacker_name")) or "not stated",
        "Strike status": _text(row.get("status")) or "not stated",
    }


# What strike_records reads: position, size, colour and the tooltip's fields.
RECORD_COLUMNS = (
    "strike_id", "longitude", "latitude", "geo_precision", "target_type", "date", "date_precision", "time_local",
    "city", "place", "killed", "killed_qualifier", "killed_phrase", "injured", "injured_qualifier", "injured_phrase",
    "toll_status", "toll_claimant", "publisher", "source_title", "source_type",
)


def strike_records(strikes: pd.DataFrame) -> list[tuple[dict, bool]]:
    """Per strike, only what its layer needs (id, position, radius, colour, tooltip) and whether it is a ring."""
    records = []
    for row in _rows(strikes, RECORD_COLUMNS):
        record = {
            "strike_id": str(row["strike_id"]),
            "lon": float(row["longitude"]),
            "lat": float(row["latitude"]),
            "radius": round(strike_radius(row.get("killed"), row.get("injured"), row.get("geo_precision"))),
            "color": rgba(target_colour(row.get("target_type"))),
            "tooltip": tooltip_text(row),
        }
        records.append((record, row.get("geo_precision") in COARSE))
    return records


def _polygons(geometry: dict) -> list:
    return [geometry["coordinates"]] if geometry["type"] == "Polygon" else list(geometry["coordinates"])


def _in_region(ring: list) -> bool:
    lons, lats = [p[0] for p in ring], [p[1] for p in ring]
    (west, east), (south, north) = REGION["lon"], REGION["lat"]
    return max(lons) >= west and min(lons) <= east and max(lats) >= south and min(lats) <= north


def outline_features(outline: dict) -> list[dict]:
    """The countries' parts near Ukraine, each with its fill and line colour; Ukraine tinted."""
    features = []
    for feature in outline["features"]:
        polygons = [rings for rings in _polygons(feature["geometry"]) if _in_region(rings[0])]
        if not polygons:
            continue
        home = feature["properties"]["name"] == HOME_COUNTRY
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "name": feature["properties"]["name"],
                    "fill": UKRAINE_FILL if home else NEIGHBOUR_FILL,
                    "line": UKRAINE_LINE if home else NEIGHBOUR_LINE,
                    "width": 2 if home else 1,
                },
                "geometry": {"type": "MultiPolygon", "coordinates": polygons},
            }
        )
    return features


def _clip(ring: list, inside, cross) -> list:
    """One Sutherland–Hodgman step: the ring clipped to one side of a line."""
    output = []
    for i, current in enumerate(ring):
        previous = ring[i - 1]
        if inside(current):
            if not inside(previous):
                output.append(cross(previous, current))
            output.append(current)
        elif inside(previous):
            output.append(cross(previous, current))
    return output


def _clip_to_region(ring: list) -> list:
    (west, east), (south, north) = REGION["lon"], REGION["lat"]

    def at_lon(x):
        return lambda a, b: (x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0]))

    def at_lat(y):
        return lambda a, b: (a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y)

    ring = [tuple(p[:2]) for p in ring]
    for inside, cross in (
        (lambda p: p[0] >= west, at_lon(west)),
        (lambda p: p[0] <= east, at_lon(east)),
        (lambda p: p[1] >= south, at_lat(south)),
        (lambda p: p[1] <= north, at_lat(north)),
    ):
        ring = _clip(ring, inside, cross) if ring else ring
    return ring


def _centroid(ring: list) -> tuple[float, float, float]:
    """Area and centre of a ring (shoelace formula)."""
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if abs(area) < 1e-12:
        return 0.0, 0.0, 0.0
    return abs(area) / 2, cx / (3 * area), cy / (3 * area)


def country_labels(outline: dict) -> list[dict]:
    """A name per country at the centre of its largest part within the map's region."""
    labels = []
    for feature in outline["features"]:
        parts = [_centroid(_clip_to_region(rings[0])) for rings in _polygons(feature["geometry"])]
        area, lon, lat = max(parts)
        if area > 0:
            labels.append({"name": feature["properties"]["name"], "lon": round(lon, 3), "lat": round(lat, 3)})
    return labels


CITY_LABELS = 150  # at most this many city names on the map (the cities with most strikes): a bounded deck


def city_labels(cities: pd.DataFrame) -> list[dict]:
    """A label per city in the data (the CITY_LABELS with most strikes), at its strikes' mean position."""
    if "strikes" in cities.columns and len(cities) > CITY_LABELS:
        cities = cities.sort_values("strikes", ascending=False, kind="stable").head(CITY_LABELS)
    return [
        {"name": clip(str(row.city), 40), "lon": round(float(row.longitude), 4), "lat": round(float(row.latitude), 4)}
        for row in cities.itertuples()
    ]


def place_names(cities: pd.DataFrame) -> list[str]:
    """Every view the page offers: All Ukraine, the preset cities, then every city in the data."""
    names = list(PRESETS)
    names += sorted(c for c in cities["city"].astype(str) if c not in names)
    return names


def match_place(name, cities: pd.DataFrame) -> str | None:
    """The view's name as the page spells it, matched ignoring case and spaces at the ends; None if unknown."""
    wanted = _text(name).casefold()
    return next((place for place in place_names(cities) if place.casefold() == wanted), None)


def place_view(name: str, cities: pd.DataFrame) -> pdk.ViewState | None:
    """The view for All Ukraine, Sumy, Odesa or any city in the data; None if unknown."""
    place = match_place(name, cities)
    if place is None:
        return None
    rows = cities[cities["city"].astype(str) == place]
    if place != ALL_UKRAINE and not rows.empty:
        return pdk.ViewState(
            latitude=round(float(rows["latitude"].iloc[0]), 4),
            longitude=round(float(rows["longitude"].iloc[0]), 4),
            zoom=CITY_ZOOM,
        )
    latitude, longitude, zoom = PRESETS[place]
    return pdk.ViewState(latitude=latitude, longitude=longitude, zoom=zoom)


def _view_state(view) -> pdk.ViewState:
    if isinstance(view, pdk.ViewState):
        return view
    latitude, longitude, zoom = view
    return pdk.ViewState(latitude=latitude, longitude=longitude, zoom=zoom)


def _labels_layer(layer_id: str, data: list[dict], size: int, colour: list[int], **style) -> pdk.Layer:
    return pdk.Layer(
        "TextLayer",
        id=layer_id,
        data=data,
        get_position="[lon, lat]",
        get_text="name",
        get_size=size,
        get_color=colour,
        character_set='"auto"',
        font_family='"Source Sans Pro, Arial, sans-serif"',
        font_settings={"sdf": True},
        outline_width=3,
        outline_color=LABEL_HALO,
        pickable=False,
        **style,
    )


def _strike_layer(layer_id: str, data: list[dict], ring: bool) -> pdk.Layer:
    common = dict(
        id=layer_id,
        data=data,
        get_position="[lon, lat]",
        get_radius="radius",
        radius_units='"meters"',
        pickable=True,
        stroked=True,
        filled=True,
    )
    if ring:
        return pdk.Layer(
            "ScatterplotLayer",
            get_fill_color=f"[color[0], color[1], color[2], {RING_FILL_ALPHA}]",
            get_line_color="color",
            line_width_units='"pixels"',
            get_line_width=2,
            radius_min_pixels=4,
            **common,
        )
    return pdk.Layer(
        "ScatterplotLayer",
        get_fill_color="color",
        get_line_color=[255, 255, 255, 255],
        line_width_units='"pixels"',
        get_line_width=1,
        radius_min_pixels=4,
        **common,
    )


def _base_layers(outline: dict, cities: pd.DataFrame) -> list[pdk.Layer]:
    """Country outlines, country names and city names: what every map has under its strikes."""
    return [
        pdk.Layer(
            "GeoJsonLayer",
            id="country-outlines",
            data={"type": "FeatureCollection", "features": outline_features(outline)},
            get_fill_color="properties.fill",
            get_line_color="properties.line",
            get_line_width="properties.width",
            line_width_units='"pixels"',
            stroked=True,
            filled=True,
            pickable=False,
        ),
        _labels_layer("country-labels", country_labels(outline), 15, [110, 110, 110, 255]),
        _labels_layer(
            "city-labels",
            city_labels(cities),
            13,
            [40, 40, 40, 255],
            get_text_anchor='"start"',
            get_pixel_offset=[8, -8],
        ),
    ]


class CompactDeck(pdk.Deck):
    """A pydeck Deck whose JSON (what st.pydeck_chart sends) has no indentation or spaces: pydeck's own
    indents every value on its own line, which more than doubles the bytes of a map of many points."""

    def to_json(self) -> str:
        return json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))


def _deck(layers: list[pdk.Layer], view) -> pdk.Deck:
    return CompactDeck(
        layers=layers,
        initial_view_state=_view_state(view),
        map_provider="carto",
        map_style=pdk.map_styles.CARTO_LIGHT,
        tooltip={"text": "{tooltip}", "style": TOOLTIP_STYLE},
    )


def strike_deck(strikes: pd.DataFrame, view, outline: dict, cities: pd.DataFrame) -> pdk.Deck:
    """The strikes over outlines and place names, on a CARTO light basemap that needs no token."""
    records = strike_records(strikes)
    layers = _base_layers(outline, cities) + [
        _strike_layer("strike-rings", [r for r, ring in records if ring], ring=True),
        _strike_layer("strike-dots", [r for r, ring in records if not ring], ring=False),
    ]
    return _deck(layers, view)


def payload_bytes(deck: pdk.Deck) -> int:
    """How many bytes of JSON the deck sends to the browser (what st.pydeck_chart sends)."""
    return len(deck.to_json())


def place_box(place: str, cities: pd.DataFrame) -> dict | None:
    """The box a city view shows, as south/west/north/east degrees; None for All Ukraine or an unknown place."""
    view = place_view(place, cities) if place != ALL_UKRAINE else None
    if view is None:
        return None
    half_height, half_width = CITY_BOX
    return {
        "south": round(view.latitude - half_height, 4),
        "west": round(view.longitude - half_width, 4),
        "north": round(view.latitude + half_height, 4),
        "east": round(view.longitude + half_width, 4),
    }


def _cell_colour(strikes: int, most: int) -> list[int]:
    """A colour from light (one strike) to dark (the most in any cell), on a logarithmic scale."""
    share = math.log(max(strikes, 1)) / math.log(most) if most > 1 else 1.0
    position = min(max(share, 0.0), 1.0) * (len(CELL_RAMP) - 1)
    low = min(int(position), len(CELL_RAMP) - 2)
    weight = position - low
    colour = [round(a + (b - a) * weight) for a, b in zip(CELL_RAMP[low], CELL_RAMP[low + 1])]
    return colour + [CELL_ALPHA]


def cell_size_text(cells: pd.DataFrame) -> str:
    """How big the cells are, in degrees and kilometres: '0.25° (about 28 km north to south)'."""
    if cells.empty:
        return ""
    size = float(cells["north"].iloc[0] - cells["south"].iloc[0])
    return f"{size:g}° (about {size * 111:.0f} km north to south)"


def _figure_line(row, figure: str) -> str:
    total, qualifier = row.get(f"{figure}_total"), row.get(f"{figure}_qualifier")
    strikes, reported = _number(row.get("strikes")), _number(row.get(f"{figure}_reported"))
    line = f"People {figure}: {total_text(total, qualifier)}"
    if 0 < reported < strikes:
        line += f" ({strikes - reported:,} of these strikes give no figure)"
    return line


def cell_tooltip(row) -> str:
    """The hover text of a cell, as plain text: how many strikes, their latest tolls added, honestly qualified."""
    strikes = _number(row.get("strikes"))
    lines = [
        f"{strikes:,} strike{'s' if strikes != 1 else ''} in this square",
        f"{row['south']:.2f}–{row['north']:.2f}° N, {row['west']:.2f}–{row['east']:.2f}° E",
        _figure_line(row, "killed"),
        _figure_line(row, "injured"),
        "(each strike's latest reported figure, as claimed, added)",
    ]
    synthetic = _number(row.get("synthetic"))
    if synthetic and synthetic >= strikes:
        lines.append("SYNTHETIC DATA: generated, not reporting; do not quote")
    elif synthetic:
        lines.append(f"SYNTHETIC DATA: {synthetic:,} of these strikes are generated, not reporting; do not quote")
    return "\n".join(lines)


CELL_COLUMNS = (
    "south", "west", "north", "east", "strikes", "killed_total", "killed_reported", "killed_qualifier",
    "injured_total", "injured_reported", "injured_qualifier", "synthetic",
)


def cell_records(cells: pd.DataFrame) -> list[dict]:
    """Per cell, only what its layer needs: its edges, colour and tooltip."""
    most = int(cells["strikes"].max()) if len(cells) else 1
    return [
        {
            "south": round(float(row["south"]), 4),
            "west": round(float(row["west"]), 4),
            "north": round(float(row["north"]), 4),
            "east": round(float(row["east"]), 4),
            "color": _cell_colour(int(row["strikes"]), most),
            "tooltip": cell_tooltip(row),
        }
        for row in _rows(cells, CELL_COLUMNS)
    ]


def cell_deck(cells: pd.DataFrame, view, outline: dict, cities: pd.DataFrame) -> pdk.Deck:
    """Strikes added up in squares (the map_cells or box_cells query's rows) over outlines and place names."""
    layer = pdk.Layer(
        "PolygonLayer",
        id="cells",
        data=cell_records(cells),
        get_polygon="[[west, south], [east, south], [east, north], [west, north]]",
        get_fill_color="color",
        get_line_color=[255, 255, 255, 200],
        line_width_units='"pixels"',
        get_line_width=1,
        stroked=True,
        filled=True,
        pickable=True,
    )
    # Under the city names, so the names stay readable over dark cells.
    layers = _base_layers(outline, cities)
    return _deck(layers[:2] + [layer] + layers[2:], view)


def cells_summary(cells: pd.DataFrame, strikes: int, place: str | None = None) -> str:
    """What the map of cells shows, in one sentence for a caption and screen readers."""
    where = f"around {place}" if place else "in these filters"
    if cells.empty:
        return f"Map of Ukraine and its neighbours; no strikes {where}."
    busiest = int(cells["strikes"].max())
    return (
        f"Map of {strikes:,} strikes {where}, too many to draw one by one: added up in {len(cells):,} squares of "
        f"{cell_size_text(cells)}, darker where there are more strikes (the most in one square: {busiest:,}). "
        "Hover over a square for its count and tolls."
    )


SUMMARY_PLACES = 10  # places named in the map's summary


def map_summary(strikes: pd.DataFrame) -> str:
    """What the map shows, in one sentence for a caption and screen readers."""
    if strikes.empty:
        return "Map of Ukraine and its neighbours; no strikes match these filters."
    counts = strikes["city"].astype(str).value_counts(sort=False)
    if len(counts) > SUMMARY_PLACES:  # name the places with most strikes, count the rest
        top = counts.sort_values(ascending=False, kind="stable").head(SUMMARY_PLACES)
        names = [f"{clip(city, 40)} ({count})" if count > 1 else clip(city, 40) for city, count in top.items()]
        names.append(f"{len(counts) - SUMMARY_PLACES:,} other places")
    else:
        names = [f"{city} ({count})" if count > 1 else city for city, count in counts.items()]
    places = names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" and {names[-1]}"
    noun = "strike" if len(strikes) == 1 else "strikes"
    return (
        f"Map of {len(strikes):,} {noun}, in {places}. Circle size grows with the people reported killed or "
        "injured, colour shows the target, hollow rings mark strikes located only to a city or region."
    )


@dataclass
class MapData:
    """What the map draws for a view: points (strikes) or squares of strikes added up (cells)."""

    in_view: int  # strikes passing the filters
    strikes: pd.DataFrame | None = None  # map_points rows, when drawing points
    cells: pd.DataFrame | None = None  # map_cells or box_cells rows, when drawing cells
    box: dict | None = None  # the city view's box, when only the strikes inside it are drawn

    @property
    def shown(self) -> int:
        """How many strikes the map draws, as points or inside its cells."""
        if self.cells is not None:
            return int(self.cells["strikes"].sum())
        return len(self.strikes)


def map_data(run: Callable[..., pd.DataFrame], params: dict, place: str, cities: pd.DataFrame) -> MapData:
    """Choose and fetch what to draw: every strike as a point when at most POINT_LIMIT pass the filters;
    else, in a city view, the strikes in its box as points when few enough or in fine cells; else cells
    of the whole map, as small as keeps them at most MAX_CELLS. `run(name, **params)` runs a named query.
    """
    in_view = int(run("view_counts", **params)["strikes"].iloc[0])
    if in_view <= POINT_LIMIT:
        return MapData(in_view, strikes=run("map_points", **params, **WORLD, limit=POINT_LIMIT))
    box = place_box(place, cities)
    if box is not None:
        if int(run("box_count", **params, **box)["strikes"].iloc[0]) <= POINT_LIMIT:
            return MapData(in_view, strikes=run("map_points", **params, **box, limit=POINT_LIMIT), box=box)
        return MapData(in_view, cells=run("box_cells", **params, **box, size=FINE_CELL), box=box)
    for merge in MERGES:
        cells = run("map_cells", **params, merge=merge)
        if len(cells) <= MAX_CELLS:
            break
    return MapData(in_view, cells=cells)


def map_deck(data: MapData, view, outline: dict, cities: pd.DataFrame) -> pdk.Deck:
    """The deck for what map_data chose."""
    if data.cells is not None:
        return cell_deck(data.cells, view, outline, cities)
    return strike_deck(data.strikes, view, outline, cities)


def map_text(data: MapData, place: str) -> tuple[str, str | None]:
    """The map's one-sentence summary (caption and alt text), and a note on what is left out, if anything."""
    near = place if data.box is not None else None
    if data.cells is not None:
        summary = cells_summary(data.cells, data.shown, near)
    elif data.box is not None and not data.strikes.empty:
        summary = map_summary(data.strikes).replace("Map of ", f"Map around {place}: ", 1)
    else:
        summary = map_summary(data.strikes)
    limit = f"{POINT_LIMIT:,}"
    if data.cells is not None and data.box is None:
        note = (
            f"{data.in_view:,} strikes match these filters: too many to draw one by one, so each square adds up the "
            f"strikes in it. Choose a city, or narrow the period or the actors to {limit} strikes or fewer, to see "
            "single strikes and open their cards."
        )
    elif data.cells is not None:
        note = (
            f"{data.shown:,} strikes around {place} match these filters: still too many to draw one by one, so they "
            f"are added up in squares of {cell_size_text(data.cells)}. Narrow the period or the actors to see single "
            "strikes and open their cards."
        )
    elif data.box is not None:
        note = (
            f"Showing the {data.shown:,} strikes within about 35 km of {place}, of {data.in_view:,} that match these "
            "filters; choose All Ukraine to see them all, added up in squares."
        )
    else:
        note = None
    return summary, note


def in_filters(row, date_from, date_to, actors) -> bool:
    """Whether a strike (a row with date and attacker) passes the date and actor filters."""
    day = pd.Timestamp(row.get("date")).date()
    return date_from <= day <= date_to and (not actors or row.get("attacker") in actors)
