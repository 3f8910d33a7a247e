"""What leaves the dashboard: CSV (for spreadsheets) and JSON (for developers) downloads, citations, embed codes.

CSV is written for spreadsheets: UTF-8 with a byte-order mark (Excel on Windows otherwise reads it as
Windows-1252 and shows `Putinâ€™s` and garbled Cyrillic), list cells joined with "; ", and text cells a
spreadsheet would run as a formula prefixed with an apostrophe (OWASP, "CSV Injection"). JSON keeps the
same rows with lists as lists and no prefix. Both carry the data version and the rows' source ids.
"""

import datetime as dt
import html
import json
import math
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import numpy as np
import pandas as pd

from conflictdesk.i18n import _

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
LIST_SEPARATOR = "; "
HEIGHT_MESSAGE = "conflictdesk:height"  # the postMessage type an embedded view sends with its height in px
# The article's half of the auto-height embed: each Conflict Desk frame takes the height its page reports.
# Only messages from the frame's own window and origin are read; the height is clamped to a number.
RESIZE_SCRIPT = (
    "<script>window.addEventListener(\"message\",function(e){"
    "var d=e.data;if(!d||d.type!==\"" + HEIGHT_MESSAGE + "\")return;"
    "document.querySelectorAll(\"iframe[data-conflictdesk]\").forEach(function(f){"
    "if(f.contentWindow===e.source&&new URL(f.src).origin===e.origin){"
    "var h=Math.min(Math.max(Number(d.height)||0,120),20000);f.style.height=Math.ceil(h)+\"px\";}});});</script>"
)


def neutralise(value):
    """Defuse a text cell a spreadsheet would run as a formula, by prefixing an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def is_list(value) -> bool:
    """Whether a cell holds several values (a list, tuple or NumPy array, as DuckDB returns LIST columns)."""
    return isinstance(value, (list, tuple, np.ndarray))


def cell_text(value):
    """A cell for a spreadsheet: lists joined with "; ", missing values empty, text formula-safe."""
    if is_list(value):
        return neutralise(LIST_SEPARATOR.join("" if plain(v) is None else str(v) for v in value))
    return neutralise(value)


def to_csv(rows: pd.DataFrame, data_version: str, credit: str | None = None) -> bytes:
    """The rows as UTF-8 CSV with a byte-order mark and a header, the data version (and the data's credit, when
    given) on every row, list cells joined with "; " and formula-safe text cells."""
    table = rows.copy()
    for name in table.columns:
        column = table[name]
        if column.dtype == object or pd.api.types.is_string_dtype(column):
            table[name] = column.map(cell_text).astype(object)
    table["data_version"] = data_version
    if credit is not None:
        table["credit"] = neutralise(credit)
    return table.to_csv(index=False).encode("utf-8-sig")


def plain(value):
    """A cell as a JSON value: lists as lists, dates as ISO text, NaN/NaT/None as None."""
    if is_list(value):
        return [plain(v) for v in value]
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, np.generic):
        return plain(value.item())
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def source_ids(rows: pd.DataFrame) -> list[str]:
    """Every source id the rows cite (columns `source_id` or ending in `_source_id`), sorted."""
    found = set()
    for name in rows.columns:
        if name == "source_id" or name.endswith("_source_id"):
            for value in rows[name]:
                for item in (value if is_list(value) else [value]):
                    if plain(item) is not None:
                        found.add(str(item))
    return sorted(found)


def to_json(rows: pd.DataFrame, data_version: str, view_url: str = "", credit: str = "") -> bytes:
    """The rows as UTF-8 JSON: {"data_version", "view", "credit", "source_ids", "rows": [{column: value}]},
    lists kept as lists, dates as ISO text, missing values as null; text exactly as in the data."""
    records = [{name: plain(value) for name, value in record.items()} for record in rows.to_dict("records")]
    document = {"data_version": data_version, "view": view_url, "credit": credit,
                "source_ids": source_ids(rows), "rows": records}
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


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
    """The iframe of an embed view: escaped src and title (for screen readers), a starting height in px."""
    return (
        f'<iframe src="{html.escape(url, quote=True)}" title="{html.escape(title, quote=True)}" '
        f'width="100%" height="{int(height)}" style="border:0;width:100%" loading="lazy" '
        f"data-conflictdesk></iframe>"
    )


def embed_code(url: str, title: str, height: int = 480) -> str:
    """The embed code for an article: the iframe and the script that sizes it to the height the view reports."""
    return iframe_snippet(url, title, height) + "\n" + RESIZE_SCRIPT


def query_from_url(url: str) -> dict[str, list[str]]:
    """The parameters of a URL, repeated ones as lists."""
    query: dict[str, list[str]] = {}
    for name, value in parse_qsl(urlsplit(url).query):
        query.setdefault(name, []).append(value)
    return query
