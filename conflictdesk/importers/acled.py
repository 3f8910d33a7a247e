"""ACLED exports (the 2023+ column layout, older ones without disorder_type, civilian_targeting or tags,
and the API's JSON) as events with one casualty report each.

What is imported: events in Ukraine (`country`) of the kinds in `kinds.py` — strikes (Air/drone strike,
Shelling/artillery/missile attack, Remote explosive/landmine/IED) and other attacks (other Explosions/Remote
violence, Violence against civilians: Attack), each keeping ACLED's event_type and sub_event_type verbatim.
Every other event type is left out, counted by type with the fatalities it held.

Mapping, one line each:
- strike_id `acled-<event_id_cnty>`; casualty report `acled-<event_id_cnty>-toll`.
- date: `event_date` (any layout in `dates.py`; the order of day and month in numeric dates comes from the
  file's own evidence, see `job.py`). date_precision from `time_precision`: 1 → day, 2 → week, 3 → month.
  The window ACLED gives: 1 → that day; 2 → the coded date lies inside a week (ACLED codes its middle), so
  date_first/date_last are 6 days either side; 3 → the calendar month of the coded date.
- city: `location`; oblast: `admin1`; district: `admin2`, verbatim. Coordinates as ACLED gives them; a row without both is
  left out. geo_precision from ACLED's `geo_precision`: 1 → city; 2 and 3 → oblast (never more precise than
  ACLED knows it).
- attacker: `actor1` only when the event is one-sided — `actor2` empty or civilians — because ACLED states
  that actor order does not imply who attacked. Actor rows and types follow `kinds.actor_rows`.
- weapon: set only when the sub-event type allows it and the notes name a single weapon family.
- target_type civilian when `civilian_targeting` is set (or Violence against civilians), else unknown.
  description: `sub_event_type`. status: claimed. publisher_timestamp: `timestamp`.
- excerpt: ACLED's `notes`, verbatim (the casualty report's excerpt: the notes' sentences about the toll —
  e.g. "According to Russian sources, up to 30 ... killed" — verbatim, else the whole notes).
- casualties: ACLED's `fatalities` is its coded count, "a conservative estimate of reported fatalities"
  (ACLED codebook): killed = fatalities, qualifier `estimate` (never `at_least`: ACLED takes the lowest of
  differing reports, and the reports may say "up to"), phrase "30 (ACLED's coded fatalities)". 0 is not a
  figure: ACLED codes 0 both for "none reported" and for an unknown toll, so killed stays empty and
  killed_blank_phrase says "no fatalities reported (ACLED codes 0 for none and for unknown)".
- the source's published_on is the latest `timestamp` in the file, else the latest event date.
"""

import calendar
import functools
import re
from datetime import date, datetime, timedelta, timezone

from conflictdesk.i18n import N_
from conflictdesk.importers.common import OUT_OF_SCOPE, Context, Event, Publisher, Skip, coordinates, count, event_id, joined
from conflictdesk.importers.dates import DAY_FIRST, parse_date
from conflictdesk.importers.kinds import ACLED_AGAINST_CIVILIANS as AGAINST_CIVILIANS
from conflictdesk.importers.kinds import acled_kind, actor_rows
from conflictdesk.importers.weapons import weapon as _weapon

CODED = "(ACLED's coded fatalities)"
NO_FATALITIES = N_("no fatalities reported (ACLED codes 0 for none and for unknown)")  # data; marked: translated when shown
SENTENCE = re.compile(r"(?<=[.!?])\s+")
TOLL = re.compile(r"\b(?:kill\w*|dead|deaths?|died|fatalit\w*|casualt\w*|bodies|body)\b", re.IGNORECASE)

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
    """One ACLED row as an event and its casualty report, or Skip."""
    country = row["country"].strip()
    if country.casefold() != "ukraine":
        raise Skip(
            "not in Ukraine", f"country is {country or 'empty'!r}; only events in Ukraine are imported", OUT_OF_SCOPE
        )
    event_type, sub_type = row["event_type"].strip(), row["sub_event_type"].strip()
    kind = acled_kind(event_type, sub_type)
    if kind is None:
        raise Skip(
            f"ACLED {event_type or '(no event_type)'}",
            f"{event_type or '(no event_type)'} / {sub_type or '(no sub_event_type)'} is neither a strike nor "
            "another attack (see conflictdesk/importers/kinds.py)",
        )
    ident = row["event_id_cnty"].strip()
    strike_id = event_id("acled", ident, "event_id_cnty")
    stamp = count(row.get("timestamp", "").strip()) if row.get("timestamp", "").strip() else None
    day = ctx.date(row["event_date"], "event_date", latest=published(row, ctx))
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
    first, last = window(day, date_precision)
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
        actors = actor_rows(actor1, "acled", _state_code(row.get("inter1", "")))
        attacker = actors[0]["actor_id"]
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
        "event_kind": kind,
        "publisher_type": event_type,
        "publisher_subtype": sub_type,
        "date_first": first,
        "date_last": last,
        "publisher_timestamp": "" if stamp is None else str(stamp),
        "district": row.get("admin2", "").strip(),
    }
    casualty = {
        "report_id": f"{strike_id}-toll",
        "strike_id": strike_id,
        "reported_on": day,
        "population": "all",
        "claimant": "acled",
        "status": "claimed",
        "excerpt": toll_words(text) or excerpt,
    } | _toll(row["fatalities"].strip(), ctx)
    return Event(strike, casualty, actors, day, stamp)


def _toll(raw: str, ctx: Context) -> dict[str, str]:
    """killed, its qualifier, phrase, blank phrase and notes from ACLED's `fatalities` cell."""
    killed = count(raw)
    notes = []
    figures: dict[str, str] = {}
    if killed:
        figures = {"killed": str(killed), "killed_qualifier": "estimate", "killed_phrase": f"{killed} {CODED}"}
        notes.append(
            f"ACLED fatalities {killed}: ACLED's coded count, a conservative estimate of reported fatalities (it "
            "takes the lowest of differing reports and codes vague words low), so qualifier estimate, never at_least; "
            "the claim words are in the excerpt."
        )
    elif killed == 0:
        figures = {"killed_blank_phrase": NO_FATALITIES}
        notes.append("ACLED fatalities 0: ACLED codes 0 both when none were reported and when the toll is unknown, "
                     "so killed is left empty.")  # fmt: skip
    elif raw:
        notes.append(f"ACLED fatalities {raw!r} is not a whole number; killed is left empty.")
        ctx.warn(f"fatalities {raw!r} is not a whole number; killed is left empty")
    else:
        notes.append("ACLED gives no fatalities figure; killed is left empty.")
    notes.append("reported_on is the event date: ACLED does not date its figures. No injured figure in ACLED.")
    return figures | {"notes": " ".join(notes)}


def toll_words(notes: str) -> str:
    """The sentences of ACLED's notes about the toll, verbatim ('... up to 30 ... killed.'), joined by ' … '."""
    sentences = [part for part in SENTENCE.split(notes) if TOLL.search(part)]
    return " … ".join(sentences)


def window(day: str, precision: str) -> tuple[str, str]:
    """First and last possible day of an ACLED date: the day; 6 days either side (week); its calendar month."""
    when = date.fromisoformat(day)
    if precision == "week":
        return (when - timedelta(days=6)).isoformat(), (when + timedelta(days=6)).isoformat()
    if precision == "month":
        last = calendar.monthrange(when.year, when.month)[1]
        return when.replace(day=1).isoformat(), when.replace(day=last).isoformat()
    return day, day


def deaths(row: dict[str, str]) -> int | None:
    """ACLED's fatalities for a row, if it is a whole number above 0 (0 is no figure, as in the casualties)."""
    return count(row.get("fatalities", "").strip()) or None


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


def _state_code(inter: str) -> bool:
    return inter.strip().casefold() in ("1", "state forces")


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
    deaths=deaths,
    licence=(
        "ACLED's terms of use restrict redistribution: use this folder under your own ACLED licence and do not "
        "publish or share the data files."
    ),
    terms={
        "licence": "ACLED Terms of Use (attribution required; redistribution of the data restricted)",
        "credit": "Armed Conflict Location & Event Data (ACLED); www.acleddata.com",
        "changes": "changed: selected events (strikes and other attacks in Ukraine), converted to the Conflict Desk contract",
        "redistribution": "restricted",
    },
)
