"""What each slide of the deck says: numbers, codes, tier indices and texts
from the enriched frame, the national statistics and a targets frame.
Plain records, no PowerPoint and no database, so every rule is testable
on its own; papi_data.deck.slides draws them."""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

import pandas as pd

from .. import codebook, display, eras, explore, gaps, official_tiers, provinces, ranks
from ..analytics import tier_name
from ..tasks import coverage
from ..i18n import fmt, fmt_rank, t

# gaps.table's columns by role, in its order: slides pick columns by role,
# never by their translated header.
TARGET_ROLES = ("indicator", "kind", "target", "actual", "status", "gap", "tier", "rank", "change", "needed",
                "check", "plan")
TARGETS_PER_SLIDE = 6            # readable from the back of the room
WEAKEST_COUNT = 6
TASK_STATES = ("done", "in_progress", "not_started", "overdue")
OVERDUE_SHOWN = 8                # a slide read from the back of the room


@dataclass(frozen=True)
class Context:
    code: int
    year: int
    lang: str
    name: str
    source: str


def context(code: int, year: int, lang: str) -> Context:
    return Context(code, year, lang, provinces.name(code, year, lang), t("source_papi", lang, years=year))


def _filled(x) -> bool:
    return x is not None and str(x).strip() not in ("", "–", "nan", "None")


def _next(tier, points, lang: str) -> str:
    """Points to the next tier; none for the top tier."""
    return "–" if pd.isna(tier) or int(tier) == 1 else fmt(points, lang)


def _tier(x) -> int | None:
    return None if x is None or pd.isna(x) else int(x)


# ---- title and headline ----------------------------------------------------

@dataclass(frozen=True)
class Title:
    title: str
    subtitle: str


def title(c: Context, today: dt.date) -> Title:
    return Title(t("deck_title", c.lang, province=c.name, year=c.year),
                 t("deck_subtitle", c.lang, date=today.strftime("%d/%m/%Y")))


@dataclass(frozen=True)
class Headline:
    title: str
    source: str
    missing: str | None = None                       # the province was not scored that year
    cells: tuple[tuple[str, str], ...] = ()          # total, rank, tier, change
    tier: int | None = None                          # the tier index of the total (its colour)
    second: tuple[tuple[str, str], ...] = ()         # national mean, points and cut to the next tier
    aside: str | None = None
    aside_kind: str | None = None                    # "merger", "rank" (earlier map) or "change"
    note: str = ""


def _aside(e: pd.DataFrame, total: pd.Series, c: Context) -> tuple[str | None, str | None]:
    """What the change cell cannot say: the former provinces of a merged unit,
    an unchanged unit's rank on the earlier map, or why no change is given."""
    lang, year = c.lang, c.year
    across = explore.across_merger(e, c.code, year, lang)
    if across["change_note"]:          # merged on 1 July 2025: the former provinces the year before, never summed
        before = "; ".join(f"{r.iloc[0]}: {r.iloc[1]} ({r.iloc[2]})" for _, r in across["members_before"].iterrows())
        return f"{across['change_note']}. PAPI {year - 1}: {before}", "merger"
    if across["rank_before"]:          # unchanged unit: its earlier rank beside, each out of its own map
        rb = across["rank_before"]
        return t("rank_other_map_help", lang, rank=fmt_rank(total["rank"], total["n_ranked"], lang),
                 n=int(total["n_ranked"]), prev_rank=rb["rank"], prev_n=rb["n"], prev_year=rb["year"]), "rank"
    if total["prev_value"] is not None and not pd.isna(total["prev_value"]) and not total["comparable"]:
        return t("deck_not_comparable", lang, prev=year - 1), "change"
    if pd.isna(total["prev_value"]):
        return t("deck_no_previous", lang, prev=year - 1), "change"
    return None, None


def headline(e: pd.DataFrame, stats: pd.DataFrame, c: Context) -> Headline:
    lang, year = c.lang, c.year
    head = t("deck_headline", lang, year=year)
    total = explore.row(e, c.code, year, "TOTAL")
    if total is None:
        return Headline(head, c.source, missing=t("deck_not_scored", lang, year=year, province=c.name))
    change = "–" if pd.isna(total["change"]) or not total["comparable"] else fmt(total["change"], lang, sign=True)
    cells = ((t("headline_total", lang), fmt(total["value"], lang)),
             (t("headline_rank", lang), fmt_rank(total["rank"], total["n_ranked"], lang)),
             (t("headline_tier", lang), tier_name(total["tier"], lang)),
             (t("headline_change", lang), change))
    # Where the province stands against the country and the tier above (what a leader asks first).
    mean_total = stats[(stats["year"] == year) & (stats["indicator"] == "TOTAL")]["mean"]
    tier = int(total["tier"])
    second = [(t("national_mean", lang), fmt(mean_total.iloc[0], lang) if len(mean_total) else "–")]
    if tier > 1:      # nothing to reach from the top tier
        second += [(t("points_next", lang), _next(tier, total["points_to_next_tier"], lang)),
                   (t("deck_next_cut", lang, tier=tier_name(tier - 1, lang)), fmt(total[f"cut_{tier - 1}"], lang))]
    aside, kind = _aside(e, total, c)
    # How the tier was arrived at, and whom the rank's denominator leaves out.
    basis = official_tiers.tier_label(total["tier"], total.get("tier_basis"), total.get("near_cut"), lang)
    note = " ".join(x for x in (f"{t('headline_tier', lang)}: {basis}.", ranks.explanation(e, year, "TOTAL", lang))
                    if x)
    return Headline(head, c.source, cells=cells, tier=tier, second=tuple(second), aside=aside, aside_kind=kind,
                    note=note)


# ---- targets ---------------------------------------------------------------

@dataclass(frozen=True)
class TargetPage:
    title: str
    table: pd.DataFrame            # translated headers, as shown
    status_column: int
    met: tuple[bool | None, ...]   # per row: met, not met, or no colour (no data, near a cut)


@dataclass(frozen=True)
class ScaleGroup:
    title: str
    indicators: tuple[str, ...]
    actual: tuple[float | None, ...]
    target: tuple[float, ...]


@dataclass(frozen=True)
class Targets:
    title: str
    source: str
    none: str | None = None                      # no targets recorded
    pages: tuple[TargetPage, ...] = ()
    footer: str = ""
    chart_title: str = ""
    series_names: tuple[str, str] = ("", "")     # actual, target
    groups: tuple[ScaleGroup, ...] = ()          # one chart per scale


def _met(rec: dict) -> bool | None:
    """Coloured as met / not met only for a clear verdict."""
    m = rec["met"]
    if m is None or (isinstance(m, float) and math.isnan(m)) or gaps.near_cut(rec):
        return None
    return bool(m)


def _scale_groups(ev: pd.DataFrame, c: Context) -> tuple[ScaleGroup, ...]:
    """One chart per scale: the total out of 80 beside dimensions out of 10
    would flatten the dimensions."""
    vals = ev[ev["kind"] == "value"]
    top_of = {i: (codebook.scale(i, c.year) or (0, 0))[1] for i in vals["indicator"]}
    out = []
    for top in sorted(set(top_of.values()), reverse=True):
        g = vals[vals["indicator"].map(top_of) == top]
        out.append(ScaleGroup(t("deck_scale", c.lang, max=fmt(top, c.lang, 0)), tuple(g["indicator"]),
                              tuple(None if pd.isna(x) else round(float(x), 2) for x in g["actual"]),
                              tuple(round(float(x), 2) for x in g["target"])))
    return tuple(out)


def targets(e: pd.DataFrame, tg: pd.DataFrame, c: Context) -> Targets:
    lang, year = c.lang, c.year
    head = t("deck_targets", lang, year=year)
    if tg.empty:
        return Targets(head, c.source, none=t("tgt_none", lang, province=c.name, year=year))
    ev = gaps.evaluate(tg, e)
    shown = display.for_screen(gaps.table(ev, tg, lang), lang)
    headers = dict(zip(TARGET_ROLES, shown.columns, strict=True))
    tab = shown.set_axis(list(TARGET_ROLES), axis=1)
    met = [_met(r) for r in ev.to_dict("records")]
    # The columns a meeting reads. The plan goes in the footer when the targets
    # share one plan; a column with nothing in it on a slide is left out.
    roles = [r for r in TARGET_ROLES if r not in ("change", "needed") and not (r == "plan" and tab[r].nunique() <= 1)]
    pages, per = [], TARGETS_PER_SLIDE
    for k in range(0, len(tab), per):
        part = tab.iloc[k:k + per].reset_index(drop=True)
        keep = [r for r in roles if r == "status" or part[r].map(_filled).any()]
        pages.append(TargetPage(head + (f" ({k // per + 1})" if len(tab) > per else ""),
                                part[keep].set_axis([headers[r] for r in keep], axis=1),
                                keep.index("status"), tuple(met[k:k + per])))
    footer = f"{c.source}; {headers['plan']}: " + ", ".join(sorted(set(tab["plan"].dropna().astype(str))))
    return Targets(head, c.source, pages=tuple(pages), footer=footer, chart_title=t("tgt_chart_title", lang, year=year),
                   series_names=(t("tgt_actual", lang), t("tgt_target_marker", lang)), groups=_scale_groups(ev, c))


# ---- trend -----------------------------------------------------------------

def series_start(code: str, year: int) -> int:
    """The first year of the series `year` belongs to: the last definition or
    scale break of `code` (codebook breaks) up to `year`, else its first year."""
    b = codebook.breaks()
    cuts = [int(y) for y in b[(b["code"] == code) & (b["year"] <= year)]["year"]]
    if cuts:
        return max(cuts)
    defined = codebook.table()
    return int(defined[defined["code"] == code]["first_year"].min())


def histories(e: pd.DataFrame, code: int, year: int, lang: str) -> dict[str, pd.DataFrame]:
    """label -> the TOTAL rows (year, value, rank, n_ranked) of the unit and,
    for a unit formed on 1 July 2025, of each former province before 2025."""
    cols = ["year", "value", "rank", "n_ranked"]
    tot = e[e["indicator"] == "TOTAL"]
    if provinces.era_of(year) == 63 or eras.same_territory(code):
        own = tot[tot["province_code"] == code]
        if provinces.era_of(year) == 63:
            own = own[own["year"] < provinces.MERGER_YEAR]
        return {provinces.name(code, year, lang): own[cols]}
    out = {provinces.name(code, year, lang): tot[(tot["province_code"] == code)
                                                 & (tot["year"] >= provinces.MERGER_YEAR)][cols]}
    for old in provinces.predecessors(code):
        out[explore.member_label(old, lang)] = tot[(tot["province_code"] == old)
                                                   & (tot["year"] < provinces.MERGER_YEAR)][cols]
    return out


@dataclass(frozen=True)
class Trend:
    title: str
    note: str
    # the total on one scale (empty when the series has a single year)
    score_title: str = ""
    score_years: tuple[int, ...] = ()
    score: dict[str, list] = field(default_factory=dict)     # label -> values (None: not scored)
    mean_label: str = ""
    mean: tuple[float, ...] = ()
    # the rank over every year (ranks compare across a scale change)
    rank_title: str = ""
    rank_years: tuple[int, ...] = ()
    rank: dict[str, list] = field(default_factory=dict)
    rank_labels: tuple[list, ...] = ()
    n_max: int = 0


def trend(e: pd.DataFrame, stats: pd.DataFrame, c: Context) -> Trend:
    """The total on the chosen year's scale (no line across a change of
    scale), and the rank over all years. A year PAPI did not score is a gap.
    A unit formed on 1 July 2025: its own line from 2025, each former
    province's line before, side by side (never one line through both maps)."""
    lang, year = c.lang, c.year
    first = series_start("TOTAL", year)
    all_years = sorted(int(y) for y in e["year"].unique() if y <= year)
    years = [y for y in all_years if y >= first]
    lines_of = {k: v.set_index("year") for k, v in histories(e, c.code, year, lang).items()}
    score, mean = {}, ()
    if len(years) > 1:
        mean_of = stats[stats["indicator"] == "TOTAL"].set_index("year")["mean"]
        score = {label: [None if y not in m.index else round(float(m.loc[y, "value"]), 2) for y in years]
                 for label, m in lines_of.items()}
        mean = tuple(round(float(mean_of[y]), 2) for y in years)
    rank = {label: [None if y not in m.index else int(m.loc[y, "rank"]) for y in all_years]
            for label, m in lines_of.items()}
    long_run = len(all_years) > 8          # many years: the rank alone, so labels do not collide
    # Ranks out of different maps (x/61, y/34) are labelled with what they are out of.
    crosses = provinces.era_of(all_years[0]) != provinces.era_of(all_years[-1])
    labels = tuple([None if y not in m.index else
                    (str(int(m.loc[y, "rank"])) if long_run and not crosses
                     else fmt_rank(m.loc[y, "rank"], m.loc[y, "n_ranked"], lang))
                    for y in all_years] for m in lines_of.values())
    src = t("source_papi", lang, years=f"{all_years[0]}–{year}" if all_years[0] < year else year)
    return Trend(t("deck_trend", lang, first=all_years[0], year=year), t("total_scale_note", lang) + "  " + src,
                 score_title=t("deck_trend_score", lang, first=first, year=year), score_years=tuple(years),
                 score=score, mean_label=t("national_mean", lang), mean=mean,
                 rank_title=t("deck_trend_rank", lang), rank_years=tuple(all_years), rank=rank, rank_labels=labels,
                 n_max=int(e[(e["indicator"] == "TOTAL") & (e["year"] <= year)]["n_ranked"].max()))


# ---- dimensions --------------------------------------------------------------

@dataclass(frozen=True)
class Radar:
    title: str
    source: str
    missing: str | None = None
    categories: tuple[str, ...] = ()
    series: tuple[tuple[str, tuple], ...] = ()      # (name, values): the province, the national mean


def radar(e: pd.DataFrame, stats: pd.DataFrame, c: Context) -> Radar:
    dims = codebook.indicators(c.year, "dimension")
    head = t("radar_title", c.lang, year=c.year)
    prof = e[(e["year"] == c.year) & (e["province_code"] == c.code) & e["indicator"].isin(dims)].set_index("indicator")
    if prof.empty:
        return Radar(head, c.source, missing=t("deck_not_scored", c.lang, year=c.year, province=c.name))
    dm = stats[(stats["year"] == c.year) & stats["indicator"].isin(dims)].set_index("indicator")["mean"]
    own = tuple(None if d not in prof.index else round(float(prof.loc[d, "value"]), 2) for d in dims)
    return Radar(head, c.source, categories=tuple(dims),
                 series=((c.name, own), (t("national_mean", c.lang), tuple(round(float(dm[d]), 2) for d in dims))))


@dataclass(frozen=True)
class TierTable:
    title: str
    source: str
    missing: str | None = None
    table: pd.DataFrame | None = None
    tier_column: int = 3
    tiers: tuple[int | None, ...] = ()              # per row: the tier index whose colour fills the tier cell
    first_width: float = 4.6


def _table_row(r: pd.Series | None, code: str, c: Context) -> dict:
    lang = c.lang
    return {t("indicator", lang): codebook.name(code, lang, c.year),
            t("value", lang): "–" if r is None else fmt(r["value"], lang),
            t("rank", lang): "–" if r is None else fmt_rank(r["rank"], r["n_ranked"], lang),
            t("tier", lang): "–" if r is None else tier_name(r["tier"], lang),
            t("points_next", lang): "–" if r is None else _next(r["tier"], r["points_to_next_tier"], lang)}


def dimensions(e: pd.DataFrame, c: Context) -> TierTable:
    dims = codebook.indicators(c.year, "dimension")
    found = [explore.row(e, c.code, c.year, d) for d in dims]
    return TierTable(t("deck_dimensions", c.lang, year=c.year), c.source,
                     table=pd.DataFrame([_table_row(r, d, c) for r, d in zip(found, dims)]),
                     tiers=tuple(None if r is None else _tier(r["tier"]) for r in found))


def weakest_subdimensions(e: pd.DataFrame, code: int, year: int, n: int = WEAKEST_COUNT) -> pd.DataFrame:
    """The province's `n` weakest sub-dimensions in `year`: the lowest rank
    relative to the provinces ranked (rank / n_ranked, so years and maps of
    different sizes read alike), the lower score first on a tie."""
    subs = e[(e["year"] == year) & (e["province_code"] == code)
             & e["indicator"].isin(codebook.indicators(year, "subdimension"))]
    rel = subs["rank"] / subs["n_ranked"]
    return (subs.assign(_rel=rel).sort_values(["_rel", "value"], ascending=[False, True])
            .head(n).drop(columns="_rel"))


def weakest(e: pd.DataFrame, c: Context) -> TierTable:
    head = t("deck_weakest", c.lang, year=c.year)
    weak = weakest_subdimensions(e, c.code, c.year)
    if weak.empty:
        return TierTable(head, c.source, missing=t("deck_not_scored", c.lang, year=c.year, province=c.name))
    rows = [_table_row(r, r["indicator"], c) for _, r in weak.iterrows()]
    return TierTable(head, c.source, table=pd.DataFrame(rows), tiers=tuple(_tier(k) for k in weak["tier"]),
                     first_width=5.0)


# ---- sources -----------------------------------------------------------------

@dataclass(frozen=True)
class Sources:
    title: str
    lines: tuple[str, ...]


def sources(used: pd.DataFrame | None, c: Context) -> Sources:
    """The release's citation first, then up to four sources of that year."""
    cites = [] if used is None or used.empty else \
        used[used["source"].astype(str).str.contains(str(c.year))]["citation"].tolist()
    return Sources(t("deck_sources", c.lang), (c.source, *cites[:4], t("deck_tiers_rule", c.lang),
                                                t("missing_note", c.lang)))


# ---- plan tasks ----------------------------------------------------------------

def task_state(task, today: dt.date) -> str:
    """One of TASK_STATES: an overdue task (tasks.coverage.overdue) counts
    as overdue, not as its status, so the counts add up to the tasks."""
    return "overdue" if coverage.overdue(task, today) else task.status


def task_counts(tasks, today: dt.date) -> dict[str, int]:
    counts = dict.fromkeys(TASK_STATES, 0)
    for task in tasks:
        state = task_state(task, today)
        counts[state if state in counts else "not_started"] += 1
    return counts


def shorten(text: str, n: int = 90) -> str:
    """At most `n` characters, cut at a word with an ellipsis."""
    s = " ".join(str(text or "").split())
    if len(s) <= n:
        return s
    cut = s[:n - 1].rsplit(" ", 1)[0] if " " in s[:n - 1] else s[:n - 1]
    return cut.rstrip(",;:.") + "…"


@dataclass(frozen=True)
class TaskStatus:
    title: str
    counts: tuple[tuple[str, str, int], ...]          # (state, label, number)
    overdue_title: str
    overdue: pd.DataFrame | None                      # no., task, lead, deadline; None when nothing is overdue
    none_overdue: str
    more: str = ""                                    # how many overdue tasks the slide leaves out


def task_status(tasks, today: dt.date, c: Context) -> TaskStatus:
    lang = c.lang
    counts = task_counts(tasks, today)
    late = sorted((x for x in tasks if coverage.overdue(x, today)), key=lambda x: x.due)
    rest, late = len(late) - OVERDUE_SHOWN, late[:OVERDUE_SHOWN]      # the longest overdue first
    table = None if not late else pd.DataFrame({
        t("task_col_no", lang): [x.no for x in late],
        t("task_col_task", lang): [shorten(x.task) for x in late],
        t("task_col_lead", lang): [shorten(x.lead, 40) for x in late],
        t("task_col_due", lang): [x.due_text or x.due.strftime("%d/%m/%Y") for x in late]})
    return TaskStatus(t("deck_tasks", lang), tuple((s, t(f"deck_task_{s}", lang), counts[s]) for s in TASK_STATES),
                      t("deck_tasks_overdue", lang, date=today.strftime("%d/%m/%Y")), table,
                      t("deck_tasks_none_overdue", lang), t("deck_tasks_more", lang, n=rest) if rest > 0 else "")


# ---- what-if ----------------------------------------------------------------

@dataclass(frozen=True)
class WhatIf:
    title: str
    assumed: str                                  # the changes
    cells: tuple[tuple[str, str], ...]            # total, tier, rank
    tier: int                                     # the resulting tier (its colour)
    result: str                                   # "…, if other provinces stay as in YEAR"
    range: str                                    # under the earlier comparable years' conditions
    note: str
    source: str


def what_if(e: pd.DataFrame, changes: dict[str, float] | None, c: Context) -> WhatIf | None:
    """The scenario's slide; None without changes or when the province has
    no scores to change that year."""
    from .. import whatif
    if not changes:
        return None
    try:
        s = whatif.scenario(e, c.code, c.year, changes)
    except (KeyError, whatif.OutOfScale):
        return None
    r, said, lang = s.result, whatif.sentences(s, changes, c.lang), c.lang
    cells = ((t("headline_total", lang), fmt(r.value, lang, 4)),
             (t("headline_tier", lang), tier_name(r.tier, lang)),
             (t("headline_rank", lang), fmt_rank(r.rank, r.n_ranked, lang)))
    return WhatIf(t("wif_deck_title", lang, year=c.year), said["assumed"], cells, r.tier, said["result"],
                  said["range"], t("wif_deck_note", lang), c.source)
