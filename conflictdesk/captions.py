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
