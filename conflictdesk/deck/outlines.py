"""The bundled country outlines (Natural Earth) cut to the map's region, and where each country's name goes."""

import json
from functools import lru_cache
from pathlib import Path

from babel import Locale

from conflictdesk import i18n

OUTLINE_FILE = Path(__file__).resolve().parents[1] / "geo" / "countries.geojson"
HOME_COUNTRY = "Ukraine"
# The outline's countries (iso_a3, as in countries.geojson) to CLDR's territory codes, for their names.
ISO_A2 = {"UKR": "UA", "RUS": "RU", "BLR": "BY", "POL": "PL", "SVK": "SK", "HUN": "HU", "ROU": "RO", "MDA": "MD",
          "LTU": "LT", "LVA": "LV", "GEO": "GE", "TUR": "TR", "BGR": "BG", "EST": "EE", "CZE": "CZ", "AUT": "AT",
          "SRB": "RS", "GRC": "GR", "ARM": "AM", "AZE": "AZ", "KAZ": "KZ"}
# Countries' parts outside this box (Russia's far east) are left out of the deck; names sit inside it.
REGION = {"lon": (12.0, 52.0), "lat": (40.0, 60.0)}
UKRAINE_FILL = [255, 236, 179, 150]
UKRAINE_LINE = [120, 100, 40, 255]
NEIGHBOUR_FILL = [225, 225, 225, 120]
NEIGHBOUR_LINE = [150, 150, 150, 255]


@lru_cache(maxsize=1)
def read_outline() -> dict:
    """The bundled Natural Earth outlines of Ukraine and its neighbours, as GeoJSON."""
    return json.loads(OUTLINE_FILE.read_text(encoding="utf-8"))


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


def _clip_to_region(ring: list, region: dict = REGION) -> list:
    (west, east), (south, north) = region["lon"], region["lat"]

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


def _inside(ring: list, lon: float, lat: float) -> bool:
    """Ray casting: whether a point is inside a ring."""
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[-1:] + ring[:-1]):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def country_name(properties: dict) -> str:
    """A country's name in the interface language (CLDR's, via Babel); Natural Earth's own name in English."""
    name = properties.get("name", "")
    code = ISO_A2.get(properties.get("iso_a3"))
    if i18n.language() == i18n.DEFAULT or code is None:
        return name
    return Locale.parse(i18n.language()).territories.get(code, name)


def country_labels(outline: dict, region: dict = REGION) -> list[dict]:
    """A name per country at the centre of its largest part within `region` ({"lon": (west, east), "lat":
    (south, north)}; the deck's whole region unless a smaller view asks)."""
    labels = []
    for feature in outline["features"]:
        clipped = [_clip_to_region(rings[0], region) for rings in _polygons(feature["geometry"])]
        parts = [_centroid(ring) + (ring,) for ring in clipped if ring]
        if not parts:
            continue
        area, lon, lat, ring = max(parts, key=lambda part: part[0])
        if area > 0 and _inside(ring, lon, lat):  # a bent part's centre can fall in its neighbour: no name then
            labels.append({"name": country_name(feature["properties"]), "lon": round(lon, 3), "lat": round(lat, 3)})
    return labels
