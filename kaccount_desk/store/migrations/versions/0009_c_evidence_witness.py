"""Evidence the store's owner cannot quietly rewrite: the store's identity, a trail of every change
to ``staff`` written by the database itself, and (PostgreSQL) appends to the audit log only
through two functions, so the desk role can neither move the head nor touch an entry.

- ``store_identity``: one row, a random UUID made here once; the anchor kept outside the store
  (services/audit.py) is filed under it instead of the URL's spelling.
- ``staff_changes``: appended by a trigger on every INSERT, UPDATE and DELETE of ``staff``, by
  the app or by plain SQL alike, and append-only itself. The app's audit entry names the rows
  its transaction caused; a row no entry names was changed past the app (``audit verify``).
- PostgreSQL: ``audit_head_lock()`` hands out the head under a row lock and ``audit_append(...)``
  adds the next entry only right after the head, moving the head with it. Both run as the owner
  (SECURITY DEFINER), so packaging/postgresql-app-role.sql can leave the desk role only SELECT on
  ``audit_log``, ``audit_head``, ``staff_changes`` and ``store_identity``. The trail trigger runs as
  the owner too.

Revision ID: 0009c
Revises: 0008
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = '0009c'
down_revision = '0008'
branch_labels = None
depends_on = None

APPEND_ONLY = "history is append-only"
# The columns of staff as of this revision whose change the SQLite trigger names (PostgreSQL names any).
APPEND = "audit_append(integer, timestamp, varchar, varchar, varchar, text, varchar, varchar)"
STAFF_COLUMNS = ("staff_no", "name", "department", "role", "password_hash", "active", "created_at", "failed_logins", "locked_until")


def upgrade() -> None:
    op.create_table(
        "store_identity",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("store_id", sa.String(36), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    identity = sa.table("store_identity", sa.column("id"), sa.column("store_id"))
    op.bulk_insert(identity, [{"id": 1, "store_id": str(uuid.uuid4())}])
    op.create_table(
        "staff_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("op", sa.String(8), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("tx", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_staff_changes_tx", "staff_changes", ["tx"])
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _sqlite()
    elif dialect == "postgresql":
        _postgresql()


def _sqlite() -> None:
    for verb in ("UPDATE", "DELETE"):
        op.execute(f"CREATE TRIGGER staff_changes_no_{verb.lower()} BEFORE {verb} ON staff_changes "
                   f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END")
    op.execute("CREATE TRIGGER staff_changes_no_replace BEFORE INSERT ON staff_changes "
               "WHEN EXISTS (SELECT 1 FROM staff_changes WHERE id = NEW.id) "
               f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END")
    changed = " || ".join(f"(CASE WHEN OLD.{c} IS NOT NEW.{c} THEN ' {c}' ELSE '' END)" for c in STAFF_COLUMNS)
    now = "strftime('%Y-%m-%d %H:%M:%S', 'now')"
    for verb, row, fields in (("INSERT", "NEW", "''"), ("UPDATE", "NEW", f"ltrim({changed})"), ("DELETE", "OLD", "''")):
        op.execute(f"CREATE TRIGGER staff_trail_{verb.lower()} AFTER {verb} ON staff BEGIN "
                   f"INSERT INTO staff_changes (staff_id, op, fields, at) VALUES ({row}.id, '{verb.lower()}', {fields}, {now}); END")


def _postgresql() -> None:
    definer = "SECURITY DEFINER SET search_path = public, pg_temp"
    op.execute(
        f"CREATE FUNCTION staff_trail() RETURNS trigger LANGUAGE plpgsql {definer} AS $$ "
        "DECLARE changed text := ''; "
        "BEGIN "
        "  IF TG_OP = 'UPDATE' THEN "
        "    SELECT coalesce(string_agg(n.key, ' ' ORDER BY n.key), '') INTO changed FROM jsonb_each(to_jsonb(NEW)) n "
        "    WHERE n.value IS DISTINCT FROM to_jsonb(OLD) -> n.key; "
        "  END IF; "
        "  INSERT INTO staff_changes (staff_id, op, fields, at, tx) VALUES ("
        "    CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END, lower(TG_OP), changed, "
        "    now() AT TIME ZONE 'utc', txid_current()); "
        "  RETURN NULL; "
        "END $$"
    )
    op.execute("CREATE TRIGGER staff_trail AFTER INSERT OR UPDATE OR DELETE ON staff FOR EACH ROW EXECUTE FUNCTION staff_trail()")
    op.execute("CREATE TRIGGER staff_changes_append_only BEFORE UPDATE OR DELETE ON staff_changes "
               "FOR EACH ROW EXECUTE FUNCTION history_append_only()")
    op.execute("CREATE TRIGGER staff_changes_no_truncate BEFORE TRUNCATE ON staff_changes "
               "FOR EACH STATEMENT EXECUTE FUNCTION history_append_only()")
    op.execute(
        "CREATE FUNCTION audit_head_lock() RETURNS TABLE (seq integer, hash varchar) LANGUAGE sql "
        f"{definer} AS $$ SELECT h.seq, h.hash FROM audit_head h WHERE h.id = 1 FOR UPDATE $$"
    )
    op.execute(
        "CREATE FUNCTION audit_append(p_seq integer, p_at timestamp, p_actor varchar, p_action varchar, "
        "p_subject varchar, p_detail text, p_prev_hash varchar, p_hash varchar) RETURNS void LANGUAGE plpgsql "
        f"{definer} AS $$ BEGIN "
        "  UPDATE audit_head SET seq = p_seq, hash = p_hash WHERE id = 1 AND seq = p_seq - 1 AND hash = p_prev_hash; "
        "  IF NOT FOUND THEN RAISE EXCEPTION 'audit entries are only appended after the head'; END IF; "
        "  INSERT INTO audit_log (seq, at, actor, action, subject, detail, prev_hash, hash) "
        "  VALUES (p_seq, p_at, p_actor, p_action, p_subject, p_detail, p_prev_hash, p_hash); "
        "END $$"
    )
    for function in ("staff_trail()", "audit_head_lock()", APPEND):
        op.execute(f"REVOKE ALL ON FUNCTION {function} FROM PUBLIC")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in ("staff_trail_insert", "staff_trail_update", "staff_trail_delete"):
            op.execute(f"DROP TRIGGER {name}")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER staff_trail ON staff")
        op.execute("DROP FUNCTION staff_trail()")
        op.execute("DROP FUNCTION audit_head_lock()")
        op.execute(f"DROP FUNCTION {APPEND}")
    op.drop_index("ix_staff_changes_tx", "staff_changes")
    op.drop_table("staff_changes")
    op.drop_table("store_identity")
