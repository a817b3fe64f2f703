"""The customer archive: companies (集团客户) with members, campaigns and class history; monthly bills
and each number's tier and RFM scores per month (issue 24 items 1 to 3).

The class rules and tier lines are seeded with the starting values of domain/companies.py and
domain/key_accounts.py (written out here, so a later change of those defaults does not rewrite
history); supervisors change them afterwards.

Revision ID: 0019
Revises: 0018
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "companies",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("industry", sa.String(100), nullable=False),
        sa.Column("address", sa.String(300), nullable=False),
        sa.Column("contacts", sa.Text(), nullable=False),
        sa.Column("company_class", sa.String(1), nullable=False),
        sa.Column("account_manager_id", sa.Integer(), sa.ForeignKey("staff.id"), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "company_campaigns",
        sa.Column("campaign_id", sa.Integer(), sa.ForeignKey("campaigns.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("company_id", sa.Integer(), sa.ForeignKey("companies.id", ondelete="CASCADE"), nullable=False),
    )
    op.create_index("ix_company_campaigns_company_id", "company_campaigns", ["company_id"])
    op.create_table(
        "company_members",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("company_id", sa.Integer(), sa.ForeignKey("companies.id", ondelete="CASCADE"), nullable=False),
        sa.Column("number", sa.String(11), nullable=False),
        sa.Column("source", sa.String(32), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("company_id", "number"),
    )
    op.create_index("ix_company_members_number", "company_members", ["number"])
    op.create_table(
        "company_class_history",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("company_id", sa.Integer(), sa.ForeignKey("companies.id", ondelete="CASCADE"), nullable=False),
        sa.Column("from_class", sa.String(1), nullable=True),
        sa.Column("to_class", sa.String(1), nullable=False),
        sa.Column("staff_id", sa.Integer(), sa.ForeignKey("staff.id"), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
    )
    op.create_index("ix_company_class_history_company_id", "company_class_history", ["company_id"])
    rules = op.create_table(
        "company_class_rules",
        sa.Column("company_class", sa.String(1), primary_key=True),
        sa.Column("min_members", sa.Integer(), nullable=False),
        sa.Column("min_monthly_fen", sa.BigInteger(), nullable=False),
    )
    op.bulk_insert(rules, [
        {"company_class": "A", "min_members": 200, "min_monthly_fen": 2_000_000},
        {"company_class": "B", "min_members": 50, "min_monthly_fen": 500_000},
        {"company_class": "C", "min_members": 0, "min_monthly_fen": 0},
    ])
    tiers = op.create_table(
        "tier_rules",
        sa.Column("tier", sa.String(16), primary_key=True),
        sa.Column("min_average_fen", sa.BigInteger(), nullable=False),
    )
    op.bulk_insert(tiers, [
        {"tier": "diamond", "min_average_fen": 100_000},
        {"tier": "gold", "min_average_fen": 50_000},
        {"tier": "silver", "min_average_fen": 30_000},
        {"tier": "high_value", "min_average_fen": 15_000},
    ])
    op.create_table(
        "billing_months",
        sa.Column("number", sa.String(11), primary_key=True),
        sa.Column("month", sa.String(7), primary_key=True),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.Column("arrears_fen", sa.BigInteger(), nullable=False),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "billing_imports",
        sa.Column("month", sa.String(7), primary_key=True),
        sa.Column("file_name", sa.String(255), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("total_fen", sa.BigInteger(), nullable=False),
        sa.Column("imported_by", sa.Integer(), sa.ForeignKey("staff.id"), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "number_tiers",
        sa.Column("number", sa.String(11), primary_key=True),
        sa.Column("month", sa.String(7), primary_key=True),
        sa.Column("tier", sa.String(16), nullable=True),
        sa.Column("average_fen", sa.BigInteger(), nullable=False),
        sa.Column("recency", sa.SmallInteger(), nullable=False),
        sa.Column("frequency", sa.SmallInteger(), nullable=False),
        sa.Column("monetary", sa.SmallInteger(), nullable=False),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_number_tiers_month", "number_tiers", ["month", "tier"])


def downgrade() -> None:
    for table in ("number_tiers", "billing_imports", "billing_months", "tier_rules", "company_class_rules",
                  "company_class_history", "company_members", "company_campaigns", "companies"):
        op.drop_table(table)
