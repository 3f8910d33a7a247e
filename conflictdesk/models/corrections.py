"""Corrections in words: the log of a view, the entries behind a "corrected on …" mark, and what changed since a link.

A correction is a cell of the data changed in place (data/corrections.csv; which rows it concerns is the
SQL rule `corrections_of`, queries/build/). This module turns the rows of the queries `corrections`,
`row_corrections` and `corrections_since` into sentences; pages and marks only lay them out.

A correction is dated to the day. A link made at a moment T (its `as_of`) announces the corrections dated
after T's day (UTC): a correction dated D is taken to be made at the start of D, so a link made during D
was made after it.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from conflictdesk.i18n import _, format_date, ngettext
from conflictdesk.schema import TABLES_BY_NAME, WHOLE_ROW
from conflictdesk.view import View
from conflictdesk.wording import blank, date_text

Run = Callable[..., pd.DataFrame]
LIST_LIMIT = 200  # corrections listed on the page; the download holds every one
SINCE_LIMIT = 10  # changes named in the "updated since" notice; the Corrections page lists the rest
# The tables each page shows: a correction of a row of them, in the view's filters, touches the page.
# A page not listed here is touched by a correction of any table.
PAGE_TABLES = {
    "overview": ("strikes", "casualties", "statements", "events", "truces", "sources"),
    "map": ("strikes", "casualties", "statements", "sources"),
    "casualties": ("strikes", "casualties", "sources"),
    "truces": ("truces", "truce_violations", "sources"),
    "statements": ("statements", "sources"),
    "sources": ("sources", "actors"),
}


@dataclass(frozen=True)
class Entry:
    """One correction in words: the day, which row, which field, the old and new value, why, and its source."""

    correction_id: str
    day: str
    row: str
    field: str
    old: str
    new: str
    reason: str
    source: str | None = None
    source_url: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class Log:
    """The Corrections page: the entries listed (newest first), how many there are, and its headline."""

    entries: tuple[Entry, ...]
    count: int
    headline: str
    rows: pd.DataFrame = field(repr=False, default_factory=pd.DataFrame)


@dataclass(frozen=True)
class Since:
    """The notice of a link made before some corrections: its headline and the changes it names."""

    count: int
    headline: str
    entries: tuple[Entry, ...]
    more: int = 0


def day_text(value) -> str:
    """A correction's day in the interface language: 29 Nov 2026."""
    return format_date(pd.Timestamp(value).date())


def mark_text(value) -> str:
    """The words of a "corrected" mark: Corrected on 29 Nov 2026."""
    return _("Corrected on {date}").format(date=day_text(value))


def value_text(value) -> str:
    """A corrected cell's value as text, or a word for an empty one."""
    return _("(empty)") if blank(value) else str(value)


def field_text(column) -> str:
    """A column's name in words: target_type -> target type; * -> the whole row (removed)."""
    if column == WHOLE_ROW:
        return _("the whole row (removed)")
    return str(column).replace("_", " ")


def row_text(row) -> str:
    """Which row a correction changed, in words: "Strike in Odesa, 21 Apr 2025", "Statement by Donald Trump, …"."""
    table, title = row.get("table_name"), row.get("row_title")
    if blank(title):
        name = TABLES_BY_NAME[table].file if table in TABLES_BY_NAME else str(table)
        return _("Row “{row}” of {file} (no longer in the data)").format(row=row.get("row_id"), file=name)
    first = row.get("row_first")
    when = "" if blank(first) else date_text(first, row.get("row_precision") or "day")
    templates = {
        "strikes": _("Strike in {title}, {date}"),
        "casualties": _("Casualty report on the strike in {title}, {date}"),
        "truces": _("Truce: {title}"),
        "truce_violations": _("A claim of violations of the {title}"),
        "statements": _("Statement by {title}, {date}"),
        "events": _("Event: {title}, {date}"),
        "sources": _("Source: {title}"),
        "actors": _("Actor: {title}"),
    }
    template = templates.get(table, _("{title}"))
    return template.format(title=title, date=when)


def source_name(publisher, title) -> str | None:
    """A source named for readers: its publisher, or its title when the source names no publisher."""
    if not blank(publisher):
        return str(publisher)
    return None if blank(title) else str(title)


def entry(row) -> Entry:
    """One row of correction_log (or of corrections_of) in words."""
    row = dict(row)
    return Entry(
        correction_id=str(row["correction_id"]),
        day=day_text(row["corrected_on"]),
        row=row_text(row) if "row_title" in row else "",
        field=field_text(row["column_name"]),
        old=value_text(row.get("old_value")),
        new=value_text(row.get("new_value")),
        reason=str(row.get("reason") or ""),
        source=source_name(row.get("publisher"), row.get("source_title")),
        source_url=None if blank(row.get("source_url")) else str(row["source_url"]),
        notes=None if blank(row.get("notes")) else str(row["notes"]),
    )


def log(view: View, run: Run) -> Log:
    """The corrections of rows in the view's period and actors, newest first (the first LIST_LIMIT in words)."""
    rows = run("corrections", **view.params())
    count = len(rows)
    entries = tuple(entry(row) for row in rows.head(LIST_LIMIT).to_dict("records"))
    if count == 0:
        headline = _("No corrections of rows in this period for these actors.")
    else:
        headline = ngettext("{count} correction, newest first.", "{count} corrections, newest first.", count)
        headline = headline.format(count=count)
    return Log(entries, count, headline, rows)


def row_entries(keys, run: Run) -> tuple[Entry, ...]:
    """The corrections of some rows, (table, row id) pairs, newest first: what a mark opens."""
    found = [run("row_corrections", table_name=table, row_id=row_id) for table, row_id in keys]
    rows = pd.concat([f for f in found if not f.empty]) if any(not f.empty for f in found) else pd.DataFrame()
    if rows.empty:
        return ()
    rows = rows.sort_values(["corrected_on", "correction_id"], ascending=[False, True])
    return tuple(entry(row) for row in rows.to_dict("records"))


def linked_keys(view: View) -> list[str]:
    """The parent keys of the card a link opens on its page (a strike, a statement, a truce)."""
    keys = []
    if view.page == "map" and view.strike:
        keys.append(f"strikes/{view.strike}")
    if view.page == "statements" and view.statement:
        keys.append(f"statements/{view.statement}")
    if view.page == "truces" and view.truce:
        keys.append(f"truces/{view.truce}")
    return keys


def since(view: View, run: Run) -> Since | None:
    """The corrections made after the day a link was made that touch its view (page and filters), or None."""
    if view.as_of is None:
        return None
    made = view.as_of.astimezone(dt.timezone.utc).date()
    tables = PAGE_TABLES.get(view.page, tuple(TABLES_BY_NAME))
    rows = run("corrections_since", **view.params(), tables=list(tables), linked=linked_keys(view), since=made)
    if rows.empty:
        return None
    count = len(rows)
    headline = ngettext(
        "Updated since this link was made: {count} correction",
        "Updated since this link was made: {count} corrections",
        count,
    ).format(count=count)
    shown = tuple(entry(row) for row in rows.head(SINCE_LIMIT).to_dict("records"))
    return Since(count, headline, shown, count - len(shown))


# The id columns of an exported row and the table each names (a row of latest_tolls is a strike and its
# latest report). A source_id names the row's source, not the row: it counts only in the sources' export.
KEY_TABLES = (
    ("strike_id", "strikes"),
    ("report_id", "casualties"),
    ("truce_id", "truces"),
    ("claim_id", "truce_violations"),
    ("statement_id", "statements"),
    ("event_id", "events"),
)


def annotate(rows: pd.DataFrame, notes: pd.DataFrame) -> pd.DataFrame:
    """Exported rows with a `corrections` column: every correction of the rows they show, in one line each.

    `notes`: the rows of the query correction_notes (table_name, row_id, corrections). Empty where a row was
    never corrected. The Corrections page's own export is returned as it is.
    """
    if "correction_id" in rows.columns:
        return rows
    keys = [(column, table) for column, table in KEY_TABLES if column in rows.columns]
    if not keys and "source_id" in rows.columns:
        keys = [("source_id", "sources")]
    texts = pd.Series("", index=rows.index, dtype=object)
    for column, table in keys:
        mine = notes[notes["table_name"] == table]
        # object dtype: a column with no match maps to all-NaN floats, and "" is no float fill value
        found = rows[column].map(dict(zip(mine["row_id"], mine["corrections"]))).astype(object).fillna("")
        texts = texts.where(found == "", texts.where(texts == "", texts + "; ") + found)
    return rows.assign(corrections=texts)


@dataclass(frozen=True)
class Release:
    """The data version in words (version, date, corrections) and the curator's changelog, if kept."""

    words: str
    changelog: str | None


def data_release(meta: dict, run: Run) -> Release:
    """The data version, its date (the newest source or correction) and how many corrections it holds.

    `meta`: the row of the query data_meta; `run` reads the changelog (query changelog).
    """
    days = [pd.Timestamp(d) for d in (meta.get("last_update"), meta.get("last_correction")) if not blank(d)]
    count = int(meta.get("corrections") or 0)
    words = ngettext(
        "This is data version {version} of {date}, with {count} correction in its log.",
        "This is data version {version} of {date}, with {count} corrections in its log.",
        count,
    ).format(version=meta.get("data_version"), date=format_date(max(days).date()) if days else _("no date"), count=count)
    found = run("changelog")
    text = None if found.empty or blank(found.iloc[0]["changelog"]) else str(found.iloc[0]["changelog"])
    return Release(words, text)
