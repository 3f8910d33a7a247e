"""The contract's rules over the cells read: types, required cells, unique keys, figures, spans and places."""

import numpy as np
import pandas as pd
import pyarrow.compute as pc

from conflictdesk.loader.cells import (
    COUNT_PATTERN, DATE_PATTERN, DATETIME_PATTERN, EMPTY_ITEM, ID_PATTERN, INVISIBLE_PATTERN, TIME_PATTERN, arrow, days,
    matches, parse_numbers, real_dates, show,
)
from conflictdesk.loader.hints import choice_message, count_message, date_message, invisible_message, number_message
from conflictdesk.loader.reading import Folder
from conflictdesk.schema import Column, Table

MAX_PER_RULE = 20  # a broken column of a million rows is reported by example, not in full


# Ukraine and its neighbours, generously: points outside are flagged only if swapping them lands inside.
REGION = {"lat": (40.0, 60.0), "lon": (14.0, 50.0)}


def report(folder: Folder, table: Table, column: str | None, lines, message) -> None:
    """Record a rule broken on some lines: by example past MAX_PER_RULE."""
    lines = np.asarray(lines)
    for line in lines[:MAX_PER_RULE]:
        line = int(line)
        folder.add(table, line, column, message(line) if callable(message) else message)
    if len(lines) > MAX_PER_RULE:
        folder.add(table, None, column, f"... and {len(lines) - MAX_PER_RULE} more lines with the same problem")


def check_invisible(folder: Folder, table: Table, frame: pd.DataFrame, column: Column) -> None:
    """Text must not hide invisible format characters (Unicode Cf): they can reverse or disguise what is shown.

    Only free text and lists are checked here: an id, date, number or choice holding one already fails
    its own rule, which quotes the cell with the character escaped.
    """
    if column.kind not in ("text", "list"):
        return
    cells = frame[column.name]
    hidden = cells[matches(cells, INVISIBLE_PATTERN)]
    report(folder, table, column.name, hidden.index, lambda line: invisible_message(hidden[line]))


def check_column(folder: Folder, table: Table, frame: pd.DataFrame, column: Column) -> None:
    if column.kind == "text" and not column.required:
        return  # free text: anything goes
    cells = frame[column.name]
    present = cells.notna().to_numpy()
    if column.required:
        report(folder, table, column.name, cells.index[~present], "this cell is empty but the column is required")
    values = cells[present]
    if values.empty:
        return
    kind = column.kind
    if kind == "id":
        bad = values[~matches(values, ID_PATTERN.pattern)]
        report(
            folder,
            table,
            column.name,
            bad.index,
            lambda line: f"{show(bad[line])} is not a valid id: use letters, digits, '-', '_', '.' or ':' only",
        )
    elif kind == "date":
        check_dates(folder, table, column.name, values)
    elif kind == "datetime":
        check_datetimes(folder, table, column.name, values)
    elif kind == "time":
        bad = values[~matches(values, TIME_PATTERN)]
        report(folder, table, column.name, bad.index, lambda line: f"{show(bad[line])} is not a time like 23:40")
    elif kind == "int":
        check_ints(folder, table, column, values)
    elif kind == "float":
        numbers = parse_numbers(values)
        bad = values[np.isnan(numbers)]
        report(folder, table, column.name, bad.index, lambda line: number_message(bad[line]))
        low, high = column.low, column.high
        outside = values.index[(numbers < low) | (numbers > high)]
        report(
            folder,
            table,
            column.name,
            outside,
            lambda line: f"{values[line]} is outside the range {low:g} to {high:g}",
        )
    elif kind == "choice":
        bad = values[~values.isin(column.choices).to_numpy()]
        report(folder, table, column.name, bad.index, lambda line: choice_message(bad[line], column.choices))
    elif kind == "list":
        report(
            folder,
            table,
            column.name,
            values.index[matches(values, EMPTY_ITEM)],
            "the list has an empty item: separate items with a single ';'",
        )


def check_dates(folder: Folder, table: Table, name: str, values: pd.Series) -> None:
    shaped = matches(values, DATE_PATTERN)
    wrong_shape = values[~shaped]
    report(folder, table, name, wrong_shape.index, lambda line: date_message(wrong_shape[line]))
    impossible = values[shaped & ~real_dates(values, shaped)]
    report(folder, table, name, impossible.index, lambda line: f"{impossible[line]} is not a real calendar date")


def check_datetimes(folder: Folder, table: Table, name: str, values: pd.Series) -> None:
    shaped = matches(values, DATETIME_PATTERN)
    bad = values[~shaped]
    report(folder, table, name, bad.index, lambda line: f"{show(bad[line])} is not a date-time written "
           "YYYY-MM-DD HH:MM (or YYYY-MM-DD when the source gives no hour), for example 2025-04-13 06:30")
    impossible = values[shaped & ~real_dates(days(values))]
    report(folder, table, name, impossible.index, lambda line: f"{impossible[line]} is not a real calendar date")


def check_ints(folder: Folder, table: Table, column: Column, values: pd.Series) -> None:
    bad = values[~matches(values, COUNT_PATTERN)]

    report(folder, table, column.name, bad.index, lambda line: count_message(bad[line]))


def check_key(folder: Folder, table: Table, frame: pd.DataFrame) -> None:
    keys = frame[table.key]
    repeated = keys[keys.duplicated(keep="first").to_numpy() & keys.notna().to_numpy()]

    def message(line):
        value = repeated[line]
        first = keys.index[(keys == value).to_numpy()][0]
        return f"the id {value!r} is used again (first on line {first}); ids must be unique"

    report(folder, table, table.key, repeated.index, message)


def check_figure(folder: Folder, table: Table, frame: pd.DataFrame, figure: str) -> None:
    number = frame[figure].notna().to_numpy()
    qualifier = frame[f"{figure}_qualifier"].notna().to_numpy()
    phrase = frame[f"{figure}_phrase"].notna().to_numpy()
    report(
        folder,
        table,
        f"{figure}_qualifier",
        frame.index[number & ~qualifier],
        f"{figure} has a number but no qualifier: say how exact the source is (exact, at_least, over, about, nearly, up_to, vague)",
    )
    report(
        folder,
        table,
        f"{figure}_phrase",
        frame.index[(number | qualifier) & ~phrase],
        f"{figure} needs the source's own words in {figure}_phrase (for example 'over 100')",
    )
    report(
        folder,
        table,
        figure,
        frame.index[~number & (qualifier | phrase)],
        f"{figure}_qualifier or {figure}_phrase is filled but {figure} is empty: give the number as digits",
    )


def check_span(folder: Folder, table: Table, frame: pd.DataFrame, start: str, end: str) -> None:
    begin, finish = frame[start], frame[end]
    # Date-times are compared by their days, and by their hours too when both give one.
    begin_day, finish_day = days(begin), days(finish)
    both = real_dates(begin_day) & real_dates(finish_day)
    same_shape = pc.equal(pc.utf8_length(arrow(begin)), pc.utf8_length(arrow(finish)))
    # Two real YYYY-MM-DD dates (or YYYY-MM-DD HH:MM date-times) compare as their text does.
    earlier = pc.or_(
        pc.less(arrow(finish_day), arrow(begin_day)), pc.and_(same_shape, pc.less(arrow(finish), arrow(begin)))
    )
    earlier = pc.fill_null(earlier, False).to_numpy(zero_copy_only=False)
    report(
        folder,
        table,
        end,
        frame.index[both & earlier],
        lambda line: f"{frame.at[line, end]} is before {start} {frame.at[line, start]}; the end cannot come before the start",
    )


def check_region(folder: Folder, table: Table, frame: pd.DataFrame) -> None:
    lat, lon = parse_numbers(frame["latitude"]), parse_numbers(frame["longitude"])
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

    report(folder, table, "latitude", swapped, message)



def check_window_day(folder: Folder, table: Table, frame: pd.DataFrame, first: str, last: str, day: str = "date") -> None:
    """A row's day lies within the window the publisher gives (first <= day <= last, either end may be empty)."""
    days = arrow(frame[day])
    # A window that ends before it starts is check_span's problem; the day is not checked against it.
    broken = pc.fill_null(pc.less(arrow(frame[last]), arrow(frame[first])), False).to_numpy(zero_copy_only=False)
    broken = broken & real_dates(frame[first]) & real_dates(frame[last])
    for end, outside, words in ((first, pc.less, "before"), (last, pc.greater, "after")):
        given = real_dates(frame[end]) & real_dates(frame[day]) & ~broken
        wrong = pc.fill_null(outside(days, arrow(frame[end])), False).to_numpy(zero_copy_only=False)
        report(
            folder,
            table,
            day,
            frame.index[given & wrong],
            lambda line, end=end, words=words: (
                f"{frame.at[line, day]} is {words} {end} {frame.at[line, end]}; the day must lie within the "
                f"window {first}–{last} the publisher gives"
            ),
        )


def check_blank_phrase(folder: Folder, table: Table, frame: pd.DataFrame, figure: str) -> None:
    """Words for a blank figure (`<figure>_blank_phrase`) only where the figure is empty."""
    column = f"{figure}_blank_phrase"
    both = frame.index[frame[figure].notna().to_numpy() & frame[column].notna().to_numpy()]
    report(
        folder,
        table,
        column,
        both,
        f"{column} says why {figure} is blank, but {figure} has a number: empty one of them",
    )
