"""The owner's deadline reminder: every minute, tickets due within their warning or already overdue.

A deadline that passes unseen is what the paper lists lose, so the owner is told before it passes
(its category's warning, 2 h unless a supervisor set another) and again once it has passed, each
ticket once per threshold so the reminder never nags. At the breach the owner's supervisor is told
too (an admin, for owners without one): their reminder also reads the "overdue in my department"
queue. The message goes to the system tray when there is one; otherwise the Tickets page shows it
in a banner that does not block the counter.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from kaccount_desk.domain.roles import Permission
from kaccount_desk.domain.ticket_deadlines import Warnings, urgency
from kaccount_desk.domain.tickets import TicketStatus, ticket_number
from kaccount_desk.services import appointments, ticket_queries, ticket_settings
from kaccount_desk.services.appointments import VisitDue
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import ServiceError
from kaccount_desk.services.ticket_queries import Queue, Sort, TicketQuery, TicketRow
from kaccount_desk.ui.operations import run_query, worker_job
from kaccount_desk.ui.qt import QtCore, QtGui, QtWidgets, Signal, Slot
from kaccount_desk.ui.tickets.tickets_model import time_left_text

log = logging.getLogger("kaccount_desk.ui.tickets")

CHECK_INTERVAL_MS = 60_000
# The owner's queue is sorted by due time, so the urgent tickets are at its head; this many is
# more than a counter clerk can act on in one minute.
LOOK_AHEAD = 50
# A banner of twenty lines would push the queue off the screen; the rest are in the queue, coloured.
SHOWN_LINES = 3


@dataclass(frozen=True)
class Alert:
    ticket_id: int
    threshold: str
    text: str


@dataclass(frozen=True)
class Round:
    """What one reminder round reads: the head of the owner's queue, the warnings, and the team's late tickets."""

    mine: list[TicketRow] = field(default_factory=list)
    warnings: Warnings = Warnings()
    team_late: list[TicketRow] = field(default_factory=list)
    visits: list[VisitDue] = field(default_factory=list)  # the owner's repair visits within the hour, or missed


@worker_job
def _most_urgent(ctx: Context) -> Round:
    """The head of the owner's queue by due time (and, for a supervisor or admin, their team's late
    tickets); read in a worker thread, so a refusal is an empty round."""
    try:
        mine = ticket_queries.page_tickets(ctx, TicketQuery(queue=Queue.MINE, sort=Sort.DUE), 0, LOOK_AHEAD)
        team: list[TicketRow] = []
        if ctx.actor.may(Permission.REASSIGN_TICKETS):
            team = ticket_queries.page_tickets(ctx, TicketQuery(queue=Queue.TEAM_OVERDUE, sort=Sort.DUE), 0, LOOK_AHEAD)
        return Round(mine, ticket_settings.warnings(ctx), team, appointments.visits_due(ctx, LOOK_AHEAD))
    except ServiceError as exc:
        log.warning("reminder cannot read the owner's tickets: %s", exc)
        return Round()


class Reminder(QtCore.QObject):
    """Checks the owner's queue on a timer, reading it off the GUI thread; ``alerted`` carries the text when there is no tray.

    ``checked`` carries each round's new alerts (what a test waits for).
    """

    alerted = Signal(str)
    checked = Signal(list)

    def __init__(self, ctx: Context, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._told: set[tuple[int, str]] = set()
        self._tray: QtWidgets.QSystemTrayIcon | None = None
        self.timer = QtCore.QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.timer.start()

    def due_alerts(self, rows: list[TicketRow], warnings: Warnings) -> list[Alert]:
        """Of the head of the owner's queue, the tickets past a threshold they were not yet reminded of."""
        now = self.ctx.now()
        alerts: list[Alert] = []
        for row in rows:
            if row.due_at - now > warnings.longest():
                break
            if row.status == TicketStatus.WAITING:
                continue  # its clock stopped: nothing is due while the customer is awaited
            threshold = urgency(row.due_at, now, soon=warnings.before(row.category))
            if threshold == "ok" or (row.id, threshold) in self._told:
                continue
            self._told.add((row.id, threshold))
            number = ticket_number(row.id, row.received_at)
            template = self.tr("Ticket %1 (%2) is overdue: %3") if threshold == "overdue" else self.tr("Ticket %1 (%2) is due in %3")
            text = template.replace("%1", number).replace("%2", row.customer_name).replace("%3", time_left_text(row.due_at - now))
            alerts.append(Alert(row.id, threshold, text))
        return alerts

    @Slot()
    def check(self) -> None:
        """One round: read the owner's most urgent tickets in the background, then show the new alerts."""
        run_query(self, lambda: _most_urgent(self.ctx), self._show_alerts)

    def breach_alerts(self, rows: list[TicketRow]) -> list[Alert]:
        """Late tickets of the owners this supervisor (or admin) answers for, each told once; their own are in ``due_alerts``."""
        alerts: list[Alert] = []
        for row in rows:
            if row.owner == self.ctx.actor.staff_no or (row.id, "breach") in self._told:
                continue
            self._told.add((row.id, "breach"))
            text = (self.tr("Ticket %1 of %2 is overdue: %3").replace("%1", ticket_number(row.id, row.received_at))
                    .replace("%2", row.owner).replace("%3", time_left_text(row.due_at - self.ctx.now())))
            alerts.append(Alert(row.id, "breach", text))
        return alerts

    def visit_alerts(self, visits: list[VisitDue]) -> list[Alert]:
        """The owner's repair visits: once when the hour before one begins, once more when its window ends unrecorded."""
        alerts: list[Alert] = []
        for visit in visits:
            told = (visit.ticket_id, f"visit_{visit.when}_{visit.start.isoformat()}")  # a moved visit is told again
            if told in self._told:
                continue
            self._told.add(told)
            template = (self.tr("Visit for ticket %1 (%2–%3, %4) is not recorded: the appointment was missed")
                        if visit.when == "missed" else self.tr("Visit for ticket %1 at %2–%3 (%4) starts soon"))
            text = (template.replace("%1", ticket_number(visit.ticket_id, visit.received_at))
                    .replace("%2", f"{visit.start:%H:%M}").replace("%3", f"{visit.end:%H:%M}").replace("%4", visit.visitor))
            alerts.append(Alert(visit.ticket_id, told[1], text))
        return alerts

    def _show_alerts(self, found: Round) -> None:
        alerts = self.due_alerts(found.mine, found.warnings) + self.breach_alerts(found.team_late) + self.visit_alerts(found.visits)
        if alerts:
            lines = [a.text for a in alerts[:SHOWN_LINES]]
            if len(alerts) > SHOWN_LINES:
                lines.append(self.tr("…and %1 more: see the queue").replace("%1", str(len(alerts) - SHOWN_LINES)))
            self._show("\n".join(lines))
        self.checked.emit(alerts)

    def _show(self, text: str) -> None:
        if QtWidgets.QSystemTrayIcon.isSystemTrayAvailable():
            if self._tray is None:
                icon = QtWidgets.QApplication.style().standardIcon(QtWidgets.QStyle.StandardPixmap.SP_MessageBoxWarning)
                self._tray = QtWidgets.QSystemTrayIcon(QtGui.QIcon(icon), self)
                self._tray.show()
            self._tray.showMessage(self.tr("Ticket deadlines"), text, QtWidgets.QSystemTrayIcon.MessageIcon.Warning)
        else:
            self.alerted.emit(text)
