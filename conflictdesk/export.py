"""What leaves the dashboard: CSV downloads safe for spreadsheets, citations and embed codes."""

import datetime as dt
import html
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import pandas as pd

from conflictdesk.i18n import _

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """Defuse a text cell a spreadsheet would run as a formula, by prefixing an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def to_csv(rows: pd.DataFrame, data_version: str) -> bytes:
    """The rows as UTF-8 CSV with a header, the data version on every row and formula-safe text cells."""
    table = rows.copy()
    for name in table.columns:
        if table[name].dtype == object or pd.api.types.is_string_dtype(table[name]):
            table[name] = table[name].map(
                lambda v: neutralise("; ".join(map(str, v)) if isinstance(v, (list, tuple)) else v)
            )
        elif len(table[name]) and isinstance(table[name].iloc[0], (list, tuple)):
            table[name] = table[name].map(lambda v: neutralise("; ".join(map(str, v))))
    table["data_version"] = data_version
    return table.to_csv(index=False).encode("utf-8")


def page_url(url: str, query: dict[str, list[str]], embed: bool | None = None) -> str:
    """The page's address with the view's parameters (and embed=true, or without embed)."""
    parts = urlsplit(url)
    params = [(k, v) for k, values in query.items() if k != "embed" for v in values]
    if embed:
        params.append(("embed", "true"))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(params), ""))


def citation(url: str, data_version: str, retrieved: dt.datetime, credit: str, title: str) -> str:
    """A short block a reporter can paste: what, where, which data, when (in the interface language)."""
    stamp = retrieved.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return (
        f"Conflict Desk — {title}\n"
        f"{url}\n"
        + _("Data version {version}, retrieved {stamp}.").format(version=data_version, stamp=stamp)
        + f"\n{credit}"
    )


def iframe_snippet(url: str, title: str, height: int = 640) -> str:
    """The embed code for an article: an iframe of the page's embed view."""
    return (
        f'<iframe src="{html.escape(url, quote=True)}" title="{html.escape(title, quote=True)}" '
        f'width="100%" height="{int(height)}" style="border:0" loading="lazy"></iframe>'
    )


def query_from_url(url: str) -> dict[str, list[str]]:
    """The parameters of a URL, repeated ones as lists."""
    query: dict[str, list[str]] = {}
    for name, value in parse_qsl(urlsplit(url).query):
        query.setdefault(name, []).append(value)
    return query
