"""Statements: quote cards, searchable (with spelling variants) and filtered by speaker; one card per link."""

import streamlit as st

from conflictdesk import i18n, store, ui
from conflictdesk.models.statements import statements
from conflictdesk.urlparams import MAX_TEXT

ctx = ui.start_page("statements", "statements made by")
model = statements(ctx.view, store.run)


def show_all() -> None:
    """Leave the one linked statement for the full list (the filters stay)."""
    ui.go(ctx.view.replace(statement=None))


def search_changed() -> None:
    """Keep the search text and the chosen speakers in the page's link, so the view can be shared."""
    ui.go(ctx.view.replace(statement=None, q=" ".join(st.session_state["q"].split()),
                           speakers=tuple(st.session_state["speaker"])))


for notice in model.notices:
    st.info(ui.escape_markdown(notice), icon=":material/link_off:")
if model.linked is not None:
    st.info("Showing one linked statement, whatever the period and actors chosen.", icon=":material/link:")
    if not ctx.embed:
        st.button("Show all statements", on_click=show_all, icon=":material/format_quote:")
    ui.statement_card(model.linked, ctx.view)
else:
    st.session_state["q"] = ctx.view.q
    st.session_state["speaker"] = list(model.chosen)
    if ctx.embed:  # the article shows the result of the search, in words, not the search box
        if ctx.view.q or model.chosen:
            st.caption(ui.escape_markdown(i18n._("Search: “{q}” · speakers: {speakers}").format(
                q=ctx.view.q, speakers=", ".join(model.chosen) or i18n._("all"))))
    else:
        search, who = st.columns([3, 2])
        search.text_input(
            "Search the statements",
            key="q",
            max_chars=MAX_TEXT,
            placeholder="A word or name: ceasefire, Kremlin, Peskov…",
            on_change=search_changed,
            help="Also finds other spellings of places (Odessa and Odesa, Kiev and Kyiv) and an actor's other "
            "names (Kremlin or Moscow for Russia).",
        )
        who.multiselect(
            "Speakers",
            options=model.speakers,
            key="speaker",
            placeholder="All speakers",
            on_change=search_changed,
            help="Leave empty for all speakers.",
        )
    if model.also:
        st.caption("Also matching: " + ", ".join(f"“{ui.escape_markdown(term)}”" for term in model.also))
    if model.rows.empty:
        st.info("No statements match this search, these speakers, period and actors.", icon=":material/search_off:")
    else:
        st.markdown(f"**{model.headline}**")
        for _, row in model.rows.iterrows():
            ui.statement_card(row, ctx.view)
        ui.download_csv(ctx, model.rows, "statements", "Download these statements (CSV)")

ui.footer(ctx)
