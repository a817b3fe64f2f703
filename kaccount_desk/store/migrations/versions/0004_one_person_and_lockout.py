"""One live application without a number per person per campaign; login lockout per staff ID.

Two roster imports of the same people at the same moment each saw nobody there and both added
them. The partial unique index lets the database settle it, as uq_live_number does for numbers;
a person may still hold several live applications with different numbers. A store made before
may already hold such twins: every one but the oldest is withdrawn, with an event saying why,
so the index can be built and nothing is deleted.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

# Copied from the model on purpose: a migration must not change when code does.
LIVE_SQL = "status IN ('draft', 'collected', 'submitted', 'sent', 'activated')"
UNNUMBERED_SQL = f"{LIVE_SQL} AND msisdn IS NULL"
TWIN_NOTE = "重复申请(两次名单导入同时进行),保留最早一份 / duplicate from two imports at once; the oldest is kept"


def upgrade() -> None:
    _withdraw_twins()
    op.create_index(
        'uq_live_id_unnumbered', 'applications', ['campaign_id', 'id_number'], unique=True,
        sqlite_where=sa.text(UNNUMBERED_SQL), postgresql_where=sa.text(UNNUMBERED_SQL),
    )
    with op.batch_alter_table('staff') as batch_op:
        batch_op.add_column(sa.Column('failed_logins', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('locked_until', sa.DateTime(), nullable=True))


def _withdraw_twins() -> None:
    bind = op.get_bind()
    twins = bind.execute(sa.text(
        "SELECT a.id, a.status, a.created_by FROM applications a WHERE a.msisdn IS NULL AND a." + LIVE_SQL
        + " AND EXISTS (SELECT 1 FROM applications b WHERE b.campaign_id = a.campaign_id AND b.id_number = a.id_number"
        " AND b.msisdn IS NULL AND b." + LIVE_SQL + " AND b.id < a.id)"
    )).all()
    now = datetime.now(UTC).replace(tzinfo=None)
    for twin_id, status, staff_id in twins:
        bind.execute(sa.text("UPDATE applications SET status = 'withdrawn' WHERE id = :id"), {"id": twin_id})
        bind.execute(
            sa.text("INSERT INTO application_events (application_id, from_status, to_status, staff_id, at, note) "
                    "VALUES (:id, :from_status, 'withdrawn', :staff, :at, :note)"),
            {"id": twin_id, "from_status": status, "staff": staff_id, "at": now, "note": TWIN_NOTE},
        )


def downgrade() -> None:
    with op.batch_alter_table('staff') as batch_op:
        batch_op.drop_column('locked_until')
        batch_op.drop_column('failed_logins')
    op.drop_index('uq_live_id_unnumbered', table_name='applications')
