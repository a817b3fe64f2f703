"""The operator's member list of a company (集团成员清单): check it, import it, and read what each row did.

Checked first by default (nothing written), as the activation list is; the import adds the new
member numbers to the company chosen. Refused rows come first in the table, each with its reason,
so the supervisor can ask the operator about them. It paints ``services.company_members``'s report
and asks the store nothing itself: the companies and the import both run through ``operations``.
"""

from __future__ import annotations

from kaccount_desk.domain.member_lists import MEMBER_OUTCOME_LABELS, MemberOutcome
from kaccount_desk.services import companies, company_members
from kaccount_desk.services.changes import Changes
from kaccount_desk.services.companies import CompanySummary
from kaccount_desk.services.company_members import MemberImport
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import ServiceError
from kaccount_desk.ui.messages import current_lang
from kaccount_desk.ui.operations import run_change, run_query
from kaccount_desk.ui.operator_list_dialog import OperatorListDialog, RowResult
from kaccount_desk.ui.qt import QtWidgets, Signal, Slot

MEMBERS_ADDED = Changes(audit=True)  # the archive has no flag of its own: the page re-reads its card after ``imported``


class MemberListDialog(OperatorListDialog):
    """Choose the company and the operator's file, check or import it; one table row per row of the file."""

    imported = Signal()

    def __init__(self, ctx: Context, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.describe(
            self.tr("Import a company's member list"),
            self.tr("The operator's list of the company's member numbers (.xlsx or .csv)"),
            self.tr("The list's numbers become members of the company; importing the same list again changes nothing, "
                    "and members the list does not name stay."))
        self.company = QtWidgets.QComboBox()
        self.company.setMinimumContentsLength(20)
        self.add_choice(self.tr("Company:"), self.company)
        self.ctx = ctx
        self.report: MemberImport | None = None
        self.start_button.setEnabled(False)  # until the companies are read
        self.start_button.clicked.connect(self.start)
        run_query(self, lambda: companies.list_companies(ctx), self._show_companies)

    def _show_companies(self, found: list[CompanySummary]) -> None:
        self.company.clear()
        for c in found:
            self.company.addItem(f"{c.name}({c.class_name})", str(c.id))
        self.start_button.setEnabled(bool(found))
        if not found:
            self.summary.setText(self.tr("No company in the archive yet: add the company first (company add)."))

    @Slot()
    def start(self) -> None:
        chosen = self.begin()
        if chosen is None:
            return
        (path, dry_run), company, ctx = chosen, str(self.company.currentData()), self.ctx
        changes = Changes() if dry_run else MEMBERS_ADDED  # a dry run writes nothing, so it tells no page to read again
        run_change(self, lambda: company_members.import_members(ctx, company, path, dry_run), changes, self._done, self._failed)

    def _done(self, report: MemberImport) -> None:
        self.report = report
        lang = current_lang()
        t = report.totals
        counts = self.tr("new members %1, already members %2, refused %3; %4 member(s) not in this list kept; %5 member(s) in all")
        for n, value in enumerate((t["new"], t["unchanged"], t["refused"], report.absent, report.members), start=1):
            counts = counts.replace(f"%{n}", str(value))
        self.summary.setText(f"{self.head(report.dry_run)} {report.company}: {counts}")
        self.show_rows([RowResult(line.row, line.number, MEMBER_OUTCOME_LABELS.text(line.outcome, lang), line.text(lang),
                                  line.outcome is not MemberOutcome.REFUSED) for line in report.lines])
        if not report.dry_run and t["new"]:
            self.imported.emit()

    def _failed(self, exc: BaseException) -> bool:
        """A refusal (no number column, a file too big, no such company) is said in the dialog, in words."""
        self.start_button.setEnabled(True)
        if isinstance(exc, ServiceError):
            lang = current_lang()
            self.summary.setText("\n".join([self.tr("The list was not imported:"), *(r.text(lang) for r in exc.reasons)]))
            return True
        self.summary.setText(self.tr("The list was not imported: no member was added."))
        return False
