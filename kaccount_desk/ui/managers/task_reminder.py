"""The account manager's task reminder: at login and every few minutes, how many tasks are overdue or due today.

Like the tickets' reminder (``ui/tickets/reminder.py``) it reads in the background and tells the
page, which shows it in a banner over the list that does not block the work; a task is due on a
day, so a check every ten minutes is soon enough to see the day turn at midnight in the hall.
"""

from __future__ import annotations

import logging

from kaccount_desk.domain.manager_tasks import DayPart
from kaccount_desk.domain.roles import Permission
from kaccount_desk.services import manager_tasks
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import ServiceError
from kaccount_desk.services.manager_tasks import TaskView
from kaccount_desk.ui.operations import run_query, worker_job
from kaccount_desk.ui.qt import QtCore, Signal, Slot

log = logging.getLogger("kaccount_desk.ui.managers")

CHECK_INTERVAL_MS = 10 * 60_000


@worker_job
def _counts(ctx: Context) -> tuple[int, int]:
    """(overdue, due today) of one's own open tasks; read in a worker, so a refusal counts nothing."""
    if not ctx.actor.may(Permission.KEEP_PORTFOLIO):
        return 0, 0
    try:
        return counts_of(manager_tasks.my_day(ctx))
    except ServiceError as exc:
        log.warning("reminder cannot read the manager's tasks: %s", exc)
        return 0, 0


def counts_of(day: list[TaskView]) -> tuple[int, int]:
    """(overdue, due today) among the open tasks of a day."""
    parts = [t.part for t in day]
    return parts.count(DayPart.OVERDUE.value), parts.count(DayPart.TODAY.value)


class TaskReminder(QtCore.QObject):
    """``due(overdue, today)`` after each check: at start (the login) and on a timer."""

    due = Signal(int, int)

    def __init__(self, ctx: Context, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.timer = QtCore.QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.check)

    def start(self, check_now: bool = True) -> None:
        """Check now and on the timer; ``check_now`` False when the page reads one's own day at once and
        tells the reminder (:meth:`tell`): the same tasks are not read twice as the page opens."""
        if check_now:
            self.check()
        self.timer.start()

    def tell(self, day: list[TaskView]) -> None:
        """The counts of one's own day, read by the page: told as a check's would be."""
        self._tell(counts_of(day))

    @Slot()
    def check(self) -> None:
        run_query(self, lambda: _counts(self.ctx), self._tell)

    def _tell(self, counts: tuple[int, int]) -> None:
        self.due.emit(*counts)
