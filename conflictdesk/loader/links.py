"""Rules across tables and files: every reference names a row that exists, every excerpt is in its source's text."""

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from duckdb import ColumnExpression, ConstantExpression, FunctionExpression

from conflictdesk.loader.cells import SPACE, WHITESPACE, arrow, show, squash
from conflictdesk.loader.hints import suggest
from conflictdesk.loader.reading import Folder, cursor
from conflictdesk.loader.rules import MAX_PER_RULE, report
from conflictdesk.schema import ALL_TABLES, TABLES, TABLES_BY_NAME

def check_references(folder: Folder) -> None:
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
            known = arrow(target[target_column].dropna()).combine_chunks()
            text = arrow(cells).combine_chunks()
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
                return f"{shown} is not a {target_column} in {target_name}.csv" + suggest(names[line][0], known)

            report(folder, table, column.name, bad_lines, message)


def check_excerpts(folder: Folder) -> None:
    sources = folder.frames.get("sources")
    if sources is None:
        return
    texts = {}
    listed = sources[sources["text_file"].notna().to_numpy()]
    for line, source_id, relative in zip(listed.index, listed["source_id"], listed["text_file"]):
        text = _read_source_text(folder, int(line), relative)
        if text is not None and not pd.isna(source_id):
            texts[source_id] = squash(text)
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
                    "source_id": arrow(frame["source_id"]).cast(pa.large_string()),
                    "excerpt": arrow(frame["excerpt"]).cast(pa.large_string()),
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
    con = cursor()
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
        report(
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
        folder.add(table, line, "text_file", f"{show(relative)} points outside the data folder; give a path like sources/name.txt")
        return None
    if not file.is_file():
        folder.add(table, line, "text_file", f"the source text {show(relative)} does not exist in the data folder")
        return None
    try:
        return file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        folder.add(table, line, "text_file", f"the source text {show(relative)} is not UTF-8; re-save it as UTF-8")
        return None
