"""The map as a static plotly figure, drawn from the bundled outlines with no tiles and no geo basemap (plotly's
geo fetches its world outlines from a CDN): lon/lat projected to web Mercator here and drawn on plain axes of
equal scale, so PNG and SVG images, snapshots and embeds work offline. Same marks as the deck: colour by
target, size by toll (area), rings for strikes located only to a city or oblast, or squares of strikes added
up; same tooltips."""

import math

import pandas as pd
import plotly.graph_objects as go

from conflictdesk.charts.style import FONT, frame, label_html
from conflictdesk.deck.cells import CELL_RAMP, cell_colour, cell_tooltip
from conflictdesk.deck.layers import city_labels
from conflictdesk.deck.mapdata import MapData
from conflictdesk.deck.outlines import HOME_COUNTRY, country_labels, outline_features
from conflictdesk.deck.places import UKRAINE_BOUNDS, place_box
from conflictdesk.deck.records import COARSE, RECORD_COLUMNS, TARGETS, rows, strike_radius, tooltip_text
from conflictdesk.i18n import _
from conflictdesk.text import escape_html

MAP_PX = 420  # the map's height in the figure
NOMINAL_PX = 700  # the map's width the marks are sized for (metres per pixel at that width)
LEGEND_PX = 3 * 20  # room for the target legend above the map, wrapped to three rows on a phone
CELL_BINS = 8  # cells are drawn in this many shades, one trace each


def mercator(lat: float) -> float:
    """Web Mercator's y for a latitude, in degrees of longitude (so x = longitude keeps the scale)."""
    return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(max(min(lat, 85.0), -85.0)) / 2)))


def _hover(text: str) -> str:
    return "<br>".join(escape_html(line) for line in text.split("\n"))


def _bounds(data: MapData, place: str | None, cities: pd.DataFrame) -> dict:
    """The degrees the figure shows: the city view's box, else Ukraine, a little padded."""
    box = data.box or (place_box(place, cities) if place else None) or UKRAINE_BOUNDS
    pad_lat, pad_lon = (box["north"] - box["south"]) * 0.04, (box["east"] - box["west"]) * 0.04
    return {"south": box["south"] - pad_lat, "north": box["north"] + pad_lat,
            "west": box["west"] - pad_lon, "east": box["east"] + pad_lon}


def _rings(polygons: list) -> tuple[list, list]:
    """Outer rings of polygons as one x/y path with gaps (None) between them, projected."""
    xs, ys = [], []
    for polygon in polygons:
        for lon, lat, *_ in polygon[0]:
            xs.append(lon)
            ys.append(mercator(lat))
        xs.append(None)
        ys.append(None)
    return xs, ys


def _outlines(figure: go.Figure, outline: dict) -> None:
    for feature in outline_features(outline):
        home = feature["properties"]["name"] == HOME_COUNTRY
        xs, ys = _rings(feature["geometry"]["coordinates"])
        figure.add_trace(go.Scatter(
            x=xs, y=ys, mode="lines", fill="toself", fillcolor="rgb(255,236,179)" if home else "rgb(232,232,232)",
            line=dict(color="rgb(120,100,40)" if home else "rgb(150,150,150)", width=1.5 if home else 0.8),
            hoverinfo="skip", showlegend=False, name=feature["properties"]["name"],
        ))


def _labels(figure: go.Figure, labels: list[dict], size: int, colour: str, position: str, name: str) -> None:
    if labels:
        figure.add_trace(go.Scatter(
            x=[label["lon"] for label in labels], y=[mercator(label["lat"]) for label in labels], mode="text",
            text=[label_html(label["name"], 30, 1) for label in labels], textposition=position,
            textfont=dict(size=size, color=colour), hoverinfo="skip", showlegend=False, name=name,
        ))


def _strikes(figure: go.Figure, strikes: pd.DataFrame, bounds: dict) -> None:
    """One trace per target type (the legend), dots for exact places and rings for coarse ones."""
    metres_per_px = (bounds["east"] - bounds["west"]) * 111_320 * math.cos(math.radians(48.5)) / NOMINAL_PX
    records = rows(strikes, RECORD_COLUMNS)
    for target, (label, colour) in TARGETS.items():
        own = [r for r in records if (r.get("target_type") if r.get("target_type") in TARGETS else "unknown") == target]
        if not own:
            continue
        size = [2 * max(4.0, strike_radius(r.get("killed"), r.get("injured"), r.get("geo_precision")) / metres_per_px)
                for r in own]
        figure.add_trace(go.Scatter(
            x=[float(r["longitude"]) for r in own], y=[mercator(float(r["latitude"])) for r in own], mode="markers",
            name=_(label), hovertext=[_hover(tooltip_text(r)) for r in own], hoverinfo="text",
            marker=dict(size=[min(s, 60) for s in size], color=colour, opacity=0.85,
                        symbol=["circle-open" if r.get("geo_precision") in COARSE else "circle" for r in own],
                        line=dict(color=[colour if r.get("geo_precision") in COARSE else "white" for r in own],
                                  width=1.5)),
        ))


def _cells(figure: go.Figure, cells: pd.DataFrame) -> None:
    """Squares of strikes added up, light to dark with their count (log scale), as in the deck: one filled
    trace per shade, and the squares' centres carrying their tooltips."""
    records = cells.to_dict("records")
    most = int(cells["strikes"].max()) if len(records) else 1
    shades: dict[tuple, tuple[list, list]] = {}
    for cell in records:
        colour = tuple(cell_colour(int(cell["strikes"]), most)[:3])
        xs, ys = shades.setdefault(colour, ([], []))
        south, north = mercator(cell["south"]), mercator(cell["north"])
        xs += [cell["west"], cell["east"], cell["east"], cell["west"], cell["west"], None]
        ys += [south, south, north, north, south, None]
    for colour, (xs, ys) in shades.items():
        figure.add_trace(go.Scatter(x=xs, y=ys, mode="lines", fill="toself", fillcolor=f"rgba{colour + (0.8,)}",
                                    line=dict(color="white", width=0.5), hoverinfo="skip", showlegend=False,
                                    name=_("Squares of strikes")))
    figure.add_trace(go.Scatter(
        x=[(c["west"] + c["east"]) / 2 for c in records],
        y=[mercator((c["south"] + c["north"]) / 2) for c in records], mode="markers",
        marker=dict(size=6, opacity=0), hovertext=[_hover(cell_tooltip(c)) for c in records], hoverinfo="text",
        showlegend=False, name=_("Squares of strikes"),
    ))


def map_figure(data: MapData, outline: dict, cities: pd.DataFrame, place: str | None = None, caption: str = "",
               title: str = "", note: str = "") -> go.Figure:
    """The map that map_data chose (points or cells) as a plotly geo figure over the bundled outlines, framed
    to `place`'s box (a city) or to Ukraine, with the title and caption a PNG or SVG keeps; no tiles, no network."""
    bounds = _bounds(data, place, cities)
    figure = go.Figure()
    _outlines(figure, outline)
    if data.cells is not None:
        _cells(figure, data.cells)
    region = {"lon": (bounds["west"], bounds["east"]), "lat": (bounds["south"], bounds["north"])}
    inset = (bounds["east"] - bounds["west"]) * 0.12  # a name centred nearer the edge than this would be cut
    names = [label for label in country_labels(outline, region)
             if bounds["west"] + inset <= label["lon"] <= bounds["east"] - inset]
    _labels(figure, names, 13, "#6e6e6e", "middle center", "country names")
    _labels(figure, city_labels(cities), 11, "#282828", "middle right", "city names")
    if data.strikes is not None:
        _strikes(figure, data.strikes, bounds)
    figure.update_xaxes(range=[bounds["west"], bounds["east"]], visible=False, fixedrange=True)
    figure.update_yaxes(range=[mercator(bounds["south"]), mercator(bounds["north"])], visible=False,
                        fixedrange=True, scaleanchor="x", scaleratio=1, constrain="range")
    figure.update_layout(font=FONT, showlegend=data.strikes is not None, plot_bgcolor="rgb(245,248,252)",
                         legend=dict(orientation="h", x=0, y=1, yanchor="bottom", xanchor="left",
                                     font=dict(size=12)))
    if not note:
        note = (_("Circle area: people reported killed or injured; rings: located only to a city or region.")
                if data.cells is None else _("Squares: strikes added up, darker where there are more."))
    frame(figure, MAP_PX, title=title, caption=caption, note=note,
          top_px=LEGEND_PX if data.strikes is not None else 0, axis_px=8)
    return figure

