"""Screens: everything a page shows for one set of choices, built in one
pure call from the data. Each screen module has a frozen `Query` (the
choices, hashable: the cache key, its None fields resolved to the page's
defaults from the data) and `build(query, frames) -> Model`, a typed
dataclass of figures, tables and headline values, None where missing.
ui.data.screen caches the models per data version; a rerun only draws."""
from __future__ import annotations

from typing import Callable, Union

from . import compare, overview, profile, targets
from .common import Frames, UnitMap

Query = Union[overview.Query, profile.Query, compare.Query, targets.Query]
Model = Union[overview.Model, profile.Model, compare.Model, targets.Model]

_BUILDERS: dict[type, Callable[..., object]] = {
    overview.Query: overview.build,
    profile.Query: profile.build,
    compare.Query: compare.build,
    targets.Query: targets.build,
}


def build(query: Query, frames: Frames) -> Model:
    """The model of the query's screen (dispatched on the query's type)."""
    try:
        builder = _BUILDERS[type(query)]
    except KeyError:
        raise TypeError(f"Not a screen query: {query!r}") from None
    return builder(query, frames)


__all__ = ["Frames", "UnitMap", "Query", "Model", "build", "overview", "profile", "compare", "targets"]
