"""Overview: headline figures in their sources' words, a timeline, the latest statements."""

import streamlit as st

from conflictdesk import charts, store, ui
from conflictdesk.i18n import N_, _
from conflictdesk.models import overview

ctx = ui.start_page("overview", N_("strikes carried out by, statements made by, events involving {actors}"))

if ctx.shows("headline"):
    model = overview.headline(ctx.view, store.run)
    strikes, killed, injured = st.columns(3)
    strikes.metric(_("Strikes"), model.strikes)
    for column, figure in zip((killed, injured), model.figures):
        column.metric(figure.label, figure.total)
        column.caption(ui.escape_markdown(figure.caption))
    st.caption(_(overview.TOTALS_NOTE))
    ui.download_csv(
        ctx, lambda: store.fetch("latest_tolls", **ctx.view.params()), "tolls",
        _("Download the tolls behind these totals (CSV)"),
    )

if ctx.shows("timeline"):
    st.subheader(_("Timeline"))
    timeline = overview.timeline(ctx.view, store.run)
    if timeline.empty:
        st.info(timeline.note)
    else:
        period = (ctx.view.filters.date_from, ctx.view.filters.date_to)
        figure = (
            charts.timeline_figure(timeline.items, caption=ui.chart_caption(ctx), period=period, title=_("Timeline"))
            if timeline.items is not None
            else charts.timeline_days_figure(timeline.days, caption=ui.chart_caption(ctx), period=period,
                                             title=_("Timeline, per day"))
        )
        st.plotly_chart(figure, width="stretch", config=charts.chart_config("overview-timeline"))
        st.caption(timeline.note)
        if timeline.items is not None:
            with st.expander(_("The timeline's items as a list"), expanded=ctx.view.part == "timeline"):
                st.markdown("  \n".join(ui.escape_markdown(line) for line in charts.timeline_list(timeline.items)))
        rows = timeline.items if timeline.items is not None else (lambda: store.fetch("timeline", **ctx.view.params()))
        ui.download_csv(ctx, rows, "timeline", _("Download the timeline's rows (CSV)"))

if ctx.shows("statements"):
    st.subheader(_("Latest statements"))
    latest = store.run("latest_statements", **ctx.view.params(), limit=3)
    for _index, row in latest.iterrows():
        ui.statement_card(row, ctx.view)
    if latest.empty:
        st.info(_("No statements in this view."))

ui.footer(ctx)
