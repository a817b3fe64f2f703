"""The audit log (hash-chained, append-only) and append-only protection for every history table.

``audit_log`` holds one entry per change, view of a full ID, export, login or purge; each entry
carries the hash of the one before, so an edit, a deletion, an insertion or a reordering breaks
the chain where it happened. ``audit_head`` is one row that every appender updates first: the
row lock (PostgreSQL) or the write lock it takes (SQLite) makes appends queue up, so two
processes can never chain onto the same entry.

On SQLite the history tables refuse UPDATE and DELETE, and a BEFORE INSERT trigger refuses an
insert that would collide with an existing row: ``INSERT OR REPLACE`` deletes the row it
collides with without firing DELETE triggers (unless ``recursive_triggers`` is on), so the
insert trigger is what stops it. On PostgreSQL the same tables refuse UPDATE, DELETE and
TRUNCATE by trigger; the least-privilege role (packaging/postgresql-app-role.sql) makes sure the
app cannot drop those triggers.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

GENESIS = "0" * 64
APPEND_ONLY = "history is append-only"
# table -> the columns an insert must not collide on
PROTECTED = {
    "audit_log": ("seq", "prev_hash"),
    "application_events": ("id",),
    "ticket_events": ("id",),
}


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=32), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('subject', sa.String(length=64), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('seq'),
    sa.UniqueConstraint('prev_hash')
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index('ix_audit_log_action_at', ['action', 'at'], unique=False)
        batch_op.create_index('ix_audit_log_at', ['at'], unique=False)
    op.create_table('audit_head',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    head = sa.table("audit_head", sa.column("id"), sa.column("seq"), sa.column("hash"))
    op.bulk_insert(head, [{"id": 1, "seq": 0, "hash": GENESIS}])
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _sqlite_triggers()
    elif dialect == "postgresql":
        _postgresql_triggers()


def _sqlite_triggers() -> None:
    for table, keys in PROTECTED.items():
        for verb in ("UPDATE", "DELETE"):
            if table == "ticket_events":
                continue  # 0003 made these two
            op.execute(
                f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END"
            )
        collides = " OR ".join(f"{key} = NEW.{key}" for key in keys)
        op.execute(
            f"CREATE TRIGGER {table}_no_replace BEFORE INSERT ON {table} "
            f"WHEN EXISTS (SELECT 1 FROM {table} WHERE {collides}) "
            f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END"
        )


def _postgresql_triggers() -> None:
    op.execute(
        "CREATE FUNCTION history_append_only() RETURNS trigger LANGUAGE plpgsql AS "
        f"$$ BEGIN RAISE EXCEPTION '{APPEND_ONLY}'; END $$"
    )
    for table in PROTECTED:
        if table != "ticket_events":
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION history_append_only()"
            )
        op.execute(
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION history_append_only()"
        )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for table in PROTECTED:
            op.execute(f"DROP TRIGGER {table}_no_replace")
            if table != "ticket_events":
                op.execute(f"DROP TRIGGER {table}_no_update")
                op.execute(f"DROP TRIGGER {table}_no_delete")
    elif dialect == "postgresql":
        for table in PROTECTED:
            op.execute(f"DROP TRIGGER {table}_no_truncate ON {table}")
            if table != "ticket_events":
                op.execute(f"DROP TRIGGER {table}_append_only ON {table}")
        op.execute("DROP FUNCTION history_append_only()")
    op.drop_table('audit_head')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_log_at')
        batch_op.drop_index('ix_audit_log_action_at')
    op.drop_table('audit_log')
