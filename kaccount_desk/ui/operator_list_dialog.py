"""What the dialogs of a list the operator sends share (the activation list, a company's member list).

Choose the file; check it (the default: nothing is written) or import it; read what each row of the
file did, the rows that need asking about first, each with its reason so the clerk can ask the
operator. Each list's dialog adds its own choices above the file, starts its own import through
``operations`` and turns its own report into :class:`RowResult` lines: one home for the layout and
the table, which the two dialogs had each built alike. Its words are in its own translation context
(PySide's ``tr`` takes the class that defines the method, not the dialog's).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kaccount_desk.ui.file_names import ask_open_path
from kaccount_desk.ui.palette import COLOURS
from kaccount_desk.ui.qt import Qt, QtGui, QtWidgets, Slot


@dataclass(frozen=True)
class RowResult:
    """One row of the operator's file as the table shows it; ``done``: nothing to ask about."""

    row: int
    number: str
    result: str
    reason: str
    done: bool


class OperatorListDialog(QtWidgets.QDialog):
    """The file, the dry-run choice, the start button, a summary and one table row per row of the file."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = QtWidgets.QLineEdit()
        browse = QtWidgets.QPushButton(self.tr("Choose &file…"))
        browse.clicked.connect(self.choose_file)
        self.dry_run = QtWidgets.QCheckBox(self.tr("D&ry run (check only)"))
        self.dry_run.setChecked(True)
        self.start_button = QtWidgets.QPushButton(self.tr("&Check / import"))
        self.start_button.setDefault(True)
        self.summary = QtWidgets.QLabel()
        self.summary.setWordWrap(True)
        self.table = QtWidgets.QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Number"), self.tr("Result"), self.tr("Reason")])
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((50, 130, 110)):
            self.table.setColumnWidth(column, width)
        close = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        self._form = QtWidgets.QFormLayout()
        file_row = QtWidgets.QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        self._form.addRow(self.tr("File:"), file_row)
        action_row = QtWidgets.QHBoxLayout()
        action_row.addWidget(self.dry_run)
        action_row.addStretch(1)
        action_row.addWidget(self.start_button)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(self._form)
        layout.addLayout(action_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(close)
        self.resize(760, 480)

    def describe(self, title: str, placeholder: str, intro: str) -> None:
        """The list's own words: the title, what the file holds, what an import does."""
        self.setWindowTitle(title)
        self.path.setPlaceholderText(placeholder)
        self.summary.setText(intro)

    def add_choice(self, label: str, widget: QtWidgets.QWidget) -> None:
        """A choice of the list's own (the company), above the file."""
        self._form.insertRow(self._form.rowCount() - 1, label, widget)

    @Slot()
    def choose_file(self) -> None:
        path = ask_open_path(self, self.windowTitle(), self.tr("Spreadsheets (*.xlsx *.csv);;All files (*)"))
        if path is not None:
            self.path.setText(str(path))

    def begin(self) -> tuple[Path, bool] | None:
        """The file chosen and whether only to check it, the button off while it runs; None (said) without a file."""
        text = self.path.text().strip()
        if not text:
            self.summary.setText(self.tr("Choose the operator's file first."))
            return None
        dry_run = self.dry_run.isChecked()
        self.start_button.setEnabled(False)
        self.summary.setText(self.tr("Checking…") if dry_run else self.tr("Importing…"))
        return Path(text), dry_run

    def head(self, dry_run: bool) -> str:
        return self.tr("Dry run, nothing was written:") if dry_run else self.tr("Imported:")

    def show_rows(self, results: list[RowResult]) -> None:
        """The rows to ask the operator about first, then the rest, each in the file's order."""
        self.start_button.setEnabled(True)
        lines = sorted(results, key=lambda line: (line.done, line.row))
        self.table.setRowCount(len(lines))
        colours = {True: QtGui.QColor(COLOURS["ok"]), False: QtGui.QColor(COLOURS["reason"])}
        for row, line in enumerate(lines):
            items = [QtWidgets.QTableWidgetItem(str(line.row)), QtWidgets.QTableWidgetItem(line.number),
                     QtWidgets.QTableWidgetItem(line.result), QtWidgets.QTableWidgetItem(line.reason)]
            items[2].setForeground(colours[line.done])
            items[3].setToolTip(line.reason)
            for column, item in enumerate(items):
                item.setTextAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
                self.table.setItem(row, column, item)

    def rows(self) -> list[tuple[str, str, str, str]]:
        """(row, number, result, reason) as shown, for whoever reads the dialog back (the tests)."""
        def text(row: int, column: int) -> str:
            item = self.table.item(row, column)
            return item.text() if item else ""
        return [(text(r, 0), text(r, 1), text(r, 2), text(r, 3)) for r in range(self.table.rowCount())]
