"""The corrections log (corrections.csv) checked against the data it corrects.

A correction names a cell that was changed in place: the table, the row (by its id), the column, the old
and the new value, the day and the reason. The rules (documented in data/README.md, "Corrections"):

- `table` is a table of the data and `column` one of its columns (not its id column), or `*` for a row
  that was removed;
- the row exists, unless a `*` correction of it says it was removed (then it must be gone);
- the newest correction of a cell (by `corrected_on`, then by line) has the `new_value` the data holds now;
- `corrected_on` is not in the future, and a correction changes something (old and new values differ).

A correction whose cell breaks a rule of its own is not compared: the cell's own problem comes first.
"""

import datetime as dt
import difflib

import pandas as pd

from conflictdesk.loader.cells import show
from conflictdesk.loader.reading import Folder
from conflictdesk.schema import ALL_TABLES, TABLES_BY_NAME, WHOLE_ROW, Column

CORRECTIONS = TABLES_BY_NAME["corrections"]
# The earliest calendar on Earth (UTC+14) is the last to reach a date: a later date is in the future.
EARLIEST_ZONE = dt.timedelta(hours=14)


def _text(value) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value).strip()


def same_value(column: Column, held: str, given: str) -> bool:
    """Whether a correction's value is what a cell holds, read the way the contract reads the column."""
    if column.kind == "list":
        return [i.strip() for i in held.split(";") if i.strip()] == [i.strip() for i in given.split(";") if i.strip()]
    if column.kind in ("int", "float") and held and given:
        try:
            return float(held) == float(given)
        except ValueError:
            return held == given
    return held == given


def _hint(value: str, known) -> str:
    match = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    return f"; did you mean {match[0]!r}?" if match else ""


def check_corrections(folder: Folder, today: dt.date | None = None) -> None:
    """Check every correction against the tables read; record each problem at its line and column."""
    log = folder.frames.get("corrections")
    if log is None or log.empty:
        return
    today = today or (dt.datetime.now(dt.timezone.utc) + EARLIEST_ZONE).date()
    broken = {(p.file, p.line, p.column) for p in folder.problems}
    names = [t.name for t in ALL_TABLES if t.name != "corrections"]
    rows = [(int(line), {name: _text(log.at[line, name]) for name in CORRECTIONS.column_names}) for line in log.index]
    by_line = dict(rows)
    add = lambda line, column, message: folder.add(CORRECTIONS, line, column, message)  # noqa: E731
    # Where each corrected row is: table -> row id -> line in its file (only the ids the log names).
    found: dict[str, dict[str, int]] = {}
    for name in names:
        frame = folder.frames.get(name)
        wanted = {cells["row_id"] for _, cells in rows if cells["table"] == name}
        if frame is None or not wanted:
            continue
        keys = frame[TABLES_BY_NAME[name].key]
        hits = keys[keys.isin(wanted).to_numpy()]
        found[name] = {str(key): int(line) for line, key in hits.items()}
    removed = {(c["table"], c["row_id"]) for _, c in rows if c["column"] == WHOLE_ROW}
    newest: dict[tuple[str, str, str], tuple[str, int]] = {}
    for line, cells in rows:
        day = cells["corrected_on"]
        if len(day) == 10 and (CORRECTIONS.file, line, "corrected_on") not in broken:
            if dt.date.fromisoformat(day) > today:
                add(line, "corrected_on", f"{day} is in the future; date a correction the day it was made")
        name, column, row_id = cells["table"], cells["column"], cells["row_id"]
        if not name:
            continue
        if name not in names:
            add(line, "table", f"{show(name)} is not a table of the data; use one of: {', '.join(names)}{_hint(name, names)}")
            continue
        table = TABLES_BY_NAME[name]
        if column and column != WHOLE_ROW and column not in table.column_names:
            add(line, "column", f"{show(column)} is not a column of {table.file}{_hint(column, table.column_names)} "
                f"(write {WHOLE_ROW} for a row that was removed)")
            continue
        if column == table.key:
            add(line, "column", f"an id is not corrected in place: log the row under its old id as removed (column "
                f"{WHOLE_ROW}); the row under its new id is a new row")
            continue
        if cells["old_value"] == cells["new_value"] and column != WHOLE_ROW:
            add(line, "new_value", "old_value and new_value are the same: nothing was corrected; give the value "
                "before and after the correction")
            continue
        if name not in found or not row_id or not column:
            continue  # the table could not be read, or a required cell is missing (already reported)
        at = found[name].get(row_id)
        if column == WHOLE_ROW:
            if cells["new_value"]:
                add(line, "new_value", f"a correction of the whole row ({WHOLE_ROW}) records a removed row: leave "
                    "new_value empty. A row added later (a new report) is a new row, not a correction")
            elif at is not None:
                add(line, "row_id", f"{show(row_id)} is still in {table.file} (line {at}); a correction with column "
                    f"{WHOLE_ROW} says the row was removed: delete the row, or name the column that was corrected")
            continue
        if at is None:
            if (name, row_id) not in removed:
                add(line, "row_id", f"{show(row_id)} is not a {table.key} in {table.file}; check the id, or if the "
                    f"row was removed, add a correction with column {WHOLE_ROW} saying so")
            continue
        cell = (name, row_id, column)
        if cell not in newest or (day, line) >= (newest[cell][0], newest[cell][1]):
            newest[cell] = (day, line)
    for (name, row_id, column), (_, line) in newest.items():
        table = TABLES_BY_NAME[name]
        at = found[name][row_id]
        if (table.file, at, column) in broken:
            continue  # the cell's own problem comes first
        held = _text(folder.frames[name].at[at, column])
        given = by_line[line]["new_value"]
        if not same_value(table.columns[table.column_names.index(column)], held, given):
            now = f"holds {show(held)}" if held else "is empty"
            add(line, "new_value", f"{show(given) if given else 'empty'} is not what {table.file} holds now: the "
                f"{column} of {row_id} (line {at}) {now}. Put the corrected value in the data, or fix new_value "
                "(the newest correction of a cell gives its value now)")

