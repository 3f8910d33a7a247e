"""Read the data folder, check every rule of the contract, and load it into DuckDB whole or not at all."""

import codecs
import csv
import difflib
import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd
from duckdb import ColumnExpression, ConstantExpression, FunctionExpression

from conflictdesk.problems import DataError, Problem, column_letter
from conflictdesk.schema import TABLES, TABLES_BY_NAME, Column, Table

ROOT = Path(__file__).resolve().parent.parent
MAX_PER_RULE = 20  # a broken column of a million rows is reported by example, not in full

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,119}$")
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$"
# Ukraine and its neighbours, generously: points outside are flagged only if swapping them lands inside.
REGION = {"lat": (40.0, 60.0), "lon": (14.0, 50.0)}

SQL_TYPES = {
    "date": duckdb.sqltypes.DATE,
    "int": duckdb.sqltypes.BIGINT,
    "float": duckdb.sqltypes.DOUBLE,
}


@dataclass
class Folder:
    """What was read from a data folder: one frame of text cells per table, and the problems found."""

    path: Path
    frames: dict[str, pd.DataFrame] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def add(self, table: Table, line, column: str | None, message: str) -> None:
        """Record a problem at a line and column of a table's file."""
        letter = None
        frame = self.frames.get(table.name)
        if column is not None and frame is not None and column in frame.columns:
            letter = column_letter(list(frame.columns).index(column))
        self.problems.append(Problem(table.file, line, column, message, letter))


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
    for table in TABLES:
        _typed(con.from_df(folder.frames[table.name]), table).create(table.name)
    meta = pd.DataFrame({"key": ["data_version"], "value": [version or data_version(path)]})
    con.from_df(meta).create("meta")
    return con


def _problem_order(problem: Problem):
    order = [t.file for t in TABLES]
    rank = order.index(problem.file) if problem.file in order else len(order)
    return (rank, problem.line or 0, problem.column or "", problem.message)


# --- reading ---------------------------------------------------------------------------------


def read_folder(path: Path) -> Folder:
    """Read every table's CSV as text cells, recording file-level problems."""
    folder = Folder(Path(path))
    if not folder.path.is_dir():
        folder.problems.append(Problem(str(path), None, None, "this data folder does not exist"))
        return folder
    reader = duckdb.connect()
    try:
        for table in TABLES:
            frame = read_table(folder, table, reader)
            if frame is not None:
                folder.frames[table.name] = frame
    finally:
        reader.close()
    return folder


def read_table(folder: Folder, table: Table, con: duckdb.DuckDBPyConnection) -> pd.DataFrame | None:
    """Read one CSV as text cells (empty cells as None), or record why it cannot be read."""
    file = folder.path / table.file
    if not file.is_file():
        folder.add(table, None, None, f"the file is missing; it needs the columns {', '.join(table.column_names)}")
        return None
    if file.stat().st_size == 0:
        folder.add(table, None, None, f"the file is empty; it needs at least the header row: {','.join(table.column_names)}")
        return None
    if not _check_utf8(folder, table, file):
        return None
    header = _check_header(folder, table, file)
    if header is None:
        return None
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
        frame = relation.df()
    except duckdb.Error as error:
        _parse_problem(folder, table, str(error), len(header))
        return None
    frame = frame.astype(object)
    for name in frame.columns:
        cells = frame[name].str.strip()
        frame[name] = cells.where(cells.notna() & (cells != ""), None)
    frame.index = frame.index + 2  # the header is line 1
    return frame[table.column_names]


def _check_utf8(folder: Folder, table: Table, file: Path) -> bool:
    """Stream the file through a UTF-8 decoder; on a bad byte say where and how to re-save."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    line, offset = 1, 0
    with file.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            try:
                decoder.decode(block)
            except UnicodeDecodeError as error:
                bad = offset + error.start
                handle.seek(0)
                before = handle.read(bad)
                line = before.count(b"\n") + 1
                column = bad - (before.rfind(b"\n") + 1) + 1
                byte = block[error.start]
                folder.add(
                    table,
                    line,
                    None,
                    f"the file is not UTF-8 (byte 0x{byte:02X} at character {column} of the line); it looks like "
                    "a Windows-1252 save. Re-save it as UTF-8: in Excel choose 'CSV UTF-8 (Comma delimited)', in "
                    "LibreOffice tick 'Edit filter settings' and pick 'Unicode (UTF-8)'. Guessing the encoding "
                    "would garble Cyrillic names, so the file is not read.",
                )
                return False
            offset += len(block)
    return True


def _check_header(folder: Folder, table: Table, file: Path) -> list[str] | None:
    """Compare the header row with the contract; return the file's column names if they match."""
    with file.open(encoding="utf-8-sig", newline="") as handle:
        header = [name.strip() for name in next(csv.reader(handle), [])]
    expected = table.column_names
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
    for table in TABLES:
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
        if table.name == "strikes":
            _check_region(folder, table, frame)
    _check_references(folder)
    _check_excerpts(folder)


def _report(folder: Folder, table: Table, column: str | None, lines, message) -> None:
    """Record a rule broken on some lines: by example past MAX_PER_RULE."""
    lines = list(lines)
    for line in lines[:MAX_PER_RULE]:
        folder.add(table, int(line), column, message(line) if callable(message) else message)
    if len(lines) > MAX_PER_RULE:
        folder.add(table, None, column, f"... and {len(lines) - MAX_PER_RULE} more lines with the same problem")


def _check_column(folder: Folder, table: Table, frame: pd.DataFrame, column: Column) -> None:
    cells = frame[column.name]
    present = cells.notna()
    if column.required:
        _report(folder, table, column.name, cells.index[~present], "this cell is empty but the column is required")
    values = cells[present].astype(str)
    if values.empty:
        return
    kind = column.kind
    if kind == "id":
        bad = values[~values.map(lambda v: bool(ID_PATTERN.match(v)))]
        _report(
            folder,
            table,
            column.name,
            bad.index,
            lambda line: f"{_show(bad[line])} is not a valid id: use letters, digits, '-', '_', '.' or ':' only",
        )
    elif kind == "date":
        _check_dates(folder, table, column.name, values)
    elif kind == "time":
        bad = values[~values.str.match(TIME_PATTERN)]
        _report(folder, table, column.name, bad.index, lambda line: f"{_show(bad[line])} is not a time like 23:40")
    elif kind == "int":
        _check_ints(folder, table, column, values)
    elif kind == "float":
        numbers = pd.to_numeric(values.where(values.str.match(r"^-?[0-9]+(\.[0-9]+)?$")), errors="coerce")
        bad = values[numbers.isna()]
        _report(folder, table, column.name, bad.index, lambda line: f"{_show(bad[line])} is not a number")
        low, high = column.low, column.high
        outside = numbers[(numbers < low) | (numbers > high)]
        _report(
            folder,
            table,
            column.name,
            outside.index,
            lambda line: f"{values[line]} is outside the range {low:g} to {high:g}",
        )
    elif kind == "choice":
        bad = values[~values.isin(column.choices)]
        _report(folder, table, column.name, bad.index, lambda line: _choice_message(bad[line], column.choices))
    elif kind == "list":
        items = values.str.split(";")
        empty = items[items.map(lambda parts: any(not p.strip() for p in parts))]
        _report(
            folder, table, column.name, empty.index, "the list has an empty item: separate items with a single ';'"
        )


def _check_dates(folder: Folder, table: Table, name: str, values: pd.Series) -> None:
    shaped = values.str.match(DATE_PATTERN)
    wrong_shape = values[~shaped]
    _report(
        folder,
        table,
        name,
        wrong_shape.index,
        lambda line: f"{_show(wrong_shape[line])} is not a date written YYYY-MM-DD (for example 2025-04-13)",
    )
    parsed = pd.to_datetime(values[shaped], format="%Y-%m-%d", errors="coerce")
    impossible = values[shaped][parsed.isna()]
    _report(folder, table, name, impossible.index, lambda line: f"{impossible[line]} is not a real calendar date")


def _check_ints(folder: Folder, table: Table, column: Column, values: pd.Series) -> None:
    whole = values.str.match(r"^[0-9]{1,12}$")
    bad = values[~whole]

    def message(line):
        value = bad[line]
        if re.match(r"^-[0-9]+(\.[0-9]+)?$", value):
            return f"{value} is negative; counts cannot be below zero"
        if re.match(r"^[0-9]+$", value):
            return f"{_show(value)} is too large to be a count of people or events; check the cell"
        if re.match(r"^[0-9]*[.,][0-9]+$", value):
            return f"{value} is not a whole number; counts of people or events are whole numbers"
        return (
            f"{_show(value)} is not a number: write the source's number in digits 0-9 (3 for 'three') "
            "and its words in the _phrase column"
        )

    _report(folder, table, column.name, bad.index, message)


def _check_key(folder: Folder, table: Table, frame: pd.DataFrame) -> None:
    keys = frame[table.key].dropna()
    repeated = keys[keys.duplicated(keep="first")]
    first_line = {value: line for line, value in keys[~keys.duplicated(keep="first")].items()}
    _report(
        folder,
        table,
        table.key,
        repeated.index,
        lambda line: f"the id {repeated[line]!r} is used again (first on line {first_line[repeated[line]]}); ids must be unique",
    )


def _check_figure(folder: Folder, table: Table, frame: pd.DataFrame, figure: str) -> None:
    number = frame[figure].notna()
    qualifier = frame[f"{figure}_qualifier"].notna()
    phrase = frame[f"{figure}_phrase"].notna()
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
    begin = pd.to_datetime(frame[start], format="%Y-%m-%d", errors="coerce")
    finish = pd.to_datetime(frame[end], format="%Y-%m-%d", errors="coerce")
    wrong = frame.index[finish < begin]
    _report(
        folder,
        table,
        end,
        wrong,
        lambda line: f"{frame.at[line, end]} is before {start} {frame.at[line, start]}; the end cannot come before the start",
    )


def _check_region(folder: Folder, table: Table, frame: pd.DataFrame) -> None:
    lat = pd.to_numeric(frame["latitude"], errors="coerce")
    lon = pd.to_numeric(frame["longitude"], errors="coerce")
    (lat_lo, lat_hi), (lon_lo, lon_hi) = REGION["lat"], REGION["lon"]
    inside = lat.between(lat_lo, lat_hi) & lon.between(lon_lo, lon_hi)
    swapped_inside = lon.between(lat_lo, lat_hi) & lat.between(lon_lo, lon_hi)
    swapped = frame.index[~inside & swapped_inside]
    _report(
        folder,
        table,
        "latitude",
        swapped,
        lambda line: f"latitude {lat[line]:g}, longitude {lon[line]:g} lies far outside Ukraine and its neighbours; "
        "did you swap latitude and longitude?",
    )


def _check_references(folder: Folder) -> None:
    for table in TABLES:
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
            known = set(target[target_column].dropna())
            cells = frame[column.name].dropna()
            if column.kind == "list":
                cells = cells.str.split(";").map(lambda parts: [p.strip() for p in parts])
                bad = cells[cells.map(lambda parts: any(p and p not in known for p in parts))]
                shown = bad.map(lambda parts: ", ".join(repr(p) for p in parts if p and p not in known))
            else:
                bad = cells[~cells.isin(known)]
                shown = bad.map(repr)
            _report(
                folder,
                table,
                column.name,
                bad.index,
                lambda line: f"{shown[line]} is not a {target_column} in {target_name}.csv"
                + _suggest(frame.at[line, column.name], known),
            )


def _check_excerpts(folder: Folder) -> None:
    sources = folder.frames.get("sources")
    if sources is None:
        return
    texts = {}
    for line, row in sources.iterrows():
        if row["text_file"] is None:
            continue
        text = _read_source_text(folder, line, row["text_file"])
        if text is not None:
            texts[row["source_id"]] = _squash(text)
    for table in TABLES:
        frame = folder.frames.get(table.name)
        if not table.is_fact or frame is None:
            continue
        rows = frame[frame["source_id"].isin(texts.keys()) & frame["excerpt"].notna()]
        missing = [
            line
            for line, source, excerpt in zip(rows.index, rows["source_id"], rows["excerpt"])
            if _squash(excerpt) not in texts[source]
        ]
        _report(
            folder,
            table,
            "excerpt",
            missing,
            lambda line: f"the excerpt is not found word for word in the text of source {frame.at[line, 'source_id']!r}; "
            "copy it exactly (same spelling, punctuation and quote marks)",
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
        elif column.kind in ("id", "text", "choice", "time"):
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


def _suggest(value, known: set[str]) -> str:
    first = str(value).split(";")[0].strip()
    hint = difflib.get_close_matches(first, sorted(known), n=1, cutoff=0.6)
    return f"; did you mean {hint[0]!r}?" if hint else ""
