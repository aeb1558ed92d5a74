"""Who may change data: anyone may read; only analysts may import, roll
back or edit targets.

Two ways to be an analyst, chosen by configuration:

- OpenID Connect (Streamlit's `st.login`), used when `.streamlit/secrets.toml`
  has an `[auth]` section. The logged-in user is an analyst when their email
  is in `[analyst] emails = [...]` or its domain in `[analyst] domains = [...]`
  (with neither list nobody is: an identity provider alone says who someone
  is, not that they may change the data).
- A shared analyst password, whose hash is in `[analyst] password_hash` or the
  environment variable PAPI_ANALYST_PASSWORD_HASH (create it with
  `python -m papi_data hash-password`; format in papi_data/passwords.py).
  Failed attempts slow an attacker without locking the analyst out: a
  browser session is refused after 5 failures in 15 minutes (its own); a
  client (IP address) waits 1, 2, 4 … up to 30 seconds per attempt after 3
  failures, and the whole server up to 5 seconds after 20. Those waits come
  before the password is checked, right or wrong (giving up early gains
  nothing), and the right password always opens after them.

A password sign-in survives a reload of the page: it is kept in a cookie
signed with a key derived from the password's hash (papi_data/passwords.py),
valid for 8 hours, on every server sharing that configuration; signing out
or changing the password ends it.

With neither configured nobody is an analyst and the data page says how to
set one up.
"""
from __future__ import annotations

import time

import streamlit as st

from papi_data import passwords, settings
from papi_data.i18n import t

SESSION_LIMIT = passwords.AttemptLimiter(max_failures=5, window=900)   # refuses that session only
CLIENT_LIMIT = passwords.AttemptLimiter(max_failures=None, window=900)  # back-off only
SERVER_LIMIT = passwords.AttemptLimiter(max_failures=None, window=900)  # back-off only, never a refusal
CLIENT_FREE, CLIENT_CAP = 3, 30.0
SERVER_FREE, SERVER_CAP = 20, 5.0
sleep = time.sleep
_SERVER = "server"
_OK = "_analyst_hash"     # session: the hash the user's password matched
_NAME = "_analyst_name"
COOKIE = "papi_analyst"
_PENDING = "_analyst_cookie"   # session: cookie script to draw on the next run
_OUT = "_analyst_signed_out"   # session: signed out here; the page's cookies still carry the old one


def _secrets(section: str) -> dict:
    try:
        return dict(st.secrets.get(section) or {})
    except Exception:  # no secrets.toml at all, or unreadable
        return {}


def password_hash() -> str | None:
    h = settings.analyst_password_hash() or _secrets("analyst").get("password_hash")
    return h.strip() if h and passwords.valid_hash(h) else None


def oidc_configured() -> bool:
    return bool(_secrets("auth"))


def mode() -> str | None:
    """'oidc', 'password' or None (no analyst configured)."""
    if oidc_configured():
        return "oidc"
    if password_hash():
        return "password"
    return None


def _allowed(email: str | None) -> bool:
    cfg = _secrets("analyst")
    emails = {e.strip().lower() for e in cfg.get("emails", [])}
    domains = {d.strip().lower().lstrip("@") for d in cfg.get("domains", [])}
    if not email:
        return False
    email = email.strip().lower()
    return email in emails or email.rsplit("@", 1)[-1] in domains


def is_analyst() -> bool:
    """True when the current user may import, roll back or edit targets."""
    m = mode()
    if m == "oidc":
        try:
            return bool(st.user.is_logged_in) and _allowed(st.user.get("email"))
        except Exception:
            return False
    if m == "password":
        h = password_hash()
        if st.session_state.get(_OK) == h:
            return True
        return _from_cookie(h)
    return False


def _from_cookie(h: str | None) -> bool:
    """A reload starts a new session: take the sign-in from the signed cookie."""
    if st.session_state.get(_OUT):
        return False
    try:
        token = st.context.cookies.get(COOKIE)
    except Exception:       # no browser request behind this run (a test, a script)
        token = None
    name = passwords.session_name(token, h)
    if name is None:
        return False
    st.session_state[_OK], st.session_state[_NAME] = h, name
    return True


def _cookie_script(value: str, max_age: int) -> str:
    import json
    return ("<script>document.cookie = " + json.dumps(f"{COOKIE}={value}; path=/; max-age={max_age}; SameSite=Strict")
            + " + (location.protocol === 'https:' ? '; Secure' : '');</script>")


def _draw_cookie() -> None:
    script = st.session_state.pop(_PENDING, None)
    if script:
        st.html(script, unsafe_allow_javascript=True, width=1)


def user_name() -> str:
    """Name recorded with an import or a rollback."""
    if mode() == "oidc":
        try:
            return str(st.user.get("email") or st.user.get("name") or "analyst")
        except Exception:
            return "analyst"
    return st.session_state.get(_NAME) or "analyst"


def _session_key() -> str:
    """A random id kept in this browser session's state (a new session, a
    new id, as with Streamlit's own session id)."""
    import uuid
    return st.session_state.setdefault("_signin_session", uuid.uuid4().hex)


def _client_key() -> str:
    try:
        ip, headers = st.context.ip_address, st.context.headers
    except Exception:
        ip, headers = None, {}
    return client_key(ip, headers)


def client_key(ip: str | None, headers) -> str:
    """The client's address as the server sees it. Only when that is the
    machine itself (the reverse proxy of docs/DEPLOY.md: Streamlit reports no
    address for a local peer) is the proxy's X-Real-IP used, which nginx
    writes over whatever the client sent; a remote peer's headers are never
    trusted. "local" without either."""
    if not ip or ip in ("127.0.0.1", "::1"):
        real = headers.get("X-Real-Ip") if headers else None
        if isinstance(real, str) and real.strip():
            ip = real.strip()[:64]
    return "ip:" + ip if isinstance(ip, str) and ip else "ip:local"


def wait_before_check() -> float:
    """Seconds the next attempt of this client waits before it is checked."""
    return max(passwords.backoff(CLIENT_LIMIT.failures(_client_key()), CLIENT_FREE, CLIENT_CAP),
               passwords.backoff(SERVER_LIMIT.failures(_SERVER), SERVER_FREE, SERVER_CAP))


def check_password(password: str, name: str = "") -> str:
    """'ok', 'wrong' or 'locked' (this session's own 5 failures); on 'ok'
    the session becomes an analyst's. Waits first when this client or the
    server saw recent failures (see the module docstring)."""
    key, client = _session_key(), _client_key()
    if SESSION_LIMIT.locked_for(key):
        return "locked"
    wait = wait_before_check()
    if wait:
        sleep(wait)
    h = password_hash()
    if h and passwords.verify(password, h):
        SESSION_LIMIT.succeeded(key)
        CLIENT_LIMIT.succeeded(client)
        st.session_state[_OK] = h
        st.session_state[_NAME] = name.strip() or "analyst"
        st.session_state.pop(_OUT, None)
        st.session_state[_PENDING] = _cookie_script(passwords.session_token(st.session_state[_NAME], h),
                                                    int(passwords.SESSION_HOURS * 3600))
        return "ok"
    SESSION_LIMIT.failed(key)
    CLIENT_LIMIT.failed(client)
    SERVER_LIMIT.failed(_SERVER)
    return "wrong"


def _nothing():
    import contextlib
    return contextlib.nullcontext()


def logout() -> None:
    st.session_state.pop(_OK, None)
    st.session_state.pop(_NAME, None)
    st.session_state[_OUT] = True
    st.session_state[_PENDING] = _cookie_script("", 0)


def gate(lang: str) -> bool:
    """Draw what a non-analyst sees (setup help, login form or button);
    returns True when the user is an analyst."""
    m = mode()
    _draw_cookie()
    if m is None:
        st.warning(t("auth_none_title", lang))
        st.markdown(t("auth_none_help", lang))
        return False
    if is_analyst():
        c1, c2 = st.columns([4, 1])
        c1.caption(t("auth_signed_in", lang, name=user_name()))
        if c2.button(t("auth_logout", lang), key="auth_logout"):
            if m == "oidc":
                st.logout()
            logout()
            st.rerun()
        return True
    if m == "oidc":
        try:
            logged = bool(st.user.is_logged_in)
        except Exception:
            logged = False
        if logged:
            st.error(t("auth_not_allowed", lang, email=st.user.get("email") or "?"))
            if st.button(t("auth_logout", lang), key="auth_logout"):
                st.logout()
        else:
            st.info(t("auth_login_needed", lang))
            if st.button(t("auth_login_oidc", lang), key="auth_login", type="primary"):
                st.login()
        return False
    st.info(t("auth_login_needed", lang))
    with st.form("analyst_login"):
        name = st.text_input(t("auth_name", lang), key="auth_name", max_chars=255)   # the history's column
        pw = st.text_input(t("auth_password", lang), type="password", key="auth_password")
        ok = st.form_submit_button(t("auth_login", lang), type="primary")
    if ok:
        wait = wait_before_check()
        with st.spinner(t("auth_wait", lang, s=f"{wait:.0f}"), show_time=True) if wait >= 1 else _nothing():
            res = check_password(pw or "", name or "")
        if res == "ok":
            st.rerun()
        st.error(t("auth_locked_session" if res == "locked" else "auth_wrong", lang))
    return False
