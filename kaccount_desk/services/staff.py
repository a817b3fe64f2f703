"""Staff accounts: the first admin, logging in, adding colleagues and marking those who leave.

Passwords are hashed with argon2; a wrong password and an unknown staff ID get the same answer
in the same time (an unknown ID is checked against a dummy hash), so neither the words nor the
clock tell a stranger which 工号 exist. Five wrong passwords in a row lock the ID (domain/login.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Select, func, select

from kaccount_desk.domain.audit import Action
from kaccount_desk.domain.login import (
    Attempts,
    load_common_passwords,
    locked_reason,
    password_problems,
    staff_no_as_kept,
    staff_no_problems,
)
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.domain.roles import Permission, Role
from kaccount_desk.services import audit
from kaccount_desk.services.context import Actor, Context, Store
from kaccount_desk.services.errors import Refused, not_found
from kaccount_desk.store.models import Staff

_hasher = PasswordHasher()
# Verified when the staff ID is unknown or has left, so every failed login costs one argon2 verify.
_DUMMY_HASH = _hasher.hash("no such staff member: this hash only spends the same time")


@dataclass(frozen=True)
class StaffView:
    staff_no: str
    name: str
    department: str | None
    role: str
    active: bool
    locked_until: datetime | None = None


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


def create_first_admin(store: Store, staff_no: str, name: str, password: str) -> Actor:
    """Only an empty store gets an admin this way; afterwards admins add staff through the app."""
    _check_new(store, staff_no, name, Role.ADMIN, password)
    with store.transaction() as session:
        if session.scalar(select(func.count()).select_from(Staff)):
            raise Refused(Reason("staff.exists", "此数据库已有管理员,请登录", "This store already has staff; log in instead"))
        row = Staff(
            staff_no=staff_no_as_kept(staff_no),
            name=name.strip(),
            department=None,
            role=Role.ADMIN.value,
            password_hash=_hasher.hash(password),
            active=True,
            created_at=store.clock(),
        )
        session.add(row)
        session.flush()
        return _actor(row)


def _with_staff_no(stmt: Select[Any], staff_no: str) -> Select[Any]:
    """The staff ID as typed, whatever its case: "a001" at the login is A001 (an exact match first, for old stores)."""
    typed = staff_no.strip()
    return stmt.where(func.upper(Staff.staff_no) == typed.upper()).order_by((Staff.staff_no == typed).desc()).limit(1)


def authenticate(store: Store, staff_no: str, password: str) -> Actor:
    """Check a login; a failure is counted, and the fifth in a row locks the staff ID.

    One argon2 verify runs on every path (a dummy hash for an unknown or departed ID, the real
    one even while locked), so the answer takes the same time whoever asks.
    """
    failed = Reason("login.failed", "工号或密码不正确", "Wrong staff ID or password")
    with store.transaction() as session:
        row = session.scalar(_with_staff_no(select(Staff), staff_no))
        usable = row is not None and row.active
        try:
            ok = _hasher.verify(row.password_hash if usable and row is not None else _DUMMY_HASH, password) and usable
        except (VerificationError, InvalidHashError):
            ok = False
        now = store.clock()
        outcome: Actor | Reason = failed
        action = Action.LOGIN_FAILED
        if row is not None:
            attempts = Attempts(row.failed_logins or 0, row.locked_until)
            if attempts.locked(now):
                assert attempts.locked_until is not None
                outcome = locked_reason(attempts.locked_until)
            elif ok:
                row.failed_logins, row.locked_until = 0, None
                outcome, action = _actor(row), Action.LOGIN
            else:
                after = attempts.after_failure(now)
                row.failed_logins, row.locked_until = after.failed, after.locked_until
                if after.locked_until:
                    outcome, action = locked_reason(after.locked_until), Action.LOCKOUT
        # Every login, failed login and lockout is recorded, last in the transaction; committed
        # here, so the entry (and the failure count) stick even though the answer is a refusal.
        audit.record(session, actor=staff_no.strip()[:32], action=action, at=now, subject="login")
    if isinstance(outcome, Reason):
        raise Refused(outcome)
    return outcome


def unlock(ctx: Context, staff_no: str) -> StaffView:
    """An admin lifts a lock early (the clerk is at the counter and has remembered the password)."""
    ctx.require(Permission.MANAGE_STAFF)
    with ctx.transaction() as session:
        row = session.scalar(_with_staff_no(select(Staff), staff_no))
        if row is None:
            raise not_found("员工", "staff member", staff_no)
        row.failed_logins, row.locked_until = 0, None
        view = _view(row, ctx.now())
        audit.record_for(ctx, session, Action.UNLOCK, f"staff {row.staff_no}")
        return view


def _view(row: Staff, now: datetime) -> StaffView:
    """``locked_until`` only while the lock holds, so a face never compares clocks itself."""
    locked = Attempts(row.failed_logins or 0, row.locked_until).locked(now)
    return StaffView(row.staff_no, row.name, row.department, row.role, row.active, row.locked_until if locked else None)


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
            password_hash=_hasher.hash(password),
            active=True,
            created_at=ctx.now(),
        )
        session.add(row)
        return _view(row, ctx.now())


def list_staff(ctx: Context) -> list[StaffView]:
    ctx.require(Permission.MANAGE_STAFF)
    with ctx.store.read() as session:
        rows = session.scalars(select(Staff).order_by(Staff.staff_no))
        return [_view(r, ctx.now()) for r in rows]


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
        return _view(row, ctx.now())
