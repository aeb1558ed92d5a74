"""What the deck (papi_data.deck) draws, read from the store: the deck
itself reads no database.

    deck.build(code, year, lang, **deck_inputs.load(store, code, year))
"""
from __future__ import annotations

from .. import analytics
from . import groups, targets, tasks
from .scores import Store


def load(store: Store, province_code: int, year: int) -> dict:
    """Keyword arguments of deck.build: the enriched scores (with the
    published groups), the national statistics, the province's active
    targets for the year, the sources and the tasks of the plan for that
    year (its task-status slide, when the plan's tasks are stored)."""
    scores = store.scores()
    return {"enriched": analytics.enrich(scores, groups.load(store)),
            "stats": analytics.national_stats(scores),
            "targets": targets.load(store, province_code, year),
            "sources": store.sources(),
            "tasks": tasks.load(store, province_code, year)}
