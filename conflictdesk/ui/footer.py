"""What closes every page: downloads, the cite-and-embed block, sources, data version and licence note.

Embedded (`embed=true`), a page closes with a compact footer instead (source, credit, data version, "open the
full dashboard") and reports its height to the article, which sizes its frame with export.RESIZE_SCRIPT.
"""

import datetime as dt
import os
import weakref

import pandas as pd

import streamlit as st

from conflictdesk import export, i18n, store
from conflictdesk import wording
from conflictdesk.captions import APP_NAME, CHART_TABLES, LICENCE_NOTE, VIEW_TABLES, actors_text, full_credit, period_text, restricted_notice
from conflictdesk.models.corrections import annotate
from conflictdesk.i18n import _
from conflictdesk.text import escape_markdown, safe_url
from conflictdesk.view import View, site_base

WHOLE_PAGE = ""  # the embed-part choice for the whole page


def base_url() -> str:
    """The dashboard's base address from the browser's scheme and host and the configured base path."""
    return site_base(st.context.url, st.get_option("server.baseUrlPath") or "", os.environ.get("CONFLICTDESK_PUBLIC_URL"))


def link(view: View) -> str:
    """An in-app link to a view, absolute, built from the page registry and the base address."""
    return view.url(base_url())


def credit(chart: str | None = None) -> str:
    """The credit line for the data loaded: every publisher via Conflict Desk, then each dataset's credit with its
    version, licence and what was changed (UCDP's CC BY 4.0 asks for all three): captions.full_credit; with
    `chart` (a key of captions.CHART_TABLES), only the publishers of the tables that chart draws."""
    return full_credit(store.run("sources"), CHART_TABLES.get(chart, ()))


_told: dict[int, weakref.ref] = {}  # id -> the page runs (contexts) whose downloads already carry the notice


def view_credit(view: View) -> str:
    """The credit of an embedded view: the publishers of the tables it shows (captions.VIEW_TABLES), else all."""
    return full_credit(store.run("sources"), VIEW_TABLES.get((view.page, view.part), ()))


def restricted(ctx=None) -> None:
    """Before a download or an embed: say so while a source's terms restrict redistribution (ACLED); once per page
    run for the downloads (`ctx`), always in the cite-and-embed block."""
    notice = restricted_notice(store.run("sources"))
    if not notice:
        return
    if ctx is not None:
        known = _told.get(id(ctx))
        if known is not None and known() is ctx:
            return
        for key in [key for key, ref in _told.items() if ref() is None]:
            del _told[key]
        _told[id(ctx)] = weakref.ref(ctx)
    st.warning(escape_markdown(notice), icon=":material/gpp_maybe:")


def chart_caption(ctx, chart: str | None = None) -> str:
    """The caption every chart carries (on screen and in its PNG): period, actors, source, data version, link.
    `chart`: which chart (see credit), so it credits the publishers of what it draws, not every one loaded."""
    return wording.chart_caption(
        period_text(ctx.view),
        actors_text(ctx.view, ctx.actor_names, ctx.actor_meaning),
        credit(chart),
        str(ctx.meta.get("data_version")),
        link(ctx.view),
    )


def part_titles() -> dict[str, str]:
    """Each embeddable part (sitemap `parts`) in words, for the embed-code choice and the frame's title."""
    return {
        "headline": _("Headline figures"), "timeline": _("Timeline"), "statements": _("Statements"),
        "map": _("Map"), "strike": _("Strike card"), "totals": _("Totals"), "tolls": _("Latest toll per strike"),
        "history": _("How the tolls changed"), "window": _("Truce window chart"), "claims": _("Claims of violations"),
        "weeks": _("Attacks per week"), "nights": _("Attacks per night"), "reports": _("Air-attack reports"),
    }


def frame_title(page_title: str, part: str | None) -> str:
    """The iframe's `title` (read by screen readers): the app, the page and the part shown."""
    if part:
        return _("{app}: {page} — {part}").format(app=APP_NAME, page=page_title, part=part_titles().get(part, part))
    return _("{app}: {page}").format(app=APP_NAME, page=page_title)


def embed_footer(ctx) -> None:
    """The embed view's footer: source and credit, data version, and a way back to the full dashboard."""
    full = ctx.view.replace(embed=False).url(base_url())
    # Pinned to the frame's bottom edge (setup.EMBED_CSS): in a frame shorter than the view, the credit stays seen.
    with st.container(key="embed-footer"):
        st.caption(
            _("{credit} · Data version {version} · [open the full dashboard]({url})").format(
                credit=escape_markdown(view_credit(ctx.view)), version=escape_markdown(ctx.meta.get("data_version")),
                url=full,
            )
        )
    from conflictdesk.ui.setup import report_height

    report_height()


def footer(ctx) -> None:
    """Under every page: cite and embed blocks (or, embedded, the compact footer), sources, version."""
    view, meta = ctx.view, ctx.meta
    if view.embed:
        embed_footer(ctx)
        return
    now = dt.datetime.now(dt.timezone.utc).replace(second=0, microsecond=0)
    pinned = view.replace(as_of=now)  # the link names when it was made: corrections since are announced
    # A popover, not an expander: an expander mounts its code blocks while closed, which loads Streamlit's 1.5 MB
    # code highlighter before the first chart is drawn (bench/README.md, "The first chart").
    with st.popover(_("Cite this view or embed it in an article"), icon=":material/format_quote:", width="stretch"):
        restricted()
        st.caption(_("Cite this view (copy with the button at the block's top right; on a touch screen, tap the block first):"))
        st.code(
            export.citation(link(pinned), meta.get("data_version"), now, credit(), ctx.page.label),
            language=None,
            wrap_lines=True,
        )
        part = embed_block(ctx, pinned)
        snapshot_button(ctx, pinned.replace(part=part or None))  # the part chosen to embed, or the whole page
    st.divider()
    parts = []
    for row in store.run("sources").itertuples():
        label = escape_markdown(row.title)
        if isinstance(row.publisher, str) and row.publisher.strip():  # a source may name no publisher
            label = f"{escape_markdown(row.publisher)}: {label}"
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


def embed_block(ctx, pinned: View) -> str:
    """The embed code of the whole page or of one part (a chart, the map, a card), sized to its content; returns
    the part chosen (WHOLE_PAGE for the page)."""
    choices = [WHOLE_PAGE, *ctx.page.parts]
    current = ctx.view.part if ctx.view.part in choices else WHOLE_PAGE
    titles = part_titles()
    part = WHOLE_PAGE
    if ctx.page.parts:
        part = st.selectbox(
            _("What to embed"), choices, index=choices.index(current), key=f"embed-part-{ctx.page.path}",
            # Labels made now, in this run's language (AppTest and Streamlit may call format_func elsewhere).
            format_func={p: _("The whole page") if p == WHOLE_PAGE else titles.get(p, p) for p in choices}.get,
        )
    st.caption(_("Embed code (paste it into your article's HTML; the frame takes the height of what it shows):"))
    shown = pinned.replace(part=part or None)
    st.code(
        export.embed_code(shown.url(base_url(), embed=True), frame_title(ctx.page.label, part or None)),
        language="html",
        wrap_lines=True,
    )
    return part


def snapshot_button(ctx, pinned: View) -> None:
    """"Download this view": the static snapshot folder (index.html, data, citation) as a .zip, built on click."""
    from conflictdesk import snapshot

    version = ctx.meta.get("data_version")
    address = pinned.url(base_url())  # now: the click's callback runs without the browser's address
    st.download_button(
        _("Download this view (static page, .zip)"),
        data=lambda: snapshot.zip_bytes(address, pinned, run=store.run, fetch=store.fetch),
        file_name=f"conflictdesk-{ctx.page.path}-{version}.zip",
        mime="application/zip",
        icon=":material/folder_zip:",
        key="download-snapshot",
        on_click="ignore",
        help=_("A folder that opens with no server and no network: index.html with the charts, the rows as CSV "
               "and JSON, and citation.json. Put it on any static host."),
    )


def download_csv(ctx, rows, name: str, label: str | None = None) -> None:
    """Download buttons (CSV for spreadsheets, JSON for developers) for exactly the filtered rows (a DataFrame,
    or a function giving one) behind a view; none in the embed view."""
    if ctx.embed:
        return
    version = ctx.meta.get("data_version")
    address, credited = link(ctx.view), credit()  # now: the click's callback runs without the browser's address

    def table() -> pd.DataFrame:
        return rows() if callable(rows) else rows

    restricted(ctx)
    text = " · ".join(credit().splitlines())
    spreadsheet, developers = st.columns([3, 2])
    # Built only when clicked: a million-row export must not slow every rerun.
    spreadsheet.download_button(
        label or _("Download these rows (CSV)"),
        data=lambda: export.to_csv(annotate(table(), store.run("correction_notes")), version, text),
        file_name=f"conflictdesk-{name}-{version}.csv",
        mime="text/csv",
        icon=":material/download:",
        key=f"download-{name}",
        on_click="ignore",
        help=_("Exactly the rows that pass the filters, with their source ids, their corrections and the data "
               "version; UTF-8 for spreadsheets, lists joined with “; ”."),
    )
    developers.download_button(
        _("Same rows as JSON"),
        data=lambda: export.to_json(annotate(table(), store.run("correction_notes")), version, address, credited),
        file_name=f"conflictdesk-{name}-{version}.json",
        mime="application/json",
        icon=":material/data_object:",
        key=f"download-{name}-json",
        on_click="ignore",
        help=_("The same rows for developers: lists kept as lists, with the data version, the view and its source ids."),
    )
