"""Statements: quote cards, searchable (with spelling variants) and filtered by speaker; one card per link."""

import streamlit as st

from conflictdesk import store, ui
from conflictdesk.i18n import N_, _
from conflictdesk.models.statements import statements
from conflictdesk.urlparams import MAX_TEXT

ctx = ui.start_page("statements", N_("statements made by {actors}"))
model = statements(ctx.view, store.run)
if model.linked is None and (ctx.view.statement or ctx.view.speakers != model.chosen):
    # A statement not found or unknown speakers were ignored (the notices say so): so are they in the links.
    ctx = ctx.moved(ctx.view.replace(statement=None, speakers=model.chosen))


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
    st.info(_("Showing one linked statement, whatever the period and actors chosen."), icon=":material/link:")
    if not ctx.embed:
        st.button(_("Show all statements"), on_click=show_all, icon=":material/format_quote:")
    ui.statement_card(model.linked, ctx.view)
else:
    st.session_state["q"] = ctx.view.q
    st.session_state["speaker"] = list(model.chosen)
    if ctx.embed:  # the article shows the result of the search, in words, not the search box
        if ctx.view.q or model.chosen:
            st.caption(ui.escape_markdown(_("Search: “{q}” · speakers: {speakers}").format(
                q=ctx.view.q, speakers=", ".join(model.chosen) or _("all"))))
    else:
        search, who = st.columns([3, 2])
        search.text_input(
            _("Search the statements"),
            key="q",
            max_chars=MAX_TEXT,
            placeholder=_("A word or name: ceasefire, Kremlin, Peskov…"),
            on_change=search_changed,
            help=_("Also finds other spellings of places (Odessa and Odesa, Kiev and Kyiv) and an actor's other "
                   "names (Kremlin or Moscow for Russia)."),
        )
        who.multiselect(
            _("Speakers"),
            options=model.speakers,
            key="speaker",
            placeholder=_("All speakers"),
            on_change=search_changed,
            help=_("Leave empty for all speakers."),
        )
    if model.also:
        st.caption(_("Also matching: {terms}").format(terms=", ".join(f"“{ui.escape_markdown(term)}”" for term in model.also)))
    if model.rows.empty:
        st.info(_("No statements match this search, these speakers, period and actors."), icon=":material/search_off:")
    else:
        st.markdown(f"**{model.headline}**")
        for _index, row in model.rows.iterrows():
            ui.statement_card(row, ctx.view)
        ui.download_csv(ctx, model.rows, "statements", _("Download these statements (CSV)"))

ui.footer(ctx)
