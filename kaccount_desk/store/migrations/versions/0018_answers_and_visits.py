"""Standard answers, forbidden service phrases and repair appointments (issue 23 items 7 and 8).

The forbidden phrases are seeded from ``resources/forbidden_phrases_zh.txt`` (real 服务忌语 such
as 不知道, 这不归我管), so a new store holds a working list on its first day; supervisors add to
it. Standard answers start empty: they are the office's own words. Appointments are one row per
booking (a reschedule adds one), see ``store/answer_models.py``.

Revision ID: 0018
Revises: 0017
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from kaccount_desk.config import resources_dir
from kaccount_desk.domain.service_phrases import phrase_key, starter_phrases
from kaccount_desk.store.types import UtcDateTime

revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None

STARTER_FILE = "forbidden_phrases_zh.txt"


def upgrade() -> None:
    op.create_table(
        "standard_answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(16), nullable=False),
        sa.Column("topic", sa.String(64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("added_by", sa.Integer(), nullable=True),
        sa.Column("added_at", UtcDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["added_by"], ["staff.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_standard_answers_category", "standard_answers", ["category", "topic"])
    phrases = op.create_table(
        "forbidden_phrases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("phrase", sa.String(32), nullable=False),
        sa.Column("phrase_key", sa.String(32), nullable=False),
        sa.Column("added_by", sa.Integer(), nullable=True),
        sa.Column("added_at", UtcDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["added_by"], ["staff.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("phrase_key"),
    )
    op.create_table(
        "ticket_appointments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("starts_at", UtcDateTime(), nullable=False),
        sa.Column("ends_at", UtcDateTime(), nullable=False),
        sa.Column("visitor", sa.String(64), nullable=False),
        sa.Column("booked_by", sa.Integer(), nullable=False),
        sa.Column("booked_at", UtcDateTime(), nullable=False),
        sa.Column("visited_at", UtcDateTime(), nullable=True),
        sa.Column("moved_at", UtcDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"]),
        sa.ForeignKeyConstraint(["booked_by"], ["staff.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_ticket_appointments_open", "ticket_appointments", ["ticket_id", "visited_at", "moved_at"])
    starter = (resources_dir() / STARTER_FILE).read_text(encoding="utf-8")
    op.bulk_insert(phrases, [{"phrase": p, "phrase_key": phrase_key(p)} for p in starter_phrases(starter)])


def downgrade() -> None:
    op.drop_index("ix_ticket_appointments_open", table_name="ticket_appointments")
    op.drop_table("ticket_appointments")
    op.drop_table("forbidden_phrases")
    op.drop_index("ix_standard_answers_category", table_name="standard_answers")
    op.drop_table("standard_answers")
