"""Per strike, what the map draws: position, size, colour and a plain-text tooltip; and a strike card's facts.

Text from the data is cut to a length in tooltips (the card and lists show it whole), so a thousand
tooltips stay within the deck's size limit, and the tooltip's box stays small whatever the data says.
"""

import math

import pandas as pd

from conflictdesk.charts.style import OKABE_ITO
from conflictdesk.i18n import N_, _
from conflictdesk.text import clip
from conflictdesk.wording import (
    NOT_STATED, blank, name_text, place_text, precision_text, status_text, status_word, strike_labels, toll_text,
    weapon_text, when_text,
)

# target_type -> legend label and Okabe–Ito colour.
TARGETS = {
    "civilian": (N_("Civilian"), OKABE_ITO["vermillion"]),
    "military": (N_("Military"), OKABE_ITO["blue"]),
    "dual_use": (N_("Dual-use"), OKABE_ITO["orange"]),
    "disputed": (N_("Disputed"), OKABE_ITO["purple"]),
    "unknown": (N_("Not stated"), OKABE_ITO["grey"]),
}
COARSE = {"city", "oblast", "region"}  # geo_precision values drawn as rings
BASE_RADIUS_M = 1_000
SCALE_M = 1_000  # metres per square root of a person killed or injured
MAX_RADIUS_M = 25_000
UNCERTAINTY_M = {"exact": 0, "neighbourhood": 0, "city": 3_000, "oblast": 40_000, "region": 100_000}
# What strike_records reads: position, size, colour and the tooltip's fields.
RECORD_COLUMNS = (
    "strike_id", "longitude", "latitude", "geo_precision", "target_type", "date", "date_precision", "time_local",
    "city", "place", "killed", "killed_qualifier", "killed_phrase", "injured", "injured_qualifier", "injured_phrase",
    "toll_status", "toll_claimant", "publisher", "source_title", "source_type",
    "date_first", "date_last", "killed_blank_phrase", "source_inconsistency",
)


def target_legend() -> list[tuple[str, str]]:
    """The strike colours as (label, hex colour), in legend order, labels in the interface language."""
    return [(_(label), colour) for label, colour in TARGETS.values()]


def target_colour(target_type) -> str:
    """The hex colour for a target type; 'Not stated' grey when missing or unknown."""
    return TARGETS.get(target_type if isinstance(target_type, str) else "unknown", TARGETS["unknown"])[1]


def rgba(hex_colour: str, alpha: int = 255) -> list[int]:
    """'#D55E00' as [213, 94, 0, alpha]."""
    value = hex_colour.lstrip("#")
    return [int(value[i : i + 2], 16) for i in (0, 2, 4)] + [alpha]


def number(value) -> int:
    """A count from the data as an int, 0 when blank (for sizes only: never shown as a figure)."""
    return 0 if value is None or pd.isna(value) else int(value)


def strike_radius(killed, injured, geo_precision) -> float:
    """Radius in metres: 1 km + 1 km × √(killed + injured), at most 25 km; at least the location's uncertainty.

    Figures count as lower bounds ("over 100" counts 100); a strike with no figure gets the 1 km base.
    Area, not radius, grows with the count. Rings of coarse locations are at least as wide as the place
    they could be anywhere in: 3 km for a city, 40 km for an oblast, 100 km for a wider area (region).
    """
    people = number(killed) + number(injured)
    radius = min(BASE_RADIUS_M + SCALE_M * math.sqrt(people), MAX_RADIUS_M)
    return float(max(radius, UNCERTAINTY_M.get(geo_precision, 0)))


def rows(frame: pd.DataFrame, columns: tuple[str, ...]) -> list[dict]:
    """Only these columns of each row, as dicts: one bulk conversion per column, not a cell at a time."""
    present = [name for name in columns if name in frame.columns]
    return [dict(zip(present, values)) for values in zip(*(frame[name].tolist() for name in present))]


def strike_label_map(strikes: pd.DataFrame) -> dict[str, str]:
    """Strike id -> its label for the strike list, the same words as the casualty charts: 'Sumy · 13 Apr 2025'."""
    return strike_labels(strikes)


def tooltip_text(row) -> str:
    """The hover text of a strike, shown as plain text: date, place, toll with its claimant, source."""
    lines = [when_text(row), clip(place_text(row), 60),
             _("Located: {precision}").format(precision=precision_text(row.get("geo_precision")))]
    if not blank(row.get("toll_status")):
        lines.append(clip(toll_text(row), 120))
        claimant = None if blank(row.get("toll_claimant")) else clip(str(row["toll_claimant"]), 40)
        lines.append(_("Toll: {status}").format(status=status_text(clip(str(row["toll_status"]), 20), claimant)))
    else:
        lines.append(_("No casualty report in the data"))
    source = clip(name_text(row.get("publisher")), 40)
    if not blank(row.get("source_title")):
        source += f": {clip(str(row['source_title']).strip(), 60)}"
    lines.append(_("Source: {source}").format(source=source))
    if row.get("source_type") == "synthetic":
        lines.append(_("SYNTHETIC DATA: not reporting, do not quote"))
    return "\n".join(lines)


def strike_facts(row) -> dict[str, str]:
    """A strike's card facts as label -> plain text: date, location, target, weapon, attacker, status (called the
    event's status when the publisher's kind is not a strike)."""
    target = _(TARGETS.get(row.get("target_type"), TARGETS["unknown"])[0])
    if not blank(row.get("target")):
        target += f" ({str(row['target']).strip()})"
    status_label = _("Strike status") if row.get("kind", "strike") == "strike" else _("Event status")
    return {
        _("Date"): when_text(row),
        _("Place"): place_text(row),
        _("Located"): precision_text(row.get("geo_precision")),
        _("Target"): target,
        _("Weapon"): weapon_text(row.get("weapon")),
        _("Attacker"): name_text(row.get("attacker_name"), NOT_STATED),
        status_label: status_word(row.get("status")) if not blank(row.get("status")) else _(NOT_STATED),
    }


def strike_records(strikes: pd.DataFrame) -> list[tuple[dict, bool]]:
    """Per strike, only what its layer needs (id, position, radius, colour, tooltip) and whether it is a ring."""
    records = []
    for row in rows(strikes, RECORD_COLUMNS):
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
