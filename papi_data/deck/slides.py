"""One function per slide: each draws a content record (papi_data.deck.content)
on the deck's 13.333 × 7.5 in canvas. Colours come from tier indices and
column roles carried by the records."""
from __future__ import annotations

import math

from pptx.enum.chart import XL_AXIS_CROSSES, XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_TICK_LABEL_POSITION
from pptx.util import Emu, Inches, Pt

from .. import export
from ..figures import TIER_COLORS
from ..i18n import fmt
from . import content as C
from .pptx_helpers import (ACTUAL, GREY, MEAN, MEMBER_COLORS, MET_FILL, NOT_MET_FILL, Deck, bars, colour, dark,
                           labels, rgb)

BLUE = "#0B3C5D"
TASK_FILLS = {"done": "#CDEFE3", "in_progress": "#FCEFC7", "not_started": "#E6E6E6", "overdue": "#F9D9CC"}


def title(d: Deck, c: C.Title) -> None:
    s = d.prs.slides.add_slide(d.title_layout)
    if s.shapes.title is None:
        d.text(s, c.title + "\n" + c.subtitle, Inches(0.8), Inches(2.2), d.width - Inches(1.6), Inches(3), size=36)
        return
    s.shapes.title.text = c.title
    others = [p for p in s.placeholders if p.placeholder_format.idx != 0]
    if others:
        others[0].text = c.subtitle
    if not d.from_template:      # the default layouts are 4:3: stretch them to the 16:9 slide
        s.shapes.title.left, s.shapes.title.top = Inches(0.8), Inches(2.0)
        s.shapes.title.width, s.shapes.title.height = d.width - Inches(1.6), Inches(1.6)
        if others:
            others[0].left, others[0].top = Inches(0.8), Inches(3.9)
            others[0].width, others[0].height = d.width - Inches(1.6), Inches(1.4)


# where the aside goes: (column, width, height, size)
_ASIDE = {"merger": (3, 3.4, 2.6, 11), "rank": (1, 3.0, 0.6, 11), "change": (3, 3.0, 1.0, 12)}


def headline(d: Deck, c: C.Headline) -> None:
    s = d.slide(c.title)
    if c.missing:
        d.message(s, c.missing)
    for i, (label, value) in enumerate(c.cells):
        left = Inches(0.5 + 3.2 * i)
        d.text(s, label, left, Inches(2.0), Inches(3.0), Inches(0.6), size=18, color=GREY)
        if i == 2:     # the tier on its tier colour, legible on a projector
            fill = TIER_COLORS[c.tier]
            box = d.text(s, value, left, Inches(2.75), Inches(3.0), Inches(1.0), size=30, bold=True,
                         color="#FFFFFF" if dark(fill) else "#1A1A1A")
            box.fill.solid()
            box.fill.fore_color.rgb = rgb(fill)
        else:
            d.text(s, value, left, Inches(2.7), Inches(3.0), Inches(1.2), size=40, bold=True, color=BLUE)
    for i, (label, value) in enumerate(c.second):
        left = Inches(0.5 + 3.2 * i)
        d.text(s, label, left, Inches(4.6), Inches(3.0), Inches(0.6), size=16, color=GREY)
        d.text(s, value, left, Inches(5.2), Inches(3.0), Inches(0.9), size=28, bold=True, color=BLUE)
    if c.aside:
        col, width, height, size = _ASIDE[c.aside_kind]
        d.text(s, c.aside, Inches(0.5 + 3.2 * col), Inches(4.0), Inches(width), Inches(height), size=size, color=GREY)
    if c.note:
        d.text(s, c.note, Inches(0.5), Inches(6.2), Inches(12), Inches(0.6), size=12, color=GREY)
    d.footer(s, c.source, top=6.8, size=11)


def targets(d: Deck, c: C.Targets) -> None:
    if c.none:
        s = d.slide(c.title)
        d.message(s, c.none, size=22, height=1)
        return
    for page in c.pages:
        s = d.slide(page.title)
        fills = {(i + 1, page.status_column): MET_FILL if m else NOT_MET_FILL
                 for i, m in enumerate(page.met) if m is not None}
        d.table(s, page.table, top=Inches(1.3), font=12, fills=fills, first_width=2.4)
        d.footer(s, c.footer)
    if not c.groups:
        return
    s = d.slide(c.chart_title)
    room = d.width - Inches(1.2)
    slots = [max(len(g.indicators), 3) for g in c.groups]   # each chart as wide as its bars need
    left = Inches(0.6)
    for k, (g, n) in enumerate(zip(c.groups, slots)):
        width = Emu(int(room * n / sum(slots)))
        bars(s, g.title, list(g.indicators), [(c.series_names[0], list(g.actual)), (c.series_names[1], list(g.target))],
             d.lang, left, Inches(1.3), width, Inches(5.4), legend=k == len(c.groups) - 1)
        left += width
    d.footer(s, c.source)


def _score_chart(d: Deck, s, c: C.Trend) -> None:
    """The total on one scale, with the national mean labelled where it ends."""
    cd = export.chart_data()
    cd.categories = [str(y) for y in c.score_years]
    for label, vals in c.score.items():
        cd.add_series(label, vals)
    cd.add_series(c.mean_label, list(c.mean))
    ch = s.shapes.add_chart(XL_CHART_TYPE.LINE_MARKERS, Inches(0.4), Inches(1.3), Inches(6.2), Inches(5.2), cd).chart
    ch.has_title = True
    ch.chart_title.text_frame.text = c.score_title
    ch.has_legend, ch.legend.position, ch.legend.include_in_layout = True, XL_LEGEND_POSITION.BOTTOM, False
    own = list(c.score.values())
    shown = [v for vals in [*own, c.mean] for v in vals if v is not None]
    lo, hi = math.floor(min(shown)) - 1, math.ceil(max(shown)) + 1
    ch.value_axis.minimum_scale, ch.value_axis.maximum_scale = lo, hi   # whole points on the axis
    ch.value_axis.major_unit = max(1, math.ceil((hi - lo) / 6))
    ch.value_axis.tick_labels.number_format, ch.value_axis.tick_labels.number_format_is_linked = "0", False
    colour(ch, [*MEMBER_COLORS[:len(own)], MEAN] if len(own) > 1 else [ACTUAL, MEAN])
    labels(ch, [[None if v is None else fmt(v, d.lang) for v in vals] for vals in own], size=11,
           position=XL_LABEL_POSITION.ABOVE)         # the province above its points,
    labels(ch, [[]] * len(own) + [[None] * (len(c.score_years) - 1) + [fmt(c.mean[-1], d.lang)]], size=11,
           position=XL_LABEL_POSITION.BELOW)         # the national mean only where it ends


def _rank_chart(d: Deck, s, c: C.Trend, left, width) -> None:
    cd = export.chart_data()
    cd.categories = [str(y) for y in c.rank_years]
    for label, vals in c.rank.items():
        cd.add_series(label, vals)
    ch = s.shapes.add_chart(XL_CHART_TYPE.LINE_MARKERS, left, Inches(1.3), width, Inches(5.2), cd).chart
    ch.has_title = True
    ch.chart_title.text_frame.text = c.rank_title
    ch.value_axis.reverse_order = True          # rank 1 at the top,
    ch.value_axis.crosses = XL_AXIS_CROSSES.MAXIMUM   # the years along the bottom
    # Each point carries its rank; the axis runs from 1 to the number of
    # provinces scored, without tick labels that would not be ranks (11, 21…).
    ch.value_axis.minimum_scale, ch.value_axis.maximum_scale = 1, c.n_max
    ch.value_axis.has_major_gridlines = False
    ch.value_axis.tick_label_position = XL_TICK_LABEL_POSITION.NONE
    ch.has_legend = False
    colour(ch, MEMBER_COLORS[:len(c.rank)] if len(c.rank) > 1 else [ACTUAL])
    if len(c.rank) > 1:
        ch.has_legend, ch.legend.position, ch.legend.include_in_layout = True, XL_LEGEND_POSITION.BOTTOM, False
    labels(ch, list(c.rank_labels), size=11, position=XL_LABEL_POSITION.ABOVE)


def trend(d: Deck, c: C.Trend) -> None:
    s = d.slide(c.title)
    if c.score:
        _score_chart(d, s, c)
        _rank_chart(d, s, c, Inches(6.8), Inches(6.2))
    else:
        _rank_chart(d, s, c, Inches(0.6), Inches(12))
    d.text(s, c.note, Inches(0.5), Inches(6.8), Inches(12.3), Inches(0.5), size=10, color="#777777")


def radar(d: Deck, c: C.Radar) -> None:
    s = d.slide(c.title)
    if c.missing:
        d.message(s, c.missing)
    else:
        cd = export.chart_data()
        cd.categories = list(c.categories)
        for name, values in c.series:
            cd.add_series(name, list(values))
        ch = s.shapes.add_chart(XL_CHART_TYPE.RADAR_MARKERS, Inches(2.2), Inches(1.2), Inches(9), Inches(5.6), cd).chart
        ch.has_legend, ch.legend.position = True, XL_LEGEND_POSITION.BOTTOM
        colour(ch, [ACTUAL, MEAN])
    d.footer(s, c.source)


def tier_table(d: Deck, c: C.TierTable) -> None:
    """A table of indicators with each tier cell on its tier's colour."""
    s = d.slide(c.title)
    if c.missing:
        d.message(s, c.missing)
    else:
        fills = {(i, c.tier_column): TIER_COLORS[k] for i, k in enumerate(c.tiers, start=1) if k is not None}
        d.table(s, c.table, top=Inches(1.3), font=14, fills=fills, first_width=c.first_width)
    d.footer(s, c.source)


def task_status(d: Deck, c: C.TaskStatus) -> None:
    """The counts by state in coloured boxes, then the overdue tasks."""
    s = d.slide(c.title)
    for i, (state, label, n) in enumerate(c.counts):
        left = Inches(0.5 + 3.15 * i)
        box = d.text(s, f"{n}\n{label}", left, Inches(1.3), Inches(2.95), Inches(1.3), size=18, bold=True,
                     color="#1A1A1A")
        box.fill.solid()
        box.fill.fore_color.rgb = rgb(TASK_FILLS[state])
        box.text_frame.paragraphs[0].runs[0].font.size = Pt(32)
    d.text(s, c.overdue_title, Inches(0.5), Inches(2.85), Inches(12), Inches(0.5), size=16, bold=True, color=GREY)
    if c.overdue is None:
        d.text(s, c.none_overdue, Inches(0.5), Inches(3.4), Inches(12), Inches(0.6), size=16)
    else:
        d.table(s, c.overdue, top=Inches(3.4), font=13, widths=(1, 6.3, 3, 2))
    if c.more:
        d.footer(s, c.more, top=6.9, size=12)


def sources(d: Deck, c: C.Sources) -> None:
    s = d.slide(c.title)
    d.text(s, "\n".join(c.lines), Inches(0.6), Inches(1.4), Inches(12), Inches(5), size=14)



def what_if(d: Deck, c: C.WhatIf) -> None:
    """The assumed changes, the resulting total, tier (on its colour) and
    rank, then what they assume and their range over earlier years."""
    s = d.slide(c.title)
    d.text(s, c.assumed, Inches(0.5), Inches(1.3), Inches(12), Inches(0.6), size=20, bold=True)
    for i, (label, value) in enumerate(c.cells):
        left = Inches(0.5 + 4.2 * i)
        d.text(s, label, left, Inches(2.1), Inches(4.0), Inches(0.6), size=18, color=GREY)
        if i == 1:
            fill = TIER_COLORS[c.tier]
            box = d.text(s, value, left, Inches(2.8), Inches(4.0), Inches(1.0), size=30, bold=True,
                         color="#FFFFFF" if dark(fill) else "#1A1A1A")
            box.fill.solid()
            box.fill.fore_color.rgb = rgb(fill)
        else:
            d.text(s, value, left, Inches(2.75), Inches(4.0), Inches(1.2), size=40, bold=True, color=BLUE)
    d.text(s, c.result, Inches(0.5), Inches(4.3), Inches(12), Inches(0.8), size=18)
    d.text(s, c.range, Inches(0.5), Inches(5.1), Inches(12), Inches(1.0), size=16, color=GREY)
    d.text(s, c.note, Inches(0.5), Inches(6.2), Inches(12), Inches(0.5), size=12, color=GREY)
    d.footer(s, c.source, top=6.8, size=11)
