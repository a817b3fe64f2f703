"""The office makes a campaign pack for a department's seat: which department, how many reserved numbers.

The numbers are allotted when the pack is written (services/handover_pack.py): the office's own
intake stops offering them, and no other pack can give them again.
"""

from __future__ import annotations

from kaccount_desk.domain.campaign import CampaignSpec
from kaccount_desk.domain.handover import PACK_SUFFIX, pack_file_name
from kaccount_desk.services import campaigns
from kaccount_desk.services.changes import CAMPAIGNS_CHANGED
from kaccount_desk.services.context import Context
from kaccount_desk.services.handover_pack import PackMade, make_pack
from kaccount_desk.ui.file_names import ask_save_path
from kaccount_desk.ui.operations import run_change, run_query
from kaccount_desk.ui.qt import QtWidgets, Signal, Slot


class MakePackDialog(QtWidgets.QDialog):
    """Department and count, then where to save the pack."""

    made = Signal(object)

    def __init__(self, ctx: Context, campaign_code: str, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.campaign_code = campaign_code
        self.setWindowTitle(self.tr("Campaign pack for a department's seat"))
        self.department = QtWidgets.QComboBox()
        run_query(self.department, lambda: campaigns.get_campaign(ctx, campaign_code), self._list_departments)
        self.count = QtWidgets.QSpinBox()
        self.count.setRange(1, 10_000)
        self.count.setValue(20)
        explain = QtWidgets.QLabel(self.tr("The seat takes applications with the same form and rules, and may give only the "
                                           "numbers allotted here; the office's own intake no longer offers them."))
        explain.setWordWrap(True)
        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("&Department:"), self.department)
        form.addRow(self.tr("&Numbers to allot:"), self.count)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.addButton(self.tr("&Save pack…"), QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)  # the explanation wrapped into a narrow column of four lines otherwise

    def _list_departments(self, spec: CampaignSpec) -> None:
        for unit in spec.departments:
            self.department.addItem(unit.name)

    @Slot()
    def save(self) -> None:
        department = self.department.currentText()
        if not department:
            return
        count = self.count.value()
        out = ask_save_path(self, self.tr("Save the campaign pack"), pack_file_name(self.campaign_code, department),
                            self.tr("Campaign packs (*%1)").replace("%1", PACK_SUFFIX))
        if out is not None:
            run_change(self, lambda: make_pack(self.ctx, self.campaign_code, department, count, out), CAMPAIGNS_CHANGED, self._made)

    def _made(self, made: PackMade) -> None:
        QtWidgets.QMessageBox.information(self, self.tr("Campaign pack"), self.tr(
            "Pack for %1 written to %2, with %3 numbers (%4 to %5).").replace("%1", made.department)
            .replace("%2", str(made.path)).replace("%3", str(len(made.numbers)))
            .replace("%4", made.numbers[0]).replace("%5", made.numbers[-1]))
        self.made.emit(made)
        self.accept()
