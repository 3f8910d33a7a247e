"""Casualties: each strike's latest toll in its source's words, how tolls changed, honest totals, every report."""

import pandas as pd
import streamlit as st

from conflictdesk import charts, store, ui
from conflictdesk.figures import figure_text, total_text
from conflictdesk.text import date_text

POPULATIONS = {"civilian": "Civilians", "military": "Military", "unknown": "Not said", "all": "Everyone"}

page = ui.start_page("Casualties", "strikes carried out by")
tolls = store.run("latest_tolls", **page.params)

if tolls.empty:
    st.info(
        f"Nothing in this period for these actors: no strikes in the data between {ui.period_text(page.filters)}.",
        icon=":material/event_busy:",
    )
else:
    labels = charts.strike_labels(tolls)
    totals = store.run("overview_totals", **page.params).set_index("figure")
    strikes = int(totals.at["strikes", "total"])
    in_strikes = f"in {strikes} strike{'s' if strikes != 1 else ''}"
    st.subheader("Totals")
    for column, figure in zip(st.columns(2), ("killed", "injured")):
        row = totals.loc[figure]
        column.metric(f"People {figure}", total_text(row["total"], row["qualifier"]))
        parts = []
        for toll in tolls.itertuples():
            number = getattr(toll, figure)
            phrase = figure_text(number, getattr(toll, f"{figure}_qualifier"), getattr(toll, f"{figure}_phrase"))
            who = f" ({toll.claimant_name})" if not pd.isna(number) else ""
            parts.append(f"{labels[toll.strike_id]}: {phrase}{who}")
        reported = int(row["reported"])
        with_figure = f" ({reported} of them with a figure)" if reported < strikes else ""
        column.caption(
            ui.escape_markdown(f"{total_text(row['total'], row['qualifier'])} {figure} {in_strikes}{with_figure}. ")
            + "Adds each strike's latest figure: "
            + ui.escape_markdown("; ".join(parts))
            + "."
        )
    st.caption(
        "A total says “at least” when any part is open-ended (“over”, “at least”, a word such as “hundreds”) "
        "or a strike has no reported figure, and “about” when any part is approximate or an upper bound. "
        "Each strike counts once, with its latest report."
    )

    st.subheader("Latest toll per strike")
    st.plotly_chart(charts.toll_bars(tolls, caption=ui.credit_line()), width="stretch", config={"displaylogo": False})
    st.caption(
        "Bar chart: people killed and injured in each strike, as last reported by the end of the period, each bar "
        "labelled with the source's own words and who claims the figure. Hatched bars ending in an arrow (+) are "
        "open-ended: the true figure may be higher. ≤ marks an upper bound, ≈ an approximate figure. "
        "“Not reported” means the sources give no figure, not zero."
    )
    ui.download_csv(page, tolls, "latest-tolls", "Download the tolls behind this chart (CSV)")

    st.subheader("How the tolls changed")
    history = store.run("toll_history", **page.params)
    if charts.several_reports(history):
        st.plotly_chart(
            charts.toll_history_figure(history, caption=ui.credit_line()),
            width="stretch",
            config={"displaylogo": False},
        )
        st.caption(
            "Step chart: each strike's reported toll over time, one line per strike with two or more reports, "
            "each point in the source's words with who claimed it. ▲ open-ended, ▼ upper bound, ◆ approximate, "
            "● exact; a gap means that report gave no figure."
        )
    else:
        st.info("One report per strike so far: there is no change in the tolls to draw.", icon=":material/info:")

    st.subheader("Every casualty report")
    table = pd.DataFrame(
        {
            "Strike": [labels.get(r.strike_id, r.strike_id) for r in history.itertuples()],
            "Reported": [date_text(r.reported_on) for r in history.itertuples()],
            "People killed": [
                figure_text(r.killed, r.killed_qualifier, r.killed_phrase) for r in history.itertuples()
            ],
            "People injured": [
                figure_text(r.injured, r.injured_qualifier, r.injured_phrase) for r in history.itertuples()
            ],
            "Who was counted": [POPULATIONS.get(r.population, "Not said") for r in history.itertuples()],
            "Claimed by": list(history["claimant_name"]),
            "Status": [charts.status_text(r.status, r.claimant_name) for r in history.itertuples()],
            "Source": list(history["publisher"]),
            "Source's words": list(history["excerpt"]),
            "Notes": list(history["notes"].fillna("")),
        }
    )
    st.dataframe(table, hide_index=True, width="stretch")
    ui.download_csv(page, history, "casualty-reports", "Download every report (CSV)")
    st.caption("Every report of the strikes above known by the end of the period, strike by strike, oldest first; "
        "text as in the data.")

ui.footer(page)
