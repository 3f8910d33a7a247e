"""ACLED exports (the 2023+ column layout, and older ones without disorder_type, civilian_targeting
or tags) as strikes with one casualty report each.

What becomes a strike: events in Ukraine (`country`) that are attacks — every `Explosions/Remote
violence` event (air/drone strikes, shelling/artillery/missile attacks, remote explosives, grenades,
...) and `Violence against civilians` events of sub-event type `Attack`. Battles, protests, riots,
strategic developments, abductions and sexual violence are not strikes and are skipped, each with
its reason in the summary.

Mapping, one line each:
- strike_id `acled-<event_id_cnty>`; casualty report `acled-<event_id_cnty>-toll`.
- date: `event_date` (any layout in `dates.py`; numeric dates read day-first, ACLED's re-save
  convention). date_precision from `time_precision`: 1 → day, 2 → week, 3 → month.
- city: `location`; oblast: `admin1`, verbatim. Coordinates as ACLED gives them; a row without both
  is skipped. geo_precision from ACLED's `geo_precision`: 1 (the town's own coordinates) → city;
  2 (near the town / part of a region) and 3 (a larger region, its capital's coordinates) → oblast,
  because the contract's next step up from city is oblast and a point is never shown as more
  precise than ACLED knows it.
- attacker: `actor1` only when the event is one-sided — `actor2` empty or civilians — because ACLED
  states that actor order does not imply who attacked; with two armed actors the attacker is left
  empty and both names are kept in notes. Actor ids are slugs of ACLED's names
  (`military-forces-of-russia-2000-`); `inter1` 1 / "State forces" → actor_type state, else
  organisation.
- weapon: set only when the sub-event type allows it and the notes name a single weapon family
  (drone/UAV; glide or guided aerial bomb; missile — ballistic or cruise when the notes say so;
  artillery/shelling/mortar); anything else, or two families, is `unknown`.
- target_type civilian when `civilian_targeting` is set (or the event is Violence against
  civilians), else unknown. description: `sub_event_type`. status: claimed.
- excerpt: ACLED's `notes` for the event, verbatim; when empty, ACLED's own fields
  sub_event_type | actor1 | actor2 | location verbatim, and notes say so.
- casualties: killed = `fatalities`, qualifier at_least (ACLED codes conservatively), phrase
  "12 (ACLED fatalities, conservative estimate)"; population all; claimant `acled`; reported_on is
  the event date (ACLED does not date its figures); an empty `fatalities` leaves killed empty.
- the source's published_on is the latest `timestamp` (ACLED's upload time) in the file, else the
  latest event date.
"""

import functools
import re
from datetime import datetime, timezone

from conflictdesk.importers.common import Context, Event, Publisher, Skip, coordinates, count, event_id, joined, slug
from conflictdesk.importers.dates import DAY_FIRST, parse_date

EXPLOSIONS = "explosions/remote violence"
AGAINST_CIVILIANS = "violence against civilians"

TIME = {
    1: ("day", "ACLED has the exact day"),
    2: ("week", "ACLED knows the week; the date is its event_date in that week"),
    3: ("month", "ACLED knows the month; the date is its event_date in that month"),
}
GEO = {
    1: ("city", "the coordinates are ACLED's for the town"),
    2: ("oblast", "ACLED places it near the town or in part of a region"),
    3: ("oblast", "ACLED knows only a larger region and uses its capital's coordinates"),
}

FAMILIES = re.compile(
    r"\b(?:(?P<drone>drones?|UAVs?)|(?P<glide_bomb>(?:glide|guided aerial|guided air) bombs?)|(?P<missile>missiles?)"
    r"|(?P<artillery>artillery|shell(?:s|ed|ing)|mortars?|MLRS))\b",
    re.IGNORECASE,
)
ALLOWED = {
    "air/drone strike": {"drone", "glide_bomb", "missile"},
    "shelling/artillery/missile attack": {"artillery", "missile"},
}
BALLISTIC = re.compile(r"\bballistic missiles?\b", re.IGNORECASE)
CRUISE = re.compile(r"\bcruise missiles?\b", re.IGNORECASE)

REQUIRED = (
    "event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
    "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
)  # fmt: skip
OPTIONAL = (
    "id", "year", "disorder_type", "assoc_actor_1", "inter1", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "admin2", "admin3", "source_scale", "tags", "timestamp", "actor_dyad",
    "event_id_no_cnty",
)  # fmt: skip


def convert(row: dict[str, str], ctx: Context) -> Event:
    """One ACLED row as a strike and its casualty report, or Skip."""
    country = row["country"].strip()
    if country.casefold() != "ukraine":
        raise Skip("not in Ukraine", f"country is {country or 'empty'!r}; only events in Ukraine are imported")
    event_type, sub_type = row["event_type"].strip(), row["sub_event_type"].strip()
    if not (
        event_type.casefold() == EXPLOSIONS
        or (event_type.casefold() == AGAINST_CIVILIANS and sub_type.casefold() == "attack")
    ):
        raise Skip(
            "not an attack",
            f"{event_type or '(no event_type)'} / {sub_type or '(no sub_event_type)'} is not an attack; strikes are "
            "Explosions/Remote violence and Violence against civilians: Attack",
        )
    ident = row["event_id_cnty"].strip()
    strike_id = event_id("acled", ident, "event_id_cnty")
    day = ctx.date(row["event_date"], "event_date")
    latitude, longitude = coordinates(row["latitude"], row["longitude"])
    city = row["location"].strip()
    if not city:
        raise Skip("no place name", "location is empty")

    notes = [f"ACLED event {ident} ({event_type}: {sub_type})."]
    text = row["notes"].strip()
    if text:
        excerpt = text
        notes.append("excerpt: ACLED's notes for the event.")
    else:
        excerpt, used = joined(row, ("sub_event_type", "actor1", "actor2", "location"))
        notes.append(f"excerpt: ACLED has no notes for this event; these are its fields {used}, verbatim.")
    if row["source"].strip():
        notes.append(f"ACLED's sources: {row['source'].strip()}.")

    time_code = count(row["time_precision"])
    if time_code in TIME:
        date_precision, meaning = TIME[time_code]
        if time_code != 1:
            notes.append(f"time_precision {time_code}: {meaning}.")
    else:
        date_precision = "month"
        notes.append(f"time_precision {row['time_precision'].strip()!r} is not 1, 2 or 3; marked month, the least precise.")
        ctx.warn(f"time_precision {row['time_precision'].strip()!r} is not 1, 2 or 3; the date is marked month")
    geo_code = count(row["geo_precision"])
    if geo_code in GEO:
        geo_precision, meaning = GEO[geo_code]
        notes.append(f"geo_precision {geo_code}: {meaning}.")
    else:
        geo_precision = "oblast"
        notes.append(f"geo_precision {row['geo_precision'].strip()!r} is not 1, 2 or 3; marked oblast, the least precise.")
        ctx.warn(f"geo_precision {row['geo_precision'].strip()!r} is not 1, 2 or 3; the place is marked oblast")

    actor1, actor2 = row["actor1"].strip(), row["actor2"].strip()
    actors, attacker = [], ""
    if actor1 and _one_sided(row):
        attacker = slug(actor1)
        actors.append({"actor_id": attacker, "name": actor1, "actor_type": _actor_type(row.get("inter1", ""))})
        notes.append(f"attacker: ACLED's actor1 ({actor1}); the other side is {actor2 or 'not named'}.")
    elif actor1:
        notes.append(
            f"attacker left empty: ACLED names {actor1} and {actor2}, and its actor order does not say who attacked."
        )
    weapon = _weapon(sub_type, text)
    if weapon != "unknown":
        notes.append(f"weapon {weapon}: the only weapon the notes name for this {sub_type}.")
    civilian = bool(row.get("civilian_targeting", "").strip()) or event_type.casefold() == AGAINST_CIVILIANS

    strike = {
        "strike_id": strike_id,
        "date": day,
        "date_precision": date_precision,
        "city": city,
        "oblast": row["admin1"].strip(),
        "latitude": latitude,
        "longitude": longitude,
        "geo_precision": geo_precision,
        "attacker": attacker,
        "weapon": weapon,
        "target_type": "civilian" if civilian else "unknown",
        "description": sub_type,
        "status": "claimed",
        "excerpt": excerpt,
        "notes": " ".join(notes),
    }
    casualty = {
        "report_id": f"{strike_id}-toll",
        "strike_id": strike_id,
        "reported_on": day,
        "population": "all",
        "claimant": "acled",
        "status": "claimed",
        "excerpt": excerpt,
    }
    toll_notes = []
    raw = row["fatalities"].strip()
    killed = count(raw)
    if killed is not None:
        casualty |= {
            "killed": str(killed),
            "killed_qualifier": "at_least",
            "killed_phrase": f"{killed} (ACLED fatalities, conservative estimate)",
        }
        toll_notes.append(
            "ACLED fatalities: one conservative count for the whole event (ACLED codes vague reports low, "
            "e.g. 'dozens' as 12), so at_least."
        )
    elif raw:
        toll_notes.append(f"ACLED fatalities {raw!r} is not a whole number; killed is left empty.")
        ctx.warn(f"fatalities {raw!r} is not a whole number; killed is left empty")
    else:
        toll_notes.append("ACLED gives no fatalities figure; killed is left empty.")
    toll_notes.append("reported_on is the event date: ACLED does not date its figures. No injured figure in ACLED.")
    casualty["notes"] = " ".join(toll_notes)
    return Event(strike, casualty, actors, day)


def published(row: dict[str, str], ctx: Context) -> str | None:
    """The day of ACLED's `timestamp` (seconds since 1970, UTC) for a row, if it has a readable one."""
    return _timestamp_day(row.get("timestamp", "").strip(), ctx.date_order)


@functools.lru_cache(maxsize=4096)
def _timestamp_day(value: str, date_order: str) -> str | None:
    if not value:
        return None
    seconds = count(value)
    if seconds is not None:
        try:
            return datetime.fromtimestamp(seconds, tz=timezone.utc).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    return parse_date(value, date_order).iso


def _one_sided(row: dict[str, str]) -> bool:
    actor2 = row["actor2"].strip()
    inter2 = row.get("inter2", "").strip().casefold()
    return not actor2 or inter2 in ("7", "civilians") or actor2.casefold().startswith("civilians")


def _actor_type(inter: str) -> str:
    return "state" if inter.strip().casefold() in ("1", "state forces") else "organisation"


def _weapon(sub_type: str, notes: str) -> str:
    allowed = ALLOWED.get(sub_type.casefold())
    if not allowed:
        return "unknown"
    found = {match.lastgroup for match in FAMILIES.finditer(notes)}
    if len(found) != 1 or not found <= allowed:
        return "unknown"
    family = found.pop()
    if family == "missile":
        ballistic, cruise = bool(BALLISTIC.search(notes)), bool(CRUISE.search(notes))
        if ballistic != cruise:
            return "ballistic_missile" if ballistic else "cruise_missile"
    return family


ACLED = Publisher(
    key="acled",
    name="ACLED",
    dataset="ACLED export",
    required=REQUIRED,
    optional=OPTIONAL,
    date_order=DAY_FIRST,
    actor={
        "actor_id": "acled",
        "name": "ACLED",
        "actor_type": "organisation",
        "aliases": "Armed Conflict Location & Event Data",
    },
    convert=convert,
    published=published,
    licence=(
        "ACLED's terms of use restrict redistribution: use this folder under your own ACLED licence and do not "
        "publish or share the data files."
    ),
)
