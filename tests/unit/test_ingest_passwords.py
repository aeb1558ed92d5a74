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


def test_session_token_carries_the_name_until_it_expires():
    h = passwords.hash_password("mật khẩu", n=2 ** 4)
    tok = passwords.session_token("Chuyên viên Á", h, now=1_000_000)
    assert passwords.session_name(tok, h, now=1_000_000 + 3600) == "Chuyên viên Á"
    assert passwords.session_name(tok, h, now=1_000_000 + 9 * 3600) is None          # eight hours, then gone


def test_session_token_refused_when_forged_or_the_password_changed():
    h = passwords.hash_password("mật khẩu", n=2 ** 4)
    tok = passwords.session_token("An", h, now=1_000_000)
    who, expiry, sig = tok.split(".")
    later = str(int(expiry) + 10 ** 6)
    assert passwords.session_name(f"{who}.{later}.{sig}", h, now=1_000_000) is None   # expiry stretched
    assert passwords.session_name(f"QWRtaW4.{expiry}.{sig}", h, now=1_000_000) is None  # another name
    assert passwords.session_name(tok, passwords.hash_password("mới", n=2 ** 4), now=1_000_000) is None
    for bad in (None, "", "abc", "a.b.c.d", "a.b.c"):
        assert passwords.session_name(bad, h, now=1_000_000) is None
