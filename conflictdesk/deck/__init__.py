"""The strikes map as a pydeck Deck: pure functions, no Streamlit.

places, outlines <- records <- cells <- layers <- mapdata <- static. Pages call: map_data, map_deck, map_text,
place_view, place_names, match_place, read_outline, target_legend, strike_label_map, strike_facts, in_filters,
and map_figure for a static image of the map (PNG, SVG, snapshots).
"""

from conflictdesk.deck.cells import (  # noqa: F401
    CELL_ALPHA, CELL_RAMP, cell_colour, cell_records, cell_size_text, cell_tooltip, cells_summary,
)
from conflictdesk.deck.layers import (  # noqa: F401
    CITY_LABELS, CREDIT, RING_FILL_ALPHA, TOOLTIP_STYLE, CompactDeck, add_under_strikes, cell_deck, city_labels,
    payload_bytes,
    strike_deck,
)
from conflictdesk.deck.mapdata import (  # noqa: F401
    BASE_CELL, FINE_CELL, MAX_CELLS, MERGES, PAYLOAD_LIMIT, POINT_LIMIT, WORLD, MapData, in_filters, map_data,
    map_deck, map_summary, map_text,
)
from conflictdesk.deck.outlines import (  # noqa: F401
    HOME_COUNTRY, REGION, country_labels, outline_features, read_outline,
)
from conflictdesk.deck.places import (  # noqa: F401
    ALL_UKRAINE, CITY_BOX, CITY_ZOOM, MAP_HEIGHT, PHONE_MAP_WIDTH, PRESETS, UKRAINE_BOUNDS, fit_view, match_place,
    place_box, place_label, place_names, place_view, places_named,
)
from conflictdesk.deck.records import (  # noqa: F401
    BASE_RADIUS_M, COARSE, MAX_RADIUS_M, TARGETS, UNCERTAINTY_M, rgba, strike_facts, strike_label_map,
    strike_radius, strike_records, target_colour, target_legend, tooltip_text,
)
from conflictdesk.deck.static import map_figure  # noqa: F401
from conflictdesk.wording import (  # noqa: F401
    PRECISION_WORDS, WEAPONS, place_text, strike_label, toll_text, when_text,
)
