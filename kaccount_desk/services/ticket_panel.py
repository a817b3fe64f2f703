"""Everything the ticket panel paints when a ticket is selected, in one call of two statements.

Across a VPN every statement is a round trip, and a clerk feels each one between the click and
the ticket. The panel once asked three services (14 round trips a click), then one call of four
statements followed by two more reads, the announced outage a fault falls in and the reply box's
standard answers: six on the wire. Here the ticket is read first, with its owner, referrals,
waiver and booking (``ticket_views.stored_ticket``); then everything else it shows comes in one
tagged UNION ALL (store/tagged_union.py), which needs the ticket's category and time: its history
with who wrote each line, the departments to refer to, the staff a supervisor may hand it to, the
standard answers of its category, and the announced outages that could have been running when a
fault was received. What a person may not see is not read at all (the staff list only for those
who may reassign, the outages only for a fault). Each list keeps its own order through a rank
numbered by the server, in its collation; the view is made by the same code as ``read_view``'s.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Integer, func, select, type_coerce

from kaccount_desk.domain.roles import Permission, allows
from kaccount_desk.domain.tickets import Category
from kaccount_desk.services import answers, outages
from kaccount_desk.services.answers import OFFERED_LIMIT, AnswerView
from kaccount_desk.services.context import Actor, Context
from kaccount_desk.services.errors import not_found
from kaccount_desk.services.outages import OutageNote
from kaccount_desk.services.ticket_views import TicketView, history_query, stored_ticket
from kaccount_desk.store.models import Staff
from kaccount_desk.store.tagged_union import Branch, read_together
from kaccount_desk.store.ticket_models import Ticket, TicketDepartment

__all__ = ["TicketPanel", "panel"]

_HISTORY, _DEPARTMENT, _OWNER, _ANSWER, _OUTAGE = "history", "department", "owner", "answer", "outage"


@dataclass(frozen=True)
class TicketPanel:
    """The selected ticket and the lists its panel offers beside it."""

    view: TicketView
    departments: list[str]
    # Whom a supervisor may hand the ticket to, as (工号, name); empty for anyone who may not.
    possible_owners: list[tuple[str, str]]
    # The standard answers the reply box offers for the ticket's category (at most OFFERED_LIMIT).
    offered: list[AnswerView]
    # The announced outage a fault was received in (计划停机中); None for any other ticket.
    outage: OutageNote | None


def _branches(ticket: Ticket, actor: Actor) -> dict[str, Branch]:
    """The reads this person and this ticket call for; each list is ranked in its own order (a branch
    of the union may not have ORDER BY), the rank its last column (the history goes by its ids)."""
    branches: dict[str, Branch] = {
        _HISTORY: history_query(ticket.id),
        _DEPARTMENT: select(TicketDepartment.name, _rank(TicketDepartment.position))
        .where(TicketDepartment.active),
    }
    if actor.may(Permission.REASSIGN_TICKETS):
        branches[_OWNER] = (select(Staff.staff_no, Staff.name, Staff.role, _rank(Staff.staff_no))
                            .where(Staff.active))
    offered = answers.listing(ticket.category, limit=OFFERED_LIMIT).subquery()  # its LIMIT inside: a branch may not have one
    branches[_ANSWER] = select(offered.c.id, offered.c.category, offered.c.topic, offered.c.text,
                               _rank(offered.c.category, offered.c.topic, offered.c.id))
    if ticket.category == Category.FAULT:
        branches[_OUTAGE] = outages.outage_candidates(ticket.received_at)  # unranked: ``explaining`` takes the earliest
    return branches


def _rank(*order: Any) -> ColumnElement[int]:
    """A row's place in its list, numbered by the server (in its collation); typed, which ``row_number()`` is not."""
    return type_coerce(func.row_number().over(order_by=order), Integer)


def _ranked(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """A branch's rows in its own order, without the rank."""
    return [row[:-1] for row in sorted(rows, key=lambda row: int(row[-1]))]


def panel(ctx: Context, ticket_id: int) -> TicketPanel:
    """The selected ticket with the lists its panel offers beside it."""
    ctx.require(Permission.HANDLE_TICKETS)
    with ctx.store.read() as session:
        stored = stored_ticket(session, ticket_id)
        if stored is None:
            raise not_found("工单", "ticket", ticket_id)
        found = read_together(session, _branches(stored.ticket, ctx.actor))
        shown = stored.view(found[_HISTORY], ctx.now(), ctx.actor)
    owners = _ranked(found.get(_OWNER, []))
    return TicketPanel(
        view=shown,
        departments=[name for name, in _ranked(found[_DEPARTMENT])],
        possible_owners=[(no, name) for no, name, role in owners if allows(role, Permission.HANDLE_TICKETS)],
        offered=[AnswerView(*row) for row in _ranked(found[_ANSWER])],
        outage=outages.explaining(found.get(_OUTAGE, []), shown.category, shown.area, shown.content, shown.received_at),
    )
