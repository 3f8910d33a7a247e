"""The output folder: a new data folder, or an existing one the import is merged into.

Merging never rewrites a row it keeps: every kept record of the existing CSVs is copied byte for byte
(its quoting, line ending and any byte-order mark included) and the imported rows are appended in the
file's own column order and line ending. Rows are recognised as an earlier import of the same
publisher by their source: a `dataset` source of that publisher whose id is `<publisher>-file-...`.
Re-importing the same file (same source id) replaces all of that file's earlier rows. An event held
both by this file and by an earlier import of another file of the same publisher is kept in its newest
version: the row of the newer release (UCDP's version) or with the larger `publisher_timestamp` (ACLED's
`timestamp`) wins, so an older file merged later never reverts a newer row; when either has no timestamp, or they are equal, this import's row
replaces the earlier one. Within one file the same rule holds between rows with the same id (without
timestamps the first is kept). Ids never repeat. A curated row is never replaced: an imported row whose id
it already uses is skipped, with its reason.

Everything is written to a staging folder inside the output folder first, checked with
`conflictdesk.load.validate`, and only then moved into place, so a failed import leaves the folder as
it was.
"""

import csv
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from conflictdesk.importers.common import Event, Publisher, Skip
from conflictdesk.importers.credit import release_rank
from conflictdesk.importers.csvfiles import RowWriter, link, raw_records, widened
from conflictdesk.importers.ledger import LEDGER, write_ledger
from conflictdesk.importers.versions import Versions
from conflictdesk.load import validate
from conflictdesk.problems import format_report
from conflictdesk.schema import TABLES, TABLES_BY_NAME

WRITTEN = ("strikes", "casualties", "sources", "actors")
IMPORT_COLUMNS = {
    "event_kind", "publisher_type", "publisher_subtype", "date_first", "date_last", "publisher_timestamp", "district",
    "killed_blank_phrase", "killed_low", "killed_high", "source_inconsistency", "version", "released_on", "licence",
    "credit", "changes", "redistribution", "left_out_rows", "left_out_deaths", "part_of",
}  # fmt: skip


class Refused(Exception):
    """The import cannot go ahead; `code` is the exit code (2 usage, 1 data)."""

    def __init__(self, message: str, code: int = 2):
        super().__init__(message)
        self.code = code


@dataclass
class Existing:
    """What a table file of the output folder holds before the import."""

    header: list[str]
    terminator: str = "\n"
    present: bool = False
    added: tuple[str, ...] = ()  # contract columns the file lacks (optional ones): appended, empty, on merge

    @classmethod
    def read(cls, file: Path, table) -> "Existing":
        """The file's header and line ending, widened by the contract columns it lacks (so no imported column
        is lost when a folder written without them is merged into)."""
        with file.open("rb") as handle:
            first = handle.readline()
        header = [name.strip() for name in next(csv.reader([first.decode("utf-8-sig")]), [])]
        added = tuple(name for name in table.column_names if name not in header)
        return cls(header + list(added), "\r\n" if first.endswith(b"\r\n") else "\n", True, added)

    def kept(self, raw: bytes, is_header: bool) -> bytes:
        """A record of the file as it is written back: its bytes, plus the added columns (names or empty cells)."""
        return widened(raw, list(self.added) if is_header else [""] * len(self.added))


@dataclass
class Target:
    """The output folder of one import."""

    out: Path
    merge: bool
    publisher: Publisher
    source_id: str
    tables: dict[str, Existing] = field(default_factory=dict)
    replaceable: set[str] = field(default_factory=set)  # source ids whose rows this import may replace
    taken_strikes: dict[str, str] = field(default_factory=dict)  # id -> source, rows that stay
    taken_reports: dict[str, str] = field(default_factory=dict)
    actor_ids: set[str] = field(default_factory=set)
    text_files: list[str] = field(default_factory=list)
    versions: Versions = field(default_factory=Versions)  # which version of an event is kept
    spans: list[tuple[int, int, int, int]] = field(default_factory=list)  # byte spans of each written event
    new_reports: set[str] = field(default_factory=set)
    new_actors: dict[str, dict[str, str]] = field(default_factory=dict)
    replaced: dict[str, int] = field(default_factory=dict)
    merging: bool = False
    staging: Path | None = None

    # --- before the rows ---------------------------------------------------------------------

    def open(self) -> None:
        """Check the folder, read what it holds, and open the staging folder."""
        if self.out.exists() and not self.out.is_dir():
            raise Refused(f"{self.out} is a file, not a folder; give --out a folder")
        present = [t.file for t in TABLES if (self.out / t.file).is_file()]
        if present and not self.merge:
            raise Refused(
                f"{self.out} already holds a data folder ({', '.join(present)}). Add --merge to add the import to it "
                "(its own rows are kept byte for byte), or choose a new or empty folder."
            )
        self.merging = bool(present)
        if self.merging:
            problems, _ = validate(self.out)
            if problems:
                older = any(p.column in IMPORT_COLUMNS and "has no column" in p.message for p in problems)
                hint = (
                    " It was written before the import columns were added to the contract (data/README.md, "
                    "\"Imported data\"): import into a new folder, or add those columns, empty, to its files."
                    if older else ""
                )  # fmt: skip
                raise Refused(
                    f"{self.out} is not a valid data folder, so nothing was imported into it.{hint} Fix it first "
                    f"(python -m conflictdesk validate {self.out}):\n{format_report(problems)}",
                    code=1,
                )
            self._scan()
        else:
            for table in TABLES:
                self.tables[table.name] = Existing(table.column_names)
        self.out.mkdir(parents=True, exist_ok=True)
        self.staging = Path(tempfile.mkdtemp(prefix=".import-", dir=self.out))
        self._parts = {name: (self.staging / f"{name}.new").open("wb") for name in ("strikes", "casualties")}
        self._writers = {
            name: RowWriter(self.tables[name].header, self.tables[name].terminator) for name in ("strikes", "casualties")
        }

    def _scan(self) -> None:
        for table in TABLES:
            self.tables[table.name] = Existing.read(self.out / table.file, table)
        prefix = f"{self.publisher.key}-file-"
        for row in self._rows("sources"):
            sid = row["source_id"]
            if sid == self.source_id or (
                sid.startswith(prefix) and row["publisher"] == self.publisher.name and row["source_type"] == "dataset"
            ):
                self.replaceable.add(sid)
                self.versions.releases[sid] = release_rank(row.get("version"))
            if row.get("text_file"):
                self.text_files.append(row["text_file"])
        for row in self._rows("strikes"):
            if row["source_id"] not in self.replaceable:
                self.taken_strikes[row["strike_id"]] = row["source_id"]
            elif row["source_id"] != self.source_id:
                stamp = row.get("publisher_timestamp", "")
                self.versions.folder[row["strike_id"]] = (int(stamp) if stamp else None, row["source_id"])
        for row in self._rows("casualties"):
            if row["source_id"] not in self.replaceable:
                self.taken_reports[row["report_id"]] = row["source_id"]
        self.actor_ids = {row["actor_id"] for row in self._rows("actors")}

    def _rows(self, name: str):
        header = self.tables[name].header
        for _, cells in raw_records(self.out / TABLES_BY_NAME[name].file):
            if cells:
                yield {column: (cells[i].strip() if i < len(cells) else "") for i, column in enumerate(header)}

    # --- the rows ----------------------------------------------------------------------------

    def check(self, event: Event, line: int, id_column: str, deaths: int | None) -> tuple[int, int | None] | None:
        """Skip an event whose ids a row that stays already uses, or that is older than another version of it;
        when it replaces an earlier row of this export, return that row's (line, deaths)."""
        strike_id, report_id = event.strike["strike_id"], event.casualty["report_id"]
        for taken, ident, what in ((self.taken_strikes, strike_id, "strike"), (self.taken_reports, report_id, "casualty report")):
            if ident in taken:
                raise Skip(
                    "id already used",
                    f"{ident} is already a {what} of source {taken[ident]!r} in {self.out}; that row is kept and "
                    "this one is not imported",
                )
        return self.versions.check(event, line, id_column, deaths, len(self.spans))

    def add(self, event: Event) -> None:
        """Write an event's strike and casualty rows to the staging files."""
        strikes, casualties = self._parts["strikes"], self._parts["casualties"]
        strike_line = self._writers["strikes"].line({**event.strike, "source_id": self.source_id}).encode("utf-8")
        casualty_line = self._writers["casualties"].line({**event.casualty, "source_id": self.source_id}).encode("utf-8")
        self.spans.append((strikes.tell(), len(strike_line), casualties.tell(), len(casualty_line)))
        strikes.write(strike_line)
        casualties.write(casualty_line)
        self.new_reports.add(event.casualty["report_id"])
        for actor in event.actors:
            if actor["actor_id"] not in self.actor_ids and actor["actor_id"] not in self.new_actors:
                self.new_actors[actor["actor_id"]] = actor

    # --- after the rows ----------------------------------------------------------------------

    def finish(self, source: dict[str, str], ledger: list[dict[str, str]]) -> tuple[bool, str]:
        """Assemble, validate and move the folder into place with its imports.csv; (valid, report)."""
        for part in self._parts.values():
            part.close()
        actors = [self.publisher.actor] if self.publisher.actor["actor_id"] not in self.actor_ids else []
        actors += list(self.new_actors.values())
        self.actors_added = len(actors)
        dropped_strikes = self._assemble(
            "strikes",
            drop=lambda row: row["source_id"] == self.source_id
            or (row["strike_id"] in self.versions.seen and row["source_id"] in self.replaceable),
        )
        self._assemble(
            "casualties",
            drop=lambda row: row["source_id"] == self.source_id
            or (
                row["source_id"] in self.replaceable
                and (row["report_id"] in self.new_reports or row["strike_id"] in dropped_strikes)
            ),
        )
        self._assemble("sources", drop=lambda row: row["source_id"] == self.source_id, extra=[source])
        self._assemble("actors", drop=lambda row: False, extra=actors)
        for table in TABLES:
            if table.name in WRITTEN:
                continue
            staged = self.staging / table.file
            if self.tables[table.name].present:
                link(self.out / table.file, staged)
            else:
                staged.write_text(",".join(table.column_names) + "\n", encoding="utf-8")
        for relative in self.text_files:
            source_file = (self.out / relative).resolve()
            if self.out.resolve() in source_file.parents and source_file.is_file():
                target = self.staging / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                link(source_file, target)
        write_ledger(self.out / LEDGER, self.staging / LEDGER, self.source_id, ledger)
        problems, counts = validate(self.staging)
        if problems:
            return False, (
                f"The imported folder does not pass validation, so {self.out} was left as it was. The rejected "
                f"files are in {self.staging} for inspection.\n{format_report(problems)}"
            )
        for table in TABLES:
            if table.name in WRITTEN or not self.tables[table.name].present:
                os.replace(self.staging / table.file, self.out / table.file)
        os.replace(self.staging / LEDGER, self.out / LEDGER)
        shutil.rmtree(self.staging, ignore_errors=True)
        rows = ", ".join(f"{name}.csv {count:,}" for name, count in counts.items())
        return True, f"Validation: {self.out} is a valid data folder. Rows per file: {rows}."

    def discard(self) -> None:
        """Remove the staging folder after a failure before finish()."""
        for part in getattr(self, "_parts", {}).values():
            part.close()
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)

    def _copy_part(self, part, handle, at: int) -> None:
        """Copy a staged part file, leaving out the events a newer row of the same export replaced."""
        if not self.versions.superseded:
            shutil.copyfileobj(part, handle)
            return
        for index, span in enumerate(self.spans):
            if index not in self.versions.superseded:
                part.seek(span[at])
                handle.write(part.read(span[at + 1]))

    def _assemble(self, name: str, drop, extra: list[dict[str, str]] = ()) -> set[str]:
        """Write a table to staging: kept records byte for byte, then this import's rows; return dropped keys."""
        table = TABLES_BY_NAME[name]
        existing = self.tables[name]
        writer = RowWriter(existing.header, existing.terminator)
        dropped: set[str] = set()
        count = 0
        with (self.staging / table.file).open("wb") as handle:
            last = b"\n"
            if existing.present:
                first = True
                for raw, cells in raw_records(self.out / table.file, header=True):
                    if first or not cells:
                        handle.write(existing.kept(raw, first) if cells else raw)
                        first = False
                        last = raw[-1:] or last
                        continue
                    row = {column: (cells[i].strip() if i < len(cells) else "") for i, column in enumerate(existing.header)}
                    if drop(row):
                        dropped.add(row[table.key])
                        count += 1
                        continue
                    handle.write(existing.kept(raw, False))
                    last = raw[-1:]
            else:
                handle.write(writer.line({c: c for c in existing.header}).encode("utf-8"))
            if last not in (b"\n", b"\r"):
                handle.write(existing.terminator.encode("utf-8"))
            part = self.staging / f"{name}.new"
            if part.exists():
                with part.open("rb") as new_rows:
                    self._copy_part(new_rows, handle, 0 if name == "strikes" else 2)
                part.unlink()
            for row in extra:
                handle.write(writer.line(row).encode("utf-8"))
        if name in ("strikes", "casualties"):
            label = "strike" if name == "strikes" else "casualty report"
            self.replaced[label] = self.replaced.get(label, 0) + count
        return dropped
