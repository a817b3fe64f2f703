"""The operator's member list of a company (集团成员清单): check it, import it, and read what each row did.

Checked first by default (nothing written), as the activation list is; the import adds the new
member numbers to the company chosen. Refused rows come first in the table, each with its reason,
so the supervisor can ask the operator about them. It paints ``services.company_members``'s report
and asks the store nothing itself: the companies and the import both run through ``operations``.
"""

from __future__ import annotations

from pathlib import Path

from kaccount_desk.domain.member_lists import MEMBER_OUTCOME_LABELS, MemberOutcome
from kaccount_desk.domain.reasons import Lang
from kaccount_desk.services import companies, company_members
from kaccount_desk.services.changes import Changes
from kaccount_desk.services.companies import CompanySummary
from kaccount_desk.services.company_members import MemberImport
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import ServiceError
from kaccount_desk.ui.file_names import ask_open_path
from kaccount_desk.ui.messages import current_lang
from kaccount_desk.ui.operations import run_change, run_query
from kaccount_desk.ui.palette import COLOURS
from kaccount_desk.ui.qt import QtGui, QtWidgets, Signal, Slot

MEMBERS_ADDED = Changes(audit=True)  # the archive has no flag of its own: the page re-reads its card after ``imported``


class MemberListDialog(QtWidgets.QDialog):
    """Choose the company and the operator's file, check or import it; one table row per row of the file."""

    imported = Signal()

    def __init__(self, ctx: Context, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.report: MemberImport | None = None
        self.setWindowTitle(self.tr("Import a company's member list"))
        self.company = QtWidgets.QComboBox()
        self.company.setMinimumContentsLength(20)
        self.path = QtWidgets.QLineEdit()
        self.path.setPlaceholderText(self.tr("The operator's list of the company's member numbers (.xlsx or .csv)"))
        browse = QtWidgets.QPushButton(self.tr("Choose &file…"))
        browse.clicked.connect(self.choose_file)
        self.dry_run = QtWidgets.QCheckBox(self.tr("D&ry run (check only)"))
        self.dry_run.setChecked(True)
        self.start_button = QtWidgets.QPushButton(self.tr("&Check / import"))
        self.start_button.setDefault(True)
        self.start_button.setEnabled(False)  # until the companies are read
        self.start_button.clicked.connect(self.start)
        self.summary = QtWidgets.QLabel(self.tr(
            "The list's numbers become members of the company; importing the same list again changes nothing, "
            "and members the list does not name stay."))
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
        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("Company:"), self.company)
        file_row = QtWidgets.QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        form.addRow(self.tr("File:"), file_row)
        action_row = QtWidgets.QHBoxLayout()
        action_row.addWidget(self.dry_run)
        action_row.addStretch(1)
        action_row.addWidget(self.start_button)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(action_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(close)
        self.resize(760, 480)
        ctx = self.ctx
        run_query(self, lambda: companies.list_companies(ctx), self._show_companies)

    def _show_companies(self, found: list[CompanySummary]) -> None:
        self.company.clear()
        for c in found:
            self.company.addItem(f"{c.name}({c.class_name})", str(c.id))
        self.start_button.setEnabled(bool(found))
        if not found:
            self.summary.setText(self.tr("No company in the archive yet: add the company first (company add)."))

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
        company, path, dry_run, ctx = str(self.company.currentData()), Path(text), self.dry_run.isChecked(), self.ctx
        self.start_button.setEnabled(False)
        self.summary.setText(self.tr("Checking…") if dry_run else self.tr("Importing…"))
        changes = Changes() if dry_run else MEMBERS_ADDED  # a dry run writes nothing, so it tells no page to read again
        run_change(self, lambda: company_members.import_members(ctx, company, path, dry_run), changes, self._done, self._failed)

    def _done(self, report: MemberImport) -> None:
        self.start_button.setEnabled(True)
        self.report = report
        t = report.totals
        counts = self.tr("new members %1, already members %2, refused %3; %4 member(s) not in this list kept; %5 member(s) in all")
        for n, value in enumerate((t["new"], t["unchanged"], t["refused"], report.absent, report.members), start=1):
            counts = counts.replace(f"%{n}", str(value))
        head = self.tr("Dry run, nothing was written:") if report.dry_run else self.tr("Imported:")
        self.summary.setText(f"{head} {report.company}: {counts}")
        self._fill(report, current_lang())
        if not report.dry_run and t["new"]:
            self.imported.emit()

    def _fill(self, report: MemberImport, lang: Lang) -> None:
        lines = sorted(report.lines, key=lambda line: (line.outcome is not MemberOutcome.REFUSED, line.row))
        self.table.setRowCount(len(lines))
        good, bad = QtGui.QColor(COLOURS["ok"]), QtGui.QColor(COLOURS["reason"])
        for row, line in enumerate(lines):
            reason = line.text(lang)
            items = [QtWidgets.QTableWidgetItem(str(line.row)), QtWidgets.QTableWidgetItem(line.number),
                     QtWidgets.QTableWidgetItem(MEMBER_OUTCOME_LABELS.text(line.outcome, lang)), QtWidgets.QTableWidgetItem(reason)]
            items[2].setForeground(bad if line.outcome is MemberOutcome.REFUSED else good)
            items[3].setToolTip(reason)
            for column, item in enumerate(items):
                self.table.setItem(row, column, item)

    def _failed(self, exc: BaseException) -> bool:
        """A refusal (no number column, a file too big, no such company) is said in the dialog, in words."""
        self.start_button.setEnabled(True)
        if isinstance(exc, ServiceError):
            lang = current_lang()
            self.summary.setText("\n".join([self.tr("The list was not imported:"), *(r.text(lang) for r in exc.reasons)]))
            return True
        self.summary.setText(self.tr("The list was not imported: no member was added."))
        return False

    def rows(self) -> list[tuple[str, str, str, str]]:
        """(row, number, result, reason) as shown, for whoever reads the dialog back (the tests)."""
        def text(row: int, column: int) -> str:
            item = self.table.item(row, column)
            return item.text() if item else ""
        return [(text(r, 0), text(r, 1), text(r, 2), text(r, 3)) for r in range(self.table.rowCount())]
