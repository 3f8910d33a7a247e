"""What every page shares: set-up, the filters in the sidebar and the URL, notices, error page and footer."""

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlencode

import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from conflictdesk import export, gate, store
from conflictdesk.filters import Filters, first_value, parse_filters
from conflictdesk.problems import DataError
from conflictdesk.text import escape_markdown, safe_url

# (file, title, url_path, icon): the pages in menu order. File names equal their URL paths.
PAGES = (
    ("pages/overview.py", "Overview", "overview", ":material/dashboard:"),
    ("pages/map.py", "Strikes map", "map", ":material/map:"),
    ("pages/casualties.py", "Casualties", "casualties", ":material/bar_chart:"),
    ("pages/truces.py", "Truce violations", "truces", ":material/handshake:"),
    ("pages/statements.py", "Statements", "statements", ":material/format_quote:"),
    ("pages/sources.py", "Sources & method", "sources", ":material/menu_book:"),
)
APP_NAME = "Conflict Desk"
LICENCE_NOTE = (
    "Figures are the claims of the sources named, shown in their own words; quoted texts remain their "
    "publishers'. Country outlines: Natural Earth (public domain)."
)


@dataclass
class Page:
    """What a page needs once set up: the filters and the URL parameters of the view."""

    filters: Filters
    query: dict[str, list[str]]
    meta: dict
    notices: list[str] = field(default_factory=list)
    title: str = APP_NAME
    path: str = ""
    embed: bool = False

    @property
    def params(self) -> dict:
        """Bound parameters for the filtered queries."""
        return self.filters.params()

    def value(self, name: str) -> str | None:
        """A single id-like URL parameter (statement, strike, place), or None."""
        return first_value(self.query, name)


def start_page(title: str, actor_meaning: str) -> Page:
    """Set up a page whether or not app.py ran first: config, gate, data, filters, notices, heading."""
    st.set_page_config(page_title=f"{title} · {APP_NAME}", page_icon=":material/public:", layout="wide")
    gate.require_password()
    served, data_notice, problems = store.status()  # readers keep the last good data while newer files fail
    if served is None:
        show_data_error(DataError(problems or []))
        st.stop()
    meta = store.run("data_meta").iloc[0].to_dict()
    query = {name: st.query_params.get_all(name) for name in st.query_params.keys()}
    # Streamlit keeps `embed=true` out of st.query_params; the browser reports it here.
    embed = bool(st.context.is_embedded)
    if embed:
        _hide_chrome()
    filters, notices = _sidebar_filters(query, draw=not embed)
    if meta.get("has_synthetic"):
        st.warning(
            "**Synthetic data is loaded.** Some rows come from a generated benchmark source, not from reporting. "
            "Do not quote them.",
            icon=":material/science:",
        )
    if data_notice:
        st.info(data_notice, icon=":material/hourglass_top:")
    if problems and store.curator():
        with st.expander(f"Curator: {len(problems)} problem(s) in the newest data files", icon=":material/error:"):
            st.dataframe(problem_table(problems), hide_index=True, width="stretch")
    st.title(title)
    st.caption(f"Filtered to {period_text(filters)}; actor filter: {actor_meaning}.")
    for notice in notices:
        st.info(escape_markdown(notice), icon=":material/link_off:")
    path = next((url_path for _, name, url_path, _ in PAGES if name == title), "")
    return Page(filters, query, meta, notices, title, path, embed)


def _hide_chrome() -> None:
    """Embed view: no sidebar, no toolbar, no menu; only the page's content."""
    st.html(
        "<style>"
        "[data-testid='stSidebar'],[data-testid='stSidebarCollapsedControl'],[data-testid='stHeader'],"
        "[data-testid='stToolbar'],[data-testid='stExpandSidebarButton'],[data-testid='stSidebarNav']"
        "{display:none !important;}"
        "[data-testid='stMainBlockContainer']{padding-top:1rem;}"
        "</style>"
    )


def period_text(filters: Filters) -> str:
    """The period in words: 13 Apr 2025 – 21 Apr 2025."""
    return f"{filters.date_from:%-d %b %Y} – {filters.date_to:%-d %b %Y}"


def _actor_names() -> dict[str, str]:
    actors = store.run("actors")
    return dict(zip(actors["actor_id"], actors["name"]))


def _sidebar_filters(query: dict[str, list[str]], draw: bool = True) -> tuple[Filters, list[str]]:
    """Draw the date and actor filters; the URL is the source of truth, remembered across page switches."""
    span_row = store.run("date_span").iloc[0]
    span = (_as_date(span_row["first_date"]), _as_date(span_row["last_date"]))
    names = _actor_names()
    if "period" in query or "actor" in query or "_filters" not in st.session_state:
        filters, notices = parse_filters(query, span, list(names))
    else:
        # A page switch drops the query string: restore what the reader had chosen.
        filters, notices = st.session_state["_filters"], []
        notices += parse_filters(query, span, list(names))[1]
    st.session_state["_filters"] = filters
    _write_url(filters)
    if not draw:
        return filters, notices
    # Set every run: a page switch gives the widgets new identities, so their old state is not theirs.
    st.session_state["period"] = (filters.date_from, filters.date_to)
    st.session_state["actor"] = list(filters.actors)
    with st.sidebar:
        _menu()
        st.header("Filters")
        st.date_input(
            "Period",
            key="period",
            min_value=min(span[0], filters.date_from),
            max_value=max(span[1], filters.date_to),
            format="YYYY-MM-DD",
            on_change=_on_filter_change,
            help="Defaults to the whole span of the data.",
        )
        st.multiselect(
            "Actors",
            options=list(names),
            key="actor",
            format_func=lambda actor_id: names.get(actor_id, actor_id),
            placeholder="All actors",
            on_change=_on_filter_change,
            help="Leave empty for all actors. Each page says what the actor filter means there.",
        )
        st.caption("The page's link carries these filters: copy it to share this view.")
    return filters, notices


def _menu() -> None:
    """The page menu, by title (Streamlit's own menu is off: see .streamlit/config.toml)."""
    for file, name, _, icon in PAGES:
        try:
            st.page_link(file, label=name, icon=icon)
        except StreamlitPageNotFoundError:
            return  # the page file itself is the entry point (AppTest on one page): there is no menu to draw


def _on_filter_change() -> None:
    period = st.session_state.get("period") or ()
    if len(period) != 2:  # the reader has picked a start date but not yet an end date
        return
    filters = Filters(period[0], period[1], tuple(st.session_state.get("actor") or ()))
    st.session_state["_filters"] = filters
    _write_url(filters)


def _write_url(filters: Filters) -> None:
    """Put the filters in the URL, leaving other parameters (statement, place, embed) alone."""
    wanted = filters.query()
    for name in ("period", "actor"):
        values = wanted.get(name, [])
        if st.query_params.get_all(name) != values:
            if values:
                st.query_params[name] = values
            elif name in st.query_params:
                del st.query_params[name]


def _as_date(value) -> dt.date:
    return pd.Timestamp(value).date()


def show_data_error(error: DataError) -> None:
    """The error page for an invalid data folder: every problem, readable, nothing loaded."""
    st.set_page_config(page_title=f"Data problems · {APP_NAME}", layout="wide")
    st.title("The data could not be loaded")
    count = len(error.problems)
    st.error(
        f"{count} problem{'s' if count != 1 else ''} found in the data folder, so nothing from it is shown. "
        "Fix them and reload the page; `python -m conflictdesk validate` prints the same list.",
        icon=":material/error:",
    )
    st.dataframe(problem_table(error.problems), hide_index=True, width="stretch")


def problem_table(problems) -> pd.DataFrame:
    """Problems as a table: file, line, column, problem."""
    return pd.DataFrame([{"File": p.file, "Line": p.line, "Column": p.column or "", "Problem": p.message} for p in problems])


def footer(page: Page) -> None:
    """Sources, last update, data version and licence note under every page; cite and embed blocks."""
    credit = credit_line()
    if page.embed:
        full = export.page_url(_current_url(page), page.query, embed=False)
        st.caption(f"{escape_markdown(credit)} — [open the full dashboard]({full})")
        return
    with st.expander("Cite this view or embed it in an article", icon=":material/format_quote:"):
        url = export.page_url(_current_url(page), page.query)
        st.caption("Cite this view (copy with the button at the block's top right):")
        st.code(
            export.citation(url, page.meta.get("data_version"), dt.datetime.now(dt.timezone.utc), credit, page.title),
            language=None,
            wrap_lines=True,
        )
        st.caption("Embed code for this view (paste it into your article's HTML):")
        st.code(
            export.iframe_snippet(export.page_url(_current_url(page), page.query, embed=True), f"{APP_NAME}: {page.title}"),
            language="html",
            wrap_lines=True,
        )
    sources = store.run("sources")
    st.divider()
    parts = []
    for row in sources.itertuples():
        label = f"{escape_markdown(row.publisher)}: {escape_markdown(row.title)}"
        url = safe_url(row.url)
        parts.append(f"[{label}]({url})" if url else label)
    last = page.meta.get("last_update")
    st.caption(
        "**Sources:** "
        + "; ".join(parts)
        + f"  \n**Last update:** {_as_date(last):%-d %B %Y}"
        + f" · **Data version:** `{escape_markdown(page.meta.get('data_version'))}`"
        + f"  \n{escape_markdown(LICENCE_NOTE)}"
    )


def _current_url(page: Page) -> str:
    """This page's address as the reader's browser sees it (a local default under AppTest)."""
    url = st.context.url or ""
    if not url.startswith(("http://", "https://")):
        url = "http://localhost:8501/"
    base = url.split("?")[0].rstrip("/")
    known = {path for _, _, path, _ in PAGES}
    head, _, last = base.rpartition("/")
    if last in known or last == "home":
        base = head
    return f"{base}/{page.path}"


def download_csv(page: Page, rows, name: str, label: str = "Download these rows (CSV)") -> None:
    """A download button for exactly the filtered rows (a DataFrame, or a function giving one) behind a view."""
    if page.embed:
        return
    version = page.meta.get("data_version")
    # Built only when clicked: a million-row export must not slow every rerun.
    st.download_button(
        label,
        data=lambda: export.to_csv(rows() if callable(rows) else rows, version),
        file_name=f"conflictdesk-{name}-{version}.csv",
        mime="text/csv",
        icon=":material/download:",
        key=f"download-{name}",
        on_click="ignore",
        help="Exactly the rows that pass the filters, with their source ids and the data version.",
    )


def view_link(url_path: str, page: Page, **extra: str) -> str:
    """A relative link to a page with the current filters and extra parameters (ids only)."""
    query = page.filters.query() | {name: [value] for name, value in extra.items()}
    return f"{url_path}?{urlencode(query, doseq=True)}"


def source_caption(publisher, title=None, url=None, excerpt=None) -> None:
    """A source line with the source's exact words, as text."""
    name = escape_markdown(publisher)
    if title is not None and not pd.isna(title):
        name += f": {escape_markdown(title)}"
    link = safe_url(url)
    st.caption(f"Source: [{name}]({link})" if link else f"Source: {name}")
    if excerpt is not None and not pd.isna(excerpt):
        st.caption(f"“{escape_markdown(excerpt)}”")


def statement_card(row, page: Page, own_link: bool = True) -> None:
    """A quote card: who, when, where, the words (quoted or marked as paraphrase), topics and source."""
    from conflictdesk.text import date_text

    with st.container(border=True, key=f"statement-{row['statement_id']}"):
        who = f"**{escape_markdown(row['speaker'])}**"
        if isinstance(row.get("speaker_role"), str):
            who += f", {escape_markdown(row['speaker_role'])}"
        if isinstance(row.get("actor_name"), str) and row["actor_name"] != "not stated":
            who += f" ({escape_markdown(row['actor_name'])})"
        st.markdown(who)
        when = date_text(row["date"], row["date_precision"])
        venue = f" · {escape_markdown(row['venue'])}" if isinstance(row.get("venue"), str) else ""
        st.caption(f"{escape_markdown(when)}{venue}")
        if row["quote_kind"] == "direct":
            st.markdown(f"> “{escape_markdown(row['quote'])}”")
        else:
            st.markdown(f"> *Paraphrase:* {escape_markdown(row['quote'])}")
        topics = row.get("topics")
        if topics is not None and len(topics):
            st.caption("Topics: " + ", ".join(escape_markdown(t) for t in topics))
        links = []
        if isinstance(row.get("related_strike_id"), str):
            links.append(f"[Related strike]({view_link('map', page, strike=row['related_strike_id'])})")
        if isinstance(row.get("related_truce_id"), str):
            links.append(f"[Related truce]({view_link('truces', page, truce=row['related_truce_id'])})")
        if own_link:
            links.append(f"[Link to this statement]({view_link('statements', page, statement=row['statement_id'])})")
        if links:
            st.markdown(" · ".join(links))
        source_caption(row.get("publisher"), row.get("source_title"), row.get("source_url"), row.get("excerpt"))


def credit_line() -> str:
    """A one-line credit naming the sources, for charts and citations."""
    sources = store.run("sources")
    names = "; ".join(sorted(set(sources["publisher"].astype(str))))
    return f"Source: {names} via {APP_NAME}"
