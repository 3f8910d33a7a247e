"""The dashboard's pages: their files, titles, URL paths, icons and the URL parameters each page reads.

Every link the app builds names a page from this registry, never the path a request came in on.
"""

from dataclasses import dataclass

from conflictdesk.i18n import N_, _


@dataclass(frozen=True)
class Page:
    """One page of the dashboard; `path` is its URL path and equals its file name."""

    file: str
    title: str  # in the source language, marked for the catalogue; `label` is it in the reader's
    path: str
    icon: str
    params: tuple[str, ...] = ()  # the page's own URL parameters, besides the filters
    parts: tuple[str, ...] = ()  # elements a link can show alone (`part=`), for an embed of one chart or card

    @property
    def label(self) -> str:
        """The page's title in the interface language."""
        return _(self.title)


PAGES: tuple[Page, ...] = (
    Page("pages/overview.py", N_("Overview"), "overview", ":material/dashboard:", (), ("headline", "timeline", "statements")),
    Page("pages/map.py", N_("Strikes map"), "map", ":material/map:", ("place", "strike"), ("map", "strike")),
    Page("pages/casualties.py", N_("Casualties"), "casualties", ":material/bar_chart:", (), ("totals", "tolls", "history")),
    Page("pages/truces.py", N_("Truce violations"), "truces", ":material/handshake:", ("truce",), ("window", "claims")),
    Page(
        "pages/statements.py", N_("Statements"), "statements", ":material/format_quote:", ("statement", "q", "speaker"),
        ("statements",),
    ),
    Page("pages/air.py", N_("Air attacks"), "air", ":material/flight:", (), ("headline", "weeks", "nights", "reports")),
    Page("pages/sources.py", N_("Sources & method"), "sources", ":material/menu_book:"),
    Page("pages/corrections.py", N_("Corrections"), "corrections", ":material/edit_note:"),
)
PAGES_BY_PATH = {page.path: page for page in PAGES}
HOME = PAGES[0]


def page_at(path: str) -> Page:
    """The page with this URL path; raises KeyError for a path that is not a page."""
    return PAGES_BY_PATH[path]
