"""A truce's window and each side's claims of violations on one time axis, side by side, never summed.

Each row is named above its line across the chart's whole width (the y axis is in pixels from the top), so
a long actor name wraps instead of squeezing the plot, and a phone shows every label whole.
"""

import pandas as pd
import plotly.graph_objects as go

from conflictdesk.charts.style import (
    DAY, FONT, LINE_PX, OKABE_ITO, SERIES_COLOURS, date_axis, frame, hover_html, label_html,
)
from conflictdesk.i18n import N_, _
from conflictdesk.text import escape_html
from conflictdesk.wording import UNATTRIBUTED, blank, counted_text, date_text, figure_label, name_text, span_text, status_text

LINE_ROW_PX = 22  # the line or point under a row's label
ROW_GAP_PX = 12


def _claim_span(claim) -> tuple[pd.Timestamp, pd.Timestamp | None]:
    """Where a claim sits on the time axis: its counted period, else the day it was reported."""
    start, end, reported = claim.get("period_start"), claim.get("period_end"), claim.get("reported_on")
    if not blank(start) and not blank(end):
        return pd.Timestamp(start), pd.Timestamp(end) + DAY
    if not blank(start):
        later = not blank(reported) and pd.Timestamp(reported) > pd.Timestamp(start)
        return pd.Timestamp(start), pd.Timestamp(reported) if later else None
    if not blank(end):
        return pd.Timestamp(end), None
    return pd.Timestamp(reported), None


def truce_window_figure(truce, claims: pd.DataFrame, caption: str = "", title: str = "") -> go.Figure:
    """A truce's window (a truces_in_period row) as a band on a time axis, and each claim (truce_claims rows)
    on its own row over the period it counted, labelled with its claimant, accused and own phrase.

    Claims are drawn side by side, never added up. An open end is an arrow; a claim with no counted period is
    a point on the day it was reported.
    """
    truce = dict(truce)
    start = pd.Timestamp(truce["start_date"])
    end = None if blank(truce.get("end_date")) else pd.Timestamp(truce["end_date"]) + DAY
    claims = claims.to_dict("records") if isinstance(claims, pd.DataFrame) else list(claims)
    spans = [_claim_span(claim) for claim in claims]
    moments = [start] + ([end] if end is not None else [])
    moments += [t for s, e in spans for t in (s, e) if t is not None]
    moments += [pd.Timestamp(c["reported_on"]) for c in claims if not blank(c.get("reported_on"))]
    axis_start, axis_end = min(moments) - DAY, max(moments) + DAY
    band_end = end if end is not None else axis_end
    figure = go.Figure()
    figure.add_shape(
        type="rect", xref="x", yref="paper", x0=start, x1=band_end, y0=0, y1=1,
        fillcolor=OKABE_ITO["green"], opacity=0.15, line_width=0, layer="below", name="truce window",
    )
    labels, top = [], 0

    def label(text: str, colour: str, figure_words: str = "") -> float:
        """Put a row's label (and its figure on lines of its own) at the current top; return the y of its line."""
        nonlocal top
        html = label_html(text, lines=2) + (f"<br><b>{label_html(figure_words, lines=2)}</b>" if figure_words else "")
        labels.append(dict(text=html, x=0, xref="paper", y=top, yref="y", xanchor="left", yanchor="top",
                           showarrow=False, align="left", font=dict(size=13, color=colour), name="label"))
        top += LINE_PX * (html.count("<br>") + 1) + LINE_ROW_PX + ROW_GAP_PX
        return top - ROW_GAP_PX - LINE_ROW_PX / 2

    name = name_text(truce.get("name"), N_("Truce"))
    window = span_text(start, None if end is None else end - DAY)
    precision = truce.get("start_precision")
    if not blank(precision) and precision != "day":  # a start the source dates only to a week or month
        window = window.replace(date_text(start), date_text(start, precision), 1)
    declared = name_text(truce.get("declared_by_name"))
    y = label(_("Truce window: {window}").format(window=window), "#00664a")
    figure.add_trace(go.Scatter(
        x=[start, band_end], y=[y, y], mode="lines+markers", name=_("Truce window"),
        line=dict(color=OKABE_ITO["green"], width=10),
        marker=dict(symbol=["line-ns-open", "line-ns-open" if end is not None else "arrow-right"], size=16,
                    color=OKABE_ITO["green"], line=dict(width=2)),
        text=[escape_html(window), ""],
        hovertext=[hover_html(name, _("declared by {actor}").format(actor=declared), window, bold_first=True)] * 2,
        hoverinfo="text",
        cliponaxis=False, showlegend=False,
    ))
    colours: dict[str, str] = {}
    for claim, (span_start, span_end) in zip(claims, spans):
        claimant = name_text(claim.get("claimant_name"), UNATTRIBUTED)
        colour = colours.setdefault(claimant, SERIES_COLOURS[len(colours) % len(SERIES_COLOURS)])
        phrase = figure_label(claim.get("count"), claim.get("count_qualifier"), claim.get("count_phrase"))
        accused = name_text(claim.get("accused_name"))
        period = counted_text(claim.get("period_start"), claim.get("period_end"), claim.get("reported_on"))
        claimed = _("Claimed by {claimant} against {accused}:").format(claimant=claimant, accused=accused)
        y = label(claimed, colour, phrase)
        xs = [span_start] if span_end is None else [span_start, span_end]
        open_end = span_end is not None and blank(claim.get("period_end"))
        hover = hover_html(f"{claimed} {phrase}", period,
                           _("{status}; reported {day}").format(
                               status=status_text(claim.get("status"), claim.get("claimant_name")),
                               day=date_text(claim.get("reported_on"))), bold_first=True)
        figure.add_trace(go.Scatter(
            x=xs, y=[y] * len(xs), mode="lines+markers", name=escape_html(_("Claimed by {claimant}").format(claimant=claimant)),
            line=dict(color=colour, width=6, dash="dot" if open_end else "solid"),
            marker=dict(symbol=["circle"] + (["arrow-right" if open_end else "line-ns-open"] if len(xs) == 2 else []),
                        size=13, color=colour, line=dict(width=2, color=colour)),
            text=[escape_html(_("{figure} — against {accused}").format(figure=phrase, accused=accused))] + [""] * (len(xs) - 1),
            hovertext=[hover] * len(xs), hoverinfo="text", cliponaxis=False, showlegend=False,
        ))
    plot_px = max(top, 60)
    figure.update_layout(
        font=FONT, plot_bgcolor="white", showlegend=False,
        xaxis=date_axis(axis_start, axis_end), yaxis=dict(range=[plot_px, 0], visible=False, fixedrange=True),
    )
    note = _("Green band: the truce window (→ no end given). Dotted line →: a claim counted from a day, end not "
             "given.")
    frame(figure, plot_px, title=title, caption=caption, note=note, labels=labels)
    return figure
