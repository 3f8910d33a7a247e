"""Truce violations: each truce's window, and each side's claim of violations side by side, never summed."""

import pandas as pd
import streamlit as st

from conflictdesk import charts, store, ui
from conflictdesk.i18n import N_, _
from conflictdesk.wording import figure_text, name_text, status_text
from conflictdesk.models.truces import truces as truces_in_view
from conflictdesk.wording import date_text

PER_ROW = 3  # claim cards side by side before wrapping to a new row

ctx = ui.start_page("truces", N_("claims made by or against {actors}"))
model = truces_in_view(ctx.view, store.run)
truces, claims = model.truces, model.claims
sources = store.run("sources").set_index("source_id")


def source_line(row) -> None:
    """The source of a truce or claim, with its exact words."""
    source = sources.loc[row["source_id"]] if row["source_id"] in sources.index else {}
    ui.source_caption(row["publisher"], source.get("title"), source.get("url"), row["excerpt"])


def claim_card(claim) -> None:
    """One side's claim in its own words, categories and status."""
    claimant = name_text(claim["claimant_name"], N_("unattributed"))
    with st.container(border=True):
        accused = name_text(claim["accused_name"])
        st.markdown(_("**Claimed by {claimant} against {accused}**").format(
            claimant=ui.escape_markdown(claimant), accused=ui.escape_markdown(accused)))
        count = figure_text(claim["count"], claim["count_qualifier"], claim["count_phrase"])
        st.markdown(f"### {ui.escape_markdown(count)}")
        if len(claim["categories"]):
            st.markdown(_("Their categories: {categories}").format(
                categories="; ".join(ui.escape_markdown(c) for c in claim["categories"])))
        st.markdown(_("Status: {status}").format(status=ui.escape_markdown(status_text(claim["status"], claimant))))
        if not pd.isna(claim["period_start"]) or not pd.isna(claim["period_end"]):
            start = date_text(claim["period_start"]) if not pd.isna(claim["period_start"]) else _("start not given")
            end = date_text(claim["period_end"]) if not pd.isna(claim["period_end"]) else _("end not given")
            st.caption(_("Counted period: {start} – {end}").format(start=start, end=end))
        else:
            st.caption(_("Counted period: not given"))
        st.caption(_("Reported {day}").format(day=date_text(claim["reported_on"])))
        source_line(claim)
        ui.correction_mark([("truce_violations", claim["claim_id"])], claim.get("corrected_on"), ctx.view)
        if isinstance(claim["notes"], str):
            st.caption(_("Notes: {notes}").format(notes=ui.escape_markdown(claim["notes"])))


for notice in model.notices:
    st.info(ui.escape_markdown(notice), icon=":material/link_off:")
if model.linked:
    st.info(_("Showing one linked truce, whatever the period chosen."), icon=":material/link:")
if truces.empty:
    st.info(
        _("Nothing in this period: no truce in the data overlaps {period}.").format(period=ui.period_text(ctx.view)),
        icon=":material/event_busy:",
    )
for truce in truces.to_dict("records"):
    st.header(ui.escape_markdown(truce["name"]), divider="gray")
    end = date_text(truce["end_date"]) if not pd.isna(truce["end_date"]) else _("end not given")
    st.markdown(
        _("Declared by **{actor}** · {start} – {end}").format(
            actor=ui.escape_markdown(name_text(truce["declared_by_name"])), start=date_text(truce["start_date"], truce.get("start_precision") or "day"), end=end)
    )
    ui.correction_mark([("truces", truce["truce_id"])], truce.get("corrected_on"), ctx.view)
    if isinstance(truce["scope"], str):
        st.markdown(_("Scope: {scope}").format(scope=ui.escape_markdown(truce["scope"])))
    source_line(truce)
    if isinstance(truce["notes"], str):
        with st.expander(_("How the dates were worked out")):
            st.caption(ui.escape_markdown(truce["notes"]))

    own = claims[claims["truce_id"] == truce["truce_id"]]
    if ctx.shows("window"):
        st.plotly_chart(
            charts.truce_window_figure(truce, own, caption=ui.chart_caption(ctx, "truces"), title=truce["name"]),
            width="stretch",
            config=charts.chart_config(f"truce-{truce['truce_id']}"),
            key=f"truce-window-{truce['truce_id']}",
        )
        st.caption(_(
            "Time chart: the green band is the truce window (an arrow where the end is not given); below it, each "
            "claimant's claim on its own row, over the period it counted, or on the day it was reported when no "
            "period is given. The claims are shown side by side, never added together."
        ))
    if not ctx.shows("claims"):
        continue
    if own.empty:
        st.info(_("No claims of violations by or against the chosen actors for this truce."), icon=":material/info:")
        continue
    st.subheader(_("What each side claims"))
    records = own.to_dict("records")
    for first in range(0, len(records), PER_ROW):
        row = records[first : first + PER_ROW]
        for column, claim in zip(st.columns(len(row)), row):
            with column:
                claim_card(claim)
    st.caption(_(
        "Each side counts different things in its own way and its own words: the counts are not comparable "
        "and are never added together."
    ))
    ui.download_csv(ctx, own, f"claims-{truce['truce_id']}", _("Download these claims (CSV)"))

ui.footer(ctx)
