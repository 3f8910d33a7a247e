"""What every chart shares: colours, fonts, text fitted to a phone, the title and caption a PNG carries.

Charts are laid out in pixels for the narrowest screen they must read on (PHONE_WIDTH): plotly cannot
reflow text, so labels, titles and captions are wrapped here to a width that fits 390 px, and placed
at fixed pixel offsets (yshift) that do not move with the chart's height.
"""

import textwrap

import pandas as pd
import plotly.graph_objects as go

from conflictdesk import i18n
from conflictdesk.i18n import N_, _
from conflictdesk.text import clip, escape_html

# Okabe–Ito: distinguishable with the common forms of colour blindness.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "grey": "#999999",
    "black": "#000000",
}
SERIES_COLOURS = [OKABE_ITO[name] for name in ("blue", "vermillion", "green", "orange", "purple", "sky_blue", "black")]
FONT = dict(family="Source Sans Pro, Arial, sans-serif", size=13, color="#262730")
MUTED = "#555555"
GRID = "#eeeeee"
DAY = pd.Timedelta(days=1)

PHONE_WIDTH = 390  # px: the narrowest screen a chart is laid out for (iPhone 12–15)
LABEL_CHARS = 44  # characters of 13 px text per line that fit a chart 390 px wide, with wide letters
CAPTION_CHARS = 52  # the same for the 11 px caption
LABEL_LINES = 3  # a label longer than this many lines is cut with "…"; the hover and the list keep it whole
CAPTION_LINES = 3  # per caption line: a very long actor name cannot push the chart off the image
HOVER_CHARS = 60  # hover boxes wrap here …
HOVER_LIMIT = 600  # … and stop here: a 3,000-character word makes a box the size of the text, not of a page
LINE_PX = 17  # one line of 13 px text
CAPTION_LINE_PX = 15  # one line of 11 px text
AXIS_PX = 40  # below the plot: two lines of date ticks ("13 Apr" over "2025") or one line of numbers


def wrap_lines(text, width: int = LABEL_CHARS, lines: int = LABEL_LINES) -> list[str]:
    """Plain text wrapped to `width` characters a line (long words broken), at most `lines` lines, the
    last ending in "…" when cut. Not escaped."""
    text = " ".join(str(text or "").split())
    if len(text) <= width:  # most labels: no wrapping to do
        return [text]
    wrapped = textwrap.wrap(text, width=width, break_long_words=True, break_on_hyphens=False) or [""]
    if len(wrapped) > lines:
        last = wrapped[lines - 1]
        wrapped = wrapped[: lines - 1] + [(last if len(last) < width else last[: width - 1]) + "…"]
    return wrapped


def label_html(text, width: int = LABEL_CHARS, lines: int = LABEL_LINES) -> str:
    """Text from the data as a plotly label: wrapped, cut to `lines` lines, escaped, lines joined by <br>."""
    return "<br>".join(escape_html(line) for line in wrap_lines(text, width, lines))


def hover_html(*parts: str, bold_first: bool = False) -> str:
    """A hover box from plain-text parts, one or more lines each: escaped, wrapped at HOVER_CHARS and cut
    at HOVER_LIMIT characters in all (the full text is in the chart's list or table)."""
    lines, left = [], HOVER_LIMIT
    for index, part in enumerate(p for p in parts if p):
        text = clip(str(part), max(left, 2))
        left -= len(text)
        html = label_html(text, HOVER_CHARS, lines=HOVER_LIMIT // HOVER_CHARS)
        lines.append(f"<b>{html}</b>" if bold_first and index == 0 else html)
        if left <= 1:
            break
    return "<br>".join(lines)


def text_height(lines: int, line_px: int = LINE_PX) -> int:
    """Pixels taken by `lines` lines of text."""
    return lines * line_px


def frame(figure: go.Figure, plot_px: int, title: str = "", caption: str = "", note: str = "",
          top_px: int = 0, axis_px: int = AXIS_PX, left_px: int = 10,
          labels: list[dict] | None = None) -> None:
    """Size the figure around a plot area `plot_px` tall and put the title above it, then `note` (what the
    chart's marks mean) and `caption` (period, actors, source, credit, data version: one per line) below
    its axis, all wrapped to fit a phone and at fixed pixel offsets, so nothing overlaps at any width and a
    PNG from the toolbar carries them. `top_px` is room the chart needs above its plot (a legend), `left_px`
    room for a y axis's numbers; `labels` the chart's own annotations (dicts), added in the same step.
    Margins are fixed (no automargin), so they are the same on screen and in a PNG."""
    title_lines = [label_html(line, LABEL_CHARS, 2) for line in str(title or "").splitlines() if line.strip()]
    foot = [(label_html(line, CAPTION_CHARS, CAPTION_LINES), MUTED)
            for line in str(note or "").splitlines() if line.strip()]
    foot += [(label_html(line, CAPTION_CHARS, CAPTION_LINES), MUTED)
             for line in str(caption or "").splitlines() if line.strip()]
    title_px = sum(text_height(t.count("<br>") + 1) for t in title_lines) + (8 if title_lines else 0)
    foot_px = sum(CAPTION_LINE_PX * (t.count("<br>") + 1) for t, _ in foot) + 6 * len(foot)
    top = 10 + title_px + top_px
    bottom = axis_px + foot_px + 10
    if i18n.language() != i18n.DEFAULT:
        figure.layout.separators = _(SEPARATORS)
    # Plain assignment: update_layout re-validates every annotation and costs a tenth of a second a chart.
    figure.layout.height = top + plot_px + bottom
    figure.layout.margin = dict(l=left_px, r=14, t=top, b=bottom, autoexpand=False)
    notes = list(figure.layout.annotations or ()) + list(labels or ())
    shift = top - 10
    for index, text in enumerate(title_lines):
        shift -= text_height(text.count("<br>") + 1)
        notes.append(dict(text=f"<b>{text}</b>" if index == 0 else text, xref="paper", yref="paper", x=0, y=1,
                          xanchor="left", yanchor="bottom", xshift=10 - left_px, yshift=shift, showarrow=False,
                          align="left", font=dict(size=14 if index == 0 else 12), name="title"))
    shift = -axis_px
    for text, colour in foot:
        notes.append(dict(text=text, xref="paper", yref="paper", x=0, y=0, xanchor="left", yanchor="top",
                          xshift=10 - left_px, yshift=shift, showarrow=False, align="left",
                          font=dict(size=11, color=colour), name="caption"))
        shift -= CAPTION_LINE_PX * (text.count("<br>") + 1) + 6
    figure.layout.annotations = notes


# plotly's (d3's) date pattern for the time axis, per language: plotly.js names months only in English, so
# other languages write the day as numbers ("13.04" over "2025").
AXIS_DAY = N_("%-d %b<br>%Y")
# TRANSLATORS: not shown. plotly's decimal and thousands separators for this language (".," in English).
SEPARATORS = N_(".,")


def date_axis(start, end) -> dict:
    """A time axis that reads on a phone: day and month over the year, never rotated, a few ticks, one a
    day at most on short spans (so plotly does not label the same day every six hours)."""
    axis = dict(type="date", tickformat=_(AXIS_DAY), tickangle=0, nticks=6, showgrid=True, gridcolor=GRID,
                automargin=False, ticks="outside", ticklen=4)
    if start is not None and end is not None and not pd.isna(start) and not pd.isna(end):
        axis["range"] = [pd.Timestamp(start), pd.Timestamp(end)]
        if pd.Timestamp(end) - pd.Timestamp(start) <= pd.Timedelta(days=6):
            axis["dtick"] = 86400000
    return axis


def chart_config(name: str = "conflict-desk-chart") -> dict:
    """The `config` for st.plotly_chart: the toolbar's camera saves a sharp PNG named for the chart, at the size
    the chart has on screen (width and height null: plotly.js otherwise redraws it 700 px wide), so the image
    is laid out as the reader sees it, title and caption included; no logo."""
    return {"displaylogo": False,
            "toImageButtonOptions": {"format": "png", "filename": name, "width": None, "height": None, "scale": 2}}


def add_caption(figure: go.Figure, caption: str) -> None:
    """Put the caption under a chart that already has its size, so a downloaded PNG says where it comes from."""
    layout = figure.layout
    plot_px = (layout.height or 450) - (layout.margin.t or 0) - (layout.margin.b or 0)
    frame(figure, max(int(plot_px), 100), caption=caption)
