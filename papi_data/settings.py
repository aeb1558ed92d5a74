"""Settings read from the environment, light enough for any page to import."""
from __future__ import annotations

import os

DEFAULT_IMPORT_MAX_MB = 20.0


def import_max_bytes() -> int:
    """Upload limit: PAPI_IMPORT_MAX_MB (default 20 MB; a full official
    workbook with every year is about 2 MB)."""
    try:
        mb = float(os.environ.get("PAPI_IMPORT_MAX_MB", DEFAULT_IMPORT_MAX_MB))
    except ValueError:
        mb = DEFAULT_IMPORT_MAX_MB
    return int(mb * 1024 * 1024)
