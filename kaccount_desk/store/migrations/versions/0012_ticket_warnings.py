"""Ticket warnings: how long before its due time the owner is warned, per category (issue 23 item 3).

A category without a row is warned the default two hours before (domain/ticket_deadlines.py's
DUE_SOON), so nothing is seeded and a downgrade loses only the supervisors' changes.

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ticket_warnings",
        sa.Column("category", sa.String(16), primary_key=True),
        sa.Column("hours", sa.Integer(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("ticket_warnings")
