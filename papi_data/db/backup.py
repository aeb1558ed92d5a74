"""Backup and restore of the whole store as one portable zip.

The file is the same for SQLite and PostgreSQL: manifest.json (format,
schema and app versions, time, per-table row count and sha256) and one
JSON-lines file per table, values typed by column (timestamps ISO text,
bytes base64). Restore writes every table, schema_meta too, in one
transaction in foreign-key order. schema_meta carries the markers of the
shipped history and targets, so a restored store never seeds them again.
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import json
import time
import zipfile

import sqlalchemy as sa

from .. import __version__ as APP_VERSION
from .common import now
from .migrations import SCHEMA_VERSION
from .schema import metadata, schema_meta
from .scores import Store

FORMAT_VERSION = 1


class BackupError(ValueError):
    """A backup file that cannot be restored, or a store that refuses it."""


def _encode(v):
    if isinstance(v, (dt.datetime, dt.date)):
        return v.isoformat()
    if isinstance(v, (bytes, memoryview)):
        return base64.b64encode(bytes(v)).decode("ascii")
    return v


def _decode(col: sa.Column, v):
    if v is None:
        return None
    t = col.type
    if isinstance(t, sa.DateTime):
        return dt.datetime.fromisoformat(v)
    if isinstance(t, sa.Date):
        return dt.date.fromisoformat(v)
    if isinstance(t, sa.LargeBinary):
        return base64.b64decode(v)
    return v


def _table_lines(c, table: sa.Table) -> tuple[bytes, int]:
    """A table as JSON lines, ordered by primary key so two dumps compare."""
    cols = [col.name for col in table.columns]
    q = sa.select(table).order_by(*table.primary_key.columns)
    buf, n = io.BytesIO(), 0
    for row in c.execute(q):
        rec = {k: _encode(v) for k, v in zip(cols, row)}
        buf.write(json.dumps(rec, ensure_ascii=False, sort_keys=True).encode("utf-8") + b"\n")
        n += 1
    return buf.getvalue(), n


def backup(store: Store, path) -> dict:
    """Write the store to `path`; the manifest, with bytes and seconds added."""
    t0 = time.perf_counter()
    tables = {}
    with store.engine.connect() as c, c.begin(), zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for table in metadata.sorted_tables:
            data, n = _table_lines(c, table)
            z.writestr(f"tables/{table.name}.jsonl", data)
            tables[table.name] = {"rows": n, "sha256": hashlib.sha256(data).hexdigest()}
        manifest = {"format_version": FORMAT_VERSION, "schema_version": store.schema_version(),
                    "app_version": APP_VERSION, "created": now().isoformat(),
                    "dialect": store.engine.dialect.name, "tables": tables}
        z.writestr("manifest.json", json.dumps(manifest, indent=1))
    with open(path, "rb") as f:
        size = len(f.read())
    return {**manifest, "bytes": size, "seconds": time.perf_counter() - t0}


def read(path) -> tuple[dict, dict[str, bytes]]:
    """The manifest and table files of a backup, verified before any write."""
    try:
        with zipfile.ZipFile(path) as z:
            manifest = json.loads(z.read("manifest.json"))
            files = {name: z.read(f"tables/{name}.jsonl") for name in manifest.get("tables", {})}
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError) as e:
        raise BackupError(f"not a readable backup file: {e}") from None
    if manifest.get("format_version", 0) > FORMAT_VERSION:
        raise BackupError(f"backup format {manifest['format_version']} is newer than this version reads "
                          f"({FORMAT_VERSION}); restore with a newer version of the dashboard")
    if manifest.get("schema_version") != SCHEMA_VERSION:
        raise BackupError(f"backup schema version {manifest.get('schema_version')} differs from this "
                          f"version's ({SCHEMA_VERSION}); restore with the version that made it")
    for name, meta in manifest["tables"].items():
        if name not in metadata.tables:
            raise BackupError(f"unknown table {name!r} in the backup")
        if hashlib.sha256(files[name]).hexdigest() != meta["sha256"]:
            raise BackupError(f"checksum mismatch in table {name}: the file is damaged")
    return manifest, files


def _rows(table: sa.Table, data: bytes) -> list[dict]:
    return [{k: _decode(table.c[k], v) for k, v in json.loads(line).items()}
            for line in data.splitlines() if line]


def _reset_sequences(c) -> None:
    """PostgreSQL: explicit ids leave the sequences behind; move them past the max."""
    if c.dialect.name != "postgresql":
        return
    for table in metadata.sorted_tables:
        pk = list(table.primary_key.columns)
        if len(pk) == 1 and isinstance(pk[0].type, sa.Integer):
            c.execute(sa.text(f"SELECT setval(pg_get_serial_sequence('{table.name}', '{pk[0].name}'), "
                              f"COALESCE((SELECT MAX({pk[0].name}) FROM {table.name}), 1), "
                              f"(SELECT MAX({pk[0].name}) FROM {table.name}) IS NOT NULL)"))


def is_empty(c) -> bool:
    """Empty: nothing but schema_meta (migrations write it before anything else)."""
    return all(c.execute(sa.select(sa.func.count()).select_from(t)).scalar() == 0
               for t in metadata.sorted_tables if t is not schema_meta)


def restore(store: Store, path, force: bool = False) -> dict:
    """Replace the store's contents with the backup's, in one transaction."""
    t0 = time.perf_counter()
    manifest, files = read(path)
    total = 0
    with store.engine.begin() as c:
        if not is_empty(c) and not force:
            raise BackupError("the store is not empty; restore into a new store, or pass --force to replace "
                              "its contents")
        for table in reversed(metadata.sorted_tables):
            c.execute(table.delete())
        for table in metadata.sorted_tables:
            rows = _rows(table, files.get(table.name, b""))
            if rows:
                c.execute(table.insert(), rows)
            total += len(rows)
        _reset_sequences(c)
    return {"tables": len(files), "rows": total, "seconds": time.perf_counter() - t0}


def register(sub, user_error) -> None:
    s = sub.add_parser("backup", help="write everything the store holds to one portable file")
    s.add_argument("file")
    s.set_defaults(func=lambda a: _cmd_backup(a, user_error))
    s = sub.add_parser("restore", help="restore a backup file into an empty store")
    s.add_argument("file")
    s.add_argument("--force", action="store_true", help="replace the contents of a non-empty store")
    s.set_defaults(func=lambda a: _cmd_restore(a, user_error))


def _cmd_backup(a, user_error) -> int:
    from .scores import get_store
    try:
        m = backup(get_store(), a.file)
    except OSError as e:
        raise user_error(f"Cannot write {a.file}: {e.strerror or e}") from None
    rows = sum(t["rows"] for t in m["tables"].values())
    print(f"backup: {len(m['tables'])} tables, {rows} rows, {m['bytes']} bytes, {m['seconds']:.2f} s -> {a.file}")
    return 0


def _cmd_restore(a, user_error) -> int:
    from .. import settings
    store = Store(settings.database_url(), seed=False)   # seeding would make the new store non-empty
    try:
        r = restore(store, a.file, force=a.force)
    except BackupError as e:
        raise user_error(str(e)) from None
    finally:
        store.dispose()
    print(f"restore: {r['tables']} tables, {r['rows']} rows, {r['seconds']:.2f} s <- {a.file}")
    return 0
