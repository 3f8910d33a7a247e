"""Casualties: each strike's latest toll in its source's words, how tolls changed, honest totals, every report.

On many strikes the page lists the figures behind a total only for a few strikes, draws the highest tolls
and the first reports, and says so; the downloads always hold every filtered row.
"""

import streamlit as st

from conflictdesk import charts, store, ui, wording
from conflictdesk.i18n import N_, _
from conflictdesk.models import casualties, corrections
from conflictdesk.models.casualties import BAR_LIMIT, TABLE_LIMIT

ctx = ui.start_page("casualties", N_("strikes carried out by {actors}"))
params = ctx.view.params()
model = casualties.tolls(ctx.view, store.run)

if model.strikes == 0:
    st.info(
        _("Nothing in this period for these actors: no strikes in the data between {period}.").format(
            period=ui.period_text(ctx.view)),
        icon=":material/event_busy:",
    )
    for note in model.notes:
        st.caption(ui.escape_markdown(note))
else:
    if ctx.shows("totals"):
        ctx.section(_("Totals"))
        for column, total in zip(st.columns(2), model.totals):
            column.metric(total.label, total.total)
            column.caption(ui.escape_markdown(total.caption))
        st.caption(_(
            "A total says “about” when any part is approximate or an upper bound, else “at least” when any part is "
            "open-ended (“over”, “at least”, a word such as “hundreds”) or a strike has no reported figure; beside "
            "it, how many strikes give a figure. Each strike counts once, with its latest report.")
            + " "
            + _("A publisher's coded estimate (ACLED's fatalities, UCDP's best estimate) makes a total “about” too; "
                "a strike counts when its date, or the window its publisher gives, overlaps the period.")
        )
        for note in model.notes:
            st.caption(ui.escape_markdown(note))

    if ctx.shows("tolls"):
        ctx.section(_("Latest toll per strike"))
        if model.many:
            st.info(
                _("Showing the {bars} strikes with the highest tolls of {count} (killed and injured added, "
                  "as last reported by the end of the period; an open-ended figure counts as its number). Narrow the "
                  "period or the actors to see others; the download below holds every strike's latest toll.").format(
                    bars=BAR_LIMIT, count=wording.number_text(model.strikes)),
                icon=":material/filter_list:",
            )
        st.plotly_chart(
            charts.toll_bars(model.tolls, caption=ui.chart_caption(ctx, "tolls"), title=_("Latest toll per strike")),
            width="stretch",
            config=charts.chart_config("casualties-latest-tolls"),
        )
        st.caption(_(
            "Bar chart: people killed and injured in each strike, as last reported by the end of the period, each bar "
            "labelled with the source's own words and who claims the figure. Hatched bars ending in an arrow (+) are "
            "open-ended: the true figure may be higher. ≤ marks an upper bound, ≈ an approximate figure. "
            "“Not reported” means the sources give no figure, not zero.")
            + " "
            + _("A solid bar ending in a square is a publisher's coded estimate (ACLED's fatalities, UCDP's best "
                "estimate with its low and high as given); “inconsistent in the source” marks figures the publisher "
                "gives that contradict each other, shown as given.")
        )
        for toll in model.tolls.dropna(subset=["corrected"]).to_dict("records"):
            ui.correction_mark(
                [("casualties", toll["report_id"])], toll["corrected_on"], ctx.view,
                label=_("{strike}: {corrected}").format(
                    strike=ui.escape_markdown(model.labels[toll["strike_id"]]), corrected=toll["corrected"]
                ),
            )
        ui.download_csv(
            ctx, lambda: store.fetch("latest_tolls", **params), "latest-tolls", _("Download the tolls behind this chart (CSV)")
        )

    counts = store.run("view_counts", **params).iloc[0]
    if ctx.shows("history"):
        ctx.section(_("How the tolls changed"))
        several = [s for s, known in zip(model.tolls["strike_id"], model.tolls["reports_known"]) if known >= 2]
        history = store.run("strike_histories", strike_ids=several, date_to=ctx.view.filters.date_to) if several else None
        drawn = history is not None and charts.several_reports(history)
        if drawn:
            st.plotly_chart(
                charts.toll_history_figure(history, caption=ui.chart_caption(ctx, "tolls"), title=_("How the tolls changed")),
                width="stretch",
                config=charts.chart_config("casualties-toll-history"),
            )
            st.caption(
                _("Step chart: each strike's reported toll over time, one line per strike with two or more reports "
                  "among those in the bar chart above, each point in the source's words with who claimed it. "
                  "▲ open-ended, ▼ upper bound, ◆ approximate, ● exact; a gap means that report gave no figure.")
                if model.many
                else _("Step chart: each strike's reported toll over time, one line per strike with two or more reports, "
                       "each point in the source's words with who claimed it. ▲ open-ended, ▼ upper bound, "
                       "◆ approximate, ● exact; a gap means that report gave no figure.")
            )
        else:
            st.info(casualties.history_note(model, int(counts["with_history"]), drawn), icon=":material/info:")

    if ctx.view.part is None:
        st.subheader(_("Every casualty report"))
        reports = int(counts["reports"])
        rows = store.run("first_reports", **params, limit=TABLE_LIMIT)
        names = wording.strike_labels(rows, "strike_date") if model.many else model.labels
        if reports > len(rows):
            st.info(
                _("Showing the first {shown} of {count} reports (strike by strike, in the order of their ids); "
                  "the download below holds every one.").format(
                    shown=wording.number_text(len(rows)), count=wording.number_text(reports)),
                icon=":material/table_rows:",
            )
        table = charts.report_table(rows, names)
        table[_("Corrected")] = [corrections.mark_text(day) if not wording.blank(day) else "" for day in rows["corrected_on"]]
        st.dataframe(table, hide_index=True, width="stretch")
        ui.download_csv(ctx, lambda: store.fetch("toll_history", **params), "casualty-reports", _("Download every report (CSV)"))
        st.caption(_(
            "Every report of the strikes above known by the end of the period, strike by strike, oldest first; "
            "text as in the data."
        ))

ui.footer(ctx)
