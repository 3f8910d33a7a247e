"""Whether a point lies in Ukraine, by the bundled country outlines (Natural Earth 1:110m, conflictdesk/geo).

The outlines are coarse — near a border or a coast they can be off by some kilometres — so a point is
called outside Ukraine only when it lies inside a neighbour's outline and more than MARGIN_KM from
Ukraine's; a point near the border, or at sea, is never dropped on the outline's word.
"""

import functools
import json
import math
from pathlib import Path

OUTLINES = Path(__file__).resolve().parent.parent / "geo" / "countries.geojson"
MARGIN_KM = 15.0
KM_PER_DEGREE = 111.32


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, list[list[list[tuple[float, float]]]]]:
    """Each country's polygons, each a list of rings of (lon, lat)."""
    data = json.loads(OUTLINES.read_text(encoding="utf-8"))
    countries = {}
    for feature in data["features"]:
        geometry = feature["geometry"]
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        countries[feature["properties"]["name"]] = [[[tuple(p) for p in ring] for ring in poly] for poly in polygons]
    return countries


def _inside(lon: float, lat: float, polygons) -> bool:
    """Even-odd ray casting over every ring (holes included)."""
    inside = False
    for polygon in polygons:
        for ring in polygon:
            for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
                if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
                    inside = not inside
    return inside


def _distance_km(lon: float, lat: float, polygons) -> float:
    """Distance to the nearest edge, on a plane true to scale at the point's latitude (fine for tens of km)."""
    scale = math.cos(math.radians(lat))
    best = math.inf
    for polygon in polygons:
        for ring in polygon:
            for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
                ax, ay, bx, by = (x1 - lon) * scale, y1 - lat, (x2 - lon) * scale, y2 - lat
                dx, dy = bx - ax, by - ay
                t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / (dx * dx + dy * dy)))
                best = min(best, math.hypot(ax + t * dx, ay + t * dy))
    return best * KM_PER_DEGREE


def locate(latitude: float, longitude: float) -> tuple[str, str, float]:
    """('ukraine', '', 0) inside Ukraine's outline; ('near', country or '', km) outside it but near it or at sea;
    ('abroad', country, km) inside another country's outline and more than MARGIN_KM from Ukraine's."""
    countries = _countries()
    ukraine = countries["Ukraine"]
    if _inside(longitude, latitude, ukraine):
        return "ukraine", "", 0.0
    km = _distance_km(longitude, latitude, ukraine)
    other = next((name for name, shape in countries.items() if name != "Ukraine" and _inside(longitude, latitude, shape)), "")
    if other and km > MARGIN_KM:
        return "abroad", other, km
    return "near", other, km
