"""Statements: quote cards, searchable (with spelling variants) and filtered by speaker; one card per link."""

import streamlit as st

from conflictdesk import store, ui
from conflictdesk.filters import shorten
from conflictdesk.search import MAX_TEXT, expand_terms

MAX_SPEAKERS = 50

page = ui.start_page("Statements", "statements made by")


def plural(count: int, word: str) -> str:
    """'1 statement', '7 statements'."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def show_all() -> None:
    """Leave the one linked statement for the full list (the filters stay)."""
    if "statement" in st.query_params:
        del st.query_params["statement"]


def keep_search_in_url() -> None:
    """Keep the search text and the chosen speakers in the page's link, so the view can be shared."""
    wanted = {"q": [st.session_state.get("q", "").strip()], "speaker": list(st.session_state.get("speaker") or [])}
    for name, values in wanted.items():
        values = [value for value in values if value]
        if st.query_params.get_all(name) == values:
            continue
        if values:
            st.query_params[name] = values
        else:
            del st.query_params[name]


linked = page.value("statement")  # a malformed one was already ignored with a notice by start_page
one = store.run("statement", statement_id=linked) if linked else None
if linked and one.empty:
    st.info(
        f"No statement “{ui.escape_markdown(linked)}” in the data: it may have been removed or the link mistyped. "
        "Showing all statements instead.",
        icon=":material/link_off:",
    )

if one is not None and not one.empty:
    st.info("Showing one linked statement, whatever the period and actors chosen.", icon=":material/link:")
    st.button("Show all statements", on_click=show_all, icon=":material/format_quote:")
    ui.statement_card(one.iloc[0], page)
else:
    speakers = store.run("speakers")["speaker"].tolist()
    if "q" not in st.session_state:
        st.session_state["q"] = " ".join(page.query.get("q", [""])[:1])[:MAX_TEXT].strip()
    if "speaker" not in st.session_state:
        asked = list(page.query.get("speaker", []))[:MAX_SPEAKERS]
        unknown = ", ".join(shorten(name, 30) for name in asked[:5] if name not in speakers)
        if unknown:
            st.info(
                f"Ignored unknown speakers in the link: {ui.escape_markdown(unknown)}.",
                icon=":material/link_off:",
            )
        st.session_state["speaker"] = list(dict.fromkeys(name for name in asked if name in speakers))
    search, who = st.columns([3, 2])
    search.text_input(
        "Search the statements",
        key="q",
        max_chars=MAX_TEXT,
        placeholder="A word or name: ceasefire, Kremlin, Odesa…",
        help="Also finds other spellings of places (Odessa and Odesa, Kiev and Kyiv) and an actor's other "
        "names (Kremlin or Moscow for Russia).",
    )
    who.multiselect(
        "Speakers",
        options=speakers,
        key="speaker",
        placeholder="All speakers",
        help="Leave empty for all speakers.",
    )
    keep_search_in_url()

    terms = expand_terms(st.session_state["q"], store.run("actors"), store.run("cities")["city"].tolist())
    if len(terms) > 1:
        st.caption("Also matching: " + ", ".join(f"“{ui.escape_markdown(term)}”" for term in terms[1:]))
    rows = store.run("statements", **page.params, speakers=list(st.session_state["speaker"]), terms=terms)
    if rows.empty:
        st.info("No statements match this search, these speakers, period and actors.", icon=":material/search_off:")
    else:
        st.markdown(f"**{plural(len(rows), 'statement')} by {plural(rows['speaker'].nunique(), 'speaker')}**")
    for _, row in rows.iterrows():
        ui.statement_card(row, page)
    if not rows.empty:
        ui.download_csv(page, rows, "statements", "Download these statements (CSV)")

ui.footer(page)
