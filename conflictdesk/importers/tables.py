"""The output folder of an import that writes one contract table (`incidents` or `air_attacks`), its
source row and any new actors — the counterpart of `folder.Target`, which writes strikes and tolls.

It keeps the same promises: without --merge it writes only into a new or empty folder; with --merge
the folder must be valid first, every kept record is copied byte for byte (`folder._raw_records`),
rows of an earlier import of the same file (same source id) are replaced, a row of an earlier file of
the same publisher is replaced by a newer row with its id, a curated row is never replaced (the
imported row is skipped with its reason), and the result is validated in a staging folder before it
is moved into place, so a failed import leaves the folder as it was.
"""

import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from conflictdesk.importers.common import Skip
from conflictdesk.importers.csvfiles import RowWriter, link as _link, raw_records as _raw_records, widened as _widened
from conflictdesk.importers.folder import Existing, Refused
from conflictdesk.importers.ledger import LEDGER, write_ledger
from conflictdesk.importers.summary import WRITTEN_NOT, Summary, _n
from conflictdesk.load import validate
from conflictdesk.problems import format_report
from conflictdesk.schema import ALL_TABLES, TABLES_BY_NAME


@dataclass
class TableSummary(Summary):
    """An import summary whose rows are of one table, called `noun`."""

    noun: str = "row"
    tolls: bool = False  # incidents and air-attack reports carry no death figure

    def text(self) -> str:
        text = super().text()
        said = "Written" if self.written else WRITTEN_NOT
        return re.sub(r"(Written|Converted[^:]*): [^\n]*? Skipped:", f"{said}: {_n(self.strikes, self.noun)}. Skipped:", text, count=1)


@dataclass
class TableTarget:
    """One import's output folder: `table` rows citing `source_id`, from `publisher`."""

    out: Path
    merge: bool
    table: str
    publisher: str  # the sources.csv publisher of this import's source
    source_id: str
    prefix: str  # source ids of earlier files of the same publisher start with it
    existing: dict[str, Existing] = field(default_factory=dict)
    replaceable: set[str] = field(default_factory=set)
    taken: dict[str, str] = field(default_factory=dict)  # id -> source of a row that stays
    actor_ids: set[str] = field(default_factory=set)
    text_files: list[str] = field(default_factory=list)
    new_ids: dict[str, int] = field(default_factory=dict)  # id -> line of the export
    merging: bool = False
    replaced: int = 0

    def open(self) -> None:
        """Check the folder and read what it holds."""
        if self.out.exists() and not self.out.is_dir():
            raise Refused(f"{self.out} is a file, not a folder; give --out a folder")
        present = [t.file for t in ALL_TABLES if (self.out / t.file).is_file()]
        if present and not self.merge:
            raise Refused(
                f"{self.out} already holds a data folder ({', '.join(present)}). Add --merge to add the import to it "
                "(its own rows are kept byte for byte), or choose a new or empty folder."
            )
        self.merging = bool(present)
        if not self.merging:
            return
        problems, _ = validate(self.out)
        if problems:
            raise Refused(
                f"{self.out} is not a valid data folder, so nothing was imported into it. Fix it first "
                f"(python -m conflictdesk validate {self.out}):\n{format_report(problems)}",
                code=1,
            )
        for table in ALL_TABLES:
            file = self.out / table.file
            if not file.is_file():
                continue
            with file.open("rb") as handle:
                first = handle.readline()
            header = next(iter(_raw_records(file, header=True)), (b"", []))[1]
            self.existing[table.name] = Existing(
                [name.strip() for name in header], "\r\n" if first.endswith(b"\r\n") else "\n", True
            )
        for row in self._rows("sources"):
            sid = row["source_id"]
            if sid == self.source_id or (
                sid.startswith(self.prefix) and row["publisher"] == self.publisher and row["source_type"] == "dataset"
            ):
                self.replaceable.add(sid)
            if row.get("text_file"):
                self.text_files.append(row["text_file"])
        key = TABLES_BY_NAME[self.table].key
        for row in self._rows(self.table):
            if row["source_id"] not in self.replaceable:
                self.taken[row[key]] = row["source_id"]
        self.actor_ids = {row["actor_id"] for row in self._rows("actors")}

    def _rows(self, name: str):
        existing = self.existing.get(name)
        if existing is None:
            return
        for _, cells in _raw_records(self.out / TABLES_BY_NAME[name].file):
            if cells:
                yield {column: (cells[i].strip() if i < len(cells) else "") for i, column in enumerate(existing.header)}

    def check(self, ident: str, line: int) -> None:
        """Skip a row whose id a kept row already uses."""
        if ident in self.taken:
            raise Skip(
                "id already used",
                f"{ident} is already a row of source {self.taken[ident]!r} in {self.out}; that row is kept and this "
                "one is not imported",
            )
        self.new_ids[ident] = line

    def finish(
        self, rows: list[dict[str, str]], source: dict[str, str], actors: list[dict[str, str]], ledger: list[dict[str, str]]
    ) -> tuple[bool, str]:
        """Write, validate and move the folder into place with this import's rows of imports.csv (ledger.py);
        (valid, report)."""
        self.out.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".import-", dir=self.out))
        try:
            key = TABLES_BY_NAME[self.table].key
            mine = self.replaceable | {self.source_id}
            self.replaced = self._assemble(
                staging,
                self.table,
                lambda row: row["source_id"] == self.source_id or (row["source_id"] in mine and row[key] in self.new_ids),
                [{**row, "source_id": self.source_id} for row in rows],
            )
            self._assemble(staging, "sources", lambda row: row["source_id"] == self.source_id, [source])
            new_actors = [actor for actor in actors if actor["actor_id"] not in self.actor_ids]
            self._assemble(staging, "actors", lambda row: False, new_actors)
            self.actors_added = len(new_actors)
            written = {self.table, "sources", "actors"}
            for table in ALL_TABLES:
                if table.name in written:
                    continue
                if table.name in self.existing:
                    _link(self.out / table.file, staging / table.file)
                elif not table.optional:
                    (staging / table.file).write_text(",".join(table.column_names) + "\n", encoding="utf-8")
            for relative in self.text_files:
                source_file = (self.out / relative).resolve()
                if self.out.resolve() in source_file.parents and source_file.is_file():
                    target = staging / relative
                    target.parent.mkdir(parents=True, exist_ok=True)
                    _link(source_file, target)
            write_ledger(self.out / LEDGER, staging / LEDGER, self.source_id, ledger)
            problems, counts = validate(staging)
            if problems:
                kept = staging.with_name(staging.name.replace(".import-", ".rejected-"))
                os.replace(staging, kept)
                return False, (
                    f"The imported folder does not pass validation, so {self.out} was left as it was. The rejected "
                    f"files are in {kept} for inspection.\n{format_report(problems)}"
                )
            for table in ALL_TABLES:
                if (staging / table.file).exists() and (table.name in written or table.name not in self.existing):
                    os.replace(staging / table.file, self.out / table.file)
            os.replace(staging / LEDGER, self.out / LEDGER)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        listed = ", ".join(f"{name}.csv {count:,}" for name, count in counts.items())
        return True, f"Validation: {self.out} is a valid data folder. Rows per file: {listed}."

    def _assemble(self, staging: Path, name: str, drop, extra: list[dict[str, str]]) -> int:
        """Write a table to staging: kept records byte for byte, then the new rows; return how many were dropped.

        A contract column the folder's file lacks (an optional one, schema.Column.optional) that a new row fills is
        appended to the header, its cells empty in the kept records, so no imported value (a source's credit, what
        the import left out) is lost on merge; the file is left as it was when no new row needs one."""
        table = TABLES_BY_NAME[name]
        existing = self.existing.get(name) or Existing(table.column_names)
        added = [c for c in table.column_names if c not in existing.header and any(row.get(c) for row in extra)]
        writer = RowWriter(existing.header + added, existing.terminator)
        dropped = 0
        with (staging / table.file).open("wb") as handle:
            last = b"\n"
            if existing.present:
                first = True
                for raw, cells in _raw_records(self.out / table.file, header=True):
                    if not first and cells:
                        row = {column: (cells[i].strip() if i < len(cells) else "") for i, column in enumerate(existing.header)}
                        if drop(row):
                            dropped += 1
                            continue
                    handle.write(_widened(raw, (added if first else [""] * len(added)) if cells else []))
                    first = False
                    last = raw[-1:] or last
            else:
                handle.write(writer.line({c: c for c in existing.header}).encode("utf-8"))
            if last not in (b"\n", b"\r"):
                handle.write(existing.terminator.encode("utf-8"))
            for row in extra:
                handle.write(writer.line(row).encode("utf-8"))
        return dropped
