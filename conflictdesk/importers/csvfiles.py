"""The output folder's CSV files read and written record by record, keeping the bytes of what is kept."""

import csv
import io
import os
import shutil
from pathlib import Path


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


def raw_records(path: Path, header: bool = False):
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


def link(source: Path, target: Path) -> None:
    """A hard link where the file system allows one, else a copy."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def widened(raw: bytes, cells: list[str]) -> bytes:
    """A raw CSV record with cells appended before its line ending, its own bytes kept as they are.

    For the header: the names of columns the folder's file lacks; for a row: as many empty cells."""
    if not cells:
        return raw
    body = raw.rstrip(b"\r\n")
    return body + ("," + ",".join(cells)).encode("utf-8") + raw[len(body):]
