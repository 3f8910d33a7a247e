"""The app's own sentences about a view: its filters in words, banners, credit lines (phrases from wording)."""

from conflictdesk import wording
from conflictdesk.i18n import N_, _
from conflictdesk.view import View

APP_NAME = "Conflict Desk"
LICENCE_NOTE = N_(
    "Figures are the claims of the sources named, shown in their own words; quoted texts remain their "
    "publishers'. Country outlines: Natural Earth (public domain)."
)  # marked: translate with _() where shown


def period_text(view: View) -> str:
    """The view's period in words: 13 Apr 2025 – 21 Apr 2025 (one day: 21 Apr 2025)."""
    return wording.period_text(view.filters.date_from, view.filters.date_to)


def actors_text(view: View, names: dict[str, str], meaning: str) -> str:
    """The actor filter in words with the page's meaning: "all actors", "strikes carried out by Russia"."""
    return wording.actors_text([names.get(actor, actor) for actor in view.filters.actors], meaning)


def filter_caption(view: View, actor_meaning: str, names: dict[str, str] | None = None) -> str:
    """The filters in plain words: "Filtered to 13 Apr 2025 – 21 Apr 2025; strikes carried out by Russia."."""
    return _("Filtered to {period}; {actors}.").format(
        period=period_text(view), actors=actors_text(view, names or {}, actor_meaning))


def synthetic_banner() -> str:
    """The banner on every page while synthetic rows are loaded."""
    return _(
        "**Synthetic data is loaded.** Some rows come from a generated benchmark source, not from reporting. "
        "Do not quote them."
    )


def credit_line(publishers) -> str:
    """A one-line credit naming every publisher of the data shown, for charts and citations."""
    names = "; ".join(sorted({str(name) for name in publishers}))
    return _("Source: {names} via {app}").format(names=names, app=APP_NAME)


def _given(value) -> bool:
    return not wording.blank(value)


def dataset_credits(sources) -> list[str]:
    """Each imported dataset's credit as its licence asks (newsroom rule 6), from the rows of queries/sources.sql, as
    lines short enough for a chart's caption: 'Credit: UCDP … version 24.1, Uppsala Conflict Data Program',
    'Licence: CC BY 4.0 (…)', 'changed: selected events …'. Nothing for sources without a credit."""
    lines: list[str] = []
    for row in sources.to_dict("records"):
        if not _given(row.get("credit")):
            continue
        parts = [_("Credit: {credit}").format(credit=str(row["credit"]).strip())]
        if _given(row.get("licence")):
            parts.append(_("Licence: {licence}").format(licence=str(row["licence"]).strip()))
        if _given(row.get("changes")):
            parts.append(str(row["changes"]).strip())
        lines += [part for part in parts if part not in lines]
    return lines


# What each chart draws, as count columns of queries/sources.sql: its credit names the sources of those rows only.
CHART_TABLES = {
    "air": ("air_reports",),
    "tolls": ("strikes", "casualty_reports"),
    "truces": ("truces", "violation_claims"),
    "timeline": ("strikes", "statements", "truces", "events"),
    "map": ("strikes", "casualty_reports", "incidents"),
}

# The tables an embedded view shows, by (page, part); a page embedded whole by (page, None). A view not named
# here credits every source loaded.
VIEW_TABLES = {
    ("overview", "headline"): ("strikes", "casualty_reports", "events"),
    ("overview", "timeline"): CHART_TABLES["timeline"],
    ("overview", "statements"): ("statements",),
    ("map", "map"): CHART_TABLES["map"],
    ("map", "strike"): ("strikes", "casualty_reports", "statements"),
    ("casualties", None): ("strikes", "casualty_reports", "events"),
    ("casualties", "totals"): ("strikes", "casualty_reports", "events"),
    ("casualties", "tolls"): CHART_TABLES["tolls"],
    ("casualties", "history"): CHART_TABLES["tolls"],
    ("truces", "window"): CHART_TABLES["truces"],
    ("truces", "claims"): CHART_TABLES["truces"],
    ("statements", None): ("statements",),
    ("statements", "statements"): ("statements",),
    ("air", None): CHART_TABLES["air"],
    **{("air", part): CHART_TABLES["air"] for part in ("headline", "weeks", "nights", "reports")},
}


def full_credit(sources, tables: tuple[str, ...] = ()) -> str:
    """The credit for the data loaded, one line each: every publisher via Conflict Desk, then each dataset's credit,
    licence and what was changed (dataset_credits). With `tables` (count columns of queries/sources.sql: strikes,
    casualty_reports, truces, violation_claims, statements, events, incidents, air_reports) only the sources that
    rows of those tables cite, for a chart that draws only them (rule 6: credit wherever its data is shown); all
    sources when none does."""
    if tables:
        cited = sources[sources[list(tables)].sum(axis=1) > 0]
        sources = cited if len(cited) else sources
    # A source that names no publisher is credited by its title (never "Source: Not named …").
    names = [title if wording.blank(publisher) else publisher for publisher, title in zip(sources["publisher"], sources["title"])]
    return "\n".join([credit_line(names), *dataset_credits(sources)])


def restricted_notice(sources) -> str | None:
    """What a reader must know before downloading or embedding while a source restricts redistribution (ACLED's
    terms), or None when none does."""
    rows = [r for r in sources.to_dict("records") if r.get("redistribution") == "restricted"]
    if not rows:
        return None
    names = wording.listing(sorted({str(r["publisher"]) for r in rows}))
    terms = "; ".join(sorted({str(r["licence"]).strip() for r in rows if _given(r.get("licence"))}))
    return _(
        "{names} data is loaded, and its terms restrict redistribution ({terms}). Download, publish or embed this "
        "view only if your own licence with {names} allows it, and credit {names} as its terms require."
    ).format(names=names, terms=terms or _("terms not given"))
