"""Vectorised tests over a column of text cells (Arrow strings), and the patterns the contract's cells obey.

The patterns are RE2 syntax, valid in Python, pyarrow and DuckDB alike. Only the few cells a message
quotes ever become Python strings.
"""

import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from conflictdesk.text import DRAWS_NOTHING

from conflictdesk import schema

ID_PATTERN = re.compile(f"^{schema.ID_PATTERN.pattern}$")  # the contract's id rule, anchored for Arrow's RE2


DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$"


DATETIME_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}( ([01][0-9]|2[0-3]):[0-5][0-9])?$"  # the hour only when known


FLOAT_PATTERN = r"^-?[0-9]+(\.[0-9]+)?$"


COUNT_PATTERN = r"^[0-9]{1,12}$"


def _ranges(chars) -> str:
    """Characters as RE2 class ranges: '\\x{FE00}-\\x{FE0E}'."""
    codes, out = sorted(map(ord, chars)), []
    start = previous = codes[0]
    for code in codes[1:] + [None]:
        if code is not None and code == previous + 1:
            previous = code
            continue
        out.append(f"\\x{{{start:04X}}}" + (f"-\\x{{{previous:04X}}}" if previous != start else ""))
        if code is not None:
            start = previous = code
    return "".join(out)


# Invisible characters (text.is_invisible): format characters (Unicode category Cf: bidirectional controls
# U+200E/F, U+202A-202E, U+2066-2069, U+061C; zero-width U+200B-200D, U+2060, U+FEFF; the soft hyphen …), the
# line and paragraph separators, and the characters that draw nothing (text.DRAWS_NOTHING, e.g. U+3164).
# RE2's Unicode tables; hints.invisible_message names the character with Python's.
INVISIBLE_PATTERN = "[\\p{Cf}\\p{Zl}\\p{Zp}" + _ranges(DRAWS_NOTHING) + "]"


# What Python's str.split() and str.strip() count as white space (every character c with c.isspace()),
# for Arrow and DuckDB to use the same; tests/test_load.py checks the list is complete.
WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
    "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


def char_class(chars: str) -> str:
    """A regular-expression class of these characters (literal, in ranges), valid in Python, RE2 and DuckDB."""
    codes = sorted(ord(c) for c in chars)
    parts, start = [], codes[0]
    for previous, code in zip(codes, codes[1:] + [None]):
        if code != previous + 1:
            parts.append(chr(start) if start == previous else f"{chr(start)}-{chr(previous)}")
            start = code
    return "[" + "".join(parts) + "]"


SPACE = char_class(WHITESPACE)


EMPTY_ITEM = f"(^|;){SPACE}*(;|$)"  # a ;-list item holding nothing but white space


DAYS_IN_MONTH = np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])


def arrow(cells: pd.Series) -> pa.ChunkedArray:
    """The Arrow strings behind a column of cells (no copy)."""
    return cells.array.__arrow_array__()


def matches(cells: pd.Series, pattern: str) -> np.ndarray:
    """Where a cell contains a match of the (RE2) pattern; missing cells do not match."""
    found = pc.match_substring_regex(arrow(cells), pattern)
    return pc.fill_null(found, False).to_numpy(zero_copy_only=False)


def parse_numbers(cells: pd.Series) -> np.ndarray:
    """Cells written as plain decimal numbers, as floats; NaN for anything else."""
    text = arrow(cells)
    plain = pc.fill_null(pc.match_substring_regex(text, FLOAT_PATTERN), False)
    return pc.cast(pc.if_else(plain, text, pa.scalar(None, text.type)), pa.float64()).to_numpy(zero_copy_only=False)


def days(cells: pd.Series) -> pd.Series:
    """The first ten characters of each cell (the YYYY-MM-DD of a date-time), as cells."""
    return pd.Series(pc.utf8_slice_codeunits(arrow(cells), 0, 10), index=cells.index, dtype="str")


def real_dates(cells: pd.Series, shaped: np.ndarray | None = None) -> np.ndarray:
    """Where a cell is a YYYY-MM-DD date that exists in the (proleptic Gregorian) calendar."""
    if shaped is None:
        shaped = matches(cells, DATE_PATTERN)
    real = np.zeros(len(cells), dtype=bool)
    if shaped.any():
        dates = pc.filter(arrow(cells), pa.array(shaped))

        def part(start: int, stop: int) -> np.ndarray:
            return pc.cast(pc.utf8_slice_codeunits(dates, start, stop), pa.int64()).to_numpy()

        year, month, day = part(0, 4), part(5, 7), part(8, 10)
        leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
        month_index = np.clip(month, 1, 12) - 1
        last_day = DAYS_IN_MONTH[month_index] + ((month_index == 1) & leap)
        real[shaped] = (month >= 1) & (month <= 12) & (day >= 1) & (day <= last_day)
    return real


def show(value: str, limit: int = 60) -> str:
    """A cell value quoted for a message, shortened if long."""
    value = str(value)
    return repr(value if len(value) <= limit else value[:limit] + "…")


def squash(text: str) -> str:
    """Fold runs of white space so a line break in the source matches a space in the excerpt."""
    return " ".join(text.split())
