"""ID numbers and ID-card images encrypted at rest; the key's fingerprint; shared store settings.

Existing rows are encrypted in place with the key file bound to the engine (store/crypto.py; a
store with no application has nothing to encrypt, and gets its key with its first admin, 0011),
and each ID number gets its keyed digest (for lookups and the one-person index) and its last
four characters (for searching by them, as every masked print shows them anyway). SQLite's
``secure_delete`` (set on every connection) overwrites the plaintext pages this replaces.
A downgrade decrypts everything again with the same key: it needs the key file too.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from kaccount_desk.store.crypto import UNBOUND_ID_NUMBER_AAD, StoreKeys, copy_aad, create_keys, key_source, keys_of, read_keys

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

applications = sa.table('applications', sa.column('id', sa.Integer), sa.column('id_number', sa.String),
                        sa.column('id_digest', sa.String), sa.column('id_tail', sa.String))
# Copied from 0004 on purpose: a migration must not change when code does.
UNNUMBERED_SQL = "status IN ('draft', 'collected', 'submitted', 'sent', 'activated') AND msisdn IS NULL"
id_copies = sa.table('id_copies', sa.column('id', sa.Integer), sa.column('application_id', sa.Integer),
                     sa.column('side', sa.String), sa.column('data', sa.LargeBinary))


def _older_key(bind: sa.Connection) -> StoreKeys | None:
    """The key file's key for a store that has rows to encrypt (made or found now); None for an empty one.

    A new store encrypts nothing here and records no fingerprint: its data key is made with the
    first admin and kept only in key slots (0011), never in a file.
    """
    if bind.scalar(sa.select(sa.func.count()).select_from(applications)) == 0:
        return None
    path = key_source(bind).path
    assert path is not None, "an older store's rows are encrypted with a key file"
    return read_keys(path) or create_keys(path)


def upgrade() -> None:
    bind = op.get_bind()
    keys = _older_key(bind)
    op.drop_index('uq_live_id_unnumbered', table_name='applications')
    with op.batch_alter_table('applications', schema=None) as batch_op:
        batch_op.add_column(sa.Column('id_digest', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('id_tail', sa.String(length=4), nullable=True))
        batch_op.alter_column('id_number', existing_type=sa.String(length=32), type_=sa.String(length=128), existing_nullable=False)
        batch_op.drop_index('ix_applications_id_number')
    for row_id, number in bind.execute(sa.select(applications.c.id, applications.c.id_number)).all():
        assert keys is not None
        bind.execute(
            applications.update().where(applications.c.id == row_id).values(
                id_number=keys.encrypt_text(number, UNBOUND_ID_NUMBER_AAD), id_digest=keys.digest(number), id_tail=number.strip()[-4:]
            )
        )
    for row_id, application_id, side, data in bind.execute(sa.select(id_copies)).all():
        assert keys is not None
        bind.execute(id_copies.update().where(id_copies.c.id == row_id).values(data=keys.encrypt(data, copy_aad(application_id, side))))
    with op.batch_alter_table('applications', schema=None) as batch_op:
        batch_op.alter_column('id_digest', existing_type=sa.String(length=64), nullable=False)
        batch_op.alter_column('id_tail', existing_type=sa.String(length=4), nullable=False)
        batch_op.create_index('ix_applications_id_digest', ['campaign_id', 'id_digest'], unique=False)
    _one_person_index('id_digest')
    op.create_table('store_keys',
    sa.Column('fingerprint', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('fingerprint')
    )
    if keys is not None:
        op.bulk_insert(sa.table('store_keys', sa.column('fingerprint', sa.String), sa.column('created_at', sa.DateTime)),
                       [{'fingerprint': keys.fingerprint, 'created_at': datetime.now(UTC).replace(tzinfo=None)}])
    op.create_table('store_settings',
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('value', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('name')
    )


def downgrade() -> None:
    bind = op.get_bind()
    source = key_source(bind)
    keys = source.existing() or (read_keys(source.path) if source.path else None) or keys_of(bind)
    op.drop_table('store_settings')
    op.drop_table('store_keys')
    for row_id, application_id, side, data in bind.execute(sa.select(id_copies)).all():
        bind.execute(id_copies.update().where(id_copies.c.id == row_id).values(data=keys.decrypt(data, copy_aad(application_id, side))))
    for row_id, stored in bind.execute(sa.select(applications.c.id, applications.c.id_number)).all():
        plain = keys.decrypt_text(stored, UNBOUND_ID_NUMBER_AAD)
        bind.execute(applications.update().where(applications.c.id == row_id).values(id_number=plain))
    op.drop_index('uq_live_id_unnumbered', table_name='applications')
    with op.batch_alter_table('applications', schema=None) as batch_op:
        batch_op.drop_index('ix_applications_id_digest')
        batch_op.alter_column('id_number', existing_type=sa.String(length=128), type_=sa.String(length=32), existing_nullable=False)
        batch_op.drop_column('id_tail')
        batch_op.drop_column('id_digest')
        batch_op.create_index('ix_applications_id_number', ['id_number'], unique=False)
    _one_person_index('id_number')


def _one_person_index(column: str) -> None:
    """0004's one-person-per-campaign index, on the digest (a ciphertext never equals another)."""
    op.create_index(
        'uq_live_id_unnumbered', 'applications', ['campaign_id', column], unique=True,
        sqlite_where=sa.text(UNNUMBERED_SQL), postgresql_where=sa.text(UNNUMBERED_SQL),
    )
