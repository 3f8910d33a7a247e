"""The state of one view: the page, its filters and its own parameters. Links, citations and embeds are made from it."""

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

from conflictdesk.filters import Filters
from conflictdesk.sitemap import PAGES_BY_PATH, page_at

LOCAL_BASE = "http://localhost:8501"
HOST_PATTERN = re.compile(r"(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]{1,253})(:[0-9]{1,5})?")
PATH_PATTERN = re.compile(r"(/[A-Za-z0-9._~-]+)*")


@dataclass(frozen=True)
class View:
    """What a reader sees: a page of the registry, the filters and that page's parameters. Immutable."""

    page: str
    filters: Filters
    place: str | None = None
    strike: str | None = None
    statement: str | None = None
    truce: str | None = None
    q: str = ""
    speakers: tuple[str, ...] = ()
    part: str | None = None  # one element of the page (an embed of a single chart, map or card)
    as_of: dt.datetime | None = None  # when the link was made (UTC): corrections since are announced
    lang: str | None = None  # the interface language the link asks for
    embed: bool = False

    def params(self) -> dict:
        """The bound parameters of the filtered queries ($date_from, $date_to, $actors)."""
        return self.filters.params()

    def replace(self, **changes) -> "View":
        """A copy with some fields changed."""
        return dataclasses.replace(self, **changes)

    def on(self, path: str, **params) -> "View":
        """The same filters on another page (a path of the registry), with that page's parameters given."""
        page_at(path)
        fresh = View(path, self.filters, as_of=self.as_of, lang=self.lang, embed=self.embed)
        return fresh.replace(**params)

    def query(self) -> dict[str, list[str]]:
        """The canonical URL parameters of this view (without `embed`), in the documented order."""
        query = {"period": [self.filters.date_from.isoformat(), self.filters.date_to.isoformat()]}
        if self.filters.actors:
            query["actor"] = list(self.filters.actors)
        own = PAGES_BY_PATH[self.page].params
        values = {
            "place": [self.place] if self.place else [],
            "strike": [self.strike] if self.strike else [],
            "statement": [self.statement] if self.statement else [],
            "truce": [self.truce] if self.truce else [],
            "q": [self.q] if self.q else [],
            "speaker": list(self.speakers),
        }
        for name in own:
            if values[name]:
                query[name] = values[name]
        if self.part:
            query["part"] = [self.part]
        if self.as_of:
            query["as_of"] = [format_as_of(self.as_of)]
        if self.lang:
            query["lang"] = [self.lang]
        return query

    def link(self, embed: bool = False) -> str:
        """A relative link to this view (`overview?period=…`), as the app's own pages link to each other."""
        pairs = [(name, value) for name, values in self.query().items() for value in values]
        if embed:
            pairs.append(("embed", "true"))
        return f"{self.page}?{urlencode(pairs, safe=':')}"

    def url(self, base: str, embed: bool = False) -> str:
        """The absolute address of this view under the dashboard's base address."""
        return f"{base.rstrip('/')}/{self.link(embed=embed)}"


def site_base(browser_url: str | None, base_path: str = "", public_url: str | None = None) -> str:
    """The dashboard's own base address: scheme, host and configured base path, never the request's page path.

    `public_url` (a configured address such as https://desk.example.org/conflict) wins when it is a valid
    http(s) address; else the scheme and host the browser used, checked, with `base_path` (Streamlit's
    server.baseUrlPath); else http://localhost:8501.
    """
    for candidate, path in ((public_url, None), (browser_url, base_path)):
        if not candidate:
            continue
        try:
            parts = urlsplit(candidate)
        except ValueError:  # an invalid IPv6 host
            continue
        if parts.scheme not in ("http", "https") or not HOST_PATTERN.fullmatch(parts.netloc or ""):
            continue
        prefix = parts.path.rstrip("/") if path is None else ("/" + path.strip("/") if path.strip("/") else "")
        if not PATH_PATTERN.fullmatch(prefix):
            continue
        return f"{parts.scheme}://{parts.netloc}{prefix}"
    return LOCAL_BASE


def format_as_of(moment: dt.datetime) -> str:
    """A link's `as_of` value: the UTC time to the minute, 2026-11-29T10:00Z."""
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%MZ")
