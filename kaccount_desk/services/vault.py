"""The data key's slots: made with the first admin, opened by each login, kept in step with the staff.

The store keeps the data key only sealed (``store/key_slots.py``): once per staff member under
their password, once to a recovery key whose private half is printed at setup and never stored.
A login opens the member's slot and binds the key to the store's engine; before that, reading an
ID number or image is refused in words. Sealing for a colleague needs the key, not their
password, so an admin logged in can add staff, reset a password or rotate the key alone.

A store made before the slots still opens with its key file (``store/crypto.py``); each login
there seals that key into the member's slot, and once every active member has one the file is no
longer needed (``status`` says so).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from kaccount_desk.domain.audit import Action
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.domain.roles import Permission
from kaccount_desk.services import audit
from kaccount_desk.services.context import Context, Store
from kaccount_desk.services.errors import Refused
from kaccount_desk.store.crypto import StoreKeys, key_source
from kaccount_desk.store.id_binding import bind_to_rows, mark_bound
from kaccount_desk.store.key_slots import (
    RECOVERY,
    PasswordCost,
    new_pair,
    open_private,
    open_sealed,
    open_slot,
    parse_recovery,
    public_of,
    recovery_text,
    seal_private,
    seal_to,
    slot_name,
)
from kaccount_desk.store.models import KeySlot, Staff, StoreKey

# argon2id's cost for the password half of a slot and for the password hashes (services/staff.py):
# argon2-cffi's PasswordHasher defaults, computed in kaccount_desk/password_child.py
# (tests/test_password_child.py checks they agree). Each slot and each hash keeps the cost it was
# made with. Not read from argon2 here: the app itself never imports it (its 64 MiB stay in the
# password child).
DEFAULT_COST = PasswordCost(time_cost=3, memory_kib=65536, parallelism=4)
COST = DEFAULT_COST  # the test suite lowers it for speed, as each slot records its own cost


@dataclass(frozen=True)
class VaultStatus:
    """What an admin may know about the slots: who has one, never a key."""

    fingerprint: str | None
    staff_with_slot: tuple[str, ...]
    active_without_slot: tuple[str, ...]
    recovery: bool
    key_file_needed: bool


def _put(session: Session, holder: str, staff_id: int | None, public: bytes, keys: StoreKeys, now: datetime,
         sealed_private: bytes | None = None, kdf: dict[str, object] | None = None) -> None:
    """The slot ``holder`` made anew (replacing an older one): the data key sealed to ``public``."""
    session.execute(delete(KeySlot).where(KeySlot.holder == holder))
    session.add(KeySlot(holder=holder, staff_id=staff_id, public_key=public, sealed_private=sealed_private, kdf=kdf,
                        sealed_key=seal_to(public, keys.master, holder), fingerprint=keys.fingerprint, created_at=now))
    session.flush()


def seal_for_member(session: Session, staff_id: int, password: str, keys: StoreKeys, now: datetime) -> None:
    """A new key pair for the member, its private half under their password, the data key sealed to it."""
    private, public = new_pair()
    holder = slot_name(staff_id)
    sealed, kdf = seal_private(private, password, holder, COST)
    _put(session, holder, staff_id, public, keys, now, sealed, kdf)


def reseal_private(session: Session, staff_id: int, old_password: str, new_password: str) -> bool:
    """After a password change: the same key pair, its private half sealed under the new password.

    False when the member has no slot or the old password does not open it (the caller then makes
    a new slot, which needs the data key).
    """
    slot = session.get(KeySlot, slot_name(staff_id))
    if slot is None or slot.sealed_private is None or slot.kdf is None:
        return False
    private = open_private(slot.sealed_private, old_password, slot.holder, slot.kdf)
    if private is None:
        return False
    slot.sealed_private, slot.kdf = seal_private(private, new_password, slot.holder, COST)
    return True


def drop_slot(session: Session, staff_id: int) -> None:
    """A member who leaves loses their sealed copy (their password no longer opens anything)."""
    session.execute(delete(KeySlot).where(KeySlot.holder == slot_name(staff_id)))


def seal_recovery(session: Session, keys: StoreKeys, now: datetime) -> str:
    """A new recovery key pair; the data key sealed to its public half; its private half as it is printed."""
    private, public = new_pair()
    _put(session, RECOVERY, None, public, keys, now)
    return recovery_text(private)


def first_key(session: Session, store: Store, staff_id: int, password: str, now: datetime) -> str:
    """A new store's data key, sealed to its first admin and to a recovery key; the recovery key's text.

    A store that already has a key (made before the slots, opened with its key file) keeps it.
    """
    source = key_source(store.engine)
    keys = source.existing()
    if keys is None:
        keys = source.unlock(secrets.token_bytes(32))
        session.execute(delete(StoreKey))
        session.add(StoreKey(fingerprint=keys.fingerprint, created_at=now))
        source.recorded = keys.fingerprint
        mark_bound(session.connection())
    seal_for_member(session, staff_id, password, keys, now)
    return seal_recovery(session, keys, now)


def _slot_damaged() -> Refused:
    return Refused(Reason("vault.slot_damaged", "您的密钥槽已损坏,无法解开证件资料;请管理员为您重置密码",
                          "Your key slot is damaged and cannot unlock the ID data; ask an admin to reset your password"))


def unlock_at_login(session: Session, store: Store, row: Staff, password: str, now: datetime) -> None:
    """Open the member's slot with the password just checked and bind the data key to the store.

    On a store made before the slots (opened with its key file), seal that key into the member's
    slot now, so the file is needed one login less. A member with no slot on a store without the
    file logs in but reads no ID (an admin's reset gives them a slot).
    """
    source = key_source(store.engine)
    source.take_back()
    slot = session.get(KeySlot, slot_name(row.id))
    if slot is not None and slot.sealed_private is not None and slot.kdf is not None:
        master = open_slot(slot.sealed_private, slot.sealed_key, password, slot.holder, slot.kdf)
        if master is None:
            raise _slot_damaged()
        bind_to_rows(session.connection(), source.unlock(master))
        return
    keys = source.existing()
    if keys is not None:
        seal_for_member(session, row.id, password, keys, now)
        bind_to_rows(session.connection(), keys)


def lock(store: Store) -> None:
    """Forget the data key (logout, idle lock): the next read of an ID needs a login again."""
    key_source(store.engine).forget()


def status(ctx: Context) -> VaultStatus:
    ctx.require(Permission.MANAGE_STAFF)
    with ctx.store.read() as session:
        held = set(session.scalars(select(KeySlot.holder)))
        rows = session.execute(select(Staff.id, Staff.staff_no, Staff.active).order_by(Staff.staff_no)).all()
        fingerprint = session.scalar(select(StoreKey.fingerprint).limit(1))
    with_slot = tuple(no for sid, no, _ in rows if slot_name(sid) in held)
    without = tuple(no for sid, no, active in rows if active and slot_name(sid) not in held)
    return VaultStatus(fingerprint, with_slot, without, RECOVERY in held, bool(without) and fingerprint is not None)


def new_recovery_key(ctx: Context) -> str:
    """A new recovery key (the old one stops working): for a store made before the slots, or a lost paper."""
    ctx.require(Permission.MANAGE_STAFF)
    keys = ctx.store.keys
    with ctx.transaction() as session:
        text = seal_recovery(session, keys, ctx.now())
        audit.record_for(ctx, session, Action.CHANGE, "key_slots recovery")
    return text


def _bad_recovery() -> Refused:
    return Refused(Reason("vault.recovery_wrong", "恢复密钥不正确(请核对抄写的每一组字符)",
                          "The recovery key is not right (check each group of characters against the paper)"))


def unlock_with_recovery(store: Store, recovery: str) -> StoreKeys:
    """Bind the data key opened with the recovery key as printed at setup; refused in words when it is not that key."""
    private = parse_recovery(recovery)
    if private is None:
        raise _bad_recovery()
    with store.read() as session:
        slot = session.get(KeySlot, RECOVERY)
    if slot is None or slot.public_key != public_of(private):
        raise _bad_recovery()
    master = open_sealed(private, slot.sealed_key, RECOVERY)
    if master is None:
        raise _bad_recovery()
    return key_source(store.engine).unlock(master)


def recover(store: Store, recovery: str, staff_no: str, new_password: str) -> str:
    """Every password lost: the recovery key opens the data key, and the admin ``staff_no`` gets
    ``new_password`` and a new slot. Returns the admin's staff number as kept."""
    from kaccount_desk.services import staff

    keys = unlock_with_recovery(store, recovery)
    return staff.recovered_admin(store, staff_no, new_password, keys)
