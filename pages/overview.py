"""Overview: headline figures in their sources' words, a timeline, the latest statements."""

import streamlit as st

from conflictdesk import charts, store, ui
from conflictdesk.figures import figure_text, total_text

PARTS_LIMIT = 12  # past this many strikes, the figures behind a total are listed on the Casualties page
TIMELINE_LIMIT = 300  # past this many items, the timeline counts them per day

page = ui.start_page("Overview", "strikes carried out by, statements made by, events involving")

totals = store.run("toll_totals", **page.params).set_index("figure")
count = int(totals.at["strikes", "total"])
tolls = store.run("view_tolls", **page.params, limit=PARTS_LIMIT) if count <= PARTS_LIMIT else None
strikes, killed, injured = st.columns(3)
strikes.metric("Strikes", count)
for column, figure in ((killed, "killed"), (injured, "injured")):
    row = totals.loc[figure]
    column.metric(f"People {figure}", total_text(row["total"], row["qualifier"]))
    if tolls is None:
        reported, inexact = int(row["reported"]), int(row["inexact"])
        column.caption(
            f"Across {count:,} strikes: see Casualties for each strike's figure in its source's words. "
            f"{reported:,} of them give a figure; {inexact:,} of those figures are not exact "
            "(“at least”, “over”, “about”, a word such as “dozens”)."
        )
        continue
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
ui.download_csv(
    page, lambda: store.fetch("latest_tolls", **page.params), "tolls", "Download the tolls behind these totals (CSV)"
)

st.subheader("Timeline")
days = store.run("timeline_days", **page.params)
size = int(days["items"].sum())
if size == 0:
    st.info("Nothing in the data for this period and these actors.")
elif size <= TIMELINE_LIMIT:
    items = store.run("timeline", **page.params)
    st.plotly_chart(
        charts.timeline_figure(items, caption=ui.credit_line()),
        width="stretch",
        config={"displaylogo": False},
    )
    st.caption("Timeline of strikes, statements, truces (bars show their window) and diplomatic events.")
    ui.download_csv(page, items, "timeline", "Download the timeline's rows (CSV)")
else:
    st.plotly_chart(
        charts.timeline_days_figure(days, caption=ui.credit_line()),
        width="stretch",
        config={"displaylogo": False},
    )
    st.caption(
        f"{size:,} items in this period: too many to draw one by one, so each panel counts strikes, statements, "
        "truces (on the day they begin) and diplomatic events per day. Narrow the period to see each item."
    )
    ui.download_csv(
        page, lambda: store.fetch("timeline", **page.params), "timeline", "Download the timeline's rows (CSV)"
    )

st.subheader("Latest statements")
latest = store.run("latest_statements", **page.params, limit=3)
for _, row in latest.iterrows():
    ui.statement_card(row, page)
if latest.empty:
    st.info("No statements in this view.")

ui.footer(page)
