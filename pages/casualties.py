"""Casualties: each strike's latest toll in its source's words, how tolls changed, honest totals, every report.

On many strikes the page lists the figures behind a total only for a few strikes, draws the highest tolls
and the first reports, and says so; the downloads always hold every filtered row.
"""

import pandas as pd
import streamlit as st

from conflictdesk import charts, store, ui
from conflictdesk.figures import figure_text, total_text

PARTS_LIMIT = 12  # strikes whose figures are listed beside a total
BAR_LIMIT = 25  # strikes drawn as bars: past this, the highest tolls
TABLE_LIMIT = 500  # reports shown in the table: past this, the first ones (1,000 cost ~30 ms more a rerun)

page = ui.start_page("Casualties", "strikes carried out by")
totals = store.run("toll_totals", **page.params).set_index("figure")
strikes = int(totals.at["strikes", "total"])

if strikes == 0:
    st.info(
        f"Nothing in this period for these actors: no strikes in the data between {ui.period_text(page.filters)}.",
        icon=":material/event_busy:",
    )
else:
    many = strikes > BAR_LIMIT
    tolls = store.run("top_tolls" if many else "view_tolls", **page.params, limit=BAR_LIMIT)
    labels = charts.strike_labels(tolls)
    in_strikes = f"in {strikes:,} strike{'s' if strikes != 1 else ''}"
    st.subheader("Totals")
    for column, figure in zip(st.columns(2), ("killed", "injured")):
        row = totals.loc[figure]
        column.metric(f"People {figure}", total_text(row["total"], row["qualifier"]))
        reported = int(row["reported"])
        with_figure = f" ({reported:,} of them with a figure)" if reported < strikes else ""
        said = ui.escape_markdown(f"{total_text(row['total'], row['qualifier'])} {figure} {in_strikes}{with_figure}. ")
        if strikes > PARTS_LIMIT:
            column.caption(
                said
                + ui.escape_markdown(
                    f"Adds each strike's latest figure; {int(row['inexact']):,} of the {reported:,} figures are not "
                    f"exact. The chart below gives the {min(strikes, BAR_LIMIT)} highest tolls in their sources' "
                    "words, the download every strike's."
                )
            )
            continue
        parts = []
        for toll in tolls.itertuples():
            number = getattr(toll, figure)
            phrase = figure_text(number, getattr(toll, f"{figure}_qualifier"), getattr(toll, f"{figure}_phrase"))
            who = f" ({toll.claimant_name})" if not pd.isna(number) else ""
            parts.append(f"{labels[toll.strike_id]}: {phrase}{who}")
        column.caption(said + "Adds each strike's latest figure: " + ui.escape_markdown("; ".join(parts)) + ".")
    st.caption(
        "A total says “at least” when any part is open-ended (“over”, “at least”, a word such as “hundreds”) "
        "or a strike has no reported figure, and “about” when any part is approximate or an upper bound. "
        "Each strike counts once, with its latest report."
    )

    st.subheader("Latest toll per strike")
    if many:
        st.info(
            f"Showing the {BAR_LIMIT} strikes with the highest tolls of {strikes:,} (killed and injured added, as last "
            "reported by the end of the period; an open-ended figure counts as its number). Narrow the period or "
            "the actors to see others; the download below holds every strike's latest toll.",
            icon=":material/filter_list:",
        )
    st.plotly_chart(charts.toll_bars(tolls, caption=ui.credit_line()), width="stretch", config={"displaylogo": False})
    st.caption(
        "Bar chart: people killed and injured in each strike, as last reported by the end of the period, each bar "
        "labelled with the source's own words and who claims the figure. Hatched bars ending in an arrow (+) are "
        "open-ended: the true figure may be higher. ≤ marks an upper bound, ≈ an approximate figure. "
        "“Not reported” means the sources give no figure, not zero."
    )
    ui.download_csv(
        page,
        lambda: store.fetch("latest_tolls", **page.params),
        "latest-tolls",
        "Download the tolls behind this chart (CSV)",
    )

    st.subheader("How the tolls changed")
    counts = store.run("view_counts", **page.params).iloc[0]
    several = [s for s, known in zip(tolls["strike_id"], tolls["reports_known"]) if known >= 2]
    history = store.run("strike_histories", strike_ids=several, date_to=page.filters.date_to) if several else None
    if history is not None and charts.several_reports(history):
        st.plotly_chart(
            charts.toll_history_figure(history, caption=ui.credit_line()),
            width="stretch",
            config={"displaylogo": False},
        )
        st.caption(
            "Step chart: each strike's reported toll over time, one line per strike with two or more reports"
            + (" among those in the bar chart above" if many else "")
            + ", each point in the source's words with who claimed it. ▲ open-ended, ▼ upper bound, ◆ approximate, "
            "● exact; a gap means that report gave no figure."
        )
    elif int(counts["with_history"]) == 0:
        st.info("One report per strike so far: there is no change in the tolls to draw.", icon=":material/info:")
    else:
        st.info(
            f"None of the {len(tolls)} strikes in the bar chart has more than one report; "
            f"{int(counts['with_history']):,} other strikes in this view do. Narrow the filters to see how their "
            "tolls changed.",
            icon=":material/info:",
        )

    st.subheader("Every casualty report")
    reports = int(counts["reports"])
    rows = store.run("first_reports", **page.params, limit=TABLE_LIMIT)
    names = charts.strike_labels(rows, "strike_date") if many else labels
    if reports > len(rows):
        st.info(
            f"Showing the first {len(rows):,} of {reports:,} reports (strike by strike, in the order of their ids); "
            "the download below holds every one.",
            icon=":material/table_rows:",
        )
    table = charts.report_table(rows, names)
    st.dataframe(table, hide_index=True, width="stretch")
    ui.download_csv(
        page, lambda: store.fetch("toll_history", **page.params), "casualty-reports", "Download every report (CSV)"
    )
    st.caption("Every report of the strikes above known by the end of the period, strike by strike, oldest first; "
        "text as in the data.")

ui.footer(page)
