"""The Overview's numbers and words: strikes and tolls in the sources' words, and what the timeline draws."""

from dataclasses import dataclass

import pandas as pd

from conflictdesk.models import Run, Total, disclosures
from conflictdesk.models.corrections import mark_text
from conflictdesk.i18n import N_, _
from conflictdesk.wording import name_text, number_text, row_figure, status_word, total_text
from conflictdesk.view import View

PARTS_LIMIT = 12  # past this many strikes, the figures behind a total are listed on the Casualties page
TIMELINE_LIMIT = 300  # past this many items, the timeline counts them per day
TOTALS_NOTE = N_(
    "Totals add each strike's latest reported toll. They say “at least” or “about” whenever any part is not an "
    "exact figure or a strike has no figure; claims by opposing sides are never added together."
)  # marked: translate with _() where shown
FIGURE_LABELS = {"killed": N_("People killed"), "injured": N_("People injured")}


@dataclass(frozen=True)
class Headline:
    """The Overview's headline: the number of strikes, the killed and injured totals, the number of other events
    (not strikes, so not counted as strikes) and the sentences on what the totals leave out or may stretch."""

    strikes: int
    figures: tuple[Total, ...]
    others: int = 0
    notes: tuple[str, ...] = ()


def _status(value) -> str:
    return status_word(value) if isinstance(value, str) else _("no report")


def headline(view: View, run: Run) -> Headline:
    """Strikes in the view and each toll's total, with its parts in the sources' words (or how many give one)."""
    totals = run("toll_totals", **view.params()).set_index("figure")
    count = int(totals.at["strikes", "total"])
    tolls = run("view_tolls", **view.params(), limit=PARTS_LIMIT) if count <= PARTS_LIMIT else None
    figures = []
    for figure in ("killed", "injured"):
        row = totals.loc[figure]
        total = total_text(row["total"], row["qualifier"], int(row["strikes"]) - int(row["reported"]))
        if tolls is None:
            reported, inexact = int(row["reported"]), int(row["inexact"])
            caption = _(
                "Across {count} strikes: see Casualties for each strike's figure in its source's words. "
                "{reported} of them give a figure; {inexact} of those figures are not exact "
                "(“at least”, “over”, “about”, a word such as “dozens”)."
            ).format(count=number_text(count), reported=number_text(reported), inexact=number_text(inexact))
        elif tolls.empty:
            caption = _("No strikes in this view.")
        else:
            parts = [
                f"{name_text(t.city)}: {row_figure(t, figure)}"
                f" ({name_text(t.claimant_name)}, {_status(t.toll_status)})"
                + ("" if pd.isna(t.get("corrected_on")) else f" [{mark_text(t['corrected_on'])}]")
                for _row, t in tolls.iterrows()
            ]
            caption = _("In the sources' words: {parts}").format(parts="; ".join(parts))
        figures.append(Total(_(FIGURE_LABELS[figure]), total, caption))
    others = disclosures.other_events(view, run)
    killed = totals.loc["killed"]
    notes = (others.sentence, disclosures.straddling_text(killed), disclosures.left_out_text(run))
    return Headline(count, tuple(figures), others.count, tuple(n for n in notes if n))


@dataclass(frozen=True)
class Timeline:
    """What the timeline draws: each item (few) or counts per day (many), and the sentence under it."""

    items: pd.DataFrame | None
    days: pd.DataFrame | None
    note: str

    @property
    def empty(self) -> bool:
        """Nothing to draw in this view."""
        return self.items is None and self.days is None


def timeline(view: View, run: Run) -> Timeline:
    """The timeline's rows for the view: each item up to TIMELINE_LIMIT, else counts per day."""
    days = run("timeline_days", **view.params())
    size = int(days["items"].sum())
    if size == 0:
        return Timeline(None, None, _("Nothing in the data for this period and these actors."))
    if size <= TIMELINE_LIMIT:
        return Timeline(
            run("timeline", **view.params()),
            None,
            _("Timeline of strikes, statements, truces (bars show their window) and diplomatic events."),
        )
    return Timeline(
        None,
        days,
        _("{count} items in this period: too many to draw one by one, so each panel counts strikes, statements, "
          "truces (on the day they begin) and diplomatic events per day. Narrow the period to see each item.").format(
            count=number_text(size)),
    )
