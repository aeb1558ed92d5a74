"""The store: scores in import batches, sources, and schema migrations.

SQLite at data/papi.db by default; any SQLAlchemy URL through
PAPI_DATABASE_URL (e.g. postgresql+psycopg://user@host/papi).

Every write is an import batch. The current view takes, for each
(year, province, indicator), the value of the newest active batch; nothing is
deleted, a rollback deactivates its batch.
"""
from __future__ import annotations

import hashlib
import os
import threading
import time
from pathlib import Path

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from .. import DATA_DIR, settings
from ..frame import KEY, SCORE_COLUMNS
from .common import current_user, now
from .migrations import MIGRATIONS, SCHEMA_VERSION, upsert_meta
from .schema import batches, metadata, schema_meta, scores, sources
from .seeds import seed_targets

class StaleData(RuntimeError):
    """The data changed since the preview a commit was based on."""

    def __init__(self, expected: int, found: int):
        self.expected, self.found = expected, found
        super().__init__(f"The data changed since the preview (version {expected} -> {found}); nothing was written.")


class FieldTooLong(ValueError):
    """A text longer than its database column: refused before anything is
    written (PostgreSQL would refuse it mid-transaction with a raw error,
    SQLite would store it silently)."""

    FIELDS = {"created_by": "db_field_user", "rolled_back_by": "db_field_user", "changed_by": "db_field_user",
              "file_name": "db_field_file", "source": "db_field_source", "indicator": "db_field_indicator",
              "plan_number": "db_field_plan_number", "plan_date": "db_field_plan_date", "kind": "db_field_kind",
              "plan_ref": "db_field_plan_ref", "no": "db_field_task_no", "due_text": "db_field_due_text",
              "evidence": "db_field_evidence", "updated_by": "db_field_user"}

    def __init__(self, table: str, column: str, length: int, limit: int):
        self.table, self.column, self.length, self.limit = table, column, length, limit
        super().__init__(f"{table}.{column} is {length} characters long, over the database's limit of {limit}; "
                         "nothing was written.")

    def message(self, lang: str = "vi") -> str:
        from ..i18n import t
        field = t(self.FIELDS.get(self.column, ""), lang) if self.column in self.FIELDS else self.column
        hint = t("db_hint_file", lang) if self.column == "file_name" else ""
        return t("db_too_long", lang, field=field, n=self.length, max=self.limit, hint=hint)


def check_lengths(table: sa.Table, records: list[dict] | dict) -> None:
    """FieldTooLong for the first text longer than its column allows."""
    limits = {c.name: c.type.length for c in table.c
              if isinstance(c.type, sa.String) and getattr(c.type, "length", None)}
    for r in [records] if isinstance(records, dict) else records:
        for name, limit in limits.items():
            v = r.get(name)
            if isinstance(v, str) and len(v) > limit:
                raise FieldTooLong(table.name, name, len(v), limit)


class NewerSchema(RuntimeError):
    """The database was upgraded by a newer version of the dashboard: this
    one refuses to read or write it rather than misread or damage it."""

    def __init__(self, found: int, known: int | None = None):
        self.found, self.known = found, known if known is not None else SCHEMA_VERSION
        super().__init__(f"The database has schema version {found}, newer than this dashboard's {known}: "
                         "upgrade this server; nothing was read or written.")


class ShippedBatch(ValueError):
    """A rollback of the shipped history (the seed batch) without force."""


class Store:
    """One database. Safe to share between threads (SQLAlchemy pools)."""

    def __init__(self, url: str | None = None, seed: bool = True):
        self.url = url or settings.database_url()
        kwargs = {}
        _private_sqlite_file(self.url)
        if self.url.startswith("sqlite"):
            kwargs["connect_args"] = {"timeout": 30, "check_same_thread": False}
        self.engine = sa.create_engine(self.url, **kwargs)
        if self.engine.dialect.name == "sqlite":
            sa.event.listen(self.engine, "connect", _sqlite_pragmas)
        self._cache: tuple[int, pd.DataFrame] | None = None
        self._lock = threading.Lock()
        self.migrate()
        if seed:              # the shipped tables, once per database: not on every read
            self.seed()
            seed_targets(self.engine)

    # ---- schema -------------------------------------------------------
    def schema_version(self) -> int:
        with self.engine.connect() as c:
            if not sa.inspect(c).has_table("schema_meta"):
                return 0
            v = c.execute(sa.select(schema_meta.c.value).where(schema_meta.c.key == "schema_version")).scalar()
            return int(v) if v else 0

    def migrate(self) -> None:
        """Create the schema or bring an existing database up to date.

        Several processes may start on a new database at once: whoever loses
        a race (table or row created in between) retries and then finds the
        work done. A database of a newer schema is refused before anything
        is created in it (NewerSchema).
        """
        if self.schema_version() > SCHEMA_VERSION:
            raise NewerSchema(self.schema_version(), SCHEMA_VERSION)
        for attempt in range(5):
            try:
                metadata.create_all(self.engine, checkfirst=True)
                with self.engine.begin() as c:
                    self._migrate(c)
                return
            except (sa.exc.OperationalError, sa.exc.ProgrammingError, IntegrityError):
                if attempt == 4:
                    raise
                time.sleep(0.2 * (attempt + 1))

    @staticmethod
    def _migrate(c) -> None:
        row = c.execute(sa.select(schema_meta.c.value).where(schema_meta.c.key == "schema_version")).scalar()
        version = int(row) if row else 0
        if version > SCHEMA_VERSION:
            raise NewerSchema(version, SCHEMA_VERSION)
        if version == 0:
            c.execute(schema_meta.insert(), [{"key": "schema_version", "value": str(SCHEMA_VERSION)},
                                             {"key": "data_version", "value": "0"}])
            return
        for v in range(version + 1, SCHEMA_VERSION + 1):
            MIGRATIONS[v](c)
            upsert_meta(c, "schema_version", str(v))

    # ---- seeding ------------------------------------------------------
    def seed(self, data_dir: Path = DATA_DIR) -> int | None:
        """Load the shipped tables as batch 1 unless already done.

        Idempotent and safe when two processes start at once: the marker row
        and the batch are written in one transaction; the loser's insert of
        the marker fails and it rolls back.
        """
        with self.engine.connect() as c:
            if c.execute(sa.select(schema_meta.c.value).where(schema_meta.c.key == "seeded")).scalar():
                return None
        raw = (data_dir / "scores.csv").read_bytes()
        frame = pd.read_csv(data_dir / "scores.csv")
        src = pd.read_csv(data_dir / "sources.csv")
        try:
            with self.engine.begin() as c:
                c.execute(schema_meta.insert().values(key="seeded", value=now().isoformat()))
                c.execute(sources.insert(), src.to_dict("records"))
                batch = self._insert_batch(c, frame, kind="seed", file_name="data/scores.csv", raw=raw,
                                           user="system", note="Published PAPI history shipped with the dashboard")
                self._bump(c)
            return batch
        except IntegrityError:
            return None

    # ---- writing ------------------------------------------------------
    def _insert_batch(self, c, frame: pd.DataFrame, *, kind: str, file_name: str, raw: bytes | None,
                      user: str, note: str | None = None) -> int:
        batch = dict(kind=kind, created_at=now(), created_by=user, file_name=file_name,
                     file_hash=hashlib.sha256(raw or b"").hexdigest(), raw=raw, rows_written=len(frame),
                     active=True, note=note)
        check_lengths(batches, batch)
        for col in ("indicator", "source"):          # the score rows' text columns, checked once per value
            if col in frame:
                check_lengths(scores, [{col: v} for v in frame[col].dropna().unique()])
        bid = c.execute(batches.insert().values(**batch)).inserted_primary_key[0]
        rows = frame.reindex(columns=SCORE_COLUMNS).astype(object)
        rows = rows.where(rows.notna(), None)
        records = rows.to_dict("records")
        for r in records:
            r["batch_id"] = bid
            r["year"], r["province_code"] = int(r["year"]), int(r["province_code"])
            r["value"] = float(r["value"])
            if r["tier_official"] is not None:
                r["tier_official"] = int(r["tier_official"])
        if records:
            c.execute(scores.insert(), records)
        return bid

    def add_batch(self, frame: pd.DataFrame, *, file_name: str, raw: bytes | None, user: str | None = None,
                  note: str | None = None, sources_rows: list[dict] | None = None,
                  expect_version: int | None = None, also=None) -> int:
        """Write one import batch in a single transaction; returns its id.
        `also(connection, batch_time)` writes more in the same transaction
        (the published groups the file gives): if it fails, nothing is written.

        With `expect_version` (the data version the preview was made on),
        raises StaleData and writes nothing if another commit or rollback
        came in between: of two imports started at once, one wins whole.
        """
        check_lengths(batches, {"created_by": user or current_user(), "file_name": file_name})
        check_lengths(sources, sources_rows or [])
        with self.engine.begin() as c:
            self._write_lock(c, expect_version)
            _mark_write()
            for s in sources_rows or []:
                if not c.execute(sa.select(sources.c.source).where(sources.c.source == s["source"])).first():
                    c.execute(sources.insert().values(**s))
            bid = self._insert_batch(c, frame, kind="import", file_name=file_name, raw=raw,
                                     user=user or current_user(), note=note)
            if also is not None:     # stamped with the batch's time: its rollback withdraws them
                also(c, c.execute(sa.select(batches.c.created_at).where(batches.c.id == bid)).scalar())
            self._bump(c)
        return bid

    def rollback(self, batch_id: int, user: str | None = None, force: bool = False) -> None:
        """Deactivate a batch; the values it replaced show again. The
        shipped history (the seed batch) only with `force`: without it the
        store would be left with nothing but the imports."""
        check_lengths(batches, {"rolled_back_by": user or current_user()})
        with self.engine.begin() as c:
            self._write_lock(c)
            b = c.execute(sa.select(batches.c.kind, batches.c.active, batches.c.file_name, batches.c.created_at)
                          .where(batches.c.id == batch_id)).first()
            if b is None:
                raise KeyError(f"No import batch {batch_id}.")
            if not b.active:
                raise ValueError(f"Batch {batch_id} is already rolled back.")
            if b.kind == "seed" and not force:
                raise ShippedBatch(f"Batch {batch_id} is the shipped history; rolling it back needs force.")
            c.execute(batches.update().where(batches.c.id == batch_id).values(
                active=False, rolled_back_at=now(), rolled_back_by=user or current_user()))
            from .groups import withdraw          # groups.py builds on this module
            withdraw(c, b.file_name, b.created_at)   # the published groups the batch's file brought
            self._bump(c)

    @staticmethod
    def _write_lock(c, expect_version: int | None = None) -> None:
        """Serialise writers: the first statement of the transaction writes
        the data_version row (SQLite takes its write lock, PostgreSQL a row
        lock), so a second writer waits, then sees the first one's version."""
        c.execute(schema_meta.update().where(schema_meta.c.key == "data_version")
                  .values(value=schema_meta.c.value))
        # A newer server may have upgraded the database since this one started.
        found = int(c.execute(sa.select(schema_meta.c.value).where(schema_meta.c.key == "schema_version")).scalar() or 0)
        if found > SCHEMA_VERSION:
            raise NewerSchema(found, SCHEMA_VERSION)
        if expect_version is not None:
            v = int(c.execute(sa.select(schema_meta.c.value).where(schema_meta.c.key == "data_version")).scalar() or 0)
            if v != expect_version:
                raise StaleData(expect_version, v)

    def _bump(self, c) -> None:
        v = c.execute(sa.select(schema_meta.c.value).where(schema_meta.c.key == "data_version")).scalar()
        upsert_meta(c, "data_version", str(int(v or 0) + 1))

    # ---- reading ------------------------------------------------------
    def data_version(self) -> int:
        """Changes on every commit or rollback; cheap to ask."""
        with self.engine.connect() as c:
            v = c.execute(sa.select(schema_meta.c.value).where(schema_meta.c.key == "data_version")).scalar()
        return int(v or 0)

    def scores(self) -> pd.DataFrame:
        """Current scores: the newest active batch's value for each key.

        Memoised on the data version, so a warm call costs one small query.
        """
        return self.snapshot()[1]

    def snapshot(self) -> tuple[int, pd.DataFrame]:
        """(data version, current scores) of one and the same state.

        The version is read before and after the scores; a commit in
        between (it bumps the version in its own transaction) shows as two
        different versions, and the read is made again, so a frame is never
        labelled with a version it does not belong to.
        """
        for _ in range(20):
            version = self.data_version()
            with self._lock:
                if self._cache and self._cache[0] == version:
                    return self._cache
            df = self._read_scores()
            if self.data_version() == version:
                with self._lock:
                    self._cache = (version, df)
                return self._cache
        raise RuntimeError("The data kept changing while it was read; try again.")

    def _read_scores(self) -> pd.DataFrame:
        q = (sa.select(scores).join(batches, batches.c.id == scores.c.batch_id)
             .where(batches.c.active == sa.true()))
        with self.engine.connect() as c:
            df = pd.read_sql(q, c)
        df = (df.sort_values("batch_id").drop_duplicates(KEY, keep="last")
              .sort_values(KEY).reset_index(drop=True))
        df["year"] = df["year"].astype("int64")
        df["province_code"] = df["province_code"].astype("int64")
        for col in ("value", "ci_low", "ci_high", "se"):
            df[col] = pd.to_numeric(df[col], errors="coerce").astype("float64")
        df["tier_official"] = df["tier_official"].astype("Int64")
        return df

    def sources(self) -> pd.DataFrame:
        with self.engine.connect() as c:
            return pd.read_sql(sa.select(sources), c)

    def history(self) -> pd.DataFrame:
        cols = [c for c in batches.c if c.name != "raw"]
        with self.engine.connect() as c:
            return pd.read_sql(sa.select(*cols).order_by(batches.c.id), c)

    def batch_raw(self, batch_id: int) -> bytes | None:
        with self.engine.connect() as c:
            return c.execute(sa.select(batches.c.raw).where(batches.c.id == batch_id)).scalar()

    def batch_rows(self, batch_id: int) -> pd.DataFrame:
        with self.engine.connect() as c:
            return pd.read_sql(sa.select(scores).where(scores.c.batch_id == batch_id), c)

    def checksum(self) -> tuple[int, int, str]:
        """(score rows, batches, hash of every score row and batch state).

        Equal before and after a failed import means nothing was written.
        """
        with self.engine.connect() as c:
            df = pd.read_sql(sa.select(scores).order_by(*scores.primary_key.columns), c)
            b = pd.read_sql(sa.select(batches.c.id, batches.c.active).order_by(batches.c.id), c)
        h = hashlib.sha256()
        for frame in (df, b):
            h.update(pd.util.hash_pandas_object(frame, index=False).values.tobytes())
        return len(df), len(b), h.hexdigest()

    def dispose(self) -> None:
        self.engine.dispose()


def _private_sqlite_file(url: str) -> None:
    """Create a new SQLite file readable and writable by its owner only, so
    other users of the machine cannot write (or read) the store directly;
    SQLite gives its -wal and -shm files the same permissions."""
    u = sa.engine.make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return
    path = Path(u.database)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


_stores: dict[str, Store] = {}
_stores_lock = threading.Lock()


def get_store(url: str | None = None) -> Store:
    """The process-wide Store for `url` (default: PAPI_DATABASE_URL or SQLite)."""
    url = url or settings.database_url()
    with _stores_lock:
        if url not in _stores:
            _stores[url] = Store(url)
        return _stores[url]


def _mark_write() -> None:
    """With PAPI_WRITE_MARKER set (the crash-safety test), note the moment the
    write transaction holds its lock, so kills can be aimed inside it."""
    path = settings.write_marker()
    if path:
        with open(path, "w") as f:
            f.write(f"{time.time():.6f}\n")
