"""Who a line, a bar or a table row stands for, kept as codes until shown.

The screens' models are language-free: a series is keyed by a `Label` (a
unit on a year's map, a former province, the national mean, the best
province) and named in the interface's language only when drawn.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import provinces
from .i18n import t

UNIT, FORMER, MEAN, BEST = "unit", "former", "mean", "best"


@dataclass(frozen=True)
class Label:
    kind: str                 # UNIT, FORMER, MEAN or BEST
    code: int | None = None   # the province or unit (None for the mean)
    year: int | None = None   # the map the code belongs to (UNIT, BEST)

    def text(self, lang: str) -> str:
        if self.kind == MEAN:
            return t("national_mean", lang)
        if self.kind == FORMER:
            return t("former", lang, name=provinces.name(self.code, provinces.MERGER_YEAR - 1, lang))
        name = provinces.name(self.code, self.year, lang)
        return t("best_province", lang, name=name) if self.kind == BEST else name


def unit(code: int, year: int) -> Label:
    return Label(UNIT, code, year)


def former(code: int) -> Label:
    """A province of the 63-province map standing for (part of) a unit formed on 1 July 2025."""
    return Label(FORMER, code)


MEAN_LABEL = Label(MEAN)


def named(keyed: dict[Label, object], lang: str) -> dict[str, object]:
    """The same mapping keyed by each label's text in `lang`."""
    return {k.text(lang): v for k, v in keyed.items()}
