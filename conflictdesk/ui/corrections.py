"""Corrections on screen: the "corrected on …" mark that opens its entries, an entry, and the notice for old links."""

import streamlit as st

from conflictdesk import store
from conflictdesk.i18n import _
from conflictdesk.models import corrections
from conflictdesk.text import escape_markdown, safe_url
from conflictdesk.ui.footer import link
from conflictdesk.view import View
from conflictdesk.wording import blank

ICON = ":material/edit_note:"


def draw_entry(entry: corrections.Entry, with_row: bool = True) -> None:
    """One correction: the row and field, old → new, the reason, the source and the day; data text as text."""
    head = f"**{escape_markdown(entry.row)}** · " if with_row and entry.row else ""
    st.markdown(
        head + _("{field}: {old} → {new}").format(
            field=escape_markdown(entry.field), old=escape_markdown(entry.old), new=f"**{escape_markdown(entry.new)}**",
        )
    )
    lines = [_("Reason: {reason}").format(reason=escape_markdown(entry.reason))]
    if entry.source:
        url = safe_url(entry.source_url)
        name = escape_markdown(entry.source)
        lines.append(_("Source: {source}").format(source=f"[{name}]({url})" if url else name))
    lines.append(_("Corrected on {date}").format(date=escape_markdown(entry.day)))
    if entry.notes:
        lines.append(_("Notes: {notes}").format(notes=escape_markdown(entry.notes)))
    st.caption("  \n".join(lines))


def correction_mark(keys, corrected_on, view: View, label: str | None = None) -> None:
    """A small "Corrected on …" button on a corrected card, bar or row that opens its corrections.

    `keys`: the (table, row id) pairs the mark stands for; nothing is drawn when `corrected_on` is blank.
    """
    if blank(corrected_on):
        return
    with st.popover(label or corrections.mark_text(corrected_on), icon=ICON):
        for entry in corrections.row_entries(keys, store.run):
            draw_entry(entry)
        st.markdown("[{text}]({url})".format(text=_("Every correction"), url=link(view.on("corrections"))))


def updated_since(view: View) -> None:
    """The one notice of a link made before corrections that touch its view; nothing when there are none."""
    notice = corrections.since(view, store.run)
    if notice is None:
        return
    with st.container(border=True, key="updated-since"):
        st.warning(f"**{escape_markdown(notice.headline)}**", icon=ICON)
        for entry in notice.entries:
            draw_entry(entry)
        more = ""
        if notice.more:
            more = _("and {count} more; ").format(count=notice.more)
        every = "[{text}]({url})".format(text=_("see every correction"), url=link(view.replace(as_of=None).on("corrections")))
        st.markdown(more + every)
