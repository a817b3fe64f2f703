"""What the ticket panel reads for one ticket, in one worker job: ``ticket_panel.panel``.

Selecting a ticket used to make three store calls on the GUI thread, one after the other, and
then two more reads (a fault's outage, the reply box's answers); across an office network each is
a wait the clerk felt. Here one service call runs in the worker (``ui/operations.run_query``), and
the panel paints the result once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kaccount_desk.domain.tickets import Action
from kaccount_desk.services import ticket_panel
from kaccount_desk.services.answers import AnswerView
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import ServiceError
from kaccount_desk.services.outages import OutageNote
from kaccount_desk.services.tickets import TicketView
from kaccount_desk.ui.operations import worker_job


@dataclass(frozen=True)
class LoadedTicket:
    """``view`` None with ``refusal`` (and no departments) when the ticket cannot be shown."""

    view: TicketView | None
    departments: list[str] | None
    owners: list[tuple[str, str]]
    refusal: ServiceError | None = None
    outage: OutageNote | None = None  # the announced outage a fault was received in (计划停机中)
    offered: list[AnswerView] = field(default_factory=list)  # the reply box's standard answers for its category


@worker_job
def read_ticket(ctx: Context, ticket_id: int) -> LoadedTicket:
    """Runs in a worker thread: reads no widget, and a refusal is an answer, not an error box.

    One service call, ``ticket_panel.panel``: the ticket, its history and every list beside it in
    two statements (round trips to a server).
    """
    try:
        shown = ticket_panel.panel(ctx, ticket_id)
    except ServiceError as exc:
        return LoadedTicket(None, None, [], exc)
    view = shown.view
    owners = shown.possible_owners if Action.REASSIGN in view.allowed else []
    return LoadedTicket(view, shown.departments, owners, outage=shown.outage, offered=shown.offered)
