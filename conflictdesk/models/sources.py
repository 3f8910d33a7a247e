"""A source's card on the Sources page in words: publisher, link, publication, type, language, a dataset's terms
and what its import left out; data text escaped (rule 8), a missing value "not given", never invented (rule 1)."""

import pandas as pd
from babel import Locale, UnknownLocaleError

from conflictdesk import i18n
from conflictdesk.i18n import N_, NP_, _, ngettext
from conflictdesk.text import escape_markdown, safe_url
from conflictdesk.wording import day_text, number_text, plural as wording_plural

SOURCE_TYPES = {
    "news_report": N_("News report"),
    "official": N_("Official statement or document"),
    "ngo": N_("Non-governmental organisation"),
    "dataset": N_("Data set"),
    "social_post": N_("Social media post"),
    "synthetic": N_("Synthetic (generated for testing; not reporting)"),
}
# (query column, words) for the rows citing a source.
CITING = (
    ("strikes", NP_("{count} strike", "{count} strikes")),
    ("casualty_reports", NP_("{count} casualty report", "{count} casualty reports")),
    ("truces", NP_("{count} truce", "{count} truces")),
    ("violation_claims", NP_("{count} truce violation claim", "{count} truce violation claims")),
    ("statements", NP_("{count} statement", "{count} statements")),
    ("events", NP_("{count} diplomatic or political event", "{count} diplomatic or political events")),
    ("incidents", NP_("{count} civilian-harm incident", "{count} civilian-harm incidents")),
    ("air_reports", NP_("{count} air-attack report", "{count} air-attack reports")),
)

def plural(count: int, words: tuple[str, str]) -> str:
    """'1 strike', '2 strikes' (a NP_ pair), in the reader's language."""
    return ngettext(*words, count).format(count=number_text(count))


def when(value) -> str:
    """A date in words, or 'not given'."""
    return _("not given") if value is None or pd.isna(value) else day_text(pd.Timestamp(value), i18n.MONTH_FORM)


def text_or(value, missing: str | None = None) -> str:
    """Data text escaped for markdown, or a word for a missing value."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return missing or _("not given")
    return escape_markdown(value)


def imported_dataset(source) -> bool:
    """Whether the source row is a publisher's dataset written by an import (it carries credit terms or counts)."""
    given = [name for name in ("version", "licence", "credit", "changes", "redistribution") if not pd.isna(source[name])]
    return bool(given) or not pd.isna(source["left_out_rows"])


def published_line(source) -> str:
    """When the source was published; for an imported dataset without a release date, the date the import gave it
    (its file's latest event or timestamp: importers/job.py) said as such, never as the publisher's (rule 1)."""
    if imported_dataset(source) and pd.isna(source["released_on"]):
        return _("**Published:** not given by the publisher (the import dates it by the file's latest date, {day})").format(
            day=when(source["published_on"]))
    return _("**Published:** {day}").format(day=when(source["published_on"]))


def dataset_details(source) -> list[str]:
    """A publisher's dataset: version, release date, licence, credit, changes, terms, what its import left out."""
    if not imported_dataset(source):
        return []
    released = when(source["released_on"]) if not pd.isna(source["released_on"]) else _("release date not given")
    lines = [
        "**" + _("Version") + ":** " + text_or(source["version"]),
        "**" + _("Released") + ":** " + released,
        "**" + _("Licence") + ":** " + text_or(source["licence"]),
        "**" + _("Credit") + ":** " + text_or(source["credit"]),
        "**" + _("Changes") + ":** " + text_or(source["changes"]),
    ]
    if source["redistribution"] == "restricted":
        lines.append("**" + _("Redistribution") + ":** " + _("restricted by the publisher's terms"))
    if not pd.isna(source["left_out_rows"]):
        deaths = source["left_out_deaths"]
        held = _("deaths not given") if pd.isna(deaths) else _("{deaths} by the publisher's figures").format(
            deaths=wording_plural(deaths, "death"))
        rows = int(source["left_out_rows"])
        if rows == 0:
            held = _("nothing left out of the totals")
        lines.append("**" + _("Left out by the import") + ":** " + (held if rows == 0 else ngettext(
            "{rows} row ({held})", "{rows} rows ({held})", rows).format(rows=number_text(rows), held=held)))
    return lines


def language_name(code) -> str:
    """A source's language (an ISO 639-1 code) named in the reader's language by Babel: Ukrainian / українська."""
    try:
        name = Locale.parse(str(code)).get_display_name(i18n.language())
    except (ValueError, TypeError, UnknownLocaleError):
        return text_or(code)
    return name[:1].upper() + name[1:] if name else text_or(code)


def details(source) -> list[str]:
    """The card's lines under its title (a row of queries/sources.sql): publisher, link, published, type, language."""
    link = safe_url(source["url"])
    kind = source["source_type"]
    return [
        _("**Publisher:** {publisher}").format(publisher=text_or(source["publisher"], _("not named in the source"))),
        _("**Link:** {link}").format(link=f"[{escape_markdown(link)}]({link})") if link else _("**Link:** none known"),
        published_line(source),
        _("**Type:** {kind}").format(kind=_(SOURCE_TYPES[kind]) if kind in SOURCE_TYPES else text_or(kind)),
        _("**Language:** {language}").format(language=language_name(source["language"])),
    ]


def citing(source) -> list[str]:
    """The rows citing the source, per table that has any: ['2 strikes', '16 statements']."""
    return [plural(int(source[column]), words) for column, words in CITING if int(source[column])]
