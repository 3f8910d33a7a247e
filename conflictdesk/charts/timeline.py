"""The Overview timeline: every strike, statement, truce and event on one time axis, each numbered, with
the same items as a numbered text list for readers who cannot see the chart; per-day counts for long periods.

The y axis is in pixels from the top (reversed), so each row's name sits above its marks and nothing
depends on the chart's width. A truce is a line over its window; one the source gives no end for runs to
the edge of the period and ends in an arrow, as on the Truce page. An item dated only to a week or month is
drawn over that window, never as a day (newsroom rule 4).
"""

import pandas as pd
import plotly.graph_objects as go

from conflictdesk.charts.style import DAY, FONT, GRID, LINE_PX, OKABE_ITO, date_axis, frame, hover_html
from conflictdesk.i18n import N_, _, ngettext
from conflictdesk.wording import blank, date_text, number_text, span_text

TIMELINE_ROWS = {
    "strike": (N_("Strikes"), OKABE_ITO["vermillion"], "circle"),
    "statement": (N_("Statements"), OKABE_ITO["blue"], "square"),
    "truce": (N_("Truces"), OKABE_ITO["green"], "diamond"),
    "event": (N_("Diplomacy and politics"), OKABE_ITO["orange"], "triangle-up"),
}  # names marked: translate with _() where drawn
KIND_WORDS = {"strike": N_("Strike"), "statement": N_("Statement"), "truce": N_("Truce"),
              "event": N_("Diplomacy and politics")}
# A day's bar in the busy timeline: "13 Apr 2025: 3 strikes" (the date and the count are plotly's).
PER_DAY = {"strike": N_("Strikes per day"), "statement": N_("Statements per day"), "truce": N_("Truces per day"),
           "event": N_("Diplomacy and politics per day")}
DAY_HOVER = {"strike": N_("{day}: {count} strikes"), "statement": N_("{day}: {count} statements"),
             "truce": N_("{day}: {count} truces"), "event": N_("{day}: {count} diplomatic and political events")}
# plotly's date pattern (d3) for a day in a hover box, in each language
HOVER_DAY = N_("%-d %b %Y")
PITCH_PX = 18  # one mark's slot in a row's stack
HEADER_PX = LINE_PX + 4  # a row's name above its marks
GAP_PX = 10
MAX_STACK = 16  # a row stacks marks in up to this many slots, then marks share slots
PLOT_PX = 320  # the plot's width on a phone: marks are packed so their numbers do not overlap there
MARK_PX = 10 + 8 + 4  # a mark, its number's two digits and a gap
WINDOWS = {"week": pd.Timedelta(days=7), "month": pd.DateOffset(months=1)}  # "in the week/month to" a day


def _period(items: pd.DataFrame, period) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The days the axis spans: the filter period when given, else the items' own dates."""
    if period is not None:
        return pd.Timestamp(period[0]), pd.Timestamp(period[1])
    dates = pd.to_datetime(items["date"]) if len(items) else pd.Series([pd.Timestamp.today().normalize()])
    ends = pd.to_datetime(items["end_date"]).dropna() if "end_date" in items.columns else pd.Series([], dtype="M8[ns]")
    return dates.min(), max([dates.max()] + list(ends))


def _window(row) -> tuple[pd.Timestamp, pd.Timestamp | None]:
    """Where an item sits in time: (first day, last day or None when the source gives no end)."""
    day = pd.Timestamp(row["date"])
    if row["kind"] == "truce":
        return day, None if blank(row.get("end_date")) else pd.Timestamp(row["end_date"])
    window = WINDOWS.get(row.get("date_precision"))
    return (day - window + DAY if window is not None else day), day


def item_text(row) -> str:
    """One timeline item in words, whole: '20 Apr 2025 – end not given · Truce: Easter truce'."""
    if row["kind"] == "truce":
        when = span_text(row["date"], row.get("end_date"))
    else:
        when = date_text(row["date"], row.get("date_precision") or "day")
    kind = _(KIND_WORDS[row["kind"]]) if row["kind"] in KIND_WORDS else row["kind"]
    return f"{when} · {kind}: {row['label']}"


def timeline_list(items: pd.DataFrame) -> list[str]:
    """The timeline's items as numbered plain-text lines, in the chart's numbering: '1. 13 Apr 2025 · Strike:
    Strike on Sumy (Congress centre)'. Text as in the data (escape it where it is shown)."""
    return [f"{number}. {item_text(row)}" for number, row in enumerate(items.to_dict("records"), start=1)]


def timeline_figure(items: pd.DataFrame, caption: str = "", period=None, title: str = "") -> go.Figure:
    """A numbered mark per strike, statement, truce and event (the `timeline` query's rows, in its order) on
    one time axis spanning `period` (date_from, date_to) — truces as lines over their window, an arrow at the
    period's edge when open-ended — with each row named above its marks; the numbers key timeline_list."""
    start, end = _period(items, period)
    axis_end = end + DAY  # the last day is drawn whole
    figure = go.Figure()
    records = items.to_dict("records")
    for number, row in enumerate(records, start=1):
        row["number"] = number
    top = 0
    rows, rules = [], []
    for kind, (name, colour, symbol) in TIMELINE_ROWS.items():
        name = _(name)
        own = [row for row in records if row["kind"] == kind]
        if not own:
            continue
        _pack(own, start, axis_end)
        height = HEADER_PX + PITCH_PX * (max(row["slot"] for row in own) + 1) + GAP_PX
        items = ngettext("{count} item", "{count} items", len(own)).format(count=number_text(len(own)))
        rows.append(dict(text=f"<b>{name}</b> ({items})", x=0, xref="paper", y=top,
                         yref="y", xanchor="left", yanchor="top", showarrow=False, align="left",
                         font=dict(size=13, color=colour if kind != "event" else "#8a5a00")))
        for row in own:
            row["y"] = top + HEADER_PX + PITCH_PX * (row["slot"] + 0.5)
        _draw_row(figure, own, name, colour, symbol, start, axis_end)
        top += height
        rules.append(dict(type="line", xref="paper", x0=0, x1=1, yref="y", y0=top - GAP_PX / 2,
                          y1=top - GAP_PX / 2, line=dict(color=GRID, width=1)))
    plot_px = max(top, 60)
    figure.update_layout(
        font=FONT, showlegend=False, plot_bgcolor="white", hovermode="closest",
        xaxis=date_axis(start - DAY / 2, axis_end + DAY / 2),
        yaxis=dict(range=[plot_px, 0], visible=False, fixedrange=True),
    )
    note = _("Numbers: the list below the chart. Lines: a window of days; → no end given, runs on.")
    figure.layout.shapes = rules
    frame(figure, plot_px, title=title, caption=caption, note=note, labels=rows)
    return figure


def _pack(rows: list[dict], start, axis_end) -> None:
    """Give each item of a row a slot (its line in the row's stack) so that no two marks, numbers or
    windows share a slot where they would overlap on a phone: the first slot free at the item's left edge."""
    per_px = max((axis_end - start) / PLOT_PX, pd.Timedelta(seconds=1))
    ends: list = []  # per slot, where its last item's mark and number end
    for row in rows:
        first, last = _window(row)
        mark = first if row["kind"] == "truce" else pd.Timestamp(row["date"])
        if row["kind"] == "truce":  # numbered on the left, its line running to its end or the period's
            left, right = max(first, start) - per_px * MARK_PX, (axis_end if last is None else last + DAY)
        else:  # its window on the left, numbered on the right
            left, right = max(first, start) - per_px * 6, mark + per_px * MARK_PX
        free = [slot for slot, end in enumerate(ends) if end <= left]
        if free:
            slot = free[0]
        elif len(ends) < MAX_STACK:
            slot = len(ends)
            ends.append(None)
        else:
            slot = min(range(len(ends)), key=lambda s: ends[s])
        ends[slot] = right
        row["slot"] = slot


def _iso(moment: pd.Timestamp) -> str:
    """A moment as plotly reads dates: ISO text is far cheaper for plotly.py to check than Timestamps."""
    return moment.isoformat()


def _draw_row(figure: go.Figure, rows: list[dict], name: str, colour: str, symbol: str, start, axis_end) -> None:
    """One kind's marks in three traces (cheap at 300 items): a line over each window (gaps between them), an
    arrow where a window runs on past the period, and the numbered mark at each day (a truce's at its start)."""
    truce = rows[0]["kind"] == "truce"
    lines = {"x": [], "y": [], "hover": []}
    arrows = {"x": [], "y": [], "hover": []}
    xs, ys, numbers, hovers = [], [], [], []
    for row in rows:
        first, last = _window(row)
        hover = hover_html(f"{row['number']}. {_(KIND_WORDS[row['kind']]) if row['kind'] in KIND_WORDS else ''}",
                           row["label"],
                           span_text(row["date"], row.get("end_date")) if truce
                           else date_text(row["date"], row.get("date_precision") or "day"), bold_first=True)
        if last is None or last != first:
            open_end = last is None or last + DAY > axis_end
            # A window "to" a day ends at that day's mark, where its number is; a truce runs on to its end.
            stop = axis_end if open_end else last + DAY if truce else last
            lines["x"] += [_iso(max(first, start)), _iso(stop), None]
            lines["y"] += [row["y"], row["y"], None]
            lines["hover"] += [hover, hover, None]
            if open_end:
                arrows["x"].append(_iso(stop))
                arrows["y"].append(row["y"])
                arrows["hover"].append(hover)
        xs.append(_iso(first if truce else pd.Timestamp(row["date"])))
        ys.append(row["y"])
        numbers.append(str(row["number"]))
        hovers.append(hover)
    if lines["x"]:
        figure.add_trace(go.Scatter(
            x=lines["x"], y=lines["y"], mode="lines", line=dict(color=colour, width=6 if truce else 3),
            opacity=1 if truce else 0.5, hovertext=lines["hover"], hoverinfo="text", showlegend=False,
            name=_("{name}: windows").format(name=name),
        ))
    if arrows["x"]:
        figure.add_trace(go.Scatter(
            x=arrows["x"], y=arrows["y"], mode="markers", marker=dict(symbol="arrow-right", size=14, color=colour),
            hovertext=arrows["hover"], hoverinfo="text", showlegend=False, name=_("{name}: no end given, runs on").format(name=name),
        ))
    figure.add_trace(go.Scatter(
        x=xs, y=ys, mode="markers+text", name=name, text=numbers,
        textposition="middle left" if truce else "middle right",
        textfont=dict(size=11, color="#262730"), cliponaxis=False,
        marker=dict(color=colour, symbol=symbol, size=12, line=dict(color="white", width=1)),
        hovertext=hovers, hoverinfo="text",
    ))


def timeline_days_figure(days: pd.DataFrame, caption: str = "", period=None, title: str = "") -> go.Figure:
    """Items per day, one bar panel per kind (strikes, statements, truces, events), for periods too full to
    draw item by item. `days` has the timeline_days columns: kind, date, items.

    Built in one go, with a hover template instead of a text per bar, so a three-year period stays cheap.
    """
    kinds = [kind for kind in TIMELINE_ROWS if (days["kind"] == kind).any()]
    panels = max(len(kinds), 1)
    gap = 0.12
    height = (1 - gap * (panels - 1)) / panels
    traces, layout, titles = [], {}, []
    for index, kind in enumerate(kinds):
        label, colour, _symbol = TIMELINE_ROWS[kind]
        label = _(label)
        rows = days[days["kind"] == kind]
        axis = "" if index == 0 else str(index + 1)
        hover = _(DAY_HOVER[kind]).format(day=f"%{{x|{_(HOVER_DAY)}}}", count="%{y:,}")
        traces.append(
            go.Bar(
                x=rows["date"].to_numpy(), y=rows["items"].to_numpy(), name=label, yaxis=f"y{axis}",
                marker=dict(color=colour, line=dict(width=0)), width=86400000 * 0.8,
                hovertemplate=f"{hover}<extra></extra>",
            )
        )
        top = 1 - index * (height + gap)
        layout[f"yaxis{axis}"] = dict(domain=[max(top - height, 0), top], rangemode="tozero", showgrid=True,
                                      gridcolor=GRID, tickformat=",d", nticks=4)
        titles.append(dict(text=_(PER_DAY[kind]), xref="paper", yref="paper", x=0, y=top, xanchor="left",
                           yanchor="bottom", showarrow=False, font=dict(size=13)))
    first, last = _period(days.assign(end_date=pd.NaT), period)
    figure = go.Figure(
        data=traces,
        layout=dict(
            font=FONT, showlegend=False, plot_bgcolor="white", bargap=0, annotations=titles,
            xaxis=dict(date_axis(first - DAY / 2, last + DAY / 2),
                       anchor=f"y{len(kinds)}" if len(kinds) > 1 else "y"),
            **layout,
        ),
    )
    frame(figure, 150 * panels, title=title, caption=caption, top_px=LINE_PX + 4, left_px=44)
    return figure
