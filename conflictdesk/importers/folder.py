"""The output folder: a new data folder, or an existing one the import is merged into.

Merging never rewrites a row it keeps: every kept record of the existing CSVs is copied byte for byte
(its quoting, line ending and any byte-order mark included) and the imported rows are appended in the
file's own column order and line ending. Rows are recognised as an earlier import of the same
publisher by their source: a `dataset` source of that publisher whose id is `<publisher>-file-...`.
Re-importing the same file (same source id) replaces all of that file's earlier rows; an event that
an earlier import of another file of the same publisher also holds is replaced by the newer row, so
ids never repeat. A curated row is never replaced: an imported row whose id it already uses is
skipped, with its reason.

Everything is written to a staging folder inside the output folder first, checked with
`conflictdesk.load.validate`, and only then moved into place, so a failed import leaves the folder as
it was.
"""

import csv
import io
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from conflictdesk.importers.common import Event, Publisher, Skip
from conflictdesk.load import validate
from conflictdesk.problems import format_report
from conflictdesk.schema import TABLES, TABLES_BY_NAME

WRITTEN = ("strikes", "casualties", "sources", "actors")


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


class RowWriter:
    """CSV rows as text in a fixed column order, quoted so the loader reads them back exactly."""

    def __init__(self, columns: list[str], terminator: str):
        self.columns = columns
        self.terminator = terminator
        self._buffer = io.StringIO()
        # "\r\n" makes the writer quote any value holding \r or \n; the row's own ending is then set.
        self._writer = csv.writer(self._buffer, lineterminator="\r\n")

    def line(self, row: dict[str, str]) -> str:
        self._buffer.seek(0)
        self._buffer.truncate()
        self._writer.writerow([row.get(name, "") or "" for name in self.columns])
        return self._buffer.getvalue()[:-2] + self.terminator


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
    new_strikes: dict[str, int] = field(default_factory=dict)  # id -> line of the export
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
                raise Refused(
                    f"{self.out} is not a valid data folder, so nothing was imported into it. Fix it first "
                    f"(python -m conflictdesk validate {self.out}):\n{format_report(problems)}",
                    code=1,
                )
            self._scan()
        else:
            for table in TABLES:
                self.tables[table.name] = Existing(table.column_names)
        self.out.mkdir(parents=True, exist_ok=True)
        self.staging = Path(tempfile.mkdtemp(prefix=".import-", dir=self.out))
        self._parts = {
            name: (self.staging / f"{name}.new").open("w", encoding="utf-8", newline="")
            for name in ("strikes", "casualties")
        }
        self._writers = {
            name: RowWriter(self.tables[name].header, self.tables[name].terminator) for name in ("strikes", "casualties")
        }

    def _scan(self) -> None:
        for table in TABLES:
            file = self.out / table.file
            with file.open("rb") as handle:
                first = handle.readline()
            header = next(csv.reader([first.decode("utf-8-sig")]), [])
            self.tables[table.name] = Existing(
                [name.strip() for name in header], "\r\n" if first.endswith(b"\r\n") else "\n", True
            )
        prefix = f"{self.publisher.key}-file-"
        for row in self._rows("sources"):
            sid = row["source_id"]
            if sid == self.source_id or (
                sid.startswith(prefix) and row["publisher"] == self.publisher.name and row["source_type"] == "dataset"
            ):
                self.replaceable.add(sid)
            if row.get("text_file"):
                self.text_files.append(row["text_file"])
        for row in self._rows("strikes"):
            if row["source_id"] not in self.replaceable:
                self.taken_strikes[row["strike_id"]] = row["source_id"]
        for row in self._rows("casualties"):
            if row["source_id"] not in self.replaceable:
                self.taken_reports[row["report_id"]] = row["source_id"]
        self.actor_ids = {row["actor_id"] for row in self._rows("actors")}

    def _rows(self, name: str):
        header = self.tables[name].header
        for _, cells in _raw_records(self.out / TABLES_BY_NAME[name].file):
            if cells:
                yield {column: (cells[i].strip() if i < len(cells) else "") for i, column in enumerate(header)}

    # --- the rows ----------------------------------------------------------------------------

    def check(self, event: Event, line: int, id_column: str) -> None:
        """Skip an event whose ids are already used by a row that stays, or earlier in the export."""
        strike_id, report_id = event.strike["strike_id"], event.casualty["report_id"]
        if strike_id in self.new_strikes:
            raise Skip("repeated event", f"{id_column} gives {strike_id} again (first on line {self.new_strikes[strike_id]})")
        for taken, ident, what in ((self.taken_strikes, strike_id, "strike"), (self.taken_reports, report_id, "casualty report")):
            if ident in taken:
                raise Skip(
                    "id already used",
                    f"{ident} is already a {what} of source {taken[ident]!r} in {self.out}; that row is kept and "
                    "this one is not imported",
                )
        self.new_strikes[strike_id] = line

    def add(self, event: Event) -> None:
        """Write an event's strike and casualty rows to the staging files."""
        self._parts["strikes"].write(self._writers["strikes"].line({**event.strike, "source_id": self.source_id}))
        self._parts["casualties"].write(
            self._writers["casualties"].line({**event.casualty, "source_id": self.source_id})
        )
        self.new_reports.add(event.casualty["report_id"])
        for actor in event.actors:
            if actor["actor_id"] not in self.actor_ids and actor["actor_id"] not in self.new_actors:
                self.new_actors[actor["actor_id"]] = actor

    # --- after the rows ----------------------------------------------------------------------

    def finish(self, source: dict[str, str]) -> tuple[bool, str]:
        """Assemble, validate and move the folder into place; (valid, report)."""
        for part in self._parts.values():
            part.close()
        actors = [self.publisher.actor] if self.publisher.actor["actor_id"] not in self.actor_ids else []
        actors += list(self.new_actors.values())
        self.actors_added = len(actors)
        dropped_strikes = self._assemble(
            "strikes",
            drop=lambda row: row["source_id"] == self.source_id
            or (row["strike_id"] in self.new_strikes and row["source_id"] in self.replaceable),
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
                _link(self.out / table.file, staged)
            else:
                staged.write_text(",".join(table.column_names) + "\n", encoding="utf-8")
        for relative in self.text_files:
            source_file = (self.out / relative).resolve()
            if self.out.resolve() in source_file.parents and source_file.is_file():
                target = self.staging / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                _link(source_file, target)
        problems, counts = validate(self.staging)
        if problems:
            return False, (
                f"The imported folder does not pass validation, so {self.out} was left as it was. The rejected "
                f"files are in {self.staging} for inspection.\n{format_report(problems)}"
            )
        for table in TABLES:
            if table.name in WRITTEN or not self.tables[table.name].present:
                os.replace(self.staging / table.file, self.out / table.file)
        shutil.rmtree(self.staging, ignore_errors=True)
        rows = ", ".join(f"{name} {count:,}" for name, count in counts.items())
        return True, f"Validation: {self.out} is a valid data folder. Rows: {rows}."

    def discard(self) -> None:
        """Remove the staging folder after a failure before finish()."""
        for part in getattr(self, "_parts", {}).values():
            part.close()
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)

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
                for raw, cells in _raw_records(self.out / table.file, header=True):
                    if first or not cells:
                        first = False
                        handle.write(raw)
                        last = raw[-1:] or last
                        continue
                    row = {column: (cells[i].strip() if i < len(cells) else "") for i, column in enumerate(existing.header)}
                    if drop(row):
                        dropped.add(row[table.key])
                        count += 1
                        continue
                    handle.write(raw)
                    last = raw[-1:]
            else:
                handle.write(writer.line({c: c for c in existing.header}).encode("utf-8"))
            if last not in (b"\n", b"\r"):
                handle.write(existing.terminator.encode("utf-8"))
            part = self.staging / f"{name}.new"
            if part.exists():
                with part.open("rb") as new_rows:
                    shutil.copyfileobj(new_rows, handle)
                part.unlink()
            for row in extra:
                handle.write(writer.line(row).encode("utf-8"))
        if name in ("strikes", "casualties"):
            label = "strike" if name == "strikes" else "casualty report"
            self.replaced[label] = self.replaced.get(label, 0) + count
        return dropped


def _raw_records(path: Path, header: bool = False):
    """(raw bytes, cells) of each CSV record of a UTF-8 file, the header included when `header`."""
    with path.open("rb") as handle:
        taken: list[bytes] = []

        def lines():
            first = True
            for raw in handle:
                taken.append(raw)
                text = raw.decode("utf-8-sig" if first else "utf-8")
                first = False
                yield text

        reader = csv.reader(lines())
        is_header = True
        for cells in reader:
            raw = b"".join(taken)
            taken.clear()
            if is_header:
                is_header = False
                if not header:
                    continue
            yield raw, cells


def _link(source: Path, target: Path) -> None:
    """A hard link where the file system allows one, else a copy."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
