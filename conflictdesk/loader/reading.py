"""Reading a data folder's CSVs as text cells: encodings, headers, blank lines and spreadsheet line numbers.

Cells stay in Arrow-backed string columns (pandas' `str` dtype) from the CSV reader to the database; a
file that is not UTF-8, has the wrong separator or header, or a row that cannot be parsed is a problem
at its line, and the table is then not read.
"""

import codecs
import csv
import difflib
import itertools
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from conflictdesk.loader.cells import WHITESPACE
from conflictdesk.problems import Problem, column_letter
from conflictdesk.schema import ALL_TABLES, Table

BATCH_ROWS = 200_000  # rows of a CSV cleaned at a time


_scratch: duckdb.DuckDBPyConnection | None = None


_scratch_lock = threading.Lock()


def cursor() -> duckdb.DuckDBPyConnection:
    """A cursor on one in-memory DuckDB kept for reading and checking (connecting anew costs ~30 ms)."""
    global _scratch
    with _scratch_lock:
        if _scratch is None:
            _scratch = duckdb.connect()
        return _scratch.cursor()


@dataclass
class Folder:
    """What was read from a data folder: one frame of text cells per table, and the problems found.

    A frame's columns are Arrow-backed strings (missing cells are NaN), in the contract's order; its
    index is the line of each row as a spreadsheet counts it (the header is line 1). `headers` keeps
    each file's own column order, which gives the spreadsheet letter of a column.
    """

    path: Path
    frames: dict[str, pd.DataFrame] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    headers: dict[str, list[str]] = field(default_factory=dict)

    def add(self, table: Table, line, column: str | None, message: str) -> None:
        """Record a problem at a line and column of a table's file."""
        letter = None
        header = self.headers.get(table.name)
        if column is not None and header is not None and column in header:
            letter = column_letter(header.index(column))
        self.problems.append(Problem(table.file, None if line is None else int(line), column, message, letter))


def read_folder(path: Path) -> Folder:
    """Read every table's CSV as text cells, recording file-level problems."""
    folder = Folder(Path(path))
    if not folder.path.is_dir():
        folder.problems.append(Problem(str(path), None, None, "this data folder does not exist"))
        return folder
    reader = cursor()
    try:
        for table in ALL_TABLES:
            frame = read_table(folder, table, reader)
            if frame is not None:
                folder.frames[table.name] = frame
    finally:
        reader.close()
    return folder


def read_table(folder: Folder, table: Table, con: duckdb.DuckDBPyConnection) -> pd.DataFrame | None:
    """Read one CSV as Arrow-backed text cells (empty cells missing), or record why it cannot be read."""
    file = folder.path / table.file
    if not file.is_file() and table.optional:
        return None  # an optional table the folder does not have: nothing to check, loaded empty
    if not file.is_file():
        folder.add(table, None, None, f"the file is missing; it needs the columns {', '.join(table.column_names)}")
        return None
    if file.stat().st_size == 0:
        folder.add(table, None, None, f"the file is empty; it needs at least the header row: {','.join(table.column_names)}")
        return None
    scan = _scan(folder, table, file)
    if scan is None:
        return None
    header = _check_header(folder, table, file)
    if header is None:
        return None
    folder.headers[table.name] = header
    try:
        relation = con.read_csv(
            str(file),
            header=True,
            columns={name: "VARCHAR" for name in header},
            auto_detect=False,
            delimiter=",",
            quotechar='"',
            escapechar='"',
            strict_mode=True,
            null_padding=False,
            encoding="utf-8",
        )
        # Batch by batch, so only the cleaned cells are ever held whole.
        batches = [_clean(batch, table) for batch in relation.to_arrow_reader(BATCH_ROWS)]
    except duckdb.Error as error:
        _parse_problem(folder, table, str(error), len(header))
        return None
    schema = pa.schema([(name, pa.string()) for name in table.column_names])
    frame = pa.Table.from_batches(batches, schema).to_pandas()  # Arrow-backed `str` columns: no Python object per cell
    del batches
    lines = np.arange(len(frame)) + 2  # the header is line 1
    if scan.inner_blank_lines:
        # The CSV reader skips blank lines, a spreadsheet shows them as empty rows: count them back in.
        blanks = _blank_records(file)
        lines += np.searchsorted(blanks, np.arange(len(frame)), side="right")
    frame.index = pd.Index(lines)
    empty = frame.isna().all(axis=1).to_numpy()
    if empty.any():  # rows of nothing but commas, as spreadsheets write them: nothing to load or check
        frame = frame[~empty]
    return frame


def _clean(batch: pa.RecordBatch, table: Table) -> pa.RecordBatch:
    """The batch's cells without surrounding white space, empty ones missing, in the contract's column order."""
    columns = []
    for name in table.column_names:
        if name not in batch.schema.names:  # an optional column the file leaves out: every cell empty
            columns.append(pa.nulls(batch.num_rows, pa.string()))
            continue
        text = pc.utf8_trim(batch.column(name), WHITESPACE)
        columns.append(pc.if_else(pc.equal(text, ""), pa.scalar(None, text.type), text))
    return pa.record_batch(columns, names=table.column_names)


@dataclass
class Scan:
    """What one streaming pass over a file's bytes found."""

    inner_blank_lines: bool  # a blank line with data after it (possibly inside a quoted value)


def _scan(folder: Folder, table: Table, file: Path) -> Scan | None:
    """Stream the file through a UTF-8 decoder, noting blank lines; on a bad byte say where and how to re-save."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset, tail = 0, b""
    first_blank, last_content = None, -1
    with file.open("rb") as handle:
        for block in itertools.chain(iter(lambda: handle.read(1 << 20), b""), [None]):
            pending = len(decoder.getstate()[0])  # bytes of a character split across blocks
            try:
                decoder.decode(block or b"", final=block is None)
            except UnicodeDecodeError as error:
                _not_utf8(folder, table, handle, offset - pending + error.start, error.object[error.start])
                return None
            if block is None:
                break
            if first_blank is None:
                joined = tail + block
                found = [at for at in (joined.find(b"\n\n"), joined.find(b"\n\r\n")) if at >= 0]
                if found:
                    first_blank = offset - len(tail) + min(found)
            content = len(block.rstrip(b"\r\n"))
            if content:
                last_content = offset + content
            tail = block[-2:]
            offset += len(block)
    return Scan(inner_blank_lines=first_blank is not None and first_blank < last_content)


def _not_utf8(folder: Folder, table: Table, handle, bad: int, byte: int) -> None:
    """Report the first byte that is not UTF-8, at its line, with how to re-save the file."""
    handle.seek(0)
    line, line_start, read = 1, 0, 0
    while read < bad:  # count the lines before the bad byte, a block at a time
        block = handle.read(min(1 << 20, bad - read))
        line += block.count(b"\n")
        if (last := block.rfind(b"\n")) >= 0:
            line_start = read + last + 1
        read += len(block)
    column = bad - line_start + 1
    folder.add(
        table,
        line,
        None,
        f"the file is not UTF-8 (byte 0x{byte:02X} at character {column} of the line); it looks like "
        "a Windows-1252 save (or Windows-1251, for Cyrillic). Re-save it as UTF-8: in Excel choose 'CSV UTF-8 (Comma delimited)', in "
        "LibreOffice tick 'Edit filter settings' and pick 'Unicode (UTF-8)'. Guessing the encoding "
        "would garble Cyrillic names, so the file is not read.",
    )


def _blank_records(file: Path) -> np.ndarray:
    """For each blank line outside quotes, how many records come before it (a slower, exact pass, rarely needed)."""
    blanks, records = [], 0
    csv.field_size_limit(max(csv.field_size_limit(), 1 << 30))  # a long note must not stop the count
    with file.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        next(reader, None)
        for row in reader:
            if row:
                records += 1
            else:
                blanks.append(records)
    return np.array(blanks, dtype=np.int64)


def _check_header(folder: Folder, table: Table, file: Path) -> list[str] | None:
    """Compare the header row with the contract; return the file's column names if they match.

    Optional columns (schema.Column.optional: the ones imports fill) may be left out; they read as empty.
    """
    with file.open(encoding="utf-8-sig", newline="") as handle:
        header = [name.strip() for name in next(csv.reader(handle), [])]
    expected = table.column_names
    if len(header) == 1:
        for separator, name in ((";", "semicolons"), ("\t", "tabs")):
            if separator in header[0]:
                folder.problems.append(
                    Problem(
                        table.file,
                        1,
                        None,
                        f"the values are separated by {name}, not commas; re-save the file as CSV with commas: "
                        "in Excel choose 'CSV UTF-8 (Comma delimited)', in LibreOffice set the field delimiter to ','",
                    )
                )
                return None
    ok = True
    seen: set[str] = set()
    for index, name in enumerate(header):
        if name in seen:
            folder.problems.append(
                Problem(table.file, 1, name, f"the column {name!r} appears twice in the header", column_letter(index))
            )
            ok = False
        seen.add(name)
    optional = {c.name for c in table.columns if c.optional}
    missing = [name for name in expected if name not in seen and name not in optional]
    extra = [(i, name) for i, name in enumerate(header) if name not in expected]
    for index, name in extra:
        hint = difflib.get_close_matches(name, missing, n=1, cutoff=0.5)
        fix = f" Did you mean {hint[0]!r}?" if hint else f" The columns are: {', '.join(expected)}."
        label = name if name else "(blank)"
        folder.problems.append(
            Problem(table.file, 1, label, f"{label!r} is not a column of {table.file}.{fix}", column_letter(index))
        )
        ok = False
    for name in missing:
        folder.problems.append(Problem(table.file, 1, name, f"the header has no column {name!r}; add it (it may be left empty unless required)"))
        ok = False
    return header if ok else None


def _parse_problem(folder: Folder, table: Table, text: str, width: int) -> None:
    """Turn DuckDB's CSV error into a plain message at its line."""
    match = re.search(r"CSV Error on Line: (\d+)", text)
    line = int(match.group(1)) if match else None
    counts = re.search(r"Expected Number of Columns: (\d+) Found: (\d+)", text)
    if "unterminated quote" in text:
        message = 'a quoted value opened on this line is never closed: add the missing closing " (quote)'
    elif counts:
        found = int(counts.group(2))
        message = (
            f"this row has {found} values but the header has {width} columns; "
            "check for a missing or extra comma, or a comma inside a value that is not in quotes"
        )
    else:
        first = text.splitlines()[0] if text else "unreadable"
        message = f"the row cannot be read as CSV ({first})"
    folder.add(table, line, None, message)
