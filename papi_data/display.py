"""Numbers for people, at the edge (pure).

Tables built by the data layer keep numbers, rank pairs and tier indices
and name each column's role in `DataFrame.attrs["roles"]`; this module is
the one place that turns them into what a screen, a spreadsheet or a
document shows, so nothing downstream guesses a number back from its text
or recognises a tier by its translated name.

One convention everywhere: decimal comma in Vietnamese and point in
English (Babel's locale data), the true minus sign "−" for negative
numbers on screen and in documents, rank changes as +3 / −2 / 0 with "–"
where there is none, ranks as 19/61.
"""
from __future__ import annotations

import math
import numbers
from typing import NamedTuple

import pandas as pd
from babel.numbers import format_decimal

# Column roles.
LABEL = "label"              # a row's name (province, indicator): text, first column
TEXT = "text"                # any other text
NUMBER = "number"            # a score or a count
SIGNED = "signed"            # a change in points, always with its sign
RANK = "rank"                # a Rank(rank, n)
RANK_CHANGE = "rank_change"  # places gained (+) or lost (−), whole numbers
TIER = "tier"                # a tier index 1..4, or Tier(index, note)
NUMERIC_ROLES = frozenset({NUMBER, SIGNED, RANK, RANK_CHANGE})

MISSING = "–"
MINUS = "−"
_LOCALE = {"vi": "vi_VN", "en": "en_US"}


class Rank(NamedTuple):
    """A rank out of the provinces ranked that year."""
    rank: int
    n: int


class Tier(NamedTuple):
    """A tier index (1 = top) and a qualifier shown after its name
    (as published, near the cut...)."""
    index: int
    note: str = ""


def missing(x) -> bool:
    if x is None or x is pd.NA:
        return True
    try:
        return isinstance(x, numbers.Real) and math.isnan(float(x))
    except (TypeError, ValueError):
        return False


def _pattern(digits: int | None, sign: bool) -> str:
    base = "#,##0" + ("." + "0" * digits if digits else "" if digits == 0 else ".######")
    return f"+{base};-{base}" if sign else base


def number(x, lang: str, digits: int | None = 2, sign: bool = False) -> str:
    """46,96 / 46.96; 1.234,50 / 1,234.50; −1,90; '–' when missing.
    `digits=None` keeps every decimal the value has (a published bound)."""
    if missing(x):
        return MISSING
    x = float(x)
    if digits is not None:
        x = round(x, digits) + 0.0          # −0,00 would read as a loss
    text = format_decimal(x, _pattern(digits, sign), locale=_LOCALE.get(lang, "en_US"))
    return text.replace("-", MINUS)


def signed(x, lang: str, digits: int | None = 2) -> str:
    """A change: +0,68 / −1,90 / 0,00."""
    if missing(x):
        return MISSING
    return number(x, lang, digits, sign=round(float(x), digits or 6) != 0)


def rank(r, n=None) -> str:
    """19/61; the rank alone where the count is not known."""
    if isinstance(r, Rank):
        r, n = r
    if missing(r):
        return MISSING
    return f"{int(r)}/{int(n)}" if not missing(n) else str(int(r))


def rank_change(x) -> str:
    """+3 (up three places), −2, 0 (unchanged); '–' when not comparable."""
    if missing(x):
        return MISSING
    x = int(x)
    return f"+{x}" if x > 0 else f"{MINUS}{-x}" if x < 0 else "0"


def tier_index(x) -> int | None:
    if isinstance(x, Tier):
        x = x.index
    return None if missing(x) or isinstance(x, str) else int(x)


def tier(x, lang: str) -> str:
    """The tier's name, with its qualifier where there is one."""
    from .analytics import tier_name
    k = tier_index(x)
    if k is None:
        return MISSING
    note = x.note if isinstance(x, Tier) else ""
    return f"{tier_name(k, lang)} {note}".strip()


# --- tables -------------------------------------------------------------------

def with_roles(df: pd.DataFrame, roles: dict, digits: dict | None = None) -> pd.DataFrame:
    """`df` with its columns' roles (and decimals, where not 2) attached."""
    df.attrs["roles"] = dict(roles)
    if digits:
        df.attrs["digits"] = dict(digits)
    return df


def _inferred(col: pd.Series) -> str:
    """The role of a column no table spec names: numbers by their type,
    never by their text."""
    if pd.api.types.is_bool_dtype(col):
        return TEXT
    if pd.api.types.is_numeric_dtype(col):
        return NUMBER
    values = [v for v in col if not missing(v)]
    if values and all(isinstance(v, Rank) for v in values):
        return RANK
    if values and all(isinstance(v, Tier) for v in values):
        return TIER
    if values and all(isinstance(v, numbers.Real) and not isinstance(v, bool) for v in values):
        return NUMBER
    return TEXT


def roles(df: pd.DataFrame) -> list[str]:
    """Each column's role, by position."""
    named = df.attrs.get("roles", {})
    return [named.get(c) or _inferred(df.iloc[:, j]) for j, c in enumerate(df.columns)]


def digits_of(df: pd.DataFrame, column, value=None) -> int | None:
    """Decimals a column is written with: its spec's, else 2 for fractions
    and 0 for whole numbers."""
    spec = df.attrs.get("digits", {})
    if column in spec:
        return spec[column]
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return 0
    return 2


def cell(value, role: str, lang: str, digits: int | None = 2) -> str:
    """One cell as a person reads it. Text in a number's place (a "no
    data" note) is shown as it is."""
    if isinstance(value, str):
        return value
    role = _own_role(value, role)
    if role == NUMBER:
        return number(value, lang, digits)
    if role == SIGNED:
        return signed(value, lang, digits)
    if role == RANK:
        return rank(value)
    if role == RANK_CHANGE:
        return rank_change(value)
    if role == TIER:
        return tier(value, lang)
    return MISSING if missing(value) else str(value)


def _own_role(value, role: str) -> str:
    """A rank or a tier says what it is, whatever its column (a targets
    table's "actual" holds a score, or a rank for a rank target)."""
    return RANK if isinstance(value, Rank) else TIER if isinstance(value, Tier) else role


def for_screen(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The table as text, every cell as shown (roles kept in attrs)."""
    rs = roles(df)
    out = pd.DataFrame({j: [cell(v, r, lang, digits_of(df, c, v)) for v in df.iloc[:, j]]
                        for j, (c, r) in enumerate(zip(df.columns, rs))}, index=df.index)
    out.columns = df.columns
    out.attrs["roles"] = dict(zip(df.columns, rs))
    return out


def excel_format(role: str, digits: int | None, n: int | None = None) -> str | None:
    """The Excel number format that writes a number as the screen does
    (Excel applies the reader's own decimal sign)."""
    base = "0" + ("." + "0" * digits if digits else "")
    if role == NUMBER:
        return "#,##" + base if digits is not None else "General"
    if role == SIGNED:
        return f'+{base};"{MINUS}"{base};{base}'
    if role == RANK_CHANGE:
        return f'+0;"{MINUS}"0;0'
    if role == RANK:
        return f'0"/{n}"' if n else "0"
    return None


def excel_value(value, role: str, lang: str, digits: int | None = 2):
    """(value, number_format) for a spreadsheet cell: numbers stay numbers
    (a rank 19 shown as 19/61), tiers by name, missing numbers blank."""
    role = _own_role(value, role)
    if role in NUMERIC_ROLES and not isinstance(value, str):
        if missing(value) or (role == RANK and missing(rank_value(value))):
            return None, None
        if role == RANK:
            return rank_value(value), excel_format(RANK, 0, value.n if isinstance(value, Rank) else None)
        if role == RANK_CHANGE:
            return int(value), excel_format(RANK_CHANGE, 0)
        return float(value), excel_format(role, digits)
    return cell(value, role, lang, digits), None


def rank_value(value):
    return value.rank if isinstance(value, Rank) else value


def csv_frame(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The table for a CSV file a spreadsheet reads back as numbers: the
    language's decimal sign without thousands separators, changes signed
    with ASCII + and - (a spreadsheet does not read "−" as a sign), ranks
    as 19/61 (never a date: n is at least 34), missing numbers blank."""
    out = pd.DataFrame({j: [csv_cell(v, r, lang, digits_of(df, c, v)) for v in df.iloc[:, j]]
                        for j, (c, r) in enumerate(zip(df.columns, roles(df)))}, index=df.index)
    out.columns = df.columns
    return out


def csv_cell(value, role: str, lang: str, digits: int | None = 2) -> str:
    role = _own_role(value, role)
    if isinstance(value, str):
        return value
    if missing(rank_value(value)):
        return "" if role in NUMERIC_ROLES or role == TEXT else MISSING
    if role == RANK:
        return rank(value)
    if role in (NUMBER, SIGNED, RANK_CHANGE):
        return _plain(value, lang, 0 if role == RANK_CHANGE else digits, role != NUMBER)
    return cell(value, role, lang, digits)


def _plain(x, lang: str, digits: int | None, sign: bool) -> str:
    x = float(x) if digits is None else round(float(x), digits) + 0.0
    text = repr(x) if digits is None else f"{x:{'+' if sign and x else ''}.{digits}f}"
    return text.replace(".", ",") if lang == "vi" else text
