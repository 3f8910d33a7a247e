"""Air attacks per night or per week: one chart per claimant, never one claimant's count stacked on another's.

Each claimant (the national Air Force, a regional command) gets its own figure on the same time axis and the
same scale, so they can be compared side by side but never read as one total. In a figure each weapon family
is a colour: a pale bar for how many were launched and a solid bar inside it for how many were destroyed.
Reconnaissance drones are drawn in a figure of their own, apart from attack drones.
"""

import pandas as pd
import plotly.graph_objects as go

from conflictdesk.charts.style import FONT, GRID, OKABE_ITO, date_axis, frame, hover_html
from conflictdesk.i18n import _

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
    period = _("Week of {day}") if x == "week_start" else _("Night ending {day}")
    for family in families or sorted(rows["weapon"].unique()):
        own = rows[rows["weapon"] == family]
        if own.empty:
            continue
        colour = FAMILY_COLOURS.get(family, OKABE_ITO["black"])
        label = str(own["family_label"].iloc[0])
        hover = [
            hover_html(
                f"{r.claimant_name}: {r.family_label}",
                period.format(day=pd.Timestamp(getattr(r, x)).strftime("%-d %b %Y")),
                _("Launched: {count}").format(count=r.launched_text),
                _("Destroyed: {count}").format(count=r.destroyed_text),
                r.share_text,
                bold_first=True,
            )
            for r in own.itertuples()
        ]
        common = dict(x=pd.to_datetime(own[x]), offsetgroup=family, legendgroup=family, hovertext=hover,
                      hoverinfo="text")
        figure.add_trace(go.Bar(y=own["launched"], name=_("{family}: launched").format(family=label),
                                marker=dict(color=colour, opacity=0.35, line=dict(color=colour, width=1)), **common))
        figure.add_trace(go.Bar(y=own["destroyed"], name=_("{family}: destroyed").format(family=label),
                                marker=dict(color=colour), **common))
    figure.update_layout(
        font=FONT, plot_bgcolor="white", barmode="group", bargap=0.15, bargroupgap=0.05,
        legend=dict(orientation="h", x=0, y=1 + 8 / (RECON_PX if recon else PLOT_PX), yanchor="bottom",
                    xanchor="left", font=dict(size=11)),
        xaxis=date_axis(pd.Timestamp(start) - pd.Timedelta(days=1), pd.Timestamp(end) + pd.Timedelta(days=1)),
        yaxis=dict(range=[0, top], gridcolor=GRID, rangemode="tozero", title=None, automargin=False),
        hoverlabel=dict(align="left"),
    )
    plot_px = RECON_PX if recon else PLOT_PX
    frame(figure, plot_px, title=title, caption=caption, top_px=LEGEND_PX, left_px=48)
    return figure
