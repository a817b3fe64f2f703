"""The campaign's tariff options and add-on packages as one editable table.

Each row becomes the same mapping a ``[[plans]]`` or ``[[addons]]`` table of a campaign file
gives, so the domain's ``campaign_from_mapping`` checks what was typed with the words it uses for
a file: nothing is parsed or refused here, and a cell that is not a number is named by the domain.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from kaccount_desk.domain.campaign import PlanSpec
from kaccount_desk.domain.tariff import RatedItem
from kaccount_desk.domain.text import list_items, squeeze
from kaccount_desk.ui.messages import current_lang
from kaccount_desk.ui.qt import Qt, QtWidgets

PLAN, ADDON = "plan", "addon"
KIND_COLUMN, KEEP_COLUMN = 0, 11
# The rated fields in file order; whole numbers are counts (minutes, messages, MB), the rest yuan.
FIELDS: tuple[str, ...] = (
    "code", "name", "monthly_fee", "free_in_group_minutes", "in_group_rate", "out_group_rate",
    "free_sms", "sms_rate", "free_data_mb", "data_rate_per_mb",
)
WHOLE = frozenset({"free_in_group_minutes", "free_sms", "free_data_mb"})
INCLUDED_COLUMN = KEEP_COLUMN + 1


def _cell(value: object) -> str:
    if value is None or value == 0 and not isinstance(value, Decimal):
        return ""
    return str(value)


class RatedItemsTable(QtWidgets.QWidget):
    """Plans first, then add-ons; ``parts()`` gives the lists for the campaign mapping."""

    def __init__(self, plans: tuple[PlanSpec, ...], addons: tuple[RatedItem, ...], parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        headers = [
            self.tr("Kind"), self.tr("Code"), self.tr("Name"), self.tr("Monthly fee (yuan)"),
            self.tr("Free in-group minutes"), self.tr("In-group yuan/min"), self.tr("Out-group yuan/min"),
            self.tr("Free SMS"), self.tr("Yuan/SMS"), self.tr("Free data (MB)"), self.tr("Yuan/MB"),
            self.tr("Keeps current plan"), self.tr("Included add-ons (codes)"),
        ]
        self.table = QtWidgets.QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QtWidgets.QHeaderView.ResizeMode.Stretch)
        for plan in plans:
            self.add_row(PLAN, plan.item, plan.included_addons)
        for addon in addons:
            self.add_row(ADDON, addon)
        self.table.resizeColumnsToContents()
        add_plan = QtWidgets.QPushButton(self.tr("Add plan"))
        add_plan.clicked.connect(lambda: self._add_and_edit(PLAN))
        add_addon = QtWidgets.QPushButton(self.tr("Add add-on"))
        add_addon.clicked.connect(lambda: self._add_and_edit(ADDON))
        remove = QtWidgets.QPushButton(self.tr("Remove"))
        remove.clicked.connect(self.remove_row)
        note = QtWidgets.QLabel(self.tr(
            "Fees and rates in yuan; an empty rate means the item does not set it. A plan lists the add-ons "
            "that come with it by their codes. A plan that keeps the current plan uses its fee as the bill the customer pays today."
        ))
        note.setWordWrap(True)
        buttons = QtWidgets.QHBoxLayout()
        for button in (add_plan, add_addon, remove):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(note)

    def add_row(self, kind: str, item: RatedItem | None = None, included: tuple[str, ...] = ()) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        combo = QtWidgets.QComboBox()
        zh = current_lang() != "en"
        combo.addItem("资费" if zh else "Plan", PLAN)
        combo.addItem("附加包" if zh else "Add-on", ADDON)
        combo.setCurrentIndex(combo.findData(kind))
        self.table.setCellWidget(row, KIND_COLUMN, combo)
        for column, key in enumerate(FIELDS, start=1):
            self.table.setItem(row, column, QtWidgets.QTableWidgetItem(_cell(getattr(item, key)) if item else ""))
        keep = QtWidgets.QTableWidgetItem()
        keep.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        keep.setCheckState(Qt.CheckState.Checked if item is not None and item.keep_current else Qt.CheckState.Unchecked)
        self.table.setItem(row, KEEP_COLUMN, keep)
        self.table.setItem(row, INCLUDED_COLUMN, QtWidgets.QTableWidgetItem("、".join(included)))
        return row

    def _add_and_edit(self, kind: str) -> None:
        row = self.add_row(kind)
        self.table.setCurrentCell(row, 1)
        item = self.table.item(row, 1)
        if item is not None:
            self.table.editItem(item)

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def parts(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """(plans, addons) as a campaign file holds them; wholly empty rows are left out."""
        plans: list[dict[str, Any]] = []
        addons: list[dict[str, Any]] = []
        for row in range(self.table.rowCount()):
            raw: dict[str, Any] = {}
            for column, key in enumerate(FIELDS, start=1):
                text = self._text(row, column)
                if key in ("code", "name"):
                    raw[key] = text
                elif text:
                    number = squeeze(text)
                    raw[key] = int(number) if key in WHOLE and number.isdigit() else number
            if not any(raw.values()):
                continue
            keep = self.table.item(row, KEEP_COLUMN)
            raw["keep_current"] = keep is not None and keep.checkState() == Qt.CheckState.Checked
            combo = self.table.cellWidget(row, KIND_COLUMN)
            if isinstance(combo, QtWidgets.QComboBox) and combo.currentData() == ADDON:
                addons.append(raw)
            else:
                raw["included_addons"] = list_items(self._text(row, INCLUDED_COLUMN))
                plans.append(raw)
        return plans, addons
