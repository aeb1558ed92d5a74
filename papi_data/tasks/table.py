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


def filing_year(plan_year: int, latest: int) -> int:
    """The map a plan is filed under: its base results' (the latest before
    the plan year). Codes are reused across the 63- and 34-province maps."""
    return min(plan_year - 1, latest)


def filing_code(code: int, shown_year: int, plan_year: int, latest: int) -> int | None:
    """`code`, chosen on `shown_year`'s map, on the plan's filing map: a
    province's 34-map unit when the plan rests on the new map; None when a
    new unit was chosen for a plan on the old map (it had several provinces)."""
    from .. import provinces
    era = provinces.era_of(filing_year(plan_year, latest))
    if era == provinces.era_of(shown_year):
        return code
    return provinces.successor(code) if era == 34 else None


def base_year(enriched: pd.DataFrame, code: int, plan_year: int) -> int | None:
    """The latest results before the plan year that score the province."""
    years = enriched.loc[(enriched["province_code"] == code) & (enriched["year"] < plan_year), "year"]
    return int(years.max()) if not years.empty else None


def _summary(label: str, key, tasks: list[Task], today: dt.date, lang: str) -> pd.DataFrame:
    groups: dict[str, list[Task]] = {}
    for tk in tasks:
        for k in key(tk):
            groups.setdefault(k, []).append(tk)
    rows = [{label: k, t("task_col_count", lang): len(ts),
             t("task_status_done", lang): sum(tk.status == "done" for tk in ts),
             t("task_status_in_progress", lang): sum(tk.status == "in_progress" for tk in ts),
             t("task_overdue", lang): sum(overdue(tk, today) for tk in ts),
             t("task_col_tasks", lang): ", ".join(tk.no for tk in sorted(ts, key=lambda x: _number(x.no)))}
            for k, ts in groups.items()]
    cols = [label, t("task_col_count", lang), t("task_status_done", lang), t("task_status_in_progress", lang),
            t("task_overdue", lang), t("task_col_tasks", lang)]
    return pd.DataFrame(rows, columns=cols)


def by_agency(tasks: list[Task], today: dt.date, lang: str) -> pd.DataFrame:
    """One row per lead agency, most tasks first."""
    df = _summary(t("task_col_lead", lang), lambda tk: [tk.lead or "–"], tasks, today, lang)
    return df.sort_values(t("task_col_count", lang), ascending=False, kind="stable").reset_index(drop=True)


def by_indicator(tasks: list[Task], year: int, today: dt.date, lang: str) -> pd.DataFrame:
    """One row per linked indicator in codebook order (a task counts under
    each of its indicators), then the tasks linked to none."""
    from .. import codebook
    label = t("task_col_indicator", lang)
    df = _summary(label, lambda tk: list(tk.indicators) or ["–"], tasks, today, lang)
    order = {c: i for i, c in enumerate(codebook.order(c for c in df[label] if c != "–"))}
    df = df.assign(_o=df[label].map(order).fillna(len(order))).sort_values("_o").drop(columns="_o")
    df[label] = [c if c == "–" else codebook.name(c, lang, year) for c in df[label]]
    return df.reset_index(drop=True)


def weak_frame(weak, cov, year: int, lang: str) -> pd.DataFrame:
    """The weak indicators (coverage.Weak) with why, and the tasks addressing each."""
    from .. import codebook
    from ..i18n import fmt
    rows = []
    for w in weak:
        why = [t("task_why_low", lang)] * w.low_tier + [t("task_why_falling", lang)] * w.falling
        rows.append({t("task_col_indicator", lang): codebook.name(w.indicator, lang, year),
                     t("task_col_value", lang): fmt(w.value, lang),
                     t("task_col_tier", lang): "" if w.tier is None else str(w.tier),
                     t("task_col_why", lang): ", ".join(why),
                     t("task_col_change", lang): "" if w.change is None else f"{fmt(w.change, lang, sign=True)} ({w.prev_year})",
                     t("task_col_tasks", lang): ", ".join(tk.no for tk in cov.addressed.get(w.indicator, ()))})
    return pd.DataFrame(rows)
