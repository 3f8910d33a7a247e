"""validate's check of the source's words (conflictdesk/loader/words.py): ordinary wording passes. The refusals are
corpus cases (tests/test_corpus.py); these are the sentences a curator writes that must not be refused."""

import csv
import shutil
from pathlib import Path

import pytest

from conflictdesk.loader import validate

DATA = Path(__file__).resolve().parents[1] / "data"


def folder_with(tmp_path: Path, file: str, index: int, changes: dict) -> Path:
    """A copy of data/ with one row changed; a new excerpt is added to the source's text, as a curator would."""
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    with (folder / file).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = reader.fieldnames, list(reader)
    rows[index].update(changes)
    with (folder / file).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    with (folder / "sources.csv").open(encoding="utf-8", newline="") as handle:
        text_file = next(csv.DictReader(handle))["text_file"]
    with (folder / text_file).open("a", encoding="utf-8") as handle:
        handle.write("\n" + changes["excerpt"] + "\n")
    return folder


@pytest.mark.parametrize("file, index, changes", [
    ("casualties.csv", 1, {"killed": "3", "killed_qualifier": "exact", "killed_phrase": "three people, including a 12-year-old girl",
                           "excerpt": "The strike killed three people, including a 12-year-old girl, and injured at least three"}),
    ("truce_violations.csv", 0, {"count": "3000", "count_qualifier": "exact", "count_phrase": "over the weekend, 3000 times",
                                 "excerpt": "Zelensky said that over the weekend, 3000 times Russian forces fired"}),
    ("casualties.csv", 1, {"injured": "1500", "injured_qualifier": "about", "injured_phrase": "about 1.5 thousand",
                           "excerpt": "Officials said about 1.5 thousand people were hurt"}),
    ("truce_violations.csv", 0, {"count": "3000", "count_qualifier": "nearly", "count_phrase": "майже 3\u00a0000 разів",
                                 "excerpt": "Зеленський заявив, що росіяни порушили перемир'я майже 3\u00a0000 разів"}),
    ("statements.csv", 0, {"quote": "обʼєкт зруйновано", "quote_kind": "direct", "excerpt": "Він сказав: «об’єкт зруйновано»."}),
    ("statements.csv", 0, {"quote": "has always looked […] on peace initiatives", "quote_kind": "direct",
                           "excerpt": "Russia has always looked positively on peace initiatives, he said."}),
], ids=["an age", "over the weekend", "1.5 thousand", "no-break space", "Ukrainian apostrophe", "elision"])
def test_ordinary_wording_is_not_refused(tmp_path, file, index, changes):
    problems, _ = validate(folder_with(tmp_path, file, index, changes))
    assert problems == []
