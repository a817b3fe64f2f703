"""The key-account reports of a month (ch. 6 of the 2002 specification): development, revenue, churn,
satisfaction and each account manager's figures, worked out in grouped SQL and returned as dataclasses.

A company's members are its campaigns' activated applications and its imported member lists (as
``services/companies.py`` counts them); a member joined when its application was activated, or when
its list was imported. Every figure is a grouped query over the store (twelve in all, whatever the
size of the county, sent together as one statement), never a query per company, number or ticket;
what counts as churn, on time and satisfied is in ``domain/key_account_report_rules.py``. The GUI, the CLI and the .xlsx all read this one
report.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Integer, Subquery, and_, case, distinct, func, or_, select, type_coerce, union_all
from sqlalchemy.orm import aliased

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
from kaccount_desk.store.tagged_union import Branch, read_together
from kaccount_desk.store.ticket_models import Ticket, TicketEvent

REPORT_PERMISSION = Permission.MANAGE_KEY_ACCOUNTS  # supervisors and admins: the ones who keep the archive


def key_account_report(ctx: Context, month: str) -> KeyAccountReport:
    """Every report of ``month`` ("YYYY-MM"); refused in words for a month that is not one.

    Its twelve grouped reads go to the store as one statement (``store/tagged_union.py``): one
    round trip for the Reports page across a VPN, not twelve.
    """
    ctx.require(REPORT_PERMISSION)
    wanted, problems = report_month(month)
    if wanted is None:
        raise Refused(*problems)
    span = bounds(wanted)
    months = [bounds(m) for m in trend_months(wanted)]
    joined = _members_joined()
    with ctx.store.read() as session:
        rows = read_together(session, {
            "imported": select(BillingImport.month).where(BillingImport.month.in_([m.month for m in months])),
            **_trend_reads(joined, months), "companies": _companies_read(joined, span), "tiers": _tiers_read(wanted),
            "churn": _churn_read(wanted), **_satisfaction_reads(joined, span), **_manager_reads(joined, span),
        })
    imported = {m for (m,) in rows["imported"]}
    trend = _trend(rows, months)
    company_lines = _companies(rows["companies"], churn_judged(wanted in imported))
    churn = _churn(ctx, rows["churn"], sum(c.left for c in company_lines))
    managers = _managers(rows, company_lines)
    return KeyAccountReport(wanted, wanted in imported, sorted(imported), trend, company_lines, _tiers(ctx, rows["tiers"]), churn,
                            _satisfaction(ctx, rows), managers)


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


Rows = dict[str, list[tuple[Any, ...]]]


def _trend_reads(joined: Subquery, months: list[MonthBounds]) -> dict[str, Branch]:
    """Memberships gained before and in each month (bucketed by month), and key accounts by month and tier."""
    bucket = case((joined.c.joined < months[0].start, "before"),
                  *[(joined.c.joined < m.end, m.month) for m in months], else_="after")
    return {
        "gained": select(bucket, func.count()).group_by(bucket),
        "trend_tiers": select(NumberTier.month, NumberTier.tier, func.count())
        .where(NumberTier.month.in_([m.month for m in months]), NumberTier.tier.is_not(None))
        .group_by(NumberTier.month, NumberTier.tier),
    }


def _trend(rows: Rows, months: list[MonthBounds]) -> list[TrendLine]:
    """Memberships at each month's end and gained in it, and key accounts by tier."""
    gained: dict[str, int] = {b: int(n) for b, n in rows["gained"]}
    tiers: dict[str, dict[str | None, int]] = defaultdict(dict)
    for month, tier, count in rows["trend_tiers"]:
        tiers[month][tier] = int(count)
    members = int(gained.get("before", 0))
    lines = []
    for m in months:
        added = int(gained.get(m.month, 0))
        members += added
        by_tier = {tier.value: tiers[m.month].get(tier.value, 0) for tier in Tier}
        lines.append(TrendLine(m.month, members, added, sum(by_tier.values()), by_tier))
    return lines


def _companies_read(joined: Subquery, span: MonthBounds) -> Branch:
    """Per company, its members by the month's end: how many, gained, key accounts, billed, revenue, gone
    (billed the month before and not now: counted whatever, judged by :func:`_companies`), and its place
    in the list (by class, then name, in the store's own order)."""
    now, before = aliased(BillingMonthRow), aliased(BillingMonthRow)
    tier = aliased(NumberTier)
    previous = previous_month(span.month)

    def flag(condition: Any) -> Any:
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    billed_now = func.coalesce(now.amount_fen, 0) >= BILLED_FEN
    gone = and_(func.coalesce(before.amount_fen, 0) >= BILLED_FEN, ~billed_now)  # rules.left_group
    figures = (select(joined.c.company_id, func.count(), flag(joined.c.joined >= span.start), flag(tier.tier.is_not(None)),
                      flag(billed_now), func.coalesce(func.sum(now.amount_fen), 0), flag(gone))
               .select_from(joined)
               .outerjoin(now, and_(now.number == joined.c.number, now.month == span.month))
               .outerjoin(before, and_(before.number == joined.c.number, before.month == previous))
               .outerjoin(tier, and_(tier.number == joined.c.number, tier.month == span.month))
               .where(joined.c.joined < span.end)
               .group_by(joined.c.company_id).subquery())
    place = type_coerce(func.row_number().over(order_by=(Company.company_class, Company.name)), Integer)
    return (select(place, Company.id, Company.name, Company.company_class, Company.account_manager_id, *list(figures.c)[1:])
            .outerjoin(figures, figures.c.company_id == Company.id))


def _companies(rows: list[tuple[Any, ...]], judged: bool) -> list[CompanyLine]:
    """The companies in their place; nobody is gone before the month's bills are in (``judged``)."""
    lines = []
    for _place, company_id, name, company_class, manager_id, *figures in sorted(rows, key=lambda row: row[0]):
        members, gained, key_accounts, billed, revenue_fen, left = (int(value or 0) for value in figures)
        lines.append(CompanyLine(company_id, name, company_class, manager_id, members, gained, key_accounts, billed, revenue_fen,
                                 left if judged else 0))
    return lines


def _tiers_read(month: str) -> Branch:
    b = BillingMonthRow
    return (select(NumberTier.tier, func.count(), func.coalesce(func.sum(b.amount_fen), 0)).select_from(b)
            .outerjoin(NumberTier, and_(NumberTier.number == b.number, NumberTier.month == b.month))
            .where(b.month == month).group_by(NumberTier.tier))


def _tiers(ctx: Context, rows: list[tuple[Any, ...]]) -> list[TierLine]:
    """The month's bills by the tier each number had that month; numbers with none are the last line."""
    found = {tier: (int(n), int(fen)) for tier, n, fen in rows}
    lines = [TierLine(t.value, TIER_LABELS.text(t, ctx.lang), *found.get(t.value, (0, 0))) for t in Tier]
    none = "非大客户" if ctx.lang == "zh" else "Not a key account"
    return [*lines, TierLine(None, none, *found.get(None, (0, 0)))]


def _churn_read(month: str) -> Branch:
    before = aliased(NumberTier)
    return (select(before.tier, NumberTier.tier, func.count())
            .join(before, and_(before.number == NumberTier.number, before.month == previous_month(month)))
            .where(NumberTier.month == month, before.tier.is_not(None)).group_by(before.tier, NumberTier.tier))


def _churn(ctx: Context, moves: list[tuple[Any, ...]], left_groups: int) -> list[ChurnLine]:
    """Members gone (from the company figures), then each kind of tier drop by the tier it dropped from."""
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


def _satisfaction_reads(joined: Subquery, span: MonthBounds) -> dict[str, Branch]:
    """Key accounts' tickets by category: closed in the month and on time, and the month's callbacks by result."""
    condition = key_account_condition(joined, span.month)
    return {
        "closed": select(Ticket.category, *_closings(span))
        .where(condition, Ticket.closed_at >= span.start, Ticket.closed_at < span.end).group_by(Ticket.category),
        "called": select(Ticket.category, *_callbacks()).join(TicketEvent, TicketEvent.ticket_id == Ticket.id)
        .where(condition, TicketEvent.action == Action.CALLBACK.value, TicketEvent.at >= span.start, TicketEvent.at < span.end)
        .group_by(Ticket.category),
    }


def _satisfaction(ctx: Context, rows: Rows) -> list[SatisfactionLine]:
    closed = {c: (int(n), int(t)) for c, n, t in rows["closed"]}
    called = {c: tuple(int(v) for v in rest) for c, *rest in rows["called"]}
    return [SatisfactionLine(category, label(category, ctx.lang), *closed.get(category, (0, 0)), *called.get(category, (0, 0, 0)))
            for category in sorted(set(closed) | set(called))]


def _manager_reads(joined: Subquery, span: MonthBounds) -> dict[str, Branch]:
    """Each account manager's members' tickets closed and called back in the month, their tasks due in
    it, and who they are (those with a company, and those with a task due and no company).

    A ticket of a number in two of a manager's companies counts once (``count(distinct)``). Tasks
    come as rows (a month holds a few hundred) so the on-time rule stays the domain's, in the hall's day.
    """
    mine = (select(Company.account_manager_id.label("manager_id"), joined.c.number).join(joined, joined.c.company_id == Company.id)
            .where(Company.account_manager_id.is_not(None), joined.c.joined < span.end).subquery())
    customers = Ticket.customer_number == mine.c.number
    first, after = hall_today(span.start), hall_today(span.end)  # the month's days in the hall
    due = and_(ManagerTask.due_on >= first, ManagerTask.due_on < after)
    listed = or_(Staff.id.in_(select(Company.account_manager_id)), Staff.id.in_(select(ManagerTask.manager_id).where(due)))
    return {
        "managers_closed": select(mine.c.manager_id, *_closings(span)).join(Ticket, customers)
        .where(Ticket.closed_at >= span.start, Ticket.closed_at < span.end).group_by(mine.c.manager_id),
        "managers_called": select(mine.c.manager_id, *_callbacks()).join(Ticket, customers)
        .join(TicketEvent, TicketEvent.ticket_id == Ticket.id)
        .where(TicketEvent.action == Action.CALLBACK.value, TicketEvent.at >= span.start, TicketEvent.at < span.end)
        .group_by(mine.c.manager_id),
        "tasks": select(ManagerTask.manager_id, ManagerTask.due_on, ManagerTask.done_at).where(due),
        "managers": select(type_coerce(func.row_number().over(order_by=Staff.staff_no), Integer), Staff.id, Staff.staff_no,
                           Staff.name).where(listed),
    }


def _managers(rows: Rows, company_lines: list[CompanyLine]) -> list[ManagerLine]:
    """Each account manager's companies added up, with their customers' tickets and their tasks of the month."""
    closed = {m: (int(n), int(t)) for m, n, t in rows["managers_closed"]}
    called = {m: (int(s), int(u)) for m, s, u, _ in rows["managers_called"]}
    tasks: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for manager_id, due_on, done_at in rows["tasks"]:
        tasks[manager_id][0] += 1
        tasks[manager_id][1] += done_on_time(due_on, done_at)
    portfolio: dict[int, list[CompanyLine]] = defaultdict(list)
    for line in company_lines:
        if line.manager_id is not None:
            portfolio[line.manager_id].append(line)
    staff = sorted(rows["managers"], key=lambda row: row[0])
    return [ManagerLine(no, name, len(portfolio[sid]), sum(c.members for c in portfolio[sid]), sum(c.gained for c in portfolio[sid]),
                        *closed.get(sid, (0, 0)), *called.get(sid, (0, 0)), *tasks.get(sid, (0, 0)))
            for _place, sid, no, name in staff]
