"""Every table of the store, on one MetaData: scores in import batches and
their sources, targets and their change log, the province names analysts
mapped, the published groups analysts imported, and the schema's own
key/value rows (schema and data versions, seeding markers)."""
from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

schema_meta = sa.Table(
    "schema_meta", metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.String(255), nullable=False),
)

batches = sa.Table(
    "batches", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(16), nullable=False),  # seed | import
    sa.Column("created_at", sa.DateTime(timezone=False), nullable=False),
    sa.Column("created_by", sa.String(255), nullable=False),
    sa.Column("file_name", sa.String(512), nullable=False),
    sa.Column("file_hash", sa.String(64), nullable=False),
    sa.Column("raw", sa.LargeBinary, nullable=True),
    sa.Column("rows_written", sa.Integer, nullable=False, default=0),
    sa.Column("active", sa.Boolean, nullable=False, default=True),
    sa.Column("note", sa.Text, nullable=True),
    sa.Column("rolled_back_at", sa.DateTime(timezone=False), nullable=True),
    sa.Column("rolled_back_by", sa.String(255), nullable=True),
)

scores = sa.Table(
    "scores", metadata,
    sa.Column("batch_id", sa.Integer, sa.ForeignKey("batches.id"), primary_key=True),
    sa.Column("year", sa.Integer, primary_key=True),
    sa.Column("province_code", sa.Integer, primary_key=True),
    sa.Column("indicator", sa.String(16), primary_key=True),
    sa.Column("value", sa.Float, nullable=False),
    sa.Column("ci_low", sa.Float, nullable=True),
    sa.Column("ci_high", sa.Float, nullable=True),
    sa.Column("se", sa.Float, nullable=True),
    sa.Column("tier_official", sa.Integer, nullable=True),
    sa.Column("source", sa.String(64), nullable=False),
    sa.Index("ix_scores_key", "year", "province_code", "indicator"),
)

sources = sa.Table(
    "sources", metadata,
    sa.Column("source", sa.String(64), primary_key=True),
    sa.Column("citation", sa.Text, nullable=False),
)

targets = sa.Table(
    "targets", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("province_code", sa.Integer, nullable=False),
    sa.Column("year", sa.Integer, nullable=False),
    sa.Column("indicator", sa.String(16), nullable=False),
    sa.Column("kind", sa.String(8), nullable=False),
    sa.Column("value", sa.Float), sa.Column("tier", sa.Integer), sa.Column("rank_max", sa.Integer),
    sa.Column("rank_better_than_year", sa.Integer),
    sa.Column("baseline_year", sa.Integer), sa.Column("baseline_value", sa.Float),
    sa.Column("plan_number", sa.String(64)), sa.Column("plan_date", sa.String(10)),
    sa.Column("plan_title", sa.Text), sa.Column("note", sa.Text), sa.Column("source", sa.Text),
    sa.Column("active", sa.Boolean, nullable=False, default=True),
    sa.Index("ix_targets_py", "province_code", "year"),
)

target_changes = sa.Table(
    "target_changes", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("target_id", sa.Integer, nullable=False),
    sa.Column("changed_at", sa.DateTime, nullable=False),
    sa.Column("changed_by", sa.String(255), nullable=False),
    sa.Column("action", sa.String(16), nullable=False),  # seed | add | edit | delete | import
    sa.Column("before", sa.Text), sa.Column("after", sa.Text),
)

province_aliases = sa.Table(
    "province_aliases", metadata,
    sa.Column("era", sa.Integer, primary_key=True),
    sa.Column("alias_key", sa.String(255), primary_key=True),
    sa.Column("alias", sa.String(255), nullable=False),
    sa.Column("gso_code", sa.Integer, nullable=False),
    sa.Column("created_by", sa.String(255), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=False), nullable=False),
    sa.Column("file_name", sa.String(512), nullable=False),
)

official_groups = sa.Table(
    "official_groups", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("year", sa.Integer, nullable=False),
    sa.Column("indicator", sa.String(16), nullable=False),
    sa.Column("tier", sa.Integer, nullable=False),
    sa.Column("count", sa.String(16), nullable=False, default=""),      # kept as printed, like the bounds
    sa.Column("score_min", sa.String(32), nullable=False, default=""),
    sa.Column("score_max", sa.String(32), nullable=False, default=""),
    sa.Column("source", sa.String(64), nullable=False),
    sa.Column("citation", sa.Text, nullable=False),
    sa.Column("file_name", sa.String(512), nullable=False),
    sa.Column("imported_at", sa.DateTime(timezone=False), nullable=False),
    sa.Column("imported_by", sa.String(255), nullable=False),
    sa.Column("active", sa.Boolean, nullable=False, default=True),
)

# Plan tasks (papi_data/db/tasks.py): a province's plan appendix, one row per
# task number, with its status; every import and update also lands in
# task_updates, the history (its largest id is the tasks' version).
plan_tasks = sa.Table(
    "plan_tasks", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("province_code", sa.Integer, nullable=False),
    sa.Column("plan_year", sa.Integer, nullable=False),
    sa.Column("plan_ref", sa.String(255), nullable=False, default=""),   # "99/KH-UBND" or the file name
    sa.Column("no", sa.String(32), nullable=False),
    sa.Column("task", sa.Text, nullable=False),
    sa.Column("lead", sa.Text, nullable=False, default=""),
    sa.Column("partners", sa.Text, nullable=False, default=""),
    sa.Column("due", sa.Date, nullable=True),
    sa.Column("recurring", sa.Boolean, nullable=False, default=False),
    sa.Column("due_text", sa.String(255), nullable=False, default=""),
    sa.Column("indicators", sa.String(512), nullable=False, default=""),  # comma-joined codes
    sa.Column("status", sa.String(16), nullable=False, default="not_started"),
    sa.Column("note", sa.Text, nullable=False, default=""),
    sa.Column("evidence", sa.String(2048), nullable=False, default=""),
    sa.Column("updated_at", sa.DateTime(timezone=False), nullable=False),
    sa.Column("updated_by", sa.String(255), nullable=False),
    sa.UniqueConstraint("province_code", "plan_year", "no", name="uq_plan_tasks_no"),
)

task_updates = sa.Table(
    "task_updates", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("province_code", sa.Integer, nullable=False),
    sa.Column("plan_year", sa.Integer, nullable=False),
    sa.Column("no", sa.String(32), nullable=False),
    sa.Column("action", sa.String(16), nullable=False),   # import | update | links | remove
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("note", sa.Text, nullable=False, default=""),
    sa.Column("evidence", sa.String(2048), nullable=False, default=""),
    sa.Column("indicators", sa.String(512), nullable=False, default=""),
    sa.Column("changed_at", sa.DateTime(timezone=False), nullable=False),
    sa.Column("changed_by", sa.String(255), nullable=False),
    sa.Index("ix_task_updates_task", "province_code", "plan_year", "no"),
)
