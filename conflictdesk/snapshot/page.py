"""A snapshot page as HTML: every text from the data escaped, charts as plotly divs over a local plotly.js.

Blocks are collected in order by the section builders (sections.py) and joined into one index.html that
needs no server and no network: plotly.min.js sits beside it, nothing else is loaded.
"""

import html
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from conflictdesk.charts import chart_config
from conflictdesk.i18n import _
from conflictdesk.text import safe_url

PLOTLY_FILE = "plotly.min.js"
STYLE = """
body{font-family:"Source Sans Pro",Arial,sans-serif;color:#262730;margin:0 auto;max-width:960px;padding:12px;
line-height:1.45}
h1{font-size:1.6rem;margin:0.2rem 0}h2{font-size:1.25rem;margin:1.4rem 0 0.4rem}h3{font-size:1.05rem;margin:0.6rem 0}
.muted{color:#555;font-size:0.9rem}.card{border:1px solid #ddd;border-radius:8px;padding:8px 12px;margin:8px 0}
.metric{display:inline-block;min-width:150px;margin:0 24px 8px 0;vertical-align:top}
.metric b{display:block;font-size:1.6rem}.chart{width:100%;margin:8px 0}
.banner{background:#fff3cd;border-radius:6px;padding:8px 12px}
table{border-collapse:collapse;font-size:0.85rem;display:block;overflow-x:auto;max-width:100%}
td,th{border:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}
blockquote{margin:6px 0;padding-left:10px;border-left:3px solid #ccc}
ul.plain{list-style:none;padding-left:0}
footer{border-top:1px solid #ddd;margin-top:24px;padding-top:8px}
"""


def esc(text) -> str:
    """Text from anywhere as HTML text: escaped, None as empty."""
    return html.escape("" if text is None else str(text), quote=True)


@dataclass
class Page:
    """The body of a snapshot being built: HTML blocks in order, the figures drawn and the rows behind them."""

    blocks: list[str] = field(default_factory=list)
    figures: list[tuple[str, go.Figure]] = field(default_factory=list)
    rows: dict[str, pd.DataFrame] = field(default_factory=dict)

    def heading(self, text, level: int = 2) -> None:
        """A section heading."""
        self.blocks.append(f"<h{level}>{esc(text)}</h{level}>")

    def text(self, text, muted: bool = False, strong: bool = False) -> None:
        """A paragraph of plain text (from the data or the app), escaped."""
        inner = f"<b>{esc(text)}</b>" if strong else esc(text)
        self.blocks.append(f'<p class="muted">{inner}</p>' if muted else f"<p>{inner}</p>")

    def banner(self, text) -> None:
        """A notice the reader must see (synthetic data, a link that could not be followed)."""
        self.blocks.append(f'<p class="banner">{esc(text)}</p>')

    def metrics(self, items: list[tuple[str, str, str]]) -> None:
        """Headline figures: (label, value, sentence under it)."""
        cells = "".join(f'<div class="metric">{esc(label)}<b>{esc(value)}</b><span class="muted">{esc(note)}</span>'
                        f"</div>" for label, value, note in items)
        self.blocks.append(f"<div>{cells}</div>")

    def listing(self, lines: list[str]) -> None:
        """A plain list."""
        self.blocks.append("<ul class=\"plain\">" + "".join(f"<li>{esc(line)}</li>" for line in lines) + "</ul>")

    def card(self, lines: list[tuple[str, str]]) -> None:
        """A bordered card of (kind, text) lines: kind is "strong", "quote", "muted", "link" (text = URL) or ""."""
        parts = []
        for kind, text in lines:
            if kind == "strong":
                parts.append(f"<p><b>{esc(text)}</b></p>")
            elif kind == "quote":
                parts.append(f"<blockquote>{esc(text)}</blockquote>")
            elif kind == "muted":
                parts.append(f'<p class="muted">{esc(text)}</p>')
            elif kind == "link":
                url = safe_url(text)
                parts.append(f'<p class="muted"><a href="{esc(url)}">{esc(text)}</a></p>' if url else "")
            else:
                parts.append(f"<p>{esc(text)}</p>")
        self.blocks.append('<div class="card">' + "".join(parts) + "</div>")

    def table(self, frame: pd.DataFrame) -> None:
        """A table, every cell escaped."""
        self.blocks.append(frame.to_html(index=False, escape=True, na_rep="", border=0))

    def figure(self, figure: go.Figure, name: str) -> None:
        """A plotly chart, interactive, with its toolbar's camera saving a PNG named `name`."""
        self.figures.append((name, figure))
        div = pio.to_html(figure, full_html=False, include_plotlyjs=False, config=chart_config(name),
                          div_id=f"chart-{len(self.figures)}", default_width="100%")
        self.blocks.append(f'<div class="chart" data-chart="{esc(name)}">{div}</div>')


def document(title: str, filters: str, body: Page, footer_lines: list[str], live_url: str, banners: list[str]) -> str:
    """The whole index.html: title, filters in words, notices, the body and a footer (credit, version, sources)."""
    live = safe_url(live_url)
    back = (f'<p><a href="{esc(live)}">{esc(_("Open this view in the live dashboard"))}</a></p>' if live else "")
    notices = "".join(f'<p class="banner">{esc(text)}</p>' for text in banners)
    foot = "".join(f'<p class="muted">{esc(line)}</p>' for line in footer_lines)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>{esc(title)}</title><style>{STYLE}</style>"
        f'<script charset="utf-8" src="{PLOTLY_FILE}"></script></head><body>'
        f"<header><h1>{esc(title)}</h1><p class=\"muted\" id=\"filters\">{esc(filters)}</p>{notices}</header>"
        f"<main>{''.join(body.blocks)}</main>"
        f"<footer id=\"credit\">{foot}{back}</footer></body></html>\n"
    )
