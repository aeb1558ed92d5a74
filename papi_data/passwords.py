"""Analyst passwords: hashing, checking, and a limit on failed attempts.

Hash format (one line, safe in TOML and environment variables):

    scrypt$<n>$<r>$<p>$<salt, base64>$<key, base64>

scrypt from the standard library (hashlib.scrypt), n=2**14, r=8, p=1,
16-byte random salt, 32-byte key. Create one with
`python -m papi_data hash-password`.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import os
import threading
import time

N, R, P, DKLEN = 2 ** 14, 8, 1, 32


def hash_password(password: str, *, salt: bytes | None = None, n: int = N, r: int = R, p: int = P) -> str:
    salt = salt or os.urandom(16)
    key = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=DKLEN, maxmem=64 * 1024 * 1024)
    b64 = lambda b: base64.b64encode(b).decode("ascii")  # noqa: E731
    return f"scrypt${n}${r}${p}${b64(salt)}${b64(key)}"


def valid_hash(stored: str | None) -> bool:
    try:
        scheme, n, r, p, salt, key = (stored or "").strip().split("$")
        return scheme == "scrypt" and int(n) > 1 and len(base64.b64decode(key)) > 0 and len(base64.b64decode(salt)) > 0
    except (ValueError, TypeError):
        return False


def verify(password: str, stored: str) -> bool:
    """True when `password` matches the stored hash (constant-time compare)."""
    if not valid_hash(stored):
        return False
    _, n, r, p, salt, key = stored.strip().split("$")
    want = base64.b64decode(key)
    got = hashlib.scrypt(password.encode("utf-8"), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p),
                         dklen=len(want), maxmem=64 * 1024 * 1024)
    return hmac.compare_digest(got, want)


def backoff(failures: int, free: int, cap: float) -> float:
    """Seconds to wait before a password is checked: none for the first
    `free` failures, then 1, 2, 4 … seconds, never more than `cap`. A wait,
    never a refusal: the right password still opens after it."""
    if failures < free:
        return 0.0
    return min(float(cap), 2.0 ** min(failures - free, 30))


class AttemptLimiter:
    """Failed attempts per key over the last `window` seconds. With
    `max_failures`, a key that reached it is locked until its oldest
    failure leaves the window (a browser session: its own mistakes only);
    with None it only counts (a client or the whole server, whose counts set
    a back-off and never lock, so nobody's wrong passwords lock out another
    person). At most `keep` failures are remembered per key and the table of
    keys is pruned, so an attack cannot grow memory."""

    def __init__(self, max_failures: int | None = 5, window: float = 900.0, clock=time.monotonic,
                 keep: int = 1000, max_keys: int = 10_000):
        self.max_failures, self.window, self.clock = max_failures, window, clock
        self.keep, self.max_keys = keep, max_keys
        self._fails: dict[str, list[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str) -> list[float]:
        now = self.clock()
        fails = [t for t in self._fails.get(key, []) if now - t < self.window][-self.keep:]
        self._fails[key] = fails
        return fails

    def failures(self, key: str) -> int:
        """Failed attempts of `key` within the window."""
        with self._lock:
            return len(self._recent(key))

    def locked_for(self, key: str) -> float:
        """Seconds until `key` may try again (0 when it may)."""
        with self._lock:
            fails = self._recent(key)
            if self.max_failures is None or len(fails) < self.max_failures:
                return 0.0
            return max(0.0, self.window - (self.clock() - fails[0]))

    def failed(self, key: str) -> None:
        with self._lock:
            if len(self._fails) >= self.max_keys:        # forget keys with no failure left in the window
                for k in [k for k in self._fails if not self._recent(k)]:
                    del self._fails[k]
            self._recent(key).append(self.clock())

    def succeeded(self, key: str) -> None:
        with self._lock:
            self._fails.pop(key, None)


# ---- a signed sign-in kept in a browser cookie -------------------------------------------------
# The cookie says who signed in and until when, signed with a key derived from
# the analyst password's hash: every server sharing the configuration accepts
# it, and changing the password ends every sign-in.
SESSION_HOURS = 8


def _session_key(stored_hash: str) -> bytes:
    return hashlib.sha256(b"papi-analyst-session\0" + stored_hash.encode()).digest()


def session_token(name: str, stored_hash: str, now: float | None = None, hours: float = SESSION_HOURS) -> str:
    """'<name, base64url>.<expiry, unix seconds>.<signature>'."""
    expiry = int((time.time() if now is None else now) + hours * 3600)
    who = base64.urlsafe_b64encode(name.encode()).decode().rstrip("=")
    sig = hmac.new(_session_key(stored_hash), f"{who}.{expiry}".encode(), hashlib.sha256).hexdigest()
    return f"{who}.{expiry}.{sig}"


def session_name(token: str | None, stored_hash: str | None, now: float | None = None) -> str | None:
    """The analyst's name when `token` is a valid, unexpired sign-in; None otherwise."""
    if not token or not stored_hash or token.count(".") != 2:
        return None
    who, expiry, sig = token.split(".")
    good = hmac.new(_session_key(stored_hash), f"{who}.{expiry}".encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(sig, good) or not expiry.isdigit():
        return None
    if int(expiry) < (time.time() if now is None else now):
        return None
    try:
        return base64.urlsafe_b64decode(who + "=" * (-len(who) % 4)).decode()
    except (ValueError, UnicodeDecodeError):
        return None
