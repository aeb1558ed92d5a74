"""Screens: everything a page shows for one set of choices, in two pure
steps. Each screen module has a frozen `Query` (the choices, hashable: the
cache key, its None fields resolved to the page's defaults from the data),
`build(query, frames) -> Model`, a typed dataclass of numbers, codes and
frames that is the same in every language, and `draw(model, lang) ->
View`, the figures, tables and sentences of one language.
ui.data caches the models per data version and their views per language;
a rerun only shows them."""
from __future__ import annotations

from typing import Union

from . import compare, overview, profile, targets
from .common import Frames, UnitMap

Query = Union[overview.Query, profile.Query, compare.Query, targets.Query]
Model = Union[overview.Model, profile.Model, compare.Model, targets.Model]
View = Union[overview.View, profile.View, compare.View, targets.View]

_SCREENS = (overview, profile, compare, targets)


def _module(obj, kind: str):
    """The screen module whose `kind` class (Query or Model) `obj` is."""
    for m in _SCREENS:
        if type(obj) is getattr(m, kind):
            return m
    raise TypeError(f"Not a screen {kind.lower()}: {obj!r}")


def build(query: Query, frames: Frames) -> Model:
    """The model of the query's screen (dispatched on the query's type)."""
    return _module(query, "Query").build(query, frames)


def draw(model: Model, lang: str) -> View:
    """The model's figures, tables and sentences in `lang`."""
    return _module(model, "Model").draw(model, lang)


__all__ = ["Frames", "UnitMap", "Query", "Model", "View", "build", "draw", "overview", "profile", "compare", "targets"]
