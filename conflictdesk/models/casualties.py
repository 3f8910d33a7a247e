"""The Casualties page's numbers and words: honest totals with their parts, and which strikes are drawn."""

from dataclasses import dataclass

import pandas as pd

from conflictdesk import wording
from conflictdesk.models import Run, Total, disclosures
from conflictdesk.models.corrections import mark_text
from conflictdesk.i18n import N_, NP_, _, ngettext
from conflictdesk.wording import blank, name_text, number_text, row_figure, total_text
from conflictdesk.view import View

PARTS_LIMIT = 12  # strikes whose figures are listed beside a total
BAR_LIMIT = 25  # strikes drawn as bars: past this, the highest tolls
TABLE_LIMIT = 500  # reports shown in the table: past this, the first ones (1,000 cost ~30 ms more a rerun)
FIGURE_LABELS = {"killed": N_("People killed"), "injured": N_("People injured")}
# What a total adds, a whole sentence per figure: with how many of the strikes give a figure (True) or all do.
SAID = {
    ("killed", False): NP_("{total} killed in {count} strike.", "{total} killed in {count} strikes."),
    ("killed", True): NP_("{total} killed in {count} strike ({reported} of them with a figure).",
                          "{total} killed in {count} strikes ({reported} of them with a figure)."),
    ("injured", False): NP_("{total} injured in {count} strike.", "{total} injured in {count} strikes."),
    ("injured", True): NP_("{total} injured in {count} strike ({reported} of them with a figure).",
                           "{total} injured in {count} strikes ({reported} of them with a figure)."),
    # No figure at all, or 0 where some report and nothing from the others: said as such, never "not reported
    # injured in 3 strikes" (wording.total_kind).
    ("killed", "none"): NP_("Killed: not reported for {count} strike.", "Killed: not reported for any of the {count} strikes."),
    ("injured", "none"): NP_("Injured: not reported for {count} strike.",
                             "Injured: not reported for any of the {count} strikes."),
    ("killed", "zero_partial"): NP_(
        "Killed: 0 in the {reported} of {count} strike that gives a figure; not reported for the others.",
        "Killed: 0 in the {reported} of {count} strikes that give a figure; not reported for the others."),
    ("killed", "zero_estimate"): NP_("Killed: 0 in {count} strike, by its publisher's estimate.",
                                     "Killed: 0 in the {count} strikes, by their publishers' estimates."),
    ("injured", "zero_estimate"): NP_("Injured: 0 in {count} strike, by its publisher's estimate.",
                                      "Injured: 0 in the {count} strikes, by their publishers' estimates."),
    ("injured", "zero_partial"): NP_(
        "Injured: 0 in the {reported} of {count} strike that gives a figure; not reported for the others.",
        "Injured: 0 in the {reported} of {count} strikes that give a figure; not reported for the others."),
}


@dataclass(frozen=True)
class Tolls:
    """The strikes in the view, the tolls drawn as bars, their labels and the totals."""

    strikes: int
    many: bool
    tolls: pd.DataFrame
    labels: dict[str, str]
    totals: tuple[Total, ...]
    notes: tuple[str, ...] = ()  # what the totals leave out or may stretch (models/disclosures.py)


def _total(row, figure: str, strikes: int, tolls: pd.DataFrame, labels: dict[str, str]) -> Total:
    reported = int(row["reported"])
    total = total_text(row["total"], row["qualifier"], strikes - reported)
    kind = wording.total_kind(row["total"], row["qualifier"], strikes - reported)
    said = ngettext(*SAID[(figure, reported < strikes) if kind == "figure" else (figure, kind)], strikes).format(
        total=total, count=number_text(strikes), reported=number_text(reported)) + " "
    label = _(FIGURE_LABELS[figure])
    if strikes > PARTS_LIMIT:
        return Total(
            label,
            total,
            said + _("Adds each strike's latest figure; {inexact} of the {reported} figures are not exact. The chart "
                     "below gives the {bars} highest tolls in their sources' words, the download every strike's.").format(
                inexact=number_text(row["inexact"]), reported=number_text(reported), bars=min(strikes, BAR_LIMIT)),
        )
    parts = []
    for toll in tolls.to_dict("records"):
        number = toll[figure]
        phrase = row_figure(toll, figure)
        who = f" ({name_text(toll['claimant_name'])})" if not pd.isna(number) else ""
        corrected = toll.get("corrected")
        mark = f" [{corrected}]" if not blank(corrected) else ""
        parts.append(f"{labels[toll['strike_id']]}: {phrase}{who}{mark}")
    return Total(label, total, said + _("Adds each strike's latest figure: {parts}.").format(parts="; ".join(parts)))


def tolls(view: View, run: Run) -> Tolls:
    """The totals and the latest toll of each strike drawn (the highest BAR_LIMIT when there are more)."""
    totals = run("toll_totals", **view.params()).set_index("figure")
    strikes = int(totals.at["strikes", "total"])
    many = strikes > BAR_LIMIT
    rows = run("top_tolls" if many else "view_tolls", **view.params(), limit=BAR_LIMIT)
    if "corrected_on" in rows.columns:  # "Corrected on …" under a corrected strike's or report's bar
        rows = rows.assign(corrected=[None if blank(day) else mark_text(day) for day in rows["corrected_on"]])
    labels = wording.strike_labels(rows)
    parts = tuple(_total(totals.loc[figure], figure, strikes, rows, labels) for figure in ("killed", "injured"))
    notes = (
        disclosures.other_events(view, run).sentence,
        disclosures.straddling_text(totals.loc["killed"]),
        disclosures.left_out_text(run),
    )
    return Tolls(strikes, many, rows, labels, parts, tuple(n for n in notes if n))


def history_note(tolls: Tolls, with_history: int, drawn: bool) -> str | None:
    """Why no history chart is drawn (None when it is)."""
    if drawn:
        return None
    if with_history == 0:
        return _("One report per strike so far: there is no change in the tolls to draw.")
    return _(
        "None of the {count} strikes in the bar chart has more than one report; {others} other "
        "strikes in this view do. Narrow the filters to see how their tolls changed."
    ).format(count=len(tolls.tolls), others=number_text(with_history))
