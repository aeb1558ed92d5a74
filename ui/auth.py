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
  Failed attempts are limited: 5 per browser session and 20 for the whole
  server in 15 minutes.

With neither configured nobody is an analyst and the data page says how to
set one up.
"""
from __future__ import annotations

import os

import streamlit as st

from papi_data import passwords
from papi_data.i18n import t

ENV_HASH = "PAPI_ANALYST_PASSWORD_HASH"
SESSION_LIMIT = passwords.AttemptLimiter(max_failures=5, window=900)
SERVER_LIMIT = passwords.AttemptLimiter(max_failures=20, window=900)
_SERVER = "server"
_OK = "_analyst_hash"     # session: the hash the user's password matched
_NAME = "_analyst_name"


def _secrets(section: str) -> dict:
    try:
        return dict(st.secrets.get(section) or {})
    except Exception:  # no secrets.toml at all, or unreadable
        return {}


def password_hash() -> str | None:
    h = os.environ.get(ENV_HASH) or _secrets("analyst").get("password_hash")
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
        return st.session_state.get(_OK) == password_hash()
    return False


def user_name() -> str:
    """Name recorded with an import or a rollback."""
    if mode() == "oidc":
        try:
            return str(st.user.get("email") or st.user.get("name") or "analyst")
        except Exception:
            return "analyst"
    return st.session_state.get(_NAME) or "analyst"


def _session_key() -> str:
    try:
        from streamlit.runtime.scriptrunner import get_script_run_ctx
        ctx = get_script_run_ctx()
        return ctx.session_id if ctx else "local"
    except Exception:
        return "local"


def check_password(password: str, name: str = "") -> str:
    """'ok', 'wrong' or 'locked'; on 'ok' the session becomes an analyst's."""
    key = _session_key()
    if SESSION_LIMIT.locked_for(key) or SERVER_LIMIT.locked_for(_SERVER):
        return "locked"
    h = password_hash()
    if h and passwords.verify(password, h):
        SESSION_LIMIT.succeeded(key)
        st.session_state[_OK] = h
        st.session_state[_NAME] = name.strip() or "analyst"
        return "ok"
    SESSION_LIMIT.failed(key)
    SERVER_LIMIT.failed(_SERVER)
    return "wrong"


def logout() -> None:
    st.session_state.pop(_OK, None)
    st.session_state.pop(_NAME, None)


def gate(lang: str) -> bool:
    """Draw what a non-analyst sees (setup help, login form or button);
    returns True when the user is an analyst."""
    m = mode()
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
        name = st.text_input(t("auth_name", lang), key="auth_name")
        pw = st.text_input(t("auth_password", lang), type="password", key="auth_password")
        ok = st.form_submit_button(t("auth_login", lang), type="primary")
    if ok:
        res = check_password(pw or "", name or "")
        if res == "ok":
            st.rerun()
        st.error(t("auth_locked" if res == "locked" else "auth_wrong", lang))
    return False
