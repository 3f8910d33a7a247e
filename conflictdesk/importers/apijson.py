"""The publishers' API responses as exports: ACLED's JSON (`{"status": 200, "success": true, "count": N,
"data": [events]}`, from the older and the newer API alike) and UCDP's JSON pages (`{"TotalCount",
"TotalPages", "PreviousPageUrl", "NextPageUrl", "Result": [events]}`), a list of such pages, or a bare list
of events. Events are keyed by the CSV export's column names; numbers may arrive as numbers or strings and
are read as the CSV's text (null is empty). A record's `line` is its position among the events (1 = the
first), and the summary calls it "event N".

A response is read whole (the APIs page their answers: ACLED up to 5,000 events a page, UCDP 1,000).
"""

import json
import re
from pathlib import Path

from conflictdesk.importers.reading import Record, Unreadable

VERSION_IN_URL = re.compile(r"/gedevents/([0-9]+(?:\.[0-9]+)+)")


def is_json(path: Path) -> bool:
    """Whether a file holds JSON (its first non-blank character is `{` or `[`)."""
    with path.open("rb") as handle:
        head = handle.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    return head[:1] in (b"{", b"[")


class JsonExport:
    """An API response opened like a CSV export: `header`, `records()`, and what the response says of itself."""

    delimiter = ""

    def __init__(self, path: Path):
        self.path = path
        try:
            payload = json.loads(path.read_text(encoding="utf-8-sig"))
        except UnicodeDecodeError as error:
            raise Unreadable(f"{path}: a JSON file must be UTF-8 ({error.reason})") from None
        except json.JSONDecodeError as error:
            raise Unreadable(f"{path}: not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})") from None
        self.notes: list[str] = []
        self.version: str | None = None
        self.events = self._events(payload)
        names: dict[str, None] = {}
        for event in self.events:
            names.update(dict.fromkeys(key.strip().lower() for key in event))
        self.header = list(names)

    def _events(self, payload) -> list[dict]:
        pages = payload if isinstance(payload, list) and payload and all(_is_page(p) for p in payload) else [payload]
        events: list = []
        for page in pages:
            if isinstance(page, list):
                events += page
                continue
            if not isinstance(page, dict):
                raise Unreadable(f"{self.path}: the JSON is neither a list of events nor an API response object")
            status = page.get("status")
            if page.get("success") is False or (status is not None and str(status) != "200"):
                raise Unreadable(
                    f"{self.path}: the API answered status {status} without data ({_message(page)}); nothing to import"
                )
            if "Result" in page:
                events += page["Result"] or []
                self._ucdp_page(page)
            elif "data" in page:
                events += page["data"] or []
            else:
                raise Unreadable(
                    f"{self.path}: a JSON object without 'data' (ACLED) or 'Result' (UCDP); its keys are "
                    f"{', '.join(list(page)[:8])}"
                )
        bad = next((i for i, event in enumerate(events) if not isinstance(event, dict)), None)
        if bad is not None:
            raise Unreadable(f"{self.path}: event {bad + 1} of the JSON is not an object of column names and values")
        return events

    def _ucdp_page(self, page: dict) -> None:
        for key in ("NextPageUrl", "PreviousPageUrl"):
            if match := VERSION_IN_URL.search(str(page.get(key) or "")):
                self.version = self.version or match.group(1)
        total, shown = page.get("TotalCount"), len(page.get("Result") or [])
        if page.get("NextPageUrl"):
            self.notes.append(
                f"This UCDP API page holds {shown:,} of {total} events; the next page is {page['NextPageUrl']} — "
                "import each page (with --merge) to have them all."
            )

    def records(self):
        header = self.header
        for index, event in enumerate(self.events, start=1):
            lowered = {key.strip().lower(): value for key, value in event.items()}
            yield Record([_text(lowered.get(name)) for name in header], index, index, 1)

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _is_page(item) -> bool:
    return isinstance(item, dict) and ("Result" in item or "data" in item)


def _text(value) -> str:
    """A JSON value as the CSV export writes it: null empty, numbers in digits, lists ';'-joined."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        return "; ".join(_text(item) for item in value)
    return str(value)


def _message(page: dict) -> str:
    error = page.get("error") or page.get("messages") or page.get("message") or "no message"
    return json.dumps(error, ensure_ascii=False)[:200]
