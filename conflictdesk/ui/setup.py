"""The set-up every page runs first: config, gate, data, the view from the URL, sidebar, notices and heading."""

from dataclasses import dataclass, field, replace

import pandas as pd
import streamlit as st

from conflictdesk import export, gate, i18n, store, urlparams
from conflictdesk.names import actor_names, learn_actors
from conflictdesk.problems import DataError
from conflictdesk.sitemap import Page, page_at
from conflictdesk.text import escape_markdown
from conflictdesk.ui.corrections import updated_since
from conflictdesk.ui.errors import problem_table, show_data_error
from conflictdesk.ui.sidebar import draw_sidebar, hide_chrome
from conflictdesk.view import View
from conflictdesk.captions import APP_NAME, filter_caption, synthetic_banner

# The embed view fits a story's frame (640 px wide, down to 350): a smaller heading, less padding, no gaps.
EMBED_CSS = (
    "<style>"
    "[data-testid='stMainBlockContainer']{padding:0.5rem 0.75rem 0.25rem !important;max-width:100% !important;}"
    "[data-testid='stMain'] h1{font-size:1.35rem !important;padding:0 0 0.25rem !important;}"
    "[data-testid='stMain'] h2,[data-testid='stMain'] h3{font-size:1.1rem !important;padding:0.25rem 0 !important;}"
    # Sticky on the footer's wrapper, a child of the page's block, so it sticks to stMain's bottom edge.
    "[data-testid='stLayoutWrapper']:has(> .st-key-embed-footer),.st-key-embed-footer{position:sticky;bottom:0;"
    "z-index:10;background:var(--st-background-color,#fff);}"
    # At most 40% of a short frame (a phone's 480 px): a long credit scrolls inside it, never over the chart; a soft
    # shadow at the strip's bottom edge shows there is more to scroll (scrolling shadows: the covers scroll with the
    # content, the shadows stay put).
    ".st-key-embed-footer{border-top:1px solid rgba(49,51,63,0.1);padding-top:2px;max-height:40vh;overflow-y:auto;"
    "background:linear-gradient(#fff 30%,rgba(255,255,255,0)) top/100% 14px no-repeat local,"
    "linear-gradient(rgba(255,255,255,0),#fff 70%) bottom/100% 14px no-repeat local,"
    "radial-gradient(farthest-side at 50% 0,rgba(0,0,0,.18),transparent) top/100% 7px no-repeat scroll,"
    "radial-gradient(farthest-side at 50% 100%,rgba(0,0,0,.18),transparent) bottom/100% 7px no-repeat scroll #fff;}"
    "</style>"
)
# The embed view's half of the auto-height embed: it posts the height of its content to the article's page,
# whose export.RESIZE_SCRIPT sizes the frame; nothing is sent when the page is not in a frame.
HEIGHT_JS = """export default function(component) {
  if (window.parent === window) return;
  const box = document.querySelector("[data-testid='stMainBlockContainer']");
  if (!box) return;
  let last = 0;
  const send = () => {
    const height = Math.ceil(box.getBoundingClientRect().height);
    if (Math.abs(height - last) > 1) {
      last = height;
      window.parent.postMessage({type: "%s", height: height}, "*");
    }
  };
  const watch = new ResizeObserver(send);
  watch.observe(box);
  send();
  return () => watch.disconnect();
}
""" % export.HEIGHT_MESSAGE
_height_reporter = None
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

    def section(self, title: str) -> None:
        """A section's heading; left out when one part is embedded alone (its chart or card has its own title)."""
        if not (self.embed and self.view.part):
            st.subheader(title)

    def moved(self, view: View) -> "Context":
        """This page at `view`, its link corrected (a parameter it ignored, with a notice): written to the URL,
        and what the citation, the embed code and the menu links are then made from."""
        go(view)
        return replace(self, view=view)

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
        st.html(EMBED_CSS)
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
    updated_since(view)  # a link made before corrections that touch this view says so, above the first figure
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


def report_height() -> None:
    """Embed view: send the content's height to the article's page (postMessage), again whenever it changes."""
    global _height_reporter
    if _height_reporter is None:
        _height_reporter = st.components.v2.component("conflictdesk_height", js=HEIGHT_JS)
    _height_reporter(key="conflictdesk-height")
