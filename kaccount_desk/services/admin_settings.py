"""The settings the Admin page's boxes show, read in one statement: one round trip, not five.

The ticket time limits, warnings and referral departments, the ID-image keeping rule and the
organisation's name live in four tables; read apart they cost an office across a VPN five round
trips each time the page opens. Here they come back as one UNION ALL, each row tagged with what it
is, and are handed out as the same views the boxes' own services return (``ticket_settings``,
``retention``, ``organisation``), so a box paints them alike whichever read it asked. What the
person may not see is not read at all: the ticket settings only for those who handle tickets, the
keeping rule and the name only for those who manage staff.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import JSON, Boolean, Integer, Select, String, cast, literal, null, select, union_all

from kaccount_desk.domain.retention import RetentionPolicy
from kaccount_desk.domain.roles import Permission
from kaccount_desk.domain.ticket_deadlines import Warnings
from kaccount_desk.services import organisation, retention
from kaccount_desk.services.context import Context
from kaccount_desk.services.ticket_settings import DepartmentView, LimitView, ranked_limits, warnings_of
from kaccount_desk.store.models import StoreSetting
from kaccount_desk.store.ticket_models import TicketDepartment, TicketTimeLimit, TicketWarning

_LIMIT, _WARNING, _DEPARTMENT, _SETTING = "limit", "warning", "department", "setting"


@dataclass(frozen=True)
class TicketSettings:
    """What the ticket settings box shows: the limits in the box's order, the departments by position."""

    limits: list[LimitView]
    departments: list[DepartmentView]
    warnings: Warnings


@dataclass(frozen=True)
class AdminSettings:
    """Each box's part; None where this person is not shown that box."""

    tickets: TicketSettings | None
    retention: RetentionPolicy | None
    organisation: str | None


class _Tagged(NamedTuple):
    """A row of the union: what it is, then the columns its kind fills (the others NULL)."""

    kind: str
    text: str | None  # a limit's or warning's category, a department's or setting's name
    area: str | None
    first: int | None  # hours
    second: int | None  # a key account's hours, a department's position
    flag: bool | None  # a department is active
    value: object  # a setting's stored value


def _row(kind: str, text: Any = None, area: Any = None, first: Any = None, second: Any = None,
         flag: Any = None, value: Any = None) -> Select[Any]:
    """One branch of the union, its columns typed alike in every branch (PostgreSQL takes a bare NULL for text)."""
    columns = zip((text, area, first, second, flag, value), (String, String, Integer, Integer, Boolean, JSON), strict=True)
    return select(literal(kind, String), *(cast(null(), type_) if c is None else c for c, type_ in columns))


def read(ctx: Context) -> AdminSettings:
    """Every box's settings this person sees, in one statement (none when they see no such box)."""
    tickets, staff = ctx.actor.may(Permission.HANDLE_TICKETS), ctx.actor.may(Permission.MANAGE_STAFF)
    branches = []
    if tickets:
        branches += [
            _row(_LIMIT, TicketTimeLimit.category, TicketTimeLimit.area, TicketTimeLimit.hours, TicketTimeLimit.key_account_hours),
            _row(_WARNING, TicketWarning.category, first=TicketWarning.hours),
            _row(_DEPARTMENT, TicketDepartment.name, second=TicketDepartment.position, flag=TicketDepartment.active),
        ]
    if staff:
        branches.append(_row(_SETTING, StoreSetting.name, value=StoreSetting.value)
                        .where(StoreSetting.name.in_((retention.SETTING, organisation.SETTING))))
    rows: list[_Tagged] = []
    if branches:
        with ctx.store.read() as session:
            rows = [_Tagged(*r) for r in session.execute(union_all(*branches))]
    settings = {r.text: r.value for r in rows if r.kind == _SETTING}
    return AdminSettings(
        tickets=_tickets(rows) if tickets else None,
        retention=retention.policy_of(settings.get(retention.SETTING)) if staff else None,
        organisation=organisation.name_of(settings.get(organisation.SETTING)) if staff else None,
    )


def _tickets(rows: list[_Tagged]) -> TicketSettings:
    """The ticket settings' rows as ``ticket_settings`` hands them out (its NOT NULL columns are never None here)."""
    departments = sorted((r for r in rows if r.kind == _DEPARTMENT), key=lambda r: r.second or 0)
    return TicketSettings(
        limits=ranked_limits((r.text or "", r.area, r.first or 0, r.second) for r in rows if r.kind == _LIMIT),
        departments=[DepartmentView(r.text or "", bool(r.flag)) for r in departments],
        warnings=warnings_of((r.text or "", r.first or 0) for r in rows if r.kind == _WARNING),
    )
