"""The global filters and their URL form: `?period=FROM&period=TO&actor=ID&actor=ID`."""

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

# Parameters the dashboard understands; anything else in a link is ignored with a notice.
KNOWN_PARAMS = {"period", "actor", "statement", "strike", "truce", "place", "q", "speaker", "embed"}
ID_PARAMS = ("statement", "strike", "truce")  # parameters that name one row by its id
MAX_ACTORS = 50
MAX_VALUE_LENGTH = 100
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$")
DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Filters:
    """A date range and a set of actors (empty = all)."""

    date_from: dt.date
    date_to: dt.date
    actors: tuple[str, ...] = ()

    def params(self) -> dict:
        """The bound parameters every filtered query takes."""
        return {"date_from": self.date_from, "date_to": self.date_to, "actors": list(self.actors)}

    def query(self) -> dict[str, list[str]]:
        """The URL parameters that carry these filters."""
        query = {"period": [self.date_from.isoformat(), self.date_to.isoformat()]}
        if self.actors:
            query["actor"] = list(self.actors)
        return query


def parse_date(text: str) -> dt.date | None:
    """An ISO date, or None when the text is not one."""
    if not isinstance(text, str) or not DATE_PATTERN.match(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def shorten(value: str, limit: int = 40) -> str:
    """A URL value made safe to quote in a notice."""
    value = "".join(ch if ch.isprintable() else "?" for ch in str(value))
    return value if len(value) <= limit else value[:limit] + "…"


def parse_filters(
    query: Mapping[str, Sequence[str]],
    span: tuple[dt.date, dt.date],
    actor_ids: Sequence[str],
) -> tuple[Filters, list[str]]:
    """Read the filters from URL parameters; return them and a notice for everything ignored."""
    notices = []
    for name in query:
        if name not in KNOWN_PARAMS:
            notices.append(f"Ignored the unknown link parameter “{shorten(name)}”.")
    date_from, date_to = span
    periods = list(query.get("period", []))
    if periods:
        dates = [parse_date(value) for value in periods[:2]]
        if len(periods) > 2 or None in dates:
            shown = ", ".join(shorten(v, 20) for v in periods[:3])
            notices.append(f"Ignored the period “{shown}”: a link needs two dates written YYYY-MM-DD.")
        elif len(dates) == 1:
            date_from = date_to = dates[0]
        else:
            date_from, date_to = sorted(dates)
            if dates[0] > dates[1]:
                notices.append("The period's dates were the wrong way round; they have been swapped.")
    known = set(actor_ids)
    actors: list[str] = []
    values = list(query.get("actor", []))
    if len(values) > MAX_ACTORS:
        notices.append(f"The link names {len(values)} actors; only the first {MAX_ACTORS} were read.")
        values = values[:MAX_ACTORS]
    unknown = []
    for value in values:
        if value in known and ID_PATTERN.match(value):
            if value not in actors:
                actors.append(value)
        else:
            unknown.append(shorten(value, 30))
    if unknown:
        notices.append(f"Ignored unknown actor{'s' if len(unknown) > 1 else ''}: {', '.join(unknown[:5])}.")
    for name in ID_PARAMS:
        if name in query and first_value(query, name) is None:
            shown = shorten(list(query[name])[0], 30) if list(query[name]) else ""
            notices.append(f"Ignored the {name} link “{shown}”: it is not an id.")
    return Filters(date_from, date_to, tuple(actors)), notices


def first_value(query: Mapping[str, Sequence[str]], name: str) -> str | None:
    """The first value of a single-valued URL parameter that looks like an id, else None."""
    values = list(query.get(name, []))
    if not values:
        return None
    value = values[0]
    return value if len(value) <= MAX_VALUE_LENGTH and ID_PATTERN.match(value) else None
