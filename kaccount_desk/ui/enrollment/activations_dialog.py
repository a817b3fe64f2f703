"""The operator's activation list (开通清单): check it, import it, and read what each row did.

Checked first by default (nothing written), as a roster is; the real import moves the matching
"sent" applications to "activated" in one batch. Rows that did nothing come first in the table,
each with its reason, so the clerk can ask the operator about them.
"""

from __future__ import annotations

from pathlib import Path

from kaccount_desk.domain.operator_handover import OUTCOME_LABELS, Outcome
from kaccount_desk.domain.reasons import Lang
from kaccount_desk.services import activations
from kaccount_desk.services.activations import ActivationReport
from kaccount_desk.services.changes import APPLICATIONS_MOVED, Changes
from kaccount_desk.services.context import Context
from kaccount_desk.ui.file_names import ask_open_path
from kaccount_desk.ui.messages import current_lang
from kaccount_desk.ui.operations import run_change
from kaccount_desk.ui.palette import COLOURS
from kaccount_desk.ui.qt import Qt, QtGui, QtWidgets, Signal, Slot

DONE = (Outcome.ACTIVATED, Outcome.ALREADY)


class ActivationsDialog(QtWidgets.QDialog):
    """Pick the operator's file, check or import it; one table row per row of the file."""

    imported = Signal()

    def __init__(self, ctx: Context, campaign_code: str, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.campaign_code = campaign_code
        self.report: ActivationReport | None = None
        self.setWindowTitle(self.tr("Import the operator's activation list"))
        self.path = QtWidgets.QLineEdit()
        self.path.setPlaceholderText(self.tr("The operator's list of activated numbers (.xlsx or .csv)"))
        browse = QtWidgets.QPushButton(self.tr("Choose &file…"))
        browse.clicked.connect(self.choose_file)
        self.dry_run = QtWidgets.QCheckBox(self.tr("D&ry run (check only)"))
        self.dry_run.setChecked(True)
        self.start_button = QtWidgets.QPushButton(self.tr("&Check / import"))
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.summary = QtWidgets.QLabel(self.tr(
            "Numbers the operator opened move from “Sent to carrier” to “Activated”; importing the same list again changes nothing."))
        self.summary.setWordWrap(True)
        self.table = QtWidgets.QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Number"), self.tr("Result"), self.tr("Reason")])
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((50, 110, 110)):
            self.table.setColumnWidth(column, width)
        close = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        file_row = QtWidgets.QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        action_row = QtWidgets.QHBoxLayout()
        action_row.addWidget(self.dry_run)
        action_row.addStretch(1)
        action_row.addWidget(self.start_button)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addLayout(action_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(close)
        self.resize(760, 480)

    @Slot()
    def choose_file(self) -> None:
        path = ask_open_path(self, self.windowTitle(), self.tr("Spreadsheets (*.xlsx *.csv);;All files (*)"))
        if path is not None:
            self.path.setText(str(path))

    @Slot()
    def start(self) -> None:
        text = self.path.text().strip()
        if not text:
            self.summary.setText(self.tr("Choose the operator's file first."))
            return
        path, code, dry_run = Path(text), self.campaign_code, self.dry_run.isChecked()
        self.start_button.setEnabled(False)
        self.summary.setText(self.tr("Checking…") if dry_run else self.tr("Importing…"))
        # A dry run writes nothing, so it tells no page to read again.
        changes = Changes() if dry_run else APPLICATIONS_MOVED
        run_change(self, lambda: activations.import_activations(self.ctx, path, code, dry_run), changes, self._done, self._failed)

    def _done(self, report: ActivationReport) -> None:
        self.start_button.setEnabled(True)
        self.report = report
        lang = current_lang()
        t = report.totals
        counts = self.tr("activated %1, already activated %2, not found %3, in another state %4, unreadable %5")
        for n, key in enumerate(("activated", "already", "not_found", "other_state", "bad_row"), start=1):
            counts = counts.replace(f"%{n}", str(t[key]))
        head = self.tr("Dry run, nothing was written:") if report.dry_run else self.tr("Imported:")
        self.summary.setText("\n".join([f"{head} {counts}", *(notice.text(lang) for notice in report.notices)]))
        self._fill(report, lang)
        if not report.dry_run and t["activated"]:
            self.imported.emit()

    def _fill(self, report: ActivationReport, lang: Lang) -> None:
        lines = sorted(report.lines, key=lambda line: (line.outcome in DONE, line.row))  # what needs asking about first
        self.table.setRowCount(len(lines))
        colours = {True: QtGui.QColor(COLOURS["ok"]), False: QtGui.QColor(COLOURS["reason"])}
        for row, line in enumerate(lines):
            reason = line.text(lang)
            items = [QtWidgets.QTableWidgetItem(str(line.row)), QtWidgets.QTableWidgetItem(line.number),
                     QtWidgets.QTableWidgetItem(OUTCOME_LABELS.text(line.outcome, lang)), QtWidgets.QTableWidgetItem(reason)]
            items[2].setForeground(colours[line.outcome in DONE])
            items[3].setToolTip(reason)
            for column, item in enumerate(items):
                item.setTextAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
                self.table.setItem(row, column, item)

    def _failed(self, _exc: BaseException) -> bool:
        self.start_button.setEnabled(True)
        self.summary.setText(self.tr("The list was not imported: no application changed."))
        return False

    def rows(self) -> list[tuple[str, str, str, str]]:
        """(row, number, result, reason) as shown, for whoever reads the dialog back (the tests)."""
        def text(row: int, column: int) -> str:
            item = self.table.item(row, column)
            return item.text() if item else ""
        return [(text(r, 0), text(r, 1), text(r, 2), text(r, 3)) for r in range(self.table.rowCount())]
