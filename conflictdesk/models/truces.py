"""The Truce page's rows: the truces in the period, or the one truce a link names, and each side's claims."""

from dataclasses import dataclass, field

import pandas as pd

from conflictdesk.models import Run
from conflictdesk.i18n import _
from conflictdesk.view import View

@dataclass(frozen=True)
class Truces:
    """The truces to show, the claims about them (each side's own row), and notices."""

    truces: pd.DataFrame
    claims: pd.DataFrame
    linked: bool
    notices: list[str] = field(default_factory=list)


def truces(view: View, run: Run) -> Truces:
    """The truce the link names (whatever the period), else every truce whose window overlaps the period."""
    notices = []
    if view.truce:
        one = run("truce", truce_id=view.truce)
        if not one.empty:
            claims = run("truce_claims_of_truce", truce_id=view.truce, actors=list(view.filters.actors))
            return Truces(one, claims, True, notices)
        notices.append(_("No truce “{id}” in the data: it may have been removed or the link mistyped.").format(
            id=view.truce))
    found = run("truces_in_period", date_from=view.filters.date_from, date_to=view.filters.date_to)
    return Truces(found, run("truce_claims", **view.params()), False, notices)
