"""A 16:9 PowerPoint deck for one province and year, in Vietnamese or
English, built from the data layer (python-pptx). Charts are native,
editable PowerPoint charts; an analyst's own template may supply layouts.

    build(store, province_code=10, year=2019, lang="vi") -> bytes
"""
from __future__ import annotations

import datetime as dt
import io
import math

import pandas as pd
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_AXIS_CROSSES, XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_TICK_LABEL_POSITION
from pptx.util import Emu, Inches, Pt

from . import analytics, codebook, eras, explore, export, gaps, provinces
from . import official_tiers, ranks
from .db import groups as groups_store
from .db import targets as target_store
from .analytics import tier_name
from .figures import TIER_COLORS
from .i18n import fmt, fmt_rank, t
from .db.scores import Store

W, H = Inches(13.333), Inches(7.5)
ACTUAL, TARGET, MEAN = "#0B3C5D", "#E07B39", "#8C8C8C"
# A unit formed on 1 July 2025 and its former provinces, side by side (Okabe-Ito, as the figures)
MEMBER_COLORS = [ACTUAL, "#E69F00", "#009E73", "#CC79A7", "#56B4E9"]


def _rgb(hex_color: str) -> RGBColor:
    return RGBColor.from_string(hex_color.lstrip("#"))


def _dark(hex_color: str) -> bool:
    r, g, b = (int(hex_color.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))
    return 0.299 * r + 0.587 * g + 0.114 * b < 140


def _filled(x) -> bool:
    return x is not None and str(x).strip() not in ("", "–", "nan", "None")


def _next(tier, points, lang: str) -> str:
    """Points to the next tier; none for the top tier."""
    return "–" if pd.isna(tier) or int(tier) == 1 else fmt(points, lang)


def _labels(chart, texts_per_series, size=12, position=None):
    """Data labels written as the language writes numbers (45,06 / 45.06):
    a chart axis format follows the viewer's locale, these follow the deck's.
    The chart data stay numbers, so the chart remains editable."""
    for series, texts in zip(chart.plots[0].series, texts_per_series):
        for i, text in enumerate(texts):
            if text is None:
                continue
            dl = series.points[i].data_label
            dl.has_text_frame = True
            dl.text_frame.text = text
            dl.font.size = Pt(size)
            for run in dl.text_frame.paragraphs[0].runs:   # a rich-text label takes its size from its runs
                run.font.size = Pt(size)
            if position is not None:
                dl.position = position


def _colour(chart, colors):
    for series, color in zip(chart.plots[0].series, colors):
        if chart.chart_type in (XL_CHART_TYPE.LINE_MARKERS, XL_CHART_TYPE.RADAR_MARKERS):
            series.format.line.color.rgb = _rgb(color)
            series.format.line.width = Pt(2.5)
            series.marker.format.fill.solid()
            series.marker.format.fill.fore_color.rgb = _rgb(color)
            series.marker.format.line.color.rgb = _rgb(color)
        else:
            series.format.fill.solid()
            series.format.fill.fore_color.rgb = _rgb(color)


def _bars(slide, title, categories, series, lang, left, top, width, height, legend=True):
    """A native clustered column chart from 0 with each bar labelled."""
    cd = export.chart_data()
    cd.categories = categories
    for name, values in series:
        cd.add_series(name, values)
    ch = slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, left, top, width, height, cd).chart
    ch.has_title = True
    ch.chart_title.text_frame.text = title
    ch.chart_title.text_frame.paragraphs[0].runs[0].font.size = Pt(16)
    ch.has_legend = legend
    if legend:
        ch.legend.position, ch.legend.include_in_layout = XL_LEGEND_POSITION.BOTTOM, False
    ch.value_axis.minimum_scale = 0
    ch.value_axis.has_major_gridlines = False
    ch.value_axis.tick_label_position = XL_TICK_LABEL_POSITION.NONE
    ch.plots[0].gap_width, ch.plots[0].overlap = 40, -5
    _colour(ch, [ACTUAL, TARGET])
    _labels(ch, [[None if v is None else fmt(v, lang) for v in values] for _, values in series], size=12,
            position=XL_LABEL_POSITION.OUTSIDE_END)
    return ch


class _Deck:
    def __init__(self, template: bytes | None):
        self.prs = Presentation(io.BytesIO(template)) if template else Presentation()
        self.from_template = bool(template)
        if template:   # keep the template's layouts and theme, not its slides
            ids = self.prs.slides._sldIdLst
            for sld in list(ids):
                self.prs.part.drop_rel(sld.rId)
                ids.remove(sld)
        else:
            self.prs.slide_width, self.prs.slide_height = W, H
        layouts = self.prs.slide_layouts
        self.title_layout = layouts[0]
        self.body_layout = next((lay for lay in layouts if lay.name.lower() in ("title only", "chỉ tiêu đề")),
                                layouts[5] if len(layouts) > 5 else layouts[-1])

    @property
    def width(self):
        """Slides are laid out on a 13.333 × 7.5 in canvas; `fit` maps the
        result onto a template's own slide size."""
        return W

    def fit(self) -> None:
        """Scale what the deck placed (not the template's placeholders) from
        the 16:9 canvas to the slide size of a template (a 4:3 province
        template, an older 10 in 16:9 one): positions by each axis, type by
        the smaller factor so text wraps as it did on the canvas."""
        sx, sy = self.prs.slide_width / W, self.prs.slide_height / H
        if abs(sx - 1) < 1e-3 and abs(sy - 1) < 1e-3:
            return
        f = min(sx, sy)

        def shrink(text_frame):
            for p in text_frame.paragraphs:
                for r in p.runs:
                    if r.font.size is not None:
                        r.font.size = Pt(max(6, round(r.font.size.pt * f)))

        for slide in self.prs.slides:
            for sh in slide.shapes:
                if sh.is_placeholder:
                    continue
                sh.left, sh.top = Emu(int(sh.left * sx)), Emu(int(sh.top * sy))
                sh.width, sh.height = Emu(int(sh.width * sx)), Emu(int(sh.height * sy))
                if sh.has_text_frame:
                    shrink(sh.text_frame)
                if sh.has_table:
                    for col in sh.table.columns:
                        col.width = Emu(int(col.width * sx))
                    for row in sh.table.rows:
                        row.height = Emu(int(row.height * sy))
                        for cell in row.cells:
                            shrink(cell.text_frame)
                if sh.has_chart:
                    ch = sh.chart
                    ch.font.size = Pt(round(12 * f))
                    if ch.has_title and ch.chart_title.has_text_frame:
                        shrink(ch.chart_title.text_frame)
                    for series in ch.plots[0].series:
                        for i in range(len(series.values)):
                            dl = series.points[i].data_label
                            if dl.has_text_frame:
                                shrink(dl.text_frame)      # the label's own runs carry its size
                                if dl.font.size is not None:
                                    dl.font.size = Pt(max(6, round(dl.font.size.pt * f)))

    def slide(self, title: str):
        s = self.prs.slides.add_slide(self.body_layout)
        if s.shapes.title is not None:
            s.shapes.title.text = title
            if not self.from_template:
                s.shapes.title.left, s.shapes.title.top = Inches(0.5), Inches(0.25)
                s.shapes.title.width, s.shapes.title.height = self.width - Inches(1.0), Inches(0.9)
            for p in s.shapes.title.text_frame.paragraphs:
                for r in p.runs:
                    r.font.size = Pt(30)
        else:
            self.text(s, title, Inches(0.5), Inches(0.25), self.width - Inches(1.0), Inches(0.9), size=30)
        return s

    def text(self, slide, text: str, left, top, width, height, size=18, bold=False, color=None):
        box = slide.shapes.add_textbox(left, top, width, height)
        tf = box.text_frame
        tf.word_wrap = True
        for i, line in enumerate(text.split("\n")):
            p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
            r = p.add_run()
            r.text = line
            r.font.size, r.font.bold = Pt(size), bold
            if color:
                r.font.color.rgb = _rgb(color)
        return box

    def table(self, slide, df: pd.DataFrame, top=Inches(1.5), font=12, fills: dict | None = None,
              first_width: float = 0.0):
        """A native table; `first_width` (inches) widens the label column."""
        rows, cols = len(df) + 1, len(df.columns)
        left = Inches(0.5)
        total = self.width - Inches(1.0)
        shape = slide.shapes.add_table(rows, cols, left, top, total, Emu(int(Inches(0.4) * rows)))
        tbl = shape.table
        if first_width and cols > 1:
            tbl.columns[0].width = Inches(first_width)
            rest = int((total - Inches(first_width)) / (cols - 1))
            for j in range(1, cols):
                tbl.columns[j].width = Emu(rest)
        for j, c in enumerate(df.columns):
            tbl.cell(0, j).text = str(c)
        for i, row in enumerate(df.itertuples(index=False), start=1):
            for j, v in enumerate(row):
                tbl.cell(i, j).text = "" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v)
        for i in range(rows):
            for j in range(cols):
                for p in tbl.cell(i, j).text_frame.paragraphs:
                    for r in p.runs:
                        r.font.size = Pt(font)
        for (i, j), color in (fills or {}).items():
            cell = tbl.cell(i, j)
            cell.fill.solid()
            cell.fill.fore_color.rgb = _rgb(color)
            if _dark(color):
                for p in cell.text_frame.paragraphs:
                    for r in p.runs:
                        r.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        return tbl

    def bytes(self) -> bytes:
        self.fit()
        buf = io.BytesIO()
        self.prs.save(buf)
        return buf.getvalue()


def check_template(raw: bytes) -> None:
    """Raise ValueError (with a message for the user) unless `raw` is a
    PowerPoint file with slide layouts the deck can use."""
    try:
        prs = Presentation(io.BytesIO(raw))
    except Exception as e:          # python-pptx raises several kinds for a file that is not a .pptx
        raise ValueError(f"not a PowerPoint (.pptx) file ({type(e).__name__})") from None
    if len(prs.slide_layouts) == 0:
        raise ValueError("the file has no slide layouts")


def _row(e, code, year, ind):
    m = e[(e["year"] == year) & (e["province_code"] == code) & (e["indicator"] == ind)]
    return None if m.empty else m.iloc[0]


def _histories(e, code: int, year: int, lang: str) -> dict[str, pd.DataFrame]:
    """label -> the TOTAL rows (year, value, rank, n_ranked) of the unit and,
    for a unit formed on 1 July 2025, of each former province before 2025."""
    cols = ["year", "value", "rank", "n_ranked"]
    tot = e[e["indicator"] == "TOTAL"]
    if provinces.era_of(year) == 63 or eras.same_territory(code):
        own = tot[tot["province_code"] == code]
        if provinces.era_of(year) == 63:
            own = own[own["year"] < provinces.MERGER_YEAR]
        return {provinces.name(code, year, lang): own[cols]}
    out = {provinces.name(code, year, lang): tot[(tot["province_code"] == code) & (tot["year"] >= provinces.MERGER_YEAR)][cols]}
    for old in provinces.predecessors(code):
        out[explore.member_label(old, lang)] = tot[(tot["province_code"] == old) & (tot["year"] < provinces.MERGER_YEAR)][cols]
    return out


def build(store: Store, province_code: int, year: int, lang: str = "vi", template: bytes | None = None) -> bytes:
    e = analytics.enrich(store.scores(), groups_store.load(store))
    stats = analytics.national_stats(store.scores())
    name = provinces.name(province_code, year, lang)
    d = _Deck(template)
    src = t("source_papi", lang, years=year)

    # 1. Title
    s = d.prs.slides.add_slide(d.title_layout)
    title = t("deck_title", lang, province=name, year=year)
    subtitle = t("deck_subtitle", lang, date=dt.date.today().strftime("%d/%m/%Y"))
    if s.shapes.title is not None:
        s.shapes.title.text = title
        others = [p for p in s.placeholders if p.placeholder_format.idx != 0]
        if others:
            others[0].text = subtitle
        if not d.from_template:      # the default layouts are 4:3: stretch them to the 16:9 slide
            s.shapes.title.left, s.shapes.title.top = Inches(0.8), Inches(2.0)
            s.shapes.title.width, s.shapes.title.height = d.width - Inches(1.6), Inches(1.6)
            if others:
                others[0].left, others[0].top = Inches(0.8), Inches(3.9)
                others[0].width, others[0].height = d.width - Inches(1.6), Inches(1.4)
    else:
        d.text(s, title + "\n" + subtitle, Inches(0.8), Inches(2.2), d.width - Inches(1.6), Inches(3), size=36)

    # 2. Headline
    total = _row(e, province_code, year, "TOTAL")
    s = d.slide(t("deck_headline", lang, year=year))
    if total is None:
        d.text(s, t("deck_not_scored", lang, year=year, province=name), Inches(0.6), Inches(2), Inches(12),
               Inches(1.5), size=24)
    else:
        change = ("–" if pd.isna(total["change"]) or not total["comparable"]
                  else fmt(total["change"], lang, sign=True))
        cells = [(t("headline_total", lang), fmt(total["value"], lang)),
                 (t("headline_rank", lang), fmt_rank(total["rank"], total["n_ranked"], lang)),
                 (t("headline_tier", lang), tier_name(total["tier"], lang)),
                 (t("headline_change", lang), change)]
        for i, (label, value) in enumerate(cells):
            left = Inches(0.5 + 3.2 * i)
            d.text(s, label, left, Inches(2.0), Inches(3.0), Inches(0.6), size=18, color="#555555")
            if i == 2:     # the tier on its tier colour, legible on a projector
                fill = TIER_COLORS[int(total["tier"])]
                box = d.text(s, value, left, Inches(2.75), Inches(3.0), Inches(1.0), size=30, bold=True,
                             color="#FFFFFF" if _dark(fill) else "#1A1A1A")
                box.fill.solid()
                box.fill.fore_color.rgb = _rgb(fill)
            else:
                d.text(s, value, left, Inches(2.7), Inches(3.0), Inches(1.2), size=40, bold=True, color="#0B3C5D")
        # Second row: where the province stands against the country and the
        # tier above (what a leader asks first).
        mean_total = stats[(stats["year"] == year) & (stats["indicator"] == "TOTAL")]["mean"]
        tier = int(total["tier"])
        second = [(t("national_mean", lang), fmt(mean_total.iloc[0], lang) if len(mean_total) else "–")]
        if tier > 1:      # nothing to reach from the top tier
            second += [(t("points_next", lang), _next(tier, total["points_to_next_tier"], lang)),
                       (t("deck_next_cut", lang, tier=tier_name(tier - 1, lang)), fmt(total[f"cut_{tier - 1}"], lang))]
        for i, (label, value) in enumerate(second):
            left = Inches(0.5 + 3.2 * i)
            d.text(s, label, left, Inches(4.6), Inches(3.0), Inches(0.6), size=16, color="#555555")
            d.text(s, value, left, Inches(5.2), Inches(3.0), Inches(0.9), size=28, bold=True, color="#0B3C5D")
        across = explore.across_merger(e, province_code, year, lang)
        if across["change_note"]:          # merged on 1 July 2025: the former provinces the year before, never summed
            before = "; ".join(f"{r.iloc[0]}: {r.iloc[1]} ({r.iloc[2]})" for _, r in across["members_before"].iterrows())
            d.text(s, f"{across['change_note']}. PAPI {year - 1}: {before}", Inches(0.5 + 3.2 * 3), Inches(4.0),
                   Inches(3.4), Inches(2.6), size=11, color="#555555")
        elif across["rank_before"]:        # unchanged unit: its earlier rank beside, each out of its own map
            rb = across["rank_before"]
            d.text(s, t("rank_other_map_help", lang, rank=fmt_rank(total["rank"], total["n_ranked"], lang),
                        n=int(total["n_ranked"]), prev_rank=rb["rank"], prev_n=rb["n"], prev_year=rb["year"]),
                   Inches(0.5 + 3.2 * 1), Inches(4.0), Inches(3.0), Inches(0.6), size=11, color="#555555")
        elif total["prev_value"] is not None and not pd.isna(total["prev_value"]) and not total["comparable"]:
            d.text(s, t("deck_not_comparable", lang, prev=year - 1), Inches(0.5 + 3.2 * 3), Inches(4.0), Inches(3.0),
                   Inches(1.0), size=12, color="#555555")
        elif pd.isna(total["prev_value"]):
            d.text(s, t("deck_no_previous", lang, prev=year - 1), Inches(0.5 + 3.2 * 3), Inches(4.0), Inches(3.0),
                   Inches(1.0), size=12, color="#555555")
        # How the tier was arrived at, and whom the rank's denominator leaves out.
        basis = official_tiers.tier_label(total["tier"], total.get("tier_basis"), total.get("near_cut"), lang)
        note = " ".join(x for x in (f"{t('headline_tier', lang)}: {basis}.",
                                    ranks.explanation(e, year, "TOTAL", lang)) if x)
        d.text(s, note, Inches(0.5), Inches(6.2), Inches(12), Inches(0.6), size=12, color="#555555")
    d.text(s, src, Inches(0.5), Inches(6.8), Inches(12), Inches(0.4), size=11, color="#777777")

    # 3. Targets versus actual
    tg = target_store.load(store, province_code, year)
    if tg.empty:
        s = d.slide(t("deck_targets", lang, year=year))
        d.text(s, t("tgt_none", lang, province=name, year=year), Inches(0.6), Inches(2), Inches(12), Inches(1), size=22)
    else:
        ev = gaps.evaluate(tg, e, lang)
        tab = gaps.table(ev, tg, lang)
        # The columns a meeting reads. The plan goes in the footer when the
        # targets share one plan; a column with nothing in it on a slide is left out.
        plan = t("tgt_col_plan", lang)
        cols = [c for c in tab.columns if c not in (t("tgt_col_change", lang), t("tgt_col_needed", lang))
                and not (c == plan and tab[c].nunique() <= 1)]
        colors = {t("tgt_met", lang): "#CDEFE3", t("tgt_not_met", lang): "#F9D9CC"}
        status = t("tgt_col_status", lang)
        per = 6
        for k in range(0, len(tab), per):   # at most 6 targets a slide, readable from the back of the room
            part = tab.iloc[k:k + per].reset_index(drop=True)
            keep = [c for c in cols if c == status or part[c].map(_filled).any()]
            part = part[keep]
            s = d.slide(t("deck_targets", lang, year=year) + (f" ({k // per + 1})" if len(tab) > per else ""))
            fills = {(i + 1, keep.index(status)): colors[v] for i, v in enumerate(part[status]) if v in colors}
            d.table(s, part, top=Inches(1.3), font=12, fills=fills, first_width=2.4)
            d.text(s, f"{src}; {plan}: " + ", ".join(sorted(set(tab[plan].dropna().astype(str)))),
                   Inches(0.5), Inches(6.9), Inches(12), Inches(0.4), size=10, color="#777777")
        vals = ev[ev["kind"] == "value"]
        if not vals.empty:
            # One chart per scale (the total out of 80 beside dimensions out
            # of 10 would flatten the dimensions), each as wide as its bars need.
            s2 = d.slide(t("tgt_chart_title", lang, year=year))
            top_of = {c: (codebook.scale(c, year) or (0, 0))[1] for c in vals["indicator"]}
            groups = [(m, vals[vals["indicator"].map(top_of) == m]) for m in sorted(set(top_of.values()), reverse=True)]
            room = d.width - Inches(1.2)
            slots = [max(len(g), 3) for _, g in groups]
            left = Inches(0.6)
            for k, ((top_scale, g), n) in enumerate(zip(groups, slots)):
                width = Emu(int(room * n / sum(slots)))
                _bars(s2, t("deck_scale", lang, max=fmt(top_scale, lang, 0)), list(g["indicator"]),
                      [(t("tgt_actual", lang), [None if pd.isna(x) else round(float(x), 2) for x in g["actual"]]),
                       (t("tgt_target_marker", lang), [round(float(x), 2) for x in g["target"]])],
                      lang, left, Inches(1.3), width, Inches(5.4), legend=k == len(groups) - 1)
                left += width
            d.text(s2, src, Inches(0.5), Inches(6.9), Inches(12), Inches(0.4), size=10, color="#777777")

    # 4. Trend: the total on the chosen year's scale (no line across the
    # 2017/2018 change from 60 to 80 points), and the rank over all years
    # (ranks compare across the change). A year PAPI did not score is a gap.
    first = 2018 if year >= 2018 else 2011
    all_years = sorted(int(y) for y in e["year"].unique() if y <= year)
    years = [y for y in all_years if y >= first]
    # A unit formed on 1 July 2025: its own line from 2025, each former
    # province's line before, side by side (never one line through both maps).
    lines_of = {k: v.set_index("year") for k, v in _histories(e, province_code, year, lang).items()}
    mean = stats[stats["indicator"] == "TOTAL"].set_index("year")["mean"]
    s = d.slide(t("deck_trend", lang, first=all_years[0], year=year))
    rank_left, rank_width = Inches(0.6), Inches(12)
    if len(years) > 1:
        cd = export.chart_data()
        cd.categories = [str(y) for y in years]
        own = [[None if y not in m.index else round(float(m.loc[y, "value"]), 2) for y in years]
               for m in lines_of.values()]
        lines = [own[0], [round(float(mean[y]), 2) for y in years]]
        for label, vals in zip(lines_of, own):
            cd.add_series(label, vals)
        cd.add_series(t("national_mean", lang), lines[1])
        ch = s.shapes.add_chart(XL_CHART_TYPE.LINE_MARKERS, Inches(0.4), Inches(1.3), Inches(6.2), Inches(5.2),
                                cd).chart
        ch.has_title = True
        ch.chart_title.text_frame.text = t("deck_trend_score", lang, first=first, year=year)
        ch.has_legend, ch.legend.position, ch.legend.include_in_layout = True, XL_LEGEND_POSITION.BOTTOM, False
        shown = [v for vals in own + [lines[1]] for v in vals if v is not None]
        lo, hi = math.floor(min(shown)) - 1, math.ceil(max(shown)) + 1
        ch.value_axis.minimum_scale, ch.value_axis.maximum_scale = lo, hi   # whole points on the axis
        ch.value_axis.major_unit = max(1, math.ceil((hi - lo) / 6))
        ch.value_axis.tick_labels.number_format, ch.value_axis.tick_labels.number_format_is_linked = "0", False
        _colour(ch, [*MEMBER_COLORS[:len(own)], MEAN] if len(own) > 1 else [ACTUAL, MEAN])
        _labels(ch, [[None if v is None else fmt(v, lang) for v in vals] for vals in own], size=11,
                position=XL_LABEL_POSITION.ABOVE)         # the province above its points,
        _labels(ch, [[]] * len(own) + [[None] * (len(years) - 1) + [fmt(lines[1][-1], lang)]], size=11,
                position=XL_LABEL_POSITION.BELOW)         # the national mean only where it ends
        rank_left, rank_width = Inches(6.8), Inches(6.2)
    cd = export.chart_data()
    cd.categories = [str(y) for y in all_years]
    for label, m in lines_of.items():
        cd.add_series(label, [None if y not in m.index else int(m.loc[y, "rank"]) for y in all_years])
    ch = s.shapes.add_chart(XL_CHART_TYPE.LINE_MARKERS, rank_left, Inches(1.3), rank_width, Inches(5.2), cd).chart
    ch.has_title = True
    ch.chart_title.text_frame.text = t("deck_trend_rank", lang)
    ch.value_axis.reverse_order = True          # rank 1 at the top,
    ch.value_axis.crosses = XL_AXIS_CROSSES.MAXIMUM   # the years along the bottom
    # Each point carries its rank; the axis runs from 1 to the number of
    # provinces scored, without tick labels that would not be ranks (11, 21…).
    n_max = int(e[(e["indicator"] == "TOTAL") & (e["year"] <= year)]["n_ranked"].max())
    ch.value_axis.minimum_scale, ch.value_axis.maximum_scale = 1, n_max
    ch.value_axis.has_major_gridlines = False
    ch.value_axis.tick_label_position = XL_TICK_LABEL_POSITION.NONE
    ch.has_legend = False
    _colour(ch, MEMBER_COLORS[:len(lines_of)] if len(lines_of) > 1 else [ACTUAL])
    if len(lines_of) > 1:
        ch.has_legend, ch.legend.position, ch.legend.include_in_layout = True, XL_LEGEND_POSITION.BOTTOM, False
    long_run = len(all_years) > 8          # many years: the rank alone, so labels do not collide
    # Ranks out of different maps (x/61, y/34) are labelled with what they are out of.
    crosses = provinces.era_of(all_years[0]) != provinces.era_of(all_years[-1])
    _labels(ch, [[None if y not in m.index else
                  (str(int(m.loc[y, "rank"])) if long_run and not crosses else fmt_rank(m.loc[y, "rank"], m.loc[y, "n_ranked"], lang))
                  for y in all_years] for m in lines_of.values()], size=11, position=XL_LABEL_POSITION.ABOVE)
    src_trend = t("source_papi", lang, years=f"{all_years[0]}–{year}" if all_years[0] < year else year)
    d.text(s, t("total_scale_note", lang) + "  " + src_trend, Inches(0.5), Inches(6.8), Inches(12.3), Inches(0.5),
           size=10, color="#777777")

    # 5. Radar: dimensions against the national mean
    dims = codebook.indicators(year, "dimension")
    prof = e[(e["year"] == year) & (e["province_code"] == province_code) & e["indicator"].isin(dims)]
    prof = prof.set_index("indicator")
    s = d.slide(t("radar_title", lang, year=year))
    if not prof.empty:
        dm = stats[(stats["year"] == year) & stats["indicator"].isin(dims)].set_index("indicator")["mean"]
        cd = export.chart_data()
        cd.categories = dims
        cd.add_series(name, [None if c not in prof.index else round(float(prof.loc[c, "value"]), 2) for c in dims])
        cd.add_series(t("national_mean", lang), [round(float(dm[c]), 2) for c in dims])
        ch = s.shapes.add_chart(XL_CHART_TYPE.RADAR_MARKERS, Inches(2.2), Inches(1.2), Inches(9), Inches(5.6), cd).chart
        ch.has_legend, ch.legend.position = True, XL_LEGEND_POSITION.BOTTOM
        _colour(ch, [ACTUAL, MEAN])
    else:
        d.text(s, t("deck_not_scored", lang, year=year, province=name), Inches(0.6), Inches(2), Inches(12),
               Inches(1.5), size=24)
    d.text(s, src, Inches(0.5), Inches(6.9), Inches(12), Inches(0.4), size=10, color="#777777")

    # 6. Dimensions with tiers
    s = d.slide(t("deck_dimensions", lang, year=year))
    rows = []
    fills = {}
    for i, c in enumerate(dims, start=1):
        r = _row(e, province_code, year, c)
        rows.append({t("indicator", lang): codebook.name(c, lang, year),
                     t("value", lang): "–" if r is None else fmt(r["value"], lang),
                     t("rank", lang): "–" if r is None else fmt_rank(r["rank"], r["n_ranked"], lang),
                     t("tier", lang): "–" if r is None else tier_name(r["tier"], lang),
                     t("points_next", lang): "–" if r is None else _next(r["tier"], r["points_to_next_tier"], lang)})
        if r is not None:
            fills[(i, 3)] = TIER_COLORS[int(r["tier"])]
    d.table(s, pd.DataFrame(rows), top=Inches(1.3), font=14, fills=fills, first_width=4.6)
    d.text(s, src, Inches(0.5), Inches(6.9), Inches(12), Inches(0.4), size=10, color="#777777")

    # 7. Weakest sub-dimensions (lowest relative rank)
    subs = e[(e["year"] == year) & (e["province_code"] == province_code)
             & e["indicator"].isin(codebook.indicators(year, "subdimension"))].copy()
    s = d.slide(t("deck_weakest", lang, year=year))
    if not subs.empty:
        subs["rel"] = subs["rank"] / subs["n_ranked"]
        weak = subs.sort_values(["rel", "value"], ascending=[False, True]).head(6)
        d.table(s, pd.DataFrame({
            t("indicator", lang): [codebook.name(c, lang, year) for c in weak["indicator"]],
            t("value", lang): [fmt(v, lang) for v in weak["value"]],
            t("rank", lang): [fmt_rank(r, n, lang) for r, n in zip(weak["rank"], weak["n_ranked"])],
            t("tier", lang): [tier_name(x, lang) for x in weak["tier"]],
            t("points_next", lang): [_next(k, x, lang) for k, x in zip(weak["tier"], weak["points_to_next_tier"])]}),
            top=Inches(1.3), font=14, first_width=5.0,
            fills={(i, 3): TIER_COLORS[int(k)] for i, k in enumerate(weak["tier"], start=1) if k == k})
    else:
        d.text(s, t("deck_not_scored", lang, year=year, province=name), Inches(0.6), Inches(2), Inches(12),
               Inches(1.5), size=24)
    d.text(s, src, Inches(0.5), Inches(6.9), Inches(12), Inches(0.4), size=10, color="#777777")

    # 8. Sources
    s = d.slide(t("deck_sources", lang))
    used = store.sources()
    years_src = used[used["source"].str.contains(str(year))]["citation"].tolist()
    lines = [t("source_papi", lang, years=year), *years_src[:4], t("deck_tiers_rule", lang),
             t("missing_note", lang)]
    d.text(s, "\n".join(lines), Inches(0.6), Inches(1.4), Inches(12), Inches(5), size=14)
    return d.bytes()
