"""Repeat callers and key-account customers known from applications (issue 23 items 4 and 5).

- ``applications.msisdn`` indexed on its own: a ticket's number is looked up among the live
  applications of every campaign while the clerk types it (the unique index leads with the campaign).
- ``tickets.company`` and ``tickets.campaign``: the key-account customer's company and campaign as
  known when the ticket was received, kept on the ticket so its panel and receipt say the same later.
- ``ticket_time_limits.key_account_hours``: a key account's own limit for the row's category (and
  area); empty means the same as everyone's.

Revision ID: 0016
Revises: 0014
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0016'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_applications_msisdn", "applications", ["msisdn"])
    with op.batch_alter_table("tickets") as batch_op:
        batch_op.add_column(sa.Column("company", sa.String(200), nullable=True))
        batch_op.add_column(sa.Column("campaign", sa.String(200), nullable=True))
    with op.batch_alter_table("ticket_time_limits") as batch_op:
        batch_op.add_column(sa.Column("key_account_hours", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("ticket_time_limits") as batch_op:
        batch_op.drop_column("key_account_hours")
    with op.batch_alter_table("tickets") as batch_op:
        batch_op.drop_column("campaign")
        batch_op.drop_column("company")
    op.drop_index("ix_applications_msisdn", table_name="applications")
