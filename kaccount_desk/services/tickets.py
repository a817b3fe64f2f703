"""First-contact tickets (首问负责制): receiving, referring, answering, replying, calling back, closing.

Each public function is one use case in one transaction: it checks the permission, re-checks the
domain rule, changes the ticket and appends one history row (who, when, what). Nothing here
updates or deletes a history row, and the database refuses it too; a correction is a new note.
The owner is the first receiver and stays so through every referral; only a supervisor may hand
a ticket on, and only when its owner has left (the staff account is inactive).

Times come back in +08:00, the operator's zone (China has one), whatever the store keeps.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from kaccount_desk.domain.mobile import check_mobile
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.domain.roles import GRANTS, Permission, Role
from kaccount_desk.domain.ticket_deadlines import (
    FaultFacts,
    TimeLimits,
    due_at,
    overdue_notice_missing,
    referral_due,
)
from kaccount_desk.domain.tickets import (
    NEXT_STATUS,
    Action,
    Area,
    CallbackResult,
    Category,
    Channel,
    TicketStatus,
    Window,
    callback_outcome,
    check_action,
    check_close,
    check_owner,
    check_received,
    check_situation,
    check_text,
    clean_text,
    parse_choice,
)
from kaccount_desk.services import answers
from kaccount_desk.services.caller_lookup import Caller, read_caller
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import Forbidden, Refused, not_found
from kaccount_desk.services.ticket_views import (
    TicketView,
    close_facts,
    open_booking,
    read_view,
    received_view,
    ticket_facts,
    view,
    visit_pending,
)
from kaccount_desk.store.bulk import read_with_new_ids
from kaccount_desk.store.models import Staff
from kaccount_desk.store.search import index_ticket_text
from kaccount_desk.store.ticket_models import RentWaiver, Ticket, TicketDepartment, TicketEvent, TicketReferral, TicketTimeLimit

E = TypeVar("E", bound=StrEnum)

__all__ = [
    "TicketInput", "TicketView", "Received", "receive", "open_ticket", "start", "refer", "answer", "reply", "callback", "close",
    "record_handset_cause", "record_overdue_notice", "add_note", "reassign", "possible_owners", "show", "departments", "time_limits",
]


@dataclass(frozen=True)
class TicketInput:
    category: str
    channel: str
    window: str
    customer_name: str
    customer_number: str
    content: str
    area: str | None = None
    key_account: bool = False
    received: datetime | None = None


def _choice(kind: type[E], raw: str | None, what_zh: str, what_en: str, problems: list[Reason]) -> E:
    """The member named by ``raw``, or a reason added to ``problems`` (the return is then unused)."""
    found = parse_choice(kind, raw or "")
    if found is None:
        problems.append(Reason(f"ticket.{what_en}", f"未知的{what_zh}“{raw}”", f"Unknown {what_en} {raw!r}"))
    return found  # type: ignore[return-value]


def time_limits(ctx: Context) -> TimeLimits:
    with ctx.store.read() as session:
        return _limits(session)


# The time limits as (category, area, hours, key-account hours).
_LIMITS = select(TicketTimeLimit.category, TicketTimeLimit.area, TicketTimeLimit.hours, TicketTimeLimit.key_account_hours)


def _limits(session: Session) -> TimeLimits:
    return _time_limits([tuple(row) for row in session.execute(_LIMITS)])


def _time_limits(rows: list[tuple[Any, ...]]) -> TimeLimits:
    return TimeLimits(
        tuple((Category(c), Area(a) if a else None, h) for c, a, h, _ in rows),
        tuple((Category(c), Area(a) if a else None, k) for c, a, _, k in rows if k is not None),
    )


def departments(ctx: Context) -> list[str]:
    """The departments tickets may be referred to, in their configured order."""
    with ctx.store.read() as session:
        return _departments(session)


def _departments(session: Session) -> list[str]:
    return list(session.scalars(select(TicketDepartment.name).where(TicketDepartment.active).order_by(TicketDepartment.position)))


def possible_owners(ctx: Context) -> list[tuple[str, str]]:
    """Active staff who can own tickets, as (工号, name): whom a supervisor may hand a ticket to."""
    ctx.require(Permission.REASSIGN_TICKETS)
    with ctx.store.read() as session:
        return _possible_owners(session)


def _possible_owners(session: Session) -> list[tuple[str, str]]:
    rows = session.execute(select(Staff.staff_no, Staff.name, Staff.role).where(Staff.active).order_by(Staff.staff_no))
    return [(no, name) for no, name, role in rows if Permission.HANDLE_TICKETS in GRANTS[Role(role)]]


def _event(
    ctx: Context, session: Session, ticket: Ticket, action: Action, body: str = "", searchable: str | None = None, **data: object
) -> None:
    event = TicketEvent(ticket_id=ticket.id, action=action.value, staff_id=ctx.actor.id, at=ctx.now(), text=body, data=data)
    session.add(event)
    session.flush()
    if searchable is not None:
        index_ticket_text(session, event.id, searchable)


@dataclass(frozen=True)
class Received:
    """A ticket just opened, and what the store knew of its caller before it was (the same number's tickets)."""

    view: TicketView
    caller: Caller


def open_ticket(ctx: Context, inp: TicketInput) -> TicketView:
    """Receive a matter: the logged-in staff member becomes its first receiver and owner."""
    return receive(ctx, inp).view


def receive(ctx: Context, inp: TicketInput) -> Received:
    """Open the ticket, with its caller looked up in the same transaction.

    A number that belongs to a live or activated application, or that has a tier in its latest
    billing month, is a key account whoever ticked what (绿色通道): the ticket keeps the company and
    campaign (an application's) and gets the key-account time limit.
    ``inp.key_account`` is for key-account customers the store does not hold.
    """
    ctx.require(Permission.HANDLE_TICKETS)
    problems: list[Reason] = []
    category = _choice(Category, inp.category, "类别", "category", problems)
    channel = _choice(Channel, inp.channel, "渠道", "channel", problems)
    window = _choice(Window, inp.window, "窗口", "window", problems)
    area = _choice(Area, inp.area, "区域", "area", problems) if inp.area else None
    name = clean_text(inp.customer_name)
    if not name:
        problems.append(Reason("ticket.customer_empty", "客户姓名不能为空", "The customer's name is empty"))
    number = check_mobile(inp.customer_number, ctx.store.segments, for_calls=False)
    problems.extend(number.reasons)
    content = check_text(inp.content, "受理内容", "content")
    problems.extend(content.reasons)
    now = ctx.now()
    received = inp.received or now
    if received.tzinfo is None:
        problems.append(Reason("ticket.received_naive", "受理时间须带时区", "The time received needs a UTC offset"))
    else:
        problems.extend(check_received(received, now))
    if problems:
        raise Refused(*problems)
    assert number.value is not None and content.value is not None
    # Pipelined: on a server, BEGIN rides with the caller's look-up, the rows with the audit head's lock,
    # the audit entries with COMMIT (store/pipelined.py): four round trips in all.
    with ctx.transaction(pipelined=True) as session:
        caller = read_caller(session, number.value.number, now)
        # The limits, with the ids the ticket and its history row will have: nothing is read back after the INSERTs.
        limits, (ticket_id, event_id) = read_with_new_ids(session, _LIMITS, Ticket.__table__, TicketEvent.__table__)
        known = caller.key_account
        key_account = inp.key_account or caller.is_key_account
        ticket = Ticket(
            id=ticket_id, received_at=received, channel=channel.value, window=window.value, category=category.value,
            area=area.value if area else None, customer_name=name, customer_number=number.value.number,
            key_account=key_account, company=known.company if known else None, campaign=known.campaign if known else None,
            content=content.value, status=TicketStatus.OPEN.value, first_receiver_id=ctx.actor.id, owner_id=ctx.actor.id,
            due_at=due_at(received, category, area, _time_limits(limits), key_account), referred=False, replied=False,
            callback_tries=0, handset_cause=False, updated_at=now,
        )
        session.add(ticket)
        session.flush()
        event = TicketEvent(id=event_id, ticket_id=ticket.id, action=Action.RECEIVE.value, staff_id=ctx.actor.id, at=now,
                            text=content.value, data={"received_at": received.isoformat()})
        session.add(event)
        session.flush()
        index_ticket_text(session, event.id, f"{content.value} {name} {number.value.number}")
        return Received(received_view(ticket, event, now, ctx.actor), caller)


def _ticket(session: Session, ticket_id: int) -> Ticket:
    ticket = session.get(Ticket, ticket_id)
    if ticket is None:
        raise not_found("工单", "ticket", ticket_id)
    return ticket


def _pending(session: Session, ticket: Ticket) -> int:
    """Referrals still waiting for their department's answer."""
    waiting = select(TicketReferral.id).where(TicketReferral.ticket_id == ticket.id, TicketReferral.answered_at.is_(None))
    return len(list(session.scalars(waiting)))


def _act(ctx: Context, ticket_id: int, action: Action, work: Callable[[Session, Ticket], None]) -> TicketView:
    """The common shape of every action: permission, the domain's ``allowed_actions`` rules, change, history row."""
    ctx.require(Permission.HANDLE_TICKETS)
    with ctx.transaction() as session:
        ticket = _ticket(session, ticket_id)
        # Only recording a visit weighs the booking, so the other actions spare its statement.
        booked = action is Action.VISITED and visit_pending(open_booking(session, ticket.id), ticket)
        facts = ticket_facts(ticket, ctx.actor, _pending(session, ticket), ctx.now(), booked)
        not_owner = check_owner(action, facts.is_owner)
        if not_owner:
            raise Forbidden(*not_owner)
        problems = check_action(facts.status, action) or check_situation(facts, action)
        if problems:
            raise Refused(*problems)
        work(session, ticket)
        if action in NEXT_STATUS:
            ticket.status = NEXT_STATUS[action].value
        ticket.updated_at = ctx.now()
        session.flush()
        return view(session, ticket, ctx.now(), ctx.actor)


def _required(raw: str | None, what_zh: str, what_en: str) -> str:
    verdict = check_text(raw, what_zh, what_en)
    if verdict.value is None:
        raise Refused(*verdict.reasons)
    return verdict.value


def start(ctx: Context, ticket_id: int) -> TicketView:
    return _act(ctx, ticket_id, Action.START, lambda s, t: _event(ctx, s, t, Action.START))


def _department(session: Session, name: str, retired_too: bool = False) -> TicketDepartment:
    """A department to refer to; ``retired_too`` for answers, which a retired department still owes."""
    query = select(TicketDepartment).where(TicketDepartment.name == clean_text(name))
    found = session.scalar(query if retired_too else query.where(TicketDepartment.active))
    if found is None:
        known = "、".join(session.scalars(select(TicketDepartment.name).where(TicketDepartment.active).order_by(TicketDepartment.position)))
        zh, en = f"未知的部门“{name}”,可转派:{known}", f"Unknown department {name!r}; known: {known}"
        raise Refused(Reason("ticket.unknown_department", zh, en))
    return found


def refer(ctx: Context, ticket_id: int, department: str, ask: str, due: datetime | None = None) -> TicketView:
    """Urge a department to answer; the owner stays the owner (首问负责: the ticket is not handed off)."""
    asked = _required(ask, "转派事项", "question asked")
    now = ctx.now()
    if due is not None and (due.tzinfo is None or due <= now):
        raise Refused(
            Reason("ticket.referral_due", "答复期限须晚于现在(并带时区)", "The answer's due time must be later than now (with an offset)")
        )

    def work(session: Session, ticket: Ticket) -> None:
        dept = _department(session, department)
        when = due or referral_due(now, ticket.due_at)
        session.add(
            TicketReferral(ticket_id=ticket.id, department_id=dept.id, ask=asked, due_at=when, referred_by=ctx.actor.id, referred_at=now)
        )
        ticket.referred = True
        _event(ctx, session, ticket, Action.REFER, asked, department=dept.name, due_at=when.isoformat())

    return _act(ctx, ticket_id, Action.REFER, work)


def answer(ctx: Context, ticket_id: int, department: str, answer_text: str) -> TicketView:
    """Record a department's answer; only a department the ticket was referred to may answer."""
    body = _required(answer_text, "部门答复", "answer")

    def work(session: Session, ticket: Ticket) -> None:
        dept = _department(session, department, retired_too=True)
        open_referrals = list(
            session.scalars(
                select(TicketReferral)
                .where(TicketReferral.ticket_id == ticket.id, TicketReferral.answered_at.is_(None))
                .order_by(TicketReferral.id)
            )
        )
        mine = [r for r in open_referrals if r.department_id == dept.id]
        if not mine:
            raise Refused(
                Reason("ticket.not_referred", f"此工单没有待“{dept.name}”答复的转派", f"The ticket has no open referral to {dept.name}")
            )
        mine[0].answer, mine[0].answered_by, mine[0].answered_at = body, ctx.actor.id, ctx.now()
        if len(open_referrals) == 1:
            ticket.status = TicketStatus.ANSWERED.value
        _event(ctx, session, ticket, Action.ANSWER, body, body, department=dept.name)

    return _act(ctx, ticket_id, Action.ANSWER, work)


def reply(ctx: Context, ticket_id: int, reply_text: str, standard_answer: int | None = None) -> TicketView:
    """Record the reply to the customer; one using a forbidden service phrase is held (``answers.HeldReply``).

    ``standard_answer`` names the library's answer the reply started from: the history keeps it,
    and whether the clerk changed its words, so a supervisor sees which answers every channel gives.
    """
    body = _required(reply_text, "回复内容", "reply")

    def work(session: Session, ticket: Ticket) -> None:
        answers.check_reply(session, reply_text)  # as typed: the hits index what the clerk sees in the box
        used: dict[str, object] = {}
        if standard_answer is not None:
            chosen = answers.standard_answer(session, standard_answer)
            used = {"standard_answer": chosen.id, "standard_topic": chosen.topic, "edited": clean_text(chosen.text) != body}
        ticket.replied = True
        ticket.last_callback = None
        ticket.callback_tries = 0
        _event(ctx, session, ticket, Action.REPLY, body, body, **used)

    return _act(ctx, ticket_id, Action.REPLY, work)


def callback(ctx: Context, ticket_id: int, result: str, note: str = "") -> TicketView:
    """Record the customer's confirmation; "not satisfied" reopens the ticket to the same owner."""
    outcome = parse_choice(CallbackResult, result)
    if outcome is None:
        raise Refused(Reason("ticket.callback_result", f"未知的回访结果“{result}”", f"Unknown callback result {result!r}"))

    def work(session: Session, ticket: Ticket) -> None:
        ticket.callback_tries = ticket.callback_tries + 1 if outcome is CallbackResult.UNREACHABLE else ticket.callback_tries
        ticket.last_callback = outcome.value
        _event(ctx, session, ticket, Action.CALLBACK, clean_text(note), result=outcome.value, tries=ticket.callback_tries)
        if callback_outcome(outcome) is Action.REOPEN:
            ticket.status = TicketStatus.IN_PROGRESS.value
            ticket.replied = False
            _event(ctx, session, ticket, Action.REOPEN, clean_text(note))

    return _act(ctx, ticket_id, Action.CALLBACK, work)


def _fault_facts(ticket: Ticket, closed_at: datetime | None = None) -> FaultFacts:
    return FaultFacts(ticket.received_at, ticket.due_at, closed_at or ticket.closed_at, ticket.handset_cause)


def close(ctx: Context, ticket_id: int, reason: str | None = None) -> TicketView:
    """Close after a reply and a callback record, or with a written reason; an overdue fault needs its notice."""
    now = ctx.now()

    def work(session: Session, ticket: Ticket) -> None:
        problems = list(check_close(close_facts(ticket, _pending(session, ticket)), reason))
        if ticket.category == Category.FAULT:
            problems.extend(overdue_notice_missing(_fault_facts(ticket, now), now, ticket.overdue_notice_at is not None))
        if problems:
            raise Refused(*problems)
        ticket.closed_at = now
        ticket.close_reason = clean_text(reason) or None
        waiver = session.scalar(select(RentWaiver).where(RentWaiver.ticket_id == ticket.id))
        if waiver is not None:
            waiver.period_end = now
        _event(ctx, session, ticket, Action.CLOSE, clean_text(reason))

    return _act(ctx, ticket_id, Action.CLOSE, work)


def record_handset_cause(ctx: Context, ticket_id: int, note: str) -> TicketView:
    """The customer's own handset caused the fault: the repair limit and the waiver no longer apply."""
    body = _required(note, "手机原因说明", "note on the handset cause")

    def work(session: Session, ticket: Ticket) -> None:
        ticket.handset_cause = True
        _event(ctx, session, ticket, Action.HANDSET_CAUSE, body)

    return _act(ctx, ticket_id, Action.HANDSET_CAUSE, work)


def record_overdue_notice(ctx: Context, ticket_id: int, note: str) -> TicketView:
    """The customer was told the fault is late; its outage's monthly rent is marked for waiver."""
    body = _required(note, "告知内容", "notice")
    now = ctx.now()

    def work(session: Session, ticket: Ticket) -> None:
        answers.check_reply(session, note)  # what the customer is told: no forbidden phrase either
        if ticket.overdue_notice_at is None:
            ticket.overdue_notice_at = now
            session.add(
                RentWaiver(
                    ticket_id=ticket.id, customer_number=ticket.customer_number, period_start=ticket.received_at,
                    noticed_by=ctx.actor.id, noticed_at=now,
                )
            )
        _event(ctx, session, ticket, Action.OVERDUE_NOTICE, body, waiver_from=ticket.received_at.isoformat())

    return _act(ctx, ticket_id, Action.OVERDUE_NOTICE, work)


def add_note(ctx: Context, ticket_id: int, note: str) -> TicketView:
    """A note or a correction: history is never edited, so a mistake is put right by a new entry."""
    body = _required(note, "备注", "note")
    return _act(ctx, ticket_id, Action.NOTE, lambda s, t: _event(ctx, s, t, Action.NOTE, body))


def reassign(ctx: Context, ticket_id: int, new_owner: str, reason: str) -> TicketView:
    """A supervisor hands a ticket on, only when its owner has left; the first receiver stays recorded."""
    ctx.require(Permission.REASSIGN_TICKETS)
    why = _required(reason, "调整原因", "reason")

    def work(session: Session, ticket: Ticket) -> None:
        owner = session.get(Staff, ticket.owner_id)
        if owner is not None and owner.active:
            raise Refused(
                Reason(
                    "ticket.owner_active",
                    "负责人仍在岗,不能调整(首问负责到底)",
                    "The owner is still active; the first receiver keeps the ticket",
                )
            )
        target = session.scalar(select(Staff).where(Staff.staff_no == clean_text(new_owner), Staff.active))
        if target is None:
            raise Refused(Reason("ticket.new_owner", f"找不到在岗员工“{new_owner}”", f"No active staff member {new_owner!r}"))
        old = owner.staff_no if owner else ""
        ticket.owner_id = target.id
        _event(ctx, session, ticket, Action.REASSIGN, why, from_owner=old, to_owner=target.staff_no)

    return _act(ctx, ticket_id, Action.REASSIGN, work)


def show(ctx: Context, ticket_id: int) -> TicketView:
    ctx.require(Permission.HANDLE_TICKETS)
    with ctx.store.read() as session:
        shown = read_view(session, ticket_id, ctx.now(), ctx.actor)
    if shown is None:
        raise not_found("工单", "ticket", ticket_id)
    return shown
