"""Waiting on the customer (issue 23 item 1): pause a ticket's clock with a reason, and resume it.

Each is one action through :func:`kaccount_desk.services.tickets._act` (permission, the domain's
``allowed_actions`` rules, one history row). The wait's start and the status it left are kept in
its history row, so the schema needs nothing new: resume reads them back, moves the due time by
the time waited (a complaint's never past its 15-day ceiling) and puts the status back.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kaccount_desk.domain.reasons import Reason
from kaccount_desk.domain.ticket_pauses import check_wait, resumed_due
from kaccount_desk.domain.tickets import Action, TicketStatus, clean_text
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import Refused
from kaccount_desk.services.ticket_views import TicketView
from kaccount_desk.services.tickets import _act, _event, _required
from kaccount_desk.store.ticket_models import Ticket, TicketEvent

__all__ = ["wait", "resume", "waiting_since"]


def wait(ctx: Context, ticket_id: int, reason: str) -> TicketView:
    """The customer must act first: the ticket's time limit stops until :func:`resume`."""
    why = _required(reason, "等待原因", "reason for waiting")
    now = ctx.now()

    def work(session: Session, ticket: Ticket) -> None:
        problems = check_wait(ticket.category, ticket.received_at, ticket.due_at, now)
        if problems:
            raise Refused(*problems)
        _event(ctx, session, ticket, Action.WAIT, why, from_status=ticket.status, due_at=ticket.due_at.isoformat())

    return _act(ctx, ticket_id, Action.WAIT, work)


def _last_wait(session: Session, ticket_id: int) -> TicketEvent | None:
    return session.scalar(
        select(TicketEvent)
        .where(TicketEvent.ticket_id == ticket_id, TicketEvent.action == Action.WAIT.value)
        .order_by(TicketEvent.id.desc())
        .limit(1)
    )


def waiting_since(session: Session, ticket: Ticket) -> datetime | None:
    """When a waiting ticket's clock stopped; None for any other ticket."""
    if ticket.status != TicketStatus.WAITING:
        return None
    last = _last_wait(session, ticket.id)
    return last.at if last is not None else None


def resume(ctx: Context, ticket_id: int, note: str = "") -> TicketView:
    """The customer has acted: the clock runs again, the due time moved by the time waited."""
    now = ctx.now()

    def work(session: Session, ticket: Ticket) -> None:
        last = _last_wait(session, ticket.id)
        if last is None:
            raise Refused(Reason("ticket.not_waiting", "此工单没有在等待客户", "The ticket is not waiting on the customer"))
        before = ticket.due_at
        ticket.due_at = resumed_due(before, ticket.category, ticket.received_at, last.at, now)
        ticket.status = TicketStatus(str(last.data.get("from_status", TicketStatus.IN_PROGRESS))).value
        _event(ctx, session, ticket, Action.RESUME, clean_text(note), waited_minutes=int((now - last.at).total_seconds() // 60),
               due_from=before.isoformat(), due_to=ticket.due_at.isoformat())

    return _act(ctx, ticket_id, Action.RESUME, work)
