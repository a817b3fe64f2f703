"""Staff accounts: the first admin, logging in, adding colleagues and marking those who leave.

Passwords are hashed with argon2; a wrong password and an unknown staff ID get the same answer,
so the login form does not tell a stranger which 工号 exist.
"""

from __future__ import annotations

from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select

from kaccount_desk.domain.reasons import Reason
from kaccount_desk.domain.roles import Permission, Role
from kaccount_desk.services.context import Actor, Context, Store
from kaccount_desk.services.errors import Refused, not_found
from kaccount_desk.store.models import Staff

_hasher = PasswordHasher()
MIN_PASSWORD = 6


@dataclass(frozen=True)
class StaffView:
    staff_no: str
    name: str
    department: str | None
    role: str
    active: bool


def _actor(row: Staff) -> Actor:
    return Actor(row.id, row.staff_no, row.name, row.role, row.department)


def _check_new(staff_no: str, name: str, role: str, password: str) -> None:
    problems: list[Reason] = []
    if not staff_no.strip() or len(staff_no.strip()) > 32:
        problems.append(Reason("staff.no", "工号不能为空(最多32位)", "The staff ID is empty or too long"))
    if not name.strip():
        problems.append(Reason("staff.name", "姓名不能为空", "The name is empty"))
    if role not in {r.value for r in Role}:
        problems.append(Reason("staff.role", f"未知的角色“{role}”", f"Unknown role {role!r}"))
    if len(password) < MIN_PASSWORD:
        problems.append(Reason("staff.password", f"密码至少{MIN_PASSWORD}位", f"The password needs at least {MIN_PASSWORD} characters"))
    if problems:
        raise Refused(*problems)


def has_staff(store: Store) -> bool:
    with store.read() as session:
        return bool(session.scalar(select(func.count()).select_from(Staff)))


def create_first_admin(store: Store, staff_no: str, name: str, password: str) -> Actor:
    """Only an empty store gets an admin this way; afterwards admins add staff through the app."""
    _check_new(staff_no, name, Role.ADMIN, password)
    with store.transaction() as session:
        if session.scalar(select(func.count()).select_from(Staff)):
            raise Refused(Reason("staff.exists", "此数据库已有管理员,请登录", "This store already has staff; log in instead"))
        row = Staff(
            staff_no=staff_no.strip(),
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


def authenticate(store: Store, staff_no: str, password: str) -> Actor:
    with store.read() as session:
        row = session.scalar(select(Staff).where(Staff.staff_no == staff_no.strip()))
        try:
            ok = row is not None and row.active and _hasher.verify(row.password_hash, password)
        except (VerificationError, InvalidHashError):
            ok = False
        if not ok or row is None:
            raise Refused(Reason("login.failed", "工号或密码不正确", "Wrong staff ID or password"))
        return _actor(row)


def create_staff(ctx: Context, staff_no: str, name: str, role: str, password: str, department: str | None = None) -> StaffView:
    ctx.require(Permission.MANAGE_STAFF)
    _check_new(staff_no, name, role, password)
    with ctx.transaction() as session:
        if session.scalar(select(Staff.id).where(Staff.staff_no == staff_no.strip())):
            raise Refused(Reason("staff.duplicate", f"工号“{staff_no}”已存在", f"Staff ID {staff_no!r} already exists"))
        row = Staff(
            staff_no=staff_no.strip(),
            name=name.strip(),
            department=(department or "").strip() or None,
            role=role,
            password_hash=_hasher.hash(password),
            active=True,
            created_at=ctx.now(),
        )
        session.add(row)
        return StaffView(row.staff_no, row.name, row.department, row.role, row.active)


def list_staff(ctx: Context) -> list[StaffView]:
    ctx.require(Permission.MANAGE_STAFF)
    with ctx.store.read() as session:
        rows = session.scalars(select(Staff).order_by(Staff.staff_no))
        return [StaffView(r.staff_no, r.name, r.department, r.role, r.active) for r in rows]


def set_active(ctx: Context, staff_no: str, active: bool) -> StaffView:
    """Someone who leaves is marked inactive, never deleted: the history of their tickets keeps their 工号.

    An inactive account cannot log in, and its open tickets may then be handed on by a supervisor.
    """
    ctx.require(Permission.MANAGE_STAFF)
    with ctx.transaction() as session:
        row = session.scalar(select(Staff).where(Staff.staff_no == staff_no.strip()))
        if row is None:
            raise not_found("员工", "staff member", staff_no)
        if row.id == ctx.actor.id and not active:
            raise Refused(Reason("staff.self_leave", "不能停用自己正在使用的账号", "You cannot mark your own account as left"))
        row.active = active
        return StaffView(row.staff_no, row.name, row.department, row.role, row.active)
