"""Dates, windows and periods in words, never more precise than the data: '13 Apr 2025', 'from 24 Feb 2022'."""

from functools import lru_cache

import pandas as pd

from conflictdesk import i18n
from conflictdesk.i18n import N_, _
from conflictdesk.wording.basics import NO_DATE, blank


@lru_cache(maxsize=8192)
def _day(value, language: str, form: str = i18n.DATE_FORM) -> str:
    return i18n.format_date(pd.Timestamp(value).date(), form)


def day_text(value, form: str = i18n.DATE_FORM) -> str:
    """A day in the interface language: '13 Apr 2025' / '13 квітня 2025' (form: an i18n date form)."""
    return _day(value, i18n.language(), form)


def date_text(value, precision: str = "day") -> str:
    """A date as precise as the data says: '21 Apr 2025', 'in the week to 21 Apr 2025', 'date not given'."""
    if blank(value):
        return _(NO_DATE)
    day = day_text(value)
    if precision == "week":
        return _("in the week to {day}").format(day=day)
    if precision == "month":
        return _("in the month to {day}").format(day=day)
    return day


def window_text(start, end) -> str:
    """A date window, never narrowed to a day (rule 4): 'between 24 Feb and 12 Sep 2022', 'from 24 Feb 2022'."""
    if blank(start) and blank(end):
        return _(NO_DATE)
    if blank(end):
        return _("from {day}").format(day=date_text(start))
    if blank(start):
        return _("by {day}").format(day=date_text(end))
    first, last = pd.Timestamp(start), pd.Timestamp(end)
    if first.normalize() == last.normalize():
        return date_text(first)
    head = day_text(first, i18n.DAY_MONTH_FORM) if first.year == last.year else date_text(first)
    return _("between {first} and {last}").format(first=head, last=date_text(last))


def span_text(start, end, open_end: str = N_("end not given"), open_start: str = N_("start not given")) -> str:
    """A window with a dash, saying which end the source leaves open: '20 Apr 2025 – end not given'."""
    first = _(open_start) if blank(start) else date_text(start)
    last = _(open_end) if blank(end) else date_text(end)
    return f"{first} – {last}"


def period_text(date_from, date_to) -> str:
    """The filter period in words: '13 Apr 2025 – 21 Apr 2025' (one date when both are the same day)."""
    if not blank(date_from) and not blank(date_to) and pd.Timestamp(date_from) == pd.Timestamp(date_to):
        return date_text(date_from)
    return span_text(date_from, date_to, open_end=N_("today"), open_start=N_("the first date in the data"))


def counted_text(start, end, reported) -> str:
    """The period a claim counted, in words: 'counted 20 Apr 2025 – 21 Apr 2025', or what is missing."""
    if not blank(start) and not blank(end):
        return _("counted {first} – {last}").format(first=date_text(start), last=date_text(end))
    if not blank(start):
        return _("counted from {day}; end not given").format(day=date_text(start))
    if not blank(end):
        return _("counted up to {day}; start not given").format(day=date_text(end))
    if not blank(reported):
        return _("counted period not given; shown on the day reported")
    return _("counted period not given")


def row_date_text(row, date_column: str = "date") -> str:
    """A row's date in words: the publisher's window when it gives one ('between 24 Feb and 12 Sep 2022';
    date_first, date_last), else the date as precise as the data says ('in the week to 21 Apr 2025')."""
    first, last = row.get("date_first"), row.get("date_last")
    if not blank(first) or not blank(last):
        return window_text(first, last)
    return date_text(row.get(date_column), row.get("date_precision") or "day")
