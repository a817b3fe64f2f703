"""The planned-work register (计划停机, standard 2.6): register, approve, list, print the notice.

Each public function is one use case with its permission: the office and supervisors register
planned work, supervisors record the competent department's approval, and the notice is printed
only when the domain's rules (``domain/outages.py``) allow it now. Printing the first notice
records it as announced, in the same transaction as the check, so a notice refused a minute later
cannot slip through and an announced outage can be told to a clerk taking a fault ticket
(:func:`ticket_outage`, which the ticket panel asks).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import ScalarSelect, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from kaccount_desk.domain import outages as rules
from kaccount_desk.domain.operator_time import OPERATOR_TZ, local
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.domain.roles import Permission
from kaccount_desk.domain.tickets import label as ticket_label
from kaccount_desk.domain.workflow import LIVE_STATUSES
from kaccount_desk.services import organisation
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import Refused, not_found
from kaccount_desk.store.models import Application, Campaign, Staff
from kaccount_desk.store.outage_models import PlannedOutage, PlannedOutageCampaign

if TYPE_CHECKING:
    from kaccount_desk.services.printing import Printed

__all__ = ["AffectedCampaign", "OutageNote", "OutageView", "add", "approve", "list_outages", "print_notice", "ticket_outage",
           "outage_candidates", "explaining"]


@dataclass(frozen=True)
class AffectedCampaign:
    """A key-account company the work reaches, by its campaign; ``named`` when listed by hand."""

    code: str
    title: str
    company: str
    members: int
    named: bool


@dataclass(frozen=True)
class OutageView:
    """One planned work as the faces show it, its times in the hall's clock (UTC+8) like a ticket's;
    ``notice`` and ``notice_refusal`` say whether it may print now."""

    id: int
    what: str
    area: str
    start: datetime
    end: datetime
    hours: int
    affected: str
    key_accounts: bool
    needs_approval: bool
    created_by: str
    created_at: datetime
    approved_by: str | None
    approved_at: datetime | None
    announced_at: datetime | None
    notice: str
    notice_refusal: Reason | None
    may_approve: bool
    companies: tuple[AffectedCampaign, ...]


@dataclass(frozen=True)
class OutageNote:
    """The announced outage a fault ticket falls in, for the line "计划停机中:…" of the ticket panel."""

    id: int
    what: str
    area: str
    start: datetime
    end: datetime


def _work(row: PlannedOutage) -> rules.PlannedWork:
    return rules.PlannedWork(row.start_at, row.hours, row.key_accounts, row.approved_at, row.announced_at)


def _members(session: Session, campaign_ids: Sequence[int]) -> dict[int, int]:
    """Key-account customers per campaign: its applications that still hold a number (live or activated)."""
    if not campaign_ids:
        return {}
    rows = session.execute(
        select(Application.campaign_id, func.count())
        .where(Application.campaign_id.in_(campaign_ids), Application.status.in_([s.value for s in LIVE_STATUSES]))
        .group_by(Application.campaign_id)
    )
    return {campaign_id: int(n) for campaign_id, n in rows}


def _live_members() -> ScalarSelect[int]:
    """A campaign's key-account customers (its applications that still hold a number), counted beside its row."""
    return (select(func.count()).where(Application.campaign_id == Campaign.id,
                                       Application.status.in_([s.value for s in LIVE_STATUSES]))
            .correlate(Campaign).scalar_subquery())


def _views(ctx: Context, session: Session, rows: Sequence[tuple[PlannedOutage, str | None]]) -> list[OutageView]:
    """The rows (each with its registrar's staff number) as views, with their campaigns and member
    counts read in one more statement: a list of any length costs two round trips, not four."""
    ids = [row.id for row, _ in rows]
    links = session.execute(
        select(PlannedOutageCampaign.outage_id, PlannedOutageCampaign.named, Campaign, _live_members())
        .join(Campaign, Campaign.id == PlannedOutageCampaign.campaign_id)
        .where(PlannedOutageCampaign.outage_id.in_(ids))
        .order_by(Campaign.code)
    ).all() if ids else []
    now = ctx.now()
    may_approve = ctx.actor.may(Permission.APPROVE_OUTAGES)
    views = []
    for row, created_by in rows:
        work = _work(row)
        refusal = rules.check_notice(work, now)
        companies = tuple(
            AffectedCampaign(c.code, c.title, c.issuer, int(members or 0), named)
            for outage_id, named, c, members in links if outage_id == row.id
        )
        views.append(OutageView(
            id=row.id, what=row.what, area=row.area, start=local(row.start_at), end=local(work.end), hours=row.hours,
            affected=row.affected, key_accounts=row.key_accounts, needs_approval=work.needs_approval,
            created_by=created_by or "", created_at=local(row.created_at), approved_by=row.approved_by,
            approved_at=local(row.approved_at), announced_at=local(row.announced_at), notice=rules.notice_state(work, now).value,
            notice_refusal=refusal[0] if refusal else None, may_approve=may_approve and row.approved_at is None,
            companies=companies,
        ))
    return views


def _reached(session: Session, area: str, named: Sequence[str]) -> list[tuple[int, bool]]:
    """(campaign id, named) of the campaigns whose key-account customers the work reaches.

    A campaign named by hand always counts. Otherwise a campaign counts when its company (the
    organiser on its notice) is in the area (``rules.affects_company``) and it has members: a
    campaign nobody joined has no key-account customers to reach.
    """
    wanted = sorted({code.strip() for code in named if code.strip()})
    found = {code: cid for code, cid in session.execute(select(Campaign.code, Campaign.id).where(Campaign.code.in_(wanted)))}
    missing = [code for code in wanted if code not in found]
    if missing:
        raise not_found("办理活动", "campaign", missing[0])
    by_area = [c.id for c in session.scalars(select(Campaign)) if c.id not in found.values() and rules.affects_company(area, c.issuer)]
    members = _members(session, by_area)
    return [(cid, True) for cid in found.values()] + [(cid, False) for cid in by_area if members.get(cid, 0) > 0]


def add(
    ctx: Context, what: str, area: str, start: datetime, hours: int, affected: str = "", campaigns: Sequence[str] = ()
) -> OutageView:
    """Register planned work; whether it reaches key-account customers is decided now and kept.

    A start without a zone is the hall's time (UTC+8), as every time a clerk types.
    """
    ctx.require(Permission.PLAN_OUTAGES)
    start = start if start.tzinfo is not None else start.replace(tzinfo=OPERATOR_TZ)
    now = ctx.now()
    problems = rules.check_plan(what, area, affected, start, hours, now)
    if problems:
        raise Refused(*problems)
    with ctx.transaction() as session:
        reached = _reached(session, rules.clean(area), campaigns)
        row = PlannedOutage(
            what=rules.clean(what), area=rules.clean(area), start_at=start, hours=hours, affected=rules.clean(affected),
            key_accounts=bool(reached), created_by=ctx.actor.id, created_at=now,
        )
        session.add(row)
        session.flush()
        session.add_all(PlannedOutageCampaign(outage_id=row.id, campaign_id=cid, named=named) for cid, named in reached)
        session.flush()
        return _views(ctx, session, [(row, ctx.actor.staff_no)])[0]


def _row(session: Session, outage_id: int, lock: bool = False) -> PlannedOutage:
    query = select(PlannedOutage).where(PlannedOutage.id == outage_id)
    row = session.scalar(query.with_for_update() if lock else query)
    if row is None:
        raise not_found("计划停机", "planned work", outage_id)
    return row


def approve(ctx: Context, outage_id: int, by: str) -> OutageView:
    """Record the competent department's approval (报主管部门批准): who approved, and when it was recorded."""
    ctx.require(Permission.APPROVE_OUTAGES)
    with ctx.transaction() as session:
        row = _row(session, outage_id, lock=True)
        problems = rules.check_approval(row.approved_at, by)
        if problems:
            raise Refused(*problems)
        row.approved_by, row.approval_recorded_by, row.approved_at = rules.clean(by), ctx.actor.id, ctx.now()
        session.flush()
        registrar = session.scalar(select(Staff.staff_no).where(Staff.id == row.created_by))
        return _views(ctx, session, [(row, registrar)])[0]


def list_outages(ctx: Context) -> list[OutageView]:
    """Every planned work, the latest start first; clerks may read it too (they answer the phone)."""
    if not (ctx.actor.may(Permission.PLAN_OUTAGES) or ctx.actor.may(Permission.HANDLE_TICKETS)):
        ctx.require(Permission.PLAN_OUTAGES)
    with ctx.store.read() as session:
        rows = session.execute(select(PlannedOutage, Staff.staff_no).outerjoin(Staff, Staff.id == PlannedOutage.created_by)
                               .order_by(PlannedOutage.start_at.desc(), PlannedOutage.id.desc()))
        return _views(ctx, session, [(row, registrar) for row, registrar in rows])  # the registrar's number joined


def print_notice(ctx: Context, outage_id: int, out: Path) -> Printed:
    """The customers' notice as a PDF, refused when too late or unapproved; the first one is recorded.

    The check, the file and the record are one transaction: a notice that could not be written
    is not recorded as announced, and two desks cannot both pass a check the other made stale.
    """
    # reportlab, and the roster sheets behind the printing service, load at the first notice printed:
    # the ticket panel asks this module for its outage line, and the clerk's window opens without them.
    from kaccount_desk.documents.outage_notice import OutageNoticeData, render_outage_notice
    from kaccount_desk.services.printing import Printed, _pages, _write

    ctx.require(Permission.PLAN_OUTAGES)
    now = ctx.now()
    with ctx.transaction() as session:
        row = _row(session, outage_id, lock=True)
        problems = rules.check_notice(_work(row), now)
        if problems:
            raise Refused(*problems)
        data = OutageNoticeData(
            organisation=organisation.name_in(session), what=row.what, area=row.area, start=row.start_at,
            end=_work(row).end, hours=row.hours, affected=row.affected, approved_by=row.approved_by,
            approved_at=row.approved_at, issued_on=(row.announced_at or now).astimezone(OPERATOR_TZ).date(),
        )
        _write(out, lambda stream: render_outage_notice(data, stream))
        if row.announced_at is None:
            row.announced_at, row.announced_by = now, ctx.actor.id
    return Printed(Path(out), _pages(out))


def ticket_outage(ctx: Context, category: str, area: str | None, content: str, received_at: datetime) -> OutageNote | None:
    """The announced outage a ticket received at ``received_at`` falls in, for its area; None when none.

    ``area`` is the ticket's area code (town, rural), matched by its Chinese name. One query
    (:func:`outage_candidates`); the ticket panel sends the same one beside its other lists.
    """
    if category != "fault":
        return None
    ctx.require(Permission.HANDLE_TICKETS)
    with ctx.store.read() as session:
        rows = session.execute(outage_candidates(received_at)).all()
    return explaining(rows, category, area, content, received_at)


def outage_candidates(received_at: datetime) -> Select[int, str, str, datetime, int]:
    """The outages announced that could still be running at ``received_at`` (none lasts over ``rules.MAX_HOURS``),
    as (id, what, area, start, hours)."""
    return (
        select(PlannedOutage.id, PlannedOutage.what, PlannedOutage.area, PlannedOutage.start_at, PlannedOutage.hours)
        .where(PlannedOutage.announced_at.is_not(None), PlannedOutage.start_at <= received_at,
               PlannedOutage.start_at > received_at - timedelta(hours=rules.MAX_HOURS))
    )


def explaining(candidates: Iterable[tuple[int, str, str, datetime, int]], category: str, area: str | None, content: str,
               received_at: datetime) -> OutageNote | None:
    """The earliest of ``candidates`` (rows of :func:`outage_candidates`) still running at ``received_at`` whose
    area the domain says explains the ticket; None when none does."""
    place = ticket_label(area) if area else ""
    for outage_id, what, where, start, hours in sorted(candidates, key=lambda row: (row[3], row[0])):
        end = rules.PlannedWork(start, hours, key_accounts=False).end
        if received_at < end and rules.explains_ticket(where, category, place, content):
            return OutageNote(outage_id, what, where, local(start), local(end))
    return None
