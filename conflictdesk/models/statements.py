"""The Statements page's rows and words: one linked statement, or the search and speaker filter's results."""

from dataclasses import dataclass, field

import pandas as pd

from conflictdesk.search import expand_terms, matching
from conflictdesk.urlparams import shorten
from conflictdesk.models import Run
from conflictdesk.i18n import _, ngettext
from conflictdesk.view import View
from conflictdesk.wording import number_text

def plural(count: int, word: str) -> str:
    """'1 statement', '7 statements'."""
    return f"{count} {word}{'' if count == 1 else 's'}"


@dataclass(frozen=True)
class Statements:
    """What the page shows: the linked statement (or None), else the matching rows, with notices and headline."""

    linked: pd.Series | None
    rows: pd.DataFrame
    speakers: list[str]
    chosen: tuple[str, ...]
    also: list[str]
    headline: str
    notices: list[str] = field(default_factory=list)


def statements(view: View, run: Run) -> Statements:
    """The statement the link names (whatever the filters), else the statements matching the view."""
    notices = []
    speakers = run("speakers")["speaker"].tolist()
    if view.statement:
        one = run("statement", statement_id=view.statement)
        if not one.empty:
            return Statements(one.iloc[0], one, speakers, (), [], "", notices)
        notices.append(
            _("No statement “{id}” in the data: it may have been removed or the link mistyped. "
              "Showing all statements instead.").format(id=view.statement)
        )
    unknown = [name for name in view.speakers if name not in speakers]
    if unknown:
        notices.append(_("Ignored unknown speakers in the link: {names}.").format(
            names=", ".join(shorten(n, 30) for n in unknown[:5])))
    chosen = tuple(name for name in view.speakers if name in speakers)
    terms = expand_terms(view.q, run("actors"), run("cities")["city"].tolist())
    rows = run("statements", **view.params(), speakers=list(chosen))
    rows = rows[matching(rows, terms)]
    headline = _("{statements} by {speakers}").format(
        statements=ngettext("{count} statement", "{count} statements", len(rows)).format(count=number_text(len(rows))),
        speakers=ngettext("{count} speaker", "{count} speakers", rows["speaker"].nunique()).format(
            count=number_text(rows["speaker"].nunique())),
    ) if not rows.empty else ""
    return Statements(None, rows, speakers, chosen, terms[1:], headline, notices)
