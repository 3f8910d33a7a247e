"""Extract a small country outline for the Conflict Desk map.

Writes ``conflictdesk/geo/countries.geojson``: Ukraine and its neighbours,
taken from Natural Earth's public-domain 1:110m "Admin 0 - Countries"
shapes as bundled in the geopandas 0.14.4 wheel on PyPI
(``geopandas/datasets/naturalearth_lowres/naturalearth_lowres.*``).
The map can then draw borders without fetching web tiles.

Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com

Steps:
  1. ``pip download --no-deps geopandas==0.14.4`` into a temporary directory
     (only PyPI is needed);
  2. open the wheel as a zip and read the shapefile with pyshp;
  3. keep the countries listed in ``COUNTRIES`` (matched by name, because
     some rows in this file have ``iso_a3`` = "-99");
  4. write a FeatureCollection with properties ``name`` and ``iso_a3`` only,
     coordinates rounded to 3 decimals, compact JSON.

Geometries are copied as the file draws them: Ukraine within its
internationally recognised borders, Crimea included.

Script-only dependency: pyshp (``pip install pyshp``). It is not needed by
the app and is deliberately not listed in requirements.txt.

Usage (from the repository root)::

    python scripts/extract_countries.py
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import shapefile  # pyshp

GEOPANDAS_VERSION = "0.14.4"
SHP_PREFIX = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres."
DBF_ENCODING = "latin-1"  # the .cpg says ISO-8859-1
PRECISION = 3

# Natural Earth name -> ISO 3166-1 alpha-3 (used when the file has "-99").
COUNTRIES = {
    "Ukraine": "UKR",
    "Russia": "RUS",
    "Belarus": "BLR",
    "Poland": "POL",
    "Slovakia": "SVK",
    "Hungary": "HUN",
    "Romania": "ROU",
    "Moldova": "MDA",
    # Map frame: Baltics to the north, Black Sea shores to the south.
    "Lithuania": "LTU",
    "Latvia": "LVA",
    "Georgia": "GEO",
    "Turkey": "TUR",
    "Bulgaria": "BGR",
}

OUT_PATH = Path(__file__).resolve().parents[1] / "conflictdesk" / "geo" / "countries.geojson"


def download_wheel(dest: Path) -> Path:
    """Fetch the geopandas wheel from PyPI into ``dest`` and return its path."""
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
         f"geopandas=={GEOPANDAS_VERSION}", "-d", str(dest)],
        check=True,
    )
    wheels = sorted(dest.glob(f"geopandas-{GEOPANDAS_VERSION}-*.whl"))
    if not wheels:
        raise SystemExit("geopandas wheel not found after pip download")
    return wheels[0]


def _round_ring(ring) -> list[list[float]]:
    out: list[list[float]] = []
    for x, y in ring:
        pt = [round(x, PRECISION), round(y, PRECISION)]
        if not out or out[-1] != pt:  # drop points that collapse after rounding
            out.append(pt)
    if out[0] != out[-1]:
        out.append(out[0])
    return out


def _geometry(shape) -> dict:
    """Turn a pyshp shape into a GeoJSON (Multi)Polygon, rounded."""
    geo = shape.__geo_interface__
    if geo["type"] == "Polygon":
        polys = [geo["coordinates"]]
    elif geo["type"] == "MultiPolygon":
        polys = geo["coordinates"]
    else:
        raise ValueError(f"unexpected geometry type {geo['type']}")
    polys = [[_round_ring(r) for r in poly] for poly in polys]
    polys = [[r for r in poly if len(r) >= 4] for poly in polys]
    polys = [poly for poly in polys if poly]
    if len(polys) == 1:
        return {"type": "Polygon", "coordinates": polys[0]}
    return {"type": "MultiPolygon", "coordinates": polys}


def extract(wheel: Path) -> dict:
    """Read the Natural Earth shapefile from the wheel and build the collection."""
    with zipfile.ZipFile(wheel) as zf:
        parts = {ext: io.BytesIO(zf.read(SHP_PREFIX + ext)) for ext in ("shp", "shx", "dbf")}
    reader = shapefile.Reader(**parts, encoding=DBF_ENCODING)

    features = {}
    for sr in reader.iterShapeRecords():
        name = sr.record["name"]
        if name not in COUNTRIES:
            continue
        iso = sr.record["iso_a3"]
        if not iso or iso == "-99":
            iso = COUNTRIES[name]
        features[name] = {
            "type": "Feature",
            "properties": {"name": name, "iso_a3": iso},
            "geometry": _geometry(sr.shape),
        }

    missing = sorted(set(COUNTRIES) - set(features))
    if missing:
        raise SystemExit(f"countries not found in Natural Earth file: {missing}")
    # Stable order: as listed in COUNTRIES.
    return {"type": "FeatureCollection", "features": [features[n] for n in COUNTRIES]}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        wheel = download_wheel(Path(tmp))
        collection = extract(wheel)
    OUT_PATH.parent.mkdir(parents=True, exist_ok=True)
    OUT_PATH.write_text(json.dumps(collection, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT_PATH} ({OUT_PATH.stat().st_size:,} bytes, "
          f"{len(collection['features'])} countries)")


if __name__ == "__main__":
    main()
