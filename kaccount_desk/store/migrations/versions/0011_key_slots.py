"""Key slots: the data key sealed once per staff member and once to a recovery key (store/key_slots.py).

The slots are filled by the services, not here: a slot needs a password or the data key, and a
migration has neither. A store made before this revision keeps opening with its key file until
each member's next login has sealed the key into their slot (services/vault.py). A downgrade drops
the slots: only a store whose key file still exists can be read after one.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "key_slots",
        sa.Column("holder", sa.String(40), primary_key=True),
        sa.Column("staff_id", sa.Integer(), sa.ForeignKey("staff.id"), nullable=True, unique=True),
        sa.Column("public_key", sa.LargeBinary(), nullable=False),
        sa.Column("sealed_private", sa.LargeBinary(), nullable=True),
        sa.Column("kdf", sa.JSON(), nullable=True),
        sa.Column("sealed_key", sa.LargeBinary(), nullable=False),
        sa.Column("fingerprint", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("key_slots")
