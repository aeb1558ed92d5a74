"""Limits on what an uploaded file may make the reader do, decided before
reading and checked while reading: a file that crosses one is refused at
the first bound it crosses, with a message naming it.

Every limit can be changed by an environment variable (README,
configuration). The defaults are far above the largest real release (the
official workbook with every year: about 2 MB, 25 MB inflated, 300,000
cells; the long template of every year: about 40,000 rows of 7 columns)
and far below what would take a server's memory or minutes of its time.
"""
from __future__ import annotations

from dataclasses import dataclass

from .. import settings

DEFAULTS = {
    "inflated_mb": ("PAPI_IMPORT_MAX_INFLATED_MB", 200.0),   # all parts of an .xlsx, uncompressed
    "ratio": ("PAPI_IMPORT_MAX_RATIO", 100.0),               # uncompressed / compressed, per part
    "members": ("PAPI_IMPORT_MAX_PARTS", 2000),              # parts in the zip directory
    "rows": ("PAPI_IMPORT_MAX_ROWS", 100_000),               # last row holding a value, per sheet
    "columns": ("PAPI_IMPORT_MAX_COLUMNS", 1_000),           # last column holding a value, per sheet
    "cells": ("PAPI_IMPORT_MAX_CELLS", 2_000_000),           # rows x columns of the sheets' extents
    "cell_chars": ("PAPI_IMPORT_MAX_CELL_CHARS", 32_767),    # Excel's own limit for one cell
    "line_chars": ("PAPI_IMPORT_MAX_LINE_CHARS", 10_000),    # one line of a CSV
    "seconds": ("PAPI_IMPORT_TIMEOUT_S", 60.0),              # reading one upload on the data page
    "memory_mb": ("PAPI_IMPORT_WORKER_MB", 1_500),           # address space of the page's reader process
}


@dataclass(frozen=True)
class Limits:
    inflated_mb: float
    ratio: float
    members: int
    rows: int
    columns: int
    cells: int
    cell_chars: int
    line_chars: int
    seconds: float
    memory_mb: int

    @property
    def inflated_bytes(self) -> int:
        return int(self.inflated_mb * 1024 * 1024)


def limits() -> Limits:
    """The limits in force (read from the environment on every call, so a
    test or a server restart with other values takes effect)."""
    return Limits(**{key: settings.positive_number(var, default) for key, (var, default) in DEFAULTS.items()})
