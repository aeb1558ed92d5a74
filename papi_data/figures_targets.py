"""Target-versus-actual and where-to-focus charts (pure)."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from . import codebook
from .analytics import TIER_NAMES
from .figures import TIER_COLORS, _layout
from .i18n import t

MET, MISSED = "#009E73", "#D55E00"


def target_chart(ev: pd.DataFrame, lang: str, title: str) -> go.Figure:
    """Bars of the actual score with a marker at each value target, TOTAL on
    its own axis (another scale) beside the dimensions."""
    v = ev[(ev["kind"] == "value")]
    dims = v[v["indicator"] != "TOTAL"]
    tot = v[v["indicator"] == "TOTAL"]
    fig = make_subplots(rows=1, cols=2, column_widths=[0.2, 0.8], horizontal_spacing=0.08)
    for col, part in ((1, tot), (2, dims)):
        if part.empty:
            continue
        colors = [MET if m is True else MISSED if m is False else "#BBBBBB" for m in part["met"]]
        fig.add_trace(go.Bar(x=part["indicator"], y=part["actual"], marker_color=colors, name=t("tgt_actual", lang),
                             showlegend=col == 2 or dims.empty, text=[f"{x:.2f}" if x == x and x is not None else ""
                                                                      for x in part["actual"].astype(float)],
                             textposition="outside", hovertemplate="%{x}: %{y:.2f}<extra></extra>"), row=1, col=col)
        fig.add_trace(go.Scatter(x=part["indicator"], y=part["target"], mode="markers", name=t("tgt_target_marker", lang),
                                 marker={"symbol": "line-ew", "size": 34, "line": {"width": 4, "color": "#000"}},
                                 showlegend=col == 2 or dims.empty,
                                 hovertemplate="%{x}: " + t("tgt_target_marker", lang) + " %{y:.2f}<extra></extra>"),
                      row=1, col=col)
    if not tot.empty:
        lo = float(min(tot["target"].min(), tot["actual"].min(skipna=True) if tot["actual"].notna().any() else 99))
        fig.update_yaxes(range=[lo * 0.9, float(max(tot["target"].max(), tot["actual"].max(skipna=True) or 0)) * 1.04],
                         row=1, col=1)
    fig.update_yaxes(range=[0, 10], row=1, col=2, gridcolor="#eee")
    return _layout(fig, lang, title, height=420, legend={"orientation": "h", "y": -0.12, "yanchor": "top"})


def focus_chart(focus: pd.DataFrame, lang: str, title: str) -> go.Figure:
    """Points each dimension needs to reach the next tier, cheapest first."""
    f = focus.iloc[::-1]
    fig = go.Figure(go.Bar(
        x=f["points_to_next_tier"], y=[codebook.name(c, lang) for c in f["indicator"]], orientation="h",
        marker_color=[TIER_COLORS[int(k)] for k in f["tier"]],
        text=[f"{x:.2f}" for x in f["points_to_next_tier"]], textposition="outside",
        customdata=[TIER_NAMES[lang][int(k)] for k in f["tier"]],
        hovertemplate="%{y}: %{x:.2f} (%{customdata})<extra></extra>"))
    fig.update_xaxes(title=t("points_next", lang), gridcolor="#eee")
    return _layout(fig, lang, title, height=max(260, 48 * len(f) + 100))
