"""Planned outages: the register of planned work and the campaigns it reaches (issue 23 item 6).

Revision ID: 0017
Revises: 0016
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "planned_outages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("what", sa.String(200), nullable=False),
        sa.Column("area", sa.String(64), nullable=False),
        sa.Column("start_at", sa.DateTime(), nullable=False),
        sa.Column("hours", sa.Integer(), nullable=False),
        sa.Column("affected", sa.Text(), nullable=False),
        sa.Column("key_accounts", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("approved_by", sa.String(100), nullable=True),
        sa.Column("approval_recorded_by", sa.Integer(), nullable=True),
        sa.Column("approved_at", sa.DateTime(), nullable=True),
        sa.Column("announced_by", sa.Integer(), nullable=True),
        sa.Column("announced_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["created_by"], ["staff.id"]),
        sa.ForeignKeyConstraint(["approval_recorded_by"], ["staff.id"]),
        sa.ForeignKeyConstraint(["announced_by"], ["staff.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_planned_outages_start", "planned_outages", ["start_at"])
    op.create_table(
        "planned_outage_campaigns",
        sa.Column("outage_id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("named", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["outage_id"], ["planned_outages.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["campaign_id"], ["campaigns.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("outage_id", "campaign_id"),
    )


def downgrade() -> None:
    op.drop_table("planned_outage_campaigns")
    op.drop_index("ix_planned_outages_start", table_name="planned_outages")
    op.drop_table("planned_outages")
