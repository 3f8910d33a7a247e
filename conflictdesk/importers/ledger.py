"""What each import kept and left out, written to `imports.csv` in the data folder; and the folder lock.

`imports.csv` (not a table of the contract: the loader does not read it; the Sources page may) has one row per
import and outcome and reason:

    source_id,file,imported_on,outcome,reason,rows,deaths,rows_with_deaths

- outcome `imported`: the rows written (reason empty); `left_out`: rows not imported whose deaths are
  therefore missing from every total (reason e.g. "located only to the country or at sea", "ACLED Battles");
  `out_of_scope`: rows about another country; `superseded`: older versions of events whose newer version
  was kept (within the file, or already in the folder).
- deaths: the sum of the publisher's death figure over those rows (ACLED `fatalities`, UCDP `best`), over
  the rows_with_deaths rows that give a whole number; empty when none does.
Re-importing a file replaces its rows; other imports' rows are kept as they are.

The lock: an import holds an exclusive `flock` on the output folder from reading it to moving the new files
into place, so two imports into one folder at once cannot both succeed while one's rows are lost: the second
is refused and told to run again. The kernel drops the lock when the process ends, so a crash leaves none.
"""

import csv
import fcntl
import os
from pathlib import Path

LEDGER = "imports.csv"
COLUMNS = ("source_id", "file", "imported_on", "outcome", "reason", "rows", "deaths", "rows_with_deaths")


class Locked(Exception):
    """Another import holds the folder."""


class FolderLock:
    """An exclusive, non-blocking lock on a folder, held until release()."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.folder, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise Locked(
                f"another import into {self.folder} is running; nothing was written. Run this import again when it "
                "has finished (add --merge to add to what it wrote)."
            ) from None
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


def write_ledger(existing: Path, staged: Path, source_id: str, rows: list[dict[str, str]]) -> None:
    """Write `staged`: the rows of `existing` (if any) of other sources, then this import's rows."""
    kept = []
    if existing.is_file():
        with existing.open(encoding="utf-8", newline="") as handle:
            kept = [row for row in csv.DictReader(handle) if row.get("source_id") != source_id]
    with staged.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, restval="", extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(kept)
        writer.writerows(rows)
