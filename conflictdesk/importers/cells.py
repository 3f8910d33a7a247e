"""Small readers shared by the Bellingcat and air-attack importers: cells cleaned of invisible
characters, and the day a file's source row is dated when nothing else dates it."""

import unicodedata
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
