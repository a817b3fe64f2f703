"""Hand-over packages between department seats and the office (store/handover_models.py).

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "handover_allotments",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("campaign_id", sa.Integer(), sa.ForeignKey("campaigns.id", ondelete="CASCADE"), nullable=False),
        sa.Column("department_id", sa.Integer(), sa.ForeignKey("departments.id", ondelete="CASCADE"), nullable=False),
        sa.Column("number", sa.String(11), nullable=False),
        sa.Column("pack_id", sa.String(32), nullable=False),
        sa.Column("allotted_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("campaign_id", "number", name="uq_allotment_number"),
    )
    op.create_index("ix_handover_allotments_campaign_id", "handover_allotments", ["campaign_id"])
    op.create_table(
        "handover_imports",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("seat_id", sa.String(32), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), sa.ForeignKey("campaigns.id", ondelete="CASCADE"), nullable=False),
        sa.Column("department_id", sa.Integer(), sa.ForeignKey("departments.id", ondelete="CASCADE"), nullable=False),
        sa.Column("package_sha256", sa.String(64), nullable=False),
        sa.Column("added", sa.Integer(), nullable=False),
        sa.Column("updated", sa.Integer(), nullable=False),
        sa.Column("conflicts", sa.Integer(), nullable=False),
        sa.Column("imported_by", sa.Integer(), sa.ForeignKey("staff.id"), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("seat_id", "sequence", name="uq_import_seat_sequence"),
    )
    op.create_index("ix_handover_imports_seat_id", "handover_imports", ["seat_id"])
    op.create_table(
        "handover_links",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("seat_id", sa.String(32), nullable=False),
        sa.Column("seat_application_id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), sa.ForeignKey("applications.id", ondelete="CASCADE"), nullable=False),
        sa.Column("content_sha256", sa.String(64), nullable=False),
        sa.UniqueConstraint("seat_id", "seat_application_id", name="uq_link_seat_application"),
    )
    op.create_index("ix_handover_links_application_id", "handover_links", ["application_id"])
    op.create_table(
        "handover_sends",
        sa.Column("sequence", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("sent_at", sa.DateTime(), nullable=False),
        sa.Column("applications", sa.Integer(), nullable=False),
        sa.Column("copies", sa.Integer(), nullable=False),
        sa.Column("package_sha256", sa.String(64), nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("handover_sends")
    op.drop_index("ix_handover_links_application_id", table_name="handover_links")
    op.drop_table("handover_links")
    op.drop_index("ix_handover_imports_seat_id", table_name="handover_imports")
    op.drop_table("handover_imports")
    op.drop_index("ix_handover_allotments_campaign_id", table_name="handover_allotments")
    op.drop_table("handover_allotments")
