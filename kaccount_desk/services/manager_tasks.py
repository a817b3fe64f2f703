"""Account managers' tasks: added by hand or by a supervisor, made from the month's 异动 list, done;
and "my day", the open ones overdue first, then today's, then the week ahead.

A manager sees and completes their own tasks (``KEEP_PORTFOLIO``); a supervisor or an admin
(``MANAGE_KEY_ACCOUNTS``) makes them for any manager and sees everyone's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import Select, and_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from kaccount_desk.domain.key_accounts import TIER_LABELS, parse_month
from kaccount_desk.domain.manager_tasks import (
    KIND_LABELS,
    PART_LABELS,
    SOURCE_LABELS,
    TaskKind,
    TaskSource,
    check_task,
    day_order,
    day_part,
    followup_due,
    followup_numbers,
    followup_title,
    makes_task,
    my_day_last,
    parse_due,
)
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.domain.roles import Permission
from kaccount_desk.services import tiers
from kaccount_desk.services.companies import company_row
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import Refused, not_found
from kaccount_desk.services.managers import (
    active_staff,
    check_number,
    checked_manager,
    manager_row,
    managers_of_numbers,
    require_manager_access,
)
from kaccount_desk.services.tiers import TierMove
from kaccount_desk.store.archive_models import Company
from kaccount_desk.store.manager_models import ManagerTask
from kaccount_desk.store.models import Staff

LISTED = 500  # tasks a list shows, open ones first: a manager's year is a few hundred


@dataclass(frozen=True)
class TaskView:
    id: int
    manager: str
    manager_name: str
    kind: str
    kind_name: str
    title: str
    due_on: date
    done_at: datetime | None
    part: str  # "overdue", "today", "upcoming", or "" (done, or further off)
    part_name: str
    company: str | None
    number: str | None
    source: str
    source_name: str
    created_by: str
    created_at: datetime


@dataclass(frozen=True)
class FollowUps:
    """What ``from_changes`` did with a month's 异动 list."""

    month: str
    created: list[TaskView] = field(default_factory=list)
    already: int = 0  # drops of the month that had their follow-up task already
    without_manager: list[str] = field(default_factory=list)  # drops nobody looks after: assign them first


def add_task(ctx: Context, title: str, due: str, kind: str = TaskKind.OTHER.value, manager: str | None = None,
             company: str | None = None, number: str | None = None) -> TaskView:
    """A task for oneself (by hand) or, from a supervisor, for a manager; for a company or a number if named."""
    problems = check_task(title, due, kind)
    if problems:
        raise Refused(*problems)
    due_on = parse_due(due)
    assert due_on is not None
    with ctx.transaction() as session:
        owner = manager_row(session, manager or ctx.actor.staff_no)
        require_manager_access(ctx, owner.id)
        task = ManagerTask(manager_id=owner.id, company_id=company_row(session, company).id if company else None,
                           number=check_number(number) if number else None, kind=kind, title=title.strip(),
                           due_on=due_on, created_by=ctx.actor.id, created_at=ctx.now(),
                           source=(TaskSource.HAND if owner.id == ctx.actor.id else TaskSource.SUPERVISOR).value)
        session.add(task)
        session.flush()
        return _views(ctx, session, _rows().where(ManagerTask.id == task.id))[0]


def complete_task(ctx: Context, task_id: int) -> TaskView:
    """The task marked done now; one done already keeps the time it was done."""
    with ctx.transaction() as session:
        task = session.get(ManagerTask, task_id)
        if task is None:
            raise not_found("任务", "task", task_id)
        require_manager_access(ctx, task.manager_id)
        if task.done_at is None:
            task.done_at = ctx.now()
            session.flush()
        return _views(ctx, session, _rows().where(ManagerTask.id == task_id))[0]


def list_tasks(ctx: Context, manager: str | None = None, open_only: bool = False) -> list[TaskView]:
    """A manager's tasks (one's own; a supervisor without ``manager``: every manager's), open ones first
    in "my day" order, then the done ones, latest done first."""
    stmt = _rows()
    with ctx.store.read() as session:
        if manager is not None or not ctx.actor.may(Permission.MANAGE_KEY_ACCOUNTS):
            owner = manager_row(session, manager or ctx.actor.staff_no)
            require_manager_access(ctx, owner.id)
            stmt = stmt.where(ManagerTask.manager_id == owner.id)
        if open_only:
            stmt = stmt.where(ManagerTask.done_at.is_(None))
        views = _views(ctx, session, stmt.order_by(ManagerTask.done_at.is_not(None), ManagerTask.due_on,
                                                   ManagerTask.id).limit(LISTED))
    now = ctx.now()
    pending = sorted((v for v in views if v.done_at is None), key=lambda v: day_order(v.due_on, v.id, now))
    done = sorted((v for v in views if v.done_at is not None), key=lambda v: v.done_at or now, reverse=True)
    return pending + done


def my_day(ctx: Context, manager: str | None = None) -> list[TaskView]:
    """The open tasks due up to a week from today in the hall: overdue first, then today's, then the days ahead.

    The manager is read with their tasks joined to them, in one statement (one round trip when the
    My day page opens, not two); who it is and whether this person may see their day is checked
    on that row before anything is handed out.
    """
    staff_no = manager or ctx.actor.staff_no
    creator = aliased(Staff)
    due = and_(ManagerTask.manager_id == Staff.id, ManagerTask.done_at.is_(None), ManagerTask.due_on <= my_day_last(ctx.now()))
    stmt = (active_staff(staff_no).add_columns(ManagerTask, Company.name, creator.staff_no)
            .outerjoin(ManagerTask, due).outerjoin(creator, creator.id == ManagerTask.created_by)
            .outerjoin(Company, Company.id == ManagerTask.company_id))
    with ctx.store.read() as session:
        rows = session.execute(stmt).all()
    owner = checked_manager(rows[0][0] if rows else None, staff_no)
    require_manager_access(ctx, owner.id)
    now = ctx.now()
    views = [_view(ctx, now, task, owner.staff_no, owner.name, company, made_by)
             for _, task, company, made_by in rows if task is not None]
    return sorted(views, key=lambda v: day_order(v.due_on, v.id, now))


def from_changes(ctx: Context, month: str) -> FollowUps:
    """A follow-up task for each number that dropped in ``month``'s 异动 list, for its manager: one per
    number and month, so running it again makes none. A supervisor makes them for every manager; a
    manager, for their own numbers."""
    everyone = ctx.actor.may(Permission.MANAGE_KEY_ACCOUNTS)
    if not everyone:
        ctx.require(Permission.KEEP_PORTFOLIO)
    moves = tiers.moves(ctx, month)  # refuses a month that is not one, or whose bills are not imported
    scored = parse_month(month)
    assert scored is not None
    due_on = followup_due(scored)
    try:
        return _make_followups(ctx, scored, due_on, moves, everyone)
    except IntegrityError as exc:  # another desk made the same month's follow-ups at this moment
        raise Refused(Reason("task.followups_busy", "另一处正在同时为这个月的异动生成跟进任务,请稍后再试一次",
                             "Another desk was making this month's follow-up tasks at the same moment; try again")) from exc


def _make_followups(ctx: Context, scored: str, due_on: date, moves: list[TierMove], everyone: bool) -> FollowUps:
    with ctx.transaction() as session:
        managers = managers_of_numbers(session)
        done = {n for n in session.scalars(select(ManagerTask.number).where(
            ManagerTask.source == TaskSource.CHANGE.value, ManagerTask.due_on == due_on)) if n is not None}
        mine = [m for m in moves if everyone or managers.get(m.number) == ctx.actor.id]
        numbers = followup_numbers([(m.number, m.change) for m in mine], done)
        by_number = {m.number: m for m in mine}
        made: list[int] = []
        without: list[str] = []
        for number in numbers:
            if number not in managers:
                without.append(number)
                continue
            move = by_number[number]
            task = ManagerTask(manager_id=managers[number], number=number, kind=TaskKind.DOWNGRADE.value,
                               title=followup_title(number, TIER_LABELS.zh(move.before) if move.before else "",
                                                    TIER_LABELS.zh(move.after) if move.after else ""),
                               due_on=due_on, created_by=ctx.actor.id, created_at=ctx.now(), source=TaskSource.CHANGE.value)
            session.add(task)
            session.flush()
            made.append(task.id)
        already = len({m.number for m in mine if makes_task(m.change) and m.number in done})
        created = _views(ctx, session, _rows().where(ManagerTask.id.in_(made)).order_by(ManagerTask.id)) if made else []
    return FollowUps(scored, created, already, without)


def _rows() -> Select:
    creator = aliased(Staff)
    return (select(ManagerTask, Staff.staff_no, Staff.name, Company.name, creator.staff_no)
            .join(Staff, Staff.id == ManagerTask.manager_id).join(creator, creator.id == ManagerTask.created_by)
            .outerjoin(Company, Company.id == ManagerTask.company_id))


def _views(ctx: Context, session: Session, stmt: Select) -> list[TaskView]:
    now = ctx.now()
    return [_view(ctx, now, *row) for row in session.execute(stmt)]


def _view(ctx: Context, now: datetime, task: ManagerTask, staff_no: str, name: str, company: str | None, creator: str) -> TaskView:
    part = day_part(task.due_on, now) if task.done_at is None else None
    return TaskView(
        task.id, staff_no, name, task.kind, KIND_LABELS.text(task.kind, ctx.lang), task.title, task.due_on, task.done_at,
        part.value if part else "", PART_LABELS.text(part, ctx.lang) if part else "", company, task.number,
        task.source, SOURCE_LABELS.text(task.source, ctx.lang), creator, task.created_at)
