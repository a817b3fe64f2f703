"""Staff accounts: the first admin, logging in, adding colleagues and marking those who leave.

Passwords are hashed with argon2; a wrong password and an unknown staff ID get the same answer
in the same time (an unknown ID is checked against a dummy hash), so neither the words nor the
clock tell a stranger which 工号 exist. Wrong passwords slow the next try of the staff ID typed
and of the PC typing it (domain/login.py); the waits are kept in the store, so every desk and
every process on a PC sees the same ones.
"""

from __future__ import annotations

import platform
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, delete, func, insert, literal, select, update
from sqlalchemy.orm import Session

from kaccount_desk import password_child
from kaccount_desk.domain.audit import Action
from kaccount_desk.domain.login import (
    FORGET_AFTER,
    Throttle,
    load_common_passwords,
    password_problems,
    staff_no_as_kept,
    staff_no_problems,
    wait_reason,
    wait_until,
)
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.domain.roles import Permission, Role
from kaccount_desk.services import audit, vault
from kaccount_desk.services.context import Actor, Context, Store
from kaccount_desk.services.errors import Refused, not_found
from kaccount_desk.store.crypto import StoreKeys, key_source
from kaccount_desk.store.models import LoginThrottle, Staff

# Verified when the staff ID is unknown or has left, so every failed login costs one argon2 verify.
# A fixed hash of a throw-away phrase at argon2-cffi's default cost (tests/services/test_staff.py
# checks the cost), so importing this module computes nothing.
_DUMMY_HASH = "$argon2id$v=19$m=65536,t=3,p=4$WOjtqOSgpG2/FX7wYBFNMw$oH7WxVEjAcw02JMooCuHypyVDWnMt9rWP8msJKCzG8A"


def _hashed(password: str) -> str:
    """A new password hash at the key slots' argon2 cost (``vault.COST``): one setting for both, as
    both guard the same password."""
    cost = vault.COST
    return password_child.hash_password(password, cost.time_cost, cost.memory_kib, cost.parallelism)


@dataclass(frozen=True)
class StaffView:
    staff_no: str
    name: str
    department: str | None
    role: str
    active: bool
    locked_until: datetime | None = None  # while wrong passwords make this staff ID wait (admins may lift it)


def _actor(row: Staff) -> Actor:
    return Actor(row.id, row.staff_no, row.name, row.role, row.department)


def _check_new(store: Store, staff_no: str, name: str, role: str, password: str) -> None:
    problems: list[Reason] = staff_no_problems(staff_no)
    if not name.strip():
        problems.append(Reason("staff.name", "姓名不能为空", "The name is empty"))
    if role not in {r.value for r in Role}:
        problems.append(Reason("staff.role", f"未知的角色“{role}”", f"Unknown role {role!r}"))
    problems.extend(password_problems(password, load_common_passwords(store.resources)))
    if problems:
        raise Refused(*problems)


def has_staff(store: Store) -> bool:
    with store.read() as session:
        return bool(session.scalar(select(func.count()).select_from(Staff)))


@dataclass(frozen=True)
class FirstAdmin:
    """The first admin, and the recovery key to show once (it is stored nowhere)."""

    actor: Actor
    recovery_key: str


def set_up(store: Store, staff_no: str, name: str, password: str, role: Role = Role.ADMIN, department: str | None = None,
           also: Callable[[Session], None] | None = None) -> FirstAdmin:
    """Only an empty store gets an admin this way; afterwards admins add staff through the app.

    The store's data key is made here, sealed to the admin's password and to a recovery key
    (services/vault.py), whose text is returned for the setup to show once. A department's seat
    is set up with its collector instead, and its campaign pack written by ``also`` in the same
    transaction (services/handover_seat.py), so a failure leaves the store empty.
    """
    _check_new(store, staff_no, name, role, password)
    with store.transaction() as session:
        if session.scalar(select(func.count()).select_from(Staff)):
            raise Refused(Reason("staff.exists", "此数据库已有管理员,请登录", "This store already has staff; log in instead"))
        row = Staff(
            staff_no=staff_no_as_kept(staff_no),
            name=name.strip(),
            department=department,
            role=role.value,
            password_hash=_hashed(password),
            active=True,
            created_at=store.clock(),
        )
        session.add(row)
        session.flush()
        recovery = vault.first_key(session, store, row.id, password, store.clock())
        if also is not None:
            also(session)
        return FirstAdmin(_actor(row), recovery)


def create_first_admin(store: Store, staff_no: str, name: str, password: str) -> Actor:
    """:func:`set_up` for callers that do not show the recovery key (an admin can make a new one: ``vault recovery-key``)."""
    return set_up(store, staff_no, name, password).actor


def _with_staff_no(stmt: Select[Any], staff_no: str) -> Select[Any]:
    """The staff ID as typed, whatever its case: "a001" at the login is A001 (an exact match first, for old stores)."""
    typed = staff_no.strip()
    return stmt.where(func.upper(Staff.staff_no) == typed.upper()).order_by((Staff.staff_no == typed).desc()).limit(1)


def this_pc() -> str:
    """The computer's network name: wrong passwords typed on one PC count together, whatever the ID."""
    return platform.node() or "unknown"


def _staff_key(staff_no: str) -> str:
    return f"staff:{staff_no}"[:80]


def _throttles(session: Session, keys: list[str]) -> dict[str, Throttle]:
    columns = select(LoginThrottle.key, LoginThrottle.failed, LoginThrottle.last_failed_at)
    return {key: Throttle(failed, at) for key, failed, at in session.execute(columns.where(LoginThrottle.key.in_(keys)))}


def _count_failure(session: Session, keys: list[str], now: datetime) -> Throttle:
    """One more wrong password for each key; the staff ID's new state. Core statements: the failed
    login is in the audit log already, and the flush recorder must not log it again as a change."""
    session.execute(delete(LoginThrottle).where(LoginThrottle.last_failed_at < now - FORGET_AFTER))
    held = _throttles(session, keys)
    states = {key: held.get(key, Throttle()).after_failure(now) for key in keys}
    for key, state in states.items():
        values = {"failed": state.failed, "last_failed_at": now}
        if key in held:
            session.execute(update(LoginThrottle).where(LoginThrottle.key == key).values(**values))
        else:
            session.execute(insert(LoginThrottle).values(key=key, **values))
    return states[keys[0]]


def authenticate(store: Store, staff_no: str, password: str, pc: str | None = None) -> Actor:
    """Check a login; a wrong password makes the next try of this staff ID and this PC wait.

    One argon2 verify runs on every answered try (a dummy hash for an unknown or departed ID), so
    the answer takes the same time whoever asks. A try while a wait holds is answered at once,
    unchecked, uncounted and unrecorded: it costs a guesser a try and tells nothing. The wait is
    kept for the ID as typed when no such staff member exists, so the answers are the same.
    """
    failed = Reason("login.failed", "工号或密码不正确", "Wrong staff ID or password")
    with store.transaction() as session:
        row = session.scalar(_with_staff_no(select(Staff), staff_no))
        keys = [_staff_key(row.staff_no if row is not None else staff_no_as_kept(staff_no)), f"pc:{pc or this_pc()}"[:80]]
        now = store.clock()
        until = wait_until(list(_throttles(session, keys).values()), now)
        if until is not None:
            raise Refused(wait_reason(until - now))
        usable = row is not None and row.active
        ok = password_child.verify(row.password_hash if usable and row is not None else _DUMMY_HASH, password) and usable
        outcome: Actor | Reason = failed
        detail: dict[str, object] = {}
        if ok and row is not None:
            session.execute(delete(LoginThrottle).where(LoginThrottle.key.in_(keys)))
            vault.unlock_at_login(session, store, row, password, now)
            outcome, action = _actor(row), Action.LOGIN
        else:
            action = Action.LOGIN_FAILED
            wait = _count_failure(session, keys, now).delay()
            if wait > timedelta(0):
                detail["wait_s"] = int(wait.total_seconds())
        # Every login and failed login is recorded, last in the transaction; committed here, so
        # the entry (and the failure count) stick even though the answer is a refusal.
        audit.record(session, actor=staff_no.strip()[:32], action=action, at=now, subject="login", detail=detail)
    if isinstance(outcome, Reason):
        raise Refused(outcome)
    return outcome


def unlock(ctx: Context, staff_no: str) -> StaffView:
    """An admin lifts a staff ID's wait early (the clerk is at the counter and remembers the password).

    The PCs' waits go too: the store cannot tell which PC the clerk will try from, and a PC's wait
    is a minute at most, so lifting them all gives a guesser nothing worth having.
    """
    ctx.require(Permission.MANAGE_STAFF)
    with ctx.transaction() as session:
        row = session.scalar(_with_staff_no(select(Staff), staff_no))
        if row is None:
            raise not_found("员工", "staff member", staff_no)
        session.execute(delete(LoginThrottle).where(
            (LoginThrottle.key == _staff_key(row.staff_no)) | LoginThrottle.key.startswith("pc:", autoescape=True)
        ))
        view = _view(session, row, ctx.now())
        audit.record_for(ctx, session, Action.UNLOCK, f"staff {row.staff_no}")
        return view


def _view(session: Session, row: Staff, now: datetime, waits: dict[str, Throttle] | None = None) -> StaffView:
    """``locked_until`` only while a wait holds, so a face never compares clocks itself."""
    key = _staff_key(row.staff_no)
    held = waits if waits is not None else _throttles(session, [key])
    until = wait_until([held[key]] if key in held else [], now)
    return StaffView(row.staff_no, row.name, row.department, row.role, row.active, until)


def create_staff(ctx: Context, staff_no: str, name: str, role: str, password: str, department: str | None = None) -> StaffView:
    ctx.require(Permission.MANAGE_STAFF)
    _check_new(ctx.store, staff_no, name, role, password)
    with ctx.transaction() as session:
        if session.scalar(_with_staff_no(select(Staff.id), staff_no)):
            raise Refused(Reason("staff.duplicate", f"工号“{staff_no}”已存在", f"Staff ID {staff_no!r} already exists"))
        row = Staff(
            staff_no=staff_no_as_kept(staff_no),
            name=name.strip(),
            department=(department or "").strip() or None,
            role=role,
            password_hash=_hashed(password),
            active=True,
            created_at=ctx.now(),
        )
        session.add(row)
        session.flush()
        keys = key_source(ctx.store.engine).existing()
        if keys is not None:  # the admin's login unsealed it: the new member gets their own sealed copy
            vault.seal_for_member(session, row.id, password, keys, ctx.now())
        return _view(session, row, ctx.now())


def list_staff(ctx: Context) -> list[StaffView]:
    """Everyone, with the wait their wrong passwords put on them, in one statement (the Admin page's list)."""
    ctx.require(Permission.MANAGE_STAFF)
    key = literal("staff:") + Staff.staff_no  # _staff_key: a staff ID is far shorter than the key's 80
    with ctx.store.read() as session:
        found = session.execute(select(Staff, LoginThrottle.failed, LoginThrottle.last_failed_at)
                                .outerjoin(LoginThrottle, LoginThrottle.key == key).order_by(Staff.staff_no)).all()
        waits = {_staff_key(row.staff_no): Throttle(failed, at) for row, failed, at in found if failed is not None}
        return [_view(session, row, ctx.now(), waits) for row, _, _ in found]


def set_active(ctx: Context, staff_no: str, active: bool) -> StaffView:
    """Someone who leaves is marked inactive, never deleted: the history of their tickets keeps their 工号.

    An inactive account cannot log in, and its open tickets may then be handed on by a supervisor.
    """
    ctx.require(Permission.MANAGE_STAFF)
    with ctx.transaction() as session:
        row = session.scalar(_with_staff_no(select(Staff), staff_no))
        if row is None:
            raise not_found("员工", "staff member", staff_no)
        if row.id == ctx.actor.id and not active:
            raise Refused(Reason("staff.self_leave", "不能停用自己正在使用的账号", "You cannot mark your own account as left"))
        row.active = active
        if not active:
            vault.drop_slot(session, row.id)  # back again, they get a new slot with a password reset
        return _view(session, row, ctx.now())


def _new_password_problems(store: Store, password: str) -> None:
    problems = password_problems(password, load_common_passwords(store.resources))
    if problems:
        raise Refused(*problems)


def change_password(store: Store, staff_no: str, old_password: str, new_password: str) -> None:
    """A member changes their own password: the old one must be right; only their slot's private half is resealed."""
    _new_password_problems(store, new_password)
    actor = authenticate(store, staff_no, old_password)
    with store.transaction() as session:
        row = session.get(Staff, actor.id)
        assert row is not None
        row.password_hash = _hashed(new_password)
        if not vault.reseal_private(session, row.id, old_password, new_password):
            vault.seal_for_member(session, row.id, new_password, store.keys, store.clock())
        audit.record(session, actor=row.staff_no, action=Action.CHANGE, at=store.clock(), subject=f"staff {row.staff_no} password")


def reset_password(ctx: Context, staff_no: str, new_password: str) -> StaffView:
    """An admin sets a forgotten password: a new key pair and a new sealed copy of the data key for the member."""
    ctx.require(Permission.MANAGE_STAFF)
    _new_password_problems(ctx.store, new_password)
    keys = ctx.store.keys
    with ctx.transaction() as session:
        row = session.scalar(_with_staff_no(select(Staff), staff_no))
        if row is None or not row.active:
            raise not_found("员工", "staff member", staff_no)
        row.password_hash = _hashed(new_password)
        vault.seal_for_member(session, row.id, new_password, keys, ctx.now())
        audit.record_for(ctx, session, Action.CHANGE, f"staff {row.staff_no} password reset")
        return _view(session, row, ctx.now())


def recovered_admin(store: Store, staff_no: str, new_password: str, keys: StoreKeys) -> str:
    """After the recovery key opened the data key: the admin ``staff_no`` gets a new password and slot."""
    _new_password_problems(store, new_password)
    with store.transaction() as session:
        row = session.scalar(_with_staff_no(select(Staff), staff_no))
        if row is None or not row.active or row.role != Role.ADMIN.value:
            raise Refused(Reason("vault.not_admin", f"“{staff_no}”不是在职的管理员", f"{staff_no!r} is not an active admin"))
        row.password_hash = _hashed(new_password)
        vault.seal_for_member(session, row.id, new_password, keys, store.clock())
        session.execute(delete(LoginThrottle).where(LoginThrottle.key == _staff_key(row.staff_no)))
        audit.record(session, actor=row.staff_no, action=Action.CHANGE, at=store.clock(), subject=f"staff {row.staff_no} recovery")
        return row.staff_no
