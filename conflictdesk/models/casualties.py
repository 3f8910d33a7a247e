"""The Casualties page's numbers and words: honest totals with their parts, and which strikes are drawn."""

from dataclasses import dataclass

import pandas as pd

from conflictdesk import wording
from conflictdesk.models import Run, Total, disclosures
from conflictdesk.models.corrections import mark_text
from conflictdesk.wording import blank, row_figure, total_text
from conflictdesk.view import View

PARTS_LIMIT = 12  # strikes whose figures are listed beside a total
BAR_LIMIT = 25  # strikes drawn as bars: past this, the highest tolls
TABLE_LIMIT = 500  # reports shown in the table: past this, the first ones (1,000 cost ~30 ms more a rerun)


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
    total = total_text(row["total"], row["qualifier"])
    reported = int(row["reported"])
    in_strikes = f"in {strikes:,} strike{'s' if strikes != 1 else ''}"
    with_figure = f" ({reported:,} of them with a figure)" if reported < strikes else ""
    said = f"{total} {figure} {in_strikes}{with_figure}. "
    if strikes > PARTS_LIMIT:
        return Total(
            f"People {figure}",
            total,
            said + f"Adds each strike's latest figure; {int(row['inexact']):,} of the {reported:,} figures are not "
            f"exact. The chart below gives the {min(strikes, BAR_LIMIT)} highest tolls in their sources' words, "
            "the download every strike's.",
        )
    parts = []
    for toll in tolls.to_dict("records"):
        number = toll[figure]
        phrase = row_figure(toll, figure)
        who = f" ({toll['claimant_name']})" if not pd.isna(number) else ""
        corrected = toll.get("corrected")
        mark = f" [{corrected}]" if not blank(corrected) else ""
        parts.append(f"{labels[toll['strike_id']]}: {phrase}{who}{mark}")
    return Total(f"People {figure}", total, said + "Adds each strike's latest figure: " + "; ".join(parts) + ".")


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
        return "One report per strike so far: there is no change in the tolls to draw."
    return (
        f"None of the {len(tolls.tolls)} strikes in the bar chart has more than one report; {with_history:,} other "
        "strikes in this view do. Narrow the filters to see how their tolls changed."
    )
