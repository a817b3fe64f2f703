"""The Admin page's audit tab: the log, newest first, filtered by action, staff ID and dates;
a check of the whole chain, and an export. Only administrators see it (the service refuses others).

The table is a lazy model over the service's pages, so a log of a million entries scrolls like ten.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from kaccount_desk.domain.audit import Action
from kaccount_desk.domain.operator_time import OPERATOR_TZ, local
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.services import audit, audit_view
from kaccount_desk.services.audit_view import AuditFilter, AuditRow
from kaccount_desk.services.context import Context
from kaccount_desk.ui.file_names import ask_save_path, file_name
from kaccount_desk.ui.lazy_table import LazyTableModel
from kaccount_desk.ui.messages import current_lang
from kaccount_desk.ui.operations import run_query, worker_job
from kaccount_desk.ui.palette import text_style
from kaccount_desk.ui.qt import QT_TRANSLATE_NOOP, QtCore, QtGui, QtWidgets, Slot
from kaccount_desk.ui.workers import run_with_progress


def _day(edit: QtWidgets.QDateEdit) -> date:
    """The edit's day as a date (QDate.toPython() is typed as object by the stubs)."""
    day = edit.date()
    return date(day.year(), day.month(), day.day())


class AuditModel(LazyTableModel[AuditRow]):
    columns = tuple(str(label) for label in (
        QT_TRANSLATE_NOOP("AuditModel", "No."),
        QT_TRANSLATE_NOOP("AuditModel", "Time (UTC+8)"),
        QT_TRANSLATE_NOOP("AuditModel", "Staff ID"),
        QT_TRANSLATE_NOOP("AuditModel", "Action"),
        QT_TRANSLATE_NOOP("AuditModel", "Subject"),
        QT_TRANSLATE_NOOP("AuditModel", "Detail"),
    ))
    translation_context = "AuditModel"

    def __init__(self, ctx: Context, parent: QtCore.QObject | None = None) -> None:
        """Empty until the first :meth:`set_filter`: the panel reads the log when its tab is first shown."""
        super().__init__(ctx, parent)
        self.filter = AuditFilter()

    @worker_job
    def _fetch_count(self) -> tuple[int, bool]:
        return audit_view.count(self.ctx, self.filter), False

    @worker_job
    def _fetch_page(self, offset: int, limit: int) -> list[AuditRow]:
        return audit_view.page(self.ctx, self.filter, offset, limit)

    def _cell(self, row: AuditRow, column: int, role: int) -> Any:
        # The hall's time, as the tickets beside it show (the store keeps UTC; a PC may be set to another zone).
        at = row.at if row.at.tzinfo else row.at.replace(tzinfo=UTC)
        values = (str(row.seq), f"{local(at):%Y-%m-%d %H:%M}", row.actor, audit_view.action_label(row.action, current_lang()),
                  row.subject, row.detail_text)
        return values[column] if 0 <= column < len(values) else None

    def set_filter(self, f: AuditFilter) -> None:
        self.filter = f
        self._reset()


class AuditPanel(QtWidgets.QWidget):
    """The log and its alarm are read when the tab is first shown, not with the Admin page, which
    opens on its first tab: across a VPN every read the page makes is felt (issue 21)."""

    def __init__(self, ctx: Context, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.loaded = False
        self.action = QtWidgets.QComboBox()
        self.action.addItem(self.tr("All actions"), "")
        for action in Action:
            self.action.addItem(audit_view.action_label(action.value, current_lang()), action.value)
        self.actor = QtWidgets.QLineEdit()
        self.actor.setPlaceholderText(self.tr("Staff ID"))
        today = QtCore.QDate.currentDate()
        self.since = QtWidgets.QDateEdit(today.addDays(-30))
        self.until = QtWidgets.QDateEdit(today)
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.all_dates = QtWidgets.QCheckBox(self.tr("All dates"))
        self.all_dates.setChecked(True)
        apply_button = QtWidgets.QPushButton(self.tr("Filter"))
        self.verify_button = QtWidgets.QPushButton(self.tr("Check the chain"))
        self.export_button = QtWidgets.QPushButton(self.tr("Export…"))
        self.status = QtWidgets.QLabel()
        self.status.setWordWrap(True)
        self.alarm = QtWidgets.QLabel()  # an anchor alarm this PC holds: shown from the moment the tab opens
        self.alarm.setWordWrap(True)
        self.alarm.setStyleSheet(text_style("reason"))
        self.alarm.hide()
        self.model = AuditModel(ctx, self)
        self.model.counted.connect(self._show_count)
        self.table = QtWidgets.QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(1, self.table.fontMetrics().horizontalAdvance("2026-12-06 23:59") + 16)  # one line, not two
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        bar = QtWidgets.QHBoxLayout()
        for widget in (self.action, self.actor, self.all_dates, self.since, self.until, apply_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.verify_button)
        bar.addWidget(self.export_button)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.alarm)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        apply_button.clicked.connect(self.apply_filter)
        self.actor.returnPressed.connect(self.apply_filter)
        self.verify_button.clicked.connect(self.verify)
        self.export_button.clicked.connect(lambda: self.export())

    def showEvent(self, event: QtGui.QShowEvent) -> None:
        """The first time the tab is shown: the alarm this PC holds and the log's first page."""
        super().showEvent(event)
        if not self.loaded:
            self.loaded = True
            store = self.ctx.store
            run_query(self, lambda: audit.standing_alarm(store), self.show_alarm)
            self.apply_filter()

    def show_alarm(self, reason: Reason | None) -> None:
        self.alarm.setVisible(reason is not None)
        if reason is not None:
            self.alarm.setText(self.tr("Audit alarm: ") + reason.text(current_lang()))

    def current_filter(self) -> AuditFilter:
        since = until = None
        if not self.all_dates.isChecked():
            # The hall's days, the same as the times shown in the table.
            since = datetime.combine(_day(self.since), time(), OPERATOR_TZ).astimezone(UTC)
            until = datetime.combine(_day(self.until), time(), OPERATOR_TZ).astimezone(UTC) + timedelta(days=1)
        return AuditFilter(action=self.action.currentData() or None, actor=self.actor.text().strip() or None, since=since, until=until)

    @Slot()
    def apply_filter(self) -> None:
        """Read the log again with the filter typed (a change or F5 before the tab was shown waits for it)."""
        if not self.loaded:
            return
        self.model.set_filter(self.current_filter())
        self.status.setText("…")  # counted in the background: _show_count follows

    @Slot()
    def _show_count(self) -> None:
        self.status.setText(self.tr("%n entries", "", self.model.rowCount()))

    @Slot()
    def verify(self) -> None:
        """Walk the whole chain off the GUI thread (a million entries take a while); the tab says it is checking."""
        store = self.ctx.store
        self.status.setText(self.tr("Checking the chain…"))
        run_query(self, lambda: (audit.verify(store), audit.standing_alarm(store)), lambda found: self._verified(*found))

    def _verified(self, result: audit.Verification, alarm: Reason | None) -> None:
        self.show_alarm(alarm)
        problems = ([result.reason] if result.reason else []) + list(result.problems)
        if not problems:
            self.status.setText(self.tr("The audit log is intact: %n entries.", "", result.entries)
                                + " " + self.tr("Latest entry: ") + result.witness.text)
        else:
            self.status.setText("\n".join(self.tr("The audit log was tampered with: ") + p.text(current_lang()) for p in problems))

    def export(self, path: Path | None = None) -> None:
        if path is None:
            suggested = file_name(self.tr("Audit log"), day=self.ctx.now().astimezone().date(), suffix=".xlsx")
            path = ask_save_path(self, self.tr("Export the audit log"), suggested, self.tr("Excel (*.xlsx);;CSV (*.csv)"))
            if path is None:
                return
        chosen = self.current_filter()
        target = path
        run_with_progress(self, self.tr("Exporting the audit log"), lambda _progress: audit_view.export(self.ctx, chosen, target),
                          lambda count: self.status.setText(self.tr("%n entries written to ", "", int(count)) + str(target)))
