"""A copy of the bundled data with one more correction: the Sumy toll revised by a later source (issue 14)."""

import csv
import shutil
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"
LATER = {
    "source_id": "later-2025-04-25", "publisher": "Test Wire", "title": "Sumy toll revised", "url": "",
    "published_on": "2025-04-25", "source_type": "news_report", "language": "en",
}
SUMY_DAY = "2026-11-20"  # the day of the Sumy correction: links made before it announce it, links after do not
SUMY_CORRECTIONS = [
    {"correction_id": "sumy-toll-killed", "corrected_on": SUMY_DAY, "table": "casualties",
     "row_id": "sumy-2025-04-13-toll-1", "column": "killed", "old_value": "35", "new_value": "34",
     "reason": "The publisher corrected its count of the dead: one victim had been counted twice.",
     "source_id": LATER["source_id"]},
    {"correction_id": "sumy-toll-killed-phrase", "corrected_on": SUMY_DAY, "table": "casualties",
     "row_id": "sumy-2025-04-13-toll-1", "column": "killed_phrase", "old_value": "35", "new_value": "34",
     "reason": "The publisher corrected its count of the dead: one victim had been counted twice.",
     "source_id": LATER["source_id"]},
]


def _edit(file: Path, change) -> None:
    with file.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = reader.fieldnames, list(reader)
    rows = change(rows)
    with file.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, restval="", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def corrected_copy(path: Path) -> Path:
    """Copy data/ to `path/data` with the Sumy toll corrected from 35 to 34 killed, logged in corrections.csv."""
    folder = path / "data"
    shutil.copytree(DATA, folder)

    def sumy(rows):
        for row in rows:
            if row["report_id"] == "sumy-2025-04-13-toll-1":
                row.update(killed="34", killed_phrase="34")
        return rows

    _edit(folder / "casualties.csv", sumy)
    _edit(folder / "sources.csv", lambda rows: [*rows, dict(LATER)])
    _edit(folder / "corrections.csv", lambda rows: [*rows, *SUMY_CORRECTIONS])
    return folder
