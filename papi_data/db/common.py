"""What the writes to every table share: the time and the user recorded."""
from __future__ import annotations

import datetime as dt
import getpass


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"


def now() -> dt.datetime:
    """UTC, naive and to the second, as every timestamp column stores it."""
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)
