"""How a problem is told: the cell quoted, and the fix ("did you mean …?") when the intent is clear."""

import difflib
import re
import unicodedata

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from conflictdesk.loader.cells import real_dates, show
from conflictdesk.text import is_invisible

MANY_KNOWN = 5000  # past this many known ids, "did you mean" looks only at ids sharing a prefix


def choice_message(value: str, choices: tuple[str, ...]) -> str:
    hint = difflib.get_close_matches(value.lower(), choices, n=1, cutoff=0.6)
    fix = f"; did you mean {hint[0]!r}?" if hint else ""
    return f"{show(value)} is not one of: {', '.join(choices)}{fix}"


def number_message(value: str) -> str:
    message = f"{show(value)} is not a number"
    if re.match(r"^-?[0-9]+,[0-9]+$", value):
        message += f"; write decimals with a point: did you mean {value.replace(',', '.')}?"
    return message


def date_message(value: str) -> str:
    fix = date_fix(value)
    hint = f"; did you mean {fix}?" if fix else ""
    return f"{show(value)} is not a date written YYYY-MM-DD (for example 2025-04-13){hint}"


def date_fix(value: str) -> str | None:
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
    return fixed if real_dates(pd.Series([fixed], dtype="str"))[0] else None


def suggest(value: str, known: pa.Array) -> str:
    """'; did you mean …?' with the known id closest to value, or nothing."""
    hint = difflib.get_close_matches(value, candidates(value, known), n=1, cutoff=0.6)
    return f"; did you mean {hint[0]!r}?" if hint else ""


def candidates(value: str, known: pa.Array) -> list[str]:
    """The known ids worth comparing with value: all of them, or past MANY_KNOWN those sharing its longest prefix."""
    if len(known) <= MANY_KNOWN:
        return pc.unique(known).to_pylist()
    for size in range(min(len(value), 24), 0, -1):
        near = pc.filter(known, pc.starts_with(known, value[:size]))
        if len(near):
            return pc.unique(near).slice(0, MANY_KNOWN).to_pylist()
    return []


def count_message(value: str) -> str:
    """Why a cell is not a count of people or events, and how to write it."""
    if re.match(r"^-[0-9]+(\.[0-9]+)?$", value):
        return f"{value} is negative; counts cannot be below zero"
    if re.match(r"^[0-9]+$", value):
        return f"{show(value)} is too large to be a count of people or events; check the cell"
    if re.match(r"^[0-9]{1,3}(,[0-9]{3})+$", value):
        return (
            f"{value} has a thousands separator; write the number in digits only "
            f"(did you mean {value.replace(',', '')}?) and keep the source's words in the _phrase column"
        )
    if re.match(r"^[0-9]*[.,][0-9]+$", value):
        return f"{value} is not a whole number; counts of people or events are whole numbers"
    return (
        f"{show(value)} is not a number: write the source's number in digits 0-9 (3 for 'three') "
        "and its words in the _phrase column"
    )


# What each kind of invisible character does to the text around it, for the message.
BIDI_CONTROLS = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def invisible_message(value: str) -> str:
    """Name the first invisible character (text.is_invisible) of a cell, where it is, and the fix."""
    found = [(at, char) for at, char in enumerate(value, start=1) if is_invisible(char)]
    if not found:  # RE2's Unicode tables are newer than Python's: name it by its code alone
        found = [(at, char) for at, char in enumerate(value, start=1) if not char.isprintable()] or [(1, value[0])]
    at, char = found[0]
    name = unicodedata.name(char, "an unnamed format character")
    effect = (
        "a bidirectional control: it can reverse the order of the text shown after it"
        if char in BIDI_CONTROLS
        else "an invisible character: it makes text that looks the same compare and search differently"
    )
    more = f" ({len(found) - 1} more in this cell)" if len(found) > 1 else ""
    return (
        f"character {at} of the cell is U+{ord(char):04X} {name}, {effect}{more}; delete it: retype the cell, "
        "or paste the text into a plain-text editor that shows invisible characters and remove them"
    )
