"""The targets screen of one province and year: each plan target against
the published result, the gap, and where to focus."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import ClassVar

import pandas as pd
import plotly.graph_objects as go

from .. import explore, gaps
from ..figures_targets import focus_chart, target_chart
from ..i18n import t
from .common import Frames, latest


def default_pair(frames: Frames) -> tuple[int, int] | None:
    """The province-year the page opens on without a choice: one with plan
    targets (Lào Cai's latest, else the latest of any), not an empty one."""
    pairs = frames.target_pairs
    if not pairs:
        return None
    own = [p for p in pairs if p[0] == explore.default_code(p[1])]   # each on its year's map
    return max(own or pairs, key=lambda p: (p[1], -p[0]))


@dataclass(frozen=True)
class Query:
    """The choices the screen is built for (the cache key, with the data
    and targets versions). None: a province-year with targets, else the
    latest year's default province."""
    code: int | None = None
    year: int | None = None
    needs_targets: ClassVar[bool] = True

    def resolve(self, frames: Frames) -> Query:
        if self.code is not None and self.year is not None:
            return self
        pair = default_pair(frames)
        year = self.year if self.year is not None else (pair[1] if pair else latest(frames.years))
        if self.code is not None or year is None:
            return replace(self, year=year)
        if pair and pair[1] == year:
            return replace(self, code=pair[0], year=year)
        return replace(self, code=explore.default_province(explore.province_options(year), year), year=year)


@dataclass(frozen=True)
class Model:
    """The screen in numbers and codes, the same in every language."""
    query: Query                          # resolved
    targets: pd.DataFrame                 # the province-year's active targets (the editor's rows)
    plans: list[str]                      # their plan numbers
    focus_rows: pd.DataFrame              # the dimensions below the top tier, by points to the next
    ev: pd.DataFrame | None = None        # None: no targets for the province-year


@dataclass(frozen=True)
class View:
    """The model drawn in one language."""
    model: Model
    table: pd.DataFrame | None = None
    chart: go.Figure | None = None
    focus: go.Figure | None = None        # None: nothing below the top tier


def _of(all_targets: pd.DataFrame | None, code: int, year: int) -> pd.DataFrame:
    if all_targets is None:
        raise ValueError("The targets screen needs the targets frame.")
    m = all_targets[(all_targets["province_code"] == code) & (all_targets["year"] == year)]
    return m.reset_index(drop=True)


def build(query: Query, frames: Frames) -> Model:
    q = query.resolve(frames)
    tg = _of(frames.targets, q.code, q.year)
    focus = gaps.focus(frames.enriched, q.code, q.year)
    return Model(q, tg, sorted(set(tg["plan_number"].dropna())), focus,
                 None if tg.empty else gaps.evaluate(tg, frames.enriched))


def draw(m: Model, lang: str) -> View:
    year = m.query.year
    focus = None if m.focus_rows.empty else focus_chart(m.focus_rows, lang, t("tgt_focus_title", lang, year=year))
    if m.ev is None:
        return View(m, focus=focus)
    return View(m, table=gaps.table(m.ev, m.targets, lang), focus=focus,
                chart=target_chart(m.ev, lang, t("tgt_chart_title", lang, year=year), year))
