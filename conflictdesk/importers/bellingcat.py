"""Bellingcat's civilian-harm map export (JSON) as rows of `incidents.csv`.

Why a table of its own: Bellingcat records incidents of harm to civilians seen in verified footage —
strikes, but also shootings, mines and abuse — with no attacker and no toll. Calling every one a strike
would break the newsroom's rule 4, and the timeline of `events` has no coordinates; so each becomes an
incident, shown as Bellingcat words it and never added into strike or casualty totals.

Mapping, one line each:
- incident_id `bellingcat-<id>`. The export reuses a few ids for different incidents: the first keeps
  the plain id, a later different one gets `-<date>` added (and a warning); an exact repeat is skipped.
- date: `date`, read month-first (MM/DD/YYYY, the export's layout; --date-order day-first for a file
  re-saved the other way round); date_precision day.
- latitude/longitude as Bellingcat gives them; place: `location` verbatim, without trailing line
  breaks. geo_precision `city`: the export states no precision, and Bellingcat's points range from a
  geolocated building to a town centre, so nothing finer than the town is claimed.
- Points outside Ukraine (outside its extent, or inside a neighbour's outline more than 15 km from
  Ukraine's: `borders.py`) and the point 0,0 (no location) are skipped, each with its reason; a point
  just outside Ukraine's coarse outline, or at sea, is imported with a warning, never dropped.
- area_types / weapon_systems: the values of the filters "Type of area affected" / "Weapon System",
  verbatim (a `;` inside a value, the list separator, becomes `,` with a warning).
- content_warning: the bracketed warning(s) the description begins with ("[Graphic content]"), verbatim;
  the excerpt is the whole description, so the warning is also shown before the text.
- Items marked as sexual violence (the word "sexual" in the content warning or in a filter value) are
  left out unless --include-sexual-violence is given; the summary and the source's notes count them.
- links: source paths that are http(s) URLs; `HIDDEN` paths (graphic material Bellingcat hides) are
  counted in hidden_sources and never linked; other paths are counted in notes, not linked.
- No attacker and no casualty figures: the export has none, and none is read out of the description.
- status claimed: the incident as Bellingcat records it.
- Source row: publisher Bellingcat, url https://ukraine.bellingcat.com/, published_on the latest
  incident date; its notes carry the credit line and what was left out.
"""

import json
import re
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from conflictdesk.importers.borders import MARGIN_KM, locate
from conflictdesk.importers.cells import bare, file_day, visible_item
from conflictdesk.importers.common import OUT_OF_SCOPE, SUPERSEDED, Context, Skip, coordinates, event_id, slug
from conflictdesk.importers.dates import MONTH_FIRST
from conflictdesk.importers.folder import Refused
from conflictdesk.importers.tables import TableSummary, TableTarget

URL = "https://ukraine.bellingcat.com/"
CREDIT = f"Bellingcat, Civilian Harm in Ukraine ({URL})"
WARNING = re.compile(r"^\s*((?:\[[^\[\]\n]{1,300}\]\s*)+)")
WARNING_WORDS = re.compile(r"graphic|warning|disturbing|sensitive|content|violence|nsfw", re.IGNORECASE)
SEXUAL = re.compile(r"sexual", re.IGNORECASE)
AREA, WEAPON = "type of area affected", "weapon system"


def run(file: Path, out: Path, *, merge=False, date_order=None, include_sexual_violence=False) -> tuple[int, str]:
    """Import one export; return (exit code, the report to print)."""
    file, out, order = Path(file), Path(out), date_order or MONTH_FIRST
    try:
        items, encoding = read_items(file)
        summary = TableSummary("Bellingcat", file.name, str(out), merge, date_order=order, noun="incident")
        summary.unit = "item"  # an export may be one line of JSON: items are named by their place in the list
        summary.encoding = encoding
        summary.layout = f"a JSON list of {len(items):,} items; dates read {order}"
        source_id = f"bellingcat-file-{slug(file.stem, prefix='export')}"
        target = TableTarget(out, merge, "incidents", "Bellingcat", source_id, "bellingcat-file-")
        target.open()
    except Refused as refusal:
        return refusal.code, str(refusal)
    summary.merge = target.merging
    ctx = Context(order)
    rows, seen, latest = [], {}, ""
    for number, (line, item) in enumerate(items, start=1):
        summary.rows_read += 1
        ctx.line, ctx.warnings = number, visible_item(item)
        try:
            row = convert(item, ctx, include_sexual_violence)
            _distinct(row, item, number, seen, ctx)
            target.check(row["incident_id"], number)
        except Skip as skip:
            summary.skip(number, line, skip.reason, skip.message, skip.outcome)
            continue
        rows.append(row)
        summary.imported(None)
        latest = max(latest, row["date"])
        for message in ctx.warnings:
            summary.warn(number, line, message)
    if not include_sexual_violence and summary.reasons["marked as sexual violence"]:
        summary.events.append(
            "Items marked as sexual violence are left out by default; add --include-sexual-violence to import them."
        )
    left_out = "; ".join(f"{count:,} {reason}" for reason, count in summary.reasons.most_common()) or "nothing"
    source = {
        "source_id": source_id,
        "publisher": "Bellingcat",
        "title": f"Civilian Harm in Ukraine, map export {file.name}",
        "url": URL,
        "published_on": latest or file_day(file),
        "source_type": "dataset",
        "language": "en",
        "notes": (
            f"Imported with `python -m conflictdesk import bellingcat` from {file.name}: {summary.strikes:,} incidents "
            f"of {summary.rows_read:,} items. Left out: {left_out}. published_on is "
            f"{'the latest incident date' if latest else 'the file date (no incident imported)'}. Credit: {CREDIT} "
            "wherever this data is shown, exported or embedded; check Bellingcat's terms before republishing the data."
        ),
        "credit": CREDIT,
        "left_out_rows": str(summary.left_out_rows()),
        "left_out_deaths": "",  # the export gives no death figures: not 0
    }
    ok, report = target.finish(rows, source, [], summary.ledger(source_id, date.today().isoformat()))
    summary.replaced = {"incident": target.replaced}
    summary.validation, summary.written = report, ok
    return (0 if ok else 1), summary.text()


def read_items(file: Path) -> tuple[list[tuple[int, object]], str]:
    """(line where it starts, item) for each item of the export's top-level list, and the encoding label."""
    if not file.is_file():
        raise Refused(f"{file}: no such file" if not file.exists() else f"{file} is not a file")
    raw = file.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        bad_line = raw[: error.start].count(b"\n") + 1
        raise Refused(
            f"{file} is not UTF-8 (byte 0x{raw[error.start]:02X} on line {bad_line}); "
            "Bellingcat's export is UTF-8 JSON: download it again rather than re-saving it"
        ) from None
    encoding = "UTF-8 with byte-order mark" if raw.startswith(b"\xef\xbb\xbf") else "UTF-8"
    decoder, items = json.JSONDecoder(), []
    pos, line, counted = _space(text, 0), 1, 0
    if not text[pos:pos + 1] == "[":
        raise Refused(
            f"{file} is not Bellingcat's export: it should be a JSON list of incidents, "
            '[{"id": "CIV0001", "date": "03/13/2022", ...}, ...]'
        )
    pos = _space(text, pos + 1)
    try:
        while text[pos:pos + 1] != "]":
            line += text.count("\n", counted, pos)
            counted = pos
            item, pos = decoder.raw_decode(text, pos)
            items.append((line, item))
            pos = _space(text, pos)
            if text[pos:pos + 1] == ",":
                pos = _space(text, pos + 1)
            elif text[pos:pos + 1] != "]":
                raise json.JSONDecodeError("expected ',' or ']' after an item", text, pos)
    except json.JSONDecodeError as error:
        raise Refused(
            f"{file} is not valid JSON at line {error.lineno}, column {error.colno} ({error.msg}); nothing was imported. "
            "Download the export again: a file cut short or edited by hand often breaks here.",
            code=1,
        ) from None
    return items, encoding


def _space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos


def convert(item, ctx: Context, include_sexual_violence: bool) -> dict[str, str]:
    """One item of the export as an incidents row, or Skip."""
    if not isinstance(item, dict):
        raise Skip("not an incident", f"the item is a JSON {type(item).__name__}, not an incident object")
    raw_id = bare(item.get("id"))
    incident_id = event_id("bellingcat", raw_id, "id")
    day = ctx.date(bare(item.get("date")), "date")
    ctx.ambiguous.clear()  # month-first is the export's documented layout, not a guess
    lat_text, lon_text = bare(item.get("latitude")), bare(item.get("longitude"))
    if _is_zero(lat_text) and _is_zero(lon_text):
        raise Skip("no location (0,0)", "latitude 0, longitude 0 is no place: the export gives the incident no location")
    latitude, longitude = coordinates(lat_text, lon_text)
    _check_country(float(latitude), float(longitude), ctx)

    description = _text(item.get("description")).strip()
    match = WARNING.match(description)
    warning = match.group(1).strip() if match and WARNING_WORDS.search(match.group(1)) else ""
    areas, weapons, others = _filters(item.get("filters"), ctx)
    if SEXUAL.search(warning) or any(SEXUAL.search(value) for value in areas + weapons + others):
        if not include_sexual_violence:
            raise Skip("marked as sexual violence", "left out by default (--include-sexual-violence imports it)")
    links, hidden, unlinked = _sources(item.get("sources"), ctx)
    place = _text(item.get("location")).strip()

    notes = [f"Bellingcat incident {raw_id}."]
    if description:
        excerpt = description
    else:
        parts = [part for part in (place, "; ".join(areas), "; ".join(weapons)) if part]
        excerpt = " | ".join(parts) or f"{raw_id} {bare(item.get('date'))}"
        notes.append("The export has no description; the excerpt is its location, area type and weapon fields, verbatim.")
        ctx.warn("no description; the excerpt is the item's own fields")
    notes.append(
        "Located as Bellingcat locates it; the export states no precision, so no finer than the town is claimed."
    )
    if others:
        notes.append(f"Other filters: {'; '.join(others)}.")
    if hidden:
        notes.append(f"{hidden} source{'s' if hidden > 1 else ''} hidden by Bellingcat (graphic), not linked.")
    if unlinked:
        notes.append(f"{unlinked} source path{'s are' if unlinked > 1 else ' is'} not a web address and not linked.")
    notes.append("No attacker and no casualty figures: the export has none.")
    return {
        "incident_id": incident_id,
        "date": day,
        "date_precision": "day",
        "place": place,
        "latitude": latitude,
        "longitude": longitude,
        "geo_precision": "city",
        "area_types": ";".join(areas),
        "weapon_systems": ";".join(weapons),
        "content_warning": warning,
        "links": ";".join(links),
        "hidden_sources": str(hidden) if hidden else "",
        "status": "claimed",
        "excerpt": excerpt,
        "notes": " ".join(notes),
    }


def _check_country(latitude: float, longitude: float, ctx: Context) -> None:
    """Skip a point inside a neighbour's outline well away from Ukraine; warn for one just outside Ukraine's."""
    where, country, km = locate(latitude, longitude)
    if where == "abroad":
        raise Skip(
            "coordinates outside Ukraine",
            f"latitude {latitude:g}, longitude {longitude:g} lies in {country}, {km:.0f} km from Ukraine's border "
            "(by the Natural Earth outline)",
            OUT_OF_SCOPE,
        )
    if where == "near" and (country or km > MARGIN_KM):
        beyond = f"inside {country}'s outline" if country else "at sea"
        ctx.warn(f"the point lies {km:.0f} km outside Ukraine's outline ({beyond}); imported — the outline is coarse, check the place")


def _distinct(row: dict[str, str], item, number: int, seen: dict, ctx: Context) -> None:
    """Skip an exact repeat of an earlier item; give a reused id to a different incident a distinct one.
    `number`: the item's place in the export's list, from 1."""
    canonical = json.dumps(item, sort_keys=True, ensure_ascii=False)
    base = row["incident_id"]
    if base not in seen:
        seen[base] = (number, canonical)
        return
    first_number, first = seen[base]
    if canonical == first:
        raise Skip("repeated incident", f"repeats item {first_number} exactly", SUPERSEDED)
    ident, number = f"{base}-{row['date']}", 2
    while ident in seen:
        ident, number = f"{base}-{row['date']}-{number}", number + 1
    seen[ident] = (number, canonical)
    row["incident_id"] = ident
    original = base.removeprefix("bellingcat-")
    row["notes"] += f" Bellingcat uses the id {original} for another incident too (item {first_number} of the export)."
    ctx.warn(f"the id {original} is also used by item {first_number} for a different incident; imported as {ident}")


def _filters(filters, ctx: Context) -> tuple[list[str], list[str], list[str]]:
    areas, weapons, others = [], [], []
    for entry in filters if isinstance(filters, list) else []:
        if not isinstance(entry, dict):
            continue
        key, value = bare(entry.get("key")), _text(entry.get("value")).strip()
        if not value:
            continue
        if ";" in value:
            value = value.replace(";", ",")
            ctx.warn(f"the {key} value holds ';', the list separator; written with ',' instead")
        bucket = {AREA: areas, WEAPON: weapons}.get(key.casefold(), others)
        text = value if bucket is not others else f"{key}: {value}"
        if text not in bucket:
            bucket.append(text)
    return areas, weapons, others


def _sources(sources, ctx: Context) -> tuple[list[str], int, int]:
    links, hidden, unlinked = [], 0, 0
    for entry in sources if isinstance(sources, list) else []:
        path = bare(entry.get("path")) if isinstance(entry, dict) else ""
        if not path:
            continue
        if path.casefold() == "hidden":
            hidden += 1
            continue
        parts = urlsplit(path)
        if parts.scheme.lower() not in ("http", "https") or not parts.netloc or any(c.isspace() for c in path):
            unlinked += 1
            continue
        if ";" in path:
            path = path.replace(";", "%3B")
            ctx.warn("a source link holds ';', the list separator; written as %3B")
        if path not in links:
            links.append(path)
    return links, hidden, unlinked


def _text(value) -> str:
    return value if isinstance(value, str) else "" if value is None else str(value)


def _is_zero(text: str) -> bool:
    try:
        return float(text) == 0
    except ValueError:
        return False
