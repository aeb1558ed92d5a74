"""Plan tasks as frozen records."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

STATUSES = ("not_started", "in_progress", "done")


@dataclass(frozen=True)
class Task:
    no: str
    task: str
    lead: str
    partners: str
    due: dt.date | None
    recurring: bool
    due_text: str
    status: str = "not_started"
    note: str = ""
    evidence: str = ""
    indicators: tuple[str, ...] = ()


class TaskFileError(ValueError):
    """A file with no usable task table; carries where and why, in vi and en.

    `where` is text, or ((key, params), ...) parts localised when shown
    ("bảng 2, dòng 5" / "table 2, row 5"); a param given as a tuple of
    string keys is shown as their localised names joined by commas."""

    def __init__(self, key: str, file: str, where: str | tuple = "", **kw):
        self.key, self.file, self.where, self.params = key, file, where, kw
        super().__init__(self.message("en"))

    def place(self, lang: str = "vi") -> str:
        from ..i18n import t
        if isinstance(self.where, str):
            return self.where
        return ", ".join(t(k, lang, **p) for k, p in self.where)

    def message(self, lang: str = "vi") -> str:
        from ..i18n import t
        params = {k: ", ".join(t(x, lang) for x in v) if isinstance(v, tuple) else v
                  for k, v in self.params.items()}
        where = self.place(lang)
        head = f"{self.file}" + (f" — {where}" if where else "")
        return f"{head}: {t(self.key, lang, **params)}"


def merge(old: list[Task], new: list[Task]) -> list[Task]:
    """Tasks of a re-import: the new file's text, deadlines and links, with the
    status, note and evidence already recorded for the same task number."""
    kept = {t.no: t for t in old}
    out = []
    for t in new:
        o = kept.get(t.no)
        out.append(t if o is None else replace(t, status=o.status, note=o.note, evidence=o.evidence))
    return out
