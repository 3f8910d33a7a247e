"""What the ACLED and UCDP importers share: the publisher description, the converted event, and
careful readers for the cells that become ids, numbers and coordinates."""

import functools
import hashlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from conflictdesk.importers.dates import DAY_FIRST, MONTH_FIRST, parse_date, readings
from conflictdesk.importers.order import Evidence
from conflictdesk.schema import ID_PATTERN

# Ukraine's extent with a small margin (it spans about 44.4–52.4 N, 22.1–40.2 E). A point the
# publisher places in Ukraine but that falls outside this box has wrong coordinates.
UKRAINE = {"lat": (44.0, 52.6), "lon": (21.9, 40.5)}
COORDINATE = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
MAX_COUNT = 10**12 - 1  # the loader refuses counts of more than 12 digits


LEFT_OUT = "left_out"  # not imported: its deaths are missing from the dashboard's totals
OUT_OF_SCOPE = "out_of_scope"  # not about Ukraine: outside what the dashboard shows at all
SUPERSEDED = "superseded"  # an older version of an event whose newer version is kept


class Skip(Exception):
    """A row that is not imported: `reason` groups it in the summary, `message` explains, `outcome` says
    whether its deaths are missing from the totals (left_out), out of scope, or kept in a newer version."""

    def __init__(self, reason: str, message: str, outcome: str = LEFT_OUT):
        super().__init__(message)
        self.reason = reason
        self.message = message
        self.outcome = outcome


@dataclass
class Event:
    """One export row converted: a strike, its casualty report, and the actors they name."""

    strike: dict[str, str]
    casualty: dict[str, str]
    actors: list[dict[str, str]] = field(default_factory=list)
    day: str = ""  # the event's date, ISO
    stamp: int | None = None  # the publisher's revision time (ACLED timestamp), if it gives one


@dataclass
class Context:
    """Per-row help for a converter: date reading in the chosen order, the evidence for it, and warnings."""

    date_order: str
    line: int = 0
    warnings: list[str] = field(default_factory=list)
    ambiguous: list[tuple[int, str]] = field(default_factory=list)
    evidence: Evidence = field(default_factory=Evidence)

    def date(self, value: str, column: str, latest: str | None = None) -> str:
        """ISO date of a cell, or Skip with the reason. `latest`: a day the date cannot be after (the
        publisher's timestamp of the row), used as evidence for the order of day and month."""
        both = readings(value)
        if both is not None:
            self.evidence.numeric += 1
            day_first, month_first = both
            if day_first and not month_first:
                self.evidence.found(DAY_FIRST, self.line, value.strip(), "no such date month-first")
            elif month_first and not day_first:
                self.evidence.found(MONTH_FIRST, self.line, value.strip(), "no such date day-first")
            elif day_first and month_first and latest:
                if day_first > latest >= month_first:
                    self.evidence.found(MONTH_FIRST, self.line, value.strip(), f"day-first is after its timestamp {latest}")
                elif month_first > latest >= day_first:
                    self.evidence.found(DAY_FIRST, self.line, value.strip(), f"month-first is after its timestamp {latest}")
                else:
                    self._either(value)
            elif day_first and month_first:
                self._either(value)
        parsed = _parse_date(value, self.date_order)
        if parsed.iso is None:
            raise Skip("bad date", f"{column}: {parsed.problem}")
        if parsed.ambiguous:
            self.ambiguous.append((self.line, value.strip()))
        return parsed.iso

    def _either(self, value: str) -> None:
        self.evidence.either += 1
        if not self.evidence.either_example:
            self.evidence.either_example = f"line {self.line}: {value.strip()}"

    def warn(self, message: str) -> None:
        self.warnings.append(message)


_parse_date = functools.lru_cache(maxsize=8192)(parse_date)


@dataclass(frozen=True)
class Publisher:
    """A dataset the importer reads: its columns, conventions, and how a row converts."""

    key: str  # command word and id prefix: acled, ucdp
    name: str  # as it appears as publisher: ACLED, UCDP
    dataset: str  # a title word for the source
    required: tuple[str, ...]
    optional: tuple[str, ...]
    date_order: str
    actor: dict[str, str]
    convert: Callable[[dict[str, str], Context], Event]
    published: Callable[[dict[str, str], Context], str | None]  # a row's own timestamp, if any
    deaths: Callable[[dict[str, str]], int | None]  # the row's death figure (for what an import leaves out)
    licence: str  # what the source's notes say about the terms
    terms: dict[str, str]  # the source row's licence, credit, changes and redistribution columns

    @property
    def columns(self) -> set[str]:
        return set(self.required) | set(self.optional)


@functools.lru_cache(maxsize=4096)
def slug(name: str, prefix: str = "actor") -> str:
    """An actor id from a name: 'Military Forces of Russia (2000-)' -> 'military-forces-of-russia-2000-'."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(char for char in text if not unicodedata.combining(char)).lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).lstrip("-")[:100]
    if not text or not ID_PATTERN.fullmatch(text):
        text = f"{prefix}-{hashlib.sha1(name.encode('utf-8')).hexdigest()[:10]}"
    return text


REPORT_SUFFIX = "-toll"  # an imported strike's casualty report is `<strike_id>-toll`


def event_id(prefix: str, value: str, column: str) -> str:
    """The prefixed id of an imported row, or Skip when the publisher's id cannot be one."""
    value = value.strip()
    if not value:
        raise Skip("no usable id", f"{column} is empty")
    if re.fullmatch(r"[0-9]+\.0+", value):  # pandas writes integer ids as floats: 453579.0 is 453579
        value = value.split(".")[0]
    candidate = f"{prefix}-{value}"
    if not ID_PATTERN.fullmatch(f"{candidate}{REPORT_SUFFIX}"):  # its casualty report's id must be one too
        raise Skip("no usable id", f"{column} {value!r} cannot be used in an id (letters, digits, '-', '_', '.', ':')")
    return candidate


def count(value: str) -> int | None:
    """A whole, non-negative number as written in a cell ('12', '12.0', '1,234'); None if it is not one."""
    if value.isascii() and value.isdigit():
        number = int(value)
        return number if number <= MAX_COUNT else None
    text = value.strip().replace("\u00a0", "").replace(" ", "")
    if re.fullmatch(r"[0-9]{1,3}(,[0-9]{3})+", text):
        text = text.replace(",", "")
    match = re.fullmatch(r"([0-9]+)(\.0+)?", text)
    if not match:
        return None
    number = int(match.group(1))
    return number if number <= MAX_COUNT else None


def coordinates(latitude: str, longitude: str) -> tuple[str, str]:
    """Latitude and longitude as the contract writes them, or Skip with why the row has none usable."""
    lat_text, lon_text = latitude.strip(), longitude.strip()
    if not lat_text or not lon_text:
        empty = " and ".join(name for name, text in (("latitude", lat_text), ("longitude", lon_text)) if not text)
        raise Skip("no coordinates", f"{empty} {'is' if ' and ' not in empty else 'are'} empty")
    lat, lat_out = _degrees(lat_text, "latitude")
    lon, lon_out = _degrees(lon_text, "longitude")
    (lat_lo, lat_hi), (lon_lo, lon_hi) = UKRAINE["lat"], UKRAINE["lon"]
    if not (lat_lo <= lat <= lat_hi and lon_lo <= lon <= lon_hi):
        hint = ""
        if lat_lo <= lon <= lat_hi and lon_lo <= lat <= lon_hi:
            hint = "; latitude and longitude look swapped"
        raise Skip("coordinates outside Ukraine", f"latitude {lat_text}, longitude {lon_text} lies outside Ukraine{hint}")
    return lat_out, lon_out


def _degrees(text: str, column: str) -> tuple[float, str]:
    candidate = text.replace(",", ".") if text.count(",") == 1 and "." not in text else text
    try:
        number = float(candidate)
    except ValueError:
        raise Skip("bad coordinates", f"{column} {text!r} is not a number") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise Skip("bad coordinates", f"{column} {text!r} is not a number")
    if COORDINATE.match(candidate):
        return number, candidate
    return number, f"{number:.6f}".rstrip("0").rstrip(".")


def joined(row: dict[str, str], columns: tuple[str, ...]) -> tuple[str, str]:
    """The non-empty cells of some columns verbatim, joined with ' | ', and the column names used."""
    used = [name for name in columns if row.get(name, "").strip()]
    return " | ".join(row[name].strip() for name in used), " | ".join(used)
