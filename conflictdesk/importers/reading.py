"""Reading a publisher's CSV export as it really arrives: one record at a time, with its line.

- Encoding: a byte-order mark decides (UTF-8 or UTF-16); otherwise one fast pass checks the bytes
  as strict UTF-8 (`first_non_utf8`) and, if any byte is not UTF-8, the file is read as Windows-1252
  and the summary says so. Unlike the curated loader, an importer may detect the encoding: the
  exports come from elsewhere and the user cannot be asked to re-save a million rows first.
- Layout: an Excel `sep=;` first line is honoured; otherwise the delimiter (`,`, `;` or tab) is the
  one that splits the header into the most known column names. Header names are compared trimmed
  and in lower case (older ACLED exports are upper case).
- Records are parsed with the `csv` module over the open file, so a million-row export streams.
  Quoted fields may hold commas, quotes and line breaks.
- Lines are counted as a spreadsheet shows them (the header is line 1, the first record line 2);
  when a record spans several text lines, its first text line is kept too.
"""

import codecs
import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

csv.field_size_limit(max(csv.field_size_limit(), 1 << 26))

DELIMITERS = (",", ";", "\t")
WINDOWS_1252 = "cp1252"


@dataclass(frozen=True)
class Encoding:
    """How the bytes of the file are decoded, and what the summary calls it."""

    codec: str
    label: str


UTF8 = Encoding("utf-8", "UTF-8")
UTF8_BOM = Encoding("utf-8-sig", "UTF-8 with byte-order mark")
CP1252 = Encoding(WINDOWS_1252, "Windows-1252 (the file is not UTF-8)")


class Unreadable(Exception):
    """The file cannot be read at all (missing, a folder, or an encoding that is neither)."""


@dataclass(frozen=True)
class Record:
    """One record of the export: its cells and where it starts."""

    cells: list[str]
    line: int  # as a spreadsheet counts rows: the header is line 1
    text_line: int  # the text line it starts on (differs when earlier values hold line breaks)
    text_lines: int  # how many text lines it spans


def first_encoding(path: Path) -> Encoding:
    """The encoding to try first: from a byte-order mark, else strict UTF-8."""
    try:
        with path.open("rb") as handle:
            head = handle.read(4)
    except OSError as error:
        raise Unreadable(f"{path}: cannot be read ({error.strerror or error})") from error
    if head.startswith(codecs.BOM_UTF8):
        return UTF8_BOM
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Encoding("utf-16", "UTF-16 (an Excel 'Unicode text' save)")
    return UTF8


class Export:
    """An open export: its header (normalised names), delimiter, and records."""

    def __init__(self, path: Path, encoding: Encoding, known_columns: set[str]):
        self.path = path
        self.encoding = encoding
        self._handle = path.open(encoding=encoding.codec, errors="strict", newline="")
        self._before = 1  # text lines read before the records: the header, and an Excel `sep=` line
        first = self._handle.readline()
        sep = re.match(r"^\ufeff?sep=(.)\s*$", first)
        if sep:
            self.delimiter = sep.group(1)
            self._before = 2
            first = self._handle.readline()
        else:
            self.delimiter = _guess_delimiter(first.lstrip("\ufeff"), known_columns)
        header_text = first.lstrip("\ufeff")
        self.header = [name.strip().lower() for name in next(csv.reader([header_text], delimiter=self.delimiter), [])]
        # The csv reader reads the open file itself; its line_num counts the text lines it has taken.
        self._reader = csv.reader(self._handle, delimiter=self.delimiter, strict=True)
        self._records = 0

    def close(self) -> None:
        self._handle.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def records(self) -> Iterator[Record | tuple[int, int, str]]:
        """Each record in turn; a record the csv module cannot read comes as (line, text_line, message)."""
        reader, before = self._reader, self._before
        while True:
            start = reader.line_num + before + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                self._records += 1
                end = reader.line_num + before
                message = f"the row cannot be read as CSV ({error})"
                if end > start:
                    message += (
                        f"; it runs over text lines {start}-{end}, so a quote may be unbalanced, and whatever those "
                        "lines hold is skipped with it"
                    )
                yield (self._records + 1, start, message)
                if end < start:  # nothing consumed: give up rather than loop
                    return
                continue
            self._records += 1
            yield Record(cells, self._records + 1, start, reader.line_num + before - start + 1)


def _guess_delimiter(header: str, known: set[str]) -> str:
    """The delimiter that splits the header into the most known column names (comma on a tie)."""
    best, score = ",", -1
    for delimiter in DELIMITERS:
        names = next(csv.reader([header], delimiter=delimiter), [])
        hits = sum(name.strip().lower() in known for name in names)
        if hits > score:
            best, score = delimiter, hits
    return best


def describe_delimiter(delimiter: str) -> str:
    return {",": "comma", ";": "semicolon", "\t": "tab"}.get(delimiter, repr(delimiter)) + "-separated"


def first_non_utf8(path: Path) -> tuple[int, int] | None:
    """(text line, byte value) of the first byte that is not UTF-8, or None when the file is UTF-8."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = 0
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            try:
                decoder.decode(block)
            except UnicodeDecodeError as error:
                bad = offset + error.start
                handle.seek(0)
                return handle.read(bad).count(b"\n") + 1, block[error.start]
            offset += len(block)
    return None
