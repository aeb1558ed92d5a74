"""The plan draft as a Word file, one function per section. Pure of the
database: the figures come in as frames (papi_data.db.plan_inputs)."""
from __future__ import annotations

import io

import pandas as pd

from .. import codebook, display, provinces
from ..i18n import t
from . import content, docx_helpers as h, draft


def _head(doc, name, plan_year, lang):
    h.header_block(doc, t("plan.issuer", lang, province=name.upper()), t("plan.number", lang),
                   t("plan.date", lang, place=name, year=plan_year - 1))
    h.title(doc, t("plan.title", lang, year=plan_year))


def _results(doc, enriched, code, name, year, rows, lang):
    r = content.results(enriched, code, year)
    h.heading(doc, t("plan.sec.results", lang, year=year))
    doc.add_paragraph(t("plan.results", lang, year=year, province=name, total=display.number(r["total"], lang),
                        rank=display.rank(r["rank"], r["n"]), tier=display.tier(r["tier"], lang),
                        change=display.signed(r["change"], lang), prev=year - 1,
                        mean=display.number(r["national_mean"], lang)))
    up, down = content.movers(rows, codebook.indicators(year, "dimension"))
    label = lambda c: codebook.name(c, lang, year) if c else display.MISSING  # noqa: E731
    doc.add_paragraph(t("plan.movers", lang, up=label(up), down=label(down)))
    doc.add_paragraph(t("plan.appendix_ref", lang, province=name, year=year))


def _targets(doc, props, year, plan_year, lang):
    h.heading(doc, t("plan.sec.targets", lang, year=plan_year))
    head = [t(f"plan.col.{k}", lang) for k in ("indicator", "score", "target", "tier", "reason")]
    rows = [[codebook.name(p.indicator, lang, year), display.number(p.baseline_value, lang),
             display.number(p.proposed_value, lang), display.tier(p.proposed_tier, lang) if p.proposed_tier else
             display.MISSING, t(f"plan.reason.{p.reason}", lang)] for p in props.itertuples()]
    h.table(doc, head, rows)


def _placeholders(doc, lang):
    for key in ("plan.sec.tasks", "plan.sec.org"):
        h.heading(doc, t(key, lang))
        doc.add_paragraph(t("plan.placeholder", lang))


def _appendix(doc, rows, name, year, lang):
    doc.add_page_break()
    h.heading(doc, t("plan.appendix", lang, province=name, year=year))
    head = [t(f"plan.col.{k}", lang) for k in ("indicator", "score", "change", "tier", "rank")]
    body = [[codebook.name(r.indicator, lang, year), display.number(r.value, lang), display.signed(r.change, lang),
             display.tier(r.tier, lang), display.rank(int(r.rank), int(r.n))] for r in rows.itertuples()]
    h.table(doc, head, body)


def _tasks(doc, tasks, year, lang):
    """The plan's tasks with owner, deadline and status (the tasks module's records)."""
    doc.add_paragraph()   # a line apart from the appendix table above
    h.heading(doc, t("plan.tasks", lang, year=year))
    head = [t(f"task_col_{k}", lang) for k in ("no", "task", "lead", "due", "status")]
    body = [[x.no, x.task, x.lead, x.due_text or (x.due.strftime("%d/%m/%Y") if x.due else display.MISSING),
             t(f"task_status_{x.status}", lang)] for x in tasks]
    h.table(doc, head, body, wide=1)


def build(enriched: pd.DataFrame, code: int, plan_year: int, lang: str, share: float = 1.0,
          overrides: dict | None = None, tasks: list | None = None) -> bytes:
    """The .docx bytes of the plan for plan_year from the latest results
    before it; `tasks` (papi_data.tasks.model.Task records of the province's
    plan) are listed in the appendix when given."""
    year, props = draft.propose_for(enriched, code, plan_year, share, overrides)
    name = provinces.name(code, year)
    rows = content.appendix(enriched, code, year, codebook.order(codebook.indicators(year)))
    doc = h.new_document()
    _head(doc, name, plan_year, lang)
    _results(doc, enriched, code, name, year, rows, lang)
    _targets(doc, props, year, plan_year, lang)
    _placeholders(doc, lang)
    _appendix(doc, rows, name, year, lang)
    if tasks:
        _tasks(doc, tasks, year, lang)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
