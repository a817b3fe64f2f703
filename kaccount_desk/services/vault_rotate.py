"""``vault rotate``: a new data key, every ciphertext and digest re-encrypted under it, in one transaction.

The new key is sealed to every slot's public key, the recovery slot's included, so nobody's
password and no new recovery key are needed: whoever could open the old key can open the new one.
A backup made before the rotation keeps its own slots and the old key, so it still opens after a
restore. Other desks that hold the old key in memory must log in again (``README``: rotate when
the hall is closed).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from kaccount_desk.domain.audit import Action
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.services import audit, vault
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import Refused
from kaccount_desk.store.crypto import StoreKeys, Undecryptable, copy_aad, id_number_aad, key_source
from kaccount_desk.store.id_binding import bind_to_rows
from kaccount_desk.store.key_slots import seal_to
from kaccount_desk.store.models import KeySlot, StoreKey

# The raw columns, without the models' encrypting types: this is the one place that handles ciphertext as such.
_applications = sa.table("applications", sa.column("id", sa.Integer), sa.column("id_number", sa.String),
                         sa.column("id_digest", sa.String))
_copies = sa.table("id_copies", sa.column("id", sa.Integer), sa.column("application_id", sa.Integer),
                   sa.column("side", sa.String), sa.column("data", sa.LargeBinary))
_drafts = sa.table("drafts", sa.column("id", sa.Integer), sa.column("payload", sa.Text))
DRAFTS_AAD = b"drafts"  # store/draft_models.py's EncryptedText(b"drafts")


@dataclass(frozen=True)
class Rotated:
    """Counts and fingerprints only: nothing secret is printed."""

    old_fingerprint: str
    new_fingerprint: str
    id_numbers: int
    id_images: int
    drafts: int
    slots: int


def _reencrypt(session: Session, old: StoreKeys, new: StoreKeys) -> tuple[int, int, int]:
    numbers = images = drafts = 0
    bind_to_rows(session.connection(), old)  # a store never unlocked since its rows were bound: bind them first
    for row_id, stored in session.execute(sa.select(_applications.c.id, _applications.c.id_number)).all():
        plain = old.decrypt_text(stored, id_number_aad(row_id))
        session.execute(_applications.update().where(_applications.c.id == row_id).values(
            id_number=new.encrypt_text(plain, id_number_aad(row_id)), id_digest=new.digest(plain)))
        numbers += 1
    for row_id, application_id, side, data in session.execute(sa.select(_copies)).all():
        aad = copy_aad(application_id, side)
        session.execute(_copies.update().where(_copies.c.id == row_id).values(data=new.encrypt(old.decrypt(data, aad), aad)))
        images += 1
    for row_id, payload in session.execute(sa.select(_drafts.c.id, _drafts.c.payload)).all():
        session.execute(_drafts.update().where(_drafts.c.id == row_id).values(
            payload=new.encrypt_text(old.decrypt_text(payload, DRAFTS_AAD), DRAFTS_AAD)))
        drafts += 1
    return numbers, images, drafts


def rotate(ctx: Context) -> Rotated:
    """Re-encrypt everything under a new data key and seal it to every slot; the old key is forgotten."""
    waiting = vault.status(ctx).active_without_slot
    if waiting:
        listed = ", ".join(waiting)
        raise Refused(Reason(
            "vault.unslotted", f"以下在职员工还没有密钥槽,换密钥后将无法读取证件资料:{listed}。请他们先登录一次,或由管理员重置其密码",
            f"These active staff have no key slot yet and would lose the ID data: {listed}. "
            "Have each log in once, or reset their password, first",
        ))
    old = ctx.store.keys
    new = StoreKeys.from_master(secrets.token_bytes(32))
    with ctx.transaction() as session:
        try:
            numbers, images, drafts = _reencrypt(session, old, new)
        except Undecryptable:
            raise Refused(Reason(
                "vault.undecryptable", "有一条证件资料被改动过,无法解密;密钥未更换,数据未改动。请先运行 audit verify 并从备份恢复",
                "A stored ID item was changed and does not decrypt; the key was not rotated and nothing changed. "
                "Run audit verify and restore from a backup first",
            )) from None
        slots = [(str(h), bytes(p)) for h, p in session.execute(sa.select(KeySlot.holder, KeySlot.public_key))]
        for holder, public in slots:
            session.execute(sa.update(KeySlot).where(KeySlot.holder == holder).values(
                sealed_key=seal_to(public, new.master, holder), fingerprint=new.fingerprint))
        session.execute(sa.delete(StoreKey))
        session.execute(sa.insert(StoreKey).values(fingerprint=new.fingerprint, created_at=ctx.now()))
        audit.record_for(ctx, session, Action.CHANGE, "key_slots rotate", id_numbers=numbers, id_images=images, drafts=drafts)
    source = key_source(ctx.store.engine)
    source.unlock(new.master)
    source.recorded = new.fingerprint
    return Rotated(old.fingerprint, new.fingerprint, numbers, images, drafts, len(slots))
