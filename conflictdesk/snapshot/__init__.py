"""Static snapshots of a view: a self-contained folder any static host or CDN can serve.

    index.html        the view: title, filters in words, charts (interactive plotly), the map as a static
                      figure, cards and tables as HTML, credit, data version; opens with no server, no network
    plotly.min.js     the plotly.js shipped in the plotly package, loaded by index.html from beside it
    data/NAME.csv     the rows behind each element, as the CSV downloads (spreadsheet-ready)
    data/NAME.json    the same rows as JSON
    images/NAME.svg|png  each chart as an image (with --images: needs kaleido and Chromium)
    citation.json     view URL, page, filters, data version, time, credit, licence, source ids

Built from the same view models, queries and builders as the pages (sections.py). `run` and `fetch` are
named-query runners: store.run/store.fetch in the app, `local_runner()` on the command line.
"""

import datetime as dt
import io
import json
import os
import shutil
import warnings
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd
import plotly

from conflictdesk import export, urlparams
from conflictdesk.captions import (
    APP_NAME, LICENCE_NOTE, actors_text, filter_caption, full_credit, period_text, restricted_notice,
)
from conflictdesk.models.corrections import annotate
from conflictdesk.i18n import _
from conflictdesk.sitemap import PAGES_BY_PATH, page_at
from conflictdesk.snapshot.page import PLOTLY_FILE, Page, document
from conflictdesk.snapshot.sections import ACTOR_MEANINGS, BUILDERS
from conflictdesk.view import View
from conflictdesk import wording

PLOTLY_JS = Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"


def local_runner():
    """A named-query runner over the data the app would serve ($CONFLICTDESK_DB, else the data folder)."""
    from conflictdesk.cache import open_built, open_data
    from conflictdesk.load import data_dir
    from conflictdesk.queries import run_query

    db = os.environ.get("CONFLICTDESK_DB")
    con = open_built(Path(db)) if db else open_data(data_dir())
    return lambda name, **params: run_query(con, name, **params)


def view_from_url(url: str, run) -> tuple[View, list[str]]:
    """The View a page URL names (its last path segment is the page, e.g. …/casualties?period=…), with a
    notice per parameter that could not be used; raises ValueError when the path is not a page."""
    path = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1] or "overview"
    if path not in PAGES_BY_PATH:
        raise ValueError(f"{url!r} is not a page of the dashboard (its path must end in one of: "
                         f"{', '.join(PAGES_BY_PATH)})")
    span_row = run("date_span").iloc[0]
    span = (pd.Timestamp(span_row["first_date"]).date(), pd.Timestamp(span_row["last_date"]).date())
    query = {name: values for name, values in export.query_from_url(url).items() if name != "embed"}
    return urlparams.parse(query, path, span, run("actors")["actor_id"].tolist())


def build(view: View, url: str, run, fetch, notices: list[str] = ()) -> tuple[str, Page, dict]:
    """The snapshot of a view: index.html text, the page built (figures and rows) and the citation."""
    page = page_at(view.page)
    meta = run("data_meta").iloc[0].to_dict()
    version = str(meta.get("data_version"))
    names = dict(zip(*[run("actors")[c] for c in ("actor_id", "name")]))
    meaning = ACTOR_MEANINGS.get(view.page, "involving")
    sources = run("sources")
    credit = full_credit(sources)  # every publisher, and each dataset's credit and licence (newsroom rule 6)
    caption = wording.chart_caption(period_text(view), actors_text(view, names, meaning), credit, version, url)
    body = Page()
    BUILDERS[view.page](body, view, run, fetch, caption, lambda part: view.part in (None, part))
    banners = list(notices)
    if restricted_notice(sources):
        banners.insert(0, restricted_notice(sources))
    if meta.get("has_synthetic"):
        banners.insert(0, _("Synthetic data is loaded. Some rows come from a generated benchmark source, not "
                            "from reporting. Do not quote them."))
    made = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    footer = [*credit.splitlines(), _("Data version {version} · snapshot made {time}").format(
                  version=version, time=made.strftime("%Y-%m-%d %H:%M UTC")),
              _("Sources: {list}").format(list="; ".join(f"{p}: {t}" for p, t in zip(sources["publisher"],
                                                                                  sources["title"]))),
              LICENCE_NOTE]
    title = f"{APP_NAME}: {page.title}"
    html = document(title, filter_caption(view, meaning, names), body, footer, url, banners)
    citation = {
        "title": title, "url": url, "page": view.page, "part": view.part, "query": view.query(),
        "filters": filter_caption(view, meaning, names), "data_version": version,
        "created": made.isoformat().replace("+00:00", "Z"), "credit": credit, "licence": LICENCE_NOTE,
        "sources": [{"source_id": s, "publisher": p, "title": t, "url": u} for s, p, t, u in
                    zip(*(sources[c].astype(object).where(sources[c].notna(), None)  # JSON null, never NaN
                          for c in ("source_id", "publisher", "title", "url")))],
        "files": {name: [f"data/{name}.csv", f"data/{name}.json"] for name in body.rows},
    }
    return html, body, citation


def files(view: View, url: str, run, fetch, notices: list[str] = ()) -> tuple[dict[str, bytes], Page]:
    """Every file of the snapshot (relative path → bytes) but the images, and the page built."""
    html, body, citation = build(view, url, run, fetch, notices)
    out = {"index.html": html.encode("utf-8"), PLOTLY_FILE: PLOTLY_JS.read_bytes(),
           "citation.json": json.dumps(citation, ensure_ascii=False, indent=1, default=str, allow_nan=False).encode("utf-8")}
    notes = run("correction_notes")
    for name, rows in body.rows.items():
        rows = annotate(rows, notes)  # each row's corrections, as in the downloads
        out[f"data/{name}.csv"] = export.to_csv(rows, citation["data_version"], " · ".join(citation["credit"].splitlines()))
        out[f"data/{name}.json"] = export.to_json(rows, citation["data_version"], url, citation["credit"])
    return out, body


def images(body: Page, width: int = 700) -> dict[str, bytes]:
    """Each figure as SVG and PNG (2× scale), `width` px wide, through kaleido, which drives a local Chromium
    ($BROWSER_PATH, else the chromium on the PATH)."""
    import kaleido
    import plotly.io as pio

    os.environ.setdefault("BROWSER_PATH", shutil.which("chromium") or shutil.which("chromium-browser") or "")
    out = {}
    kaleido.start_sync_server(silence_warnings=True)  # one browser for every image, not one per image
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="The kopts argument is ignored")
            for name, figure in body.figures:
                out[f"images/{name}.svg"] = pio.to_image(figure, format="svg", width=width)
                out[f"images/{name}.png"] = pio.to_image(figure, format="png", width=width, scale=2)
    finally:
        kaleido.stop_sync_server()
    return out


def write_snapshot(url: str, out_dir: Path, run=None, fetch=None, with_images: bool = False) -> dict:
    """Write the snapshot of the page URL into `out_dir` (created; files of an earlier snapshot replaced);
    returns the citation. Raises ValueError when the URL is not a page."""
    run = run or local_runner()
    fetch = fetch or run
    view, notices = view_from_url(url, run)
    content, body = files(view, url, run, fetch, notices)
    if with_images:
        content.update(images(body))
    out_dir = Path(out_dir)
    for relative, data in content.items():
        target = out_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return json.loads(content["citation.json"])


def zip_bytes(url: str, view: View, run, fetch) -> bytes:
    """The snapshot of a view as a .zip of one folder (no images: those need kaleido; the charts' toolbar
    saves PNGs), for the "Download this view" button."""
    content, _body = files(view.replace(embed=False), url, run, fetch)
    folder = f"conflictdesk-{view.page}"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for relative, data in content.items():
            archive.writestr(f"{folder}/{relative}", data)
    return buffer.getvalue()
