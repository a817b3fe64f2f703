"""Roster import (a department's spreadsheet in) and export (the carrier's roster out).

Imports run off the GUI thread with progress and Cancel; a dry run checks every row and writes
nothing, so an office can fix a department's file before anything lands in the store.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kaccount_desk.domain.campaign import CampaignSpec
from kaccount_desk.domain.roles import fixed_department
from kaccount_desk.services import campaigns, rosters
from kaccount_desk.services.context import Context
from kaccount_desk.services.rosters import ROW_RESULT_LABELS, ImportReport, RowResult
from kaccount_desk.ui.file_names import ask_open_path, ask_save_path, file_name
from kaccount_desk.ui.messages import current_lang
from kaccount_desk.ui.none_guard import none_safe
from kaccount_desk.ui.operations import run_query
from kaccount_desk.ui.palette import COLOURS
from kaccount_desk.ui.qt import QT_TRANSLATE_NOOP, Qt, QtCore, QtGui, QtWidgets, Signal, Slot
from kaccount_desk.ui.workers import Operation, ProgressCallback, run_with_progress

REPORT_COLUMNS: tuple[str, ...] = tuple(str(label) for label in (
    QT_TRANSLATE_NOOP("ImportReportModel", "Row"),
    QT_TRANSLATE_NOOP("ImportReportModel", "Name"),
    QT_TRANSLATE_NOOP("ImportReportModel", "Result"),
    QT_TRANSLATE_NOOP("ImportReportModel", "Reasons and warnings"),
))


def _tr(text: str) -> str:
    return QtCore.QCoreApplication.translate("ImportReportModel", text)


class ImportReportModel(QtCore.QAbstractTableModel):
    """The per-row report; it is already in memory, the model only presents it."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[RowResult] = []

    def set_report(self, report: ImportReport | None) -> None:
        self.beginResetModel()
        # Problems first, so the rows someone must fix are on top; the row numbers keep the file's order.
        rows = list(report.rows) if report else []
        self.rows = sorted(rows, key=lambda r: (r.status != "rejected", not r.warnings))
        self.endResetModel()

    def rowCount(self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = QtCore.QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = QtCore.QModelIndex()) -> int:
        return 0 if parent.isValid() else len(REPORT_COLUMNS)

    @none_safe
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(REPORT_COLUMNS):
            return _tr(REPORT_COLUMNS[section])
        return None

    @none_safe
    def data(self, index: QtCore.QModelIndex | QtCore.QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.status == "rejected":
                return QtGui.QColor(COLOURS["reason"])
            return QtGui.QColor(COLOURS["warning"]) if row.warnings and index.column() == 3 else None
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 3:
            return self.full_text(index.row())  # a long reason is cut in its cell, whole here
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        lang = current_lang()
        column = index.column()
        if column == 0:
            return str(row.row)
        if column == 1:
            return row.name
        if column == 2:
            return ROW_RESULT_LABELS.text(row.status, lang)
        separator = "; " if lang == "en" else ";"
        return separator.join([r.text(lang) for r in row.reasons] + [w.text(lang) for w in row.warnings])


    def full_text(self, row: int) -> str | None:
        """Every reason and warning of a row, one per line: for the tooltip and the details pane."""
        if not 0 <= row < len(self.rows):
            return None
        found = self.rows[row]
        lang = current_lang()
        return "\n".join([r.text(lang) for r in found.reasons] + [w.text(lang) for w in found.warnings]) or None


class ImportRosterDialog(QtWidgets.QDialog):
    """Pick a file, check or import it, and read the report row by row."""

    imported = Signal()

    def __init__(self, ctx: Context, campaign_code: str, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.campaign_code = campaign_code
        self.report: ImportReport | None = None
        self.operation: Operation | None = None
        self.setWindowTitle(self.tr("Import roster"))
        self.path = QtWidgets.QLineEdit()
        self.path.setPlaceholderText(self.tr("A department's roster (.xlsx or .csv)"))
        browse = QtWidgets.QPushButton(self.tr("Choose &file…"))
        browse.clicked.connect(self.choose_file)
        self.department = QtWidgets.QComboBox()
        self.department.addItem(self.tr("(from the sheet's department column)"), "")
        run_query(self.department, lambda: campaigns.get_campaign(ctx, campaign_code), self._list_departments)
        self.path.textChanged.connect(self._department_from_file_name)
        self.department.setToolTip(self.tr("For a sheet without a department column, or rows left blank there"))
        self.dry_run = QtWidgets.QCheckBox(self.tr("D&ry run (check only)"))
        self.dry_run.setChecked(True)
        self.start_button = QtWidgets.QPushButton(self.tr("&Check / import"))
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.summary = QtWidgets.QLabel()
        self.summary.setWordWrap(True)
        self.report_model = ImportReportModel(self)
        self.table = QtWidgets.QTableView()
        self.table.setModel(self.report_model)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((60, 100, 80)):
            self.table.setColumnWidth(column, width)
        self.details = QtWidgets.QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.save_refused_button = QtWidgets.QPushButton(self.tr("&Save refused rows…"))
        self.save_refused_button.setToolTip(self.tr("The refused rows as the department sent them, with a reason column, to send back"))
        self.save_refused_button.setEnabled(False)
        self.save_refused_button.clicked.connect(self.save_refused)
        close = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        close.addButton(self.save_refused_button, QtWidgets.QDialogButtonBox.ButtonRole.ActionRole)
        close.rejected.connect(self.reject)
        file_row = QtWidgets.QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        action_row = QtWidgets.QHBoxLayout()
        department_label = QtWidgets.QLabel(self.tr("&Department:"))
        department_label.setBuddy(self.department)
        action_row.addWidget(department_label)
        action_row.addWidget(self.department)
        action_row.addWidget(self.dry_run)
        action_row.addStretch(1)
        action_row.addWidget(self.start_button)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addLayout(action_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addWidget(close)
        self.resize(820, 520)
        # The reading child starts while the person chooses the file (a failure only means it starts with the
        # read); the model as parent, so no busy cursor for it.
        run_query(self.report_model, lambda: rosters.read_ahead(ctx), lambda _: None, lambda _: True)

    @Slot()
    def _list_departments(self, spec: CampaignSpec) -> None:
        """The campaign's departments, once read in the background; a name the file gave meanwhile is kept."""
        chosen = self.department.currentData()
        for found in spec.departments:
            self.department.addItem(found.name, found.name)
        # Only a collector's own department is a safe default: office staff import every department's
        # sheet, and theirs as default put 铸造事业部's people into 公司(党委)办公室 without a word.
        fixed = fixed_department(self.ctx.actor.role, self.ctx.actor.department)
        wanted = chosen or fixed
        if wanted and self.department.findData(wanted) >= 0:
            self.department.setCurrentIndex(self.department.findData(wanted))
        elif not chosen:
            self._department_from_file_name(self.path.text())

    def choose_file(self) -> None:
        path = ask_open_path(self, self.tr("Import roster"), self.tr("Rosters (*.xlsx *.csv);;All files (*)"))
        if path is not None:
            self.path.setText(str(path))

    @Slot(str)
    def _department_from_file_name(self, text: str) -> None:
        """A department's sheet is usually named after it (铸造事业部名单.xlsx): choose that department."""
        if fixed_department(self.ctx.actor.role, self.ctx.actor.department) is not None:
            return
        stem = Path(text.strip()).stem
        named = [self.department.itemData(i) for i in range(1, self.department.count()) if self.department.itemData(i) in stem]
        if len(named) == 1:
            self.department.setCurrentIndex(self.department.findData(named[0]))

    @Slot()
    def start(self) -> None:
        text = self.path.text().strip()
        if not text:
            self.summary.setText(self.tr("Choose a roster file first."))
            return
        path, code, dry_run = Path(text), self.campaign_code, self.dry_run.isChecked()
        department = str(self.department.currentData() or "")
        self.start_button.setEnabled(False)
        self.summary.setText(self.tr("Checking…") if dry_run else self.tr("Importing…"))

        def work(progress: ProgressCallback) -> ImportReport:
            return rosters.import_roster(self.ctx, path, code, dry_run, progress, department)

        self.operation = run_with_progress(self, self.tr("Import roster"), work, self._done, self._failed)

    def _done(self, report: ImportReport) -> None:
        self.start_button.setEnabled(True)
        self.report = report
        self.report_model.set_report(report)
        totals = report.totals
        counts = self.tr("new %1, updated %2, unchanged %3, refused %4")
        for n, key in enumerate(("accepted", "updated", "unchanged", "rejected"), start=1):
            counts = counts.replace(f"%{n}", str(totals[key]))
        head = self.tr("Dry run, nothing was written:") if report.dry_run else self.tr("Imported:")
        lang = current_lang()
        self.summary.setText("\n".join([f"{head} {counts}", *(notice.text(lang) for notice in report.notices)]))
        self.save_refused_button.setEnabled(bool(totals["rejected"]))
        if not report.dry_run and (totals["accepted"] or totals["updated"]):
            self.imported.emit()

    @Slot(QtCore.QModelIndex, QtCore.QModelIndex)
    def _row_chosen(self, current: QtCore.QModelIndex, _previous: QtCore.QModelIndex) -> None:
        self.details.setText(self.report_model.full_text(current.row()) or "")

    @Slot()
    def save_refused(self) -> Path | None:
        """Write the refused rows with their reasons beside the roster, to send back to the department."""
        if self.report is None:
            return None
        source = Path(self.report.file)
        refused = self.tr("refused")
        suggested = source.with_name(f"{source.stem}_{refused}.xlsx")
        name, _ = QtWidgets.QFileDialog.getSaveFileName(self, self.tr("Save refused rows"), str(suggested), "Excel (*.xlsx)")
        if not name:
            return None
        report, lang = self.report, current_lang()
        run_query(self, lambda: rosters.save_refused(self.ctx, report, Path(name), lang), lambda count: self._refused_saved(count, name))
        return Path(name)

    def _refused_saved(self, count: int, name: str) -> None:
        saved = self.tr("%1 refused rows saved to %2").replace("%1", str(count)).replace("%2", name)
        self.summary.setText(self.summary.text() + "\n" + saved)

    def _failed(self, exc: BaseException) -> bool:
        self.start_button.setEnabled(True)
        if isinstance(exc, rosters.Cancelled):
            self.summary.setText(self.tr("Import cancelled: nothing was written."))
            return True
        self.summary.setText("")
        return False


def export_roster(parent: QtWidgets.QWidget | None, ctx: Context, campaign_code: str,
                  path: Path | None = None, application_ids: list[int] | None = None) -> Operation | None:
    """Ask where to save (unless given), then write the carrier's roster (or the picked applications) off the GUI thread."""
    if path is None:
        # Spelled out, not aliased: lupdate finds only QCoreApplication.translate(...) calls.
        word = QtCore.QCoreApplication.translate("roster_dialogs", "Roster")
        suggested = file_name(campaign_code, word, day=ctx.now().astimezone().date(), suffix=".xlsx")
        path = ask_save_path(parent, QtCore.QCoreApplication.translate("roster_dialogs", "Export roster"), suggested,
                             QtCore.QCoreApplication.translate("roster_dialogs", "Spreadsheet (*.xlsx);;Text with commas (*.csv)"))
        if path is None:
            return None
    target = path

    def work(progress: ProgressCallback) -> int:
        return rosters.export_roster(ctx, campaign_code, target, application_ids=application_ids)

    def done(count: int) -> None:
        QtWidgets.QMessageBox.information(
            parent, QtCore.QCoreApplication.translate("roster_dialogs", "Export roster"),
            QtCore.QCoreApplication.translate("roster_dialogs", "%n application(s) written to:", "", count) + f"\n{target}",
        )

    return run_with_progress(parent, QtCore.QCoreApplication.translate("roster_dialogs", "Export roster"), work, done)
