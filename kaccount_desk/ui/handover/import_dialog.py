"""The office imports a department seat's package: a preview first (new, changed, unchanged, conflicts
and refused rows with their reasons), then the import itself, in one transaction.

The preview is the import run and rolled back (services/handover_import.py), so it shows exactly
what the import will do; the Import button is offered only after a preview of a package not imported
yet (even one that adds nothing: importing it records it, so the seat can be told the office has it).

Once a package is imported (or previewed as imported already), the office saves the receipt the
seat reads back (File → Packages sent to the office… there): it says the office has the package.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kaccount_desk.domain.handover import ACK_SUFFIX, PACKAGE_SUFFIX, ROW_KIND_LABELS, RowKind, ack_file_name
from kaccount_desk.domain.reasons import joined
from kaccount_desk.services.changes import ROSTER_IMPORTED
from kaccount_desk.services.context import Context
from kaccount_desk.services.handover_import import HandoverPreview, PreviewRow, import_package, write_receipt
from kaccount_desk.ui.file_names import ask_open_path, ask_save_path
from kaccount_desk.ui.messages import current_lang
from kaccount_desk.ui.none_guard import none_safe
from kaccount_desk.ui.operations import run_change, run_query
from kaccount_desk.ui.palette import COLOURS
from kaccount_desk.ui.qt import QT_TRANSLATE_NOOP, Qt, QtCore, QtGui, QtWidgets, Signal, Slot

COLUMNS: tuple[str, ...] = tuple(str(label) for label in (
    QT_TRANSLATE_NOOP("HandoverPreviewModel", "Seat no."),
    QT_TRANSLATE_NOOP("HandoverPreviewModel", "Name"),
    QT_TRANSLATE_NOOP("HandoverPreviewModel", "Number"),
    QT_TRANSLATE_NOOP("HandoverPreviewModel", "Result"),
    QT_TRANSLATE_NOOP("HandoverPreviewModel", "Reasons"),
))
_PROBLEMS = (RowKind.CONFLICT, RowKind.REFUSED)


class HandoverPreviewModel(QtCore.QAbstractTableModel):
    """The rows of a preview, problems first; already in memory, the model only presents them."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[PreviewRow] = []

    def set_preview(self, preview: HandoverPreview | None) -> None:
        self.beginResetModel()
        self.rows = sorted(preview.rows if preview else [], key=lambda r: (r.kind not in _PROBLEMS, r.seat_application_id))
        self.endResetModel()

    def rowCount(self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = QtCore.QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = QtCore.QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    @none_safe
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return QtCore.QCoreApplication.translate("HandoverPreviewModel", COLUMNS[section])
        return None

    @none_safe
    def data(self, index: QtCore.QModelIndex | QtCore.QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        lang = current_lang()
        reasons = joined(row.reasons, lang)
        if role == Qt.ItemDataRole.ForegroundRole and row.kind in _PROBLEMS:
            return QtGui.QColor(COLOURS["reason"])
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 4:
            return reasons or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (str(row.seat_application_id), row.name, row.msisdn or "", ROW_KIND_LABELS.text(row.kind, lang), reasons)[index.column()]


class HandoverImportDialog(QtWidgets.QDialog):
    """Choose a package, preview it, import it."""

    imported = Signal()
    receipt_saved = Signal(object)  # the receipt's path

    def __init__(self, ctx: Context, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.preview: HandoverPreview | None = None
        self.setWindowTitle(self.tr("Import a department's hand-over package"))
        self.path = QtWidgets.QLineEdit()
        self.path.setPlaceholderText(self.tr("A package from a department's seat (.kahp; it carries ID data)"))
        self.path.textChanged.connect(self._forget_preview)
        browse = QtWidgets.QPushButton(self.tr("Choose &file…"))
        browse.clicked.connect(self.choose_file)
        self.preview_button = QtWidgets.QPushButton(self.tr("&Preview"))
        self.preview_button.setDefault(True)
        self.preview_button.clicked.connect(self.start_preview)
        self.import_button = QtWidgets.QPushButton(self.tr("&Import"))
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        self.receipt_button = QtWidgets.QPushButton(self.tr("Save a &receipt for the seat…"))
        self.receipt_button.setEnabled(False)
        self.receipt_button.clicked.connect(self.save_receipt)
        # Two short lines (what, then the totals), never wrapped: a wrapping label beside a stretching table
        # was given one line's height and painted its two lines over each other.
        self.summary = QtWidgets.QLabel(self.tr("Choose a package and preview it: nothing changes until you import."))
        self.model = HandoverPreviewModel(self)
        self.table = QtWidgets.QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((70, 100, 110, 80)):
            self.table.setColumnWidth(column, width)
        close = QtWidgets.QPushButton(self.tr("&Close"))
        close.clicked.connect(self.reject)
        top = QtWidgets.QHBoxLayout()
        top.addWidget(self.path, 1)
        top.addWidget(browse)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.receipt_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(900, 520)

    @Slot()
    def choose_file(self) -> None:
        chosen = ask_open_path(self, self.tr("Open a hand-over package"), self.tr("Hand-over packages (*%1)").replace("%1", PACKAGE_SUFFIX))
        if chosen is not None:
            self.path.setText(str(chosen))

    @Slot()
    def _forget_preview(self) -> None:
        self.preview = None
        self.import_button.setEnabled(False)
        self.receipt_button.setEnabled(False)

    @Slot()
    def start_preview(self) -> None:
        path = Path(self.path.text().strip())
        if not self.path.text().strip():
            return
        self._forget_preview()
        run_query(self, lambda: import_package(self.ctx, path, dry_run=True), self._previewed)

    def _previewed(self, preview: HandoverPreview) -> None:
        self.preview = preview
        self.model.set_preview(preview)
        self.summary.setText(self._summary(preview))
        self.import_button.setEnabled(not preview.already_imported)
        self.receipt_button.setEnabled(preview.already_imported)

    @Slot()
    def start_import(self) -> None:
        if self.preview is None:
            return
        path = Path(self.path.text().strip())
        self.import_button.setEnabled(False)
        run_change(self, lambda: import_package(self.ctx, path), ROSTER_IMPORTED, self._imported)

    def _imported(self, preview: HandoverPreview) -> None:
        self.preview = preview
        self.model.set_preview(preview)
        self.summary.setText(self._summary(preview))
        self.receipt_button.setEnabled(True)
        self.imported.emit()

    @Slot()
    def save_receipt(self) -> None:
        """Ask where to save the receipt of the package shown (imported), then write it from the office's record of the import."""
        done = self.preview
        if done is None or (done.dry_run and not done.already_imported):
            return
        out = ask_save_path(self, self.tr("Save the receipt for the seat"), ack_file_name(done.department, done.sequence),
                            self.tr("Receipts for a seat (*%1)").replace("%1", ACK_SUFFIX))
        if out is not None:
            run_query(self, lambda: write_receipt(self.ctx, done.seat, done.sequence, out), lambda path: self._receipt_saved(done, path))

    def _receipt_saved(self, done: HandoverPreview, path: Path) -> None:
        self.receipt_saved.emit(path)
        QtWidgets.QMessageBox.information(self, self.tr("Receipt saved"), self.tr(
            "The receipt for package %1 of %2 was written to:\n%3\n\n"
            "Take it back to the department's seat: there, File → Packages sent to the office… → "
            "Read the office's receipt… marks the package as received by the office.")
            .replace("%1", str(done.sequence)).replace("%2", done.department).replace("%3", str(path)))

    def _summary(self, preview: HandoverPreview) -> str:
        lang = current_lang()
        totals = ("  " if lang == "en" else "  ").join(f"{ROW_KIND_LABELS.text(k, lang)} {preview.count(k)}" for k in RowKind)
        if preview.already_imported:
            head = self.tr("Package %1 of %2 was imported already: importing it again changes nothing.")
        elif preview.dry_run:
            head = self.tr("Preview of package %1 of %2 (nothing has changed yet):")
        else:
            head = self.tr("Package %1 of %2 imported:")
        return head.replace("%1", str(preview.sequence)).replace("%2", preview.department) + "\n" + totals
