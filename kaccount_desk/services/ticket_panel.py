"""Everything the ticket panel paints when a ticket is selected, in one call of three statements.

Across a VPN every statement is a round trip, and a clerk feels each one between the click and
the ticket. The panel once asked three services (14 round trips a click), then one call of four
statements followed by two more reads, the announced outage a fault falls in and the reply box's
standard answers: six on the wire. Here the ticket (with its referrals, waiver and booking) and
its history are read as before (``ticket_views.read_view``, two statements), and every list shown
beside them comes in a third, one UNION ALL whose rows say what they are: the departments to refer
to, the staff a supervisor may hand the ticket to, the standard answers of its category, and the
announced outages that could have been running when a fault was received. What a person may not
see is not read at all (the staff list only for those who may reassign, the outages only for a
fault). Each list keeps its own order through a rank numbered by the server, in its collation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import Integer, Select, String, Text, cast, func, literal, null, select, union_all
from sqlalchemy.orm import Session

from kaccount_desk.domain.roles import Permission, allows
from kaccount_desk.domain.tickets import Category
from kaccount_desk.services import answers, outages
from kaccount_desk.services.answers import OFFERED_LIMIT, AnswerView
from kaccount_desk.services.context import Actor, Context
from kaccount_desk.services.errors import not_found
from kaccount_desk.services.outages import OutageNote
from kaccount_desk.services.ticket_views import TicketView, read_view
from kaccount_desk.store.models import Staff
from kaccount_desk.store.ticket_models import TicketDepartment
from kaccount_desk.store.types import UtcDateTime

__all__ = ["TicketPanel", "panel"]

_DEPARTMENT, _OWNER, _ANSWER, _OUTAGE = "department", "owner", "answer", "outage"


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


class _Beside(NamedTuple):
    """A row of the union: what it is, its place in its own list, then the columns its kind fills (the others NULL)."""

    kind: str
    rank: int
    key: int | None  # an answer's or an outage's id
    name: str | None  # a department's name, a staff number, an answer's topic, an outage's work
    extra: str | None  # a staff member's name, an answer's category, an outage's area
    body: str | None  # a staff member's role, an answer's text
    start: datetime | None  # an outage's start
    hours: int | None  # an outage's expected hours


def _row(kind: str, rank: Any, key: Any = None, name: Any = None, extra: Any = None, body: Any = None,
         start: Any = None, hours: Any = None) -> Select[Any]:
    """One branch of the union, its columns typed alike in every branch (PostgreSQL takes a bare NULL for text)."""
    columns = zip((rank, key, name, extra, body, start, hours), (Integer, Integer, String, String, Text, UtcDateTime, Integer),
                  strict=True)
    return select(literal(kind, String), *(cast(null(), type_) if c is None else c for c, type_ in columns))


def _branches(view: TicketView, actor: Actor) -> list[Select[Any]]:
    """The union's branches this person and this ticket call for."""
    departments = _row(_DEPARTMENT, func.row_number().over(order_by=TicketDepartment.position), name=TicketDepartment.name)
    branches = [departments.where(TicketDepartment.active)]
    if actor.may(Permission.REASSIGN_TICKETS):
        owners = _row(_OWNER, func.row_number().over(order_by=Staff.staff_no), name=Staff.staff_no, extra=Staff.name, body=Staff.role)
        branches.append(owners.where(Staff.active))
    offered = answers.listing(view.category, limit=OFFERED_LIMIT).subquery()
    order = (offered.c.category, offered.c.topic, offered.c.id)
    branches.append(_row(_ANSWER, func.row_number().over(order_by=order), key=offered.c.id, name=offered.c.topic,
                         extra=offered.c.category, body=offered.c.text))
    if view.category == Category.FAULT:
        candidates = outages.outage_candidates(view.received_at).subquery()
        branches.append(_row(_OUTAGE, func.row_number().over(order_by=(candidates.c.start_at, candidates.c.id)), key=candidates.c.id,
                             name=candidates.c.what, extra=candidates.c.area, start=candidates.c.start_at, hours=candidates.c.hours))
    return branches


def _beside(session: Session, view: TicketView, actor: Actor) -> list[_Beside]:
    rows = [_Beside(*row) for row in session.execute(union_all(*_branches(view, actor)))]
    return sorted(rows, key=lambda row: (row.kind, row.rank))


def panel(ctx: Context, ticket_id: int) -> TicketPanel:
    """The selected ticket with the lists its panel offers beside it."""
    ctx.require(Permission.HANDLE_TICKETS)
    with ctx.store.read() as session:
        shown = read_view(session, ticket_id, ctx.now(), ctx.actor)
        if shown is None:
            raise not_found("工单", "ticket", ticket_id)
        rows = _beside(session, shown, ctx.actor)
    of = {kind: [row for row in rows if row.kind == kind] for kind in (_DEPARTMENT, _OWNER, _ANSWER, _OUTAGE)}
    return TicketPanel(
        view=shown,
        departments=[row.name or "" for row in of[_DEPARTMENT]],
        possible_owners=[(row.name or "", row.extra or "") for row in of[_OWNER] if allows(row.body or "", Permission.HANDLE_TICKETS)],
        offered=[AnswerView(row.key or 0, row.extra or "", row.name or "", row.body or "") for row in of[_ANSWER]],
        outage=outages.explaining(
            ((row.key or 0, row.name or "", row.extra or "", row.start, row.hours or 0) for row in of[_OUTAGE] if row.start),
            shown.category, shown.area, shown.content, shown.received_at,
        ),
    )
