"""Plan tasks as rows to show, list or download: overdue ones first, then
by number; the status and deadline in the interface language."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from ..i18n import t
from .coverage import overdue
from .model import Task

COLUMNS = ("no", "task", "lead", "partners", "due", "due_text", "recurring", "status", "overdue", "indicators",
           "note", "evidence")


def _number(no: str):
    return (0, int(no), "") if no.isdigit() else (1, 0, no)


def ordered(tasks: list[Task], today: dt.date) -> list[Task]:
    """Overdue tasks first, each group by task number."""
    return sorted(tasks, key=lambda tk: (not overdue(tk, today), _number(tk.no)))


def records(tasks: list[Task], today: dt.date) -> list[dict]:
    """One plain record per task (codes and ISO dates: the command line's JSON and CSV)."""
    return [{"no": tk.no, "task": tk.task, "lead": tk.lead, "partners": tk.partners,
             "due": tk.due.isoformat() if tk.due else None, "due_text": tk.due_text, "recurring": tk.recurring,
             "status": tk.status, "overdue": overdue(tk, today), "indicators": ",".join(tk.indicators),
             "note": tk.note, "evidence": tk.evidence} for tk in ordered(tasks, today)]


def frame(tasks: list[Task], today: dt.date, lang: str) -> pd.DataFrame:
    """The page's table: number, task, lead, deadline, status, overdue,
    indicators, note, evidence, with headers in `lang`."""
    rows = [{t("task_col_no", lang): tk.no, t("task_col_task", lang): tk.task, t("task_col_lead", lang): tk.lead,
             t("task_col_due", lang): tk.due_text or (tk.due.isoformat() if tk.due else ""),
             t("task_col_status", lang): t(f"task_status_{tk.status}", lang),
             t("task_overdue", lang): "✔" if overdue(tk, today) else "",
             t("task_col_indicators", lang): ", ".join(tk.indicators),
             t("task_col_note", lang): tk.note, t("task_col_evidence", lang): tk.evidence}
            for tk in ordered(tasks, today)]
    cols = ["task_col_no", "task_col_task", "task_col_lead", "task_col_due", "task_col_status", "task_overdue",
            "task_col_indicators", "task_col_note", "task_col_evidence"]
    return pd.DataFrame(rows, columns=[t(k, lang) for k in cols])


def base_year(enriched: pd.DataFrame, code: int, plan_year: int) -> int | None:
    """The latest results before the plan year that score the province."""
    years = enriched.loc[(enriched["province_code"] == code) & (enriched["year"] < plan_year), "year"]
    return int(years.max()) if not years.empty else None
