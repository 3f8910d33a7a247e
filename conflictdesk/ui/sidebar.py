"""The sidebar: the page menu (links carrying the view) and the period and actor filters."""

import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from conflictdesk import store
from conflictdesk.filters import Filters
from conflictdesk.sitemap import PAGES
from conflictdesk.view import View

HIDE_CHROME = (
    "<style>"
    "[data-testid='stSidebar'],[data-testid='stSidebarCollapsedControl'],[data-testid='stHeader'],"
    "[data-testid='stToolbar'],[data-testid='stExpandSidebarButton'],[data-testid='stSidebarNav']"
    "{display:none !important;}"
    "[data-testid='stMainBlockContainer']{padding-top:1rem;}"
    "</style>"
)


def hide_chrome() -> None:
    """Embed view: no sidebar, no toolbar, no menu; only the page's content (static CSS, no data text)."""
    st.html(HIDE_CHROME)


def draw_sidebar(view: View) -> None:
    """Draw the menu and the filters; a filter change writes the new view to the URL."""
    from conflictdesk.ui.setup import go

    span_row = store.run("date_span").iloc[0]
    first, last = pd.Timestamp(span_row["first_date"]).date(), pd.Timestamp(span_row["last_date"]).date()
    actors = store.run("actors")
    names = dict(zip(actors["actor_id"], actors["name"]))
    filters = view.filters
    # Set every run: a page switch gives the widgets new identities, so their old state is not theirs.
    st.session_state["period"] = (filters.date_from, filters.date_to)
    st.session_state["actor"] = list(filters.actors)

    def changed() -> None:
        period = st.session_state.get("period") or ()
        if len(period) != 2:  # the reader has picked a start date but not yet an end date
            return
        go(view.replace(filters=Filters(period[0], period[1], tuple(st.session_state.get("actor") or ()))))

    with st.sidebar:
        draw_menu(view)
        st.header("Filters")
        st.date_input(
            "Period",
            key="period",
            min_value=min(first, filters.date_from),
            max_value=max(last, filters.date_to),
            format="YYYY-MM-DD",
            on_change=changed,
            help="Defaults to the whole span of the data.",
        )
        st.multiselect(
            "Actors",
            options=list(names),
            key="actor",
            format_func=lambda actor_id: names.get(actor_id, actor_id),
            placeholder="All actors",
            on_change=changed,
            help="Leave empty for all actors. Each page says what the actor filter means there.",
        )
        st.caption("The page's link carries these filters: copy it to share this view.")


def draw_menu(view: View) -> None:
    """The page menu by title; each link carries the view's filters, so it works opened in a new tab."""
    for page in PAGES:
        try:
            st.page_link(page.file, label=page.title, icon=page.icon, query_params=view.on(page.path).query())
        except StreamlitPageNotFoundError:
            return  # the page file itself is the entry point (AppTest on one page): there is no menu to draw
