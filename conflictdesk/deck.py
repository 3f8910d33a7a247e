"""The strikes map as a pydeck Deck: pure functions, no Streamlit.

Layers, bottom to top: country outlines, country names, city names (so the map says where things are
even when no basemap tiles load), strikes located only to a city or oblast as rings, strikes located
exactly as dots.
"""

import json
import math
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pydeck as pdk

from conflictdesk.charts import OKABE_ITO
from conflictdesk.figures import figure_text
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


def when_text(row) -> str:
    """The strike's date as precise as the data says, with its local time when given."""
    when = date_text(row.get("date"), row.get("date_precision") or "day")
    time = _text(row.get("time_local"))
    return f"{when}, {time} local time" if time else when


def strike_label(row) -> str:
    """A strike in a few words for a list: '13 Apr 2025 · Sumy, Congress centre'."""
    return f"{date_text(row.get('date'), row.get('date_precision') or 'day')} · {place_text(row)}"


def tooltip_text(row) -> str:
    """The hover text of a strike, shown as plain text: date, place, toll with its claimant, source."""
    precision = PRECISION_WORDS.get(row.get("geo_precision"), "not stated")
    lines = [when_text(row), place_text(row), f"Located: {precision}"]
    if _text(row.get("toll_status")):
        lines.append(toll_text(row))
        claimant = _text(row.get("toll_claimant")) or "unattributed"
        lines.append(f"Toll claimed by: {claimant} · status: {row['toll_status']}")
    else:
        lines.append("No casualty report in the data")
    source = _text(row.get("publisher")) or "not stated"
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


def strike_records(strikes: pd.DataFrame) -> list[tuple[dict, bool]]:
    """Per strike, only what its layer needs (id, position, radius, colour, tooltip) and whether it is a ring."""
    records = []
    for row in strikes.to_dict(orient="records"):
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


def city_labels(cities: pd.DataFrame) -> list[dict]:
    """A label per city in the data, at its strikes' mean position."""
    return [
        {"name": str(row.city), "lon": round(float(row.longitude), 4), "lat": round(float(row.latitude), 4)}
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


def strike_deck(strikes: pd.DataFrame, view, outline: dict, cities: pd.DataFrame) -> pdk.Deck:
    """The strikes over outlines and place names, on a CARTO light basemap that needs no token."""
    records = strike_records(strikes)
    layers = [
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
        _strike_layer("strike-rings", [r for r, ring in records if ring], ring=True),
        _strike_layer("strike-dots", [r for r, ring in records if not ring], ring=False),
    ]
    return pdk.Deck(
        layers=layers,
        initial_view_state=_view_state(view),
        map_provider="carto",
        map_style=pdk.map_styles.CARTO_LIGHT,
        tooltip={"text": "{tooltip}", "style": TOOLTIP_STYLE},
    )


def map_summary(strikes: pd.DataFrame) -> str:
    """What the map shows, in one sentence for a caption and screen readers."""
    if strikes.empty:
        return "Map of Ukraine and its neighbours; no strikes match these filters."
    counts = strikes["city"].astype(str).value_counts(sort=False)
    names = [f"{city} ({count})" if count > 1 else city for city, count in counts.items()]
    places = names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" and {names[-1]}"
    noun = "strike" if len(strikes) == 1 else "strikes"
    return (
        f"Map of {len(strikes)} {noun}, in {places}. Circle size grows with the people reported killed or "
        "injured, colour shows the target, hollow rings mark strikes located only to a city or region."
    )
