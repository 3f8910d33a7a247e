"""Checks on the bundled country outlines (conflictdesk/geo/countries.geojson)."""

import json
from pathlib import Path

import pytest

GEOJSON = Path(__file__).resolve().parents[1] / "conflictdesk" / "geo" / "countries.geojson"

SIMFEROPOL = (34.10, 44.95)
SEVASTOPOL = (33.52, 44.62)
KYIV = (30.52, 50.45)


def _ring_contains(ring, lon, lat):
    """Ray casting: count crossings of a ray going east from (lon, lat)."""
    inside = False
    n = len(ring)
    for i in range(n):
        x1, y1 = ring[i][:2]
        x2, y2 = ring[i - 1][:2]
        if (y1 > lat) != (y2 > lat):
            x_cross = x1 + (lat - y1) * (x2 - x1) / (y2 - y1)
            if lon < x_cross:
                inside = not inside
    return inside


def contains_point(feature, lon, lat):
    """True if (lon, lat) is inside the feature's Polygon/MultiPolygon (holes respected)."""
    geom = feature["geometry"]
    if geom["type"] == "Polygon":
        polygons = [geom["coordinates"]]
    elif geom["type"] == "MultiPolygon":
        polygons = geom["coordinates"]
    else:
        raise ValueError(geom["type"])
    for rings in polygons:
        outer, holes = rings[0], rings[1:]
        if _ring_contains(outer, lon, lat) and not any(_ring_contains(h, lon, lat) for h in holes):
            return True
    return False


@pytest.fixture(scope="module")
def countries():
    data = json.loads(GEOJSON.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    return {f["properties"]["name"]: f for f in data["features"]}


def test_file_is_small():
    assert GEOJSON.stat().st_size < 200 * 1024


def test_has_ukraine_and_neighbours(countries):
    for name in ["Ukraine", "Russia", "Belarus", "Poland", "Moldova", "Romania"]:
        assert name in countries
    assert countries["Ukraine"]["properties"]["iso_a3"] == "UKR"


def test_properties_are_name_and_iso_only(countries):
    for feature in countries.values():
        assert set(feature["properties"]) == {"name", "iso_a3"}
        assert len(feature["properties"]["iso_a3"]) == 3


def test_kyiv_in_ukraine(countries):
    assert contains_point(countries["Ukraine"], *KYIV)
    assert not contains_point(countries["Russia"], *KYIV)


@pytest.mark.parametrize("point", [SIMFEROPOL, SEVASTOPOL], ids=["Simferopol", "Sevastopol"])
def test_crimea_is_drawn_as_ukraine(countries, point):
    assert contains_point(countries["Ukraine"], *point)
    assert not contains_point(countries["Russia"], *point)
