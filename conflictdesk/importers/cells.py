"""Small readers shared by the importers: cells cleaned of invisible characters, and the day a file's source
row is dated when nothing else dates it."""

import unicodedata

from conflictdesk.text import is_invisible
from datetime import date, datetime, timezone
from pathlib import Path


def bare(value) -> str:
    """A cell as text without invisible format characters (zero-width spaces, byte-order marks, direction
    marks: Unicode category Cf) and without surrounding white space; for ids, numbers, dates and keys only —
    text shown to readers keeps its characters."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if not text.isascii():
        text = "".join(char for char in text if unicodedata.category(char) != "Cf")
    return text.strip()


def file_day(file: Path) -> str:
    """The file's modification day (never in the future), for a source with no dated row."""
    modified = datetime.fromtimestamp(file.stat().st_mtime, tz=timezone.utc).date()
    return min(modified, date.today()).isoformat()


def visible(row: dict, noun: str = "column") -> list[str]:
    """Remove invisible characters (text.is_invisible: zero-width spaces, direction controls, Hangul fillers …)
    from the text cells of `row` in place; one message per cleaned column, naming it and what was removed.

    The loader refuses them in text (they can reorder or disguise what a page shows); they are not the
    publisher's words, so an import drops them and says so rather than failing on its own output."""
    said = []
    for name, value in row.items():
        if isinstance(value, str) and not value.isascii() and any(is_invisible(char) for char in value):
            removed = [char for char in value if is_invisible(char)]
            row[name] = "".join(char for char in value if not is_invisible(char))
            first = removed[0]
            what = f"U+{ord(first):04X} {unicodedata.name(first, 'an unnamed character')}"
            more = f" and {len(removed) - 1} more" if len(removed) > 1 else ""
            said.append(f"{noun} {name}: removed the invisible character {what}{more}; the text is otherwise as given")
    return said


def visible_item(item) -> list[str]:
    """`visible` for a JSON item (Bellingcat's): its fields, and those of the dicts in its lists (sources, filters)."""
    if not isinstance(item, dict):
        return []
    said = visible(item, "field")
    for key, value in item.items():
        for number, entry in enumerate(value if isinstance(value, list) else [], start=1):
            if isinstance(entry, dict):
                said += visible(entry, f"{key} {number}, field")
    return said
