"""The set-up every page runs first: config, gate, data, the view from the URL, sidebar, notices and heading."""

from dataclasses import dataclass, field

import pandas as pd
import streamlit as st

from conflictdesk import gate, i18n, store, urlparams
from conflictdesk.i18n import _
from conflictdesk.names import actor_names, learn_actors
from conflictdesk.problems import DataError
from conflictdesk.sitemap import Page, page_at
from conflictdesk.text import escape_markdown
from conflictdesk.ui.errors import problem_table, show_data_error
from conflictdesk.ui.sidebar import draw_sidebar, hide_chrome
from conflictdesk.view import View
from conflictdesk.captions import APP_NAME, filter_caption, synthetic_banner

FILTERS_KEY = "_filters"  # the reader's last filters, for a page switch that drops the query string


@dataclass(frozen=True)
class Context:
    """What a page needs once set up: its registry entry, the view, the data's metadata and the notices."""

    page: Page
    view: View
    meta: dict
    notices: tuple[str, ...] = field(default=())
    actor_meaning: str = "involving {actors}"  # a marked phrase (wording.actors_text)
    actor_names: dict = field(default_factory=dict)

    @property
    def embed(self) -> bool:
        """Whether the page is shown in the article (embed) view."""
        return self.view.embed

    def shows(self, part: str) -> bool:
        """Whether this element of the page is drawn: always, unless the link asks for another part alone."""
        return self.view.part in (None, part)


def choose_language() -> str:
    """Make the link's `lang` (else the browser's preferred language, else English) this run's language.

    Read before the gate and the data, so the password form and the error pages speak it too; read_view
    checks the parameter again and names a bad one in a notice.
    """
    asked = st.query_params.get("lang")
    return i18n.use(asked if asked in i18n.LANGUAGES else i18n.preferred(st.context.locale))


def start_page(path: str, actor_meaning: str) -> Context:
    """Set up the page at `path` whether or not app.py ran first; returns its Context.

    `actor_meaning` is a phrase marked with N_ with an {actors} placeholder ("strikes carried out by {actors}").
    """
    page = page_at(path)
    choose_language()
    st.set_page_config(page_title=f"{page.label} · {APP_NAME}", page_icon=":material/public:", layout="wide")
    gate.require_password()
    served, data_notice, problems = store.status()  # readers keep the last good data while newer files fail
    if served is None:
        show_data_error(DataError(problems or []))
        st.stop()
    meta = store.run("data_meta").iloc[0].to_dict()
    view, notices = read_view(page)
    i18n.use(view.lang or i18n.preferred(st.context.locale))
    if view.embed:
        hide_chrome()
    else:
        draw_sidebar(view)
    if meta.get("has_synthetic"):
        st.warning(synthetic_banner(), icon=":material/science:")
    if data_notice:
        st.info(escape_markdown(data_notice), icon=":material/hourglass_top:")
    if problems and store.curator():
        heading = i18n.ngettext("Curator: {count} problem in the newest data files",
                                "Curator: {count} problems in the newest data files", len(problems))
        with st.expander(heading.format(count=len(problems)), icon=":material/error:"):
            st.dataframe(problem_table(problems), hide_index=True, width="stretch")
    st.title(page.label)
    actors = store.run("actors")
    learn_actors(actors)  # rows of data name actors in the reader's script when an alias gives it (names.py)
    names = actor_names(actors)
    st.caption(escape_markdown(filter_caption(view, actor_meaning, names)))
    for notice in notices:
        st.info(escape_markdown(notice), icon=":material/link_off:")
    return Context(page, view, meta, tuple(notices), actor_meaning, names)


def read_view(page: Page) -> tuple[View, list[str]]:
    """The view from the URL (the only reader of st.query_params), written back in its canonical form."""
    span_row = store.run("date_span").iloc[0]
    span = (pd.Timestamp(span_row["first_date"]).date(), pd.Timestamp(span_row["last_date"]).date())
    actors = store.run("actors")["actor_id"].tolist()
    query = {name: st.query_params.get_all(name) for name in st.query_params.keys()}
    # Streamlit keeps `embed=true` out of st.query_params; the browser reports it here.
    embed = bool(st.context.is_embedded)
    view, notices = urlparams.parse(query, page.path, span, actors, embed=embed)
    remembered = st.session_state.get(FILTERS_KEY)
    if "period" not in query and "actor" not in query and remembered is not None:
        view = view.replace(filters=remembered)  # a page switch dropped the query string: keep the filters
    go(view)
    return view, notices


def go(view: View) -> None:
    """Make `view` the page's URL (canonical parameters only) and remember its filters for page switches."""
    st.session_state[FILTERS_KEY] = view.filters
    wanted = view.query()
    current = {name: st.query_params.get_all(name) for name in st.query_params.keys()}
    if current != wanted:
        st.query_params.from_dict(wanted)
