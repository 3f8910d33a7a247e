"""What the map draws for a view (points or cells), fetched by named queries, and its summary in words.

Scale: past POINT_LIMIT strikes in view the map draws squares of strikes added up (cells), not one circle
per strike, so the deck stays under PAYLOAD_LIMIT bytes of JSON (written compact: see layers.CompactDeck).
The outlines and labels take at most about 32 kB; a point about 330 bytes (at most about 670 with the
longest ids and texts a tooltip keeps), a cell about 300 (at most about 480): so at most 1,000 points
(0.7 MB in the worst case) or 1,200 cells (0.6 MB). A city view with more strikes than that in its box draws
finer cells of FINE_CELL degrees. tests/test_deck.py checks these worst cases.
"""

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import pydeck as pdk

from conflictdesk.deck.cells import cell_size_text, cells_summary
from conflictdesk.deck.layers import cell_deck, strike_deck
from conflictdesk.deck.places import place_box, place_label
from conflictdesk.text import clip
from conflictdesk.i18n import _, ngettext
from conflictdesk.names import place_name
from conflictdesk.wording import listing, number_text

POINT_LIMIT = 1_000
PAYLOAD_LIMIT = 1_000_000
BASE_CELL = 0.25  # degrees: the grid of the pre-added `cell_days` table (queries/derived_cell_days.sql)
MERGES = (1, 2, 4, 8)  # cells of 0.25, 0.5, 1 and 2 degrees, the first that gives at most MAX_CELLS
MAX_CELLS = 1_200
FINE_CELL = 0.025  # degrees: about 3 km north to south, for a crowded city view (at most about 1,000 cells)
WORLD = {"south": -90.0, "west": -180.0, "north": 90.0, "east": 180.0}
SUMMARY_PLACES = 10  # places named in the map's summary


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


def map_deck(data: MapData, view, outline: dict, cities: pd.DataFrame, scroll_zoom: bool = True) -> pdk.Deck:
    """The deck for what map_data chose; `scroll_zoom=False` in embeds, so the article scrolls past the map."""
    if data.cells is not None:
        return cell_deck(data.cells, view, outline, cities, scroll_zoom)
    return strike_deck(data.strikes, view, outline, cities, scroll_zoom)


def map_summary(strikes: pd.DataFrame, place: str | None = None) -> str:
    """What the map shows, in one sentence for a caption and screen readers (`place`: a city view's place)."""
    if strikes.empty:
        return _("Map of Ukraine and its neighbours; no strikes match these filters.")
    counts = strikes["city"].astype(str).map(place_name).value_counts(sort=False)
    if len(counts) > SUMMARY_PLACES:  # name the places with most strikes, count the rest
        top = counts.sort_values(ascending=False, kind="stable").head(SUMMARY_PLACES)
        names = [f"{clip(city, 40)} ({count})" if count > 1 else clip(city, 40) for city, count in top.items()]
        others = len(counts) - SUMMARY_PLACES
        names.append(ngettext("{count} other place", "{count} other places", others).format(count=number_text(others)))
    else:
        names = [f"{city} ({count})" if count > 1 else city for city, count in counts.items()]
    values = dict(count=number_text(len(strikes)), places=listing(names), place=place)
    if place:
        return ngettext(
            "Map around {place}: {count} strike, in {places}. Circle size grows with the people reported killed or "
            "injured, colour shows the target, hollow rings mark strikes located only to a city or region.",
            "Map around {place}: {count} strikes, in {places}. Circle size grows with the people reported killed or "
            "injured, colour shows the target, hollow rings mark strikes located only to a city or region.",
            len(strikes)).format(**values)
    return ngettext(
        "Map of {count} strike, in {places}. Circle size grows with the people reported killed or injured, colour "
        "shows the target, hollow rings mark strikes located only to a city or region.",
        "Map of {count} strikes, in {places}. Circle size grows with the people reported killed or injured, colour "
        "shows the target, hollow rings mark strikes located only to a city or region.",
        len(strikes)).format(**values)


def map_text(data: MapData, place: str) -> tuple[str, str | None]:
    """The map's one-sentence summary (caption and alt text), and a note on what is left out, if anything."""
    near = place_label(place) if data.box is not None else None
    place = place_label(place)
    if data.cells is not None:
        summary = cells_summary(data.cells, data.shown, near)
    elif data.box is not None and not data.strikes.empty:
        summary = map_summary(data.strikes, place)
    else:
        summary = map_summary(data.strikes)
    limit = number_text(POINT_LIMIT)
    if data.cells is not None and data.box is None:
        note = _(
            "{count} strikes match these filters: too many to draw one by one, so each square adds up the "
            "strikes in it. Choose a city, or narrow the period or the actors to {limit} strikes or fewer, to see "
            "single strikes and open their cards."
        ).format(count=number_text(data.in_view), limit=limit)
    elif data.cells is not None:
        note = _(
            "{count} strikes around {place} match these filters: still too many to draw one by one, so they "
            "are added up in squares of {size}. Narrow the period or the actors to see single "
            "strikes and open their cards."
        ).format(count=number_text(data.shown), place=place, size=cell_size_text(data.cells))
    elif data.box is not None:
        note = _(
            "Showing the {count} strikes within about 35 km of {place}, of {total} that match these "
            "filters; choose All Ukraine to see them all, added up in squares."
        ).format(count=number_text(data.shown), place=place, total=number_text(data.in_view))
    else:
        note = None
    return summary, note


def in_filters(row, date_from, date_to, actors) -> bool:
    """Whether a strike (a row with date and attacker) passes the date and actor filters."""
    # The period rule of queries/build/tolls_known.sql: the strike's date window overlaps the period.
    first = row.get("date_first") if not pd.isna(row.get("date_first")) else row.get("date")
    last = row.get("date_last") if not pd.isna(row.get("date_last")) else row.get("date")
    overlaps = pd.Timestamp(first).date() <= date_to and pd.Timestamp(last).date() >= date_from
    return row.get("kind", "strike") == "strike" and overlaps and (not actors or row.get("attacker") in actors)
