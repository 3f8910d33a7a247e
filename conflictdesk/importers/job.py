"""One import, start to end: open the export, convert each row, write the folder, report."""

import re
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import TextIO

from conflictdesk.importers.acled import ACLED
from conflictdesk.importers.apijson import JsonExport, is_json
from conflictdesk.importers.cells import visible
from conflictdesk.importers.kinds import STRIKE
from conflictdesk.importers.common import Context, Publisher, Skip, slug
from conflictdesk.importers.credit import Credit, credit_columns, release_rank
from conflictdesk.importers.folder import Refused, Target
from conflictdesk.importers.ledger import FolderLock, Locked
from conflictdesk.importers.order import Undecided, decide_order, order_note
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
from conflictdesk.importers.summary import Summary
from conflictdesk.importers.ucdp import UCDP

PUBLISHERS: dict[str, Publisher] = {"acled": ACLED, "ucdp": UCDP}
ID_COLUMN = {"acled": "event_id_cnty", "ucdp": "id"}
PROGRESS_EVERY = 100_000
_NOT_CP1252 = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")


def run_import(
    publisher: str,
    file: Path,
    out: Path,
    *,
    merge: bool = False,
    date_order: str | None = None,
    release: str | None = None,
    released: str | None = None,
    progress: TextIO | None = None,
    progress_every: int = PROGRESS_EVERY,
) -> tuple[int, str]:
    """Import one export; return (exit code, the report to print).

    `date_order` None lets the file's evidence decide (see `order.py`); `release`/`released` are the
    UCDP release version and date for the credit (the version may also come from the file name or the API)."""
    pub = PUBLISHERS[publisher]
    file, out = Path(file), Path(out)
    try:
        _check_paths(file, out)
        created = not out.exists()
        out.mkdir(parents=True, exist_ok=True)
        lock = FolderLock(out)
        try:
            lock.acquire()
            summary = _run(pub, file, out, merge, date_order, (release, released), progress, progress_every)
        except (Refused, Locked) as refusal:
            if created and not any(out.iterdir()):
                out.rmdir()
            raise Refused(str(refusal), getattr(refusal, "code", 2)) from None
        finally:
            lock.release()
    except Refused as refusal:
        return refusal.code, str(refusal)
    code = 0 if summary.validation.startswith("Validation:") else 1
    return code, summary.text()


def _check_paths(file: Path, out: Path) -> None:
    if not file.exists():
        raise Refused(f"{file}: no such file")
    if not file.is_file():
        raise Refused(f"{file} is not a file")
    if out.exists() and not out.is_dir():
        raise Refused(f"{out} is a file, not a folder; give --out a folder")


def _run(pub, file, out, merge, date_order, release, progress, every) -> Summary:
    order = date_order or pub.date_order
    attempt = _attempt(pub, file, out, merge, order, release, progress, every)
    if date_order is None:
        try:
            decided = decide_order(file, attempt.ctx.evidence, order)
        except Undecided as undecided:
            attempt.target.discard()
            raise Refused(str(undecided), code=1) from None
        if decided != order:
            attempt.target.discard()
            attempt = _attempt(pub, file, out, merge, decided, release, progress, every)
        evidence = attempt.ctx.evidence
        if evidence.either or evidence.order():
            attempt.summary.events.append(order_note(evidence, decided))
    return _finish(pub, file, attempt, release)


@dataclass
class Attempt:
    """One pass over the export in one date order: what it converted, where it is staged, what it found."""

    summary: Summary
    target: Target
    ctx: Context
    export_notes: list[str]
    credit: Credit
    latest_day: str = ""
    latest_stamp: str = ""


def _attempt(pub, file, out, merge, date_order, release, progress, every) -> Attempt:
    summary = Summary(pub.name, file.name, str(out), merge, date_order=date_order)
    try:
        export = _open(pub, file, summary)
    except Unreadable as error:
        raise Refused(str(error)) from None
    with export:
        _check_layout(pub, file, export.header)
        summary.unit = "event" if isinstance(export, JsonExport) else "line"
        version, released = release
        credit = credit_columns(pub, file, version or getattr(export, "version", None), released)
        if credit.problem:
            raise Refused(credit.problem)
        source_id = f"{pub.key}-file-{slug(file.stem, prefix='export')}"
        target = Target(out, merge, pub, source_id)
        target.versions.release, target.versions.out = release_rank(credit.columns.get("version")), out
        target.open()
        summary.merge = target.merging
        ctx = Context(date_order)
        attempt = Attempt(summary, target, ctx, getattr(export, "notes", []), credit)
        try:
            _convert(pub, export, attempt, progress, every)
        except UnicodeDecodeError as error:
            target.discard()
            raise Refused(f"{file}: cannot be decoded as {export.encoding.label} ({error.reason})", code=1) from None
        except BaseException:
            target.discard()
            raise
    return attempt


def _open(pub, file: Path, summary: Summary):
    """The export opened for reading: API JSON, or a CSV in its detected encoding and layout."""
    if is_json(file):
        export = JsonExport(file)
        summary.encoding, summary.layout = "UTF-8", f"{pub.name} API JSON"
        return export
    encoding = first_encoding(file)
    if encoding == UTF8:
        bad = first_non_utf8(file)
        if bad:
            encoding = CP1252
            summary.events.append(
                f"The file is not UTF-8 (byte 0x{bad[1]:02X} on text line {bad[0]}), so it was read as Windows-1252, "
                "the encoding of spreadsheet re-saves; check accented and Cyrillic names in the result."
            )
            _check_cp1252(file)
    known = PUBLISHERS["acled"].columns | PUBLISHERS["ucdp"].columns
    export = Export(file, encoding, known)
    summary.encoding = encoding.label
    summary.layout = describe_delimiter(export.delimiter)
    return export


def _finish(pub, file: Path, attempt: Attempt, release) -> Summary:
    summary, target = attempt.summary, attempt.target
    if attempt.ctx.evidence.numeric:  # an export of ISO dates only has no order of day and month to report
        summary.layout += f"; numeric dates read {summary.date_order}"
    summary.events += attempt.export_notes
    credit, released = attempt.credit, release[1]
    if released:
        published, basis = released, f"the {pub.name} release date given with --released"
    else:
        published, basis = _published(file, attempt.latest_stamp, attempt.latest_day, pub)
    summary.events += credit.notes
    source = {
        "source_id": target.source_id,
        "publisher": pub.name,
        "title": f"{pub.dataset} {file.name}",
        "published_on": published,
        "source_type": "dataset",
        "notes": (
            f"Imported with `python -m conflictdesk import {pub.key}` from the file {file.name} ({summary.encoding}); "
            f"events written: {summary.strikes:,}. published_on is {basis}. {summary.left_out_text()} {pub.licence}"
        ),
        **credit.columns,
        "left_out_rows": str(summary.left_out_rows()),
        "left_out_deaths": "" if summary.left_out_deaths() is None else str(summary.left_out_deaths()),
    }
    try:
        ok, report = target.finish(source, summary.ledger(target.source_id, date.today().isoformat()))
    except BaseException:
        target.discard()
        raise
    summary.actors_added = target.actors_added
    summary.replaced = target.replaced
    summary.validation, summary.written = report, ok
    return summary


def _convert(pub, export, attempt: Attempt, progress, every) -> None:
    summary, target, ctx = attempt.summary, attempt.target, attempt.ctx
    header = export.header
    named = [(index, name) for index, name in enumerate(header) if name]
    first_index = {}
    for index, name in named:
        first_index.setdefault(name, index)
    width = max(index for index, _ in named) + 1
    latest_day = latest_stamp = ""
    for record in export.records():
        summary.rows_read += 1
        if progress is not None and every and summary.rows_read % every == 0:
            print(f"{pub.name}: {summary.rows_read:,} rows read, {summary.strikes:,} strikes so far", file=progress, flush=True)
        if not isinstance(record, Record):
            line, text_line, message = record
            summary.skip(line, text_line, "unreadable row", message)
            continue
        cells = record.cells
        if not any(cell.strip() for cell in cells):
            summary.skip(record.line, record.text_line, "blank row", "the row is empty")
            continue
        if len(cells) < width or any(cell.strip() for cell in cells[len(header):]):
            spans = f"; it spans {record.text_lines} text lines, so a quote may be unbalanced" if record.text_lines > 1 else ""
            summary.skip(
                record.line,
                record.text_line,
                "unreadable row",
                f"the row has {len(cells)} values but the header has {len(header)} columns{spans}",
            )
            continue
        row = {name: cells[index] for name, index in first_index.items()}
        for name in pub.optional:
            row.setdefault(name, "")
        ctx.line = record.line
        ctx.warnings.clear()
        ctx.ambiguous.clear()
        ctx.warnings.extend(visible(row))
        stamp = pub.published(row, ctx)
        if stamp and stamp > latest_stamp:
            latest_stamp = stamp
        deaths = pub.deaths(row)
        try:
            event = pub.convert(row, ctx)
            earlier = target.check(event, record.line, ID_COLUMN[pub.key], deaths)
        except Skip as skip:
            summary.skip(record.line, record.text_line, skip.reason, skip.message, skip.outcome, deaths)
            continue
        if earlier is not None:
            summary.supersede(earlier, record.line, event.strike["strike_id"])
        target.add(event)
        summary.imported(deaths, (event.strike.get("event_kind") or STRIKE) == STRIKE)  # queries/build/is_strike.sql
        if event.day > latest_day:
            latest_day = event.day
        for message in ctx.warnings:
            summary.warn(record.line, record.text_line, message)
        for _, value in ctx.ambiguous:
            summary.ambiguity(record.line, record.text_line, value)
    attempt.latest_day, attempt.latest_stamp = latest_day, latest_stamp


def _check_layout(pub: Publisher, file: Path, header: list[str]) -> None:
    if not any(header):
        raise Refused(f"{file} is empty: it has no header row, so it is not in {pub.name}'s export layout")
    missing = [name for name in pub.required if name not in header]
    if not missing:
        return
    message = (
        f"{file} is not in {pub.name}'s export layout: its header lacks the column{'s' if len(missing) > 1 else ''} "
        f"{', '.join(missing)}."
    )
    for other in PUBLISHERS.values():
        if other is not pub and all(name in header for name in other.required):
            message += f" It looks like a {other.name} file: run `python -m conflictdesk import {other.key} {file} --out DIR`."
            break
    else:
        message += f" The header starts: {', '.join(name or '(empty)' for name in header[:8])}."
    raise Refused(message)


def _check_cp1252(file: Path) -> None:
    with file.open("rb") as handle:
        offset = 0
        for block in iter(lambda: handle.read(1 << 20), b""):
            if match := _NOT_CP1252.search(block):
                raise Unreadable(
                    f"{file} is neither UTF-8 nor Windows-1252 (byte 0x{block[match.start()]:02X} at byte "
                    f"{offset + match.start():,}); save it as UTF-8 and import it again"
                )
            offset += len(block)


def _published(file: Path, stamp: str, day: str, pub: Publisher) -> tuple[str, str]:
    if stamp and stamp >= day:
        return stamp, f"the latest {pub.name} timestamp in the file"
    if day:
        return day, "the latest event date in the file"
    modified = datetime.fromtimestamp(file.stat().st_mtime, tz=timezone.utc).date()
    return min(modified, date.today()).isoformat(), "the file's modification date (no event was imported)"
