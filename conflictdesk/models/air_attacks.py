"""The Air attacks page's numbers and words: each claimant's nightly tallies, never added across claimants.

Queries (queries/air_*.sql) decide the figures: a night is the day a report's period ends; launched and
destroyed are added within one claimant only (the national Air Force and the regional commands report
overlapping attacks, so their counts are never summed, rule 5); the share destroyed comes only from reports
giving both counts; reconnaissance drones are their own group. This module puts those figures into words
no more precise than their sources (rules 2 and 3) and picks the latest week with reports for the headline.
The actor filter chooses claimants here.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd
from babel import numbers as babel_numbers

from conflictdesk import i18n
from conflictdesk.i18n import _, ngettext
from conflictdesk.view import View
from conflictdesk.wording import blank, figure_text

Run = Callable[..., pd.DataFrame]
IMPORT_COMMAND = (
    "python -m conflictdesk import air-attacks missile_attacks_daily.csv --out mydata --merge "
    '--compiler "Who compiled the file"\n'
    "CONFLICTDESK_DATA=mydata make run"
)
FAMILY_ORDER = ("drone", "ballistic_missile", "cruise_missile", "missile", "glide_bomb", "unknown", "recon_drone")
GROUP_ORDER = ("drones", "missiles", "glide bombs", "unknown", "recon drones")


def family_labels() -> dict[str, str]:
    """The weapon families of air_attacks.weapon (schema.AIR_WEAPONS) in the reader's language."""
    return {
        "drone": _("Attack drones"),
        "ballistic_missile": _("Ballistic missiles"),
        "cruise_missile": _("Cruise missiles"),
        "missile": _("Missiles (kind not stated)"),
        "glide_bomb": _("Glide bombs"),
        "unknown": _("Kind not stated or mixed"),
        "recon_drone": _("Reconnaissance drones"),
    }


def group_labels() -> dict[str, str]:
    """The weapon groups of queries/air_period_totals.sql in the reader's language."""
    return {
        "drones": _("Attack drones"),
        "missiles": _("Missiles"),
        "glide bombs": _("Glide bombs"),
        "unknown": _("Kind not stated or mixed"),
        "recon drones": _("Reconnaissance drones"),
    }


@dataclass(frozen=True)
class Line:
    """One weapon group (or family) in one claimant's reports, in words: '700', 'at least 650', 'not reported'."""

    group: str
    label: str
    launched: str
    destroyed: str
    share: str | None  # the share destroyed where one report gives both counts; None when none does
    sentence: str  # "700 launched, 650 destroyed."


@dataclass(frozen=True)
class Claimant:
    """One claimant's figures over a span: attack weapons, reconnaissance drones apart, and whose file they are in."""

    claimant: str
    name: str
    nights: int
    reports: int
    lines: tuple[Line, ...]
    recon: Line | None
    publishers: str
    counted: str  # "7 nights with a report; 21 reports."


@dataclass(frozen=True)
class Span:
    """The figures of every claimant over one span of nights (the latest week, or the whole period)."""

    title: str
    note: str
    claimants: tuple[Claimant, ...]


@dataclass(frozen=True)
class AirAttacks:
    """What the Air attacks page shows: headline spans, chart rows with their words, the reports, notices."""

    rows_in_data: int
    reports: pd.DataFrame  # air_reports rows passing the filters
    week: Span | None
    period: Span | None
    weeks: pd.DataFrame  # air_weeks rows with family_label, launched_text, destroyed_text, share_text
    nights: pd.DataFrame  # air_nights rows with the same words
    empty_message: str | None
    notices: list[str] = field(default_factory=list)

    @property
    def claimants(self) -> tuple[str, ...]:
        """The claimants' ids in the order the page shows them (most reports first), for cards and charts alike."""
        return tuple(c.claimant for c in self.period.claimants) if self.period else ()


def count_text(total, qualifier) -> str:
    """A claimant's added figure as its query qualified it: '700', 'at least 650', 'about 150', 'not reported'."""
    if qualifier == "none" or blank(total):
        return _("not reported")
    number = int(total)
    if number == 0 and qualifier != "exact":  # never "at least 0" (rule 3)
        return _("0 where reported; others not reported")
    words = i18n.format_number(number)
    if qualifier == "at_least":
        return _("at least {number}").format(number=words)
    if qualifier == "about":
        return _("about {number}").format(number=words)
    return words


def share_text(row) -> str | None:
    """The share destroyed over the reports giving both counts, with those counts; None when no report does."""
    if blank(row.get("destroyed_share")):
        return None
    percent = babel_numbers.format_percent(float(row["destroyed_share"]), locale=i18n.language())
    if row.get("share_qualifier") == "about":
        percent = _("about {share}").format(share=percent)
    paired = int(row["paired_reports"])
    return ngettext(
        "{share} destroyed where the same report gives both counts ({destroyed} of {launched}, {reports} report)",
        "{share} destroyed where the same report gives both counts ({destroyed} of {launched}, {reports} reports)",
        paired,
    ).format(
        share=percent,
        destroyed=i18n.format_number(int(row["paired_destroyed"])),
        launched=i18n.format_number(int(row["paired_launched"])),
        reports=i18n.format_number(paired),
    )


def _line(row, group: str, label: str) -> Line:
    launched = count_text(row["launched"], row["launched_qualifier"])
    destroyed = count_text(row["destroyed"], row["destroyed_qualifier"])
    sentence = _("{launched} launched, {destroyed} destroyed.").format(launched=launched, destroyed=destroyed)
    return Line(group, label, launched, destroyed, share_text(row), sentence)


def _claimants(totals: pd.DataFrame, reports: pd.DataFrame) -> tuple[Claimant, ...]:
    labels = group_labels()
    found = []
    # The claimant with the most reports first: the national command before the regional ones.
    order = totals.groupby("claimant", sort=False)["reports"].sum().sort_values(ascending=False, kind="stable")
    for claimant in order.index:
        rows = totals[totals["claimant"] == claimant]
        records = sorted(rows.to_dict("records"), key=lambda r: GROUP_ORDER.index(r["weapon_group"]))
        lines = tuple(_line(r, r["weapon_group"], labels[r["weapon_group"]]) for r in records if not r["recon"])
        recon = next((_line(r, r["weapon_group"], labels[r["weapon_group"]]) for r in records if r["recon"]), None)
        own = reports[reports["claimant"] == claimant]
        publishers = "; ".join(sorted({str(p) for p in own["publisher"] if not blank(p)}))
        nights, count = int(rows["nights"].max()), int(rows["reports"].sum())
        counted = _("{nights}; {reports}.").format(
            nights=ngettext("{n} night with a report", "{n} nights with a report", nights).format(n=nights),
            reports=ngettext("{n} report", "{n} reports", count).format(n=i18n.format_number(count)),
        )
        found.append(
            Claimant(claimant, str(records[0]["claimant_name"]), nights, count, lines, recon, publishers, counted)
        )
    return tuple(found)


def _dated(day) -> str:
    return i18n.format_date(pd.Timestamp(day).date())


def latest_week(view: View, reports: pd.DataFrame) -> tuple[dt.date, dt.date] | None:
    """The Monday-to-Sunday week of the latest night with a report, cut to the filter period; None without reports."""
    if reports.empty:
        return None
    last = pd.Timestamp(reports["night"].max()).date()
    monday = last - dt.timedelta(days=last.weekday())
    return max(monday, view.filters.date_from), min(monday + dt.timedelta(days=6), view.filters.date_to)


def _worded(rows: pd.DataFrame) -> pd.DataFrame:
    """Chart rows with the words their hover boxes show."""
    rows = rows.copy()
    labels = family_labels()
    rows["family_label"] = [labels.get(w, w) for w in rows["weapon"]]
    rows["launched_text"] = [count_text(n, q) for n, q in zip(rows["launched"], rows["launched_qualifier"])]
    rows["destroyed_text"] = [count_text(n, q) for n, q in zip(rows["destroyed"], rows["destroyed_qualifier"])]
    rows["share_text"] = [share_text(r) or "" for r in rows.to_dict("records")]
    return rows


def air_attacks(view: View, run: Run) -> AirAttacks:
    """The page's model for a view: the latest week's and the period's figures per claimant, chart rows, reports."""
    params = view.params()
    counts = run("table_counts", **params).set_index("table_name")
    in_data = int(counts.at["air_attacks", "total_rows"]) if "air_attacks" in counts.index else 0
    reports = run("air_reports", **params)
    if in_data == 0:
        message = _(
            "No air-attack reports are loaded, so there is nothing to show here, and no figure is made up. This page "
            "is for the nightly tallies the air commands publish (“Russia launched N drones and M missiles "
            "overnight; K were shot down”): launched and destroyed per night and per week, by weapon, with the "
            "command that claims each figure. Import the public daily air-attack file into a data folder to fill it."
        )
        return AirAttacks(0, reports, None, None, pd.DataFrame(), pd.DataFrame(), message)
    if reports.empty:
        message = _(
            "No air-attack reports in this period by the claimants chosen ({rows} in the data in all). Widen the "
            "period or clear the actor filter."
        ).format(rows=i18n.format_number(in_data))
        return AirAttacks(in_data, reports, None, None, pd.DataFrame(), pd.DataFrame(), message)
    first, last = latest_week(view, reports)
    week_rows = run("air_period_totals", date_from=first, date_to=last, actors=params["actors"])
    nights = pd.to_datetime(reports["night"]).dt.date
    in_week = reports[(nights >= first) & (nights <= last)]
    full = (last - first).days == 6
    week = Span(
        _("Latest week with reports: {first} – {last}").format(first=_dated(first), last=_dated(last)),
        _("Monday to Sunday; a night is the day its report's period ends.")
        if full
        else _("The week is cut by the period chosen: only its nights inside the period count."),
        _claimants(week_rows, in_week),
    )
    totals = run("air_period_totals", **params)
    period = Span(
        _("Whole period: {first} – {last}").format(
            first=_dated(view.filters.date_from), last=_dated(view.filters.date_to)
        ),
        _("Every night in the period with a report."),
        _claimants(totals, reports),
    )
    return AirAttacks(
        in_data, reports, week, period, _worded(run("air_weeks", **params)), _worded(run("air_nights", **params)), None
    )


def report_table(reports: pd.DataFrame) -> pd.DataFrame:
    """The reports as the page's table shows them: each figure in its source's phrase, claimant and publisher named."""
    labels = family_labels()

    def figure(row, name):
        return figure_text(row[name], row[f"{name}_qualifier"], row[f"{name}_phrase"])

    records = reports.to_dict("records")
    return pd.DataFrame(
        {
            _("Night"): [_dated(r["night"]) for r in records],
            _("Claimant"): [r["claimant_name"] for r in records],
            _("Period reported"): [f"{r['period_start']} – {r['period_end']}" for r in records],
            _("Weapon (as reported)"): [r["weapon_model"] if not blank(r["weapon_model"]) else "" for r in records],
            _("Weapon family"): [labels.get(r["weapon"], r["weapon"]) for r in records],
            _("Launched"): [figure(r, "launched") for r in records],
            _("Destroyed"): [figure(r, "destroyed") for r in records],
            _("Did not reach their targets"): [figure(r, "not_reached") for r in records],
            _("Target area"): [r["target_area"] if not blank(r["target_area"]) else "" for r in records],
            _("Status"): [r["status"] for r in records],
            _("Source"): [r["publisher"] for r in records],
            _("Source's words"): [r["excerpt"] for r in records],
        }
    )
