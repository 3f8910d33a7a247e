"""Overview: headline figures in their sources' words, a timeline, the latest statements."""

import streamlit as st

from conflictdesk import charts, store, ui
from conflictdesk.i18n import N_, _
from conflictdesk.models import overview
from conflictdesk.models.corrections import mark_text
from conflictdesk.text import clip

ctx = ui.start_page("overview", N_("strikes carried out by, statements made by, events involving {actors}"))

if ctx.shows("headline"):
    model = overview.headline(ctx.view, store.run)
    # Events that are not strikes get their own count, only when there are any (UCDP's, ACLED's other attacks).
    columns = st.columns(4 if model.others else 3)
    columns[0].metric(_("Strikes"), model.strikes)
    for column, figure in zip(columns[1:3], model.figures):
        column.metric(figure.label, figure.total)
        column.caption(ui.escape_markdown(figure.caption))
    if model.others:
        columns[3].metric(_("Other events (not strikes)"), model.others)
    st.caption(_(overview.TOTALS_NOTE))
    for note in model.notes:
        st.caption(ui.escape_markdown(note))
    ui.download_csv(
        ctx, lambda: store.fetch("latest_tolls", **ctx.view.params()), "tolls",
        _("Download the tolls behind these totals (CSV)"),
    )

if ctx.shows("timeline"):
    ctx.section(_("Timeline"))
    timeline = overview.timeline(ctx.view, store.run)
    if timeline.empty:
        st.info(timeline.note)
    else:
        period = (ctx.view.filters.date_from, ctx.view.filters.date_to)
        figure = (
            charts.timeline_figure(timeline.items, caption=ui.chart_caption(ctx, "timeline"), period=period, title=_("Timeline"))
            if timeline.items is not None
            else charts.timeline_days_figure(timeline.days, caption=ui.chart_caption(ctx, "timeline"), period=period,
                                             title=_("Timeline, per day"))
        )
        st.plotly_chart(figure, width="stretch", config=charts.chart_config("overview-timeline"))
        st.caption(timeline.note)
        if timeline.items is not None:
            with st.expander(_("The timeline's items as a list"), expanded=ctx.view.part == "timeline"):
                st.markdown("  \n".join(ui.escape_markdown(line) for line in charts.timeline_list(timeline.items)))
                for item in timeline.items.dropna(subset=["corrected_on"]).to_dict("records"):
                    ui.correction_mark([(f"{item['kind']}s", item["item_id"])], item["corrected_on"], ctx.view,
                                       label=f"{ui.escape_markdown(clip(item['label'], 60))}: {mark_text(item['corrected_on'])}")
        rows = timeline.items if timeline.items is not None else (lambda: store.fetch("timeline", **ctx.view.params()))
        ui.download_csv(ctx, rows, "timeline", _("Download the timeline's rows (CSV)"))

if ctx.shows("statements"):
    ctx.section(_("Latest statements"))
    latest = store.run("latest_statements", **ctx.view.params(), limit=3)
    for _index, row in latest.iterrows():
        ui.statement_card(row, ctx.view)
    if latest.empty:
        st.info(_("No statements in this view."))

ui.footer(ctx)
