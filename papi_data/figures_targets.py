"""Target-versus-actual and where-to-focus charts (pure)."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from . import codebook
from .analytics import TIER_NAMES
from .figures import TIER_COLORS, _layout
from .i18n import fmt, t

VALUE_MARK, TIER_MARK = "#000000", "#7A3E9D"


def target_chart(ev: pd.DataFrame, lang: str, title: str, year: int) -> go.Figure | None:
    """Bullet-style chart: a bar of the actual score per indicator (coloured
    by its tier) with a marker at each target expressed in points: the value
    of a value target, the cut point of the target tier for a tier target.
    TOTAL sits on its own axis (another scale) beside the dimensions; both
    axes start at 0 so bar lengths stay honest. None when no target has a
    position in points (rank targets only, or no data that year)."""
    pts = ev[ev["target_points"].notna()]
    if pts.empty:
        return None
    order = list(dict.fromkeys(pts["indicator"]))
    parts = [p for p in (["TOTAL"], [c for c in order if c != "TOTAL"]) if any(c in order for c in p)]
    fig = make_subplots(rows=1, cols=len(parts), column_widths=[0.2, 0.8] if len(parts) == 2 else None,
                        horizontal_spacing=0.08)
    shown = set()
    for col, codes in enumerate(parts, start=1):
        codes = [c for c in order if c in codes]
        first = ev[ev["indicator"].isin(codes)].drop_duplicates("indicator").set_index("indicator").loc[codes]
        labels = [c if c != "TOTAL" else t("tgt_total_short", lang) for c in codes]
        actual = first["actual"].astype(float)
        colors = [TIER_COLORS[int(k)] if k == k and k is not None else "#BBBBBB" for k in first["actual_tier"]]
        fig.add_trace(go.Bar(
            x=labels, y=actual, marker_color=colors, name=t("tgt_actual", lang), showlegend="bar" not in shown,
            text=[fmt(x, lang) if x == x else t("tgt_no_data", lang) for x in actual], textposition="outside",
            customdata=[TIER_NAMES[lang][int(k)] if k == k and k is not None else "–" for k in first["actual_tier"]],
            hovertemplate="%{x}: %{y:.2f} (%{customdata})<extra></extra>"), row=1, col=col)
        shown.add("bar")
        for kind, color, symbol, name in (("value", VALUE_MARK, "line-ew", t("tgt_target_marker", lang)),
                                          ("tier", TIER_MARK, "diamond-wide", t("tgt_tier_marker", lang))):
            m = pts[(pts["kind"] == kind) & pts["indicator"].isin(codes)]
            if m.empty:
                continue
            status = [t("tgt_met", lang) if x is True else t("tgt_not_met", lang) if x is False else t("tgt_no_data", lang)
                      for x in m["met"]]
            fig.add_trace(go.Scatter(
                x=[c if c != "TOTAL" else t("tgt_total_short", lang) for c in m["indicator"]],
                y=m["target_points"].astype(float), mode="markers", name=name, showlegend=kind not in shown,
                marker={"symbol": symbol, "size": 30 if kind == "value" else 14, "color": color,
                        "line": {"width": 4 if kind == "value" else 1, "color": color if kind == "value" else "#fff"}},
                customdata=status, hovertemplate="%{x}: " + name + " %{y:.2f} — %{customdata}<extra></extra>"),
                row=1, col=col)
            shown.add(kind)
        top = max(codebook.scale(c, year)[1] for c in codes)
        fig.update_yaxes(range=[0, top * 1.08 if top > 10 else top + 0.8], gridcolor="#eee", row=1, col=col)
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
