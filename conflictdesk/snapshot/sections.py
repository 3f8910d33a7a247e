"""What each page shows, for a snapshot: the same view models, queries and builders as pages/*.py, laid out
as HTML blocks (page.Page) instead of Streamlit elements. `part` is honoured as on the page."""

import pandas as pd

from conflictdesk import charts, deck
from conflictdesk.i18n import _
from conflictdesk.models import casualties, overview, statements, truces
from conflictdesk.snapshot.page import Page
from conflictdesk.view import View
from conflictdesk.wording import date_text, figure_text, status_text

# What the actor filter means on each page (as each page passes it to ui.start_page).
ACTOR_MEANINGS = {
    "overview": "strikes carried out by, statements made by, events involving",
    "map": "strikes carried out by",
    "casualties": "strikes carried out by",
    "truces": "claims made by or against",
    "statements": "statements made by",
    "sources": "each table filtered as on its page",
}


def _given(value) -> bool:
    return isinstance(value, str) and value != ""


def _source(row) -> list[tuple[str, str]]:
    """A source line and the source's words, as card lines."""
    name = str(row.get("publisher") or "")
    title = row.get("source_title")
    if _given(title):
        name += f": {title}"
    lines = [("muted", _("Source: {name}").format(name=name))]
    if _given(row.get("source_url")):
        lines.append(("link", row["source_url"]))
    if _given(row.get("excerpt")):
        lines.append(("muted", f"“{row['excerpt']}”"))
    return lines


def statement_card(out: Page, row) -> None:
    """A quote card: who, when, where, the words, topics and the source."""
    who = str(row["speaker"])
    if _given(row.get("speaker_role")):
        who += f", {row['speaker_role']}"
    if _given(row.get("actor_name")) and row["actor_name"] != "not stated":
        who += f" ({row['actor_name']})"
    when = date_text(row["date"], row["date_precision"])
    venue = f" · {row['venue']}" if _given(row.get("venue")) else ""
    quote = f"“{row['quote']}”" if row["quote_kind"] == "direct" else _("Paraphrase: {text}").format(text=row["quote"])
    lines = [("strong", who), ("muted", when + venue), ("quote", quote)]
    topics = row.get("topics")
    if topics is not None and len(topics):
        lines.append(("muted", _("Topics: {list}").format(list=", ".join(str(t) for t in topics))))
    out.card(lines + _source(row))


def overview_page(out: Page, view: View, run, fetch, caption: str, shows) -> None:
    """Headline figures, the timeline (chart and list), the latest statements."""
    if shows("headline"):
        model = overview.headline(view, run)
        out.metrics([(_("Strikes"), str(model.strikes), "")]
                    + [(figure.label, figure.total, figure.caption) for figure in model.figures])
        out.text(overview.TOTALS_NOTE, muted=True)
        out.rows["tolls"] = fetch("latest_tolls", **view.params())
    if shows("timeline"):
        out.heading(_("Timeline"))
        timeline = overview.timeline(view, run)
        if timeline.empty:
            out.text(timeline.note)
        else:
            period = (view.filters.date_from, view.filters.date_to)
            if timeline.items is not None:
                out.figure(charts.timeline_figure(timeline.items, caption=caption, period=period,
                                                  title=_("Timeline")), "overview-timeline")
                out.text(timeline.note, muted=True)
                out.heading(_("The timeline's items as a list"), 3)
                out.listing(charts.timeline_list(timeline.items))
                out.rows["timeline"] = timeline.items
            else:
                out.figure(charts.timeline_days_figure(timeline.days, caption=caption, period=period,
                                                       title=_("Timeline, per day")), "overview-timeline")
                out.text(timeline.note, muted=True)
                out.rows["timeline"] = fetch("timeline", **view.params())
    if shows("statements"):
        out.heading(_("Latest statements"))
        latest = run("latest_statements", **view.params(), limit=3)
        for row in latest.to_dict("records"):
            statement_card(out, row)
        if latest.empty:
            out.text(_("No statements in this view."))


def map_page(out: Page, view: View, run, fetch, caption: str, shows) -> None:
    """The map as a static figure from the bundled outlines, its summary, and the linked strike's card."""
    cities = run("cities")
    place = (deck.match_place(view.place, cities) if view.place else None) or deck.ALL_UKRAINE
    if shows("map"):
        data = deck.map_data(run, view.params(), place, cities)
        summary, note = deck.map_text(data, place)
        out.figure(deck.map_figure(data, deck.read_outline(), cities, None if place == deck.ALL_UKRAINE else place,
                                   caption=caption, title=_("Strikes map")), "strikes-map")
        out.text(summary, muted=True)
        if note:
            out.text(note, muted=True)
        out.text(deck.CREDIT, muted=True)
        out.rows["strikes"] = fetch("strikes_for_map", **view.params())
    card = run("strike", strike_id=view.strike) if view.strike else None
    if card is not None and card.empty:
        out.banner(_("There is no strike “{id}” in the data.").format(id=view.strike))
    if card is None or card.empty or not shows("strike"):
        return
    row = card.iloc[0]
    lines = [("strong", deck.place_text(row))]
    if _given(row.get("description")):
        lines.append(("", row["description"]))
    lines += [("", f"{name}: {value}") for name, value in deck.strike_facts(row).items()]
    for report in run("strike_reports", strike_id=row["strike_id"]).to_dict("records"):
        lines.append(("strong", f"{date_text(report['reported_on'])}: {deck.toll_text(report)}"))
        lines.append(("muted", _("Claimed by: {claimant} · status: {status}").format(
            claimant=report["claimant_name"], status=report["status"])))
        lines += _source({**report, "source_title": report.get("source_title")})
    lines += _source(row)
    out.card(lines)


def casualties_page(out: Page, view: View, run, fetch, caption: str, shows) -> None:
    """Totals, the latest toll per strike, how tolls changed, every report."""
    model = casualties.tolls(view, run)
    params = view.params()
    if model.strikes == 0:
        out.text(_("Nothing in this period for these actors."))
        return
    if shows("totals"):
        out.heading(_("Totals"))
        out.metrics([(total.label, total.total, total.caption) for total in model.totals])
    if shows("tolls"):
        out.heading(_("Latest toll per strike"))
        out.figure(charts.toll_bars(model.tolls, caption=caption, title=_("Latest toll per strike")),
                   "casualties-latest-tolls")
        out.rows["latest-tolls"] = fetch("latest_tolls", **params)
    if shows("history"):
        several = [s for s, known in zip(model.tolls["strike_id"], model.tolls["reports_known"]) if known >= 2]
        history = run("strike_histories", strike_ids=several, date_to=view.filters.date_to) if several else None
        if history is not None and charts.several_reports(history):
            out.heading(_("How the tolls changed"))
            out.figure(charts.toll_history_figure(history, caption=caption, title=_("How the tolls changed")),
                       "casualties-toll-history")
    if view.part is None:
        out.heading(_("Every casualty report"))
        rows = run("first_reports", **params, limit=casualties.TABLE_LIMIT)
        out.table(charts.report_table(rows, model.labels))
        out.rows["casualty-reports"] = fetch("toll_history", **params)


def truces_page(out: Page, view: View, run, fetch, caption: str, shows) -> None:
    """Each truce's window chart and each side's claims, side by side, never summed."""
    model = truces.truces(view, run)
    for notice in model.notices:
        out.banner(notice)
    for truce in model.truces.to_dict("records"):
        out.heading(truce["name"])
        end = date_text(truce["end_date"]) if not pd.isna(truce["end_date"]) else _("end not given")
        out.text(_("Declared by {who} · {start} – {end}").format(
            who=truce["declared_by_name"], start=date_text(truce["start_date"]), end=end))
        own = model.claims[model.claims["truce_id"] == truce["truce_id"]]
        if shows("window"):
            out.figure(charts.truce_window_figure(truce, own, caption=caption, title=truce["name"]),
                       f"truce-{truce['truce_id']}")
        if not shows("claims"):
            continue
        for claim in own.to_dict("records"):
            claimant = claim["claimant_name"] if isinstance(claim["claimant_name"], str) else "unattributed"
            lines = [("strong", _("Claimed by {claimant} against {accused}").format(
                         claimant=claimant, accused=claim["accused_name"])),
                     ("strong", figure_text(claim["count"], claim["count_qualifier"], claim["count_phrase"])),
                     ("", _("Status: {status}").format(status=status_text(claim["status"], claimant))),
                     ("muted", _("Reported {date}").format(date=date_text(claim["reported_on"])))]
            if len(claim["categories"]):
                lines.append(("", _("Their categories: {list}").format(list="; ".join(claim["categories"]))))
            out.card(lines + _source(claim))
        out.rows[f"claims-{truce['truce_id']}"] = own


def statements_page(out: Page, view: View, run, fetch, caption: str, shows) -> None:
    """The linked statement, else the statements matching the search, speakers, period and actors."""
    model = statements.statements(view, run)
    for notice in model.notices:
        out.banner(notice)
    if model.linked is not None:
        statement_card(out, model.linked.to_dict())
        out.rows["statements"] = model.rows
        return
    if model.headline:
        out.text(model.headline, strong=True)
    for row in model.rows.to_dict("records"):
        statement_card(out, row)
    out.rows["statements"] = model.rows


def sources_page(out: Page, view: View, run, fetch, caption: str, shows) -> None:
    """The sources the data cites."""
    sources = run("sources")
    out.table(sources[[c for c in ("publisher", "title", "url", "published_on", "source_type") if c in sources]])
    out.rows["sources"] = sources


BUILDERS = {"overview": overview_page, "map": map_page, "casualties": casualties_page, "truces": truces_page,
            "statements": statements_page, "sources": sources_page}
