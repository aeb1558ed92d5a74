"""Deadlines as written in plans -> (date | None, recurring), text kept by the caller."""
from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_RECUR = re.compile(r"thường xuyên|hằng năm|hàng năm|liên tục|ongoing|recurring|regularly|continuous", re.I)
_DMY = re.compile(r"(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})")
_MONTH = re.compile(r"(?:tháng|month)\s*(\d{1,2})\s*(?:/|năm|,)?\s*(\d{4})", re.I)
_QUARTER = re.compile(r"(?:quý|quarter|q)\s*(iv|iii|ii|i|[1-4])\b\s*(?:/|năm|,)?\s*(\d{4})?", re.I)
_YEAR = re.compile(r"\b(20\d{2}|19\d{2})\b")
_EN_MONTH = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{4})", re.I)


def _end_of_month(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def parse(text: str, plan_year: int | None = None) -> tuple[dt.date | None, bool]:
    """The deadline a text names: a date (end of the month, quarter or year
    named; the earliest one when several are), or recurring; (None, False)
    when nothing is recognised. A quarter without a year takes the plan's."""
    s = unicodedata.normalize("NFC", str(text or "")).strip()
    if not s:
        return None, False
    if _RECUR.search(s):
        return None, True
    m = _DMY.search(s)
    if m:
        try:
            return dt.date(int(m[3]), int(m[2]), int(m[1])), False
        except ValueError:
            return None, False
    m = _MONTH.search(s)
    if m and 1 <= int(m[1]) <= 12:
        return _end_of_month(int(m[2]), int(m[1])), False
    m = _EN_MONTH.search(s)
    if m:
        mon = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].index(m[1].lower()[:3]) + 1
        return _end_of_month(int(m[2]), mon), False
    m = _QUARTER.search(s)
    if m:
        year = int(m[2]) if m[2] else (int(_YEAR.search(s)[1]) if _YEAR.search(s) else plan_year)
        if year:
            return _end_of_month(year, _ROMAN[m[1].lower()] * 3), False
    m = _YEAR.search(s)
    if m:
        return dt.date(int(m[1]), 12, 31), False
    return None, False
