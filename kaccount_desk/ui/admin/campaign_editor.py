"""Editing a campaign, or starting a new one, with the domain's reasons inline.

The fields are turned into the same plain mapping a TOML file gives, so the editor and a file
are checked by the same function (``campaign_from_mapping``) with the same words. The notice's
text is edited on the Print page, beside its preview.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from kaccount_desk.domain.campaign import CARRIERS_REQUIRABLE, DEPARTMENT_KINDS, CampaignSpec, campaign_from_mapping
from kaccount_desk.domain.text import list_items
from kaccount_desk.services import campaigns
from kaccount_desk.services.changes import CAMPAIGNS_CHANGED
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import ServiceError
from kaccount_desk.ui.admin.rated_items_table import RatedItemsTable
from kaccount_desk.ui.messages import current_lang
from kaccount_desk.ui.operations import announce, busy, run_change
from kaccount_desk.ui.palette import text_style
from kaccount_desk.ui.qt import QtCore, QtWidgets
from kaccount_desk.ui.unsaved import ask


def offset_text(minutes: int) -> str:
    sign = "+" if minutes >= 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{mins:02d}"


def empty_spec(today: date) -> CampaignSpec:
    """A new campaign: issued today, due in a week at 10:00 in this computer's time zone."""
    local = datetime.now().astimezone().tzinfo or UTC
    deadline = datetime.combine(today + timedelta(days=7), datetime.min.time(), local).replace(hour=10)
    return CampaignSpec(code="", title="", issuer="", carrier_branch="", contact="", issued_on=today, deadline=deadline,
                        required_carrier=CARRIERS_REQUIRABLE[0])


class CampaignEditor(QtWidgets.QDialog):
    """Saves through ``campaigns.save_campaign``; ``result_spec`` holds what was saved."""

    def __init__(self, ctx: Context, spec: CampaignSpec | None, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.is_new = spec is None
        self.base = spec or empty_spec(ctx.now().astimezone().date())
        self.result_spec: CampaignSpec | None = None
        offset = self.base.deadline.utcoffset() or timedelta(0)
        self.offset_minutes = int(offset.total_seconds() // 60)
        self.setWindowTitle(self.tr("New campaign") if self.is_new else self.tr("Edit campaign"))
        tabs = QtWidgets.QTabWidget()
        tabs.addTab(self._basics_tab(), self.tr("Notice"))
        tabs.addTab(self._departments_tab(), self.tr("Departments"))
        tabs.addTab(self._pool_tab(), self.tr("Number pool"))
        tabs.addTab(self._plans_tab(), self.tr("Plans and add-ons"))
        self.error = QtWidgets.QLabel()
        self.error.setStyleSheet(text_style("reason"))
        self.error.setWordWrap(True)
        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Save | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(980, 580)
        self._opened_with = self.mapping()

    def _basics_tab(self) -> QtWidgets.QWidget:
        spec = self.base
        self.code = QtWidgets.QLineEdit(spec.code)
        self.code.setReadOnly(not self.is_new)
        self.title = QtWidgets.QLineEdit(spec.title)
        self.issuer = QtWidgets.QLineEdit(spec.issuer)
        self.carrier_branch = QtWidgets.QLineEdit(spec.carrier_branch)
        self.contact = QtWidgets.QLineEdit(spec.contact)
        self.issued_on = QtWidgets.QDateEdit(QtCore.QDate(spec.issued_on.year, spec.issued_on.month, spec.issued_on.day))
        self.issued_on.setCalendarPopup(True)
        self.issued_on.setDisplayFormat("yyyy-MM-dd")
        d = spec.deadline
        self.deadline = QtWidgets.QDateTimeEdit(QtCore.QDateTime(QtCore.QDate(d.year, d.month, d.day), QtCore.QTime(d.hour, d.minute)))
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd HH:mm")
        deadline_row = QtWidgets.QHBoxLayout()
        deadline_row.addWidget(self.deadline)
        deadline_row.addWidget(QtWidgets.QLabel(offset_text(self.offset_minutes)))
        deadline_row.addStretch(1)
        self.required_carrier = QtWidgets.QCheckBox(self.tr("Only China Mobile numbers may join"))
        self.required_carrier.setChecked(spec.required_carrier is not None)
        self.excluded = QtWidgets.QLineEdit("、".join(spec.excluded_packages))
        self.excluded.setPlaceholderText(self.tr("Packages that cannot join, separated by 、 or commas"))
        widget = QtWidgets.QWidget()
        form = QtWidgets.QFormLayout(widget)
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Issued by"), self.issuer)
        form.addRow(self.tr("Carrier branch"), self.carrier_branch)
        form.addRow(self.tr("Contact"), self.contact)
        form.addRow(self.tr("Issued on"), self.issued_on)
        form.addRow(self.tr("Deadline"), deadline_row)
        form.addRow("", self.required_carrier)
        form.addRow(self.tr("Excluded packages"), self.excluded)
        return widget

    def _departments_tab(self) -> QtWidgets.QWidget:
        self.departments = QtWidgets.QTableWidget(0, 2)
        self.departments.setHorizontalHeaderLabels([self.tr("Department"), self.tr("Kind")])
        self.departments.horizontalHeader().setSectionResizeMode(0, QtWidgets.QHeaderView.ResizeMode.Stretch)
        self.departments.horizontalHeader().setSectionResizeMode(1, QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        self.departments.verticalHeader().hide()
        for dept in self.base.departments:
            self.add_department(dept.name, dept.kind)
        add = QtWidgets.QPushButton(self.tr("Add department"))
        add.clicked.connect(lambda: self.add_department("", "business-unit"))
        remove = QtWidgets.QPushButton(self.tr("Remove department"))
        remove.clicked.connect(self.remove_department)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        widget = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(widget)
        layout.addWidget(self.departments, 1)
        layout.addLayout(buttons)
        return widget

    def add_department(self, name: str, kind: str) -> None:
        row = self.departments.rowCount()
        self.departments.insertRow(row)
        self.departments.setItem(row, 0, QtWidgets.QTableWidgetItem(name))
        combo = QtWidgets.QComboBox()
        for code, name in DEPARTMENT_KINDS.choices(current_lang()):
            combo.addItem(name, code)
        combo.setCurrentIndex(max(combo.findData(kind), 0))
        self.departments.setCellWidget(row, 1, combo)

    def remove_department(self) -> None:
        row = self.departments.currentRow()
        if row >= 0:
            self.departments.removeRow(row)

    def _pool_tab(self) -> QtWidgets.QWidget:
        self.pool_prefixes = QtWidgets.QPlainTextEdit("\n".join(self.base.pool_prefixes))
        self.pool_numbers = QtWidgets.QPlainTextEdit("\n".join(self.base.pool_numbers))
        widget = QtWidgets.QWidget()
        form = QtWidgets.QFormLayout(widget)
        hint = QtWidgets.QLabel(self.tr("A 9-digit prefix reserves its hundred numbers (…00 to …99); "
                                        "single numbers have 11 digits. One per line."))
        hint.setWordWrap(True)
        form.addRow(hint)
        form.addRow(self.tr("Prefixes"), self.pool_prefixes)
        form.addRow(self.tr("Single numbers"), self.pool_numbers)
        return widget

    def _plans_tab(self) -> QtWidgets.QWidget:
        self.rated_items = RatedItemsTable(self.base.plans, self.base.addons)
        return self.rated_items

    def mapping(self) -> dict[str, Any]:
        """The fields as the plain data a campaign file holds."""
        d = self.deadline.dateTime()
        qd, qt = d.date(), d.time()
        zone = timezone(timedelta(minutes=self.offset_minutes))
        issued = self.issued_on.date()
        plans, addons = self.rated_items.parts()
        departments = []
        for row in range(self.departments.rowCount()):
            item = self.departments.item(row, 0)
            combo = self.departments.cellWidget(row, 1)
            kind = combo.currentData() if isinstance(combo, QtWidgets.QComboBox) else "business-unit"
            departments.append({"name": item.text().strip() if item else "", "kind": kind})
        return {
            "code": self.code.text(),
            "title": self.title.text(),
            "issuer": self.issuer.text(),
            "carrier_branch": self.carrier_branch.text(),
            "contact": self.contact.text(),
            "issued_on": date(issued.year(), issued.month(), issued.day()),
            "deadline": datetime(qd.year(), qd.month(), qd.day(), qt.hour(), qt.minute(), tzinfo=zone),
            "required_carrier": CARRIERS_REQUIRABLE[0] if self.required_carrier.isChecked() else None,
            "excluded_packages": list_items(self.excluded.text()),
            "departments": departments,
            "pool_prefixes": list_items(self.pool_prefixes.toPlainText()),
            "pool_numbers": list_items(self.pool_numbers.toPlainText()),
            "plans": plans,
            "addons": addons,
        }

    def _show_reasons(self, texts: list[str]) -> None:
        self.error.setText("\n".join(texts))

    def _checked_spec(self) -> CampaignSpec | None:
        """What the fields say as a campaign, or None with the reasons shown under them."""
        verdict = campaign_from_mapping(self.mapping())
        if verdict.value is None:
            self._show_reasons(verdict.texts(current_lang()))
            return None
        return replace(verdict.value, notice_template=self.base.notice_template, extra=self.base.extra)

    def accept(self) -> None:
        """Save off the GUI thread; the dialog closes once it is saved, or says why not and stays."""
        if busy(self):
            return  # a second Save while the first is on its way is the same save
        spec = self._checked_spec()
        if spec is None:
            return
        ctx = self.ctx
        run_change(self, lambda: campaigns.save_campaign(ctx, spec), CAMPAIGNS_CHANGED, self._saved, self._refused)

    def _saved(self, spec: CampaignSpec) -> None:
        self.result_spec = spec
        self._show_reasons([])
        super().accept()

    def _refused(self, exc: BaseException) -> bool:
        if not isinstance(exc, ServiceError):
            return False
        self._show_reasons(exc.texts(current_lang()))
        return True

    def has_unsaved_input(self) -> bool:
        """Changed since it was opened and still open: a cancelled editor has been answered already."""
        return self.isVisible() and self.mapping() != self._opened_with

    def unsaved_text(self) -> str:
        return self.tr("The campaign being edited has changes that have not been saved. Save them now?")

    def can_save_input(self) -> bool:
        return True

    def save_input(self) -> bool:
        """Asked by the unsaved-typing question, which needs the answer before the window goes on."""
        spec = self._checked_spec()
        if spec is None:
            return False
        try:
            saved = campaigns.save_campaign(self.ctx, spec)
        except ServiceError as exc:
            self._refused(exc)
            return False
        self._saved(saved)
        announce(CAMPAIGNS_CHANGED, self)
        return True

    def reject(self) -> None:
        """Cancel, Esc or the window's ✕: changes are not thrown away without a question."""
        if not self.has_unsaved_input() or (ask(self, self) and self.isVisible()):
            super().reject()
