"""Each ID number's ciphertext bound to its row (store/id_binding.py).

A store made before key slots still opens with its key file: its rows are bound here. A store
whose key only a login unseals is bound at the first unlocking login (the store setting
``id_numbers_bound`` tells which); one with no application has nothing to bind. A downgrade
puts every ID number back under the constant associated data, with the key the engine holds or
the key file.

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from kaccount_desk.store.crypto import StoreKeys, key_source, keys_of, read_keys
from kaccount_desk.store.id_binding import bind_to_rows, mark_bound, unbind_from_rows

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None

applications = sa.table('applications', sa.column('id', sa.Integer))
store_keys = sa.table('store_keys', sa.column('fingerprint', sa.String))


def _file_key(bind: sa.Connection) -> StoreKeys | None:
    """The key file's key when it is the one the store's rows are encrypted with."""
    path = key_source(bind).path
    keys = read_keys(path) if path is not None else None
    recorded = bind.scalar(sa.select(store_keys.c.fingerprint).limit(1))
    return keys if keys is not None and keys.fingerprint == recorded else None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.scalar(sa.select(sa.func.count()).select_from(applications)) == 0:
        mark_bound(bind)
        return
    keys = key_source(bind).existing() or _file_key(bind)
    if keys is not None:
        bind_to_rows(bind, keys)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.scalar(sa.select(sa.func.count()).select_from(applications)) == 0:
        bind.execute(sa.text("DELETE FROM store_settings WHERE name = 'id_numbers_bound'"))
        return
    unbind_from_rows(bind, key_source(bind).existing() or _file_key(bind) or keys_of(bind))
