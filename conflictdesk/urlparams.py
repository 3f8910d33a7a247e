"""Every URL parameter of the dashboard: its meaning, how a link is read into a View, and nothing else.

The URL format is a public contract: links shared today keep working. Each parameter is documented once, in
PARAMS; the README's table is checked against it by a test.
"""

import datetime as dt
import re
from collections.abc import Mapping, Sequence

from conflictdesk.filters import Filters
from conflictdesk import i18n
from conflictdesk.i18n import N_, _, ngettext
from conflictdesk.schema import ID_MAX, ID_PATTERN
from conflictdesk.sitemap import PAGES_BY_PATH
from conflictdesk.view import View

# name → (where it applies, what it means). The order is the order of a canonical link.
PARAMS: dict[str, tuple[str, str]] = {
    "period": ("every page", "two dates YYYY-MM-DD, the first and last day of the period (one date: that day); "
               "default: the whole span of the data"),
    "actor": ("every page", "an actor id, repeat for several; default: all actors (each page says what the "
              "actor filter means there)"),
    "place": ("map", "a place in the data by name, in any spelling the search knows (Sumy, Odessa); "
              "default: all of Ukraine"),
    "strike": ("map", "a strike id: opens that strike's card, whatever the filters"),
    "truce": ("truces", "a truce id: shows that truce, whatever the period"),
    "statement": ("statements", "a statement id: shows that one statement, whatever the filters"),
    "q": ("statements", "search text (also finds other spellings of places and names)"),
    "speaker": ("statements", "a speaker's name, repeat for several"),
    "part": ("every page", "one element of the page alone (a chart, the map, a card): see each page's parts"),
    "as_of": ("every page", "when the link was made, UTC (2026-11-29T10:00Z): corrections made since are announced"),
    "lang": ("every page", "the interface language: en or uk; default: the browser's preferred language, else en"),
    "embed": ("every page", "true: the article view, without sidebar and menus (kept by Streamlit itself)"),
    "dropped": ("every page", "written by the app, not by you: a link had this many parameters, too many to read"),
}
ID_PARAMS = ("strike", "truce", "statement")
NOT_AN_ID = {
    "strike": N_("Ignored the strike link “{value}”: it is not an id."),
    "truce": N_("Ignored the truce link “{value}”: it is not an id."),
    "statement": N_("Ignored the statement link “{value}”: it is not an id."),
}
MAX_ACTORS = 50
MAX_SPEAKERS = 50
MAX_TEXT = 200  # characters of search text or a place name read from a link
MAX_SHOWN = 5  # names listed in one notice
DATE_PATTERN = re.compile(r"\d{4}-\d{2}-\d{2}")
AS_OF_PATTERN = re.compile(r"(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?Z")
LANGUAGES = tuple(i18n.LANGUAGES)  # en, uk: the languages with a catalogue (conflictdesk/i18n.py)


def shorten(value, limit: int = 40) -> str:
    """A URL value made safe to quote in a notice: printable characters only, at most `limit` of them."""
    value = "".join(ch if ch.isprintable() else "?" for ch in str(value))
    return value if len(value) <= limit else value[:limit] + "…"


def parse_date(text) -> dt.date | None:
    """An ISO date (YYYY-MM-DD), or None when the text is not one."""
    if not isinstance(text, str) or not DATE_PATTERN.fullmatch(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def parse_as_of(text) -> dt.datetime | None:
    """A UTC time written 2026-11-29T10:00Z (seconds allowed), or None when the text is not one."""
    match = AS_OF_PATTERN.fullmatch(text) if isinstance(text, str) else None
    if not match:
        return None
    try:
        day = dt.date.fromisoformat(match[1])
        return dt.datetime(day.year, day.month, day.day, int(match[2]), int(match[3]), int(match[4] or 0),
                           tzinfo=dt.timezone.utc)
    except ValueError:
        return None


def is_id(value) -> bool:
    """Whether a value is a row id by the data contract's rule (schema.ID_PATTERN)."""
    return isinstance(value, str) and len(value) <= ID_MAX and ID_PATTERN.fullmatch(value) is not None


def _listing(names: Sequence[str]) -> str:
    shown = ", ".join(f"“{shorten(name, 30)}”" for name in names[:MAX_SHOWN])
    if len(names) <= MAX_SHOWN:
        return shown
    return _("{names} and {count} more").format(names=shown, count=len(names) - MAX_SHOWN)


def _period(values: list[str], span: tuple[dt.date, dt.date], notices: list[str]) -> tuple[dt.date, dt.date]:
    if not values:
        return span
    dates = [parse_date(value) for value in values[:2]]
    if len(values) > 2 or None in dates:
        notices.append(_("Ignored the period {values}: a link needs two dates written YYYY-MM-DD.").format(
            values=_listing(values[:3])))
        return span
    if len(dates) == 1:
        return dates[0], dates[0]
    if dates[0] > dates[1]:
        notices.append(_("The period's dates were the wrong way round; they have been swapped."))
    return min(dates), max(dates)


def _actors(values: list[str], known: set[str], notices: list[str]) -> tuple[str, ...]:
    if len(values) > MAX_ACTORS:
        notices.append(_("The link names {count} actors; only the first {limit} were read.").format(
            count=len(values), limit=MAX_ACTORS))
        values = values[:MAX_ACTORS]
    unknown = [value for value in values if value not in known or not is_id(value)]
    if unknown:
        notices.append(ngettext("Ignored unknown actor: {names}.", "Ignored unknown actors: {names}.",
                                len(unknown)).format(names=_listing(unknown)))
    return tuple(dict.fromkeys(value for value in values if value in known and is_id(value)))


TOO_LONG = {
    "place": N_("The link's place was longer than {limit} characters; only the start was read."),
    "search text": N_("The link's search text was longer than {limit} characters; only the start was read."),
}


def _text(values: list[str], name: str, notices: list[str]) -> str:
    if not values:
        return ""
    if len(values[0]) > MAX_TEXT:
        notices.append(_(TOO_LONG[name]).format(limit=MAX_TEXT))
    return " ".join(values[0][:MAX_TEXT].split())


def parse(
    query: Mapping[str, Sequence[str]],
    page: str,
    span: tuple[dt.date, dt.date],
    actor_ids: Sequence[str],
    embed: bool = False,
) -> tuple[View, list[str]]:
    """Read a link's parameters (name → values) into the View of `page`; return it and one notice per problem.

    Anything malformed or unknown is ignored and named in a notice; nothing raises.
    """
    notices: list[str] = []
    dropped = (query.get("dropped") or [""])[0]
    # The server (server.LinkGuard) redirects an unreadable link to the page with `dropped` alone; with anything
    # else beside it, or an absurd count, it was written by hand and says nothing true.
    if re.fullmatch(r"[0-9]{1,9}", dropped) and int(dropped) > 0 and set(query) == {"dropped"}:
        notices.append(_("The link was too long to read ({count} parameters; a page reads at most 1,000, and 512 kB), "
                         "so none of them were read (the period and actors included): showing the default view.").format(
            count=i18n.format_number(int(dropped))))
    elif "dropped" in query:
        notices.append(_("Ignored the parameter dropped: the app writes it alone, when it could not read a link."))
    unknown = [name for name in query if name not in PARAMS]
    if unknown:
        notices.append(ngettext("Ignored {count} unknown link parameter: {names}.",
                                "Ignored {count} unknown link parameters: {names}.", len(unknown)).format(
            count=len(unknown), names=_listing(unknown)))
    values = {name: [str(v) for v in query.get(name, [])] for name in PARAMS}
    date_from, date_to = _period(values["period"], span, notices)
    filters = Filters(date_from, date_to, _actors(values["actor"], set(actor_ids), notices))
    ids = {}
    for name in ID_PARAMS:
        given = values[name]
        ids[name] = given[0] if given and is_id(given[0]) else None
        if given and ids[name] is None:
            notices.append(_(NOT_AN_ID[name]).format(value=shorten(given[0], 30)))
    speakers = values["speaker"]
    if len(speakers) > MAX_SPEAKERS:
        notices.append(_("The link names {count} speakers; only the first {limit} were read.").format(
            count=len(speakers), limit=MAX_SPEAKERS))
    speakers = tuple(dict.fromkeys(" ".join(s[:MAX_TEXT].split()) for s in speakers[:MAX_SPEAKERS] if s.strip()))
    part = values["part"][0] if values["part"] else None
    if part is not None and part not in PAGES_BY_PATH[page].parts:
        notices.append(_("Ignored the part “{part}”: this page has no such part; showing the whole page.").format(
            part=shorten(part, 30)))
        part = None
    as_of = parse_as_of(values["as_of"][0]) if values["as_of"] else None
    if values["as_of"] and as_of is None:
        notices.append(_("Ignored the link's time “{value}”: it needs the form 2026-11-29T10:00Z (UTC).").format(
            value=shorten(values["as_of"][0], 30)))
    lang = values["lang"][0] if values["lang"] else None
    if lang is not None and lang not in LANGUAGES:
        notices.append(_("Ignored the language “{value}”: the dashboard speaks {languages}.").format(
            value=shorten(lang, 12), languages=", ".join(LANGUAGES)))
        lang = None
    view = View(
        page,
        filters,
        part=part,
        as_of=as_of,
        lang=lang,
        place=_text(values["place"], "place", notices) or None,
        q=_text(values["q"], "search text", notices),
        speakers=speakers,
        embed=embed,
        **ids,
    )
    # Parameters of other pages are not an error: a link may carry them from one page to another.
    return view, notices

