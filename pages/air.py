"""Air attacks: drones and missiles launched and destroyed per night and per week, each claimant on its own."""

import streamlit as st

from conflictdesk import store, ui
from conflictdesk.charts import chart_config
from conflictdesk.charts.air import claimant_figure, y_top
from conflictdesk.i18n import N_, _
from conflictdesk.models import air_attacks
from conflictdesk.models.air_attacks import FAMILY_ORDER, IMPORT_COMMAND

ctx = ui.start_page("air", N_("air-attack reports by {actors}"))
model = air_attacks.air_attacks(ctx.view, store.run)
md = ui.escape_markdown

st.caption(
    _(
        "Here the actor filter chooses the claimant: the command whose reports are shown. The national Air Force "
        "and the regional commands report overlapping attacks, so their figures are shown side by side and never "
        "added together. Reconnaissance drones are kept apart from attack drones."
    )
)


def claimant_card(claimant) -> None:
    """One claimant's figures over a span: attack drones as metrics, other weapons and recon drones as lines."""
    with st.container(border=True):
        st.markdown(_("**According to {name}**").format(name=md(claimant.name)))
        # The headline figures: attack drones, or the claimant's first weapon group when it reports no drones.
        lead = next((line for line in claimant.lines if line.group == "drones"), None)
        lead = lead or (claimant.lines[0] if claimant.lines else None)
        if lead:
            left, right = st.columns(2)
            left.metric(_("{weapons} launched").format(weapons=lead.label), lead.launched)
            right.metric(_("{weapons} destroyed").format(weapons=lead.label), lead.destroyed)
            if lead.share:
                st.markdown(lead.share)
        for line in claimant.lines:
            if line is not lead:
                st.markdown(f"**{line.label}:** {line.sentence}" + (f" {line.share}." if line.share else ""))
        if claimant.recon:
            st.caption(
                _("Reconnaissance drones, counted apart: {sentence}").format(sentence=claimant.recon.sentence)
            )
        source = _("Source: {publishers}.").format(publishers=md(claimant.publishers) or _("not named"))
        st.caption(f"{claimant.counted} {source}")


def span(block) -> None:
    """A span's heading and one card per claimant, side by side."""
    st.subheader(block.title)
    st.caption(block.note)
    cards = list(block.claimants)
    for first in range(0, len(cards), 3):
        row = cards[first : first + 3]
        for column, claimant in zip(st.columns(len(row)), row):
            with column:
                claimant_card(claimant)


def per_claimant(rows, x: str, name: str, top: float, title: str, **style) -> None:
    """One chart per claimant that has rows, all on the scale `top`; `title` a marked phrase with {name}."""
    start, end = ctx.view.filters.date_from, ctx.view.filters.date_to
    for claimant in model.claimants:
        own = rows[rows["claimant"] == claimant]
        if own.empty:
            continue
        st.plotly_chart(
            claimant_figure(own, x, start, end, top, _(title).format(name=own["claimant_name"].iloc[0]),
                            ui.chart_caption(ctx, "air"), **style),
            width="stretch", config=chart_config(f"air-{name}"), key=f"air-{name}-{claimant}",
        )


def charts(rows, x: str, name: str, heading: str) -> None:
    """One chart per claimant on a shared time axis and scale; reconnaissance drones in smaller charts apart."""
    st.subheader(heading)
    attack, recon = rows[~rows["recon"]], rows[rows["recon"]]
    per_claimant(attack, x, name, y_top(attack) if not attack.empty else 1.0, N_("According to {name}"),
                 families=FAMILY_ORDER)
    if not recon.empty:
        per_claimant(recon, x, f"{name}-recon", y_top(recon), N_("Reconnaissance drones, according to {name}"),
                     recon=True)
    st.caption(
        _(
            "Bar chart, one per claimant on the same scale: for each weapon family a pale bar for how many were "
            "launched and a solid bar inside it for how many were destroyed, as the claimant reported them. No bar "
            "means the figure was not reported, not zero. Hover a bar for its figures in words and the share "
            "destroyed where the same report gives both counts."
        )
    )


if model.empty_message:
    st.info(model.empty_message, icon=":material/flight:")
    if model.rows_in_data == 0 and not ctx.embed:
        st.markdown(
            _(
                "**How to import it:** the public daily air-attack file (one row per command's report of a night "
                "and a weapon model) goes into a data folder with one command; `--merge` adds it to a copy of "
                "your folder, and `--compiler` credits whoever compiled the file:"
            )
        )
        st.code(IMPORT_COMMAND, language="bash")
        st.caption(_("See “Importing publishers' data” in the README and data/README.md for the columns."))
else:
    if ctx.shows("headline"):
        span(model.week)
        with st.expander(_("The whole period, claimant by claimant")):
            span(model.period)
    if ctx.shows("weeks"):
        charts(model.weeks, "week_start", "weeks", _("Per week (Monday to Sunday)"))
    if ctx.shows("nights"):
        charts(model.nights, "night", "nights", _("Per night"))
    if ctx.shows("reports"):
        st.subheader(_("Every report"))
        st.dataframe(air_attacks.report_table(model.reports), hide_index=True, width="stretch")
        st.caption(
            _(
                "One row per claimant's report of one period and one weapon model, each figure in the source's "
                "own words, with the publisher of the file it came from."
            )
        )
        ui.download_csv(ctx, model.reports, "air-attacks", _("Download these reports (CSV)"))

ui.footer(ctx)
