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
    """A file with no usable task table; carries where and why, in vi and en."""

    def __init__(self, key: str, file: str, where: str = "", **kw):
        self.key, self.file, self.where, self.params = key, file, where, kw
        super().__init__(self.message("en"))

    def message(self, lang: str = "vi") -> str:
        from ..i18n import t
        head = f"{self.file}" + (f" — {self.where}" if self.where else "")
        return f"{head}: {t(self.key, lang, **self.params)}"


def merge(old: list[Task], new: list[Task]) -> list[Task]:
    """Tasks of a re-import: the new file's text, deadlines and links, with the
    status, note and evidence already recorded for the same task number."""
    kept = {t.no: t for t in old}
    out = []
    for t in new:
        o = kept.get(t.no)
        out.append(t if o is None else replace(t, status=o.status, note=o.note, evidence=o.evidence))
    return out
