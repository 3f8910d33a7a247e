"""UCDP Georeferenced Event Dataset (GED) files (CSV, or the API's JSON pages) as events with one casualty
report each.

What is imported: every event in Ukraine (`country`), of all three types of violence, as event_kind
`state_based`, `non_state` or `one_sided` (`kinds.py`) — never as strikes: GED records fatal events and does
not tell strikes from ground fighting. type_of_violence is kept verbatim in publisher_type. Events UCDP
locates only to the country or to international waters or airspace (`where_prec` 6 or 7) are left out and
counted with their best-estimate deaths: the map needs a place.

Mapping, one line each:
- strike_id `ucdp-<id>` (a float id `453579.0` is `453579`); casualty report `ucdp-<id>-toll`.
- the window as UCDP gives it: date_first `date_start`, date_last `date_end`; date is `date_end` (the latest
  day it can be). date_precision from `date_prec`: 1 → day, 2–3 → week, 4–5 → month, widened when the
  window is wider (the window, not the precision, is what the pages must say).
- city: `where_coordinates`, else `adm_2`, else `adm_1`; oblast: `adm_1`; district: `adm_2`, verbatim. geo_precision from
  `where_prec`: 1 → city; 2–4 → oblast; 5 (an area larger than an oblast, e.g. "Donbas", or a line) → region, never a place.
- attacker: `side_a` only for one-sided violence (type 3), where side A is the perpetrator; for types 1 and
  2 UCDP records a dyad, not who attacked. Actor rows and types follow `kinds.actor_rows` (a side with a
  Gleditsch–Ward number `gwnoa` is coded a state).
- weapon unknown (GED does not record it); target_type civilian for type 3, else unknown.
  description: `dyad_name`. status: claimed.
- excerpt: UCDP's descriptive fields, each labelled with its column name and verbatim —
  "where_description: …  | source_headline: … | source_article: …" — leaving out a field that is empty,
  "-" or a single word (a surname from a memorial list says nothing about the event); with none left, the
  fields dyad_name, where_coordinates and adm_1, labelled the same way.
- casualties: UCDP's three estimates as given: killed = `best` (qualifier `estimate`), killed_low = `low`,
  killed_high = `high`, phrase "best 12 (low 10, high 15)". A row with best outside low–high is imported
  as given, never corrected, and source_inconsistency says so ("best 396 is above high 0").
- the source carries the release version (from --release, the file name `GEDEvent_v24_1.csv` or the API's
  page URL) and release date (--released), the CC BY 4.0 licence, the credit line and "changed: selected
  events"; published_on is the release date when given, else the latest date_end in the file.
"""

import re
from datetime import date

from conflictdesk.importers.common import OUT_OF_SCOPE, Context, Event, Publisher, Skip, coordinates, count, event_id
from conflictdesk.importers.dates import MONTH_FIRST
from conflictdesk.importers.kinds import UCDP_NAMES, actor_rows, ucdp_kind

DESCRIPTIVE = ("where_description", "source_headline", "source_article")
FALLBACK = ("dyad_name", "where_coordinates", "adm_1")

WHERE = {
    1: ("city", "UCDP has the exact place; the coordinates are that place's"),
    2: ("oblast", "UCDP places it within about 25 km of this point"),
    3: ("oblast", "UCDP knows only the district (second-order division)"),
    4: ("oblast", "UCDP knows only the oblast (first-order division)"),
    5: ("region", "UCDP knows only an area larger than an oblast or a line (a road, river, border or front line), "
           "not a place"),
}
DATE_PREC = {1: "day", 2: "week", 3: "week", 4: "month", 5: "month"}
WIDTH = {"day": 0, "week": 6, "month": 30}  # days before `date` the event may be, per precision

REQUIRED = (
    "id", "type_of_violence", "dyad_name", "side_a", "side_b", "country", "where_prec", "where_coordinates",
    "where_description", "adm_1", "latitude", "longitude", "date_prec", "date_start", "date_end", "best", "low",
    "high", "source_headline",
)  # fmt: skip
OPTIONAL = (
    "relid", "year", "active_year", "code_status", "conflict_dset_id", "conflict_new_id", "conflict_name",
    "dyad_dset_id", "dyad_new_id", "side_a_dset_id", "side_a_new_id", "side_b_dset_id", "side_b_new_id",
    "number_of_sources", "source_article", "source_office", "source_date", "source_original", "adm_2", "geom_wkt",
    "priogrid_gid", "country_id", "region", "event_clarity", "deaths_a", "deaths_b", "deaths_civilians",
    "deaths_unknown", "gwnoa", "gwnob",
)  # fmt: skip


def convert(row: dict[str, str], ctx: Context) -> Event:
    """One GED row as an event and its casualty report, or Skip."""
    country = row["country"].strip()
    if country.casefold() != "ukraine":
        raise Skip(
            "not in Ukraine", f"country is {country or 'empty'!r}; only events in Ukraine are imported", OUT_OF_SCOPE
        )
    ident = row["id"].strip()
    strike_id = event_id("ucdp", ident, "id")
    start_text, end_text = row["date_start"].strip(), row["date_end"].strip()
    if not start_text and not end_text:
        raise Skip("bad date", "date_start and date_end are empty")
    start = ctx.date(start_text, "date_start") if start_text else None
    end = ctx.date(end_text, "date_end") if end_text else start
    start = start or end
    if end < start:
        raise Skip("bad date", f"date_end {end} is before date_start {start}")
    where = count(row["where_prec"])
    if where in (6, 7):
        place = "only the country" if where == 6 else "international waters or airspace"
        raise Skip(
            "located only to the country or at sea", f"where_prec {where}: UCDP gives {place}; the map needs a place"
        )
    latitude, longitude = coordinates(row["latitude"], row["longitude"])
    city = next((row.get(name, "").strip() for name in ("where_coordinates", "adm_2", "adm_1") if row.get(name, "").strip()), "")
    if not city:
        raise Skip("no place name", "where_coordinates, adm_2 and adm_1 are empty")

    violence = count(row["type_of_violence"])
    kind = ucdp_kind(violence)
    if kind is None:
        raise Skip("unknown type of violence", f"type_of_violence {row['type_of_violence'].strip()!r} is not 1, 2 or 3")
    dyad = row["dyad_name"].strip()
    notes = [f"UCDP GED event {ident} (type_of_violence {violence}, {UCDP_NAMES[violence]}: {dyad})."]
    excerpt, used = described(row, DESCRIPTIVE)
    if excerpt:
        notes.append(f"excerpt: UCDP's descriptive fields {used}, verbatim, each labelled with its column name.")
    else:
        excerpt, used = described(row, FALLBACK, words=1)
        notes.append(f"excerpt: UCDP gives no descriptive text; these are its fields {used}, labelled, verbatim.")
    if row.get("source_office", "").strip():
        notes.append(f"UCDP's sources: {row['source_office'].strip()}.")

    date_precision = DATE_PREC.get(count(row["date_prec"]) or 0)
    span = (date.fromisoformat(end) - date.fromisoformat(start)).days
    by_span = "day" if span == 0 else "week" if span <= WIDTH["week"] else "month"
    if date_precision is None:
        date_precision = by_span
        notes.append(f"date_prec {row['date_prec'].strip()!r} is not 1-5; precision from the dates.")
    elif WIDTH[by_span] > WIDTH[date_precision]:
        date_precision = by_span
    if span:
        notes.append(f"UCDP dates it {start} to {end} (date_prec {row['date_prec'].strip()}): date_first to "
                     "date_last; date is the last day.")  # fmt: skip
    if where in WHERE:
        geo_precision, meaning = WHERE[where]
        notes.append(f"where_prec {where}: {meaning}.")
    else:
        geo_precision = "oblast"
        notes.append(f"where_prec {row['where_prec'].strip()!r} is not 1-5; marked oblast, the least precise.")
        ctx.warn(f"where_prec {row['where_prec'].strip()!r} is not 1-5; the place is marked oblast")

    side_a = row["side_a"].strip()
    actors, attacker = [], ""
    if violence == 3 and side_a:
        actors = actor_rows(side_a, "ucdp", bool(row.get("gwnoa", "").strip()))
        attacker = actors[0]["actor_id"]
        notes.append(f"attacker: UCDP's side_a ({side_a}), the perpetrator of one-sided violence.")
    else:
        notes.append("attacker left empty: UCDP records the sides of the dyad, not who attacked.")

    strike = {
        "strike_id": strike_id,
        "date": end,
        "date_precision": date_precision,
        "city": city,
        "oblast": row["adm_1"].strip(),
        "latitude": latitude,
        "longitude": longitude,
        "geo_precision": geo_precision,
        "attacker": attacker,
        "weapon": "unknown",
        "target_type": "civilian" if violence == 3 else "unknown",
        "description": dyad,
        "status": "claimed",
        "excerpt": excerpt,
        "notes": " ".join(notes),
        "event_kind": kind,
        "publisher_type": str(violence),
        "publisher_subtype": "",
        "date_first": start,
        "date_last": end,
        "district": row.get("adm_2", "").strip(),
    }
    figures: dict[str, str] = {}
    toll_notes = _toll(row, figures, ctx)
    casualty = {
        "report_id": f"{strike_id}-toll",
        "strike_id": strike_id,
        "reported_on": end,
        "population": "all",
        **figures,
        "claimant": "ucdp",
        "status": "claimed",
        "excerpt": excerpt,
        "notes": toll_notes,
    }
    return Event(strike, casualty, actors, end)


def _toll(row: dict[str, str], figures: dict[str, str], ctx: Context) -> str:
    """Fill killed, its qualifier and phrase from best/low/high; return the casualty notes."""
    raw = {name: row[name].strip() for name in ("best", "low", "high")}
    value = {name: count(text) for name, text in raw.items()}
    notes = []
    for name, text in raw.items():
        if text and value[name] is None:
            notes.append(f"UCDP {name} {text!r} is not a whole number and is not used.")
            ctx.warn(f"{name} {text!r} is not a whole number and is not used")
    best, low, high = value["best"], value["low"], value["high"]
    if best is None:
        notes.append("UCDP gives no usable best estimate; killed is left empty.")
        return " ".join(notes)
    bounds = ", ".join(f"{name} {value[name]}" for name in ("low", "high") if value[name] is not None)
    figures |= {
        "killed": str(best),
        "killed_qualifier": "estimate",
        "killed_phrase": f"best {best} ({bounds})" if bounds else f"best {best}",
        "killed_low": "" if low is None else str(low),
        "killed_high": "" if high is None else str(high),
    }
    notes.append("UCDP's best estimate of all deaths in the event, with its low and high estimates as given.")
    broken = []
    if low is not None and low > best:
        broken.append(f"best {best} is below low {low}")
    if high is not None and best > high:
        broken.append(f"best {best} is above high {high}")
    if low is not None and high is not None and low > high and not broken:
        broken.append(f"low {low} is above high {high}")
    parts = [row.get(column, "").strip() for column in ("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown")]
    if all(part.isdigit() for part in parts) and sum(map(int, parts)) != best:  # the codebook: best is their sum
        broken.append(f"its split (side A, side B, civilians, unknown) adds up to {sum(map(int, parts))}, not best {best}")
    if broken:
        figures["source_inconsistency"] = f"UCDP's figures contradict each other: {'; '.join(broken)}"
        notes.append(f"UCDP's figures break low ≤ best ≤ high ({'; '.join(broken)}); imported as UCDP gives them, not corrected.")
        ctx.warn(f"{'; '.join(broken)} — imported as UCDP gives them (see the casualty notes)")
    split = [
        f"{label} {row[column].strip()}"
        for column, label in (("deaths_a", "side A"), ("deaths_b", "side B"), ("deaths_civilians", "civilians"), ("deaths_unknown", "unknown"))
        if row.get(column, "").strip()
    ]
    if split:
        notes.append(f"UCDP splits best as {', '.join(split)}.")
    notes.append("reported_on is date_end: UCDP does not date its figures. No injured figure in UCDP.")
    return " ".join(notes)


def published(row: dict[str, str], ctx: Context) -> str | None:
    """GED rows carry no timestamp of their own."""
    return None


def deaths(row: dict[str, str]) -> int | None:
    """UCDP's best estimate for a row, if it is a whole number."""
    return count(row.get("best", "").strip())


def described(row: dict[str, str], columns: tuple[str, ...], words: int = 2) -> tuple[str, str]:
    """'column: value | …' of the columns whose value has at least `words` words, and the columns used."""
    used = [name for name in columns if len(re.findall(r"\w+", row.get(name, ""))) >= words]
    return " | ".join(f"{name}: {row[name].strip()}" for name in used), ", ".join(used)


UCDP = Publisher(
    key="ucdp",
    name="UCDP",
    dataset="UCDP GED export",
    required=REQUIRED,
    optional=OPTIONAL,
    date_order=MONTH_FIRST,
    actor={
        "actor_id": "ucdp",
        "name": "UCDP",
        "actor_type": "organisation",
        "aliases": "Uppsala Conflict Data Program",
    },
    convert=convert,
    published=published,
    deaths=deaths,
    licence=(
        "UCDP Georeferenced Event Dataset, licensed CC BY 4.0: credit UCDP (Uppsala Conflict Data Program) "
        "wherever its data is shown."
    ),
    terms={
        "licence": "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)",
        "credit": "UCDP Georeferenced Event Dataset (GED) Global version {version}, Uppsala Conflict Data Program",
        "changes": "changed: selected events (Ukraine, located below the country), converted to the Conflict Desk contract",
        "redistribution": "allowed",
    },
)
