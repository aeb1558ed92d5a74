"""Figures for the presentation mode (pure: values -> plotly Figure)."""
from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from .analytics import TIER_NAMES
from .figures import FONT, PROVINCE_COLOR, TIER_COLORS
from .i18n import fmt, fmt_rank

HEIGHT = 540   # fits a 1024×768 projector with the title and the buttons below


def value_size(text: str, cell_px: int = 440, largest: int = 64) -> int:
    """Font size that keeps a headline value inside its half of a 1024 px
    screen ("Trung bình thấp" is three times as long as "45,06"); bold
    DejaVu Sans runs about 0.7 em per character."""
    return max(28, min(largest, int(cell_px / (0.7 * max(len(text), 1)))))


def headline(cells: list[tuple[str, str, str | None]], title: str, note: str | None = None,
             height: int = HEIGHT, columns: int = 2) -> go.Figure:
    """The headline figures as large text on a grid of (label, value, colour)
    cells — readable from the back of a meeting room; `columns=1` stacks them
    for a phone held upright. `note` goes under the last cell."""
    fig = go.Figure()
    rows = (len(cells) + columns - 1) // columns
    narrow = columns == 1
    step = 1 / rows
    for i, (label, value, color) in enumerate(cells):
        x, top = (0.5, 1 - i * step) if narrow else (0.25 + 0.5 * (i % 2), 1 - (i // 2) / rows)
        fig.add_annotation(x=x, y=top - (0.03 if narrow else 0.08), text=label, showarrow=False,
                           font={"size": 20 if narrow else 26, "color": "#555555"})
        fig.add_annotation(x=x, y=top - (0.13 if narrow else 0.25), text=f"<b>{value}</b>", showarrow=False,
                           font={"size": value_size(value, 320, 52) if narrow else value_size(value),
                                 "color": color or PROVINCE_COLOR})
    if note:
        i = len(cells) - 1
        x, y = (0.5, 1 - i * step - 0.21) if narrow else (0.25 + 0.5 * (i % 2), 1 - (i // 2) / rows - 0.4)
        text = "<br>".join(textwrap.wrap(note, 30)) if narrow else note
        fig.add_annotation(x=x, y=y, text=text, showarrow=False, font={"size": 16 if narrow else 20, "color": "#555555"})
    fig.update_layout(title={"text": "<br>".join(textwrap.wrap(title, 20)) if narrow else title, "x": 0,
                             "xanchor": "left", "font": {"size": 26 if narrow else 36}},
                      height=height, font={"family": FONT},
                      xaxis={"visible": False, "range": [0, 1], "fixedrange": True},
                      yaxis={"visible": False, "range": [0, 1], "fixedrange": True}, plot_bgcolor="white",
                      paper_bgcolor="white", margin={"l": 10, "r": 10, "t": 80 if not narrow else 90, "b": 10},
                      showlegend=False)
    return fig


def standing(ranked: pd.DataFrame, code: int, names: dict[int, str], lang: str, title: str,
             height: int = HEIGHT) -> go.Figure:
    """Where one province stands among all that year, readable from the back
    of a room (a tile map of 63 provinces is not): every province a dot on one
    score axis, the four tiers as bands with their cut points written on
    them, the province named in large type, the best and the lowest named at
    the ends."""
    fig = go.Figure()
    df = ranked.dropna(subset=["value"]).sort_values("value")
    if df.empty:
        return fig
    lo, hi = float(df["value"].min()), float(df["value"].max())
    pad = (hi - lo) * 0.08 or 1
    cuts = [float(df[f"cut_{k}"].iloc[0]) for k in (3, 2, 1)]          # low -> high
    edges = [lo - pad, *cuts, hi + pad]
    for k, (x0, x1) in enumerate(zip(edges[:-1], edges[1:])):
        tier = 4 - k
        fig.add_shape(type="rect", x0=x0, x1=x1, y0=0, y1=1, yref="paper", fillcolor=TIER_COLORS[tier],
                      opacity=0.14, line={"width": 0}, layer="below")
        fig.add_annotation(x=(x0 + x1) / 2, y=1, yref="paper", yanchor="bottom", text="<br>".join(textwrap.wrap(TIER_NAMES[lang][tier], 10)),
                           showarrow=False, font={"size": 19, "color": TIER_COLORS[tier]})
    for x in cuts:
        fig.add_shape(type="line", x0=x, x1=x, y0=0, y1=1, yref="paper", line={"dash": "dot", "color": "#444"})
        fig.add_annotation(x=x, y=0, yref="paper", yanchor="top", text=fmt(x, lang), showarrow=False,
                           font={"size": 18, "color": "#444"})
    fig.add_trace(go.Scatter(
        x=df["value"], y=[0.5] * len(df), mode="markers", hoverinfo="text", showlegend=False,
        text=[f"{names.get(c, c)}: {fmt(v, lang)}" for c, v in zip(df["province_code"], df["value"])],
        marker={"size": 16, "color": [TIER_COLORS[int(x)] for x in df["tier"]], "line": {"width": 1, "color": "white"}}))
    for row, ay in ((df.iloc[0], 0.22), (df.iloc[-1], 0.22)):
        if int(row["province_code"]) != code:
            fig.add_annotation(x=float(row["value"]), y=0.5, ay=ay, ayref="y", axref="x", ax=float(row["value"]),
                               text=f"{names.get(int(row['province_code']), '')}<br>{fmt(row['value'], lang)}",
                               font={"size": 18, "color": "#333"}, arrowcolor="#888", yref="y")
    me = df[df["province_code"] == code]
    if not me.empty:
        r = me.iloc[0]
        fig.add_trace(go.Scatter(x=[float(r["value"])], y=[0.5], mode="markers", showlegend=False, hoverinfo="skip",
                                 marker={"size": 34, "color": PROVINCE_COLOR, "line": {"width": 3, "color": "white"}}))
        fig.add_annotation(x=float(r["value"]), y=0.5, ay=0.8, ayref="y", axref="x", ax=float(r["value"]), yref="y",
                           text=f"<b>{names.get(code, code)}</b><br><b>{fmt(r['value'], lang)}</b> · "
                                f"{fmt_rank(r['rank'], r['n_ranked'], lang)}",
                           font={"size": 30, "color": PROVINCE_COLOR}, arrowcolor=PROVINCE_COLOR, arrowwidth=2)
    fig.update_layout(title={"text": title, "x": 0, "xanchor": "left", "font": {"size": 30}}, height=height,
                      font={"family": FONT, "size": 20}, separators=",." if lang == "vi" else ".,",
                      xaxis={"range": edges[::len(edges) - 1], "showgrid": False, "zeroline": False,
                             "showticklabels": False, "fixedrange": True},
                      yaxis={"range": [0, 1], "visible": False, "fixedrange": True},
                      plot_bgcolor="white", paper_bgcolor="white", margin={"l": 20, "r": 20, "t": 130, "b": 50})
    return fig
