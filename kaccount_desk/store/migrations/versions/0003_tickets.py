"""First-contact tickets: tickets, their append-only history, referrals, departments, time limits,
rent waivers, and the search index.

A store made before tickets existed upgrades in place. The search index is one row per history
entry that carries searchable text (the receipt with content and customer, each department
answer, each reply to the customer), keyed by that entry's id: the history is append-only, so
the index is too, and it never needs FTS5's delete command with old values (SQLite 3.40, which
this machine has, lacks ``contentless_delete``). The table is contentless: the bigram text is
not stored twice.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

# The departments the seed names (首问负责制, 2(2)) and the documented default limits
# (domain/ticket_deadlines.py); copied here because a migration must not change when code does.
DEPARTMENTS = ("市场部", "网络部", "结算中心", "计划建设部")
LIMITS = (
    ("fault", "town", 48),
    ("fault", "rural", 72),
    ("complaint", None, 48),
    ("consultation", None, 24),
    ("lookup", None, 24),
    ("business", None, 72),
)
APPEND_ONLY = "ticket history is append-only"


def upgrade() -> None:
    op.create_table('ticket_departments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    op.create_table('ticket_time_limits',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('category', sa.String(length=16), nullable=False),
    sa.Column('area', sa.String(length=8), nullable=True),
    sa.Column('hours', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('category', 'area')
    )
    op.create_table('tickets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('window', sa.String(length=24), nullable=False),
    sa.Column('category', sa.String(length=16), nullable=False),
    sa.Column('area', sa.String(length=8), nullable=True),
    sa.Column('customer_name', sa.String(length=64), nullable=False),
    sa.Column('customer_number', sa.String(length=20), nullable=False),
    sa.Column('key_account', sa.Boolean(), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('first_receiver_id', sa.Integer(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('due_at', sa.DateTime(), nullable=False),
    sa.Column('referred', sa.Boolean(), nullable=False),
    sa.Column('replied', sa.Boolean(), nullable=False),
    sa.Column('last_callback', sa.String(length=16), nullable=True),
    sa.Column('callback_tries', sa.Integer(), nullable=False),
    sa.Column('handset_cause', sa.Boolean(), nullable=False),
    sa.Column('overdue_notice_at', sa.DateTime(), nullable=True),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('close_reason', sa.Text(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['first_receiver_id'], ['staff.id'], ),
    sa.ForeignKeyConstraint(['owner_id'], ['staff.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('tickets', schema=None) as batch_op:
        batch_op.create_index('ix_tickets_number', ['customer_number'], unique=False)
        batch_op.create_index('ix_tickets_owner_status', ['owner_id', 'status', 'due_at'], unique=False)
        batch_op.create_index('ix_tickets_received', ['received_at'], unique=False)
        batch_op.create_index('ix_tickets_status_due', ['status', 'due_at'], unique=False)
        batch_op.create_index('ix_tickets_window_status', ['window', 'status', 'due_at'], unique=False)
    op.create_table('rent_waivers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ticket_id', sa.Integer(), nullable=False),
    sa.Column('customer_number', sa.String(length=20), nullable=False),
    sa.Column('period_start', sa.DateTime(), nullable=False),
    sa.Column('period_end', sa.DateTime(), nullable=True),
    sa.Column('noticed_by', sa.Integer(), nullable=False),
    sa.Column('noticed_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['noticed_by'], ['staff.id'], ),
    sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('ticket_id')
    )
    op.create_table('ticket_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ticket_id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=24), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], ),
    sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('ticket_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ticket_events_ticket_id'), ['ticket_id'], unique=False)
    op.create_table('ticket_referrals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ticket_id', sa.Integer(), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=False),
    sa.Column('ask', sa.Text(), nullable=False),
    sa.Column('due_at', sa.DateTime(), nullable=False),
    sa.Column('referred_by', sa.Integer(), nullable=False),
    sa.Column('referred_at', sa.DateTime(), nullable=False),
    sa.Column('answer', sa.Text(), nullable=True),
    sa.Column('answered_by', sa.Integer(), nullable=True),
    sa.Column('answered_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['answered_by'], ['staff.id'], ),
    sa.ForeignKeyConstraint(['department_id'], ['ticket_departments.id'], ),
    sa.ForeignKeyConstraint(['referred_by'], ['staff.id'], ),
    sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('ticket_referrals', schema=None) as batch_op:
        batch_op.create_index('ix_ticket_referrals_department', ['department_id', 'answered_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_ticket_referrals_ticket_id'), ['ticket_id'], unique=False)
    _seed()
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_search_and_history()
    elif op.get_bind().dialect.name == "postgresql":
        _postgresql_search_and_history()


def _seed() -> None:
    departments = sa.table("ticket_departments", sa.column("name"), sa.column("position"), sa.column("active"))
    op.bulk_insert(departments, [{"name": n, "position": i, "active": True} for i, n in enumerate(DEPARTMENTS)])
    limits = sa.table("ticket_time_limits", sa.column("category"), sa.column("area"), sa.column("hours"))
    op.bulk_insert(limits, [{"category": c, "area": a, "hours": h} for c, a, h in LIMITS])


def _sqlite_search_and_history() -> None:
    op.execute("CREATE VIRTUAL TABLE ticket_search USING fts5(body, content='', tokenize='unicode61')")
    for verb in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER ticket_events_no_{verb.lower()} BEFORE {verb} ON ticket_events "
            f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END"
        )


def _postgresql_search_and_history() -> None:
    op.execute("CREATE TABLE ticket_search (rowid BIGINT PRIMARY KEY, body TEXT NOT NULL)")
    op.execute("CREATE INDEX ix_ticket_search_body ON ticket_search USING GIN (to_tsvector('simple', body))")
    op.execute(
        "CREATE FUNCTION ticket_events_append_only() RETURNS trigger LANGUAGE plpgsql AS "
        f"$$ BEGIN RAISE EXCEPTION '{APPEND_ONLY}'; END $$"
    )
    op.execute(
        "CREATE TRIGGER ticket_events_append_only BEFORE UPDATE OR DELETE ON ticket_events "
        "FOR EACH ROW EXECUTE FUNCTION ticket_events_append_only()"
    )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER ticket_events_no_update")
        op.execute("DROP TRIGGER ticket_events_no_delete")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER ticket_events_append_only ON ticket_events")
        op.execute("DROP FUNCTION ticket_events_append_only()")
    if dialect in ("sqlite", "postgresql"):
        op.execute("DROP TABLE ticket_search")
    op.drop_table('ticket_referrals')
    op.drop_table('ticket_events')
    op.drop_table('rent_waivers')
    op.drop_table('tickets')
    op.drop_table('ticket_time_limits')
    op.drop_table('ticket_departments')
