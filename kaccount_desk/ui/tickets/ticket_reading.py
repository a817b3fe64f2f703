"""What the ticket panel reads for one ticket, in one worker job: the ticket, the departments, the new owners.

Selecting a ticket used to make three store calls on the GUI thread, one after the other; across
an office network each is a wait the clerk felt as a frozen window. Here they run together in the
worker (``ui/operations.run_query``), and the panel paints the result once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from kaccount_desk.domain.tickets import Action
from kaccount_desk.services import tickets
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import ServiceError
from kaccount_desk.services.tickets import TicketView
from kaccount_desk.ui.operations import worker_job

log = logging.getLogger("kaccount_desk.ui.tickets")


@dataclass(frozen=True)
class LoadedTicket:
    """``view`` None with ``refusal`` when the ticket cannot be shown; ``departments`` None when they could not be read."""

    view: TicketView | None
    departments: list[str] | None
    owners: list[tuple[str, str]]
    refusal: ServiceError | None = None


@worker_job


def read_ticket(ctx: Context, ticket_id: int) -> LoadedTicket:
    """Runs in a worker thread: reads no widget, and a refusal is an answer, not an error box."""
    try:
        departments: list[str] | None = tickets.departments(ctx)  # may have changed on the Admin page since
    except ServiceError as exc:
        log.warning("cannot read departments: %s", exc)
        departments = None
    try:
        view = tickets.show(ctx, ticket_id)
    except ServiceError as exc:
        return LoadedTicket(None, departments, [], exc)
    owners: list[tuple[str, str]] = []
    if Action.REASSIGN in view.allowed:
        try:
            owners = tickets.possible_owners(ctx)
        except ServiceError as exc:
            log.warning("cannot read staff: %s", exc)
    return LoadedTicket(view, departments, owners)
