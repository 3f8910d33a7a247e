"""Casualty charts and table: each strike's toll as bars in its source's words, and how tolls changed.

Figures are claims: every bar, point and row carries the source's own phrase and who claims it; nothing is
drawn more precisely than its phrase, and opposing claims are never added together. Bars are labelled
above, across the chart's whole width, so a phone 390 px wide shows every label and claimant whole.
"""

import pandas as pd
import plotly.graph_objects as go

from conflictdesk.charts.style import (
    AXIS_PX, DAY, FONT, GRID, LINE_PX, OKABE_ITO, SERIES_COLOURS, date_axis, frame, hover_html, label_html,
)
from conflictdesk.i18n import N_, _
from conflictdesk.text import clip, escape_html
from conflictdesk.wording import (
    UNATTRIBUTED, blank, bound_kind, claimant_text, date_text, figure_text, gives_figure, name_text,
    population_text, row_figure, status_text, strike_labels,
)

TOLL_MEASURES = (
    ("killed", N_("People killed"), OKABE_ITO["vermillion"]),
    ("injured", N_("People injured"), OKABE_ITO["blue"]),
)  # labels marked: translate with _() where drawn
SHORT = {"killed": N_("Killed"), "injured": N_("Injured")}
# How each kind of figure is marked: bar hatching, the marker at the bar's end, and what the note says.
BOUND_MARKS = {
    "lower": {"pattern": "/", "symbol": "arrow-right", "legend": N_("Open-ended (+): the true figure may be higher"),
              "note": N_("Hatched bar ending in an arrow: open-ended, the true figure may be higher.")},
    "upper": {"pattern": "\\", "symbol": "line-ns-open", "legend": N_("Upper bound (≤): the true figure may be lower"),
              "note": N_("Bar hatched \\\\\\: an upper bound, the true figure may be lower.")},
    "approximate": {"pattern": ".", "symbol": "diamond-open", "legend": N_("Approximate (≈)"),
                    "note": N_("Dotted bar ending in a diamond: an approximate figure.")},
    # A publisher's coded count (ACLED fatalities, UCDP best): never hatched or open-ended.
    "estimate": {"pattern": "", "symbol": "square-open", "legend": N_("Publisher's estimate"),
                 "note": N_("Solid bar ending in a square: a publisher's coded estimate (ACLED's fatalities, UCDP's "
                            "best estimate), in the publisher's words.")},
    "exact": {"pattern": "", "symbol": "line-ns-open", "legend": N_("Exact figure"), "note": ""},
}
HISTORY_SYMBOLS = {"lower": "triangle-up", "upper": "triangle-down", "approximate": "diamond", "estimate": "square",
                   "exact": "circle"}
BAR_PX = 18
ROW_GAP_PX = 6
STRIKE_GAP_PX = 14
HISTORY_PX = 380  # the two panels of the toll history


def _column(frame: pd.DataFrame, name: str, default=None) -> list:
    """A column as a plain list (one bulk conversion, not a cell at a time); `default` when it is missing."""
    return frame[name].tolist() if name in frame.columns else [default] * len(frame)


def report_table(reports: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """Casualty reports (toll_history or first_reports rows) as a table for readers: every figure in its
    source's words, who claimed it, its status and the source's own words; text exactly as in the data."""
    column = {name: _column(reports, name) for name in (
        "strike_id", "reported_on", "killed", "killed_qualifier", "killed_phrase", "injured", "injured_qualifier",
        "injured_phrase", "population", "claimant_name", "status", "publisher", "excerpt", "notes")}
    records = reports.to_dict("records")
    return pd.DataFrame(
        {
            _("Strike"): [labels.get(s, s) for s in column["strike_id"]],
            _("Reported"): [date_text(d) for d in column["reported_on"]],
            _("People killed"): [row_figure(r, "killed") for r in records],
            _("People injured"): [figure_text(*f) for f in zip(column["injured"], column["injured_qualifier"],
                                                           column["injured_phrase"])],
            _("Who was counted"): [population_text(p) for p in column["population"]],
            _("Claimed by"): [name_text(c, UNATTRIBUTED) for c in column["claimant_name"]],
            _("Status"): [status_text(s, c) for s, c in zip(column["status"], column["claimant_name"])],
            _("Source"): column["publisher"],
            _("Source's words"): column["excerpt"],
            _("Notes"): ["" if blank(n) else n for n in column["notes"]],
        }
    )


def toll_bars(tolls: pd.DataFrame, caption: str = "", title: str = "") -> go.Figure:
    """Killed and injured per strike (latest_tolls or view_tolls rows) as horizontal bars, each labelled
    above with the source's phrase and who claims it, under the strike's name.

    A lower bound (over, at least, a vague word) is hatched and ends in an arrow: it is open-ended, not a
    plain number. Upper bounds and approximate figures are marked too. No figure means no bar: the row
    says "not reported" instead of drawing a zero. The y axis is in pixels from the top.
    """
    figure = go.Figure()
    names = strike_labels(tolls)
    bars = {m: {"x": [], "y": [], "text": [], "hover": [], "pattern": []} for m, _, _ in TOLL_MEASURES}
    ends = {kind: {"x": [], "y": [], "text": [], "hover": []} for kind in BOUND_MARKS}
    silent = {"y": [], "hover": [], "text": []}
    labels, top = [], 0
    for toll in tolls.to_dict("records"):
        strike = names[toll["strike_id"]]
        corrected = toll.get("corrected")  # the view model's "Corrected on …", when the row was corrected
        head = label_html(strike if blank(corrected) else f"{strike} · {corrected}", lines=2)
        labels.append((top, f"<b>{head}</b>", "#262730"))
        top += LINE_PX * (head.count("<br>") + 1)
        if blank(toll.get("report_id")):
            who, status, reported = _("no report"), "", ""
        else:
            who = claimant_text(toll.get("claimant_name"))
            status = status_text(toll.get("toll_status"), toll.get("claimant_name"))
            reported = _("Reported {day}").format(day=date_text(toll.get("reported_on")))
        for measure, label, colour in TOLL_MEASURES:
            label = _(label)
            number, qualifier = toll.get(measure), toll.get(f"{measure}_qualifier")
            phrase = row_figure(toll, measure, label=True)
            short = _(SHORT[measure])
            if blank(number):
                text = short  # "not reported" is written where the bar would be
            else:
                text = f"{short}: {phrase} — {who}"
            line = label_html(text)
            labels.append((top, line, colour))
            top += LINE_PX * (line.count("<br>") + 1)
            centre = top + BAR_PX / 2
            hover = hover_html(strike, f"{label}: {phrase} — {who}" if gives_figure(phrase)
                               else _("{label}: not reported in the sources").format(label=label), status, reported,
                               bold_first=True)
            top += BAR_PX + ROW_GAP_PX
            if blank(number):
                silent["y"].append(centre)
                silent["hover"].append(hover)
                silent["text"].append(escape_html(clip(phrase, 120)))
                continue
            kind = bound_kind(qualifier)
            shown = escape_html(clip(f"{phrase} — {who}", 300))
            for target in (bars[measure], ends[kind]):
                target["x"].append(int(number))
                target["y"].append(centre)
                target["text"].append(shown)
                target["hover"].append(hover)
            bars[measure]["pattern"].append(BOUND_MARKS[kind]["pattern"])
        top += STRIKE_GAP_PX
    for measure, label, colour in TOLL_MEASURES:
        drawn = bars[measure]
        if drawn["x"]:
            figure.add_trace(go.Bar(
                x=drawn["x"], y=drawn["y"], width=BAR_PX, orientation="h", name=_(label), text=drawn["text"],
                textposition="none", hovertext=drawn["hover"], hoverinfo="text",
                marker=dict(color=colour, line=dict(color=colour, width=1),
                            pattern=dict(shape=drawn["pattern"], fillmode="overlay", fgcolor="white", size=8,
                                         solidity=0.4)),
            ))
    for kind, end in ends.items():
        if end["x"]:
            figure.add_trace(go.Scatter(
                x=end["x"], y=end["y"], mode="markers", name=_(BOUND_MARKS[kind]["legend"]), text=end["text"],
                hovertext=end["hover"], hoverinfo="text", cliponaxis=False,
                marker=dict(symbol=BOUND_MARKS[kind]["symbol"], size=14, color=OKABE_ITO["black"], line=dict(width=2)),
            ))
    if silent["y"]:
        figure.add_trace(go.Scatter(
            x=[0] * len(silent["y"]), y=silent["y"], mode="text", name=_("Not reported"),
            text=silent["text"], textposition="middle right", textfont=dict(color="#555555"),
            hovertext=silent["hover"], hoverinfo="text", cliponaxis=False,
        ))
    plot_px = max(top, 60)
    widest = max([x for drawn in bars.values() for x in drawn["x"]] or [1])
    figure.update_layout(
        font=FONT, plot_bgcolor="white", showlegend=False, bargap=0,
        xaxis=dict(range=[0, widest * 1.08], showgrid=True, gridcolor=GRID, rangemode="tozero", automargin=False,
                   fixedrange=True),
        yaxis=dict(range=[plot_px, 0], visible=False, fixedrange=True),
    )
    note = [_("Bar length: the number coded from each phrase; claims by different sides are never added.")]
    note += [_(BOUND_MARKS[kind]["note"]) for kind in ("lower", "upper", "approximate", "estimate") if ends[kind]["x"]]
    notes = [dict(text=text, x=0, xref="paper", y=y, yref="y", xanchor="left", yanchor="top", showarrow=False,
                  align="left", font=dict(size=13, color=colour), name="label") for y, text, colour in labels]
    frame(figure, plot_px, title=title, caption=caption, note="\n".join(note), axis_px=AXIS_PX - 14, labels=notes)
    return figure


def _text_positions(count: int) -> list[str]:
    """Point labels that read inwards from the chart's edges: the first to the right, the last to the left."""
    return ["top center" if 0 < i < count - 1 else "top right" if i == 0 else "top left" for i in range(count)]


def several_reports(history: pd.DataFrame) -> bool:
    """Whether any strike has two or more casualty reports, i.e. a toll history worth drawing."""
    return bool(len(history)) and int(history.groupby("strike_id").size().max()) >= 2


def toll_history_figure(history: pd.DataFrame, caption: str = "", title: str = "") -> go.Figure:
    """How each strike's toll changed from report to report: a step line per strike, each point in its phrase.

    Two panels (killed, injured), one trace per strike in each; only strikes with two or more reports.
    A report silent on a figure leaves a gap, never a zero.
    """
    from plotly.subplots import make_subplots

    counts = history.groupby("strike_id").size()
    history = history[history["strike_id"].isin(counts[counts >= 2].index)]
    names = strike_labels(history, "strike_date")
    figure = make_subplots(
        rows=len(TOLL_MEASURES), cols=1, shared_xaxes=True, vertical_spacing=0.16,
        subplot_titles=[_(label) for _measure, label, _colour in TOLL_MEASURES],
    )
    strikes = 0
    for index, (strike_id, reports) in enumerate(history.groupby("strike_id", sort=False)):
        strikes += 1
        colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
        name = label_html(names[strike_id], 36, 1)
        for row, (measure, label, _colour) in enumerate(TOLL_MEASURES, start=1):
            label = _(label)
            y, text, hover, symbols = [], [], [], []
            for report in reports.to_dict("records"):
                number, qualifier = report[measure], report[f"{measure}_qualifier"]
                claimant = name_text(report.get("claimant_name"), UNATTRIBUTED)
                phrase = row_figure(report, measure, label=True)
                y.append(None if blank(number) else int(number))
                text.append("" if blank(number) else escape_html(clip(f"{phrase} — {claimant}", 40)))
                symbols.append(HISTORY_SYMBOLS[bound_kind(qualifier)] if not blank(number) else "circle")
                hover.append(hover_html(names[strike_id], f"{label}: {phrase} — {claimant}",
                                        status_text(report.get("status"), report.get("claimant_name")),
                                        _("Reported {day}").format(day=date_text(report["reported_on"])),
                                        bold_first=True))
            figure.add_trace(
                go.Scatter(
                    x=list(reports["reported_on"]), y=y, mode="lines+markers+text", name=name,
                    legendgroup=strike_id, showlegend=row == 1, line=dict(color=colour, shape="hv", width=2),
                    marker=dict(color=colour, size=11, symbol=symbols), text=text,
                    textposition=_text_positions(len(text)),
                    textfont=dict(size=11), hovertext=hover, hoverinfo="text", connectgaps=False, cliponaxis=False,
                ),
                row=row,
                col=1,
            )
    dates = history["reported_on"]
    pad = max((dates.max() - dates.min()) * 0.15, DAY) if len(dates) else DAY
    legend_px = (LINE_PX + 4) * strikes
    figure.update_layout(
        font=FONT, plot_bgcolor="white",
        legend=dict(orientation="v", x=0, y=1 + 24 / HISTORY_PX, yanchor="bottom", xanchor="left"),
    )
    for row, (measure, _label, _colour) in enumerate(TOLL_MEASURES, start=1):
        top = history[measure].max() if len(history) else None
        figure.update_yaxes(range=[0, (1 if blank(top) else int(top)) * 1.4], row=row, col=1)
    figure.update_yaxes(showgrid=True, gridcolor=GRID, tickformat=",d", nticks=4)
    axis = date_axis(dates.min() - pad, dates.max() + pad) if len(dates) else date_axis(None, None)
    figure.update_xaxes(**{k: v for k, v in axis.items() if k != "type"})
    frame(figure, HISTORY_PX, title=title, caption=caption, top_px=legend_px + 24, left_px=48)
    return figure
