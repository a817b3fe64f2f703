"""Login throttling: wrong passwords in a row per staff ID typed and per PC (domain/login.py, services/staff.py).

Replaces the 15-minute lock of 0004: staff.failed_logins and staff.locked_until stay, no longer
read or written (dropping them would rebuild the staff table on SQLite for no gain).

Revision ID: 0010
Revises: 0009c
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009c'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "login_throttle",
        sa.Column("key", sa.String(80), primary_key=True),
        sa.Column("failed", sa.Integer(), nullable=False),
        sa.Column("last_failed_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("login_throttle")
