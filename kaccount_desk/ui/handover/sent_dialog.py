"""File → Packages sent to the office… at a department's seat: what it has sent, and what the office has not acknowledged.

A collector never uses the command line, so this is where the seat learns whether the office has
its packages: each package with its number, when it was sent (the hall's clock), what it carried,
and when the office's receipt came back, or "not yet acknowledged" standing out. The office's
receipt (a small file saved from its import dialog) is read here; a receipt for package N
acknowledges it and every earlier one (services/handover_seat.acknowledge).

The model holds every package the seat sent: one row per send, a handful over a campaign.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kaccount_desk.domain.handover import ACK_SUFFIX
from kaccount_desk.domain.operator_time import local
from kaccount_desk.services.changes import Changes
from kaccount_desk.services.context import Context
from kaccount_desk.services.handover_seat import SendView, acknowledge, sends
from kaccount_desk.ui.file_names import ask_open_path
from kaccount_desk.ui.none_guard import none_safe
from kaccount_desk.ui.operations import change_hub, run_change, run_query
from kaccount_desk.ui.palette import COLOURS
from kaccount_desk.ui.qt import QT_TRANSLATE_NOOP, Qt, QtCore, QtGui, QtWidgets, Signal, Slot

ACKNOWLEDGED = Changes(audit=True)  # the sends' table is the seat's own; its audit log records the change
COLUMNS: tuple[str, ...] = tuple(str(label) for label in (
    QT_TRANSLATE_NOOP("SentPackagesModel", "Package no."),
    QT_TRANSLATE_NOOP("SentPackagesModel", "Sent at"),
    QT_TRANSLATE_NOOP("SentPackagesModel", "Applications"),
    QT_TRANSLATE_NOOP("SentPackagesModel", "ID card images"),
    QT_TRANSLATE_NOOP("SentPackagesModel", "Received by the office"),
))
NOT_YET = str(QT_TRANSLATE_NOOP("SentPackagesModel", "Not yet acknowledged"))
_ACK = 4


def _minute(when: Any) -> str:
    return f"{local(when):%Y-%m-%d %H:%M}"


class SentPackagesModel(QtCore.QAbstractTableModel):
    """The seat's packages, newest first; one not acknowledged yet is bold, in the warning colour."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[SendView] = []

    def set_rows(self, rows: list[SendView]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = QtCore.QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = QtCore.QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    @none_safe
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return QtCore.QCoreApplication.translate("SentPackagesModel", COLUMNS[section])
        return None

    @none_safe
    def data(self, index: QtCore.QModelIndex | QtCore.QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        waiting = row.acknowledged_at is None
        if role == Qt.ItemDataRole.DisplayRole:
            ack = QtCore.QCoreApplication.translate("SentPackagesModel", NOT_YET) if waiting else _minute(row.acknowledged_at)
            return (str(row.sequence), _minute(row.sent_at), str(row.applications), str(row.copies), ack)[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (0, 2, 3):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if waiting and index.column() == _ACK and role == Qt.ItemDataRole.ForegroundRole:
            return QtGui.QColor(COLOURS["reason"])
        if waiting and index.column() == _ACK and role == Qt.ItemDataRole.FontRole:
            font = QtGui.QFont()
            font.setBold(True)
            return font
        return None


class SentPackagesDialog(QtWidgets.QDialog):
    """The seat's packages and the office's receipts; re-read after any change (a package sent meanwhile)."""

    acknowledged = Signal(object)  # the SendView of the package the receipt named

    def __init__(self, ctx: Context, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Packages sent to the office"))
        self.summary = QtWidgets.QLabel(self.tr("Reading the packages sent…"))
        self.note = QtWidgets.QLabel()
        self.note.setWordWrap(True)
        self.note.hide()
        self.model = SentPackagesModel(self)
        self.table = QtWidgets.QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((90, 150, 100, 110)):
            self.table.setColumnWidth(column, width)
        self.read_button = QtWidgets.QPushButton(self.tr("&Read the office's receipt…"))
        self.read_button.setDefault(True)
        self.read_button.clicked.connect(self.read_receipt)
        close = QtWidgets.QPushButton(self.tr("&Close"))
        close.clicked.connect(self.reject)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(self.read_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(720, 420)
        change_hub().changed.connect(self._changed)
        self.reload()

    @Slot()
    def reload(self) -> None:
        run_query(self, lambda: sends(self.ctx), self._show)

    @Slot(object, object)
    def _changed(self, changes: Changes, origin: object) -> None:
        if origin is not self and changes.audit:  # a package sent from the File menu while this is open
            self.reload()

    def _show(self, rows: list[SendView]) -> None:
        self.model.set_rows(rows)
        waiting = sum(1 for r in rows if r.acknowledged_at is None)
        if not rows:
            text = self.tr("This seat has not sent a package yet (File → Hand over to the office…).")
        elif waiting:
            text = self.tr("Packages sent: %1. Not yet acknowledged by the office: %2; ask the office for its receipt.")
        else:
            text = self.tr("Packages sent: %1. The office has acknowledged them all.")
        self.summary.setText(text.replace("%1", str(len(rows))).replace("%2", str(waiting)))

    @Slot()
    def read_receipt(self) -> None:
        chosen = ask_open_path(self, self.tr("Read the office's receipt"),
                               self.tr("Receipts from the office (*%1)").replace("%1", ACK_SUFFIX))
        if chosen is not None:
            self._read(chosen)

    def _read(self, path: Path) -> None:
        self.note.hide()
        run_change(self, lambda: acknowledge(self.ctx, path), ACKNOWLEDGED, self._acknowledged)

    def _acknowledged(self, got: SendView) -> None:
        text = (self.tr("The office acknowledged package %1 (and any earlier one).") if got.sequence > 1
                else self.tr("The office acknowledged package %1."))
        self.note.setText(text.replace("%1", str(got.sequence)))
        self.note.show()
        self.acknowledged.emit(got)
        self.reload()
