"""The stored targets: the active rows, edits and imports in one transaction
each with every change recorded, and a version for caches. Validation and
the Excel template are papi_data.targets; the shipped targets are written
when the store opens (papi_data.db.seeds)."""
from __future__ import annotations

import json

import pandas as pd
import sqlalchemy as sa

from ..i18n import t
from ..targets import FIELDS, clean, field_label, problems, record
from .common import current_user, now
from .schema import target_changes, targets
from .scores import FieldTooLong, Store, check_lengths
from .seeds import seed_targets


def seed(store: Store) -> bool:
    """Write the shipped targets unless this database has had them (the
    store does so when it opens); True when this call wrote them."""
    return seed_targets(store.engine)


def load(store: Store, province_code: int | None = None, year: int | None = None) -> pd.DataFrame:
    """Active targets (id + FIELDS)."""
    q = sa.select(targets).where(targets.c.active == sa.true())
    if province_code is not None:
        q = q.where(targets.c.province_code == int(province_code))
    if year is not None:
        q = q.where(targets.c.year == int(year))
    with store.engine.connect() as c:
        df = pd.read_sql(q.order_by(targets.c.id), c)
    return df.drop(columns=["active"])


def changes(store: Store) -> pd.DataFrame:
    with store.engine.connect() as c:
        return pd.read_sql(sa.select(target_changes).order_by(target_changes.c.id), c)


def apply(store: Store, before: pd.DataFrame, after: pd.DataFrame, user: str | None = None,
          action: str = "edit", lang: str = "vi") -> dict:
    """Write the difference between two versions of a target table (rows
    keyed by `id`; a row without id is new) in one transaction, recording
    every change. Raises ValueError with the messages when any row is bad;
    nothing is written then. Messages name the row as numbered in `after`
    (blank rows count) and the column by its label in the editor."""
    numbered = [(n, r) for n, r in enumerate(after.to_dict("records"), start=1)
                if any(clean(r.get(f)) is not None for f in FIELDS)]
    rows = [r for _, r in numbered]
    errs = problems(rows, lang, where=lambda i, col: t("tgt_err_row", lang, row=numbered[i][0],
                                                       col=field_label(col, lang)))
    if errs:
        raise ValueError("\n".join(errs))
    user = user or current_user()
    try:
        check_lengths(target_changes, {"changed_by": user})
    except FieldTooLong as e:
        raise ValueError(e.message(lang)) from None
    old = {int(r["id"]): record(r) for r in before.to_dict("records") if clean(r.get("id")) is not None}
    seen, counts = set(), {"added": 0, "changed": 0, "deleted": 0}
    with store.engine.begin() as c:
        for raw in rows:
            rec = record(raw)
            tid = clean(raw.get("id"))
            if tid is None or int(tid) not in old:
                new_id = c.execute(targets.insert().values(**rec, active=True)).inserted_primary_key[0]
                c.execute(target_changes.insert().values(target_id=new_id, changed_at=now(), changed_by=user,
                                                         action="add" if action == "edit" else action,
                                                         after=json.dumps(rec, ensure_ascii=False)))
                counts["added"] += 1
                continue
            tid = int(tid)
            seen.add(tid)
            if rec != old[tid]:
                c.execute(targets.update().where(targets.c.id == tid).values(**rec))
                c.execute(target_changes.insert().values(target_id=tid, changed_at=now(), changed_by=user,
                                                         action=action, before=json.dumps(old[tid], ensure_ascii=False),
                                                         after=json.dumps(rec, ensure_ascii=False)))
                counts["changed"] += 1
        for tid in set(old) - seen:
            c.execute(targets.update().where(targets.c.id == tid).values(active=False))
            c.execute(target_changes.insert().values(target_id=tid, changed_at=now(), changed_by=user,
                                                     action="delete", before=json.dumps(old[tid], ensure_ascii=False)))
            counts["deleted"] += 1
    return counts


def import_rows(store: Store, rows: pd.DataFrame, user: str | None = None, lang: str = "vi") -> dict:
    """Merge uploaded rows into the stored targets in one transaction: a row
    with the id of a current target replaces it, a row without id is added
    unless the same target is already stored (so re-uploading a downloaded
    file changes nothing). Nothing is deleted. ValueError (nothing written)
    when any row is bad or names an unknown id."""
    current = load(store)
    recs = rows.to_dict("records")
    errs = problems(recs, lang)
    ids = set(int(i) for i in current["id"])
    unknown = [r["id"] for r in recs if clean(r.get("id")) is not None and int(r["id"]) not in ids]
    errs += [t("tgt_err_id", lang, id=i) for i in unknown]
    if errs:
        raise ValueError("\n".join(errs))
    after = current.astype(object)
    have = {tuple(record(r).values()) for r in current.to_dict("records")}
    new, unchanged = [], 0
    for r in recs:
        rec = record(r)
        if clean(r.get("id")) is not None:
            tid = int(r["id"])
            idx = after.index[after["id"] == tid][0]
            if record(after.loc[idx].to_dict()) == rec:
                unchanged += 1
            for f in FIELDS:
                after.loc[idx, f] = rec[f]
        elif tuple(rec.values()) in have:
            unchanged += 1
        else:
            have.add(tuple(rec.values()))
            new.append({"id": None, **rec})
    if new:
        after = pd.concat([after, pd.DataFrame(new).astype(object)], ignore_index=True)
    counts = apply(store, current, after, user=user, action="import", lang=lang)
    return {**counts, "unchanged": unchanged}


def version(store: Store) -> int:
    """Changes whenever a target is added, edited or deleted."""
    with store.engine.connect() as c:
        return int(c.execute(sa.select(sa.func.max(target_changes.c.id))).scalar() or 0)
