"""Staff, campaigns, their departments, tariffs and reserved number pool.

Revision ID: 0001
Revises: None
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('campaigns',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('issuer', sa.String(length=200), nullable=False),
    sa.Column('carrier_branch', sa.String(length=200), nullable=False),
    sa.Column('contact', sa.String(length=200), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('deadline', sa.DateTime(), nullable=False),
    sa.Column('deadline_offset_minutes', sa.Integer(), nullable=False),
    sa.Column('required_carrier', sa.String(length=32), nullable=True),
    sa.Column('excluded_packages', sa.JSON(), nullable=False),
    sa.Column('notice_template', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code')
    )
    op.create_table('staff',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('staff_no', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('department', sa.String(length=64), nullable=True),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('staff_no')
    )
    op.create_table('departments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('campaign_id', 'name')
    )
    op.create_table('pool_numbers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=11), nullable=False),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('campaign_id', 'number')
    )
    with op.batch_alter_table('pool_numbers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pool_numbers_campaign_id'), ['campaign_id'], unique=False)
    op.create_table('rated_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('monthly_fee', sa.Numeric(precision=10, scale=2), nullable=False),
    sa.Column('free_in_group_minutes', sa.Integer(), nullable=False),
    sa.Column('in_group_rate', sa.Numeric(precision=10, scale=4), nullable=True),
    sa.Column('out_group_rate', sa.Numeric(precision=10, scale=4), nullable=True),
    sa.Column('free_sms', sa.Integer(), nullable=False),
    sa.Column('sms_rate', sa.Numeric(precision=10, scale=4), nullable=True),
    sa.Column('free_data_mb', sa.Integer(), nullable=False),
    sa.Column('data_rate_per_mb', sa.Numeric(precision=10, scale=4), nullable=True),
    sa.Column('keep_current', sa.Boolean(), nullable=False),
    sa.Column('included_addons', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('campaign_id', 'kind', 'code')
    )


def downgrade() -> None:
    op.drop_table('rated_items')
    op.drop_table('pool_numbers')
    op.drop_table('departments')
    op.drop_table('staff')
    op.drop_table('campaigns')
