"""Where the map looks: All Ukraine, the preset cities and every city in the data, as deck.gl view states.

pydeck has no "fit bounds", so the All-Ukraine view's zoom is worked out here (web Mercator, deck.gl's
512-px world at zoom 0) to fit Ukraine's outline in the narrowest map the app is read on: a phone 390 px
wide shows it whole, Sumy and Kharkiv at the east edge included.
"""

import math

import pandas as pd
import pydeck as pdk

from conflictdesk.i18n import N_, _
from conflictdesk.names import place_name
from conflictdesk.search import same_place
from conflictdesk.wording import name_text

ALL_UKRAINE = N_("All Ukraine")  # the view's name in links (?place is never needed for it) and its msgid
CITY_ZOOM = 9  # deck.gl zoom (512-px tiles): about 80 km across at 1280 px wide, the city and its outskirts
MAP_HEIGHT = 560  # px: the map's height on every page that draws it
PHONE_MAP_WIDTH = 350  # px: the map's width on a phone 390 px wide, inside Streamlit's page padding
FIT_PADDING = 12  # px kept clear around the fitted bounds
# Ukraine's outline (conflictdesk/geo/countries.geojson, Crimea included), rounded outwards, in degrees.
UKRAINE_BOUNDS = {"west": 22.0, "south": 44.3, "east": 40.2, "north": 52.4}
CITY_BOX = (0.3, 0.5)  # half height and half width of a city view's box, degrees: about 65 × 70 km
TILE_PX = 512


def _mercator_y(latitude: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(latitude) / 2))


def fit_view(bounds: dict, width: int = PHONE_MAP_WIDTH, height: int = MAP_HEIGHT,
             padding: int = FIT_PADDING) -> tuple[float, float, float]:
    """(latitude, longitude, zoom) that shows `bounds` (south/west/north/east degrees) whole in a map of
    width × height px: the zoom deck.gl's fitBounds would give, rounded down to a hundredth."""
    span_x = (bounds["east"] - bounds["west"]) / 360
    top, bottom = _mercator_y(bounds["north"]), _mercator_y(bounds["south"])
    span_y = (top - bottom) / (2 * math.pi)
    zoom = min(math.log2((width - 2 * padding) / (TILE_PX * span_x)),
               math.log2((height - 2 * padding) / (TILE_PX * span_y)))
    latitude = math.degrees(2 * math.atan(math.exp((top + bottom) / 2)) - math.pi / 2)
    longitude = (bounds["east"] + bounds["west"]) / 2
    return round(latitude, 4), round(longitude, 4), math.floor(zoom * 100) / 100


# name -> (latitude, longitude, zoom); cities in the data are added to these.
PRESETS = {
    ALL_UKRAINE: fit_view(UKRAINE_BOUNDS),
    "Sumy": (50.9077, 34.7981, CITY_ZOOM),
    "Odesa": (46.4825, 30.7233, CITY_ZOOM),
}


def place_names(cities: pd.DataFrame) -> list[str]:
    """Every view the page offers: All Ukraine, the preset cities, then every place in the data by its unique
    label ("Sumy"; "Ivanivka, Kherson Oblast" where one name has places in several oblasts)."""
    names = list(PRESETS)
    names += sorted(c for c in cities["label"].astype(str) if c not in names)
    return names


def place_label(name: str) -> str:
    """A view's name for the reader: "All Ukraine" in the interface language, a place in its local spelling."""
    return _(ALL_UKRAINE) if name == ALL_UKRAINE else place_name(name)


def match_place(name, cities: pd.DataFrame) -> str | None:
    """The view's name as the page spells it: matched ignoring case, else the one place whose name is another
    spelling of it (Odessa → Odesa, Kiev → Kyiv, Суми → Sumy: conflictdesk/search.py); None if unknown or if
    the spelling names several places."""
    wanted = name_text(name, "")
    exact = next((place for place in place_names(cities) if place.casefold() == wanted.casefold()), None)
    if exact is not None:
        return exact
    if not wanted.isprintable():
        return None  # a control character is no spelling of a place
    spelled = [place for place in place_names(cities) if same_place(wanted, place.split(",")[0])]
    return spelled[0] if len(spelled) == 1 else None


def places_named(name, cities: pd.DataFrame) -> list[str]:
    """The labels of every place whose city is spelled `name` (ignoring case): several when one name has
    places in several oblasts, which a view never merges."""
    wanted = name_text(name, "").casefold()
    return sorted(str(row.label) for row in cities.itertuples() if str(row.city).casefold() == wanted)


def place_view(name: str, cities: pd.DataFrame, width: int = PHONE_MAP_WIDTH) -> pdk.ViewState | None:
    """The view for All Ukraine (fitted to a map `width` px wide), Sumy, Odesa or any city in the data;
    None if unknown."""
    place = match_place(name, cities)
    if place is None:
        return None
    rows = cities[cities["label"].astype(str) == place]
    if place != ALL_UKRAINE and not rows.empty:
        return pdk.ViewState(
            latitude=round(float(rows["latitude"].iloc[0]), 4),
            longitude=round(float(rows["longitude"].iloc[0]), 4),
            zoom=CITY_ZOOM,
        )
    latitude, longitude, zoom = fit_view(UKRAINE_BOUNDS, width) if place == ALL_UKRAINE else PRESETS[place]
    return pdk.ViewState(latitude=latitude, longitude=longitude, zoom=zoom)


def view_state(view) -> pdk.ViewState:
    """A ViewState from a ViewState or a (latitude, longitude, zoom) tuple."""
    if isinstance(view, pdk.ViewState):
        return view
    latitude, longitude, zoom = view
    return pdk.ViewState(latitude=latitude, longitude=longitude, zoom=zoom)


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
