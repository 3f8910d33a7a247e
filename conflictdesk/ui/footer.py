"""What closes every page: downloads, the cite-and-embed block, sources, data version and licence note."""

import datetime as dt
import os

import pandas as pd

import streamlit as st

from conflictdesk import export, i18n, store
from conflictdesk import wording
from conflictdesk.i18n import _
from conflictdesk.captions import APP_NAME, LICENCE_NOTE, actors_text, credit_line, period_text
from conflictdesk.text import escape_markdown, safe_url
from conflictdesk.view import View, site_base


def base_url() -> str:
    """The dashboard's base address from the browser's scheme and host and the configured base path."""
    return site_base(st.context.url, st.get_option("server.baseUrlPath") or "", os.environ.get("CONFLICTDESK_PUBLIC_URL"))


def link(view: View) -> str:
    """An in-app link to a view, absolute, built from the page registry and the base address."""
    return view.url(base_url())


def credit() -> str:
    """The credit line for the data loaded: every publisher, via Conflict Desk."""
    return credit_line(store.run("sources")["publisher"])


def chart_caption(ctx) -> str:
    """The caption every chart carries (on screen and in its PNG): period, actors, source, data version, link."""
    return wording.chart_caption(
        period_text(ctx.view),
        actors_text(ctx.view, ctx.actor_names, ctx.actor_meaning),
        credit(),
        str(ctx.meta.get("data_version")),
        link(ctx.view),
    )


def footer(ctx) -> None:
    """Under every page: cite and embed blocks (or, embedded, a credit line and a way back), sources, version."""
    view, meta = ctx.view, ctx.meta
    if view.embed:
        full = view.replace(embed=False).url(base_url())
        st.caption(_("{credit} — [open the full dashboard]({url})").format(credit=escape_markdown(credit()), url=full))
        return
    now = dt.datetime.now(dt.timezone.utc).replace(second=0, microsecond=0)
    pinned = view.replace(as_of=now)  # the link names when it was made: corrections since are announced
    with st.expander(_("Cite this view or embed it in an article"), icon=":material/format_quote:"):
        st.caption(_("Cite this view (copy with the button at the block's top right):"))
        st.code(
            export.citation(link(pinned), meta.get("data_version"), now, credit(), ctx.page.label),
            language=None,
            wrap_lines=True,
        )
        st.caption(_("Embed code for this view (paste it into your article's HTML):"))
        st.code(
            export.iframe_snippet(pinned.url(base_url(), embed=True), f"{APP_NAME}: {ctx.page.label}"),
            language="html",
            wrap_lines=True,
        )
    st.divider()
    parts = []
    for row in store.run("sources").itertuples():
        label = f"{escape_markdown(row.publisher)}: {escape_markdown(row.title)}"
        url = safe_url(row.url)
        parts.append(f"[{label}]({url})" if url else label)
    last = meta.get("last_update")
    st.caption(
        _("**Sources:** {sources}").format(sources="; ".join(parts))
        + "  \n"
        + _("**Last update:** {day} · **Data version:** `{version}`").format(
            day=wording.day_text(pd.Timestamp(last), i18n.MONTH_FORM), version=escape_markdown(meta.get("data_version")))
        + f"  \n{escape_markdown(_(LICENCE_NOTE))}"
    )


def download_csv(ctx, rows, name: str, label: str | None = None) -> None:
    """A download button for exactly the filtered rows (a DataFrame, or a function giving one) behind a view.

    `label` is already in the reader's language (wrap it in `_()`); the file name stays in English, like the
    CSV's column names, so scripts that read downloads work in every language.
    """
    if ctx.embed:
        return
    version = ctx.meta.get("data_version")
    # Built only when clicked: a million-row export must not slow every rerun.
    st.download_button(
        label or _("Download these rows (CSV)"),
        data=lambda: export.to_csv(rows() if callable(rows) else rows, version),
        file_name=f"conflictdesk-{name}-{version}.csv",
        mime="text/csv",
        icon=":material/download:",
        key=f"download-{name}",
        on_click="ignore",
        help=_("Exactly the rows that pass the filters, with their source ids and the data version."),
    )
