"""Air attacks per night or per week: one chart per claimant, never one claimant's count stacked on another's.

Each claimant (the national Air Force, a regional command) gets its own figure on the same time axis and the
same scale, so they can be compared side by side but never read as one total. In a figure each weapon family
is a colour: a pale bar for how many were launched and a solid bar inside it for how many were destroyed.
Reconnaissance drones are drawn in a figure of their own, apart from attack drones.
"""

import pandas as pd
import plotly.graph_objects as go

from conflictdesk.charts.style import AXIS_PX, FONT, GRID, OKABE_ITO, date_axis, frame, hover_html
from conflictdesk.i18n import _, format_date

FAMILY_COLOURS = {
    "drone": OKABE_ITO["vermillion"],
    "ballistic_missile": OKABE_ITO["blue"],
    "cruise_missile": OKABE_ITO["sky_blue"],
    "missile": OKABE_ITO["purple"],
    "glide_bomb": OKABE_ITO["orange"],
    "unknown": OKABE_ITO["grey"],
    "recon_drone": OKABE_ITO["green"],
}
PLOT_PX = 220  # one claimant's attack weapons
RECON_PX = 120  # one claimant's reconnaissance drones: a smaller panel
LEGEND_PX = 44
BAR_SHARE = 0.8  # of a night's or a week's width, the rest a gap between them


def pale(colour: str) -> str:
    """A #RRGGBB colour at a third of its strength (rgba), for the launched bar; the legend shows it pale too."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},0.35)"


def y_top(rows: pd.DataFrame) -> float:
    """The top of the shared count axis: the largest launched or destroyed figure in the rows, plus headroom."""
    values = pd.concat([rows["launched"], rows["destroyed"]]).dropna()
    return float(values.max()) * 1.08 if len(values) and values.max() > 0 else 1.0


def claimant_figure(rows: pd.DataFrame, x: str, start, end, top: float, title: str, caption: str = "",
                    families: tuple[str, ...] = (), recon: bool = False) -> go.Figure:
    """One claimant's launched and destroyed counts (air_nights or air_weeks rows with the model's words:
    family_label, launched_text, destroyed_text, share_text) over time; `x` is "night" or "week_start", `top`
    the count axis's top shared by every claimant's figure. A figure not reported is no bar, never 0."""
    figure = go.Figure()
    weekly = x == "week_start"
    unit = pd.Timedelta(days=7 if weekly else 1)
    period = _("Week of {day}") if weekly else _("Night ending {day}")
    present = [f for f in (families or sorted(rows["weapon"].unique())) if (rows["weapon"] == f).any()]
    # Explicit widths and offsets (milliseconds on a date axis): each bar covers its own night or week whatever
    # the other bars, and a family's destroyed bar sits inside its launched bar.
    width = unit * BAR_SHARE / max(len(present), 1)
    for index, family in enumerate(present):
        own = rows[rows["weapon"] == family]
        colour = FAMILY_COLOURS.get(family, OKABE_ITO["black"])
        label = str(own["family_label"].iloc[0])
        hover = [
            hover_html(
                f"{r.claimant_name}: {r.family_label}",
                period.format(day=format_date(pd.Timestamp(getattr(r, x)).date())),
                _("Launched: {count}").format(count=r.launched_text),
                _("Destroyed: {count}").format(count=r.destroyed_text),
                r.share_text,
                bold_first=True,
            )
            for r in own.itertuples()
        ]
        offset = (-unit * BAR_SHARE / 2 + width * index) / pd.Timedelta(milliseconds=1)
        common = dict(x=pd.to_datetime(own[x]) + unit / 2, legendgroup=family, hovertext=hover, hoverinfo="text",
                      width=width / pd.Timedelta(milliseconds=1), offset=offset)
        figure.add_trace(go.Bar(y=own["launched"], name=_("{family}: launched").format(family=label),
                                marker=dict(color=pale(colour), line=dict(color=colour, width=1)), **common))
        figure.add_trace(go.Bar(y=own["destroyed"], name=_("{family}: destroyed").format(family=label),
                                marker=dict(color=colour), **common))
    first = pd.Timestamp(start)
    last = pd.Timestamp(end) + pd.Timedelta(days=1)
    if weekly:  # whole weeks, Monday to Monday
        first -= pd.Timedelta(days=first.weekday())
        last += pd.Timedelta(days=(7 - last.weekday()) % 7)
    axis = date_axis(first, last)
    if weekly:  # a tick on every Monday (fewer on long spans)
        weeks = max(1, round((last - first) / pd.Timedelta(days=7) / 6))
        axis |= dict(tick0=first, dtick=weeks * 7 * 86_400_000)
    figure.update_layout(
        font=FONT, plot_bgcolor="white", barmode="overlay",
        legend=dict(orientation="h", x=0, y=1 + 8 / (RECON_PX if recon else PLOT_PX), yanchor="bottom",
                    xanchor="left", font=dict(size=11)),
        xaxis=axis,
        yaxis=dict(range=[0, top], gridcolor=GRID, rangemode="tozero", title=None, automargin=False),
        hoverlabel=dict(align="left"),
    )
    plot_px = RECON_PX if recon else PLOT_PX
    frame(figure, plot_px, title=title, caption=caption, top_px=LEGEND_PX, left_px=48, axis_px=AXIS_PX + 12)
    return figure
