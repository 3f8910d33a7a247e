"""The public daily air-attack file (compiled from Ukraine's Air Force posts) as rows of `air_attacks.csv`.

One row of the file is one command's report of one period (usually a night) and one weapon model;
so is one row of the table. Mapping, one line each:
- period_start / period_end: `time_start` / `time_end` as `YYYY-MM-DD HH:MM` (hours zero-padded), or
  `YYYY-MM-DD` when the file gives no hour — an hour is never added. Spreadsheet re-saves with numeric
  dates are read month-first (--date-order day-first for the other way round). A row with no end, or
  an end before its start, is skipped.
- claimant: the command whose post `source` points to (`air_models.command`): the Air Force's page
  `kpszsu` is the Air Force; another page is a command named by its handle; an empty source is
  "Ukraine's Air Force (the reporting command is not named)". National and regional commands report
  overlapping events: they stay separate claimants and are never added together.
- weapon_model: `model` verbatim; weapon: its family where unambiguous (`air_models.family`).
- launched / destroyed / not_reached: `launched` / `destroyed` / `not_reach_goal`, floats read as whole
  counts ("93.0" → 93), qualifier exact, phrase "93 (launched 93.0)" keeping the file's cell; an empty
  or NaN cell stays empty (not reported, never 0). A cell that is not a whole number is left empty
  with a warning. destroyed above launched is kept as given, with a warning.
- target_area: `target` verbatim. notes: target_main, launch_place, still_attacking, the details
  columns (Python-dict text read as data, never executed) and the file's source path.
- reported_on: the day the period ends (the file does not date the post). status claimed.
- excerpt: the row's own cells, verbatim, as "column value | ...".
- report_id `aa-<period_end day>-<hash>` of command, period and model, so a re-import replaces it.
- Repeats: a row equal to an earlier one is skipped as an exact duplicate; a row with the same
  command, model (ignoring case, spacing and invisible characters) and counts as an earlier one whose
  period is the same or overlaps is skipped as a near duplicate; one with the same command, period and
  model but other counts is skipped as a conflicting repeat, with both counts in the summary (the first
  is kept); one whose period only overlaps, with other counts, is kept with a warning.
"""

import hashlib
import re
from datetime import date
from pathlib import Path

from conflictdesk.importers.air_models import command, described, family, literal
from conflictdesk.importers.cells import bare, file_day, visible
from conflictdesk.importers.common import SUPERSEDED, Skip, count, slug
from conflictdesk.importers.dates import MONTH_FIRST, parse_date, readings
from conflictdesk.importers.folder import Refused
from conflictdesk.importers.reading import (
    CP1252,
    UTF8,
    Export,
    Record,
    Unreadable,
    describe_delimiter,
    first_encoding,
    first_non_utf8,
)
from conflictdesk.importers.tables import TableSummary, TableTarget

REQUIRED = ("time_start", "time_end", "model", "launched", "destroyed")
OPTIONAL = (
    "not_reach_goal", "still_attacking", "launch_place", "target", "target_main", "source", "border_crossing",
    "affected region", "is_shahed", "num_hit_location", "num_fall_fragment_location", "carrier", "turbojet",
    "turbojet_destroyed", "launch_place_details", "target_details", "destroyed_details", "model_details",
)  # fmt: skip
FIGURES = (("launched", "launched"), ("destroyed", "destroyed"), ("not_reached", "not_reach_goal"))
EXCERPT_COLUMNS = ("time_start", "time_end", "model", "launched", "destroyed", "not_reach_goal", "target", "source")
MOMENT = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?$")
CLOCK = re.compile(r"(\d{1,2}):(\d{2})(?::\d{2})?\s*([AaPp][Mm])?$")
TITLE = "Daily air-attack reports (compiled from Ukraine's Air Force posts)"


def run(file: Path, out: Path, *, merge=False, date_order=None, compiler=None) -> tuple[int, str]:
    """Import one file; return (exit code, the report to print)."""
    file, out, order = Path(file), Path(out), date_order or MONTH_FIRST
    # Named as the source row names it: the compiler credited with --compiler, else the file's title.
    summary = TableSummary(compiler or "The air-attack file", file.name, str(out), merge, date_order=order,
                           noun="air-attack report")
    try:
        if not file.is_file():
            raise Refused(f"{file}: no such file" if not file.exists() else f"{file} is not a file")
        encoding = first_encoding(file)
        if encoding == UTF8 and (bad := first_non_utf8(file)):
            encoding = CP1252
            summary.events.append(
                f"The file is not UTF-8 (byte 0x{bad[1]:02X} on text line {bad[0]}), so it was read as Windows-1252."
            )
        with Export(file, encoding, set(REQUIRED) | set(OPTIONAL)) as export:
            missing = [name for name in REQUIRED if name not in export.header]
            if missing:
                raise Refused(
                    f"{file} is not the daily air-attack file: its header lacks {', '.join(missing)} (it starts: "
                    f"{', '.join(name or '(empty)' for name in export.header[:8])})."
                )
            summary.encoding = encoding.label
            summary.layout = describe_delimiter(export.delimiter)
            source_id = f"air-attacks-file-{slug(file.stem, prefix='file')}"
            target = TableTarget(out, merge, "air_attacks", compiler or TITLE, source_id, "air-attacks-file-")
            target.open()
            rows, actors, numeric = _convert(export, target, summary, order)
            if numeric:  # the file's own `YYYY-MM-DD HH:MM` has no order of day and month to report
                summary.layout += f"; numeric dates read {order}"
    except (Refused, Unreadable) as refusal:
        return getattr(refusal, "code", 2), str(refusal)
    except UnicodeDecodeError as error:
        return 1, f"{file}: cannot be decoded ({error.reason}); save it as UTF-8 and import it again"
    summary.merge = target.merging
    latest = max((row["reported_on"] for row in rows), default="")
    left_out = "; ".join(f"{n:,} {reason}" for reason, n in summary.reasons.most_common()) or "nothing"
    source = {
        "source_id": source_id,
        "publisher": compiler or TITLE,
        "title": f"{TITLE}: {file.name}",
        "published_on": latest or file_day(file),
        "source_type": "dataset",
        "notes": (
            f"Imported with `python -m conflictdesk import air-attacks` from {file.name}: {summary.strikes:,} reports of "
            f"{summary.rows_read:,} rows. Left out: {left_out}. The figures are the reporting commands' claims; the "
            f"file's compiler is {'credited as publisher' if compiler else 'not named in the file (name it with --compiler)'}."
        ),
        "left_out_rows": str(summary.left_out_rows()),
        "left_out_deaths": "",  # the file gives no death figures: not 0
    }
    if not compiler:
        summary.events.append("The file's compiler is not named in it: add --compiler NAME so the source row credits them.")
    ok, report = target.finish(rows, source, actors, summary.ledger(source_id, date.today().isoformat()))
    summary.actors_added = target.actors_added
    summary.replaced = {"air-attack report": target.replaced}
    summary.validation, summary.written = report, ok
    return (0 if ok else 1), summary.text()


def _convert(export: Export, target: TableTarget, summary: TableSummary, order: str):
    """(rows, actors, whether any date cell was numeric with an order of day and month that mattered)."""
    rows, actors, seen_raw, seen_key, numeric = [], {}, {}, {}, False
    for record in export.records():
        summary.rows_read += 1
        if not isinstance(record, Record):
            summary.skip(record[0], record[1], "unreadable row", record[2])
            continue
        if not any(cell.strip() for cell in record.cells):
            summary.skip(record.line, record.text_line, "blank row", "the row is empty")
            continue
        cells = record.cells
        # reversed, so that of two columns with one name the first wins
        row = {name: (cells[i] if i < len(cells) else "") for i, name in reversed(list(enumerate(export.header))) if name}
        warnings: list[str] = visible(row)
        try:
            raw = tuple(record.cells)
            if raw in seen_raw:
                raise Skip("exact duplicate", f"repeats line {seen_raw[raw]} exactly", SUPERSEDED)
            seen_raw[raw] = record.line
            report, actor = convert(row, order, warnings)
            numeric = numeric or any(readings(CLOCK.sub("", bare(row.get(name) or "")).strip()) for name in ("time_start", "time_end"))
            _repeats(report, record.line, seen_key, warnings)
            target.check(report["report_id"], record.line)
        except Skip as skip:
            summary.skip(record.line, record.text_line, skip.reason, skip.message, skip.outcome)
            continue
        rows.append(report)
        actors.setdefault(actor["actor_id"], actor)
        summary.imported(None)
        for message in warnings:
            summary.warn(record.line, record.text_line, message)
    return rows, list(actors.values()), numeric


def _repeats(report: dict[str, str], line: int, seen: dict, warnings: list[str]) -> None:
    """Skip a report that repeats an earlier one of the same command and model; warn when one only overlaps it.

    Same period (as read) and counts: a near duplicate. Same period, other counts: a conflicting repeat (the
    first is kept). Overlapping periods with the same counts: a near duplicate (the same post entered twice
    with its times written differently); with other counts both are kept, with a warning, as the command
    may have reported twice and its figures may overlap."""
    key = (report["claimant"], _squash(report["weapon_model"]))
    start, end = _bounds(report["period_start"], report["period_end"])
    figures = tuple(report[name] for name, _ in FIGURES)
    for earlier in seen.setdefault(key, []):
        e_line, e_start, e_end, e_figures, e_period = earlier
        if not (start < e_end and e_start < end or (start, end) == (e_start, e_end)):
            continue
        same_period = e_period == (report["period_start"], report["period_end"])
        if e_figures == figures:
            how = "period" if same_period else "overlapping period"
            raise Skip("near duplicate", f"repeats line {e_line}: same command, {how}, model and counts, written differently",
                       SUPERSEDED)
        shown = "; ".join(
            f"{name} {a or 'empty'} vs {b or 'empty'}" for (name, _), a, b in zip(FIGURES, e_figures, figures) if a != b
        )
        if same_period:
            raise Skip(
                "conflicting repeat",
                f"same command, period and model as line {e_line} but other counts ({shown}); line {e_line} is kept: "
                "check the command's post",
            )
        warnings.append(
            f"the period overlaps line {e_line} (same command and model, other counts: {shown}); both kept — their "
            "figures may overlap"
        )
    seen[key].append((line, start, end, figures, (report["period_start"], report["period_end"])))


def _bounds(start: str, end: str) -> tuple[str, str]:
    """A period as comparable text; a day without an hour counts from its 00:00, so nights given only as days
    (9-10 February, 10-11 February) touch without overlapping."""
    return (start if len(start) > 10 else f"{start} 00:00"), (end if len(end) > 10 else f"{end} 00:00")


def convert(row: dict[str, str], order: str, warnings: list[str]) -> tuple[dict[str, str], dict[str, str]]:
    """One row of the file as an air_attacks row and its claimant actor, or Skip."""
    start = moment(row["time_start"], "time_start", order)
    if not bare(row["time_end"]):
        raise Skip("no period end", "time_end is empty: the period's end is unknown")
    end = moment(row["time_end"], "time_end", order)
    if end[:10] < start[:10] or (len(end) == len(start) and end < start):
        raise Skip("bad period", f"time_end {end} is before time_start {start}")
    claimant, command_name, handle = command(row.get("source", ""))
    model = row["model"].strip()
    weapon, why = family(model)
    if weapon == "unknown" and count(bare(row.get("is_shahed", ""))) == 1 and not why.startswith("the label joins"):
        weapon, why = "drone", "is_shahed is 1"
    report = {
        "report_id": f"aa-{end[:10]}-{_digest(claimant, start, end, _squash(model))}",
        "period_start": start,
        "period_end": end,
        "claimant": claimant,
        "weapon_model": model,
        "weapon": weapon,
        "target_area": row.get("target", "").strip(),
        "status": "claimed",
        "reported_on": end[:10],
        "excerpt": " | ".join(f"{col} {row[col].strip()}" for col in EXCERPT_COLUMNS if bare(row.get(col, ""))),
    }
    for name, column in FIGURES:
        text = bare(row.get(column, ""))
        number = count(text) if text.casefold() not in ("", "nan", "none") else None
        if number is None and text.casefold() not in ("", "nan", "none"):
            warnings.append(f"{column} {text!r} is not a whole number; {name} is left empty")
        report[name] = "" if number is None else str(number)
        report[f"{name}_qualifier"] = "" if number is None else "exact"
        phrase = str(number) if text == str(number) else f"{number} ({column} {text})"
        report[f"{name}_phrase"] = "" if number is None else phrase
    if report["launched"] and report["destroyed"] and int(report["destroyed"]) > int(report["launched"]):
        warnings.append(
            f"destroyed {report['destroyed']} is more than launched {report['launched']}; kept as the file gives them"
        )
    if handle and handle != command_name:
        by = f"{command_name} (page {handle})"
    else:
        by = f"the command posting on the page {handle}" if handle else command_name
    notes = [f"Reported by {by}; reported_on is the day the period ends."]
    if weapon == "unknown" or why:
        notes.append(f"weapon {weapon}: {why}." if why else "")
    for column in ("target_main", "launch_place", "still_attacking", "carrier"):
        if bare(row.get(column, "")) and bare(row.get(column, "")).casefold() != "nan":
            notes.append(f"{column}: {row[column].strip()}.")
    for column in ("border_crossing", "affected region", "launch_place_details", "target_details", "destroyed_details"):
        text = row.get(column, "").strip()
        if text and text.casefold() != "nan":
            value = literal(text)
            notes.append(f"{column}: {described(value) if value is not None else text}.")
    if bare(row.get("source", "")):
        notes.append(f"Post: {row['source'].strip()}.")
    report["notes"] = " ".join(note for note in notes if note)
    actor = {"actor_id": claimant, "name": command_name, "actor_type": "official_body"}
    return report, actor


def moment(value: str, column: str, order: str) -> str:
    """`YYYY-MM-DD HH:MM`, or `YYYY-MM-DD` when the cell has no hour; Skip when it is not a date."""
    text = bare(value)
    if not text:
        raise Skip("bad date", f"{column} is empty")
    if match := MOMENT.match(text):
        year, month, day, hour, minute = match.groups()
        parsed = parse_date(f"{year}-{month}-{day}")
    else:
        clock = CLOCK.search(text)
        parsed = parse_date(text, order)
        hour, minute = (clock.group(1), clock.group(2)) if clock else (None, None)
        if clock and clock.group(3):
            hour = str(int(hour) % 12 + (12 if clock.group(3).lower() == "pm" else 0))
    if parsed.iso is None:
        raise Skip("bad date", f"{column}: {parsed.problem}")
    if hour is None:
        return parsed.iso
    if int(hour) > 23 or int(minute) > 59:
        raise Skip("bad date", f"{column} {text!r} has no such time of day")
    return f"{parsed.iso} {int(hour):02d}:{minute}"


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:10]


def _squash(text: str) -> str:
    return " ".join(bare(text).casefold().split())
