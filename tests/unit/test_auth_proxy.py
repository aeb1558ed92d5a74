"""Whose failed sign-ins a back-off counts, behind the reverse proxy and not."""
from ui.auth import client_key


def test_behind_the_local_proxy_each_browser_is_its_own_client():
    # nginx (docs/DEPLOY.md) connects from the machine itself and writes X-Real-IP.
    assert client_key(None, {"X-Real-Ip": "10.0.3.17"}) == "ip:10.0.3.17"
    assert client_key("127.0.0.1", {"X-Real-Ip": "10.0.3.18"}) == "ip:10.0.3.18"
    assert client_key(None, {}) == "ip:local"


def test_a_remote_peer_cannot_name_another_address():
    assert client_key("203.0.113.9", {"X-Real-Ip": "10.0.3.17"}) == "ip:203.0.113.9"
    assert client_key("203.0.113.9", {"X-Real-Ip": "  "}) == "ip:203.0.113.9"
