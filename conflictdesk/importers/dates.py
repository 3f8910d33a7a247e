"""Dates as real exports write them, read into ISO `YYYY-MM-DD`.

Accepted: `2025-04-13` (optionally with a time, as in `2025-04-13 00:00:00.000`), `2025/04/13`,
`13/04/2025`, `13-04-2025`, `13/04/2025 00:00:00`, `13.04.2025`, `13 April 2025`, `13-Apr-2025`,
`April 13, 2025`, `4/13/2025 12:00:00 AM`, `04/13/2025 00:00`. Any time of day is ignored.

Numeric dates with `/` or `-` are read in the order given (`day-first` for ACLED re-saves,
`month-first` for UCDP re-saves); dotted dates are always day-first. When both readings are real
dates the value is ambiguous: it is read in the given order and flagged so the summary can say so.
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date

DAY_FIRST = "day-first"
MONTH_FIRST = "month-first"

_TIME = r"(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AaPp]\.?[Mm]\.?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
_ISO = re.compile(rf"^(\d{{4}})[-/](\d{{1,2}})[-/](\d{{1,2}}){_TIME}$")
_NUMERIC = re.compile(rf"^(\d{{1,2}})([/.-])(\d{{1,2}})\2(\d{{2,4}}){_TIME}$")
_DAY_MONTH_NAME = re.compile(rf"^(\d{{1,2}})[ -]+([A-Za-z]+)\.?[ ,-]+(\d{{4}}){_TIME}$")
_MONTH_NAME_DAY = re.compile(rf"^([A-Za-z]+)\.?[ -]+(\d{{1,2}}),?[ -]+(\d{{4}}){_TIME}$")

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9


@dataclass(frozen=True)
class ParsedDate:
    """A date read from a cell: `iso` when it could be read, else `problem` says why not."""

    iso: str | None = None
    ambiguous: bool = False
    problem: str | None = None


def parse_date(text: str, order: str = DAY_FIRST) -> ParsedDate:
    """Read one date cell; never guesses beyond the stated order."""
    value = text.strip()
    if not value:
        return ParsedDate(problem="the date is empty")
    if match := _ISO.match(value):
        year, month, day = (int(part) for part in match.groups())
        return _checked(value, year, month, day)
    if match := _NUMERIC.match(value):
        first, separator, second, year_text = match.groups()
        if len(year_text) != 4:
            return ParsedDate(problem=f"{value!r} has a two-digit year; write the year in full")
        a, b, year = int(first), int(second), int(year_text)
        if separator == ".":
            return _checked(value, year, b, a)
        day, month = (a, b) if order == DAY_FIRST else (b, a)
        read = _checked(value, year, month, day)
        if read.iso is None:
            other = _checked(value, year, day, month)
            if other.iso is not None:
                flip = MONTH_FIRST if order == DAY_FIRST else DAY_FIRST
                return ParsedDate(
                    problem=f"{value!r} is not a real date when read {order}, as this publisher's re-saves are "
                    f"written; if the file is {flip}, import it again with --date-order {flip}"
                )
            return read
        return ParsedDate(read.iso, ambiguous=a != b and a <= 12 and b <= 12)
    if match := _DAY_MONTH_NAME.match(value):
        day, name, year = match.groups()
        return _named(value, int(year), name, int(day))
    if match := _MONTH_NAME_DAY.match(value):
        name, day, year = match.groups()
        return _named(value, int(year), name, int(day))
    return ParsedDate(problem=f"{value!r} is not a date in a known layout (for example 2025-04-13 or 13/04/2025)")


def readings(text: str) -> tuple[str | None, str | None] | None:
    """(day-first reading, month-first reading) of a numeric date whose order matters, else None.

    `4/12/2024` -> ('2024-12-04', '2024-04-12'); `13/04/2024` -> ('2024-04-13', None); ISO, dotted and
    named-month dates, and dates whose two numbers are equal, read the same either way -> None."""
    match = _NUMERIC.match(text.strip())
    if not match or match.group(2) == "." or len(match.group(4)) != 4:
        return None
    a, b, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
    if a == b:
        return None
    return _checked(text, year, b, a).iso, _checked(text, year, a, b).iso


def _named(value: str, year: int, name: str, day: int) -> ParsedDate:
    month = MONTHS.get(name.lower())
    if month is None:
        return ParsedDate(problem=f"{value!r}: {name!r} is not an English month name")
    return _checked(value, year, month, day)


def _checked(value: str, year: int, month: int, day: int) -> ParsedDate:
    try:
        return ParsedDate(date(year, month, day).isoformat())
    except ValueError:
        return ParsedDate(problem=f"{value!r} is not a real calendar date")
