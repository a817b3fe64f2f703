"""The Tickets page (首问工单): the owner's queues, search, one ticket's detail, and the reports.

A clerk starts the day on "My tickets", sorted by due time, so what is about to run late is on
top and coloured; the detail panel beside it does the work without leaving the queue. Search
answers any part of the content, answers, name or number, and says so when a one-character term
could only look at the newest tickets.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from kaccount_desk.domain.operator_time import OPERATOR_TZ
from kaccount_desk.domain.roles import Permission
from kaccount_desk.domain.tickets import Category, Channel, TicketStatus, Window, label
from kaccount_desk.services import ticket_queries
from kaccount_desk.services.changes import Changes
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import ServiceError
from kaccount_desk.services.ticket_queries import Queue, SearchResult, TicketQuery
from kaccount_desk.ui.messages import current_lang, error_text
from kaccount_desk.ui.operations import change_hub, run_query, worker_job
from kaccount_desk.ui.palette import banner_style, text_style
from kaccount_desk.ui.qt import QT_TRANSLATE_NOOP, Qt, QtCore, QtWidgets, Signal, Slot
from kaccount_desk.ui.shortcuts import bind
from kaccount_desk.ui.tickets.reminder import Reminder
from kaccount_desk.ui.tickets.ticket_detail import TicketDetail
from kaccount_desk.ui.tickets.tickets_model import DUE_COLUMN, SORT_OF_COLUMN, TICKET_ID_ROLE, TicketsModel
from kaccount_desk.ui.window_state import keep_choice

if TYPE_CHECKING:  # both built when first asked for, and imported then (their services with them)
    from kaccount_desk.ui.tickets.open_ticket_form import OpenTicketForm
    from kaccount_desk.ui.tickets.reports_panel import ReportsPanel

log = logging.getLogger("kaccount_desk.ui.tickets")

SEARCH_DELAY_MS = 300
FIRST_REMINDER_MS = 3000
COLUMN_WIDTHS = (112, 84, 72, 62, 96, 50, 86, 84, 100)
# Columns of coded values, widened to their longest name in the language shown ("Fault report" and
# "Replied to customer" were cut to "Fault …" and "Replied to …" in English).
CODED_COLUMNS = {2: [c.value for c in Category], 6: [s.value for s in TicketStatus]}
CELL_PADDING = 16
SPLIT = (800, 620)
REPORTS_TAB = 1
QUEUES: tuple[tuple[Queue, str], ...] = tuple((queue, str(title)) for queue, title in (
    (Queue.MINE, QT_TRANSLATE_NOOP("TicketsPage", "My tickets")),
    (Queue.WINDOW, QT_TRANSLATE_NOOP("TicketsPage", "My window")),
    (Queue.DEPARTMENT, QT_TRANSLATE_NOOP("TicketsPage", "Referred to my department")),
    (Queue.DUE_TODAY, QT_TRANSLATE_NOOP("TicketsPage", "Due today")),
    (Queue.OVERDUE, QT_TRANSLATE_NOOP("TicketsPage", "Overdue")),
    (Queue.ESCALATION, QT_TRANSLATE_NOOP("TicketsPage", "Complaints escalated (day 10 of 15)")),
    (Queue.TEAM_OVERDUE, QT_TRANSLATE_NOOP("TicketsPage", "Overdue in my department, by owner")),
    (Queue.MY_CUSTOMERS, QT_TRANSLATE_NOOP("TicketsPage", "My customers")),
    (Queue.ALL, QT_TRANSLATE_NOOP("TicketsPage", "All tickets")),
))


@worker_job
def _holds(ctx: Context, query: TicketQuery, ticket_id: int) -> bool | None:
    """Whether ``query`` lists the ticket; None when it cannot be told (then the panel keeps it). Runs in a worker."""
    try:
        return ticket_queries.query_holds(ctx, query, ticket_id)
    except ServiceError as exc:
        log.warning("cannot tell whether the ticket is listed: %s", exc)
        return None


class TicketsPage(QtWidgets.QWidget):
    # ("receipt" or "ticket", id, ticket number), from the ticket panel or the new-ticket form: the window prints it.
    print_requested = Signal(str, int, str)
    # The Reports tab's panel, built at its first look (or first use): the window gives it the layout kept.
    part_built = Signal(QtWidgets.QWidget)

    def __init__(self, ctx: Context, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        change_hub().changed.connect(self.apply_changes)  # every change, wherever made, reaches this page
        self.form: OpenTicketForm | None = None
        self._chosen_unread: int | None = None  # the row chosen while it was still "…": its ticket opens when its page comes
        self.model = TicketsModel(ctx, parent=self)
        self.detail = TicketDetail(ctx)
        self._reports: ReportsPanel | None = None  # see reports: built when the Reports tab is first shown
        self.reminder = Reminder(ctx, self)
        self._build_filters()
        self._build_table()
        self._build_layout()
        self.detail.print_requested.connect(self.print_requested)
        self.reminder.alerted.connect(self.show_banner)
        self.reminder.timer.timeout.connect(self.model.refresh)
        self.reminder.start()
        QtCore.QTimer.singleShot(FIRST_REMINDER_MS, self.reminder, self.reminder.check)
        self.apply_filters()

    def _combo(self, everything: str, values: list[str]) -> QtWidgets.QComboBox:
        combo = QtWidgets.QComboBox()
        combo.addItem(everything, None)
        for value in values:
            combo.addItem(label(value, current_lang()), value)
        combo.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.currentIndexChanged.connect(self.apply_filters)
        return combo

    def _build_filters(self) -> None:
        self.queue = QtWidgets.QComboBox()
        for queue, title in QUEUES:
            if queue is Queue.MY_CUSTOMERS and not self.ctx.actor.may(Permission.KEEP_PORTFOLIO):
                continue  # only an account manager has customers of their own
            self.queue.addItem(QtCore.QCoreApplication.translate("TicketsPage", title), queue.value)
        keep_choice(self.queue)
        self.queue.currentIndexChanged.connect(self.apply_filters)
        self.category = self._combo(self.tr("All categories"), [c.value for c in Category])
        self.status = self._combo(self.tr("All statuses"), [s.value for s in TicketStatus])
        self.channel = self._combo(self.tr("All channels"), [c.value for c in Channel])
        self.window_combo = self._combo(self.tr("All windows"), [w.value for w in Window])
        self.owner = QtWidgets.QLineEdit()
        self.owner.setPlaceholderText(self.tr("Owner's staff no."))
        self.owner.setMaximumWidth(120)
        self.owner.editingFinished.connect(self.apply_filters)
        self.dated = QtWidgets.QCheckBox(self.tr("Received"))
        today = self.ctx.now().astimezone(OPERATOR_TZ).date()
        self.date_from = QtWidgets.QDateEdit(QtCore.QDate(today.year, today.month, 1))
        self.date_to = QtWidgets.QDateEdit(QtCore.QDate(today.year, today.month, today.day))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            edit.dateChanged.connect(self.apply_filters)
        self.dated.toggled.connect(self.date_from.setEnabled)
        self.dated.toggled.connect(self.date_to.setEnabled)
        self.dated.toggled.connect(self.apply_filters)
        self.search = QtWidgets.QLineEdit()
        self.search.setPlaceholderText(self.tr("Search content, answers, name or number (e.g. a word of the request, a surname, 1380013)"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QtCore.QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._search_timer.start)
        self.new_button = QtWidgets.QPushButton(self.tr("New ticket…"))
        bind(self.new_button, "new_ticket")
        self.new_button.clicked.connect(self.open_form)

    def _build_table(self) -> None:
        self.table = QtWidgets.QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        # Fixed row heights and no resize-to-contents: either would make the view read every row.
        self.table.verticalHeader().setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        metrics = self.table.fontMetrics()
        for column, width in enumerate(COLUMN_WIDTHS):
            names = CODED_COLUMNS.get(column, [])
            widest = max((metrics.horizontalAdvance(label(value, current_lang())) + CELL_PADDING for value in names), default=0)
            self.table.setColumnWidth(column, max(width, widest))
        header.setSortIndicator(DUE_COLUMN, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._sort_changed)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.model.counted.connect(self._counted)
        self.model.rows_arrived.connect(self._rows_arrived)
        self.count_label = QtWidgets.QLabel()
        self.hint_label = QtWidgets.QLabel()
        self.hint_label.setStyleSheet(text_style("warning"))
        self.hint_label.hide()

    def _build_layout(self) -> None:
        self.banner = QtWidgets.QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(banner_style("warning"))
        self.banner.hide()
        self.banner_close = QtWidgets.QToolButton()
        self.banner_close.setText("✕")
        self.banner_close.setAutoRaise(True)
        self.banner_close.clicked.connect(self.hide_banner)
        self.banner_close.hide()
        banner = QtWidgets.QHBoxLayout()
        banner.addWidget(self.banner, 1)
        banner.addWidget(self.banner_close)
        first = QtWidgets.QHBoxLayout()
        first.addWidget(QtWidgets.QLabel(self.tr("Queue:")))
        first.addWidget(self.queue)
        first.addWidget(self.search, 1)
        first.addWidget(self.new_button)
        # Two short rows of filters rather than one that sets the page's width (English words are longer).
        second = QtWidgets.QHBoxLayout()
        for widget in (self.category, self.status, self.channel, self.window_combo):
            second.addWidget(widget)
        second.addStretch(1)
        third = QtWidgets.QHBoxLayout()
        for date_filter in (self.owner, self.dated, self.date_from):
            third.addWidget(date_filter)
        third.addWidget(QtWidgets.QLabel("–"))
        third.addWidget(self.date_to)
        third.addStretch(1)
        # The filters sit above the list only: the ticket panel beside it gets their height too,
        # so its actions fit at 1366×728 with the overdue banner showing.
        left = QtWidgets.QWidget()
        left_layout = QtWidgets.QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(second)
        left_layout.addLayout(third)
        left_layout.addWidget(self.table, 1)
        counts = QtWidgets.QHBoxLayout()
        counts.addWidget(self.count_label)
        counts.addWidget(self.hint_label, 1)
        left_layout.addLayout(counts)
        self.splitter = QtWidgets.QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes(list(SPLIT))
        queue_tab = QtWidgets.QWidget()
        queue_layout = QtWidgets.QVBoxLayout(queue_tab)
        queue_layout.addLayout(first)
        queue_layout.addWidget(self.splitter, 1)
        self.tabs = QtWidgets.QTabWidget()
        self.tabs.addTab(queue_tab, self.tr("Queue"))
        self._reports_placeholder = QtWidgets.QWidget()
        self.tabs.addTab(self._reports_placeholder, self.tr("Reports"))
        self.tabs.currentChanged.connect(self._tab_shown)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(banner)
        layout.addWidget(self.tabs, 1)

    def current_query(self) -> TicketQuery:
        start = end = None
        if self.dated.isChecked():
            first, last = self.date_from.date(), self.date_to.date()
            start = datetime.combine(date(first.year(), first.month(), first.day()), time(), OPERATOR_TZ)
            end = datetime.combine(date(last.year(), last.month(), last.day()) + timedelta(days=1), time(), OPERATOR_TZ)
        header = self.table.horizontalHeader()
        return TicketQuery(
            queue=Queue(self.queue.currentData()), category=self.category.currentData(), status=self.status.currentData(),
            channel=self.channel.currentData(), window=self.window_combo.currentData(), owner=self.owner.text().strip() or None,
            received_from=start, received_to=end, sort=SORT_OF_COLUMN[header.sortIndicatorSection()],
            descending=header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder,
        )

    @Slot()
    def apply_filters(self) -> None:
        """The queue and filters, or the search hits when something is typed in the search box."""
        self._search_timer.stop()
        term = self.search.text().strip()
        self.hint_label.hide()
        if not term:
            self.model.set_query(self.current_query())  # counted in the background: _counted follows
            self._show_count()
            self._forget_ticket_if_gone()
            return
        # Off the GUI thread: a term that matches many entries, on a server across the network, must not freeze the window.
        run_query(self, lambda: ticket_queries.search_tickets(self.ctx, term),
                  lambda result: self._show_hits(term, result), lambda exc: self._search_refused(term, exc))

    def _show_hits(self, term: str, result: SearchResult) -> None:
        if self.search.text().strip() != term:
            return  # typed on meanwhile: the newer term's answer follows
        self.model.set_hits(result.hits)
        self._forget_ticket_if_gone()
        # Laid out now rather than by Qt's delayed layout after the first paint: that would paint
        # every visible cell twice, which was most of the 20 ms a search took to show (issue 11).
        self.table.doItemsLayout()
        shown = self.tr("%1 found").replace("%1", str(result.count))
        if result.count.capped or result.count.value > len(result.hits):
            shown += self.tr(", newest %1 shown").replace("%1", str(len(result.hits)))
        self.count_label.setText(shown)
        if result.hint is not None:
            self._hint(result.hint.text(current_lang()))

    def _search_refused(self, term: str, exc: BaseException) -> bool:
        """A refusal is said under the list (the list empties); anything else goes to the usual report."""
        if not isinstance(exc, ServiceError):
            return False
        if self.search.text().strip() == term:
            self.model.set_hits(())
            self._hint(error_text(exc))
            self._forget_ticket_if_gone()
        return True

    def _forget_ticket_if_gone(self) -> None:
        """Other filters or a search: the panel empties when its ticket is not in the list any more.

        Only here, not after an action: a ticket the clerk just closed leaves "My tickets", and the
        panel keeps showing it with its "Done" line, which is the answer to what they did. Whether a
        queue holds it is asked in the background; the answer counts only if the panel still shows
        that ticket and the list still shows that query.
        """
        view = self.detail.view
        if view is None or self.model.row_of(view.id) is not None:
            return
        query = self.model.query
        if self.model.is_search() or query is None:
            self.detail.load(None)
            return
        ticket_id = view.id

        def held(holds: bool | None) -> None:
            still = self.detail.view is not None and self.detail.view.id == ticket_id and self.detail.wanted == ticket_id
            if holds is False and still and self.model.query == query and not self.model.is_search():
                self.detail.load(None)

        run_query(self, lambda: _holds(self.ctx, query, ticket_id), held)

    def _hint(self, text: str) -> None:
        self.hint_label.setText(text)
        self.hint_label.show()

    @Slot(int, Qt.SortOrder)
    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        """Only due and received times are indexed; another header keeps the indicator where it was."""
        if column in SORT_OF_COLUMN:
            return
        query = self.model.query or self.current_query()
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(next(c for c, s in SORT_OF_COLUMN.items() if s is query.sort),
                                Qt.SortOrder.DescendingOrder if query.descending else Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)

    @Slot(QtCore.QModelIndex, QtCore.QModelIndex)
    def _row_chosen(self, current: QtCore.QModelIndex, _previous: QtCore.QModelIndex) -> None:
        """A row chosen: its ticket is read in the background (a row still "…" is read when its page arrives)."""
        ticket_id = current.data(TICKET_ID_ROLE) if current.isValid() else None
        self._chosen_unread = current.row() if current.isValid() and ticket_id is None else None
        if ticket_id is not None and self.detail.wanted != ticket_id:
            self.detail.load(int(ticket_id))

    @Slot(int, int)
    def _rows_arrived(self, first: int, last: int) -> None:
        """A page came: a row chosen while it was "…" opens its ticket; the ticket on show gets its row selected."""
        current = self.table.currentIndex()
        if self._chosen_unread is not None and current.row() == self._chosen_unread and first <= current.row() <= last:
            self._row_chosen(current, current)  # only a row chosen as "…": a refreshed page never swaps the ticket shown
            return
        wanted = self.detail.wanted
        row = self.model.row_of(wanted) if wanted is not None and not current.isValid() else None
        if row is not None and first <= row <= last:
            self._select_quietly(row)

    def _select_quietly(self, row: int) -> None:
        """Select the row of the ticket already shown, without reading it again."""
        self.table.selectionModel().blockSignals(True)
        self.table.selectRow(row)
        self.table.selectionModel().blockSignals(False)

    @Slot()
    def _counted(self) -> None:
        # Laid out now rather than by Qt's delayed layout after the first paint: that would paint every cell twice.
        self.table.doItemsLayout()
        self._show_count()

    def select_ticket(self, ticket_id: int) -> None:
        """Show a ticket in the detail panel, and select its row when the queue holds it."""
        row = self.model.row_of(ticket_id)
        if row is not None:
            self.table.selectRow(row)
        self.detail.load(ticket_id)

    @Slot(object, object)
    def apply_changes(self, changes: Changes, origin: object) -> None:
        """Tickets changed (here, on another desk, or F5): the rows again, and the open ticket as stored now.

        The panel's own action already painted its result, so only the row is chosen again for it;
        the form's new ticket (or the ticket it added a contact to) was asked for after it was
        written (``_opened``), and reading it a second time cost two more round trips.
        """
        if not (changes.tickets or changes.staff or changes.settings):
            return
        self.refresh()
        if origin is not self.detail and (origin is not self.form or self.form is None):
            self.detail.reread()
        view = self.detail.view
        row = self.model.row_of(view.id) if view is not None else None
        if row is not None and self.table.currentIndex().row() != row:
            self._select_quietly(row)

    def set_campaign(self, code: str | None) -> None:
        """Tickets belong to the hall, not to an enrollment campaign: the queue stays as it is."""

    def focus_search(self) -> bool:
        self.search.setFocus()
        self.search.selectAll()
        return True

    def refresh(self) -> None:
        """Something changed: re-read the rows on screen (a search re-runs, a queue re-counts)."""
        if self.search.text().strip():
            self.apply_filters()
        else:
            self.model.refresh()
            self._show_count()

    def _show_count(self) -> None:
        if self.model.is_search():
            return  # the search's own line ("12 found, newest 50 shown") stays
        rows = self.model.rowCount()
        count = "…" if self.model.counting else f"{rows}+" if self.model.capped else str(rows)
        self.count_label.setText(self.tr("%1 ticket(s)").replace("%1", count))

    @property
    def reports(self) -> ReportsPanel:
        """The Reports tab's panel, built the first time it is shown or asked for. Most clerks never open
        it, and its tables and period fields were a fifth of the page's build at window-up."""
        if self._reports is None:
            from kaccount_desk.ui.tickets.reports_panel import ReportsPanel

            panel = self._reports = ReportsPanel(self.ctx)
            shown = self.tabs.currentIndex()
            placeholder = self._reports_placeholder
            self.tabs.blockSignals(True)
            self.tabs.removeTab(REPORTS_TAB)
            self.tabs.insertTab(REPORTS_TAB, panel, self.tr("Reports"))
            self.tabs.setCurrentIndex(shown)
            self.tabs.blockSignals(False)
            placeholder.setParent(None)
            placeholder.deleteLater()
            self.part_built.emit(panel)
        return self._reports

    @Slot(int)
    def _tab_shown(self, index: int) -> None:
        if index == REPORTS_TAB:
            self.reports  # noqa: B018  (built now, as it comes to the front)

    def carry_over(self, old: TicketsPage) -> None:
        """The same ticket chosen and every unsent text kept, from the page this one replaces (a language switch)."""
        ticket_id, drafts = old.detail.carried()
        self.detail.drafts = drafts
        if ticket_id is not None:
            self.select_ticket(ticket_id)  # its text comes back out of the drafts as it is shown

    @Slot()
    def open_form(self) -> OpenTicketForm:
        """The opening form, shown without blocking; it stays open for the next customer."""
        if self.form is None:
            from kaccount_desk.ui.tickets.open_ticket_form import OpenTicketForm

            self.form = OpenTicketForm(self.ctx, self)
            self.form.saved.connect(self._opened)
            self.form.print_requested.connect(self.print_requested)
        if self.form.isVisible():
            self.form.raise_()
            self.form.activateWindow()
        else:
            self.form.start_afresh()  # not the last customer's "opened" line and receipt button
            self.form.show()
        return self.form

    @Slot(int)
    def _opened(self, ticket_id: int) -> None:
        """The form announced the new ticket itself (the queue re-reads through the change signal)."""
        self.select_ticket(ticket_id)

    @Slot(str)
    def show_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.show()
        self.banner_close.show()

    @Slot()
    def hide_banner(self) -> None:
        self.banner.hide()
        self.banner_close.hide()
