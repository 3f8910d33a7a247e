"""Read the data folder, check every rule of the contract, and load it into DuckDB whole or not at all.

Cells stay in Arrow-backed string columns (pandas' `str` dtype) from the CSV reader to the database:
every rule is a vectorised test over a whole column (pyarrow compute, or a DuckDB expression built
with its Python API, never SQL text), and only the few cells a message quotes become Python strings.
A bad row deep inside a file of a million rows is found and named in seconds.
"""

import codecs
import csv
import difflib
import hashlib
import itertools
import os
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from duckdb import ColumnExpression, ConstantExpression, FunctionExpression

from conflictdesk.problems import DataError, Problem, column_letter
from conflictdesk.schema import ALL_TABLES, TABLES_BY_NAME, Column, Table

ROOT = Path(__file__).resolve().parent.parent
MAX_PER_RULE = 20  # a broken column of a million rows is reported by example, not in full

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,119}$")
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$"
DATETIME_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}( ([01][0-9]|2[0-3]):[0-5][0-9])?$"  # the hour only when known
FLOAT_PATTERN = r"^-?[0-9]+(\.[0-9]+)?$"
COUNT_PATTERN = r"^[0-9]{1,12}$"
# Ukraine and its neighbours, generously: points outside are flagged only if swapping them lands inside.
REGION = {"lat": (40.0, 60.0), "lon": (14.0, 50.0)}
# What Python's str.split() and str.strip() count as white space (every character c with c.isspace()),
# for Arrow and DuckDB to use the same; tests/test_load.py checks the list is complete.
WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
    "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


def _char_class(chars: str) -> str:
    """A regular-expression class of these characters (literal, in ranges), valid in Python, RE2 and DuckDB."""
    codes = sorted(ord(c) for c in chars)
    parts, start = [], codes[0]
    for previous, code in zip(codes, codes[1:] + [None]):
        if code != previous + 1:
            parts.append(chr(start) if start == previous else f"{chr(start)}-{chr(previous)}")
            start = code
    return "[" + "".join(parts) + "]"


SPACE = _char_class(WHITESPACE)
EMPTY_ITEM = f"(^|;){SPACE}*(;|$)"  # a ;-list item holding nothing but white space
DAYS_IN_MONTH = np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
BATCH_ROWS = 200_000  # rows of a CSV cleaned at a time
MANY_KNOWN = 5000  # past this many known ids, "did you mean" looks only at ids sharing a prefix

SQL_TYPES = {
    "date": duckdb.sqltypes.DATE,
    "int": duckdb.sqltypes.BIGINT,
    "float": duckdb.sqltypes.DOUBLE,
}


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


def data_dir() -> Path:
    """The data folder: $CONFLICTDESK_DATA when set, else the bundled `data/`."""
    return Path(os.environ.get("CONFLICTDESK_DATA") or ROOT / "data")


def folder_signature(path: Path) -> tuple:
    """Names, sizes and modification times of the data files: cheap to take on every rerun."""
    files = sorted(Path(path).glob("*.csv")) + sorted((Path(path) / "sources").glob("*"))
    return tuple((f.name, f.stat().st_size, f.stat().st_mtime_ns) for f in files if f.is_file())


def data_version(path: Path) -> str:
    """A short hash of every CSV and source text in the folder: the data version."""
    digest = hashlib.sha256()
    files = sorted(path.glob("*.csv")) + sorted((path / "sources").glob("*"))
    for file in files:
        if file.is_file():
            digest.update(file.relative_to(path).as_posix().encode())
            with file.open("rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
    return digest.hexdigest()[:12]


_scratch: duckdb.DuckDBPyConnection | None = None
_scratch_lock = threading.Lock()


def _cursor() -> duckdb.DuckDBPyConnection:
    """A cursor on one in-memory DuckDB kept for reading and checking (connecting anew costs ~30 ms)."""
    global _scratch
    with _scratch_lock:
        if _scratch is None:
            _scratch = duckdb.connect()
        return _scratch.cursor()


def validate(path: Path) -> tuple[list[Problem], dict[str, int]]:
    """Check a data folder against the contract; return the problems and rows per table."""
    folder = read_folder(path)
    check_folder(folder)
    counts = {name: len(frame) for name, frame in folder.frames.items()}
    return sorted(folder.problems, key=_problem_order), counts


def load(path: Path, database: str = ":memory:", version: str | None = None) -> duckdb.DuckDBPyConnection:
    """Load a valid data folder into a new DuckDB database; raise DataError listing every problem."""
    folder = read_folder(path)
    check_folder(folder)
    if folder.problems:
        raise DataError(sorted(folder.problems, key=_problem_order))
    con = duckdb.connect(database)
    for table in ALL_TABLES:
        frame = folder.frames.get(table.name)
        if frame is None:  # an absent optional table
            frame = pd.DataFrame({name: pd.Series([], dtype="str") for name in table.column_names})
        cells = pa.Table.from_pandas(frame, preserve_index=False)
        _typed(con.from_arrow(cells), table).create(table.name)
    meta = pd.DataFrame({"key": ["data_version"], "value": [version or data_version(path)]})
    con.from_df(meta).create("meta")
    return con


def _problem_order(problem: Problem):
    order = [t.file for t in ALL_TABLES]
    rank = order.index(problem.file) if problem.file in order else len(order)
    return (rank, problem.line or 0, problem.column or "", problem.message)


# --- reading ---------------------------------------------------------------------------------


def read_folder(path: Path) -> Folder:
    """Read every table's CSV as text cells, recording file-level problems."""
    folder = Folder(Path(path))
    if not folder.path.is_dir():
        folder.problems.append(Problem(str(path), None, None, "this data folder does not exist"))
        return folder
    reader = _cursor()
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
    """Compare the header row with the contract; return the file's column names if they match."""
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
    missing = [name for name in expected if name not in seen]
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


# --- checking --------------------------------------------------------------------------------


def check_folder(folder: Folder) -> None:
    """Apply every rule of the contract to the tables that could be read."""
    for table in ALL_TABLES:
        frame = folder.frames.get(table.name)
        if frame is None:
            continue
        for column in table.columns:
            _check_column(folder, table, frame, column)
        _check_key(folder, table, frame)
        for figure in table.figures:
            _check_figure(folder, table, frame, figure)
        for start, end in table.spans:
            _check_span(folder, table, frame, start, end)
        if table.name in ("strikes", "incidents"):
            _check_region(folder, table, frame)
    _check_references(folder)
    _check_excerpts(folder)


def _report(folder: Folder, table: Table, column: str | None, lines, message) -> None:
    """Record a rule broken on some lines: by example past MAX_PER_RULE."""
    lines = np.asarray(lines)
    for line in lines[:MAX_PER_RULE]:
        line = int(line)
        folder.add(table, line, column, message(line) if callable(message) else message)
    if len(lines) > MAX_PER_RULE:
        folder.add(table, None, column, f"... and {len(lines) - MAX_PER_RULE} more lines with the same problem")


def _arrow(cells: pd.Series) -> pa.ChunkedArray:
    """The Arrow strings behind a column of cells (no copy)."""
    return cells.array.__arrow_array__()


def _matches(cells: pd.Series, pattern: str) -> np.ndarray:
    """Where a cell contains a match of the (RE2) pattern; missing cells do not match."""
    found = pc.match_substring_regex(_arrow(cells), pattern)
    return pc.fill_null(found, False).to_numpy(zero_copy_only=False)


def _numbers(cells: pd.Series) -> np.ndarray:
    """Cells written as plain decimal numbers, as floats; NaN for anything else."""
    text = _arrow(cells)
    plain = pc.fill_null(pc.match_substring_regex(text, FLOAT_PATTERN), False)
    return pc.cast(pc.if_else(plain, text, pa.scalar(None, text.type)), pa.float64()).to_numpy(zero_copy_only=False)


def _real_dates(cells: pd.Series, shaped: np.ndarray | None = None) -> np.ndarray:
    """Where a cell is a YYYY-MM-DD date that exists in the (proleptic Gregorian) calendar."""
    if shaped is None:
        shaped = _matches(cells, DATE_PATTERN)
    real = np.zeros(len(cells), dtype=bool)
    if shaped.any():
        dates = pc.filter(_arrow(cells), pa.array(shaped))

        def part(start: int, stop: int) -> np.ndarray:
            return pc.cast(pc.utf8_slice_codeunits(dates, start, stop), pa.int64()).to_numpy()

        year, month, day = part(0, 4), part(5, 7), part(8, 10)
        leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
        month_index = np.clip(month, 1, 12) - 1
        last_day = DAYS_IN_MONTH[month_index] + ((month_index == 1) & leap)
        real[shaped] = (month >= 1) & (month <= 12) & (day >= 1) & (day <= last_day)
    return real


def _check_column(folder: Folder, table: Table, frame: pd.DataFrame, column: Column) -> None:
    if column.kind == "text" and not column.required:
        return  # free text: anything goes
    cells = frame[column.name]
    present = cells.notna().to_numpy()
    if column.required:
        _report(folder, table, column.name, cells.index[~present], "this cell is empty but the column is required")
    values = cells[present]
    if values.empty:
        return
    kind = column.kind
    if kind == "id":
        bad = values[~_matches(values, ID_PATTERN.pattern)]
        _report(
            folder,
            table,
            column.name,
            bad.index,
            lambda line: f"{_show(bad[line])} is not a valid id: use letters, digits, '-', '_', '.' or ':' only",
        )
    elif kind == "date":
        _check_dates(folder, table, column.name, values)
    elif kind == "datetime":
        shaped = _matches(values, DATETIME_PATTERN)
        bad = values[~shaped]
        _report(folder, table, column.name, bad.index, lambda line: f"{_show(bad[line])} is not a date-time written "
                "YYYY-MM-DD HH:MM (or YYYY-MM-DD when the source gives no hour), for example 2025-04-13 06:30")
        days = pd.Series(pc.utf8_slice_codeunits(_arrow(values), 0, 10), index=values.index, dtype="str")
        impossible = values[shaped & ~_real_dates(days)]
        _report(folder, table, column.name, impossible.index, lambda line: f"{impossible[line]} is not a real calendar date")
    elif kind == "time":
        bad = values[~_matches(values, TIME_PATTERN)]
        _report(folder, table, column.name, bad.index, lambda line: f"{_show(bad[line])} is not a time like 23:40")
    elif kind == "int":
        _check_ints(folder, table, column, values)
    elif kind == "float":
        numbers = _numbers(values)
        bad = values[np.isnan(numbers)]
        _report(folder, table, column.name, bad.index, lambda line: _number_message(bad[line]))
        low, high = column.low, column.high
        outside = values.index[(numbers < low) | (numbers > high)]
        _report(
            folder,
            table,
            column.name,
            outside,
            lambda line: f"{values[line]} is outside the range {low:g} to {high:g}",
        )
    elif kind == "choice":
        bad = values[~values.isin(column.choices).to_numpy()]
        _report(folder, table, column.name, bad.index, lambda line: _choice_message(bad[line], column.choices))
    elif kind == "list":
        _report(
            folder,
            table,
            column.name,
            values.index[_matches(values, EMPTY_ITEM)],
            "the list has an empty item: separate items with a single ';'",
        )


def _check_dates(folder: Folder, table: Table, name: str, values: pd.Series) -> None:
    shaped = _matches(values, DATE_PATTERN)
    wrong_shape = values[~shaped]
    _report(folder, table, name, wrong_shape.index, lambda line: _date_message(wrong_shape[line]))
    impossible = values[shaped & ~_real_dates(values, shaped)]
    _report(folder, table, name, impossible.index, lambda line: f"{impossible[line]} is not a real calendar date")


def _check_ints(folder: Folder, table: Table, column: Column, values: pd.Series) -> None:
    bad = values[~_matches(values, COUNT_PATTERN)]

    def message(line):
        value = bad[line]
        if re.match(r"^-[0-9]+(\.[0-9]+)?$", value):
            return f"{value} is negative; counts cannot be below zero"
        if re.match(r"^[0-9]+$", value):
            return f"{_show(value)} is too large to be a count of people or events; check the cell"
        if re.match(r"^[0-9]{1,3}(,[0-9]{3})+$", value):
            return (
                f"{value} has a thousands separator; write the number in digits only "
                f"(did you mean {value.replace(',', '')}?) and keep the source's words in the _phrase column"
            )
        if re.match(r"^[0-9]*[.,][0-9]+$", value):
            return f"{value} is not a whole number; counts of people or events are whole numbers"
        return (
            f"{_show(value)} is not a number: write the source's number in digits 0-9 (3 for 'three') "
            "and its words in the _phrase column"
        )

    _report(folder, table, column.name, bad.index, message)


def _check_key(folder: Folder, table: Table, frame: pd.DataFrame) -> None:
    keys = frame[table.key]
    repeated = keys[keys.duplicated(keep="first").to_numpy() & keys.notna().to_numpy()]

    def message(line):
        value = repeated[line]
        first = keys.index[(keys == value).to_numpy()][0]
        return f"the id {value!r} is used again (first on line {first}); ids must be unique"

    _report(folder, table, table.key, repeated.index, message)


def _check_figure(folder: Folder, table: Table, frame: pd.DataFrame, figure: str) -> None:
    number = frame[figure].notna().to_numpy()
    qualifier = frame[f"{figure}_qualifier"].notna().to_numpy()
    phrase = frame[f"{figure}_phrase"].notna().to_numpy()
    _report(
        folder,
        table,
        f"{figure}_qualifier",
        frame.index[number & ~qualifier],
        f"{figure} has a number but no qualifier: say how exact the source is (exact, at_least, over, about, nearly, up_to, vague)",
    )
    _report(
        folder,
        table,
        f"{figure}_phrase",
        frame.index[(number | qualifier) & ~phrase],
        f"{figure} needs the source's own words in {figure}_phrase (for example 'over 100')",
    )
    _report(
        folder,
        table,
        figure,
        frame.index[~number & (qualifier | phrase)],
        f"{figure}_qualifier or {figure}_phrase is filled but {figure} is empty: give the number as digits",
    )


def _check_span(folder: Folder, table: Table, frame: pd.DataFrame, start: str, end: str) -> None:
    begin, finish = frame[start], frame[end]
    # Date-times are compared by their days, and by their hours too when both give one.
    begin_day, finish_day = (
        pd.Series(pc.utf8_slice_codeunits(_arrow(cells), 0, 10), index=cells.index, dtype="str") for cells in (begin, finish)
    )
    both = _real_dates(begin_day) & _real_dates(finish_day)
    same_shape = pc.equal(pc.utf8_length(_arrow(begin)), pc.utf8_length(_arrow(finish)))
    # Two real YYYY-MM-DD dates (or YYYY-MM-DD HH:MM date-times) compare as their text does.
    earlier = pc.or_(
        pc.less(_arrow(finish_day), _arrow(begin_day)), pc.and_(same_shape, pc.less(_arrow(finish), _arrow(begin)))
    )
    earlier = pc.fill_null(earlier, False).to_numpy(zero_copy_only=False)
    _report(
        folder,
        table,
        end,
        frame.index[both & earlier],
        lambda line: f"{frame.at[line, end]} is before {start} {frame.at[line, start]}; the end cannot come before the start",
    )


def _check_region(folder: Folder, table: Table, frame: pd.DataFrame) -> None:
    lat, lon = _numbers(frame["latitude"]), _numbers(frame["longitude"])
    (lat_lo, lat_hi), (lon_lo, lon_hi) = REGION["lat"], REGION["lon"]

    def within(values, low, high):
        return (values >= low) & (values <= high)

    inside = within(lat, lat_lo, lat_hi) & within(lon, lon_lo, lon_hi)
    swapped_inside = within(lon, lat_lo, lat_hi) & within(lat, lon_lo, lon_hi)
    swapped = frame.index[~inside & swapped_inside]
    lat, lon = pd.Series(lat, index=frame.index), pd.Series(lon, index=frame.index)

    def message(line):
        return (
            f"latitude {lat[line]:g}, longitude {lon[line]:g} lies far outside Ukraine and its neighbours; "
            "did you swap latitude and longitude?"
        )

    _report(folder, table, "latitude", swapped, message)


def _check_references(folder: Folder) -> None:
    for table in ALL_TABLES:
        frame = folder.frames.get(table.name)
        if frame is None:
            continue
        for column in table.columns:
            if not column.references:
                continue
            target_name, target_column = column.references.split(".")
            target = folder.frames.get(target_name)
            if target is None:
                continue
            cells = frame[column.name].dropna()
            if cells.empty:
                continue
            known = _arrow(target[target_column].dropna()).combine_chunks()
            text = _arrow(cells).combine_chunks()
            if column.kind == "list":
                lists = pc.split_pattern(text, ";")
                items = pc.utf8_trim(pc.list_flatten(lists), WHITESPACE)
                parents = pc.list_parent_indices(lists).to_numpy()
                unknown = pc.and_(pc.not_equal(items, ""), pc.invert(pc.is_in(items, value_set=known)))
                unknown = unknown.to_numpy(zero_copy_only=False)
                rows = np.unique(parents[unknown])
                names = {  # the unknown items of each row a message will quote
                    int(cells.index[row]): items.filter(pa.array((parents == row) & unknown)).to_pylist()
                    for row in rows[:MAX_PER_RULE]
                }
                bad_lines = cells.index[rows]
            else:
                unknown = pc.invert(pc.is_in(text, value_set=known)).to_numpy(zero_copy_only=False)
                bad_lines = cells.index[unknown]
                names = {int(line): [value] for line, value in cells[unknown].iloc[:MAX_PER_RULE].items()}

            def message(line, names=names, known=known, target_name=target_name, target_column=target_column):
                shown = ", ".join(repr(name) for name in names[line])
                return f"{shown} is not a {target_column} in {target_name}.csv" + _suggest(names[line][0], known)

            _report(folder, table, column.name, bad_lines, message)


def _check_excerpts(folder: Folder) -> None:
    sources = folder.frames.get("sources")
    if sources is None:
        return
    texts = {}
    listed = sources[sources["text_file"].notna().to_numpy()]
    for line, source_id, relative in zip(listed.index, listed["source_id"], listed["text_file"]):
        text = _read_source_text(folder, int(line), relative)
        if text is not None and not pd.isna(source_id):
            texts[source_id] = _squash(text)
    if not texts:
        return
    fact_tables = [t for t in ALL_TABLES if t.is_fact and folder.frames.get(t.name) is not None]
    if not fact_tables:
        return
    rows = pa.concat_tables(
        [
            pa.table(
                {
                    "table_index": pa.array(np.full(len(frame), index, dtype=np.int64)),
                    "line": pa.array(frame.index.to_numpy(dtype=np.int64)),
                    "source_id": _arrow(frame["source_id"]).cast(pa.large_string()),
                    "excerpt": _arrow(frame["excerpt"]).cast(pa.large_string()),
                }
            )
            for index, frame in ((i, folder.frames[t.name]) for i, t in enumerate(fact_tables))
        ]
    )
    squashed = FunctionExpression(
        "trim",
        FunctionExpression(
            "regexp_replace",
            ColumnExpression("excerpt"),
            ConstantExpression(SPACE + "+"),
            ConstantExpression(" "),
            ConstantExpression("g"),
        ),
    )
    # Every excerpt is looked up in its source's text inside DuckDB, in one query over all fact tables.
    con = _cursor()
    try:
        known = con.from_arrow(pa.table({"text_source": list(texts), "source_text": list(texts.values())}))
        missing = (
            con.from_arrow(rows)
            .join(known, ColumnExpression("source_id") == ColumnExpression("text_source"))
            .filter(
                ColumnExpression("excerpt").isnotnull()
                # most excerpts are found as written; only the others have their white space folded
                & ~FunctionExpression("contains", ColumnExpression("source_text"), ColumnExpression("excerpt"))
                & ~FunctionExpression("contains", ColumnExpression("source_text"), squashed)
            )
            .select(ColumnExpression("table_index"), ColumnExpression("line"))
            .sort(ColumnExpression("table_index"), ColumnExpression("line"))
            .fetchnumpy()
        )
    finally:
        con.close()
    for index, table in enumerate(fact_tables):
        frame = folder.frames[table.name]
        _report(
            folder,
            table,
            "excerpt",
            missing["line"][missing["table_index"] == index],
            lambda line, frame=frame: f"the excerpt is not found word for word in the text of source "
            f"{frame.at[line, 'source_id']!r}; copy it exactly (same spelling, punctuation and quote marks)",
        )


def _read_source_text(folder: Folder, line: int, relative: str) -> str | None:
    table = TABLES_BY_NAME["sources"]
    root = folder.path.resolve()
    file = (folder.path / relative).resolve()
    if root not in file.parents:
        folder.add(table, line, "text_file", f"{_show(relative)} points outside the data folder; give a path like sources/name.txt")
        return None
    if not file.is_file():
        folder.add(table, line, "text_file", f"the source text {_show(relative)} does not exist in the data folder")
        return None
    try:
        return file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        folder.add(table, line, "text_file", f"the source text {_show(relative)} is not UTF-8; re-save it as UTF-8")
        return None


def _typed(relation: duckdb.DuckDBPyRelation, table: Table) -> duckdb.DuckDBPyRelation:
    """Cast the text cells of a checked table to the contract's types."""
    expressions = []
    for column in table.columns:
        cell = ColumnExpression(column.name)
        if column.kind in SQL_TYPES:
            cell = cell.cast(SQL_TYPES[column.kind])
        elif column.kind == "list":
            cell = FunctionExpression(
                "regexp_split_to_array", cell.cast(duckdb.sqltypes.VARCHAR), ConstantExpression(r"\s*;\s*")
            )
        elif column.kind in ("id", "text", "choice", "time", "datetime"):  # a date-time stays text: its hour may be unknown
            cell = cell.cast(duckdb.sqltypes.VARCHAR)
        else:
            raise ValueError(f"unknown column kind {column.kind}")
        expressions.append(cell.alias(column.name))
    return relation.select(*expressions)


def _squash(text: str) -> str:
    """Fold runs of white space so a line break in the source matches a space in the excerpt."""
    return " ".join(text.split())


def _show(value: str, limit: int = 60) -> str:
    """A cell value quoted for a message, shortened if long."""
    value = str(value)
    return repr(value if len(value) <= limit else value[:limit] + "…")


def _choice_message(value: str, choices: tuple[str, ...]) -> str:
    hint = difflib.get_close_matches(value.lower(), choices, n=1, cutoff=0.6)
    fix = f"; did you mean {hint[0]!r}?" if hint else ""
    return f"{_show(value)} is not one of: {', '.join(choices)}{fix}"


def _number_message(value: str) -> str:
    message = f"{_show(value)} is not a number"
    if re.match(r"^-?[0-9]+,[0-9]+$", value):
        message += f"; write decimals with a point: did you mean {value.replace(',', '.')}?"
    return message


def _date_message(value: str) -> str:
    fix = _date_fix(value)
    hint = f"; did you mean {fix}?" if fix else ""
    return f"{_show(value)} is not a date written YYYY-MM-DD (for example 2025-04-13){hint}"


def _date_fix(value: str) -> str | None:
    """The YYYY-MM-DD date a spreadsheet-style date surely means, or None when it is unclear."""
    if match := re.match(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})[ T]00:00(:00)?$", value):
        year, month, day = match.group(1, 2, 3)
    elif match := re.match(r"^([0-9]{4})[/.-]([0-9]{1,2})[/.-]([0-9]{1,2})$", value):
        year, month, day = match.group(1, 2, 3)
    elif match := re.match(r"^([0-9]{1,2})[/.]([0-9]{1,2})[/.]([0-9]{4})$", value):
        first, second, year = match.group(1, 2, 3)
        if int(first) > 12 >= int(second):
            day, month = first, second
        elif int(second) > 12 >= int(first):
            month, day = first, second
        else:
            return None  # 04/05/2025: 4 May or 5 April? Only the curator knows.
    else:
        return None
    fixed = f"{year}-{int(month):02d}-{int(day):02d}"
    return fixed if _real_dates(pd.Series([fixed], dtype="str"))[0] else None


def _suggest(value: str, known: pa.Array) -> str:
    """'; did you mean …?' with the known id closest to value, or nothing."""
    hint = difflib.get_close_matches(value, _candidates(value, known), n=1, cutoff=0.6)
    return f"; did you mean {hint[0]!r}?" if hint else ""


def _candidates(value: str, known: pa.Array) -> list[str]:
    """The known ids worth comparing with value: all of them, or past MANY_KNOWN those sharing its longest prefix."""
    if len(known) <= MANY_KNOWN:
        return pc.unique(known).to_pylist()
    for size in range(min(len(value), 24), 0, -1):
        near = pc.filter(known, pc.starts_with(known, value[:size]))
        if len(near):
            return pc.unique(near).slice(0, MANY_KNOWN).to_pylist()
    return []
