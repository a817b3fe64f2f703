"""How far each department is, against the campaign's deadline.

The office chases departments before 截止时间; the panel shows who is behind at a glance:
the deadline turns amber in its last day and red once passed.
"""

from __future__ import annotations

from kaccount_desk.domain.campaign import DEPARTMENT_KINDS
from kaccount_desk.domain.deadline import deadline_stage, time_left, time_left_text
from kaccount_desk.services import application_list
from kaccount_desk.services.application_list import Progress
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import ServiceError
from kaccount_desk.ui.enrollment.latest_query import LatestQuery
from kaccount_desk.ui.messages import current_lang, error_text
from kaccount_desk.ui.operations import run_query
from kaccount_desk.ui.palette import COLOURS
from kaccount_desk.ui.qt import Qt, QtCore, QtWidgets

REFRESH_MS = 60_000


class ProgressPanel(QtWidgets.QGroupBox):
    """Deadline, time left, and one row per department: total, ready, and a bar."""

    def __init__(self, ctx: Context, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.campaign_code: str | None = None
        self.progress: Progress | None = None
        self.setTitle(self.tr("Progress by department"))
        self.deadline_label = QtWidgets.QLabel()
        self.deadline_label.setTextFormat(Qt.TextFormat.RichText)
        self.deadline_label.setWordWrap(True)
        self.table = QtWidgets.QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Department"), self.tr("Kind"), self.tr("Total"), self.tr("Ready"), self.tr("Progress")]
        )
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QtWidgets.QHeaderView.ResizeMode.Stretch)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.deadline_label)
        layout.addWidget(self.table)
        self._query = LatestQuery()
        self._timer = QtCore.QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()

    def set_campaign(self, code: str | None) -> None:
        self.campaign_code = code
        self.refresh()

    def refresh(self) -> None:
        """Count again, off the GUI thread (every minute, and after every change to applications)."""
        if not self.campaign_code:
            self.progress = None
            self.deadline_label.setText("")
            self.table.setRowCount(0)
            return
        code = self.campaign_code
        self._query.ask(lambda done, failed: run_query(
            self, lambda: application_list.department_progress(self.ctx, code), done, failed,
        ), lambda found: self._show(code, found), self._refused)

    def _show(self, code: str, progress: Progress) -> None:
        if code != self.campaign_code:
            return  # another campaign was chosen while this one was counted
        self.progress = progress
        self._show_deadline(progress)
        self._show_departments(progress)

    def _refused(self, exc: BaseException) -> bool:
        if not isinstance(exc, ServiceError):
            return False
        self.deadline_label.setText(f'<span style="color:{COLOURS["reason"]}">{error_text(exc)}</span>')
        return True

    def _show_deadline(self, progress: Progress) -> None:
        """How near the deadline is and how the time left reads are the domain's (``deadline_stage``, ``time_left_text``)."""
        when = progress.deadline.strftime("%Y-%m-%d %H:%M")
        stage = deadline_stage(progress.now, progress.deadline)
        if stage == "passed":
            status = self.tr("deadline passed")
        else:
            status = time_left_text(time_left(progress.now, progress.deadline)).text(current_lang())
        colour = {"passed": COLOURS["reason"], "near": COLOURS["warning"]}.get(stage, "")
        styled = f'<b style="color:{colour}">{status}</b>' if colour else f"<b>{status}</b>"
        self.deadline_label.setText(self.tr("Deadline: %1").replace("%1", when) + " — " + styled)

    def _show_departments(self, progress: Progress) -> None:
        lang = current_lang()
        self.table.setRowCount(len(progress.departments))
        for row, dept in enumerate(progress.departments):
            cells = (dept.department, DEPARTMENT_KINDS.text(dept.kind, lang), str(dept.total), str(dept.ready))
            for column, text in enumerate(cells):
                item = QtWidgets.QTableWidgetItem(text)
                if column >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
            bar = QtWidgets.QProgressBar()
            bar.setRange(0, max(dept.total, 1))
            bar.setValue(min(dept.ready, max(dept.total, 1)))
            bar.setFormat(f"{dept.ready}/{dept.total}")
            self.table.setCellWidget(row, 4, bar)
