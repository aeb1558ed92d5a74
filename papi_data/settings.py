"""Settings read from the environment, light enough for any page to import.

Every read of the environment is here, one small function per setting, read
on each call (so a test or a restart with other values takes effect); the
README lists them. Defaults apply when a variable is unset, empty or not a
number where one is needed."""
from __future__ import annotations

import os

from . import DATA_DIR

DEFAULT_IMPORT_MAX_MB = 20.0
DEFAULT_IMPORT_WORKERS = 2
ANALYST_PASSWORD_HASH = "PAPI_ANALYST_PASSWORD_HASH"


def import_max_bytes() -> int:
    """Upload limit: PAPI_IMPORT_MAX_MB (default 20 MB; a full official
    workbook with every year is about 2 MB)."""
    try:
        mb = float(os.environ.get("PAPI_IMPORT_MAX_MB", DEFAULT_IMPORT_MAX_MB))
    except ValueError:
        mb = DEFAULT_IMPORT_MAX_MB
    return int(mb * 1024 * 1024)


def import_workers() -> int:
    """Uploads read at once on the data page, each in a process of its own:
    PAPI_IMPORT_WORKERS (default 2, at least 1)."""
    try:
        return max(1, int(os.environ.get("PAPI_IMPORT_WORKERS", str(DEFAULT_IMPORT_WORKERS))))
    except ValueError:
        return DEFAULT_IMPORT_WORKERS


def positive_number(var: str, default: float | int) -> float | int:
    """A reading limit (papi_data.ingest.bounds): the variable as a number of
    the default's type, or the default when unset, empty, not a number or
    not above zero."""
    raw = os.environ.get(var)
    try:
        val = type(default)(float(raw)) if raw not in (None, "") else default
    except ValueError:
        val = default
    return val if val > 0 else default


def database_url() -> str:
    """PAPI_DATABASE_URL (any SQLAlchemy URL), else SQLite at data/papi.db."""
    return os.environ.get("PAPI_DATABASE_URL") or f"sqlite:///{DATA_DIR / 'papi.db'}"


def write_marker() -> str | None:
    """PAPI_WRITE_MARKER: a file the store writes the moment a write holds
    its lock (the crash-safety test aims its kills with it)."""
    return os.environ.get("PAPI_WRITE_MARKER") or None


def analyst_password_hash() -> str | None:
    """The analysts' password hash from PAPI_ANALYST_PASSWORD_HASH (it wins
    over the secrets file)."""
    return os.environ.get(ANALYST_PASSWORD_HASH) or None


def geojson_path() -> str | None:
    """PAPI_GEOJSON: a boundary file for a true map instead of the tile map."""
    return os.environ.get("PAPI_GEOJSON")


def browser_path() -> str | None:
    """BROWSER_PATH: the Chrome/Chromium the exports drive, as set."""
    return os.environ.get("BROWSER_PATH")
