"""Cards every page draws the same way: a source line with the source's words, and a statement's quote card."""

import pandas as pd
import streamlit as st

from conflictdesk.i18n import _
from conflictdesk.names import display
from conflictdesk.text import escape_markdown, safe_url
from conflictdesk.wording import date_text
from conflictdesk.ui.corrections import correction_mark
from conflictdesk.ui.footer import link
from conflictdesk.view import View


def _given(value) -> bool:
    return isinstance(value, str) and value != ""


def source_caption(publisher, title=None, url=None, excerpt=None) -> None:
    """A source line, linked when its address is safe, with the source's exact words, as text."""
    name = escape_markdown(publisher) if _given(publisher) else ""
    if title is not None and not pd.isna(title):
        name += f": {escape_markdown(title)}" if name else escape_markdown(title)  # no publisher named: the title
    address = safe_url(url)
    st.caption(_("Source: {source}").format(source=f"[{name}]({address})" if address else name))
    if excerpt is not None and not pd.isna(excerpt):
        st.caption(f"“{escape_markdown(excerpt)}”")


def statement_card(row, view: View, own_link: bool = True) -> None:
    """A quote card (a row of the statement-card view): who, when, where, the words, topics, links and source."""
    with st.container(border=True, key=f"statement-{row['statement_id']}"):
        who = f"**{escape_markdown(row['speaker'])}**"
        if _given(row.get("speaker_role")):
            who += f", {escape_markdown(row['speaker_role'])}"
        if _given(row.get("actor_name")) and row["actor_name"] != "not stated":  # queries/ say "not stated"
            who += f" ({escape_markdown(display(row['actor_name']))})"
        st.markdown(who)
        when = date_text(row["date"], row["date_precision"])
        venue = f" · {escape_markdown(row['venue'])}" if _given(row.get("venue")) else ""
        st.caption(f"{escape_markdown(when)}{venue}")
        if row["quote_kind"] == "direct":
            st.markdown(f"> “{escape_markdown(row['quote'])}”")
        else:
            st.markdown("> " + _("*Paraphrase:* {quote}").format(quote=escape_markdown(row["quote"])))
        topics = row.get("topics")
        if topics is not None and len(topics):
            st.caption(_("Topics: {topics}").format(topics=", ".join(escape_markdown(t) for t in topics)))
        links = []
        if _given(row.get("related_strike_id")):
            links.append("[{text}]({url})".format(text=_("Related strike"),
                                                  url=link(view.on("map", strike=row["related_strike_id"]))))
        if _given(row.get("related_truce_id")):
            links.append("[{text}]({url})".format(text=_("Related truce"),
                                                  url=link(view.on("truces", truce=row["related_truce_id"]))))
        if own_link:
            links.append("[{text}]({url})".format(text=_("Link to this statement"),
                                                  url=link(view.on("statements", statement=row["statement_id"]))))
        if links:
            st.markdown(" · ".join(links))
        source_caption(row.get("publisher"), row.get("source_title"), row.get("source_url"), row.get("excerpt"))
        correction_mark([("statements", row["statement_id"])], row.get("corrected_on"), view)
