"""Pages of applications for tables, and the per-department progress against the deadline.

A table asks for a count and then for the pages it shows, never for every row, so an office with
thousands of applications scrolls as fast as one with ten.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, case, func, or_, select

from kaccount_desk.domain.resident_id import mask_resident_id
from kaccount_desk.domain.roles import fixed_department
from kaccount_desk.domain.workflow import Status
from kaccount_desk.services.campaigns import deadline_in_own_offset
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import not_found
from kaccount_desk.store.models import Application, Campaign, Department, IdCopy, RatedItemRow
from kaccount_desk.store.search import contains, ends_with


@dataclass(frozen=True)
class ApplicationQuery:
    campaign_code: str
    department: str | None = None
    status: str | None = None
    plan: str | None = None
    search: str = ""


@dataclass(frozen=True)
class ApplicationRow:
    id: int
    department: str
    name: str
    id_number: str
    msisdn: str | None
    number_source: str
    plan_name: str | None
    status: str
    copies: int
    updated_at: datetime


@dataclass(frozen=True)
class DepartmentProgress:
    department: str
    kind: str
    total: int
    by_status: dict[str, int]
    ready: int


@dataclass(frozen=True)
class Progress:
    deadline: datetime
    now: datetime
    departments: tuple[DepartmentProgress, ...]


def _id_matches(ctx: Context, term: str) -> ColumnElement[bool]:
    """ID numbers are ciphertext: a whole number matches by its keyed digest, and up to its last
    four characters by the stored tail (which every masked print shows anyway)."""
    upper = term.upper()
    if len(upper) <= 4:
        return ends_with(Application.id_tail, upper)
    return Application.id_digest == ctx.store.keys.digest(upper)


def _filtered(ctx: Context, query: ApplicationQuery, columns: Select) -> Select:
    stmt = columns.join(Campaign, Campaign.id == Application.campaign_id).join(Department, Department.id == Application.department_id)
    stmt = stmt.where(Campaign.code == query.campaign_code)
    fixed = fixed_department(ctx.actor.role, ctx.actor.department)
    department = query.department if fixed is None else fixed
    if department:
        stmt = stmt.where(Department.name == department)
    if query.status:
        stmt = stmt.where(Application.status == query.status)
    if query.plan:
        stmt = stmt.where(Application.plan_id.in_(select(RatedItemRow.id).where(RatedItemRow.code == query.plan)))
    term = query.search.strip()
    if term:
        stmt = stmt.where(or_(contains(Application.name, term), contains(Application.msisdn, term), _id_matches(ctx, term)))
    return stmt


def count_applications(ctx: Context, query: ApplicationQuery) -> int:
    with ctx.store.read() as session:
        return session.scalar(_filtered(ctx, query, select(func.count(Application.id)))) or 0


def _row_columns() -> Select:
    """What a list row shows; copies are counted in the same query so a page is one round trip."""
    copies = select(func.count(IdCopy.id)).where(IdCopy.application_id == Application.id).correlate(Application).scalar_subquery()
    return select(
        Application.id,
        Department.name,
        Application.name,
        Application.id_number,
        Application.msisdn,
        Application.number_source,
        RatedItemRow.name,
        Application.status,
        copies,
        Application.updated_at,
    ).outerjoin(RatedItemRow, RatedItemRow.id == Application.plan_id)


def _row(r: Sequence[Any]) -> ApplicationRow:
    """A list row, its ID number masked for everyone, office and admin included (PIPL art. 28: only
    where the full number is needed): a list is for finding an application. Its detail shows the whole
    number to those with the right, and each such view is recorded (services/enrollment.py, view)."""
    return ApplicationRow(r[0], r[1], r[2], mask_resident_id(r[3]), r[4], r[5], r[6], r[7], r[8], r[9])


def page_applications(ctx: Context, query: ApplicationQuery, offset: int, limit: int) -> list[ApplicationRow]:
    """One page, newest first, in one statement."""
    stmt = _filtered(ctx, query, _row_columns()).order_by(Application.id.desc()).offset(offset).limit(limit)
    with ctx.store.read() as session:
        return [_row(r) for r in session.execute(stmt)]


def first_page(ctx: Context, query: ApplicationQuery, limit: int) -> tuple[int, list[ApplicationRow]]:
    """The count and the first page together, in one statement: a list opened or filtered costs one
    round trip, not two. The count rides on each row (``count(*) OVER ()`` over the filtered ids,
    before the limit); no row means none to count. The page's columns (the plan, the copies) are
    read for its rows alone, not for every row counted."""
    page = (_filtered(ctx, query, select(Application.id, func.count().over().label("total")))
            .order_by(Application.id.desc()).limit(limit).subquery())
    stmt = (_row_columns().join(Department, Department.id == Application.department_id)
            .join(page, page.c.id == Application.id).add_columns(page.c.total).order_by(Application.id.desc()))
    with ctx.store.read() as session:
        rows = session.execute(stmt).all()
    return (rows[0].total if rows else 0), [_row(r) for r in rows]


def department_progress(ctx: Context, campaign_code: str) -> Progress:
    """Each department's applications by status, read with the campaign in one statement (a round
    trip each across a VPN: the Applications page shows this panel when it opens)."""
    ready = case((Application.status.in_([Status.SUBMITTED, Status.SENT, Status.ACTIVATED]), 1), else_=0)
    with ctx.store.read() as session:
        rows = session.execute(
            select(Campaign, Department.id, Department.name, Department.kind, Application.status, func.count(Application.id),
                   func.sum(ready))
            .outerjoin(Department, Department.campaign_id == Campaign.id)
            .outerjoin(Application, (Application.department_id == Department.id) & (Application.campaign_id == Campaign.id))
            .where(Campaign.code == campaign_code)
            .group_by(Campaign.id, Department.id, Application.status)
            .order_by(Department.position, Department.id)
        ).all()
        if not rows:
            raise not_found("办理活动", "campaign", campaign_code)
        campaign = rows[0][0]
        kinds: dict[int, tuple[str, str]] = {}
        counts: dict[tuple[int, str], int] = {}
        ready_by: dict[int, int] = {}
        for _, dept_id, name, kind, status, count, ready_count in rows:
            if dept_id is None:
                continue  # a campaign without departments: its one row
            kinds[dept_id] = (name, kind)
            if status is not None:
                counts[(dept_id, status)] = count
                ready_by[dept_id] = ready_by.get(dept_id, 0) + int(ready_count or 0)
        departments = []
        for dept_id, (name, kind) in kinds.items():
            by_status = {s.value: counts.get((dept_id, s.value), 0) for s in Status}
            live = sum(v for k, v in by_status.items() if k not in (Status.REJECTED, Status.WITHDRAWN))
            departments.append(DepartmentProgress(name, kind, live, by_status, ready_by.get(dept_id, 0)))
        return Progress(deadline_in_own_offset(campaign), ctx.now(), tuple(departments))
