"""Analyst password hashes and the limit on failed attempts."""
from papi_data import passwords


def test_hash_format_and_verify():
    h = passwords.hash_password("mật khẩu dài 123")
    scheme, n, r, p, salt, key = h.split("$")
    assert (scheme, n, r, p) == ("scrypt", "16384", "8", "1")
    assert passwords.verify("mật khẩu dài 123", h)
    assert not passwords.verify("mat khau dai 123", h)
    assert h != passwords.hash_password("mật khẩu dài 123")          # random salt
    assert not passwords.verify("x", "plaintext") and not passwords.verify("x", "")
    assert passwords.valid_hash(h) and not passwords.valid_hash("scrypt$1$2")


def test_limiter_locks_after_failures_and_unlocks_after_window():
    now = [1000.0]
    lim = passwords.AttemptLimiter(max_failures=3, window=60, clock=lambda: now[0])
    for _ in range(3):
        assert lim.locked_for("s") == 0
        lim.failed("s")
    assert 59 < lim.locked_for("s") <= 60
    assert lim.locked_for("other") == 0
    now[0] += 61
    assert lim.locked_for("s") == 0
    lim.failed("s")
    lim.succeeded("s")
    assert lim.locked_for("s") == 0
