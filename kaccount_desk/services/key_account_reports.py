"""The key-account reports of a month (ch. 6 of the 2002 specification): development, revenue, churn,
satisfaction and each account manager's figures, worked out in grouped SQL and returned as dataclasses.

A company's members are its campaigns' activated applications and its imported member lists (as
``services/companies.py`` counts them); a member joined when its application was activated, or when
its list was imported. Every figure is a grouped query over the store (twelve in all, whatever the
size of the county), never a query per company, number or ticket; what counts as churn, on time and satisfied is in
``domain/key_account_report_rules.py``. The GUI, the CLI and the .xlsx all read this one report.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Subquery, and_, case, distinct, false, func, or_, select, union_all
from sqlalchemy.orm import Session, aliased

from kaccount_desk.domain.key_account_report_rules import (
    BILLED_FEN,
    CHURN_LABELS,
    Churn,
    MonthBounds,
    bounds,
    churn_judged,
    report_month,
    tier_churn,
    trend_months,
)
from kaccount_desk.domain.key_accounts import TIER_LABELS, Tier, previous_month
from kaccount_desk.domain.manager_tasks import done_on_time, hall_today
from kaccount_desk.domain.roles import Permission
from kaccount_desk.domain.tickets import Action, CallbackResult, label
from kaccount_desk.domain.workflow import Status
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import Refused
from kaccount_desk.services.key_account_report_views import (
    ChurnLine,
    CompanyLine,
    KeyAccountReport,
    ManagerLine,
    SatisfactionLine,
    TierLine,
    TrendLine,
)
from kaccount_desk.store.archive_models import BillingImport, BillingMonthRow, Company, CompanyCampaign, CompanyMember, NumberTier
from kaccount_desk.store.manager_models import ManagerTask
from kaccount_desk.store.models import Application, ApplicationEvent, Staff
from kaccount_desk.store.ticket_models import Ticket, TicketEvent

REPORT_PERMISSION = Permission.MANAGE_KEY_ACCOUNTS  # supervisors and admins: the ones who keep the archive


def key_account_report(ctx: Context, month: str) -> KeyAccountReport:
    """Every report of ``month`` ("YYYY-MM"); refused in words for a month that is not one."""
    ctx.require(REPORT_PERMISSION)
    wanted, problems = report_month(month)
    if wanted is None:
        raise Refused(*problems)
    span = bounds(wanted)
    months = [bounds(m) for m in trend_months(wanted)]
    with ctx.store.read() as session:
        joined = _members_joined()
        imported = set(session.scalars(select(BillingImport.month).where(BillingImport.month.in_([m.month for m in months]))))
        trend = _trend(session, joined, months)
        company_lines = _companies(session, joined, span, churn_judged(wanted in imported))
        tier_lines = _tiers(ctx, session, wanted)
        churn = _churn(ctx, session, wanted, sum(c.left for c in company_lines))
        satisfaction = _satisfaction(ctx, session, joined, span)
        managers = _managers(session, joined, span, company_lines)
    return KeyAccountReport(wanted, wanted in imported, sorted(imported), trend, company_lines, tier_lines, churn,
                            satisfaction, managers)


def _members_joined() -> Subquery:
    """(company_id, number, joined): each membership once, at its earliest start (activation or list import)."""
    activated = (select(CompanyCampaign.company_id.label("company_id"), Application.msisdn.label("number"),
                        ApplicationEvent.at.label("at"))
                 .join(Application, Application.campaign_id == CompanyCampaign.campaign_id)
                 .join(ApplicationEvent, and_(ApplicationEvent.application_id == Application.id,
                                              ApplicationEvent.to_status == Status.ACTIVATED.value))
                 .where(Application.status == Status.ACTIVATED.value, Application.msisdn.is_not(None)))
    listed = select(CompanyMember.company_id, CompanyMember.number, CompanyMember.added_at)
    every = union_all(activated, listed).subquery()
    return (select(every.c.company_id, every.c.number, func.min(every.c.at).label("joined"))
            .group_by(every.c.company_id, every.c.number).subquery("joined_members"))


def _trend(session: Session, joined: Subquery, months: list[MonthBounds]) -> list[TrendLine]:
    """Memberships at each month's end and gained in it (one query, bucketed by month), and key accounts by tier."""
    bucket = case((joined.c.joined < months[0].start, "before"),
                  *[(joined.c.joined < m.end, m.month) for m in months], else_="after")
    gained: dict[str, int] = {b: int(n) for b, n in session.execute(select(bucket, func.count()).group_by(bucket))}
    tiers: dict[str, dict[str | None, int]] = defaultdict(dict)
    for month, tier, count in session.execute(
            select(NumberTier.month, NumberTier.tier, func.count())
            .where(NumberTier.month.in_([m.month for m in months]), NumberTier.tier.is_not(None))
            .group_by(NumberTier.month, NumberTier.tier)):
        tiers[month][tier] = int(count)
    members = int(gained.get("before", 0))
    lines = []
    for m in months:
        added = int(gained.get(m.month, 0))
        members += added
        by_tier = {tier.value: tiers[m.month].get(tier.value, 0) for tier in Tier}
        lines.append(TrendLine(m.month, members, added, sum(by_tier.values()), by_tier))
    return lines


def _companies(session: Session, joined: Subquery, span: MonthBounds, judged: bool) -> list[CompanyLine]:
    """Per company, its members by the month's end: how many, gained, key accounts, billed, revenue, gone
    (``judged``: only once the month's bills are in)."""
    now, before = aliased(BillingMonthRow), aliased(BillingMonthRow)
    tier = aliased(NumberTier)
    previous = previous_month(span.month)

    def flag(condition: Any) -> Any:
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    billed_now = func.coalesce(now.amount_fen, 0) >= BILLED_FEN
    gone = and_(func.coalesce(before.amount_fen, 0) >= BILLED_FEN, ~billed_now) if judged else false()  # rules.left_group
    figures = (select(joined.c.company_id, func.count(), flag(joined.c.joined >= span.start), flag(tier.tier.is_not(None)),
                      flag(billed_now), func.coalesce(func.sum(now.amount_fen), 0), flag(gone))
               .select_from(joined)
               .outerjoin(now, and_(now.number == joined.c.number, now.month == span.month))
               .outerjoin(before, and_(before.number == joined.c.number, before.month == previous))
               .outerjoin(tier, and_(tier.number == joined.c.number, tier.month == span.month))
               .where(joined.c.joined < span.end)
               .group_by(joined.c.company_id).subquery())
    rows = session.execute(
        select(Company.id, Company.name, Company.company_class, Company.account_manager_id, *list(figures.c)[1:])
        .outerjoin(figures, figures.c.company_id == Company.id).order_by(Company.company_class, Company.name)).all()
    return [CompanyLine(company_id, name, company_class, manager_id, *(int(value or 0) for value in rest))
            for company_id, name, company_class, manager_id, *rest in rows]


def _tiers(ctx: Context, session: Session, month: str) -> list[TierLine]:
    """The month's bills by the tier each number had that month; numbers with none are the last line."""
    b = BillingMonthRow
    rows = dict((tier, (int(n), int(fen))) for tier, n, fen in session.execute(
        select(NumberTier.tier, func.count(), func.coalesce(func.sum(b.amount_fen), 0)).select_from(b)
        .outerjoin(NumberTier, and_(NumberTier.number == b.number, NumberTier.month == b.month))
        .where(b.month == month).group_by(NumberTier.tier)))
    lines = [TierLine(t.value, TIER_LABELS.text(t, ctx.lang), *rows.get(t.value, (0, 0))) for t in Tier]
    none = "非大客户" if ctx.lang == "zh" else "Not a key account"
    return [*lines, TierLine(None, none, *rows.get(None, (0, 0)))]


def _churn(ctx: Context, session: Session, month: str, left_groups: int) -> list[ChurnLine]:
    """Members gone (from the company figures), then each kind of tier drop by the tier it dropped from."""
    before = aliased(NumberTier)
    moves = session.execute(
        select(before.tier, NumberTier.tier, func.count())
        .join(before, and_(before.number == NumberTier.number, before.month == previous_month(month)))
        .where(NumberTier.month == month, before.tier.is_not(None)).group_by(before.tier, NumberTier.tier)).all()
    counts: dict[tuple[Churn, str | None], int] = defaultdict(int)
    for was, now, count in moves:
        kind = tier_churn(was, now)
        if kind is not None:
            counts[kind, was] += int(count)
    lines = [ChurnLine(Churn.LEFT_GROUP.value, CHURN_LABELS.text(Churn.LEFT_GROUP, ctx.lang), None, "", left_groups)]
    for kind in (Churn.TIER_DOWN, Churn.TIER_LOST):
        lines += [ChurnLine(kind.value, CHURN_LABELS.text(kind, ctx.lang), t.value, TIER_LABELS.text(t, ctx.lang),
                            counts.get((kind, t.value), 0)) for t in Tier if t is not Tier.HIGH_VALUE or kind is Churn.TIER_LOST]
    return lines


def key_account_condition(joined: Subquery, month: str) -> Any:
    """rules.key_account_ticket in SQL: ticked, or a number with a tier that month, or a company member."""
    tiered = select(NumberTier.number).where(NumberTier.month == month, NumberTier.tier.is_not(None))
    return or_(Ticket.key_account.is_(True), Ticket.customer_number.in_(tiered), Ticket.customer_number.in_(select(joined.c.number)))


def _callbacks() -> tuple[Any, ...]:
    result = TicketEvent.data["result"].as_string()
    return tuple(func.count(distinct(case((result == r.value, TicketEvent.id)))) for r in CallbackResult)


def _closings(span: MonthBounds) -> tuple[Any, ...]:
    in_month = and_(Ticket.closed_at >= span.start, Ticket.closed_at < span.end)
    on_time = and_(in_month, Ticket.closed_at <= Ticket.due_at)  # rules.closed_on_time, in SQL
    return func.count(distinct(case((in_month, Ticket.id)))), func.count(distinct(case((on_time, Ticket.id))))


def _satisfaction(ctx: Context, session: Session, joined: Subquery, span: MonthBounds) -> list[SatisfactionLine]:
    """Key accounts' tickets by category: closed in the month and on time, and the month's callbacks by result."""
    condition = key_account_condition(joined, span.month)
    closed = dict((c, (int(n), int(t))) for c, n, t in session.execute(
        select(Ticket.category, *_closings(span)).where(condition, Ticket.closed_at >= span.start, Ticket.closed_at < span.end)
        .group_by(Ticket.category)))
    called = dict((c, tuple(int(v) for v in rest)) for c, *rest in session.execute(
        select(Ticket.category, *_callbacks()).join(TicketEvent, TicketEvent.ticket_id == Ticket.id)
        .where(condition, TicketEvent.action == Action.CALLBACK.value, TicketEvent.at >= span.start, TicketEvent.at < span.end)
        .group_by(Ticket.category)))
    return [SatisfactionLine(category, label(category, ctx.lang), *closed.get(category, (0, 0)), *called.get(category, (0, 0, 0)))
            for category in sorted(set(closed) | set(called))]


def _managers(session: Session, joined: Subquery, span: MonthBounds, company_lines: list[CompanyLine]) -> list[ManagerLine]:
    """Each account manager's companies added up, their members' tickets and callbacks of the month,
    and their tasks due in it (a manager with tasks and no company is listed too).

    A ticket of a number in two of a manager's companies counts once (``count(distinct)``). Tasks
    come as rows (a month holds a few hundred) so the on-time rule stays the domain's, in the hall's day.
    """
    mine = (select(Company.account_manager_id.label("manager_id"), joined.c.number).join(joined, joined.c.company_id == Company.id)
            .where(Company.account_manager_id.is_not(None), joined.c.joined < span.end).subquery())
    customers = Ticket.customer_number == mine.c.number
    closed = dict((m, (int(n), int(t))) for m, n, t in session.execute(
        select(mine.c.manager_id, *_closings(span)).join(Ticket, customers)
        .where(Ticket.closed_at >= span.start, Ticket.closed_at < span.end).group_by(mine.c.manager_id)))
    called = dict((m, (int(s), int(u))) for m, s, u, _ in session.execute(
        select(mine.c.manager_id, *_callbacks()).join(Ticket, customers).join(TicketEvent, TicketEvent.ticket_id == Ticket.id)
        .where(TicketEvent.action == Action.CALLBACK.value, TicketEvent.at >= span.start, TicketEvent.at < span.end)
        .group_by(mine.c.manager_id)))
    first, after = hall_today(span.start), hall_today(span.end)  # the month's days in the hall
    tasks: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for manager_id, due_on, done_at in session.execute(
            select(ManagerTask.manager_id, ManagerTask.due_on, ManagerTask.done_at)
            .where(ManagerTask.due_on >= first, ManagerTask.due_on < after)):
        tasks[manager_id][0] += 1
        tasks[manager_id][1] += done_on_time(due_on, done_at)
    portfolio: dict[int, list[CompanyLine]] = defaultdict(list)
    for line in company_lines:
        if line.manager_id is not None:
            portfolio[line.manager_id].append(line)
    listed = set(portfolio) | set(tasks)
    staff = session.execute(select(Staff.id, Staff.staff_no, Staff.name).where(Staff.id.in_(list(listed))).order_by(Staff.staff_no))
    return [ManagerLine(no, name, len(portfolio[sid]), sum(c.members for c in portfolio[sid]), sum(c.gained for c in portfolio[sid]),
                        *closed.get(sid, (0, 0)), *called.get(sid, (0, 0)), *tasks.get(sid, (0, 0)))
            for sid, no, name in staff]

