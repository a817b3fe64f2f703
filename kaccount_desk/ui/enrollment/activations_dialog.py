"""The operator's activation list (开通清单): check it, import it, and read what each row did.

Checked first by default (nothing written), as a roster is; the real import moves the matching
"sent" applications to "activated" in one batch. Rows that did nothing come first in the table,
each with its reason, so the clerk can ask the operator about them.
"""

from __future__ import annotations

from kaccount_desk.domain.operator_handover import OUTCOME_LABELS, Outcome
from kaccount_desk.services import activations
from kaccount_desk.services.activations import ActivationReport
from kaccount_desk.services.changes import APPLICATIONS_MOVED, Changes
from kaccount_desk.services.context import Context
from kaccount_desk.ui.messages import current_lang
from kaccount_desk.ui.operations import run_change
from kaccount_desk.ui.operator_list_dialog import OperatorListDialog, RowResult
from kaccount_desk.ui.qt import QtWidgets, Signal, Slot

DONE = (Outcome.ACTIVATED, Outcome.ALREADY)


class ActivationsDialog(OperatorListDialog):
    """Pick the operator's file, check or import it; one table row per row of the file."""

    imported = Signal()

    def __init__(self, ctx: Context, campaign_code: str, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.describe(
            self.tr("Import the operator's activation list"),
            self.tr("The operator's list of activated numbers (.xlsx or .csv)"),
            self.tr("Numbers the operator opened move from “Sent to carrier” to “Activated”; "
                    "importing the same list again changes nothing."))
        self.ctx = ctx
        self.campaign_code = campaign_code
        self.report: ActivationReport | None = None
        self.start_button.clicked.connect(self.start)

    @Slot()
    def start(self) -> None:
        chosen = self.begin()
        if chosen is None:
            return
        (path, dry_run), code = chosen, self.campaign_code
        # A dry run writes nothing, so it tells no page to read again.
        changes = Changes() if dry_run else APPLICATIONS_MOVED
        run_change(self, lambda: activations.import_activations(self.ctx, path, code, dry_run), changes, self._done, self._failed)

    def _done(self, report: ActivationReport) -> None:
        self.report = report
        lang = current_lang()
        t = report.totals
        counts = self.tr("activated %1, already activated %2, not found %3, in another state %4, unreadable %5")
        for n, key in enumerate(("activated", "already", "not_found", "other_state", "bad_row"), start=1):
            counts = counts.replace(f"%{n}", str(t[key]))
        self.summary.setText("\n".join([f"{self.head(report.dry_run)} {counts}", *(notice.text(lang) for notice in report.notices)]))
        self.show_rows([RowResult(line.row, line.number, OUTCOME_LABELS.text(line.outcome, lang), line.text(lang), line.outcome in DONE)
                        for line in report.lines])
        if not report.dry_run and t["activated"]:
            self.imported.emit()

    def _failed(self, _exc: BaseException) -> bool:
        self.start_button.setEnabled(True)
        self.summary.setText(self.tr("The list was not imported: no application changed."))
        return False
