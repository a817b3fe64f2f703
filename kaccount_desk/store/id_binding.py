"""ID numbers written before each was bound to its row, bound to it once (store/crypto.py's ``id_number_aad``).

Stores made before this change encrypted every ID number under one constant associated data, so a
ciphertext and its digest could be swapped between rows unnoticed. The re-binding needs the data
key, which only a login unseals, so it runs at the first unlocking login (and ``vault rotate``
binds everything it re-encrypts anyway), or at the upgrade (revision 0013) when an older store's
key file is at hand; the store setting ``id_numbers_bound`` says it is done, so
later logins cost nothing. It runs in the login's transaction: all rows or none.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy import Connection

from kaccount_desk.store.crypto import UNBOUND_ID_NUMBER_AAD, StoreKeys, Undecryptable, id_number_aad

BOUND_SETTING = "id_numbers_bound"

# The raw columns, without the model's encrypting type: ciphertext is handled as such here.
_applications = sa.table("applications", sa.column("id", sa.Integer), sa.column("id_number", sa.String))
_settings = sa.table("store_settings", sa.column("name", sa.String), sa.column("value", sa.JSON))


def all_bound(connection: Connection) -> bool:
    return connection.scalar(sa.select(_settings.c.value).where(_settings.c.name == BOUND_SETTING)) is not None


def mark_bound(connection: Connection) -> None:
    """Record that every ID number is bound to its row (a new store, a rotation, a finished re-binding)."""
    if not all_bound(connection):
        connection.execute(_settings.insert().values(name=BOUND_SETTING, value=True))


def bind_to_rows(connection: Connection, keys: StoreKeys) -> int:
    """Re-encrypt each ID number still under the constant associated data, bound to its row; how many were.

    A row that already opens bound is left as it is; one that opens neither way (altered on disk)
    is left too, and is refused in words when it is shown, rather than refusing the login.
    """
    if all_bound(connection):
        return 0
    count = 0
    for row_id, stored in connection.execute(sa.select(_applications.c.id, _applications.c.id_number)).all():
        try:
            keys.decrypt_text(stored, id_number_aad(row_id))
            continue
        except Undecryptable:
            pass
        try:
            plain = keys.decrypt_text(stored, UNBOUND_ID_NUMBER_AAD)
        except Undecryptable:
            continue
        connection.execute(_applications.update().where(_applications.c.id == row_id).values(
            id_number=keys.encrypt_text(plain, id_number_aad(row_id))))
        count += 1
    mark_bound(connection)
    return count


def unbind_from_rows(connection: Connection, keys: StoreKeys) -> None:
    """Back under the constant associated data (a downgrade to before the binding): what older code reads."""
    if all_bound(connection):
        for row_id, stored in connection.execute(sa.select(_applications.c.id, _applications.c.id_number)).all():
            plain = keys.decrypt_text(stored, id_number_aad(row_id))
            connection.execute(_applications.update().where(_applications.c.id == row_id).values(
                id_number=keys.encrypt_text(plain, UNBOUND_ID_NUMBER_AAD)))
    connection.execute(_settings.delete().where(_settings.c.name == BOUND_SETTING))
