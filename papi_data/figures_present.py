"""Figures for the presentation mode (pure: values -> plotly Figure)."""
from __future__ import annotations

import plotly.graph_objects as go

from .figures import FONT, PROVINCE_COLOR


def headline(cells: list[tuple[str, str, str | None]], title: str, note: str | None = None,
             height: int = 640) -> go.Figure:
    """The headline figures as large text on a 2-column grid of (label,
    value, colour) cells — readable from the back of a meeting room. `note`
    goes under the last cell."""
    fig = go.Figure()
    rows = (len(cells) + 1) // 2
    for i, (label, value, color) in enumerate(cells):
        x, top = 0.25 + 0.5 * (i % 2), 1 - (i // 2) / rows
        fig.add_annotation(x=x, y=top - 0.08, text=label, showarrow=False, font={"size": 26, "color": "#555555"})
        fig.add_annotation(x=x, y=top - 0.25, text=f"<b>{value}</b>", showarrow=False,
                           font={"size": 64, "color": color or PROVINCE_COLOR})
    if note:
        i = len(cells) - 1
        fig.add_annotation(x=0.25 + 0.5 * (i % 2), y=1 - (i // 2) / rows - 0.4, text=note, showarrow=False,
                           font={"size": 20, "color": "#555555"})
    fig.update_layout(title={"text": title, "x": 0, "xanchor": "left", "font": {"size": 36}}, height=height,
                      font={"family": FONT}, xaxis={"visible": False, "range": [0, 1], "fixedrange": True},
                      yaxis={"visible": False, "range": [0, 1], "fixedrange": True}, plot_bgcolor="white",
                      paper_bgcolor="white", margin={"l": 10, "r": 10, "t": 80, "b": 10}, showlegend=False)
    return fig
