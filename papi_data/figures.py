"""Pure figure builders: tidy frames in, plotly Figures out (no Streamlit).

Pages, exports and tests share them, so a chart looks the same everywhere.
Tier colours follow the Okabe–Ito palette, which stays distinguishable for
the common forms of colour blindness; tiers are also named in hover text and
legends, never shown by colour alone.
"""
from __future__ import annotations

import json
import math
import textwrap
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from . import DATA_DIR, codebook, display, provinces
from .analytics import TIER_NAMES
from .i18n import fmt, t

TIER_COLORS = {1: "#0072B2", 2: "#56B4E9", 3: "#E69F00", 4: "#D55E00"}
NO_DATA_COLOR = "#D9D9D9"
PROVINCE_COLOR = "#0B3C5D"
MEAN_COLOR = "#6B6B6B"
SERIES_COLORS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]
FONT = "DejaVu Sans, Arial, sans-serif"


def _layout(fig: go.Figure, lang: str, title: str, height: int = 420, margin: dict | None = None,
            **kw) -> go.Figure:
    """Shared look. `margin` should already hold the axis labels and legend:
    plotly widens a margin that is too small, but only by drawing the whole
    figure a second time (a third of a page's chart drawing time)."""
    fig.update_layout(title={"text": title, "x": 0, "xanchor": "left", "font": {"size": 16}},
                      separators=",." if lang == "vi" else ".,", height=height,
                      font={"family": FONT, "size": 12}, margin={"l": 10, "r": 10, "t": 50, "b": 10, **(margin or {})},
                      plot_bgcolor="white", paper_bgcolor="white", **kw)
    # Axes make room for their labels (province names). Plotly's default
    # template does this, but Streamlit swaps in its own template, which
    # does not; set on the figure's template so subplot axes get it too.
    fig.layout.template.layout.xaxis.automargin = True
    fig.layout.template.layout.yaxis.automargin = True
    return fig


def _label_margin(labels, font_size: int) -> int:
    """Pixels a column of axis labels needs (DejaVu Sans, the widest of the
    fonts in FONT, averages about 0.55 em per character of these names)."""
    longest = max((len(str(s)) for s in labels), default=0)
    return int(12 + 0.55 * font_size * longest)


def rank_label(rank_change) -> str:
    """A bar's rank change as the tables write it (+3, −2, 0), '' unknown."""
    return "" if display.missing(rank_change) else display.rank_change(rank_change)


def dimension_ticks(codes, lang: str, width: int = 14, lines: int = 3) -> list[str]:
    """Axis labels that name each dimension, not only its code: 'D1<br>Tham
    gia của<br>người dân …' (plotly never wraps a label by itself)."""
    out = []
    for c in codes:
        name = codebook.name(c, lang)
        name = name if name.startswith(c) else f"{c} {name}"
        out.append("<br>".join(textwrap.wrap(name, width, max_lines=lines, placeholder=" …")))
    return out


def tier_label(tier: int, lang: str) -> str:
    return TIER_NAMES[lang][int(tier)]


def ranking_bar(ranked: pd.DataFrame, lang: str, title: str, highlight: int | None = None,
                names: dict[int, str] | None = None) -> go.Figure:
    """Horizontal bars of one year's ranking, best on top, coloured by tier,
    with dotted lines at the three cut points."""
    names = names or {}
    fig = go.Figure()
    df = ranked.sort_values(["rank", "province_code"])
    labels = [f"{int(r)}. {names.get(c, c)}" for r, c in zip(df["rank"], df["province_code"])]
    for tier in (1, 2, 3, 4):
        m = (df["tier"] == tier).to_numpy()
        if not m.any():
            continue
        sub = df[m]
        change = [("" if pd.isna(rc) else f" ({display.rank_change(rc)})") for rc in sub["rank_change"]]
        fig.add_trace(go.Bar(
            x=sub["value"], y=np.array(labels)[m], orientation="h", name=tier_label(tier, lang),
            marker={"color": TIER_COLORS[tier],
                    "line": {"color": ["#000" if c == highlight else TIER_COLORS[tier] for c in sub["province_code"]],
                             "width": [3 if c == highlight else 0 for c in sub["province_code"]]}},
            # The change in rank since the previous year, written after the bar.
            text=[rank_label(rc) for rc in sub["rank_change"]], textposition="outside", cliponaxis=False,
            textfont={"size": 9, "color": "#333"},
            customdata=np.stack([sub["rank"], sub["n_ranked"], change], axis=-1),
            hovertemplate="%{y}: %{x:.2f}<br>" + t("rank", lang) + " %{customdata[0]}/%{customdata[1]}%{customdata[2]}<extra>"
                          + tier_label(tier, lang) + "</extra>"))
    if not df.empty:
        cuts = [float(df[f"cut_{k}"].iloc[0]) for k in (1, 2, 3)]
        fig.layout.shapes = [{"type": "line", "xref": "x", "yref": "paper", "x0": x, "x1": x, "y0": 0, "y1": 1,
                              "line": {"dash": "dot", "color": "#444", "width": 1}} for x in cuts]
        lo, hi = float(df["value"].min()), float(df["value"].max())
        pad = (hi - lo) * 0.15 or 1
        start = math.floor(max(lo - pad, 0))
        # The axis is labelled where it starts and at the cut points, so the
        # dotted lines read as tier thresholds and a bar's length is not taken
        # as measured from zero.
        fig.update_xaxes(range=[start, hi + pad * 0.45], tickmode="array", tickvals=[start, *cuts[::-1]],
                         ticktext=[fmt(start, lang, 0), *(fmt(x, lang) for x in cuts[::-1])], tickangle=0,
                         tickfont={"size": 9}, title={"text": t("ranking_axis", lang), "font": {"size": 10}})
    fig.update_yaxes(autorange="reversed", tickfont={"size": 10})
    height = max(420, 16 * len(df) + 110)
    return _layout(fig, lang, title, height=height, barmode="overlay",
                   margin={"l": _label_margin(labels, 10), "b": 110},
                   # the legend below the axis title: 48 px under the plot area
                   legend={"orientation": "h", "y": -48 / (height - 160), "yanchor": "top"}, bargap=0.15)


@lru_cache(maxsize=2)
def _tiles(era: int) -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / f"tiles_{era}.csv", comment="#")


def tiles(year: int) -> pd.DataFrame:
    """Tile-grid positions (gso_code, col, row; row 0 = north) of the map that
    applies to `year`: data/tiles_63.csv up to 2024, data/tiles_34.csv from
    2025 (each file says where its layout comes from)."""
    return _tiles(provinces.era_of(year)).copy()


def tile_map(ranked: pd.DataFrame, year: int, lang: str, title: str, highlight: int | None = None) -> go.Figure:
    """Vietnam as a grid of equal tiles, one per province, coloured by tier;
    provinces without a score that year are grey."""
    pos = tiles(year).merge(ranked[["province_code", "value", "tier", "rank", "n_ranked"]],
                            left_on="gso_code", right_on="province_code", how="left")
    names = provinces.names(year, lang)
    pos["name"] = pos["gso_code"].map(names)
    fig = go.Figure()
    groups = [(k, pos[pos["tier"] == k], TIER_COLORS[k], tier_label(k, lang)) for k in (1, 2, 3, 4)]
    groups.append((0, pos[pos["tier"].isna()], NO_DATA_COLOR, t("no_data", lang)))
    # The tiles are layout shapes, set in one go (adding them one by one
    # re-validates every earlier shape: seconds instead of milliseconds).
    shapes = []
    for k, sub, color, label in groups:
        if sub.empty:
            continue
        shapes += [{"type": "rect", "layer": "below", "x0": x - 0.47, "x1": x + 0.47, "y0": y - 0.47, "y1": y + 0.47,
                    "fillcolor": color,
                    "line": {"color": "#000" if c == highlight else "white", "width": 3 if c == highlight else 1}}
                   for c, x, y in zip(sub["gso_code"], sub["col"], sub["row"])]
        hover = [f"{n}: {fmt(v, lang)} — {t('rank', lang)} {int(r)}/{int(nr)} ({label})" if k
                 else f"{n}: {t('no_data', lang)}"
                 for n, v, r, nr in zip(sub["name"], sub["value"], sub["rank"].fillna(0), sub["n_ranked"].fillna(0))]
        fig.add_trace(go.Scatter(
            x=sub["col"], y=sub["row"], mode="markers+text", name=label,
            marker={"symbol": "square", "size": 12, "color": color},  # same colour as its tile: shows in the legend only
            text=[_short(n) for n in sub["name"]],
            textfont={"size": 8, "color": "white" if k in (1, 4) else "black"},
            hovertext=hover, hoverinfo="text"))
    fig.update_traces(showlegend=True)
    fig.layout.shapes = shapes
    rows = int(pos["row"].max()) + 1
    fig.update_xaxes(visible=False, range=[-0.6, pos["col"].max() + 0.6])
    fig.update_yaxes(visible=False, range=[rows - 0.4, -0.6], scaleanchor="x", scaleratio=1)
    return _layout(fig, lang, title, height=max(560, rows * 36 + 80), margin={"b": 70},
                   legend={"orientation": "h", "y": -0.01, "yanchor": "top", "itemsizing": "constant"})


def _short(name: str, width: int = 5) -> str:
    """A tile label: the name on up to three short lines ("Thừa<br>Thiên<br>Huế")."""
    if " - " in name:  # "Bà Rịa - Vũng Tàu"
        return "<br>".join(part.strip() for part in name.split(" - "))
    words = name.replace("TP. ", "").split()
    lines: list[str] = []
    for w in words:
        if lines and len(lines[-1]) + 1 + len(w) <= width:
            lines[-1] += " " + w
        else:
            lines.append(w)
    if len(lines) > 3:  # long names: two balanced lines instead
        half = math.ceil(len(words) / 2)
        lines = [" ".join(words[:half]), " ".join(words[half:])]
    return "<br>".join(lines)


def choropleth(ranked: pd.DataFrame, year: int, lang: str, title: str, geojson_path: str | Path) -> go.Figure:
    """A true map from the user's boundary file (PAPI_GEOJSON). Features are
    matched by a GSO code or a province name in their properties."""
    gj = json.loads(Path(geojson_path).read_text(encoding="utf-8"))
    keys = {}
    for i, f in enumerate(gj.get("features", [])):
        f.setdefault("id", i)
        props = f.get("properties") or {}
        code = None
        for v in props.values():
            if isinstance(v, (int, float)) and not isinstance(v, bool) and int(v) in provinces.names(year):
                code = int(v)
                break
            if isinstance(v, str):
                try:
                    code = provinces.resolve(v, year)
                    break
                except provinces.UnknownProvince:
                    continue
        if code is not None:
            keys[code] = f["id"]
    df = ranked[ranked["province_code"].isin(keys)]
    fig = go.Figure(go.Choropleth(
        geojson=gj, locations=[keys[c] for c in df["province_code"]], z=df["tier"],
        zmin=0.5, zmax=4.5, colorscale=[[0, TIER_COLORS[1]], [0.25, TIER_COLORS[1]], [0.25, TIER_COLORS[2]],
                                        [0.5, TIER_COLORS[2]], [0.5, TIER_COLORS[3]], [0.75, TIER_COLORS[3]],
                                        [0.75, TIER_COLORS[4]], [1, TIER_COLORS[4]]],
        text=[provinces.name(c, year, lang) for c in df["province_code"]], showscale=False,
        hovertemplate="%{text}<extra></extra>"))
    fig.update_geos(fitbounds="locations", visible=False)
    return _layout(fig, lang, title, height=640)


def dimension_spread(year_frame: pd.DataFrame, year: int, lang: str, title: str,
                     highlight: int | None = None) -> go.Figure:
    """The spread of each dimension across provinces (box + points), with one
    province marked."""
    dims = codebook.indicators(year, "dimension")
    fig = go.Figure()
    for d in dims:
        sub = year_frame[year_frame["indicator"] == d]
        fig.add_trace(go.Box(y=sub["value"], name=d, boxpoints="all", jitter=0.4, pointpos=0,
                             marker={"color": "#9AA5B1", "size": 4}, line={"color": "#5B6770"},
                             fillcolor="rgba(0,0,0,0)", showlegend=False,
                             hovertemplate=d + ": %{y:.2f}<extra></extra>"))
    if highlight is not None:
        mine = year_frame[(year_frame["province_code"] == highlight) & year_frame["indicator"].isin(dims)]
        fig.add_trace(go.Scatter(x=mine["indicator"], y=mine["value"], mode="markers",
                                 name=provinces.name(highlight, year, lang),
                                 marker={"symbol": "diamond", "size": 13, "color": PROVINCE_COLOR,
                                         "line": {"color": "white", "width": 1}},
                                 hovertemplate="%{x}: %{y:.2f}<extra>%{fullData.name}</extra>"))
    fig.update_yaxes(title=t("value", lang), gridcolor="#eee")
    fig.update_xaxes(tickmode="array", tickvals=list(dims), ticktext=dimension_ticks(dims, lang), tickfont={"size": 10})
    return _layout(fig, lang, title, margin={"l": 55, "b": 95},
                   legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 1, "xanchor": "right"})


def trend(series: dict[str, pd.DataFrame], stats: pd.DataFrame, indicator: str, lang: str, title: str,
          years: list[int], missing_reason: str | None = None) -> go.Figure:
    """Scores over the years for one indicator.

    `series` maps a label to a frame (year, value[, ci_low, ci_high]); the
    national mean is dashed and the band between the 25th and 75th
    percentile cut points shaded. A year with no score is a gap, with a note.
    The TOTAL line is broken at 2017→2018 where its scale changes from 60 to 80.
    """
    fig = go.Figure()
    # Only the years the indicator is part of PAPI (D7 and D8 start in 2018): a
    # year before it existed is not a year "PAPI did not publish".
    years = [y for y in years if codebook.exists(indicator, y)] or list(years)
    breaks = [y for y in years if not codebook.comparable(indicator, y - 1, y) and y - 1 in years]
    # x positions with a gap at each break, so no line joins two scales.
    xs = sorted([*years, *(b - 0.5 for b in breaks)])

    def on_x(s: pd.Series) -> list:
        return s.reindex(xs).tolist()

    st = stats[stats["indicator"] == indicator].set_index("year")
    # The band is drawn per comparable segment: a fill must not bridge a break.
    edges = [min(years) - 1, *breaks, max(years) + 1]
    for j, (lo, hi) in enumerate(zip(edges, edges[1:])):
        seg = [y for y in years if lo <= y < hi] if j else [y for y in years if y < hi]
        fig.add_trace(go.Scatter(x=seg, y=st["cut_1"].reindex(seg).tolist(), mode="lines", line={"width": 0},
                                 showlegend=False, hoverinfo="skip", legendgroup="band"))
        fig.add_trace(go.Scatter(x=seg, y=st["cut_3"].reindex(seg).tolist(), mode="lines", line={"width": 0},
                                 fill="tonexty", fillcolor="rgba(86,180,233,0.18)", name=t("band_mid_tiers", lang),
                                 hoverinfo="skip", legendgroup="band", showlegend=j == 0))
    fig.add_trace(go.Scatter(x=xs, y=on_x(st["mean"]), mode="lines", name=t("national_mean", lang),
                             line={"color": MEAN_COLOR, "dash": "dash"}, connectgaps=False,
                             hovertemplate="%{x}: %{y:.2f}<extra>" + t("national_mean", lang) + "</extra>"))
    for i, (label, df) in enumerate(series.items()):
        s = df.set_index("year").reindex(years)
        err = None
        if "ci_low" in s and s["ci_low"].notna().any():
            err = {"type": "data", "symmetric": False, "array": on_x(s["ci_high"] - s["value"]),
                   "arrayminus": on_x(s["value"] - s["ci_low"]), "color": SERIES_COLORS[i % 7]}
        hover = (on_x(pd.Series([interval_hover(lo, hi, lang, br=True) for lo, hi in zip(s["ci_low"], s["ci_high"])],
                                index=s.index)) if err else None)
        fig.add_trace(go.Scatter(x=xs, y=on_x(s["value"]), mode="lines+markers", name=label, connectgaps=False,
                                 line={"color": SERIES_COLORS[i % 7], "width": 3 if i == 0 else 2},
                                 error_y=err, customdata=hover,
                                 hovertemplate="%{x}: %{y:.2f}" + ("%{customdata}" if err else "")
                                               + "<extra>" + label + "</extra>"))
        if i == 0 and s["value"].notna().any():  # gaps of the first (main) series, with the reason
            for yr in [yr for yr in years if pd.isna(s.loc[yr, "value"])]:
                fig.add_annotation(x=yr, y=0, yref="paper", text=missing_reason or t("not_published", lang),
                                   showarrow=False, textangle=-90, yanchor="bottom",
                                   font={"size": 9, "color": "#777"})
    for b in breaks:
        note = codebook.breaks_between(indicator, b - 1, b)
        fig.add_vline(x=b - 0.5, line={"dash": "dot", "color": "#B00"})
        text = note.iloc[0]["note_vi" if lang == "vi" else "note_en"] if not note.empty else ""
        fig.add_annotation(x=b - 0.5, y=1, yref="paper", text=t("scale_break", lang), hovertext=text,
                           showarrow=False, xanchor="left", yanchor="top", font={"size": 10, "color": "#B00"})
    fig.update_xaxes(dtick=1, gridcolor="#eee")
    fig.update_yaxes(title=t("value", lang), gridcolor="#eee")
    return _layout(fig, lang, title, margin={"l": 55, "r": 20, "b": 105},
                   legend={"orientation": "h", "y": -0.12, "yanchor": "top"})


def interval_hover(low, high, lang: str, br: bool = False) -> str:
    """A value's 95% interval as the hover writes it ("95%: 43,10–44,02" /
    "95%: 43.10–44.02"); '' where either bound is unknown."""
    if display.missing(low) or display.missing(high):
        return ""
    text = t("ival_hover", lang, low=display.number(low, lang), high=display.number(high, lang))
    return ("<br>" + text) if br else text


def has_intervals(fig: go.Figure) -> bool:
    """Whether any trace of `fig` draws an error bar."""
    for tr in fig.data:
        for axis in ("error_x", "error_y"):
            err = getattr(tr, axis, None)
            if err is not None and err.array is not None and any(not display.missing(x) for x in err.array):
                return True
    return False


def interval_note(fig: go.Figure, lang: str) -> str | None:
    """The caption's line where no value in `fig` has an interval (so the
    chart does not imply a precision nobody measured); None otherwise."""
    return None if has_intervals(fig) else t("ival_none", lang)


def value_bars(values: pd.DataFrame, lang: str, title: str) -> go.Figure:
    """One year's value of one indicator per unit, as bars in the trend's
    series colours, with the 95% interval as an error bar (and in the hover)
    where the value carries one. `values`: label, value[, ci_low, ci_high]."""
    df = values.reset_index(drop=True)
    lo = df["ci_low"] if "ci_low" in df else pd.Series(np.nan, index=df.index)
    hi = df["ci_high"] if "ci_high" in df else pd.Series(np.nan, index=df.index)
    known = lo.notna() & hi.notna()
    err = None
    if known.any():
        err = {"type": "data", "symmetric": False, "color": "#222", "thickness": 1.5, "width": 6,
               "array": (hi - df["value"]).where(known).tolist(), "arrayminus": (df["value"] - lo).where(known).tolist()}
    labels = [str(x) for x in df["label"]]
    fig = go.Figure(go.Bar(
        x=labels, y=df["value"].tolist(), error_y=err, showlegend=False,
        marker={"color": [SERIES_COLORS[i % 7] for i in range(len(df))]},
        customdata=[interval_hover(a, b, lang, br=True) for a, b in zip(lo, hi)],
        hovertemplate="%{x}: %{y:.2f}%{customdata}<extra></extra>"))
    if not df.empty:
        # As the ranking bars: the axis starts near the lowest value, where it
        # is labelled, so the intervals (often a tenth of a point) can be seen.
        low = float(np.nanmin(np.where(known, lo, df["value"])))
        top = float(np.nanmax(np.where(known, hi, df["value"])))
        pad = (top - low) * 0.25 or 1
        fig.update_yaxes(range=[math.floor(max(low - pad, 0)), top + pad * 0.5])
    fig.update_yaxes(title=t("value", lang), gridcolor="#eee")
    fig.update_xaxes(tickfont={"size": 11})
    return _layout(fig, lang, title, height=380, margin={"l": 55, "b": 60}, bargap=0.35)


def radar(profiles: dict[str, pd.Series], lang: str, title: str, reference: tuple[str, ...] = ()) -> go.Figure:
    """Dimension profile(s) on a 0–10 radar. `profiles` maps a label to a
    Series indexed by dimension code; the profiles named in `reference`
    (a national mean) are drawn dashed."""
    fig = go.Figure()
    for i, (label, s) in enumerate(profiles.items()):
        cats = list(s.index) + [s.index[0]]
        vals = list(s.values) + [s.values[0]]
        fig.add_trace(go.Scatterpolar(r=vals, theta=cats, name=label, fill="toself" if i == 0 else None,
                                      line={"color": SERIES_COLORS[i % 7], "dash": "dash" if label in reference
                                            else "solid"},
                                      opacity=0.85, hovertemplate="%{theta}: %{r:.2f}<extra>" + label + "</extra>"))
    codes = list(next(iter(profiles.values())).index) if profiles else []
    fig.update_polars(radialaxis={"range": [0, 10], "gridcolor": "#ddd"},
                      angularaxis={"gridcolor": "#ddd", "tickmode": "array", "tickvals": codes,
                                   "ticktext": dimension_ticks(codes, lang, width=16, lines=2),
                                   "tickfont": {"size": 10}})
    return _layout(fig, lang, title, height=480, margin={"b": 105, "l": 95, "r": 95, "t": 95},
                   legend={"orientation": "h", "y": -0.08, "yanchor": "top"})


def small_multiples(frames: dict[str, dict[str, pd.DataFrame]], stats: pd.DataFrame, lang: str, title: str,
                    years: list[int], cols: int = 4) -> go.Figure:
    """One small trend panel per dimension: each `frames[code]` maps a label
    to its (year, value) frame; the national mean is dashed."""
    codes = list(frames)
    rows = math.ceil(len(codes) / cols)
    # Titles on up to two lines: at four panels a row, long names would run into their neighbours.
    titles = ["<br>".join(textwrap.wrap(codebook.name(c, lang), 32, max_lines=2, placeholder=" …")) for c in codes]
    fig = make_subplots(rows=rows, cols=cols, subplot_titles=titles,
                        shared_xaxes=True, vertical_spacing=0.12, horizontal_spacing=0.05)
    for k, code in enumerate(codes):
        r, c = k // cols + 1, k % cols + 1
        st = stats[stats["indicator"] == code].set_index("year").reindex(years)
        fig.add_trace(go.Scatter(x=years, y=st["mean"], mode="lines", line={"color": MEAN_COLOR, "dash": "dash"},
                                 name=t("national_mean", lang), showlegend=k == 0, legendgroup="mean",
                                 hovertemplate="%{x}: %{y:.2f}<extra></extra>"), row=r, col=c)
        for i, (label, df) in enumerate(frames[code].items()):
            s = df.set_index("year").reindex(years)["value"]
            fig.add_trace(go.Scatter(x=years, y=s, mode="lines+markers", connectgaps=False,
                                     line={"color": SERIES_COLORS[i % 7]}, marker={"size": 4}, name=label,
                                     showlegend=k == 0, legendgroup=label,
                                     hovertemplate="%{x}: %{y:.2f}<extra>" + label + "</extra>"), row=r, col=c)
    fig.update_annotations(font={"size": 11})
    # Fixed labels (0–10, years): fixed margins, no re-measuring of 16 axes.
    fig.update_yaxes(range=[0, 10], gridcolor="#eee", automargin=False)
    fig.update_xaxes(gridcolor="#eee", automargin=False)
    return _layout(fig, lang, title, height=260 * rows + 80, margin={"l": 30, "r": 40, "t": 75, "b": 65},
                   legend={"orientation": "h", "y": -0.05, "yanchor": "top"})
