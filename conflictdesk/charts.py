"""Plotly figures built from query results: pure functions, no Streamlit."""

from functools import lru_cache

import pandas as pd
import plotly.graph_objects as go

from conflictdesk.text import clip, date_text, escape_html

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
TIMELINE_ROWS = {
    "strike": ("Strikes", OKABE_ITO["vermillion"], "circle"),
    "statement": ("Statements", OKABE_ITO["blue"], "square"),
    "truce": ("Truces", OKABE_ITO["green"], "diamond"),
    "event": ("Diplomacy and politics", OKABE_ITO["orange"], "triangle-up"),
}
FONT = dict(family="Source Sans Pro, Arial, sans-serif", size=13)


def timeline_figure(items: pd.DataFrame, caption: str = "") -> go.Figure:
    """A dot per strike, statement, truce and event on one time axis; truces drawn as spans."""
    figure = go.Figure()
    for kind, (label, colour, symbol) in TIMELINE_ROWS.items():
        rows = items[items["kind"] == kind]
        if rows.empty:
            continue
        hover = [
            f"{escape_html(date_text(r.date, r.date_precision))}<br>{escape_html(clip(r.label, 120))}"
            for r in rows.itertuples()
        ]
        if kind == "truce":
            for r in rows.itertuples():
                end = r.end_date if not pd.isna(r.end_date) else items["date"].max()
                figure.add_trace(
                    go.Scatter(
                        x=[r.date, end],
                        y=[label, label],
                        mode="lines",
                        line=dict(color=colour, width=8),
                        hoverinfo="skip",
                        showlegend=False,
                    )
                )
        figure.add_trace(
            go.Scatter(
                x=rows["date"],
                y=[label] * len(rows),
                mode="markers",
                name=label,
                marker=dict(color=colour, symbol=symbol, size=13, line=dict(color="white", width=1)),
                hovertext=hover,
                hoverinfo="text",
            )
        )
    figure.update_layout(
        font=FONT,
        height=300,
        margin=dict(l=10, r=10, t=30, b=60),
        showlegend=False,
        plot_bgcolor="white",
        xaxis=dict(showgrid=True, gridcolor="#eeeeee", tickformat="%-d %b %Y", **_day_ticks(items["date"])),
        yaxis=dict(categoryorder="array", categoryarray=[v[0] for v in reversed(TIMELINE_ROWS.values())]),
    )
    add_caption(figure, caption)
    return figure


def timeline_days_figure(days: pd.DataFrame, caption: str = "") -> go.Figure:
    """Items per day, one bar panel per kind (strikes, statements, truces, events), for periods too full to
    draw item by item. `days` has the timeline_days columns: kind, date, items.

    Built in one go, with a hover template instead of a text per bar, so a three-year period stays cheap.
    """
    kinds = [kind for kind in TIMELINE_ROWS if (days["kind"] == kind).any()]
    panels = max(len(kinds), 1)
    gap = 0.06
    height = (1 - gap * (panels - 1)) / panels
    traces, layout, titles = [], {}, []
    for index, kind in enumerate(kinds):
        label, colour, _ = TIMELINE_ROWS[kind]
        rows = days[days["kind"] == kind]
        axis = "" if index == 0 else str(index + 1)
        noun = label.lower() if kind != "event" else "diplomatic and political events"
        traces.append(
            go.Bar(
                x=rows["date"].to_numpy(), y=rows["items"].to_numpy(), name=label, yaxis=f"y{axis}",
                marker=dict(color=colour, line=dict(width=0)),
                hovertemplate=f"%{{x|%-d %b %Y}}: %{{y:,}} {noun}<extra></extra>",
            )
        )
        top = 1 - index * (height + gap)
        layout[f"yaxis{axis}"] = dict(domain=[max(top - height, 0), top], rangemode="tozero", showgrid=True,
                                      gridcolor="#eeeeee", title=dict(text="per day"))
        titles.append(dict(text=f"{label} per day", xref="paper", yref="paper", x=0, y=top, xanchor="left",
                           yanchor="bottom", showarrow=False, font=dict(size=13)))
    figure = go.Figure(
        data=traces,
        layout=dict(
            font=FONT, height=120 + 130 * panels, margin=dict(l=10, r=10, t=40, b=60), showlegend=False,
            plot_bgcolor="white", bargap=0, annotations=titles,
            xaxis=dict(showgrid=True, gridcolor="#eeeeee", tickformat="%-d %b %Y", anchor=f"y{len(kinds)}"
                       if len(kinds) > 1 else "y"),
            **layout,
        ),
    )
    _add_chart_caption(figure, caption)
    return figure


def _day_ticks(dates: pd.Series) -> dict:
    """Whole-day ticks for short spans, so plotly does not label the same day at every six hours."""
    span = pd.to_datetime(dates.max()) - pd.to_datetime(dates.min()) if len(dates) else pd.Timedelta(0)
    return {"dtick": 86400000} if span <= pd.Timedelta(days=21) else {}


def add_caption(figure: go.Figure, caption: str) -> None:
    """Put a source line under a chart, so a downloaded PNG still says where it comes from."""
    if caption:
        figure.add_annotation(
            text=escape_html(caption),
            xref="paper",
            yref="paper",
            x=0,
            y=-0.22,
            xanchor="left",
            yanchor="top",
            showarrow=False,
            font=dict(size=11, color="#555555"),
        )


# --- Casualties and truce violations -------------------------------------------------------------
# Figures are claims: every bar, point and row carries the source's own phrase and who claims it;
# nothing is drawn more precisely than its phrase, and opposing claims are never added together.

TOLL_MEASURES = (
    ("killed", "People killed", OKABE_ITO["vermillion"]),
    ("injured", "People injured", OKABE_ITO["blue"]),
)
# How each kind of figure is marked: bar hatching, a word after the phrase, and the marker at the bar's end.
BOUND_MARKS = {
    "lower": {"pattern": "/", "word": "open-ended", "symbol": "arrow-right", "sign": "+",
              "legend": "Open-ended (+): the true figure may be higher"},
    "upper": {"pattern": "\\", "word": "at most", "symbol": "line-ns-open", "sign": "≤",
              "legend": "Upper bound (≤): the true figure may be lower"},
    "approximate": {"pattern": ".", "word": "approximate", "symbol": "diamond-open", "sign": "≈",
                    "legend": "Approximate (≈)"},
    "exact": {"pattern": "", "word": "", "symbol": "line-ns-open", "sign": "", "legend": "Exact figure"},
}
HISTORY_SYMBOLS = {"lower": "triangle-up", "upper": "triangle-down", "approximate": "diamond", "exact": "circle"}
SERIES_COLOURS = [OKABE_ITO[name] for name in ("blue", "vermillion", "green", "orange", "purple", "sky_blue", "black")]
DAY = pd.Timedelta(days=1)


def _missing(value) -> bool:
    return value is None or bool(pd.isna(value))


def _name(value, fallback: str = "unattributed") -> str:
    return fallback if _missing(value) or not str(value).strip() else str(value)


def figure_label(number, qualifier, phrase) -> str:
    """A figure in its source's words, marked by how it bounds the truth: 'over 100 (open-ended)'."""
    from conflictdesk.figures import bound_kind, figure_text

    text = figure_text(number, qualifier, phrase)
    if _missing(number):
        return text
    word = BOUND_MARKS[bound_kind(qualifier)]["word"]
    return f"{text} ({word})" if word else text


def status_text(status, claimant) -> str:
    """A claim's status in words: 'claimed by Ukraine, not independently verified'."""
    who = _name(claimant)
    by = "by no one named" if who == "unattributed" else f"by {who}"
    if status == "claimed":
        return f"claimed {by}, not independently verified"
    if status == "disputed":
        return f"claimed {by}, disputed"
    if status == "confirmed":
        return "confirmed"
    return f"status not given (claimed {by})"


@lru_cache(maxsize=8192)
def _date_words(value, precision: str = "day") -> str:
    """date_text, remembered: a long table repeats the same few hundred days."""
    return date_text(value, precision)


def _column(frame: pd.DataFrame, name: str, default=None) -> list:
    """A column as a plain list (one bulk conversion, not a cell at a time); `default` when it is missing."""
    return frame[name].tolist() if name in frame.columns else [default] * len(frame)


def strike_labels(frame: pd.DataFrame, date_column: str = "date") -> dict[str, str]:
    """A short, unique name per strike: 'Sumy · 13 Apr 2025' (with the place or id when needed)."""
    rows = frame.drop_duplicates("strike_id")
    labels: dict[str, str] = {}
    for strike_id, city, when, precision in zip(
        _column(rows, "strike_id"), _column(rows, "city"), _column(rows, date_column),
        _column(rows, "date_precision", "day"),
    ):
        labels[strike_id] = f"{_name(city, 'place not given')} · {_date_words(when, precision)}"
    counts: dict[str, int] = {}
    for label in labels.values():
        counts[label] = counts.get(label, 0) + 1
    for strike_id, label in list(labels.items()):
        if counts[label] > 1:
            labels[strike_id] = f"{label} ({strike_id})"
    return labels


POPULATIONS = {"civilian": "Civilians", "military": "Military", "unknown": "Not said", "all": "Everyone"}


def report_table(reports: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """Casualty reports (toll_history or first_reports rows) as a table for readers: every figure in its
    source's words, who claimed it, its status and the source's own words; text exactly as in the data."""
    from conflictdesk.figures import figure_text

    column = {name: _column(reports, name) for name in (
        "strike_id", "reported_on", "killed", "killed_qualifier", "killed_phrase", "injured", "injured_qualifier",
        "injured_phrase", "population", "claimant_name", "status", "publisher", "excerpt", "notes")}
    return pd.DataFrame(
        {
            "Strike": [labels.get(s, s) for s in column["strike_id"]],
            "Reported": [_date_words(d) for d in column["reported_on"]],
            "People killed": [figure_text(*f) for f in zip(column["killed"], column["killed_qualifier"],
                                                          column["killed_phrase"])],
            "People injured": [figure_text(*f) for f in zip(column["injured"], column["injured_qualifier"],
                                                           column["injured_phrase"])],
            "Who was counted": [POPULATIONS.get(p, "Not said") for p in column["population"]],
            "Claimed by": column["claimant_name"],
            "Status": [status_text(s, c) for s, c in zip(column["status"], column["claimant_name"])],
            "Source": column["publisher"],
            "Source's words": column["excerpt"],
            "Notes": ["" if _missing(n) else n for n in column["notes"]],
        }
    )


def _date_ticks(start, end) -> dict:
    """One tick a day on short spans, so a two-day window is not labelled every six hours."""
    if _missing(start) or _missing(end):
        return {}
    return {"dtick": 86400000} if pd.Timestamp(end) - pd.Timestamp(start) <= pd.Timedelta(days=8) else {}


def toll_bars(tolls: pd.DataFrame, caption: str = "") -> go.Figure:
    """Killed and injured per strike as horizontal bars labelled with the source's phrase and claimant.

    A lower bound (over, at least, a vague word) is hatched and ends in an arrow: it is open-ended, not a
    plain number. Upper bounds and approximate figures are marked too. No figure means no bar: the row
    says "not reported" instead of drawing a zero.
    """
    from conflictdesk.figures import bound_kind

    figure = go.Figure()
    strikes = strike_labels(tolls)
    rows = []  # (category, strike row, measure, label, colour)
    for toll in tolls.to_dict("records"):
        for measure, label, colour in TOLL_MEASURES:
            category = f"{escape_html(strikes[toll['strike_id']])}<br>{label.split()[-1]}"
            rows.append((category, toll, measure, label, colour))
    categories = [row[0] for row in rows]
    ends = {kind: {"x": [], "y": [], "text": [], "hover": []} for kind in BOUND_MARKS}
    silent = {"y": [], "hover": []}
    for measure, label, colour in TOLL_MEASURES:
        bars = {"x": [], "y": [], "text": [], "hover": [], "pattern": []}
        for category, toll, row_measure, _, _ in rows:
            if row_measure != measure:
                continue
            number, qualifier = toll[measure], toll[f"{measure}_qualifier"]
            strike = escape_html(strikes[toll["strike_id"]])
            if _missing(toll.get("report_id")):
                claimant, status, reported = "no report", "", ""
            else:
                claimant = _name(toll.get("claimant_name"))
                status = status_text(toll.get("toll_status"), claimant)
                reported = f"<br>Reported {escape_html(date_text(toll.get('reported_on')))}"
            if _missing(number):
                silent["y"].append(category)
                silent["hover"].append(f"<b>{strike}</b><br>{label}: not reported in the sources")
                continue
            kind = bound_kind(qualifier)
            phrase = figure_label(number, qualifier, toll[f"{measure}_phrase"])
            text = f"{escape_html(phrase)} — {escape_html(claimant)}"
            hover = f"<b>{strike}</b><br>{label}: {text}<br>{escape_html(status)}{reported}"
            bars["x"].append(int(number))
            bars["y"].append(category)
            bars["text"].append(text)
            bars["hover"].append(hover)
            bars["pattern"].append(BOUND_MARKS[kind]["pattern"])
            end = ends[kind]
            end["x"].append(int(number))
            end["y"].append(category)
            end["text"].append(f"{BOUND_MARKS[kind]['sign']} {text}".strip())
            end["hover"].append(hover)
        if bars["x"]:
            figure.add_trace(
                go.Bar(
                    x=bars["x"],
                    y=bars["y"],
                    orientation="h",
                    name=label,
                    text=bars["text"],
                    textposition="none",
                    hovertext=bars["hover"],
                    hoverinfo="text",
                    marker=dict(
                        color=colour,
                        line=dict(color=colour, width=1),
                        pattern=dict(shape=bars["pattern"], fillmode="overlay", fgcolor="white", size=8, solidity=0.4),
                    ),
                )
            )
    for kind, end in ends.items():
        if not end["x"]:
            continue
        marks = BOUND_MARKS[kind]
        figure.add_trace(
            go.Scatter(
                x=end["x"],
                y=end["y"],
                mode="markers+text",
                name=marks["legend"],
                text=end["text"],
                textposition="middle right",
                hovertext=end["hover"],
                hoverinfo="text",
                cliponaxis=False,
                marker=dict(symbol=marks["symbol"], size=14, color=OKABE_ITO["black"], line=dict(width=2)),
                showlegend=kind != "exact",
            )
        )
    if silent["y"]:
        figure.add_trace(
            go.Scatter(
                x=[0] * len(silent["y"]),
                y=silent["y"],
                mode="text",
                name="Not reported",
                text=["not reported"] * len(silent["y"]),
                textposition="middle right",
                textfont=dict(color="#555555"),
                hovertext=silent["hover"],
                hoverinfo="text",
                cliponaxis=False,
                showlegend=False,
            )
        )
    widest = max([int(n) for m, _, _ in TOLL_MEASURES for n in tolls[m] if not _missing(n)] or [1])
    figure.update_layout(
        font=FONT,
        height=140 + 56 * max(len(categories), 1),
        margin=dict(l=10, r=20, t=40, b=110),
        plot_bgcolor="white",
        bargap=0.35,
        legend=dict(orientation="h", x=0, y=1.02, yanchor="bottom", xanchor="left"),
        xaxis=dict(
            title=dict(text="People (bar length: the number coded from each phrase)"),
            range=[0, max(widest, 1) * 2.2],
            showgrid=True,
            gridcolor="#eeeeee",
            rangemode="tozero",
        ),
        yaxis=dict(type="category", categoryorder="array", categoryarray=categories, autorange="reversed"),
    )
    _add_chart_caption(figure, caption)
    return figure


def several_reports(history: pd.DataFrame) -> bool:
    """Whether any strike has two or more casualty reports, i.e. a toll history worth drawing."""
    return bool(len(history)) and int(history.groupby("strike_id").size().max()) >= 2


def toll_history_figure(history: pd.DataFrame, caption: str = "") -> go.Figure:
    """How each strike's toll changed from report to report: a step line per strike, each point in its phrase.

    Two panels (killed, injured), one trace per strike in each; only strikes with two or more reports.
    A report silent on a figure leaves a gap, never a zero.
    """
    from conflictdesk.figures import bound_kind
    from plotly.subplots import make_subplots

    counts = history.groupby("strike_id").size()
    history = history[history["strike_id"].isin(counts[counts >= 2].index)]
    names = strike_labels(history, "strike_date")
    figure = make_subplots(
        rows=len(TOLL_MEASURES), cols=1, shared_xaxes=True, vertical_spacing=0.16,
        subplot_titles=[label for _, label, _ in TOLL_MEASURES],
    )
    for index, (strike_id, reports) in enumerate(history.groupby("strike_id", sort=False)):
        colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
        name = escape_html(names[strike_id])
        for row, (measure, label, _) in enumerate(TOLL_MEASURES, start=1):
            y, text, hover, symbols = [], [], [], []
            for report in reports.to_dict("records"):
                number, qualifier = report[measure], report[f"{measure}_qualifier"]
                claimant = escape_html(_name(report.get("claimant_name")))
                phrase = escape_html(figure_label(number, qualifier, report[f"{measure}_phrase"]))
                y.append(None if _missing(number) else int(number))
                text.append("" if _missing(number) else f"{phrase} — {claimant}")
                symbols.append(HISTORY_SYMBOLS[bound_kind(qualifier)] if not _missing(number) else "circle")
                hover.append(
                    f"<b>{name}</b><br>{label}: {phrase} — {claimant}"
                    f"<br>{escape_html(status_text(report.get('status'), _name(report.get('claimant_name'))))}"
                    f"<br>Reported {escape_html(date_text(report['reported_on']))}"
                )
            figure.add_trace(
                go.Scatter(
                    x=list(reports["reported_on"]),
                    y=y,
                    mode="lines+markers+text",
                    name=name,
                    legendgroup=strike_id,
                    showlegend=row == 1,
                    line=dict(color=colour, shape="hv", width=2),
                    marker=dict(color=colour, size=11, symbol=symbols),
                    text=text,
                    textposition="top center",
                    hovertext=hover,
                    hoverinfo="text",
                    connectgaps=False,
                    cliponaxis=False,
                ),
                row=row,
                col=1,
            )
    dates = history["reported_on"]
    pad = max((dates.max() - dates.min()) * 0.15, DAY) if len(dates) else DAY
    figure.update_layout(
        font=FONT,
        height=460,
        margin=dict(l=10, r=20, t=60, b=90),
        plot_bgcolor="white",
        legend=dict(orientation="h", x=0, y=1.08, yanchor="bottom", xanchor="left"),
    )
    for row, (measure, _, _) in enumerate(TOLL_MEASURES, start=1):
        top = history[measure].max() if len(history) else None
        figure.update_yaxes(range=[0, (1 if _missing(top) else int(top)) * 1.4], row=row, col=1)
    figure.update_yaxes(showgrid=True, gridcolor="#eeeeee")
    figure.update_xaxes(
        tickformat="%-d %b %Y", showgrid=True, gridcolor="#eeeeee",
        range=[dates.min() - pad, dates.max() + pad] if len(dates) else None,
        **_date_ticks(dates.min() if len(dates) else None, dates.max() if len(dates) else None),
    )
    _add_chart_caption(figure, caption)
    return figure


def _claim_span(claim) -> tuple[pd.Timestamp, pd.Timestamp | None, str]:
    """Where a claim sits on the time axis: its counted period, else the day it was reported."""
    start, end, reported = claim.get("period_start"), claim.get("period_end"), claim.get("reported_on")
    if not _missing(start) and not _missing(end):
        return pd.Timestamp(start), pd.Timestamp(end) + DAY, f"counted {date_text(start)} – {date_text(end)}"
    if not _missing(start):
        later = not _missing(reported) and pd.Timestamp(reported) > pd.Timestamp(start)
        stop = pd.Timestamp(reported) if later else None
        return pd.Timestamp(start), stop, f"counted from {date_text(start)}; end not given"
    if not _missing(end):
        return pd.Timestamp(end), None, f"counted up to {date_text(end)}; start not given"
    return pd.Timestamp(reported), None, "counted period not given; shown on the day reported"


def truce_window_figure(truce, claims: pd.DataFrame, caption: str = "") -> go.Figure:
    """A truce's window as a band on a time axis, and each claim's counted period on its claimant's own row.

    Claims are drawn side by side, one row per claimant, each labelled with its own phrase: never added up.
    """
    truce = dict(truce)
    start = pd.Timestamp(truce["start_date"])
    end = None if _missing(truce.get("end_date")) else pd.Timestamp(truce["end_date"]) + DAY
    claims = claims.to_dict("records") if isinstance(claims, pd.DataFrame) else list(claims)
    spans = [_claim_span(claim) for claim in claims]
    moments = [start] + ([end] if end is not None else [])
    moments += [t for s, e, _ in spans for t in (s, e) if t is not None]
    moments += [pd.Timestamp(c["reported_on"]) for c in claims if not _missing(c.get("reported_on"))]
    axis_end = max(moments) + DAY
    axis_start = min(moments) - DAY
    middle = axis_start + (axis_end - axis_start) / 2
    window_row = "Truce window"
    rows = [window_row]
    figure = go.Figure()
    band_end = end if end is not None else axis_end
    figure.add_shape(
        type="rect", xref="x", yref="paper", x0=start, x1=band_end, y0=0, y1=1,
        fillcolor=OKABE_ITO["green"], opacity=0.15, line_width=0, layer="below", name="truce window",
    )
    window_text = f"{date_text(start)} – {date_text(end - DAY) if end is not None else 'end not given'}"
    figure.add_trace(
        go.Scatter(
            x=[start, band_end],
            y=[window_row, window_row],
            mode="lines+markers+text",
            name=escape_html(f"{_name(truce.get('name'), 'Truce')}: {window_text}"),
            line=dict(color=OKABE_ITO["green"], width=10),
            marker=dict(symbol=["line-ns-open", "line-ns-open" if end is not None else "arrow-right"], size=16,
                        color=OKABE_ITO["green"], line=dict(width=2)),
            text=[escape_html(window_text), ""],
            textposition="top right",
            hovertext=[escape_html(f"{_name(truce.get('name'), 'Truce')}, declared by "
                                   f"{_name(truce.get('declared_by_name'), 'not stated')}: {window_text}")] * 2,
            hoverinfo="text",
            cliponaxis=False,
            showlegend=False,
        )
    )
    colours: dict[str, str] = {}
    for claim, (span_start, span_end, period) in zip(claims, spans):
        claimant = _name(claim.get("claimant_name"))
        row = f"Claimed by {claimant}"
        if row not in rows:
            rows.append(row)
        colour = colours.setdefault(claimant, SERIES_COLOURS[len(colours) % len(SERIES_COLOURS)])
        phrase = figure_label(claim.get("count"), claim.get("count_qualifier"), claim.get("count_phrase"))
        accused = _name(claim.get("accused_name"), "not stated")
        label = escape_html(f"{phrase} — against {accused}")
        hover = escape_html(
            f"Claimed by {claimant} against {accused}: {phrase}. {period}. "
            f"{status_text(claim.get('status'), claimant)}; reported {date_text(claim.get('reported_on'))}."
        )
        xs = [span_start] if span_end is None else [span_start, span_end]
        open_end = span_end is not None and _missing(claim.get("period_end"))
        figure.add_trace(
            go.Scatter(
                x=xs,
                y=[escape_html(row)] * len(xs),
                mode="lines+markers+text",
                name=escape_html(row),
                line=dict(color=colour, width=6, dash="dot" if open_end else "solid"),
                marker=dict(
                    symbol=["circle"] + (["arrow-right" if open_end else "line-ns-open"] if len(xs) == 2 else []),
                    size=13, color=colour, line=dict(width=2, color=colour),
                ),
                text=[label] + [""] * (len(xs) - 1),
                # Labels read away from the nearer edge, so they stay inside the chart.
                textposition="top left" if span_start > middle else "top right",
                hovertext=[hover] * len(xs),
                hoverinfo="text",
                cliponaxis=False,
                showlegend=False,
            )
        )
    figure.update_layout(
        font=FONT,
        height=150 + 70 * len(rows),
        margin=dict(l=10, r=20, t=30, b=90),
        plot_bgcolor="white",
        showlegend=False,
        xaxis=dict(range=[axis_start, axis_end], tickformat="%-d %b %Y", showgrid=True, gridcolor="#eeeeee",
                   **_date_ticks(axis_start, axis_end)),
        yaxis=dict(type="category", categoryorder="array", categoryarray=[escape_html(r) for r in rows],
                   autorange="reversed"),
    )
    _add_chart_caption(figure, caption)
    return figure


def _add_chart_caption(figure: go.Figure, caption: str) -> None:
    """add_caption, moved to the foot of the bottom margin whatever the chart's height."""
    add_caption(figure, caption)
    if caption and figure.layout.annotations:
        layout = figure.layout
        plot_height = max(layout.height - layout.margin.t - layout.margin.b, 1)
        layout.annotations[-1].y = -(layout.margin.b - 22) / plot_height
