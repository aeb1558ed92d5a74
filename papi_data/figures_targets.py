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
TEXT_ON = {1: "#FFFFFF", 2: "#000000", 3: "#000000", 4: "#FFFFFF"}     # readable on each tier colour


def _label(code: str, lang: str) -> str:
    return t("tgt_total_short", lang) if code == "TOTAL" else codebook.name(code, lang)


def target_chart(ev: pd.DataFrame, lang: str, title: str, year: int) -> go.Figure | None:
    """Bullet chart: a horizontal bar of the actual score per indicator
    (coloured by its tier) with a marker at each target expressed in points:
    the value of a value target, the cut point of the target tier for a tier
    target. TOTAL has its own axis (another scale) above the dimensions;
    axes start at 0 and end at the scale's maximum so bar lengths stay
    honest. None when no target has a position in points (rank targets
    only, or no score that year)."""
    pts = ev[ev["target_points"].notna()]
    if pts.empty:
        return None
    order = list(dict.fromkeys(pts["indicator"]))
    parts = [[c for c in order if c == "TOTAL"], [c for c in order if c != "TOTAL"]]
    parts = [p for p in parts if p]
    fig = make_subplots(rows=len(parts), cols=1, row_heights=[len(p) + 0.6 for p in parts],
                        vertical_spacing=0.28 / max(1, sum(len(p) for p in parts)) + 0.06)
    shown = set()
    for row, codes in enumerate(parts, start=1):
        first = ev[ev["indicator"].isin(codes)].drop_duplicates("indicator").set_index("indicator").loc[codes]
        labels = [_label(c, lang) for c in codes]
        actual = first["actual"].astype(float)
        tiers = [None if k is None or k != k else int(k) for k in first["actual_tier"]]
        fig.add_trace(go.Bar(
            y=labels, x=actual, orientation="h", width=0.5, name=t("tgt_actual", lang),
            marker_color=[TIER_COLORS[k] if k else "#BBBBBB" for k in tiers], showlegend="bar" not in shown,
            # The value sits inside the bar at its base, clear of the target markers at its end.
            text=[fmt(x, lang) if x == x else t("tgt_no_data", lang) for x in actual], textposition="inside",
            insidetextanchor="start", textfont={"color": [TEXT_ON.get(k, "#000") for k in tiers]},
            customdata=[TIER_NAMES[lang][k] if k else "–" for k in tiers],
            hovertemplate="%{y}: %{x:.2f} (%{customdata})<extra></extra>"), row=row, col=1)
        shown.add("bar")
        for kind, color, symbol, name in (("value", VALUE_MARK, "line-ns", t("tgt_target_marker", lang)),
                                          ("tier", TIER_MARK, "diamond-tall", t("tgt_tier_marker", lang))):
            m = pts[(pts["kind"] == kind) & pts["indicator"].isin(codes)]
            if m.empty:
                continue
            status = [t("tgt_met", lang) if x is True else t("tgt_not_met", lang) if x is False else t("tgt_no_data", lang)
                      for x in m["met"]]
            fig.add_trace(go.Scatter(
                y=[_label(c, lang) for c in m["indicator"]], x=m["target_points"].astype(float), mode="markers",
                name=name, showlegend=kind not in shown,
                marker={"symbol": symbol, "size": 26 if kind == "value" else 14, "color": color,
                        "line": {"width": 3 if kind == "value" else 1, "color": color if kind == "value" else "#fff"}},
                customdata=status, hovertemplate="%{y}: " + name + " %{x:.2f} — %{customdata}<extra></extra>"),
                row=row, col=1)
            shown.add(kind)
        top = max(codebook.scale(c, year)[1] for c in codes)
        fig.update_xaxes(range=[0, top], gridcolor="#eee", row=row, col=1)
        fig.update_yaxes(autorange="reversed", row=row, col=1)
    n = sum(len(p) for p in parts)
    height = 170 + 44 * n + 40 * (len(parts) - 1)
    plot_px = height - 50 - 70                           # minus top and bottom margins
    fig = _layout(fig, lang, title, height=height,
                  legend={"orientation": "h", "y": -34 / plot_px, "yanchor": "top", "x": 0})
    return fig.update_layout(margin={"r": 40, "b": 70})  # the legend sits below the axis labels


def focus_chart(focus: pd.DataFrame, lang: str, title: str) -> go.Figure:
    """Points each dimension needs to reach the next tier, cheapest first."""
    f = focus.iloc[::-1]
    fig = go.Figure(go.Bar(
        x=f["points_to_next_tier"], y=[codebook.name(c, lang) for c in f["indicator"]], orientation="h",
        marker_color=[TIER_COLORS[int(k)] for k in f["tier"]],
        # The label says which tier the points reach, so the colours need no key.
        text=[t("tgt_focus_to", lang, points=fmt(x, lang), tier=TIER_NAMES[lang][int(k) - 1])
              for x, k in zip(f["points_to_next_tier"], f["tier"])], textposition="outside",
        customdata=[TIER_NAMES[lang][int(k)] for k in f["tier"]],
        hovertemplate="%{y}: %{x:.2f} (%{customdata})<extra></extra>"))
    # Room on the right for the outside labels.
    fig.update_xaxes(title=t("points_next", lang), gridcolor="#eee",
                     range=[0, float(f["points_to_next_tier"].max() or 0) * 1.45 + 1e-9])
    return _layout(fig, lang, title, height=max(260, 48 * len(f) + 100))
