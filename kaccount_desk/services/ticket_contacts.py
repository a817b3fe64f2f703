"""A repeat caller's contact added to an earlier ticket of the same number (issue 23 item 4).

One action through :func:`kaccount_desk.services.tickets._act` (permission, the domain's
``allowed_actions`` rules, one history row), open to whoever takes the call, since the caller
rings whichever desk is free. A closed ticket reopens to its first receiver
(``domain/repeat_callers.py``): the matter was not settled, so its reply and callback are owed
again, and a fault's outage runs on (its rent waiver's end is cleared).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from kaccount_desk.domain.repeat_callers import reopen_owner, reopens
from kaccount_desk.domain.tickets import Action, TicketStatus
from kaccount_desk.services.context import Context
from kaccount_desk.services.ticket_views import TicketView
from kaccount_desk.services.tickets import _act, _event, _required
from kaccount_desk.store.models import Staff
from kaccount_desk.store.ticket_models import RentWaiver, Ticket

__all__ = ["add_contact"]


def add_contact(ctx: Context, ticket_id: int, text: str) -> TicketView:
    """Record that the customer contacted us again about this ticket, instead of opening a duplicate."""
    body = _required(text, "来电内容", "what the customer said")

    def work(session: Session, ticket: Ticket) -> None:
        _event(ctx, session, ticket, Action.CONTACT, body, body)
        if not reopens(ticket.status):
            return
        first = session.get(Staff, ticket.first_receiver_id)
        ticket.owner_id = reopen_owner(ticket.first_receiver_id, first is not None and first.active, ticket.owner_id)
        ticket.status = TicketStatus.IN_PROGRESS.value
        ticket.closed_at = None
        ticket.close_reason = None
        ticket.replied = False
        ticket.last_callback = None
        ticket.callback_tries = 0
        waiver = session.scalar(select(RentWaiver).where(RentWaiver.ticket_id == ticket.id))
        if waiver is not None:
            waiver.period_end = None
        _event(ctx, session, ticket, Action.REOPEN, body)

    return _act(ctx, ticket_id, Action.CONTACT, work)
