"""The service standard's settings: each category's time limit and warning, and the departments tickets go to.

A key account's limit (绿色通道) is kept beside each category's, empty meaning "the same"; a
ticket gets it when its number belongs to a live application or the box was ticked. A new limit
applies to tickets received from then on; a ticket keeps the due time it was given
at receipt, which is what the customer was told on the receipt. A department is retired, never
deleted: referrals already made keep its name, and it may still answer them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select

from kaccount_desk.domain.reasons import Reason
from kaccount_desk.domain.roles import Permission
from kaccount_desk.domain.ticket_deadlines import HOUR, TimeLimits, Warnings, check_limit, check_warning
from kaccount_desk.domain.tickets import Area, Category, clean_text, parse_choice
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import Refused
from kaccount_desk.store.ticket_models import TicketDepartment, TicketTimeLimit, TicketWarning

MAX_DEPARTMENT_NAME = 64


@dataclass(frozen=True)
class LimitView:
    category: str
    area: str | None
    hours: int
    # A key account's own limit; None: the same as ``hours``.
    key_account_hours: int | None = None


@dataclass(frozen=True)
class DepartmentView:
    name: str
    active: bool


def limits(ctx: Context) -> list[LimitView]:
    """Every category's limit, faults once per area, in the order of the categories."""
    ctx.require(Permission.HANDLE_TICKETS)
    with ctx.store.read() as session:
        rows = session.execute(
            select(TicketTimeLimit.category, TicketTimeLimit.area, TicketTimeLimit.hours, TicketTimeLimit.key_account_hours)
        ).all()
    return ranked_limits(rows)


def ranked_limits(found: Iterable[tuple[str, str | None, int, int | None]]) -> list[LimitView]:
    """(category, area, hours, key-account hours) rows as the box lists them: by category, faults by area."""
    rows = {(c, a): (h, k) for c, a, h, k in found}
    order = {value.value: i for i, value in enumerate((*Category, *Area))}
    ranked = sorted(rows.items(), key=lambda kv: (order.get(kv[0][0], 99), order.get(kv[0][1] or "", -1)))
    return [LimitView(c, a, h, k) for (c, a), (h, k) in ranked]


def _category(category: str) -> Category:
    kind = parse_choice(Category, category)
    if kind is None:
        raise Refused(Reason("ticket.category", f"未知的业务类别“{category}”", f"Unknown category {category!r}"))
    return kind


def _checked_limit(category: str, hours: int, area: str | None, key_account_hours: int | None = None) -> tuple[Category, Area | None]:
    kind = _category(category)
    where: Area | None = None
    if kind is Category.FAULT:
        where = parse_choice(Area, area or "")
        if where is None:
            raise Refused(Reason("limit.area", "故障申告的时限须指明城镇或农村", "A fault's limit needs the area: town or rural"))
    elif area:
        raise Refused(Reason("limit.no_area", "只有故障申告按城镇、农村分别设定时限",
                             "Only faults have separate limits for town and rural"))
    problems = check_limit(kind, hours) or (check_limit(kind, key_account_hours) if key_account_hours is not None else ())
    if problems:
        raise Refused(*problems)
    return kind, where


def set_limits(
    ctx: Context, changes: list[LimitView], warn: dict[str, int] | None = None, key_accounts: bool = True
) -> list[LimitView]:
    """Set several limits (and, in ``warn``, categories' warning hours) at once, all or none; a fault's
    limit is per area, the others' for any area; a warning is per category. ``key_accounts`` False
    leaves the key-account limits as they are (a command that sets only the plain limit)."""
    ctx.require(Permission.CONFIGURE_TICKETS)
    checked = [(*_checked_limit(c.category, c.hours, c.area, c.key_account_hours), c.hours, c.key_account_hours) for c in changes]
    warned = [(_category(category), hours) for category, hours in (warn or {}).items()]
    for _, hours in warned:
        problems = check_warning(hours)
        if problems:
            raise Refused(*problems)
    with ctx.transaction() as session:
        for kind, where, hours, key_hours in checked:
            row = session.scalar(
                select(TicketTimeLimit).where(
                    TicketTimeLimit.category == kind.value,
                    TicketTimeLimit.area.is_(None) if where is None else TicketTimeLimit.area == where.value,
                )
            )
            if row is None:
                row = TicketTimeLimit(category=kind.value, area=where.value if where else None, hours=hours)
                session.add(row)
            row.hours = hours
            if key_accounts:
                row.key_account_hours = key_hours
        for kind, hours in warned:
            found = session.get(TicketWarning, kind.value)
            if found is None:
                session.add(TicketWarning(category=kind.value, hours=hours))
            else:
                found.hours = hours
    return [LimitView(kind.value, where.value if where else None, hours, key_hours) for kind, where, hours, key_hours in checked]


def set_limit(ctx: Context, category: str, hours: int, area: str | None = None) -> LimitView:
    """One category's plain limit; its key-account limit stays as it was."""
    return set_limits(ctx, [LimitView(category, area, hours)], key_accounts=False)[0]


def set_key_account_limit(ctx: Context, category: str, hours: int | None, area: str | None = None) -> LimitView:
    """One category's key-account limit (None: the same as everyone's); its plain limit stays as it was."""
    current = next((v for v in limits(ctx) if v.category == _category(category).value and (v.area or None) == (area or None)), None)
    plain = current.hours if current is not None else TimeLimits().limit(_category(category), parse_choice(Area, area or "")) // HOUR
    return set_limits(ctx, [LimitView(category, area, plain, hours)])[0]


def warnings(ctx: Context) -> Warnings:
    """How long before its due time each category's owner is warned; a category not set, the default 2 h."""
    ctx.require(Permission.HANDLE_TICKETS)
    with ctx.store.read() as session:
        rows = session.execute(select(TicketWarning.category, TicketWarning.hours)).all()
    return warnings_of(rows)


def warnings_of(rows: Iterable[tuple[str, int]]) -> Warnings:
    """(category, hours) rows as the deadlines' rule takes them; a category no longer known is left out."""
    return Warnings(tuple((Category(c), h) for c, h in rows if c in set(Category)))


def set_warning(ctx: Context, category: str, hours: int) -> Warnings:
    """A supervisor sets a category's warning; it applies from the next reminder round, to every open ticket."""
    set_limits(ctx, [], {category: hours})
    return warnings(ctx)


def all_departments(ctx: Context) -> list[DepartmentView]:
    ctx.require(Permission.HANDLE_TICKETS)
    with ctx.store.read() as session:
        rows = session.execute(select(TicketDepartment.name, TicketDepartment.active).order_by(TicketDepartment.position))
        return [DepartmentView(name, active) for name, active in rows]


def add_department(ctx: Context, name: str) -> DepartmentView:
    """A new department at the end of the list, or a retired one brought back under its old name."""
    ctx.require(Permission.CONFIGURE_TICKETS)
    clean = clean_text(name)
    if not clean or len(clean) > MAX_DEPARTMENT_NAME:
        raise Refused(Reason("department.name", f"部门名称须为1到{MAX_DEPARTMENT_NAME}个字",
                             f"A department name has 1 to {MAX_DEPARTMENT_NAME} characters"))
    with ctx.transaction() as session:
        row = session.scalar(select(TicketDepartment).where(TicketDepartment.name == clean))
        if row is not None and row.active:
            raise Refused(Reason("department.exists", f"已有部门“{clean}”", f"Department {clean!r} exists already"))
        if row is None:
            last = session.scalar(select(func.max(TicketDepartment.position))) or 0
            session.add(TicketDepartment(name=clean, position=last + 1, active=True))
        else:
            row.active = True
    return DepartmentView(clean, True)


def retire_department(ctx: Context, name: str) -> DepartmentView:
    """No new referrals go to it; those already made keep its name and it may still answer them."""
    ctx.require(Permission.CONFIGURE_TICKETS)
    clean = clean_text(name)
    with ctx.transaction() as session:
        row = session.scalar(select(TicketDepartment).where(TicketDepartment.name == clean, TicketDepartment.active))
        if row is None:
            raise Refused(Reason("department.unknown", f"没有在用的部门“{clean}”", f"No department {clean!r} in use"))
        if session.scalar(select(func.count(TicketDepartment.id)).where(TicketDepartment.active)) == 1:
            raise Refused(Reason("department.last", "至少要保留一个可转派的部门", "At least one department must remain to refer to"))
        row.active = False
    return DepartmentView(clean, False)
