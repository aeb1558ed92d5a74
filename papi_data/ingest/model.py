"""What the readers produce: parsed values with the cell they came from, and
problems ("issues") that name the file, sheet and cell, with a message in
Vietnamese and English (papi_data/i18n/imports.py)."""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

# Columns of a parsed frame: the score columns of the store plus where each
# value was read (sheet and A1 cell), so validation can point at it.
# Issues that inform but do not block an import.
WARNINGS = {"zero_as_missing", "nothing_new", "hidden_sheets", "name_by_code", "province_skipped",
            "summary_row_skipped", "indicator_left_out", "province_skipped_row"}

# `tier`: the published group (1-4) a group column beside the value gives it
# (ingest/groups.py), blank in files without one.
PARSED_COLUMNS = ["year", "province_code", "indicator", "value", "ci_low", "ci_high", "se",
                  "sheet", "cell", "tier"]


@dataclass(frozen=True)
class Issue:
    """One problem in an uploaded file. `code` selects the message."""
    code: str
    file: str
    sheet: str | None = None
    cell: str | None = None
    params: tuple = ()  # (name, value) pairs for the message
    year: int | None = None
    province_code: int | None = None
    indicator: str | None = None

    @property
    def blocking(self) -> bool:
        return self.code not in WARNINGS

    def kw(self) -> dict:
        return dict(self.params)

    def message(self, lang: str = "vi") -> str:
        from ..i18n import strings, t
        kw = self.kw()
        # one message for a whole column or row says how many values it holds
        key = f"imp_err_{self.code}_count" if "n" in kw and f"imp_err_{self.code}_count" in strings() else f"imp_err_{self.code}"
        return t(key, lang, **kw)

    def where(self, lang: str = "vi") -> str:
        from ..i18n import t
        parts = [self.file]
        if self.sheet:
            parts.append(t("imp_where_sheet", lang, sheet=self.sheet))
        if self.cell:
            parts.append(t("imp_where_cell", lang, cell=self.cell))
        return ", ".join(parts)

    def as_dict(self, lang: str = "vi") -> dict:
        return {"code": self.code, "file": self.file, "sheet": self.sheet, "cell": self.cell,
                "message": self.message(lang)}


def issue(code: str, file: str, sheet: str | None = None, cell: str | None = None, **params) -> Issue:
    return Issue(code, file, sheet, cell, tuple(params.items()))


class FileRejected(Exception):
    """The file cannot be read at all; carries the issue that says why."""

    def __init__(self, iss: Issue):
        self.issue = iss
        super().__init__(iss.message("en"))


@dataclass
class Parsed:
    """The result of reading one file, before validation."""
    file_name: str
    layout: str  # indicator_rows | province_rows | template
    frame: pd.DataFrame
    issues: list[Issue] = field(default_factory=list)
    years_found: list[int] = field(default_factory=list)
    default_years: list[int] = field(default_factory=list)
    sheets: dict[int, str] = field(default_factory=dict)  # year -> sheet it was read from
    year_cells: dict[int, str] = field(default_factory=dict)  # year -> first cell it was read from (template)
    # (year, indicator) -> (sheet, header cell) of the group column its labels were read from
    group_columns: dict[tuple[int, str], tuple[str | None, str]] = field(default_factory=dict)

    def select(self, years) -> "Parsed":
        """Only the chosen years (the analyst's pick in a multi-year file)."""
        years = sorted(set(int(y) for y in years))
        keep = self.frame[self.frame["year"].isin(years)].reset_index(drop=True)
        iss = [i for i in self.issues if i.year is None or i.year in years]
        return Parsed(self.file_name, self.layout, keep, iss, self.years_found, years,
                      {y: s for y, s in self.sheets.items() if y in years},
                      {y: c for y, c in self.year_cells.items() if y in years},
                      {k: v for k, v in self.group_columns.items() if k[0] in years})


def empty_frame() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in zip(
        PARSED_COLUMNS, ["int64", "int64", "str", "float64", "float64", "float64", "float64", "str", "str", "Int64"])})


def to_frame(records: list[dict]) -> pd.DataFrame:
    if not records:
        return empty_frame()
    df = pd.DataFrame.from_records(records).reindex(columns=PARSED_COLUMNS)
    df["year"] = df["year"].astype("int64")
    df["province_code"] = df["province_code"].astype("int64")
    for c in ("value", "ci_low", "ci_high", "se"):
        df[c] = pd.to_numeric(df[c], errors="coerce").astype("float64")
    df["tier"] = pd.to_numeric(df["tier"], errors="coerce").astype("Int64")
    return df
