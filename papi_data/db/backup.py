"""Backup and restore of the whole store as one portable zip.

The file is the same for SQLite and PostgreSQL: manifest.json (format,
schema and app versions, time, per-table row count and sha256) and one
JSON-lines file per table, values typed by column (timestamps ISO text,
bytes base64). Restore writes every table, schema_meta too, in one
transaction in foreign-key order. Both ways the rows stream in bounded
batches, so memory does not grow with the store. schema_meta carries the
markers of the shipped history and targets, so a restored store never seeds
them again.
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
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


# Rows travel in bounded batches both ways, so memory stays flat however
# large the store: BATCH_ROWS rows, or fewer once their JSON lines pass
# BATCH_BYTES (an import batch row holds its whole raw file); a backup reads
# tables holding files BLOB_ROWS rows at a time.
BATCH_ROWS = 2000
BATCH_BYTES = 8 * 2**20
BLOB_ROWS = 8
_CHUNK = 2**20


def _write_table(c, table: sa.Table, out) -> tuple[str, int]:
    """A table as JSON lines into `out`, ordered by primary key so two dumps
    compare, fetched BATCH_ROWS at a time; its sha256 and row count."""
    cols = [col.name for col in table.columns]
    q = sa.select(table).order_by(*table.primary_key.columns)
    digest, n = hashlib.sha256(), 0
    # A row with a file in it (an import batch's raw workbook) may be large:
    # such tables are fetched a few rows at a time.
    per = BLOB_ROWS if any(isinstance(col.type, sa.LargeBinary) for col in table.columns) else BATCH_ROWS
    for rows in c.execution_options(yield_per=per).execute(q).partitions():
        chunk = b"".join(json.dumps({k: _encode(v) for k, v in zip(cols, row)}, ensure_ascii=False,
                                    sort_keys=True).encode("utf-8") + b"\n" for row in rows)
        out.write(chunk)
        digest.update(chunk)
        n += len(rows)
    return digest.hexdigest(), n


def backup(store: Store, path) -> dict:
    """Write the store to `path`; the manifest, with bytes and seconds added."""
    t0 = time.perf_counter()
    tables = {}
    with store.engine.connect() as c, c.begin(), zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for table in metadata.sorted_tables:
            with z.open(f"tables/{table.name}.jsonl", "w", force_zip64=True) as out:
                sha, n = _write_table(c, table, out)
            tables[table.name] = {"rows": n, "sha256": sha}
        manifest = {"format_version": FORMAT_VERSION, "schema_version": store.schema_version(),
                    "app_version": APP_VERSION, "created": now().isoformat(),
                    "dialect": store.engine.dialect.name, "tables": tables}
        z.writestr("manifest.json", json.dumps(manifest, indent=1))
    return {**manifest, "bytes": os.path.getsize(path), "seconds": time.perf_counter() - t0}


def read(path) -> dict:
    """The manifest of a backup, every table file verified against it before
    any write (each read through once, a chunk at a time)."""
    try:
        with zipfile.ZipFile(path) as z:
            manifest = json.loads(z.read("manifest.json"))
            _check_manifest(manifest)
            for name, meta in manifest["tables"].items():
                digest = hashlib.sha256()
                with z.open(f"tables/{name}.jsonl") as f:
                    while chunk := f.read(_CHUNK):
                        digest.update(chunk)
                if digest.hexdigest() != meta["sha256"]:
                    raise BackupError(f"checksum mismatch in table {name}: the file is damaged")
    except BackupError:
        raise
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError) as e:
        raise BackupError(f"not a readable backup file: {e}") from None
    return manifest


def _check_manifest(manifest: dict) -> None:
    if manifest.get("format_version", 0) > FORMAT_VERSION:
        raise BackupError(f"backup format {manifest['format_version']} is newer than this version reads "
                          f"({FORMAT_VERSION}); restore with a newer version of the dashboard")
    if manifest.get("schema_version") != SCHEMA_VERSION:
        raise BackupError(f"backup schema version {manifest.get('schema_version')} differs from this "
                          f"version's ({SCHEMA_VERSION}); restore with the version that made it")
    for name in manifest["tables"]:
        if name not in metadata.tables:
            raise BackupError(f"unknown table {name!r} in the backup")


def _batches(table: sa.Table, lines, rows: int, size: int):
    """Decoded rows of a table file, in lists of at most `rows` rows and,
    past one row, about `size` bytes of JSON."""
    batch, held = [], 0
    for line in lines:
        if not line.strip():
            continue
        batch.append({k: _decode(table.c[k], v) for k, v in json.loads(line).items()})
        held += len(line)
        if len(batch) >= rows or held >= size:
            yield batch
            batch, held = [], 0
    if batch:
        yield batch


def _hashed(lines, digest):
    for line in lines:
        digest.update(line)
        yield line


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


def restore(store: Store, path, force: bool = False, batch_rows: int = BATCH_ROWS,
            batch_bytes: int = BATCH_BYTES) -> dict:
    """Replace the store's contents with the backup's, in one transaction,
    reading and inserting each table in bounded batches."""
    t0 = time.perf_counter()
    manifest = read(path)
    total = 0
    with store.engine.begin() as c, zipfile.ZipFile(path) as z:
        if not is_empty(c) and not force:
            raise BackupError("the store is not empty; restore into a new store, or pass --force to replace "
                              "its contents")
        for table in reversed(metadata.sorted_tables):
            c.execute(table.delete())
        for table in metadata.sorted_tables:
            if table.name not in manifest["tables"]:
                continue
            digest = hashlib.sha256()       # again while inserting: what is written is what was checked
            with z.open(f"tables/{table.name}.jsonl") as f:
                for rows in _batches(table, _hashed(f, digest), batch_rows, batch_bytes):
                    c.execute(table.insert(), rows)
                    total += len(rows)
            if digest.hexdigest() != manifest["tables"][table.name]["sha256"]:
                raise BackupError(f"table {table.name} changed while it was restored; nothing was written")
        _reset_sequences(c)
    return {"tables": len(manifest["tables"]), "rows": total, "seconds": time.perf_counter() - t0}


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
