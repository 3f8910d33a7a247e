"""The sidebar: the page menu (links carrying the view) and the period and actor filters."""

import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from conflictdesk import i18n, store
from conflictdesk.i18n import _
from conflictdesk.filters import Filters
from conflictdesk.names import actor_names
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
    names = actor_names(actors)
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
        draw_language_switch(view)
        st.header(_("Filters"))
        st.date_input(
            _("Period"),
            key="period",
            min_value=min(first, filters.date_from),
            max_value=max(last, filters.date_to),
            format="YYYY-MM-DD",
            on_change=changed,
            help=_("Defaults to the whole span of the data."),
        )
        st.multiselect(
            _("Actors"),
            options=list(names),
            key="actor",
            format_func=lambda actor_id: names.get(actor_id, actor_id),
            placeholder=_("All actors"),
            on_change=changed,
            help=_("Leave empty for all actors. Each page says what the actor filter means there."),
        )
        st.caption(_("The page's link carries these filters and the language: copy it to share this view."))


def draw_menu(view: View) -> None:
    """The page menu by title; each link carries the view's filters, so it works opened in a new tab."""
    for page in PAGES:
        try:
            st.page_link(page.file, label=page.label, icon=page.icon, query_params=view.on(page.path).query())
        except StreamlitPageNotFoundError:
            return  # the page file itself is the entry point (AppTest on one page): there is no menu to draw


def draw_language_switch(view: View) -> None:
    """The interface language, each named in its own words; a choice writes `lang` to the page's link."""
    from conflictdesk.ui.setup import go

    def switched() -> None:
        chosen = st.session_state.get("language")
        if chosen:  # a click on the language already chosen unselects it: keep it
            go(view.replace(lang=chosen))

    st.session_state["language"] = i18n.language()
    st.segmented_control(
        _("Language"),
        options=list(i18n.LANGUAGES),
        format_func=i18n.LANGUAGES.get,
        key="language",
        on_change=switched,
        help=_("The dashboard's own words change; the data stays in the words of its sources."),
    )
