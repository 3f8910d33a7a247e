"""What a total leaves out or may stretch, said next to it: other kinds of events, date windows reaching past
the period, and the rows imports left out (newsroom rules 4 and 6). Plain functions of query rows."""

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from conflictdesk.i18n import NP_, _, ngettext
from conflictdesk.view import View
from conflictdesk.wording import blank, number_text, plural, total_text

DEATHS = NP_("{count} death", "{count} deaths")  # looked up by wording.plural(count, "death")

Run = Callable[..., pd.DataFrame]


@dataclass(frozen=True)
class OtherEvents:
    """The events in the view that are not strikes, by the name of their kind, and the sentence saying so."""

    count: int
    kinds: pd.DataFrame  # rows of queries/other_events.sql
    sentence: str | None


def other_events(view: View, run: Run) -> OtherEvents:
    """The other kinds of events the view's strike counts leave out (queries/other_events.sql), in a sentence."""
    kinds = run("other_events", **view.params())
    count = int(kinds["events"].sum()) if len(kinds) else 0
    if count == 0:
        return OtherEvents(0, kinds, None)
    parts = [
        ngettext("{name}, {events} event (killed: {killed})", "{name}, {events} events (killed: {killed})",
                 int(row["events"])).format(
            name=row["kind_name"], events=number_text(row["events"]),
            killed=total_text(row["killed_total"], row["killed_qualifier"],
                              int(row["events"]) - int(row["killed_reported"])),
        )
        for row in kinds.to_dict("records")
    ]
    sentence = ngettext(
        "{count} other event in this view is not a strike, so it is not counted as one: {kinds}.",
        "{count} other events in this view are not strikes, so they are not counted as strikes: {kinds}.",
        count,
    ).format(count=number_text(count), kinds="; ".join(parts))
    return OtherEvents(count, kinds, sentence)


def straddling_text(row) -> str | None:
    """Of a toll_totals row: how many strikes may have happened outside the period (their window reaches past its
    edge) and what they hold; None when none does."""
    straddling = int(row.get("straddling") or 0)
    if straddling == 0:
        return None
    held = row.get("straddling_total")
    held = _("no figure") if blank(held) else number_text(held)
    return ngettext(
        "{count} of them has a date window reaching past the period's edge, so it may have happened outside the "
        "period; its figure: {held}.",
        "{count} of them have date windows reaching past the period's edge, so they may have happened outside the "
        "period; their figures add up to {held}.",
        straddling,
    ).format(count=number_text(straddling), held=held)


def left_out_text(run: Run) -> str | None:
    """What the imports left out, from the sources (queries/left_out.sql), in a sentence; None when nothing was."""
    row = run("left_out").iloc[0]
    rows = int(row["rows"])
    if rows == 0:
        return None
    deaths = row["deaths"]
    if blank(deaths):
        return ngettext(
            "Imports left out {rows} row of the publishers' files; see Sources & method.",
            "Imports left out {rows} rows of the publishers' files; see Sources & method.",
            rows,
        ).format(rows=number_text(rows))
    if row["sources_without_deaths"] > 0:  # some rows left out give no figure: the sum is a floor (rule 2)
        return ngettext(
            "Imports left out {rows} row of the publishers' files, holding at least {deaths} by the "
            "publishers' figures (some rows give none), not in these totals; see Sources & method.",
            "Imports left out {rows} rows of the publishers' files, holding at least {deaths} by the "
            "publishers' figures (some rows give none), not in these totals; see Sources & method.",
            rows,
        ).format(rows=number_text(rows), deaths=plural(deaths, "death"))
    return ngettext(
        "Imports left out {rows} row of the publishers' files, holding {deaths} by the publishers' figures, "
        "not in these totals; see Sources & method.",
        "Imports left out {rows} rows of the publishers' files, holding {deaths} by the publishers' figures, "
        "not in these totals; see Sources & method.",
        rows,
    ).format(rows=number_text(rows), deaths=plural(deaths, "death"))
