"""What a batch did to each application: one row per application, moved or refused and why.

Shown after the batch has run, not modal to the whole application, so the clerk can fix a refused
application in the form while the list of what remains stays in view.
"""

from __future__ import annotations

from kaccount_desk.domain.workflow import status_label
from kaccount_desk.services.batches import MoveResult
from kaccount_desk.ui.messages import current_lang
from kaccount_desk.ui.palette import COLOURS
from kaccount_desk.ui.qt import QtGui, QtWidgets

ID_COLUMN, NAME_COLUMN, RESULT_COLUMN = range(3)


class BatchResultDialog(QtWidgets.QDialog):
    """The summary ("4 moved, 1 refused") above a table of id, name and result or reason."""

    def __init__(self, results: list[MoveResult], target: str, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        lang = current_lang()
        self.setWindowTitle(self.tr("Batch result"))
        moved = sum(1 for r in results if r.moved)
        self.summary = QtWidgets.QLabel(
            self.tr("Moved to %1: %2; refused: %3")
            .replace("%1", status_label(target, lang)).replace("%2", str(moved)).replace("%3", str(len(results) - moved))
        )
        self.table = QtWidgets.QTableWidget(len(results), 3)
        self.table.setHorizontalHeaderLabels([self.tr("No."), self.tr("Name"), self.tr("Result")])
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        colours = {True: QtGui.QColor(COLOURS["ok"]), False: QtGui.QColor(COLOURS["reason"])}
        for row, result in enumerate(results):
            text = self.tr("Moved") if result.moved else result.text(lang)
            items = (QtWidgets.QTableWidgetItem(str(result.id)), QtWidgets.QTableWidgetItem(result.name),
                     QtWidgets.QTableWidgetItem(text))
            items[RESULT_COLUMN].setToolTip(text)  # long reasons are read in full here
            items[RESULT_COLUMN].setForeground(colours[result.moved])
            for column, item in enumerate(items):
                self.table.setItem(row, column, item)
        self.table.resizeColumnToContents(ID_COLUMN)
        self.table.resizeColumnToContents(NAME_COLUMN)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(640, 360)

    def rows(self) -> list[tuple[str, str, str]]:
        """(id, name, result) as shown, for whoever reads the dialog back (the tests)."""
        def text(row: int, column: int) -> str:
            item = self.table.item(row, column)
            return item.text() if item else ""
        return [(text(r, ID_COLUMN), text(r, NAME_COLUMN), text(r, RESULT_COLUMN)) for r in range(self.table.rowCount())]
