"""Places and strikes in words: geo precision, weapon, place, the strike label 'Sumy · 13 Apr 2025'."""

import pandas as pd

from conflictdesk.i18n import N_, _
from conflictdesk.wording.basics import NOT_STATED, blank, name_text
from conflictdesk.wording.dates import row_date_text

PRECISION_WORDS = {
    "exact": N_("exact place"),
    "neighbourhood": N_("to the neighbourhood"),
    "city": N_("city only, drawn at its centre"),
    "oblast": N_("oblast only, drawn at its centre"),
    "region": N_("only a wider area or a line (such as a front) is known, not a place"),
}
WEAPONS = {
    "ballistic_missile": N_("Ballistic missile"),
    "cruise_missile": N_("Cruise missile"),
    "missile": N_("Missile (kind not stated)"),
    "drone": N_("Drone"),
    "artillery": N_("Artillery"),
    "glide_bomb": N_("Glide bomb"),
    "unknown": N_("Not stated"),
}


def precision_text(geo_precision) -> str:
    """How precisely a strike is located: 'exact place', 'city only, drawn at its centre', or 'not stated'."""
    return _(PRECISION_WORDS.get(geo_precision, NOT_STATED))


def weapon_text(weapon) -> str:
    """A weapon code in words: 'Cruise missile'; 'Not stated' when missing or unknown."""
    return _(WEAPONS.get(weapon, WEAPONS["unknown"]))


def area_name(row) -> str:
    """The city of a row as the data names it; for a row located only to a wider area (geo_precision region) the
    area's name marked as such, 'Donbas (an area, not a place)', so it never reads as a place."""
    city = name_text(row.get("city"), "")
    if city and row.get("geo_precision") == "region":
        return _("{area} (an area, not a place)").format(area=city)
    return city


def place_text(row) -> str:
    """City and place: 'Sumy, Congress centre'; the city alone when the place repeats it; 'place not given'."""
    city, place = area_name(row), name_text(row.get("place"), "")
    if city and place and place != city:
        return f"{city}, {place}"
    return city or place or _("place not given")


def when_text(row) -> str:
    """A strike's date as precise as the data says, with its local time when given: '13 Apr 2025, 10:15 local time'."""
    when = row_date_text(row)
    time = name_text(row.get("time_local"), "")
    return _("{day}, {time} local time").format(day=when, time=time) if time else when


def strike_label(row, date_column: str = "date") -> str:
    """A strike in a few words, the same on the map, the casualty charts and the lists: 'Sumy · 13 Apr 2025'."""
    when = row_date_text(row, date_column)
    return f"{area_name(row) or _('place not given')} · {when}"


def strike_labels(frame: pd.DataFrame, date_column: str = "date") -> dict[str, str]:
    """Strike id -> strike_label, unique within the frame: the place, then the id, added to labels that clash."""
    rows = frame.drop_duplicates("strike_id")
    columns = {name: rows[name].tolist() if name in rows.columns else [None] * len(rows)
               for name in ("strike_id", "city", "place", date_column, "date_precision", "date_first", "date_last",
                                 "geo_precision")}
    records = [dict(zip(columns, values)) for values in zip(*columns.values())]
    labels = {r["strike_id"]: strike_label(r, date_column) for r in records}
    for extra in ("place", "strike_id"):
        counts: dict[str, int] = {}
        for label in labels.values():
            counts[label] = counts.get(label, 0) + 1
        for record in records:
            label = labels[record["strike_id"]]
            if counts[label] > 1 and not blank(record.get(extra)) and str(record[extra]) != str(record.get("city")):
                labels[record["strike_id"]] = f"{label} ({record[extra]})"
    return labels
