"""Start the shipped deployment for tests and benchmarks: deploy/start-servers
with N app servers on one database, and nginx from deploy/nginx/papi.conf
(or papi-prefix.conf) run by the current user in a directory of its own.

The shipped file is used as it is; only what a test must change is changed:
the listen address, the app servers' ports, and one response header naming
the app server that answered (X-Papi-Server), so a test knows where each
browser session lives.
"""
from __future__ import annotations

import contextlib
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from tests.conftest import ROOT
from tests.e2e.browser import _free_port

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
SHIPPED = ROOT / "deploy" / "nginx"

MAIN = """daemon off;
worker_processes 1;
pid {d}/nginx.pid;
error_log {d}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log {d}/access.log;
    client_body_temp_path {d}/body;
    proxy_temp_path {d}/proxy;
    fastcgi_temp_path {d}/fastcgi;
    uwsgi_temp_path {d}/uwsgi;
    scgi_temp_path {d}/scgi;
    include {d}/papi.conf;
}}
"""


def nginx_config(shipped: str, listen: int, ports: list[int]) -> str:
    """The shipped server configuration with the test's addresses."""
    servers = "".join(f"    server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;\n" for p in ports)
    out, n = re.subn(r"(upstream papi \{\n(?:\s*#.*\n|\s*hash .*\n)*)(?:\s*server .*\n)+", r"\g<1>" + servers, shipped)
    assert n == 1, "the upstream block of the shipped file has changed shape"
    out, n = re.subn(r"listen 80;", f"listen 127.0.0.1:{listen};", out)
    assert n == 1
    out, n = re.subn(r"(\n(\s*)add_header Set-Cookie)", r"\n\2add_header X-Papi-Server $upstream_addr always;\1", out)
    assert n == 1
    return out


@dataclass
class Cluster:
    url: str                      # through nginx, prefix included, no trailing slash
    ports: list[int]
    run_dir: Path
    prefix: str = ""
    procs: dict = field(default_factory=dict)

    def pid(self, port: int) -> int:
        return int((self.run_dir / f"papi-{port}.pid").read_text())

    def direct(self, port: int) -> str:
        return f"http://127.0.0.1:{port}" + (f"/{self.prefix}" if self.prefix else "")

    def kill(self, port: int) -> None:
        """End one app server at once, as a crash or a power cut would."""
        os.kill(self.pid(port), signal.SIGKILL)


def consecutive_ports(n: int) -> list[int]:
    """N free loopback ports in a row (start-servers numbers its servers so)."""
    for _ in range(50):
        base = random.randrange(20_000, 40_000)
        try:
            for p in range(base, base + n):
                with socket.socket() as s:
                    s.bind(("127.0.0.1", p))
            return list(range(base, base + n))
        except OSError:
            continue
    raise RuntimeError("no free ports")


CHART = ".js-plotly-plot .main-svg"


def settle(page, timeout: float = 90_000) -> None:
    """Wait until the page's run has ended and its charts are drawn."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout)
    page.wait_for_selector(CHART, timeout=timeout)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=timeout)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k):
        return None


def answer(url: str) -> tuple[int, dict, bytes]:
    """Status, headers and body of one GET, redirects not followed."""
    try:
        with urllib.request.build_opener(_NoRedirect).open(url, timeout=10) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


def _wait(urls: list[str], proc: subprocess.Popen, log_dir: Path, timeout: float = 120) -> None:
    deadline = time.time() + timeout
    while not all(healthy(u) for u in urls):
        if proc.poll() is not None or time.time() > deadline:
            logs = "\n".join(p.read_text()[-2000:] for p in log_dir.glob("*.log"))
            raise RuntimeError(f"the app servers did not start:\n{logs}")
        time.sleep(0.5)


@contextlib.contextmanager
def cluster(db_url: str, run_dir: Path, servers: int = 3, prefix: str = "", env: dict | None = None):
    """N app servers (deploy/start-servers) behind nginx; yields a Cluster."""
    ports = consecutive_ports(servers)
    run_dir.mkdir(parents=True, exist_ok=True)
    args = [str(ROOT / "deploy" / "start-servers"), "--servers", str(servers), "--port", str(ports[0]),
            "--run-dir", str(run_dir)] + (["--prefix", prefix] if prefix else [])
    full_env = {**os.environ, "PAPI_DATABASE_URL": db_url, "PAPI_PYTHON": sys.executable, **(env or {})}
    apps = subprocess.Popen(args, cwd=ROOT, env=full_env, stdout=subprocess.DEVNULL, start_new_session=True)
    nginx = None
    c = Cluster("", ports, run_dir, prefix)
    try:
        _wait([c.direct(p) for p in ports], apps, run_dir)
        listen = _free_port()
        shipped = (SHIPPED / ("papi-prefix.conf" if prefix else "papi.conf")).read_text()
        (run_dir / "papi.conf").write_text(nginx_config(shipped, listen, ports))
        (run_dir / "nginx.conf").write_text(MAIN.format(d=run_dir))
        nginx = subprocess.Popen([NGINX, "-p", str(run_dir), "-c", str(run_dir / "nginx.conf"),
                                  "-e", str(run_dir / "error.log")], stderr=subprocess.PIPE)
        c.url = f"http://127.0.0.1:{listen}" + (f"/{prefix}" if prefix else "")
        deadline = time.time() + 15
        while not healthy(c.url):
            if nginx.poll() is not None or time.time() > deadline:
                raise RuntimeError("nginx did not start: " + (nginx.stderr.read().decode() if nginx.poll() is not None else ""))
            time.sleep(0.2)
        yield c
    finally:
        if nginx:
            nginx.terminate()
            nginx.wait(10)
        apps.terminate()             # start-servers stops its app servers
        try:
            apps.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(apps.pid, signal.SIGKILL)
