"""An index on tickets' due time alone, for the "All tickets" queue in due order.

The other due-time indexes lead with owner, window or status, so a queue over every ticket in
due order had to sort the whole table for each page it showed: about 280 ms of a frozen window
on a million tickets (issue 11). This one lets the page be read from the index in order.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_tickets_due", "tickets", ["due_at"])


def downgrade() -> None:
    op.drop_index("ix_tickets_due", table_name="tickets")
