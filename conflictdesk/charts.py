"""Plotly figures built from query results: pure functions, no Streamlit."""

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
        xaxis=dict(showgrid=True, gridcolor="#eeeeee", tickformat="%-d %b %Y"),
        yaxis=dict(categoryorder="array", categoryarray=[v[0] for v in reversed(TIMELINE_ROWS.values())]),
    )
    add_caption(figure, caption)
    return figure


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
