"""Account managers (客户经理): their portfolio of key-account numbers and their tasks (issue 24 item 4).

Revision ID: 0020
Revises: 0019
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "manager_numbers",
        sa.Column("number", sa.String(11), primary_key=True),
        sa.Column("manager_id", sa.Integer(), sa.ForeignKey("staff.id"), nullable=False),
        sa.Column("assigned_by", sa.Integer(), sa.ForeignKey("staff.id"), nullable=False),
        sa.Column("assigned_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_manager_numbers_manager_id", "manager_numbers", ["manager_id"])
    op.create_table(
        "manager_tasks",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("manager_id", sa.Integer(), sa.ForeignKey("staff.id"), nullable=False),
        sa.Column("company_id", sa.Integer(), sa.ForeignKey("companies.id"), nullable=True),
        sa.Column("number", sa.String(11), nullable=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("created_by", sa.Integer(), sa.ForeignKey("staff.id"), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
    )
    op.create_index("ix_manager_tasks_manager_open", "manager_tasks", ["manager_id", "done_at", "due_on"])
    op.create_index("ix_manager_tasks_number", "manager_tasks", ["number"])
    op.create_index("uq_manager_tasks_followup", "manager_tasks", ["number", "due_on"], unique=True,
                    sqlite_where=sa.text("source = 'change'"), postgresql_where=sa.text("source = 'change'"))


def downgrade() -> None:
    op.drop_table("manager_tasks")
    op.drop_table("manager_numbers")
