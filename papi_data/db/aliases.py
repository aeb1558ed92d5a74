"""Province names an analyst mapped by hand, kept in the store so the next
file spelling a province that way goes straight in.

Each row: the map era (63 or 34), the name as the file wrote it, its key
(province_names.key), the GSO code, who mapped it, when and from which
file. A later mapping of the same key replaces the earlier one.
"""
from __future__ import annotations

import sqlalchemy as sa

from .. import provinces
from ..province_names import key
from .common import current_user, now
from .schema import province_aliases
from .scores import Store

def load(store: Store) -> dict[int, dict[str, int]]:
    """{era: {key: code}} of every saved mapping."""
    with store.engine.connect() as c:
        rows = c.execute(sa.select(province_aliases.c.era, province_aliases.c.alias_key,
                                   province_aliases.c.gso_code)).all()
    out: dict[int, dict[str, int]] = {}
    for era, k, code in rows:
        out.setdefault(int(era), {})[k] = int(code)
    return out


def table(store: Store):
    import pandas as pd
    with store.engine.connect() as c:
        return pd.read_sql(sa.select(province_aliases).order_by(province_aliases.c.created_at), c)


def save(store: Store, mappings: list[tuple[int, str, int]], *, user: str | None, file_name: str) -> int:
    """Keep (year, name, code) mappings; returns how many were written.
    Codes are checked against the year's map (ValueError otherwise)."""
    rows = []
    for year, name, code in mappings:
        code = int(code)
        if not key(name):
            continue
        if code not in set(provinces.in_year(int(year)).gso_code):
            raise ValueError(f"No province with code {code} in {year}.")
        rows.append({"era": provinces.era_of(int(year)), "alias_key": key(name), "alias": str(name).strip()[:255],
                     "gso_code": code, "created_by": user or current_user(), "created_at": now(),
                     "file_name": file_name[:512]})
    if not rows:
        return 0
    with store.engine.begin() as c:
        for r in rows:  # replace an earlier mapping of the same name
            c.execute(province_aliases.delete().where((province_aliases.c.era == r["era"])
                                                      & (province_aliases.c.alias_key == r["alias_key"])))
            c.execute(province_aliases.insert().values(**r))
    return len(rows)
