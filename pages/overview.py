"""Overview: headline figures in their sources' words, a timeline, the latest statements."""

import streamlit as st

from conflictdesk import charts, store, ui
from conflictdesk.figures import figure_text, total_text

page = ui.start_page("Overview", "strikes carried out by, statements made by, events involving")

totals = store.run("overview_totals", **page.params).set_index("figure")
tolls = store.run("latest_tolls", **page.params)
strikes, killed, injured = st.columns(3)
strikes.metric("Strikes", int(totals.at["strikes", "total"]))
for column, figure in ((killed, "killed"), (injured, "injured")):
    row = totals.loc[figure]
    column.metric(f"People {figure}", total_text(row["total"], row["qualifier"]))
    parts = [
        f"{ui.escape_markdown(t.city)}: {ui.escape_markdown(figure_text(t[figure], t[f'{figure}_qualifier'], t[f'{figure}_phrase']))}"
        f" ({ui.escape_markdown(t.claimant_name)}, {t.toll_status if isinstance(t.toll_status, str) else 'no report'})"
        for _, t in tolls.iterrows()
    ]
    column.caption("In the sources' words: " + "; ".join(parts) if parts else "No strikes in this view.")
st.caption(
    "Totals add each strike's latest reported toll. They say “at least” or “about” whenever any part is not an "
    "exact figure or a strike has no figure; claims by opposing sides are never added together."
)
ui.download_csv(page, tolls, "tolls", "Download the tolls behind these totals (CSV)")

st.subheader("Timeline")
items = store.run("timeline", **page.params)
if items.empty:
    st.info("Nothing in the data for this period and these actors.")
else:
    st.plotly_chart(
        charts.timeline_figure(items, caption=ui.credit_line()),
        width="stretch",
        config={"displaylogo": False},
    )
    st.caption("Timeline of strikes, statements, truces (bars show their window) and diplomatic events.")
    ui.download_csv(page, items, "timeline", "Download the timeline's rows (CSV)")

st.subheader("Latest statements")
latest = store.run("latest_statements", **page.params, limit=3)
for _, row in latest.iterrows():
    ui.statement_card(row, page)
if latest.empty:
    st.info("No statements in this view.")

ui.footer(page)
