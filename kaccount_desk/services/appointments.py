"""Appointments kept (issue 23 item 8): a repair visit booked, moved with a reason, recorded; the owner reminded.

Booking and recording are ticket actions through :func:`kaccount_desk.services.tickets._act`
(permission, the domain's ``allowed_actions``, one history row). Booking when a visit is already
booked is a reschedule: the old booking is marked moved (so a window missed before it was moved
stays counted) and the history keeps the reason with both windows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kaccount_desk.domain.appointments import REMIND_BEFORE, Window, check_appointment, check_window, missed, reminder_due
from kaccount_desk.domain.operator_time import local
from kaccount_desk.domain.roles import Permission
from kaccount_desk.domain.tickets import Action, TicketStatus, clean_text
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import Refused
from kaccount_desk.services.ticket_views import TicketView, open_booking
from kaccount_desk.services.tickets import _act, _event
from kaccount_desk.store.answer_models import TicketAppointment
from kaccount_desk.store.ticket_models import Ticket

__all__ = ["appoint", "visited", "VisitDue", "visits_due"]


def _window_text(start: datetime, end: datetime, visitor: str) -> str:
    """The window as the history line shows it, in the hall's time: 06-03 09:00–11:00 王师傅."""
    begin, finish = local(start), local(end)
    tail = f"{finish:%H:%M}" if finish.date() == begin.date() else f"{finish:%m-%d %H:%M}"
    return f"{begin:%m-%d %H:%M}–{tail} {visitor}"


def appoint(ctx: Context, ticket_id: int, start: datetime, end: datetime, visitor: str, reason: str = "") -> TicketView:
    """Book a repair visit for a fault, or move the booked one (then ``reason`` is required)."""
    who, why = clean_text(visitor), clean_text(reason)
    now = ctx.now()
    problems = check_window(start, end, now)
    if problems:
        raise Refused(*problems)

    def work(session: Session, ticket: Ticket) -> None:
        booked = open_booking(session, ticket.id) if ticket.status != TicketStatus.CLOSED else None
        problems = check_appointment(ticket.category, who, booked is not None, why)
        if problems:
            raise Refused(*problems)
        window = _window_text(start, end, who)
        if booked is not None:
            booked.moved_at = now
            _event(ctx, session, ticket, Action.RESCHEDULE, f"{why} → {window}", start=start.isoformat(), end=end.isoformat(),
                   visitor=who, from_start=local(booked.starts_at).isoformat(), from_end=local(booked.ends_at).isoformat(),
                   missed=missed(booked.ends_at, None, now))
        else:
            _event(ctx, session, ticket, Action.APPOINT, window, start=start.isoformat(), end=end.isoformat(), visitor=who)
        session.add(TicketAppointment(ticket_id=ticket.id, starts_at=start, ends_at=end, visitor=who, booked_by=ctx.actor.id,
                                      booked_at=now))

    return _act(ctx, ticket_id, Action.APPOINT, work)


def visited(ctx: Context, ticket_id: int, note: str = "") -> TicketView:
    """The visit took place: recorded now; after the window's end it stays a missed appointment."""
    now = ctx.now()

    def work(session: Session, ticket: Ticket) -> None:
        booked = open_booking(session, ticket.id)
        assert booked is not None, "allowed_actions offers the visit only with a booking"
        booked.visited_at = now
        late = missed(booked.ends_at, now, now)
        _event(ctx, session, ticket, Action.VISITED, clean_text(note), on_time=not late,
               window=_window_text(booked.starts_at, booked.ends_at, booked.visitor))

    return _act(ctx, ticket_id, Action.VISITED, work)


@dataclass(frozen=True)
class VisitDue:
    """A visit the owner is reminded of: ``when`` is "soon" (within the hour) or "missed" (window over, no visit)."""

    ticket_id: int
    received_at: datetime
    start: datetime
    end: datetime
    visitor: str
    when: str


def visits_due(ctx: Context, limit: int = 50) -> list[VisitDue]:
    """The owner's booked visits starting within the reminder's hour, or missed, on open tickets; soonest first."""
    ctx.require(Permission.HANDLE_TICKETS)
    now = ctx.now()
    with ctx.store.read() as session:
        rows = session.execute(
            select(TicketAppointment, Ticket.received_at)
            .join(Ticket, Ticket.id == TicketAppointment.ticket_id)
            .where(Ticket.owner_id == ctx.actor.id, Ticket.status != TicketStatus.CLOSED,
                   TicketAppointment.visited_at.is_(None), TicketAppointment.moved_at.is_(None),
                   TicketAppointment.starts_at <= now + REMIND_BEFORE)
            .order_by(TicketAppointment.starts_at, TicketAppointment.id).limit(limit)
        ).all()
    out = []
    for booking, received in rows:
        when = reminder_due(Window(booking.starts_at, booking.ends_at), now)
        if when is not None:
            start, end = local(booking.starts_at), local(booking.ends_at)
            out.append(VisitDue(booking.ticket_id, local(received), start, end, booking.visitor, when))
    return out
