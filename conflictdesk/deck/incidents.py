"""Civilian-harm incidents (Bellingcat) as a layer of their own on the Strikes map: never strikes.

An incident records harm to civilians seen in verified footage, with no attacker and no toll: it is drawn
as a small purple dot with a dark edge, apart from the strikes' layers, and its hover text says so.
"""

import pandas as pd
import pydeck as pdk

from conflictdesk.deck.records import rgba
from conflictdesk.i18n import _
from conflictdesk.text import clip
from conflictdesk.wording import blank, date_text

LAYER_ID = "civilian-harm-incidents"
COLOUR = "#CC79A7"  # Okabe–Ito purple: no target colour of the strikes uses it
LIMIT = 1000  # incidents drawn at most (the first by date), like the strikes' POINT_LIMIT


def incident_tooltip(row) -> str:
    """The hover text of an incident, as plain text: what it is, when, where, its warning and words, source."""
    lines = [
        _("Civilian-harm incident (Bellingcat): not a strike, no attacker or toll recorded"),
        date_text(row.get("date"), row.get("date_precision") or "day"),
    ]
    if not blank(row.get("place")):
        lines.append(clip(str(row["place"]).strip(), 60))
    if not blank(row.get("content_warning")):
        lines.append(clip(str(row["content_warning"]).strip(), 80))
    if not blank(row.get("excerpt")):
        lines.append(clip(str(row["excerpt"]).strip(), 200))
    if not blank(row.get("publisher")):
        lines.append(_("Source: {publisher}").format(publisher=clip(str(row["publisher"]), 40)))
    return "\n".join(lines)


def incident_layer(incidents: pd.DataFrame) -> pdk.Layer:
    """The map_incidents query's rows as a ScatterplotLayer of small dots (pixels, not metres: no area implied)."""
    records = [
        {"lon": round(float(r["longitude"]), 5), "lat": round(float(r["latitude"]), 5),
         "tooltip": incident_tooltip(r)}
        for r in incidents.to_dict("records")
    ]  # fmt: skip
    return pdk.Layer(
        "ScatterplotLayer", id=LAYER_ID, data=records, get_position="[lon, lat]", get_radius=5,
        radius_units='"pixels"', get_fill_color=rgba(COLOUR, 230), get_line_color=[60, 20, 50, 255],
        line_width_units='"pixels"', get_line_width=1, stroked=True, filled=True, pickable=True,
    )
