"""PowerPoint drawing for the deck (python-pptx): colours, native charts
with labels written as the deck's language writes numbers, text boxes,
tables, the 16:9 canvas fitted to a template, and the template check."""
from __future__ import annotations

import io

import pandas as pd
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_TICK_LABEL_POSITION
from pptx.util import Emu, Inches, Pt

from .. import export
from ..i18n import fmt

W, H = Inches(13.333), Inches(7.5)
ACTUAL, TARGET, MEAN = "#0B3C5D", "#E07B39", "#8C8C8C"
# A unit formed on 1 July 2025 and its former provinces, side by side (Okabe-Ito, as the figures)
MEMBER_COLORS = [ACTUAL, "#E69F00", "#009E73", "#CC79A7", "#56B4E9"]
MET_FILL, NOT_MET_FILL = "#CDEFE3", "#F9D9CC"
GREY, SOURCE_GREY = "#555555", "#777777"


def rgb(hex_color: str) -> RGBColor:
    return RGBColor.from_string(hex_color.lstrip("#"))


def dark(hex_color: str) -> bool:
    r, g, b = (int(hex_color.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))
    return 0.299 * r + 0.587 * g + 0.114 * b < 140


def labels(chart, texts_per_series, size=12, position=None):
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


def colour(chart, colors):
    for series, color in zip(chart.plots[0].series, colors):
        if chart.chart_type in (XL_CHART_TYPE.LINE_MARKERS, XL_CHART_TYPE.RADAR_MARKERS):
            series.format.line.color.rgb = rgb(color)
            series.format.line.width = Pt(2.5)
            series.marker.format.fill.solid()
            series.marker.format.fill.fore_color.rgb = rgb(color)
            series.marker.format.line.color.rgb = rgb(color)
        else:
            series.format.fill.solid()
            series.format.fill.fore_color.rgb = rgb(color)


def bars(slide, title, categories, series, lang, left, top, width, height, legend=True):
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
    colour(ch, [ACTUAL, TARGET])
    labels(ch, [[None if v is None else fmt(v, lang) for v in values] for _, values in series], size=12,
            position=XL_LABEL_POSITION.OUTSIDE_END)
    return ch


class Deck:
    def __init__(self, template: bytes | None, lang: str = "vi"):
        self.lang = lang          # how chart labels write numbers
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
                r.font.color.rgb = rgb(color)
        return box

    def footer(self, slide, text: str, top: float = 6.9, size: int = 10, width: float = 12.0):
        """The source line under a slide's content."""
        return self.text(slide, text, Inches(0.5), Inches(top), Inches(width), Inches(0.4), size=size,
                         color=SOURCE_GREY)

    def message(self, slide, text: str, size: int = 24, height: float = 1.5):
        """A sentence in place of a chart or table (nothing to draw)."""
        return self.text(slide, text, Inches(0.6), Inches(2), Inches(12), Inches(height), size=size)

    def table(self, slide, df: pd.DataFrame, top=Inches(1.5), font=12, fills: dict | None = None,
              first_width: float = 0.0, widths: tuple[float, ...] = ()):
        """A native table; `first_width` (inches) widens the label column,
        `widths` (shares of the width, one a column) sets every column."""
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
        if len(widths) == cols:
            for j, share in enumerate(widths):
                tbl.columns[j].width = Emu(int(total * share / sum(widths)))
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
            cell.fill.fore_color.rgb = rgb(color)
            if dark(color):
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
