"""A 16:9 PowerPoint deck for one province and year, in Vietnamese or
English (python-pptx). Charts are native, editable PowerPoint charts; an
analyst's own template may supply layouts. The deck reads no database:
the caller passes the frames (papi_data.db.deck_inputs.load reads them).

    build(10, 2019, "vi", enriched=..., stats=..., targets=..., sources=...) -> bytes

content.py says what each slide shows (pure), slides.py draws it,
pptx_helpers.py holds the PowerPoint drawing helpers."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from . import content, slides
from .pptx_helpers import Deck, check_template

__all__ = ["build", "check_template"]


def build(province_code: int, year: int, lang: str = "vi", template: bytes | None = None, *,
          enriched: pd.DataFrame, stats: pd.DataFrame, targets: pd.DataFrame, sources: pd.DataFrame | None = None,
          tasks: list | None = None, today: dt.date | None = None,
          changes: dict[str, float] | None = None) -> bytes:
    """The deck as .pptx bytes. `enriched` is analytics.enrich's frame,
    `stats` analytics.national_stats', `targets` the province's active
    targets for the year, `sources` the store's sources (citations); with
    `tasks` (papi_data.tasks.model.Task records) a task-status slide follows
    the targets, overdue counted as of `today`; with `changes` (indicator -> amount, see
    papi_data.whatif) a what-if slide follows the headline."""
    today = today or dt.date.today()
    c = content.context(province_code, year, lang)
    d = Deck(template, lang)
    slides.title(d, content.title(c, today))
    slides.headline(d, content.headline(enriched, stats, c))
    if (w := content.what_if(enriched, changes, c)) is not None:
        slides.what_if(d, w)
    slides.targets(d, content.targets(enriched, targets, c))
    if tasks:
        slides.task_status(d, content.task_status(tasks, today, c))
    slides.trend(d, content.trend(enriched, stats, c))
    slides.radar(d, content.radar(enriched, stats, c))
    slides.tier_table(d, content.dimensions(enriched, c))
    slides.tier_table(d, content.weakest(enriched, c))
    slides.sources(d, content.sources(sources, c))
    return d.bytes()
