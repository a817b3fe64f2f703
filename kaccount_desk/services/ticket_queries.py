"""Queues, search and reports over tickets, in pages: a table asks for a count and the page it shows.

Counts are capped (:data:`COUNT_CAP`): a queue of a million tickets says "1000+" instead of
counting them all, which keeps the first page instant; the lazy table fetches more as it scrolls.
Search uses the bigram index (see ``domain/search_text.py``): any Chinese or digit substring of
the content, answers, replies, customer name or number is found, and search syntax typed by a
clerk is plain text.
"""

from __future__ import annotations

from dataclasses import astuple, dataclass, fields
from datetime import datetime, time, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import Select, and_, case, exists, false, func, or_, select
from sqlalchemy.orm import Session, aliased

from kaccount_desk.domain.operator_time import OPERATOR_TZ, local
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.domain.roles import Permission, Role
from kaccount_desk.domain.search_text import normalize, searchable
from kaccount_desk.domain.ticket_deadlines import on_time_rate
from kaccount_desk.domain.ticket_pauses import ESCALATE_AFTER, queue_state
from kaccount_desk.domain.tickets import CallbackResult, Category, TicketStatus, Window, label, parse_choice
from kaccount_desk.services.context import Context
from kaccount_desk.services.managers import portfolio_numbers
from kaccount_desk.store.answer_models import TicketAppointment
from kaccount_desk.store.models import Staff
from kaccount_desk.store.search import contains, count_matching_entries, matching_entries
from kaccount_desk.store.ticket_models import RentWaiver, Ticket, TicketDepartment, TicketEvent, TicketReferral

COUNT_CAP = 1000
SEARCH_LIMIT = 50
ONE_CHAR_SCAN = 2000
NUMBER_PREFIX_DIGITS = 7


class Queue(StrEnum):
    MINE = "mine"
    WINDOW = "window"
    DEPARTMENT = "department"
    DUE_TODAY = "due_today"
    OVERDUE = "overdue"
    # Open complaints from their 10th day: what a supervisor must see before the 15-day appeal bound.
    ESCALATION = "escalation"
    # Late tickets of the owners a supervisor answers for (an admin: of owners with no supervisor), by owner.
    TEAM_OVERDUE = "team_overdue"
    # Open tickets of an account manager's customers (我的客户): their companies' members and their numbers.
    MY_CUSTOMERS = "my_customers"
    ALL = "all"


class Sort(StrEnum):
    DUE = "due"
    RECEIVED = "received"


@dataclass(frozen=True)
class TicketQuery:
    queue: Queue = Queue.MINE
    category: str | None = None
    status: str | None = None
    channel: str | None = None
    window: str | None = None
    owner: str | None = None
    received_from: datetime | None = None
    received_to: datetime | None = None
    sort: Sort = Sort.DUE
    descending: bool = False


@dataclass(frozen=True)
class TicketRow:
    id: int
    received_at: datetime
    category: str
    channel: str
    window: str
    customer_name: str
    customer_number: str
    owner: str
    status: str
    due_at: datetime
    urgency: str
    summary: str
    # A key-account ticket (绿色通道): first among tickets due at the same time, marked in the queue.
    key_account: bool = False
    # Its booked repair visit's window is over and no visit was recorded (issue 23 item 8): red in the queue.
    missed_visit: bool = False


@dataclass(frozen=True)
class Count:
    value: int
    capped: bool

    def __str__(self) -> str:
        return f"{self.value}+" if self.capped else str(self.value)


@dataclass(frozen=True)
class SearchResult:
    hits: tuple[TicketRow, ...]
    count: Count
    hint: Reason | None = None


_OPEN = [s.value for s in TicketStatus if s is not TicketStatus.CLOSED]
# Open and on the operator's clock: a ticket waiting on the customer is neither due nor late.
_RUNNING = [s for s in _OPEN if s != TicketStatus.WAITING]


def my_window(ctx: Context) -> str | None:
    """The window a staff member works at, read from their department (e.g. 客服热线 or hotline)."""
    found = parse_choice(Window, ctx.actor.department or "")
    return found.value if found else None


def _team(ctx: Context) -> Select:
    """The staff whose tickets this person answers for: a supervisor, the owners of their own department;
    an admin, those too and the owners of every department without an active supervisor (or none)."""
    mine = Staff.department == ctx.actor.department if ctx.actor.department else false()
    if ctx.actor.role != Role.ADMIN:
        return select(Staff.id).where(mine).correlate(None)
    boss = aliased(Staff)
    supervised = select(boss.department).where(boss.role == Role.SUPERVISOR.value, boss.active, boss.department.is_not(None))
    return select(Staff.id).where(or_(mine, Staff.department.is_(None), Staff.department.not_in(supervised))).correlate(None)


def _where(ctx: Context, q: TicketQuery, stmt: Select) -> Select:
    now = ctx.now()
    if q.queue is Queue.MINE:
        stmt = stmt.where(Ticket.owner_id == ctx.actor.id, Ticket.status.in_(_OPEN))
    elif q.queue is Queue.WINDOW:
        stmt = stmt.where(Ticket.window == (q.window or my_window(ctx) or ""), Ticket.status.in_(_OPEN))
    elif q.queue is Queue.DEPARTMENT:
        # The few tickets waiting on this department, found from the referrals' index: a correlated
        # EXISTS made the store test every ticket, 280 ms on a million of them (issue 11).
        pending = (
            select(TicketReferral.ticket_id)
            .join(TicketDepartment, TicketDepartment.id == TicketReferral.department_id)
            .where(TicketReferral.answered_at.is_(None), TicketDepartment.name == (ctx.actor.department or ""))
        )
        stmt = stmt.where(Ticket.id.in_(pending))
    elif q.queue is Queue.DUE_TODAY:
        end = datetime.combine(now.astimezone(OPERATOR_TZ).date() + timedelta(days=1), time(), OPERATOR_TZ)
        stmt = stmt.where(Ticket.status.in_(_RUNNING), Ticket.due_at >= now, Ticket.due_at < end)
    elif q.queue is Queue.OVERDUE:
        stmt = stmt.where(Ticket.status.in_(_RUNNING), Ticket.due_at < now)
    elif q.queue is Queue.ESCALATION:
        stmt = stmt.where(
            Ticket.status.in_(_OPEN), Ticket.category == Category.COMPLAINT.value, Ticket.received_at <= now - ESCALATE_AFTER
        )
        stmt = stmt.where(Ticket.owner_id.in_(_team(ctx)))
    elif q.queue is Queue.TEAM_OVERDUE:
        # At the due minute, as the owner's reminder says "overdue" (ticket_deadlines.urgency).
        stmt = stmt.where(Ticket.status.in_(_RUNNING), Ticket.due_at <= now, Ticket.owner_id.in_(_team(ctx)))
    elif q.queue is Queue.MY_CUSTOMERS:
        stmt = stmt.where(Ticket.status.in_(_OPEN), Ticket.customer_number.in_(portfolio_numbers(ctx.actor.id)))
    for column, value in ((Ticket.category, q.category), (Ticket.status, q.status), (Ticket.channel, q.channel), (Ticket.window, q.window)):
        if value:
            stmt = stmt.where(column == value)
    if q.owner:
        stmt = stmt.where(Ticket.owner_id.in_(select(Staff.id).where(Staff.staff_no == q.owner)))
    if q.received_from:
        stmt = stmt.where(Ticket.received_at >= q.received_from)
    if q.received_to:
        stmt = stmt.where(Ticket.received_at < q.received_to)
    return stmt


def count_tickets(ctx: Context, q: TicketQuery, cap: int = COUNT_CAP) -> Count:
    ctx.require(Permission.HANDLE_TICKETS)
    inner = _where(ctx, q, select(Ticket.id)).limit(cap + 1).subquery()
    with ctx.store.read() as session:
        n = session.scalar(select(func.count()).select_from(inner)) or 0
    return Count(min(n, cap), n > cap)


def query_holds(ctx: Context, q: TicketQuery, ticket_id: int) -> bool:
    """Whether a ticket is among the query's rows, so the panel beside a list never shows one the list lost."""
    ctx.require(Permission.HANDLE_TICKETS)
    with ctx.store.read() as session:
        return session.scalar(_where(ctx, q, select(Ticket.id)).where(Ticket.id == ticket_id)) is not None


_ROW = (Ticket.id, Ticket.received_at, Ticket.category, Ticket.channel, Ticket.window, Ticket.customer_name,
        Ticket.customer_number, Staff.staff_no, Ticket.status, Ticket.due_at, func.substr(Ticket.content, 1, 60), Ticket.key_account)


def _missed_visit(now: datetime) -> Any:
    """An open booking of the ticket whose window ended before ``now`` (the end minute itself is in time)."""
    return exists(
        select(TicketAppointment.id).where(
            TicketAppointment.ticket_id == Ticket.id, TicketAppointment.visited_at.is_(None),
            TicketAppointment.moved_at.is_(None), TicketAppointment.ends_at < now,
        )
    )


def _rows(session: Session, stmt: Select, now: datetime) -> list[TicketRow]:
    out = []
    for r in session.execute(stmt.add_columns(_missed_visit(now))):
        due = r[9]
        out.append(
            TicketRow(r[0], local(r[1]), r[2], r[3], r[4], r[5], r[6], r[7], r[8], local(due),
                      queue_state(due, now, r[8], r[2], r[1]), r[10], bool(r[11]), bool(r[12]) and r[8] != TicketStatus.CLOSED)
        )
    return out


def page_tickets(ctx: Context, q: TicketQuery, offset: int, limit: int) -> list[TicketRow]:
    """One page in the query's order; ties broken by id so pages never overlap.

    By due time, a key account comes first among tickets due at the same time (绿色通道, issue 23 item 5).
    """
    ctx.require(Permission.HANDLE_TICKETS)
    column = Ticket.due_at if q.sort is Sort.DUE else Ticket.received_at
    order: tuple[Any, ...] = (column.desc(), Ticket.id.desc()) if q.descending else (column.asc(), Ticket.id.asc())
    if q.sort is Sort.DUE:
        order = (order[0], Ticket.key_account.desc(), order[1])
    if q.queue is Queue.TEAM_OVERDUE:
        order = (Staff.staff_no, *order)  # by owner: whom the supervisor goes to see
    stmt = _where(ctx, q, select(*_ROW).join(Staff, Staff.id == Ticket.owner_id)).order_by(*order).offset(offset).limit(limit)
    with ctx.store.read() as session:
        return _rows(session, stmt, ctx.now())


def _digits(term: str) -> str | None:
    compact = "".join(normalize(term).split()).replace("-", "")
    return compact if compact.isascii() and compact.isdigit() else None


def _ticket_ids_for_events(session: Session, event_ids: list[int]) -> list[int]:
    owners = dict(iter(session.execute(select(TicketEvent.id, TicketEvent.ticket_id).where(TicketEvent.id.in_(event_ids)))))
    return list(dict.fromkeys(owners[e] for e in event_ids if e in owners))


def search_tickets(ctx: Context, term: str, limit: int = SEARCH_LIMIT) -> SearchResult:
    """Newest tickets containing ``term``, at most ``limit``, with a capped count of all hits."""
    ctx.require(Permission.HANDLE_TICKETS)
    term = term.strip()
    if not term:
        return SearchResult((), Count(0, False), Reason("search.empty", "请输入要查找的内容", "Type something to search for"))
    with ctx.store.read() as session:
        if not searchable(term):
            return _one_char(ctx, session, term, limit)
        # Hits come from the newest index entries. When those are all the entries there are, the
        # count is of the tickets found, exact (one ticket whose note repeats the term said "3 found,
        # newest 1 shown"); beyond that it is of entries, capped, which is what "1000+" needs and costs little.
        digits = _digits(term)
        # Digit pairs are in every ticket, so a long digit phrase is slow in the index (139 ms on
        # a million tickets); a number that long is a customer number, answered by its column.
        by_text = not digits or len(digits) < NUMBER_PREFIX_DIGITS
        entries = matching_entries(session, term, 2 * limit) if by_text else []
        ids = _ticket_ids_for_events(session, entries) if entries else []
        matched = len(ids) if len(entries) < 2 * limit else count_matching_entries(session, term, COUNT_CAP)
        if digits:
            upper = digits[:-1] + chr(ord(digits[-1]) + 1)
            by_number = list(
                session.scalars(
                    select(Ticket.id).where(Ticket.customer_number >= digits, Ticket.customer_number < upper)
                    .order_by(Ticket.id.desc()).limit(limit)
                )
            )
            matched += len(set(by_number) - set(ids))
            ids = list(dict.fromkeys([*ids, *by_number]))
        count = Count(min(matched, COUNT_CAP), matched > COUNT_CAP)
        chosen = sorted(ids, reverse=True)[:limit]
        stmt = select(*_ROW).join(Staff, Staff.id == Ticket.owner_id).where(Ticket.id.in_(chosen)).order_by(Ticket.id.desc())
        return SearchResult(tuple(_rows(session, stmt, ctx.now())), count)


def _one_char(ctx: Context, session: Session, term: str, limit: int) -> SearchResult:
    """A single character matches nearly everything; look only at the newest tickets, and say so."""
    newest = select(Ticket.id).order_by(Ticket.id.desc()).limit(ONE_CHAR_SCAN).subquery()
    typed = normalize(term)
    stmt = (
        select(*_ROW).join(Staff, Staff.id == Ticket.owner_id).where(Ticket.id.in_(select(newest.c.id)))
        .where(or_(*(contains(column, typed) for column in (func.lower(Ticket.content), Ticket.customer_name, Ticket.customer_number))))
        .order_by(Ticket.id.desc()).limit(limit)
    )
    rows = _rows(session, stmt, ctx.now())
    hint = Reason(
        "search.one_char",
        f"只查了最近{ONE_CHAR_SCAN}张工单;多输入一个字可查全部",
        f"Only the newest {ONE_CHAR_SCAN} tickets were searched; type one more character to search them all",
    )
    return SearchResult(tuple(rows), Count(len(rows), len(rows) >= limit), hint)


@dataclass(frozen=True)
class ReportRow:
    key: str
    label: str
    received: int
    first_contact: int
    referred: int
    closed_on_time: int
    overdue_now: int
    satisfied: int
    unsatisfied: int
    unreachable: int
    waivers: int
    open_in_time: int = 0  # still open and not yet due: left out of the on-time rate
    missed_visits: int = 0  # tickets with a repair visit not recorded by the end of its window

    @property
    def on_time_rate(self) -> float | None:
        return on_time_rate(self.closed_on_time, self.received, self.open_in_time)

    @property
    def satisfaction_rate(self) -> float | None:
        """Share satisfied among the customers reached at the callback (not reachable is not counted either way)."""
        reached = self.satisfied + self.unsatisfied
        return self.satisfied / reached if reached else None


@dataclass(frozen=True)
class Report:
    start: datetime
    end: datetime
    by_window: tuple[ReportRow, ...]
    by_staff: tuple[ReportRow, ...]

    def total(self, label: str) -> ReportRow:
        """Every ticket of the period once (each has one window), with the same rates as a row."""
        sums = [sum(column) for column in zip(*(astuple(r)[2:] for r in self.by_window), strict=True)] or [0] * (len(fields(ReportRow)) - 2)
        return ReportRow("", label, *sums)


def _counts(now: datetime) -> tuple[Any, ...]:
    def flag(cond: Any) -> Any:
        return func.coalesce(func.sum(case((cond, 1), else_=0)), 0)

    closed = Ticket.status == TicketStatus.CLOSED
    waived = exists(select(RentWaiver.id).where(RentWaiver.ticket_id == Ticket.id))
    return (
        func.count(Ticket.id),
        flag(and_(closed, Ticket.referred.is_(False))),
        flag(Ticket.referred.is_(True)),
        flag(and_(closed, Ticket.closed_at <= Ticket.due_at)),
        # A ticket waiting on the customer is not late: its clock stopped before its due time.
        flag(and_(Ticket.status.in_(_RUNNING), Ticket.due_at < now)),
        flag(Ticket.last_callback == CallbackResult.SATISFIED),
        flag(Ticket.last_callback == CallbackResult.UNSATISFIED),
        flag(Ticket.last_callback == CallbackResult.UNREACHABLE),
        flag(waived),
        flag(and_(Ticket.status != TicketStatus.CLOSED, or_(Ticket.status == TicketStatus.WAITING, Ticket.due_at >= now))),
        flag(_ever_missed(now)),
    )


def _ever_missed(now: datetime) -> Any:
    """A booking of the ticket that nothing settled by its window's end: not visited, moved or closed in time
    (domain.appointments.missed, in SQL: the first of visit, move, close or now came after the end)."""
    settled = func.coalesce(TicketAppointment.visited_at, TicketAppointment.moved_at, Ticket.closed_at, now)
    return exists(select(TicketAppointment.id).where(TicketAppointment.ticket_id == Ticket.id, settled > TicketAppointment.ends_at))


def ticket_report(ctx: Context, start: datetime, end: datetime) -> Report:
    """Tickets received in [start, end), per window and per owner; "first contact" = closed without referral."""
    ctx.require(Permission.HANDLE_TICKETS)
    now = ctx.now()
    period = and_(Ticket.received_at >= start, Ticket.received_at < end)
    with ctx.store.read() as session:
        windows = session.execute(select(Ticket.window, *_counts(now)).where(period).group_by(Ticket.window).order_by(Ticket.window))
        by_window = tuple(ReportRow(w, label(w, ctx.lang), *map(int, rest)) for w, *rest in windows)
        people = session.execute(
            select(Staff.staff_no, Staff.name, *_counts(now)).join(Staff, Staff.id == Ticket.owner_id).where(period)
            .group_by(Staff.staff_no, Staff.name).order_by(Staff.staff_no)
        )
        by_staff = tuple(ReportRow(no, name, *map(int, rest)) for no, name, *rest in people)
    return Report(local(start), local(end), by_window, by_staff)


REPORT_HEADERS = ("分组", "编号", "名称", "受理", "首问办结", "转派部门", "按时办结", "当前超时", "满意", "不满意", "联系不上", "应免月租",
                  "在办未到期", "预约未上门", "按时办结率", "满意率")


def _rate(value: float | None) -> str:
    return "" if value is None else f"{value:.0%}"


def export_report(ctx: Context, report: Report, path: Path) -> None:
    """The report as .xlsx (or .csv), written whole or not at all."""
    ctx.require(Permission.HANDLE_TICKETS)
    rows = [
        (group, r.key, r.label, r.received, r.first_contact, r.referred, r.closed_on_time, r.overdue_now,
         r.satisfied, r.unsatisfied, r.unreachable, r.waivers, r.open_in_time, r.missed_visits,
         _rate(r.on_time_rate), _rate(r.satisfaction_rate))
        for group, part in (("窗口", report.by_window), ("员工", report.by_staff), ("合计", (report.total("合计"),)))
        for r in part
    ]
    title = f"首问负责工单统计 {report.start:%Y-%m-%d} 至 {report.end:%Y-%m-%d}"
    from kaccount_desk.sheets.roster_writer import write_roster  # openpyxl loads when a sheet is written, not at start

    write_roster(path, REPORT_HEADERS, rows, title=title, sheet_name="工单统计")
