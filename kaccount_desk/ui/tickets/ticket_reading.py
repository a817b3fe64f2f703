"""What the ticket panel reads for one ticket, in one worker job: the ticket, the departments, the new owners.

Selecting a ticket used to make three store calls on the GUI thread, one after the other; across
an office network each is a wait the clerk felt as a frozen window. Here one read runs in the
worker (``ui/operations.run_query``), and the panel paints the result once.
"""

from __future__ import annotations

from dataclasses import dataclass

from kaccount_desk.domain.tickets import Action
from kaccount_desk.services import outages, tickets
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


@worker_job
def read_ticket(ctx: Context, ticket_id: int) -> LoadedTicket:
    """Runs in a worker thread: reads no widget, and a refusal is an answer, not an error box.

    One service call, ``tickets.panel``: the ticket, the departments and the new owners in one read
    (3-4 round trips to a server, where three calls cost 14-18); a fault's one more, for the
    announced outage it falls in (``outages.ticket_outage``).
    """
    try:
        shown = tickets.panel(ctx, ticket_id)
        view = shown.view
        outage = outages.ticket_outage(ctx, view.category, view.area, view.content, view.received_at)
    except ServiceError as exc:
        return LoadedTicket(None, None, [], exc)
    owners = shown.possible_owners if Action.REASSIGN in view.allowed else []
    return LoadedTicket(view, shown.departments, owners, outage=outage)
