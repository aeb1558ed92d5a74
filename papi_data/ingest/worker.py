"""Reading an upload in a process of its own, so one heavy file never stalls
the server that serves everybody else.

    parsed = worker.parse(raw, "2025PAPI.xlsx", years=None, on_progress=bar)

The page calls this instead of ingest.parse: the file is read in a child
process (started by a fork server, never by forking the threaded server)
with a cap on its address space (PAPI_IMPORT_WORKER_MB) and a time limit
(PAPI_IMPORT_TIMEOUT_S); at most PAPI_IMPORT_WORKERS files are read at once.
A child that runs out of memory or time is stopped and the answer says so;
the server's own memory and its other sessions are untouched. The command
line reads in its own process already and calls ingest.parse directly.
"""
from __future__ import annotations

import multiprocessing as mp
import threading
import time

from .. import settings
from . import bounds
from .model import Parsed, issue, to_frame

_CTX = mp.get_context("forkserver")
# Children start with pandas and the readers loaded; "__main__" is imported
# once by the fork server, not again by every child.
_CTX.set_forkserver_preload(["__main__", "papi_data.ingest"])


_SLOTS = threading.BoundedSemaphore(settings.import_workers())


def _child(conn, raw: bytes, file_name: str, years, hidden: bool, memory_mb: int, aliases=None) -> None:
    import resource
    cap = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))   # MemoryError here, never the OOM killer
    from . import parse
    last = [0.0]

    def progress(f: float) -> None:
        if f - last[0] >= 0.02 or f >= 1.0:
            last[0] = f
            conn.send(("progress", f))

    try:
        out = parse(raw, file_name, years, hidden=hidden, progress=progress, aliases=aliases)
        conn.send(("done", out))
    except Exception as e:                    # parse never raises, but the answer may not fit in memory
        if "memory" not in f"{type(e).__name__} {e}".lower():
            raise
        conn.send(("done", _refused(file_name, "out_of_memory", limit=memory_mb)))
    conn.close()


def _refused(file_name: str, code: str, **kw) -> Parsed:
    return Parsed(file_name, "unknown", to_frame([]), [issue(code, file_name, **kw)])


def parse(raw: bytes, file_name: str, years=None, hidden: bool = False, on_progress=None,
          aliases: dict[int, dict[str, int]] | None = None) -> Parsed:
    """ingest.parse in a child process, bounded in memory and time (`aliases`:
    names the analyst mapped, as ingest.parse takes them)."""
    lim = bounds.limits()
    if not _SLOTS.acquire(timeout=lim.seconds):
        return _refused(file_name, "busy")
    try:
        return _run(raw, file_name, years, hidden, on_progress, lim, aliases)
    finally:
        _SLOTS.release()


def _run(raw, file_name, years, hidden, on_progress, lim, aliases=None) -> Parsed:
    recv, send = _CTX.Pipe(duplex=False)
    proc = _CTX.Process(target=_child, args=(send, raw, file_name, years, hidden, lim.memory_mb, aliases),
                        daemon=True)
    proc.start()
    send.close()
    deadline = time.monotonic() + lim.seconds
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return _refused(file_name, "timeout", limit=f"{lim.seconds:g}")
            if not recv.poll(min(left, 0.25)):
                continue
            try:
                kind, value = recv.recv()
            except (EOFError, OSError):      # the child died without answering: killed for its memory
                proc.join(5)
                return _refused(file_name, "out_of_memory", limit=lim.memory_mb)
            if kind == "done":
                return value
            if on_progress is not None:
                on_progress(value)
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(5)
        recv.close()
