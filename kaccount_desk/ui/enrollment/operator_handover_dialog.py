"""Hand over to the operator (移交运营商): choose the department (or all) and where the file goes, then one click.

The file holds full ID numbers and ID-card copies, so the dialog says so before anything is chosen,
and the save dialog's title says so again; the suggested name carries the warning too. What was
handed over and what stayed behind (with each reason) shows in the dialog once the service answers.
"""

from __future__ import annotations

from pathlib import Path

from kaccount_desk.domain.campaign import CampaignSpec
from kaccount_desk.domain.operator_handover import handover_file_name
from kaccount_desk.domain.operator_time import OPERATOR_TZ
from kaccount_desk.domain.roles import fixed_department
from kaccount_desk.services import campaigns, operator_handover
from kaccount_desk.services.changes import APPLICATIONS_MOVED
from kaccount_desk.services.context import Context
from kaccount_desk.services.operator_handover import Handover
from kaccount_desk.ui.file_names import ask_save_path
from kaccount_desk.ui.messages import current_lang
from kaccount_desk.ui.operations import announce, run_query
from kaccount_desk.ui.palette import COLOURS
from kaccount_desk.ui.qt import Qt, QtGui, QtWidgets, Signal, Slot
from kaccount_desk.ui.workers import Operation, ProgressCallback, run_with_progress


class OperatorHandoverDialog(QtWidgets.QDialog):
    """One hand-over per click; the held-back applications are listed with their reasons below."""

    handed_over = Signal(object)

    def __init__(self, ctx: Context, campaign_code: str, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.campaign_code = campaign_code
        self.result_shown: Handover | None = None
        self.operation: Operation | None = None
        self.setWindowTitle(self.tr("Hand over to the operator"))
        self.warning = QtWidgets.QLabel(self.tr(
            "The hand-over file holds full ID numbers and ID-card copies: its name says so. Keep it on this PC or a USB stick "
            "you carry, and hand it to the operator's counter in person. The applications handed over move to "
            "“Sent to carrier” when the file is written, and only then."))
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"color: {COLOURS['reason']};")
        self.department = QtWidgets.QComboBox()
        self.department.addItem(self.tr("All departments"), None)
        run_query(self.department, lambda: campaigns.get_campaign(ctx, campaign_code), self._list_departments)
        self.path = QtWidgets.QLineEdit()
        self.path.setPlaceholderText(self.tr("Where the file goes (a folder or a .zip name)"))
        browse = QtWidgets.QPushButton(self.tr("Choose &where…"))
        browse.clicked.connect(self.choose_target)
        self.start_button = QtWidgets.QPushButton(self.tr("&Hand over"))
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.summary = QtWidgets.QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QtWidgets.QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("No."), self.tr("Name"), self.tr("Why it stayed behind")])
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        close = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("&Department:"), self.department)
        target = QtWidgets.QHBoxLayout()
        target.addWidget(self.path, 1)
        target.addWidget(browse)
        form.addRow(self.tr("Save to:"), target)
        action = QtWidgets.QHBoxLayout()
        action.addStretch(1)
        action.addWidget(self.start_button)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.warning)
        layout.addLayout(form)
        layout.addLayout(action)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(close)
        self.resize(760, 480)

    @Slot()
    def _list_departments(self, spec: CampaignSpec) -> None:
        for found in spec.departments:
            self.department.addItem(found.name, found.name)
        fixed = fixed_department(self.ctx.actor.role, self.ctx.actor.department)
        if fixed is not None and self.department.findData(fixed) >= 0:
            self.department.setCurrentIndex(self.department.findData(fixed))
            self.department.setEnabled(False)

    def suggested_name(self) -> str:
        day = self.ctx.now().astimezone(OPERATOR_TZ).date()
        return handover_file_name(self.campaign_code, self.department.currentData(), day)

    @Slot()
    def choose_target(self) -> Path | None:
        """The save dialog, whose title says the file holds ID data, with the standard name suggested."""
        chosen = ask_save_path(self, self.tr("Save the operator's hand-over (contains ID numbers and ID-card copies)"),
                               self.suggested_name(), self.tr("Hand-over with ID data (*.zip)"))
        if chosen is not None:
            self.path.setText(str(chosen))
        return chosen

    @Slot()
    def start(self) -> None:
        text = self.path.text().strip()
        if not text:
            self.summary.setText(self.tr("Choose where the file goes first."))
            return
        target, code, department = Path(text), self.campaign_code, self.department.currentData()
        self.start_button.setEnabled(False)
        self.summary.setText(self.tr("Writing the hand-over…"))

        def work(progress: ProgressCallback) -> Handover:
            return operator_handover.hand_over(self.ctx, code, target, department, progress)

        self.operation = run_with_progress(self, self.tr("Hand over to the operator"), work, self._done, self._failed)

    def _done(self, done: Handover) -> None:
        self.start_button.setEnabled(True)
        self.result_shown = done
        lines = [
            self.tr("%n application(s) handed over, now “Sent to carrier”. The file:", "", len(done.sent)),
            str(done.out),
            self.tr("Checksum (SHA-256): %1").replace("%1", done.sha256),
        ]
        if done.refused:
            lines.append(self.tr("%n submitted application(s) stayed behind; the reasons are below.", "", len(done.refused)))
        if done.waiting:
            lines.append(self.tr("%n more application(s) are not yet submitted by the office and were not included.", "", done.waiting))
        self.summary.setText("\n".join(lines))
        self._show_refused(done)
        announce(APPLICATIONS_MOVED, self)  # the list and the progress behind the dialog read again
        self.handed_over.emit(done)

    def _show_refused(self, done: Handover) -> None:
        lang = current_lang()
        self.table.setRowCount(len(done.refused))
        colour = QtGui.QColor(COLOURS["reason"])
        for row, result in enumerate(done.refused):
            items = (QtWidgets.QTableWidgetItem(str(result.id)), QtWidgets.QTableWidgetItem(result.name),
                     QtWidgets.QTableWidgetItem(result.text(lang)))
            items[2].setToolTip(result.text(lang))
            items[2].setForeground(colour)
            for column, item in enumerate(items):
                self.table.setItem(row, column, item)
        self.table.resizeColumnToContents(0)

    def _failed(self, exc: BaseException) -> bool:
        """A refusal is shown in a message box (the default), a cancel only here; either way nothing moved."""
        self.start_button.setEnabled(True)
        self.summary.setText(self.tr("Nothing was handed over: no file was written and no application changed."))
        return isinstance(exc, operator_handover.Cancelled)

    def rows(self) -> list[tuple[str, str, str]]:
        """(no., name, reason) as shown, for whoever reads the dialog back (the tests)."""
        def text(row: int, column: int) -> str:
            item = self.table.item(row, column)
            return item.text() if item else ""
        return [(text(r, 0), text(r, 1), text(r, 2)) for r in range(self.table.rowCount())]
