"""My day (我的一天): an account manager's open tasks, overdue first and in red, then today's, then the
week ahead; a line to add one, Done, and the open tickets of their customers (the 我的客户 queue).

A supervisor chooses whose day to look at and adds tasks for that manager. Every read and write goes
through ``run_query`` / ``run_change``; the page only paints what the services decided (which
tasks are overdue on the hall's clock, in which order).
"""

from __future__ import annotations

from dataclasses import dataclass

from kaccount_desk.domain.key_accounts import previous_month
from kaccount_desk.domain.manager_tasks import KIND_LABELS, TaskKind, hall_today
from kaccount_desk.domain.roles import Permission
from kaccount_desk.domain.tickets import label, ticket_number
from kaccount_desk.services import manager_tasks, managers, ticket_queries
from kaccount_desk.services.changes import Changes
from kaccount_desk.services.context import Context
from kaccount_desk.services.manager_tasks import FollowUps, TaskView
from kaccount_desk.services.managers import ManagerView
from kaccount_desk.services.ticket_queries import Queue, TicketQuery, TicketRow
from kaccount_desk.ui.managers.moves_panel import MovesPanel
from kaccount_desk.ui.managers.task_reminder import TaskReminder
from kaccount_desk.ui.operations import run_change, run_query, worker_job
from kaccount_desk.ui.palette import COLOURS, ROW_BACKGROUNDS, banner_style
from kaccount_desk.ui.qt import Qt, QtCore, QtGui, QtWidgets, Slot

TASK_ROLE = Qt.ItemDataRole.UserRole
# A task is no kind of record another page shows; what it changes for them is the audit log.
TASK_CHANGED = Changes(audit=True)
TICKETS_SHOWN = 100  # the head of the queue by due time; the Tickets page's 我的客户 queue has them all


@dataclass(frozen=True)
class Day:
    tasks: list[TaskView]
    tickets: list[TicketRow]
    own: bool  # one's own day: the customers' tickets below are one's own customers'


@worker_job
def _read_day(ctx: Context, manager: str | None) -> Day:
    """The manager's day and, for one's own day, one's customers' open tickets. Runs in a worker."""
    tasks = manager_tasks.my_day(ctx, manager)
    own = manager is None or manager == ctx.actor.staff_no
    tickets = (ticket_queries.page_tickets(ctx, TicketQuery(queue=Queue.MY_CUSTOMERS), 0, TICKETS_SHOWN)
               if own and ctx.actor.may(Permission.HANDLE_TICKETS) else [])
    return Day(tasks, tickets, own)


def _table(headers: list[str], wide: int) -> QtWidgets.QTableWidget:
    """A read-only table whose column ``wide`` (the task, the ticket's content) takes the width left."""
    table = QtWidgets.QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setSectionResizeMode(wide, QtWidgets.QHeaderView.ResizeMode.Stretch)
    return table


class MyDayPage(QtWidgets.QWidget):
    """The day's tasks on top with the line that adds one; the customers' open tickets below."""

    def __init__(self, ctx: Context, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.supervising = ctx.actor.may(Permission.MANAGE_KEY_ACCOUNTS)
        self.manager_box = QtWidgets.QComboBox()
        self.manager_box.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.manager_box.setToolTip(self.tr("Whose day to show, and whom a new task is for"))
        self.manager_box.currentIndexChanged.connect(self.refresh)
        self.banner = QtWidgets.QLabel()
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.tasks = _table([self.tr("When"), self.tr("Due"), self.tr("Kind"), self.tr("Task"), self.tr("Customer"),
                             self.tr("From")], wide=3)
        self.tasks.itemSelectionChanged.connect(self._selection_changed)
        self.done_button = QtWidgets.QPushButton(self.tr("Done"))
        self.done_button.setToolTip(self.tr("Mark the chosen task done"))
        self.done_button.setEnabled(False)
        self.done_button.clicked.connect(self.mark_done)
        self.title = QtWidgets.QLineEdit()
        self.title.setPlaceholderText(self.tr("New task: what to do"))
        self.title.returnPressed.connect(self.add_task)
        self.due = QtWidgets.QDateEdit()
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.kind = QtWidgets.QComboBox()
        for value, name in KIND_LABELS.choices(ctx.lang):
            self.kind.addItem(name, value)
        self.kind.setCurrentIndex(self.kind.findData(TaskKind.VISIT.value))
        self.number = QtWidgets.QLineEdit()
        self.number.setPlaceholderText(self.tr("Customer's number (optional)"))
        self.number.setMaxLength(11)
        self.add_button = QtWidgets.QPushButton(self.tr("Add task"))
        self.add_button.clicked.connect(self.add_task)
        self.tickets = _table([self.tr("Ticket"), self.tr("Customer"), self.tr("Number"), self.tr("Category"),
                               self.tr("Status"), self.tr("Due"), self.tr("Content")], wide=6)
        self.tickets_label = QtWidgets.QLabel()
        self.month = QtWidgets.QLineEdit(previous_month(hall_today(ctx.now()).strftime("%Y-%m")))
        self.month.setToolTip(self.tr("The billing month whose tier changes (异动) to follow up, as 2026-03"))
        self.month.setMaxLength(7)
        self.month.setFixedWidth(self.month.fontMetrics().horizontalAdvance("2026-03") + 24)
        self.followup_button = QtWidgets.QPushButton(self.tr("Follow up the month's drops"))
        self.followup_button.setToolTip(self.tr("A follow-up task for each number whose tier dropped that month, "
                                                "for its account manager; made once per number and month"))
        self.followup_button.clicked.connect(self.follow_up)
        self.followup_label = QtWidgets.QLabel()
        self.moves = MovesPanel(ctx)
        self.month.editingFinished.connect(self._show_moves)
        self.reminder = TaskReminder(ctx, self)
        self.reminder.due.connect(self._remind)
        self._lay_out()
        self._set_today()
        if self.supervising:
            run_query(self, lambda: managers.list_managers(ctx), self._fill_managers)
        else:
            self.manager_box.hide()
            self.refresh()
        self.reminder.start(check_now=self.supervising)  # one's own day, read just now, tells it (_show_day)

    def _lay_out(self) -> None:
        top = QtWidgets.QHBoxLayout()
        heading = QtWidgets.QLabel(self.tr("My day: overdue first, then today, then the next 7 days"))
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        top.addWidget(heading)
        top.addWidget(self.followup_label, 1)
        top.addWidget(self.month)
        top.addWidget(self.followup_button)
        top.addWidget(self.manager_box)
        top.addWidget(self.done_button)
        adding = QtWidgets.QHBoxLayout()
        adding.addWidget(self.title, 3)
        adding.addWidget(QtWidgets.QLabel(self.tr("Due")))
        adding.addWidget(self.due)
        adding.addWidget(self.kind)
        adding.addWidget(self.number, 1)
        adding.addWidget(self.add_button)
        upper = QtWidgets.QWidget()
        upper_layout = QtWidgets.QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(top)
        upper_layout.addWidget(self.banner)
        upper_layout.addWidget(self.tasks, 1)
        upper_layout.addLayout(adding)
        self.tickets_box = lower = QtWidgets.QWidget()
        lower_layout = QtWidgets.QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.tickets_label)
        lower_layout.addWidget(self.tickets, 1)
        self.lower_tabs = QtWidgets.QTabWidget()
        self.lower_tabs.addTab(lower, self.tr("My customers' open tickets"))
        self.lower_tabs.addTab(self.moves, self.tr("The month's tier moves (异动)"))
        splitter = QtWidgets.QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(self.lower_tabs)
        splitter.setSizes([420, 260])
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(splitter)

    def _set_today(self) -> None:
        today = hall_today(self.ctx.now())
        self.due.setDate(QtCore.QDate(today.year, today.month, today.day))

    def _fill_managers(self, found: list[ManagerView]) -> None:
        self.manager_box.blockSignals(True)
        self.manager_box.clear()
        for m in found:
            self.manager_box.addItem(f"{m.staff_no} {m.name}", m.staff_no)
        self.manager_box.blockSignals(False)
        self.refresh()

    def manager(self) -> str | None:
        """Whose day is shown: the chosen manager (a supervisor), else one's own."""
        chosen = self.manager_box.currentData() if self.supervising else None
        return str(chosen) if chosen else None

    def _can_read(self) -> bool:
        return not self.supervising or self.manager() is not None

    @Slot()
    def refresh(self) -> None:
        self._show_moves()
        if not self._can_read():
            self.tasks.setRowCount(0)
            return
        ctx, manager = self.ctx, self.manager()
        run_query(self, lambda: _read_day(ctx, manager), self._show_day)

    @Slot()
    def _show_moves(self) -> None:
        self.moves.show_month(self.month.text().strip())

    def _show_day(self, day: Day) -> None:
        if day.own:  # the reminder's counts are of one's own day: the same tasks, not read again for it
            self.reminder.tell(day.tasks)
        self._fill_tasks(day.tasks)
        self._fill_tickets(day.tickets)
        # the 我的客户 queue is the logged-in manager's; a supervisor sees the tasks and the month's moves
        self.lower_tabs.setTabVisible(self.lower_tabs.indexOf(self.tickets_box), day.own)

    def _fill_tasks(self, tasks: list[TaskView]) -> None:
        self.tasks.setRowCount(len(tasks))
        for r, t in enumerate(tasks):
            customer = " ".join(part for part in (t.company, t.number) if part)
            for c, text in enumerate((t.part_name, t.due_on.isoformat(), t.kind_name, t.title, customer, t.source_name)):
                item = QtWidgets.QTableWidgetItem(text)
                item.setData(TASK_ROLE, t.id)
                if t.part == "overdue":
                    item.setForeground(QtGui.QColor(COLOURS["reason"]))
                    item.setBackground(QtGui.QColor(ROW_BACKGROUNDS["reason"]))
                self.tasks.setItem(r, c, item)
        self._selection_changed()

    def _fill_tickets(self, rows: list[TicketRow]) -> None:
        self.tickets_label.setText(self.tr("Open tickets of my customers: %n", "", len(rows)))
        self.tickets.setRowCount(len(rows))
        lang = self.ctx.lang
        for r, row in enumerate(rows):
            texts = (ticket_number(row.id, row.received_at), row.customer_name, row.customer_number, label(row.category, lang),
                     label(row.status, lang), f"{row.due_at:%Y-%m-%d %H:%M}", row.summary)
            for c, text in enumerate(texts):
                item = QtWidgets.QTableWidgetItem(text)
                if row.urgency == "overdue":
                    item.setForeground(QtGui.QColor(COLOURS["reason"]))
                self.tickets.setItem(r, c, item)

    def chosen_task(self) -> int | None:
        items = self.tasks.selectedItems()
        return int(items[0].data(TASK_ROLE)) if items else None

    @Slot()
    def _selection_changed(self) -> None:
        self.done_button.setEnabled(self.chosen_task() is not None)

    @Slot()
    def add_task(self) -> None:
        if not self._can_read():
            return
        ctx, manager = self.ctx, self.manager()
        title, due, kind = self.title.text(), self.due.date().toString("yyyy-MM-dd"), str(self.kind.currentData())
        number = self.number.text().strip() or None
        run_change(self, lambda: manager_tasks.add_task(ctx, title, due, kind, manager=manager, number=number),
                   TASK_CHANGED, self._added)

    def _added(self, _task: TaskView) -> None:
        self.title.clear()
        self.number.clear()
        self.refresh()

    @Slot()
    def mark_done(self) -> None:
        task_id = self.chosen_task()
        if task_id is None:
            return
        ctx = self.ctx
        run_change(self, lambda: manager_tasks.complete_task(ctx, task_id), TASK_CHANGED, lambda _t: self.refresh())

    @Slot()
    def follow_up(self) -> None:
        ctx, month = self.ctx, self.month.text().strip()
        run_change(self, lambda: manager_tasks.from_changes(ctx, month), TASK_CHANGED, self._followed)

    def _followed(self, made: FollowUps) -> None:
        self.followup_label.setText(
            self.tr("%1: %2 follow-up task(s) made, %3 there already, %4 number(s) without a manager")
            .replace("%1", made.month).replace("%2", str(len(made.created))).replace("%3", str(made.already))
            .replace("%4", str(len(made.without_manager))))
        self._refresh_with_reminder()

    def _refresh_with_reminder(self) -> None:
        """Read the day again; the reminder too, unless the day read is one's own (which tells it)."""
        self.refresh()
        if self.supervising:
            self.reminder.check()

    def _remind(self, overdue: int, today: int) -> None:
        """The reminder's line over the list: red while something is overdue, amber for today's."""
        if not overdue and not today:
            self.banner.hide()
            return
        parts = []
        if overdue:
            parts.append(self.tr("%n task(s) overdue", "", overdue))
        if today:
            parts.append(self.tr("%n task(s) due today", "", today))
        self.banner.setText(self.tr("Reminder: ") + ", ".join(parts))
        self.banner.setStyleSheet(banner_style("reason" if overdue else "warning"))
        self.banner.show()

    # The page protocol (ui/page.py)
    def set_campaign(self, code: str | None) -> None:
        """Tasks belong to a manager, not a campaign."""

    def apply_changes(self, changes: Changes, origin: object) -> None:
        if origin is not self and (changes.tickets or changes.applications or changes.staff or changes.everything):
            self._refresh_with_reminder()

    def focus_search(self) -> bool:
        self.title.setFocus()
        return True

