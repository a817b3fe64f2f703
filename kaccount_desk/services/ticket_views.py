"""Plain dataclasses a ticket is shown as, so neither face ever holds an ORM row.

Times are converted to +08:00, the operator's zone, here in one place.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from kaccount_desk.domain.appointments import Window as VisitWindow
from kaccount_desk.domain.appointments import settled, visit_state
from kaccount_desk.domain.operator_time import local
from kaccount_desk.domain.roles import Permission
from kaccount_desk.domain.ticket_deadlines import FaultFacts, fault_overdue, waiver_period
from kaccount_desk.domain.ticket_pauses import complaint_ceiling, operator_now, queue_state
from kaccount_desk.domain.tickets import (
    Action,
    CallbackResult,
    Category,
    CloseFacts,
    TicketFacts,
    TicketStatus,
    allowed_actions,
    check_close,
    label,
)
from kaccount_desk.services.context import Actor
from kaccount_desk.store.answer_models import TicketAppointment
from kaccount_desk.store.models import Staff
from kaccount_desk.store.ticket_models import RentWaiver, Ticket, TicketDepartment, TicketEvent, TicketReferral


@dataclass(frozen=True)
class EventView:
    id: int
    at: datetime
    action: str
    staff_no: str
    staff_name: str
    text: str
    data: dict[str, object]

    def details(self, lang: str = "zh") -> str:
        """The department or callback result an entry concerns, then its text: one line for a list or a page."""
        parts = [label(str(self.data[key]), lang) for key in ("department", "result") if self.data.get(key)]
        if self.data.get("standard_topic"):
            parts.append(("[标准答复:{}]" if lang == "zh" else "[standard answer: {}]").format(self.data["standard_topic"]))
        if self.text:
            parts.append(self.text)
        return "  ".join(parts)


@dataclass(frozen=True)
class ReferralView:
    department: str
    ask: str
    due_at: datetime
    referred_at: datetime
    answer: str | None
    answered_at: datetime | None


@dataclass(frozen=True)
class WaiverView:
    """The outage whose monthly rent billing must waive; ``period_end`` is None while unrepaired."""

    customer_number: str
    period_start: datetime
    period_end: datetime | None
    noticed_at: datetime


@dataclass(frozen=True)
class AppointmentView:
    """The ticket's latest repair visit booking; ``state`` is domain ``VisitState`` (booked, under_way, kept, missed, moved)."""

    start: datetime
    end: datetime
    visitor: str
    visited_at: datetime | None
    state: str


@dataclass(frozen=True)
class TicketView:
    id: int
    received_at: datetime
    channel: str
    window: str
    category: str
    area: str | None
    customer_name: str
    customer_number: str
    key_account: bool
    # The key-account customer's company and campaign as known at receipt (from an application); None otherwise.
    company: str | None
    campaign: str | None
    content: str
    status: str
    first_receiver: str
    owner: str
    owner_name: str
    due_at: datetime
    # "waiting", "escalated" (a complaint from day 10) or ticket_deadlines.urgency's word.
    urgency: str
    # While waiting on the customer: when the clock stopped (+08:00); None otherwise.
    waiting_since: datetime | None
    # A complaint's hard limit, 15 days from receipt whatever the pauses; None for other categories.
    ceiling: datetime | None
    overdue_fault: bool
    handset_cause: bool
    replied: bool
    last_callback: str | None
    callback_tries: int
    closed_at: datetime | None
    close_reason: str | None
    referrals: tuple[ReferralView, ...]
    waiver: WaiverView | None
    history: tuple[EventView, ...]
    # What the person who asked may do now (domain ``allowed_actions``): faces offer these and no others.
    allowed: frozenset[Action]
    # Closing now needs a written reason: no reply, no callback record or a department still owes an answer.
    close_needs_reason: bool
    # The latest repair visit booked for it (issue 23 item 8); None when none was ever booked.
    appointment: AppointmentView | None = None


def ticket_facts(ticket: Ticket, actor: Actor, pending_referrals: int, now: datetime, visit_pending: bool = False) -> TicketFacts:
    """The facts ``allowed_actions`` weighs, read off a stored ticket for one person.

    ``now`` is the operator's clock: a waiting ticket's stopped when it began waiting.
    """
    fault = ticket.category == Category.FAULT
    return TicketFacts(
        status=TicketStatus(ticket.status),
        is_owner=ticket.owner_id == actor.id,
        may_reassign=actor.may(Permission.REASSIGN_TICKETS),
        fault=fault,
        overdue_fault=fault and fault_overdue(FaultFacts(ticket.received_at, ticket.due_at, ticket.closed_at, ticket.handset_cause), now),
        handset_cause=ticket.handset_cause,
        pending_referrals=pending_referrals,
        visit_pending=visit_pending,
    )


def close_facts(ticket: Ticket, pending_referrals: int) -> CloseFacts:
    return CloseFacts(ticket.replied, CallbackResult(ticket.last_callback) if ticket.last_callback else None, pending_referrals)


def view(session: Session, ticket: Ticket, now: datetime, actor: Actor) -> TicketView:
    """What the face shows of ``ticket`` (already loaded, perhaps just changed and flushed)."""
    shown = read_view(session, ticket.id, now, actor)
    assert shown is not None, "a loaded ticket is in its own session"
    return shown


def read_view(session: Session, ticket_id: int, now: datetime, actor: Actor) -> TicketView | None:
    """One ticket as shown, in two statements whatever its history: across a VPN each is a round trip.

    The first reads the ticket with its owner, first receiver, waiver and referrals (one row per
    referral, departments named); the second its history with who wrote each line.
    """
    stored = stored_ticket(session, ticket_id)
    if stored is None:
        return None
    return stored.view(list(session.execute(history_query(ticket_id).order_by(TicketEvent.id))), now, actor)


# A history entry as read: id, at, action, text, data, and who wrote it (工号, name).
Written = tuple[int, datetime, str, str, dict[str, object], str, str]


def history_query(ticket_id: int) -> Select[int, datetime, str, str, dict[str, object], str, str]:
    """The ticket's history entries as :data:`Written` rows (unordered: the ticket panel sends it inside a union)."""
    return (
        select(TicketEvent.id, TicketEvent.at, TicketEvent.action, TicketEvent.text, TicketEvent.data, Staff.staff_no, Staff.name)
        .join(Staff, Staff.id == TicketEvent.staff_id)
        .where(TicketEvent.ticket_id == ticket_id)
    )


@dataclass(frozen=True)
class StoredTicket:
    """A ticket's row and what hangs off it, read in one statement; its history is read beside it."""

    ticket: Ticket
    owner: tuple[str, str]  # (工号, name)
    first_receiver: str
    beside: _Beside

    def view(self, history: Sequence[Sequence[Any]], now: datetime, actor: Actor) -> TicketView:
        """The view with ``history`` (:data:`Written` rows, in any order)."""
        written = sorted((_written(row) for row in history), key=lambda row: row[0])
        return _shown(self.ticket, _People(self.owner, self.first_receiver, written), self.beside, now, actor)


def _written(row: Sequence[Any]) -> Written:
    entry_id, at, action, text, data, staff_no, name = row
    return int(entry_id), at, action, text, dict(data or {}), staff_no, name


def stored_ticket(session: Session, ticket_id: int) -> StoredTicket | None:
    """The ticket with its owner, first receiver, waiver, latest booking and referrals (one row per referral)."""
    owner, first = aliased(Staff), aliased(Staff)
    booked = aliased(TicketAppointment)
    latest = select(func.max(booked.id)).where(booked.ticket_id == Ticket.id).correlate(Ticket).scalar_subquery()
    rows = session.execute(
        select(Ticket, owner, first, RentWaiver, TicketAppointment, TicketReferral, TicketDepartment.name)
        .join(owner, owner.id == Ticket.owner_id)
        .join(first, first.id == Ticket.first_receiver_id)
        .outerjoin(RentWaiver, RentWaiver.ticket_id == Ticket.id)
        .outerjoin(TicketAppointment, TicketAppointment.id == latest)
        .outerjoin(TicketReferral, TicketReferral.ticket_id == Ticket.id)
        .outerjoin(TicketDepartment, TicketDepartment.id == TicketReferral.department_id)
        .where(Ticket.id == ticket_id)
        .order_by(TicketReferral.id)
    ).all()
    if not rows:
        return None
    ticket, owner_row, first_row, waiver, booking = rows[0][:5]
    referrals = [(r, name) for *_, r, name in rows if r is not None]
    return StoredTicket(ticket, (owner_row.staff_no, owner_row.name), first_row.staff_no, _Beside(waiver, booking, referrals))


def received_view(ticket: Ticket, event: TicketEvent, now: datetime, actor: Actor) -> TicketView:
    """A ticket ``actor`` has just received (its one history entry ``event``), as :func:`read_view` would read it.

    Nothing is read back: a new ticket has no referral, waiver nor booking yet, and its owner and
    first receiver are the person receiving it. Across a VPN reading it back cost two round trips.
    """
    written = (event.id, event.at, event.action, event.text, dict(event.data), actor.staff_no, actor.name)
    stored = StoredTicket(ticket, (actor.staff_no, actor.name), actor.staff_no, _Beside(None, None, []))
    return stored.view([written], now, actor)


@dataclass(frozen=True)
class _People:
    """Who a ticket names: its owner (工号, name), its first receiver (工号), each history entry with its writer."""

    owner: tuple[str, str]
    first_receiver: str
    events: list[Written]


@dataclass(frozen=True)
class _Beside:
    """What hangs off a ticket: its rent waiver, its latest booking, its referrals with their departments named."""

    waiver: RentWaiver | None
    booking: TicketAppointment | None
    referrals: list[tuple[TicketReferral, str]]


def _shown(ticket: Ticket, people: _People, beside: _Beside, now: datetime, actor: Actor) -> TicketView:
    """The view of a ticket from its rows (read, or just written): the one place its facts are derived."""
    referrals, events, booking = beside.referrals, people.events, beside.booking
    pending = sum(1 for r, _ in referrals if r.answered_at is None)
    facts = FaultFacts(ticket.received_at, ticket.due_at, ticket.closed_at, ticket.handset_cause)
    waits = [at for _, at, action, *_ in events if action == Action.WAIT]
    since = waits[-1] if waits and ticket.status == TicketStatus.WAITING else None
    clock = operator_now(now, since)
    waiver = beside.waiver
    return TicketView(
        id=ticket.id,
        received_at=local(ticket.received_at),
        channel=ticket.channel,
        window=ticket.window,
        category=ticket.category,
        area=ticket.area,
        customer_name=ticket.customer_name,
        customer_number=ticket.customer_number,
        key_account=ticket.key_account,
        company=ticket.company,
        campaign=ticket.campaign,
        content=ticket.content,
        status=ticket.status,
        first_receiver=people.first_receiver,
        owner=people.owner[0],
        owner_name=people.owner[1],
        due_at=local(ticket.due_at),
        urgency=queue_state(ticket.due_at, now, ticket.status, ticket.category, ticket.received_at),
        waiting_since=local(since),
        ceiling=local(complaint_ceiling(ticket.received_at)) if ticket.category == Category.COMPLAINT else None,
        overdue_fault=ticket.category == Category.FAULT and waiver_period(facts, clock) is not None,
        handset_cause=ticket.handset_cause,
        replied=ticket.replied,
        last_callback=ticket.last_callback,
        callback_tries=ticket.callback_tries,
        closed_at=local(ticket.closed_at),
        close_reason=ticket.close_reason,
        referrals=tuple(
            ReferralView(name, r.ask, local(r.due_at), local(r.referred_at), r.answer, local(r.answered_at))
            for r, name in referrals
        ),
        waiver=None if waiver is None else WaiverView(
            waiver.customer_number, local(waiver.period_start), local(waiver.period_end), local(waiver.noticed_at)
        ),
        history=tuple(EventView(i, local(at), action, no, name, text, data) for i, at, action, text, data, no, name in events),
        allowed=allowed_actions(ticket_facts(ticket, actor, pending, clock, visit_pending(booking, ticket))),
        close_needs_reason=bool(check_close(close_facts(ticket, pending), None)),
        appointment=None if booking is None else appointment_view(booking, ticket, now),
    )


def open_booking(session: Session, ticket_id: int) -> TicketAppointment | None:
    """The ticket's booked visit that neither a visit nor a move has settled, if any (at most one)."""
    return session.scalar(
        select(TicketAppointment)
        .where(TicketAppointment.ticket_id == ticket_id, TicketAppointment.visited_at.is_(None), TicketAppointment.moved_at.is_(None))
        .order_by(TicketAppointment.id.desc()).limit(1)
    )


def visit_pending(booking: TicketAppointment | None, ticket: Ticket) -> bool:
    """A booked visit still to be recorded: not visited, not moved, its ticket open."""
    return booking is not None and settled(booking.visited_at, booking.moved_at, ticket.closed_at) is None


def appointment_view(booking: TicketAppointment, ticket: Ticket, now: datetime) -> AppointmentView:
    state = visit_state(VisitWindow(booking.starts_at, booking.ends_at), booking.visited_at, booking.moved_at, ticket.closed_at, now)
    return AppointmentView(local(booking.starts_at), local(booking.ends_at), booking.visitor, local(booking.visited_at), state.value)
