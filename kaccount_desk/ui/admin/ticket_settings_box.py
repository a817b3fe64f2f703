"""The service standard's settings on the Admin page: time limits, warnings and referral departments.

Everyone who handles tickets sees them, so a clerk can tell a customer the promised time; only a
supervisor or admin changes them. A key account's own limit (绿色通道) sits beside each one,
"same" meaning the same as everyone's. Limits are saved together, all or none, and a refusal (a
complaint limit past the 15-day appeal bound) is written under the table with the hours kept.
"""

from __future__ import annotations

from typing import Any

from kaccount_desk.domain.roles import Permission
from kaccount_desk.domain.ticket_deadlines import MAX_WARNING_HOURS, Warnings
from kaccount_desk.domain.tickets import label
from kaccount_desk.services import admin_settings
from kaccount_desk.services import ticket_settings as settings
from kaccount_desk.services.admin_settings import AdminSettings
from kaccount_desk.services.changes import SETTINGS_CHANGED
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import ServiceError
from kaccount_desk.ui.messages import current_lang, error_text
from kaccount_desk.ui.operations import run_change, run_query
from kaccount_desk.ui.palette import text_style
from kaccount_desk.ui.qt import Qt, QtWidgets, Slot

MAX_HOURS = 24 * 60


class TicketSettingsBox(QtWidgets.QGroupBox):
    def __init__(self, ctx: Context, parent: QtWidgets.QWidget | None = None) -> None:
        """Empty until painted: the page reads every box's settings in one statement and hands them out (``paint``)."""
        super().__init__(parent)
        self.ctx = ctx
        self.setTitle(self.tr("Ticket time limits and departments"))
        self.limits = QtWidgets.QTableWidget(0, 5)
        self.limits.setHorizontalHeaderLabels(
            [self.tr("Category"), self.tr("Area"), self.tr("Hours"), self.tr("Warn before"), self.tr("Key accounts")])
        warn_header = QtWidgets.QTableWidgetItem(self.tr("Warn before"))
        warn_header.setToolTip(self.tr("The owner is warned this long before a ticket of the category is due"))
        self.limits.setHorizontalHeaderItem(3, warn_header)
        key_header = QtWidgets.QTableWidgetItem(self.tr("Key accounts"))
        key_header.setToolTip(self.tr("A key-account customer's own limit (green channel); \"same\": the same as everyone's"))
        self.limits.setHorizontalHeaderItem(4, key_header)
        self.limits.verticalHeader().hide()
        self.limits.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.limits.horizontalHeader().setStretchLastSection(True)
        self.save_limits = QtWidgets.QPushButton(self.tr("Save time limits"))
        self.save_limits.setToolTip(self.tr("New limits apply to tickets received from now on"))
        self.save_limits.clicked.connect(self.save)
        self.departments = QtWidgets.QListWidget()
        self.new_department = QtWidgets.QLineEdit()
        self.new_department.setPlaceholderText(self.tr("New department"))
        self.new_department.returnPressed.connect(self.add_department)
        self.add_button = QtWidgets.QPushButton(self.tr("Add"))
        self.add_button.clicked.connect(self.add_department)
        self.retire_button = QtWidgets.QPushButton(self.tr("Retire"))
        self.retire_button.setToolTip(self.tr("No new referrals go to it; it still answers those it has"))
        self.retire_button.clicked.connect(self.retire_department)
        self.message = QtWidgets.QLabel()
        self.message.setWordWrap(True)
        self._build_layout()
        may = ctx.actor.may(Permission.CONFIGURE_TICKETS)
        for widget in (self.save_limits, self.new_department, self.add_button, self.retire_button):
            widget.setEnabled(may)

    def _build_layout(self) -> None:
        left = QtWidgets.QVBoxLayout()
        left.addWidget(self.limits, 1)
        left.addWidget(self.save_limits, 0, Qt.AlignmentFlag.AlignLeft)
        # Retire acts on the department chosen in the list, so it sits under the list; beside the new
        # name's box it left that box six characters wide ("New d…").
        adding = QtWidgets.QHBoxLayout()
        adding.addWidget(self.new_department, 1)
        adding.addWidget(self.add_button)
        right = QtWidgets.QVBoxLayout()
        right.addWidget(self.departments, 1)
        right.addWidget(self.retire_button, 0, Qt.AlignmentFlag.AlignLeft)
        right.addLayout(adding)
        columns = QtWidgets.QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.message)

    def _say(self, state: str, text: str) -> None:
        self.message.setStyleSheet(text_style(state))
        self.message.setText(text)

    def _refused(self, exc: BaseException) -> bool:
        """A refusal is written under the table, the hours typed kept; anything else goes to the usual box."""
        if not isinstance(exc, ServiceError):
            return False
        self._say("reason", error_text(exc))
        return True

    def refresh(self) -> None:
        """The limits, warnings and departments read again, in one statement with the other boxes' settings."""
        ctx = self.ctx
        run_query(self, lambda: admin_settings.read(ctx), self.paint, self._refused)

    def paint(self, found: AdminSettings) -> None:
        """Paint the ticket settings of a read of every box's settings (nothing for one who may not see them)."""
        if found.tickets is not None:
            self._show(found.tickets.limits, found.tickets.departments, found.tickets.warnings)

    def _show(self, limits: list[settings.LimitView], departments: list[settings.DepartmentView], warnings: Warnings) -> None:
        lang = current_lang()
        may = self.ctx.actor.may(Permission.CONFIGURE_TICKETS)
        self.limits.setRowCount(len(limits))
        seen: set[str] = set()
        for row, limit in enumerate(limits):
            category = QtWidgets.QTableWidgetItem(label(limit.category, lang))
            category.setData(Qt.ItemDataRole.UserRole, limit.category)
            area = QtWidgets.QTableWidgetItem(label(limit.area, lang) if limit.area else self.tr("any"))
            area.setData(Qt.ItemDataRole.UserRole, limit.area)
            self.limits.setItem(row, 0, category)
            self.limits.setItem(row, 1, area)
            hours = QtWidgets.QSpinBox()
            hours.setRange(1, MAX_HOURS)
            hours.setSuffix(self.tr(" h"))
            hours.setValue(limit.hours)
            hours.setEnabled(may)
            self.limits.setCellWidget(row, 2, hours)
            self._warning_cell(row, limit.category, warnings, may, first=limit.category not in seen)
            self.limits.setCellWidget(row, 4, self._key_account_cell(limit, may))
            seen.add(limit.category)
        self.limits.resizeColumnsToContents()
        self.departments.clear()
        for department in departments:
            shown = department.name if department.active else self.tr("%1 (retired)").replace("%1", department.name)
            item = QtWidgets.QListWidgetItem(shown)
            item.setData(Qt.ItemDataRole.UserRole, department.name)
            if not department.active:
                item.setForeground(self.palette().placeholderText())
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            self.departments.addItem(item)

    def _warning_cell(self, row: int, category: str, warnings: Warnings, may: bool, first: bool) -> None:
        """A category's warning, on its first row only: a fault's two areas share one."""
        if not first:
            self.limits.removeCellWidget(row, 3)
            return
        warn = QtWidgets.QSpinBox()
        warn.setRange(1, MAX_WARNING_HOURS)
        warn.setSuffix(self.tr(" h"))
        warn.setValue(int(warnings.before(category).total_seconds() // 3600))
        warn.setEnabled(may)
        self.limits.setCellWidget(row, 3, warn)

    def _key_account_cell(self, limit: settings.LimitView, may: bool) -> QtWidgets.QSpinBox:
        """A key account's own hours; its lowest value reads "same" (none of its own)."""
        hours = QtWidgets.QSpinBox()
        hours.setRange(0, MAX_HOURS)
        hours.setSpecialValueText(self.tr("same"))
        hours.setSuffix(self.tr(" h"))
        hours.setValue(limit.key_account_hours or 0)
        hours.setEnabled(may)
        return hours

    def key_account_at(self, row: int) -> QtWidgets.QSpinBox:
        widget = self.limits.cellWidget(row, 4)
        assert isinstance(widget, QtWidgets.QSpinBox)
        return widget

    def choice_at(self, row: int, column: int) -> Any:
        """The category (column 0) or area (column 1) value a limit row stands for, as stored in the item (a QVariant)."""
        item = self.limits.item(row, column)
        assert item is not None
        return item.data(Qt.ItemDataRole.UserRole)

    def hours_at(self, row: int) -> QtWidgets.QSpinBox:
        widget = self.limits.cellWidget(row, 2)
        assert isinstance(widget, QtWidgets.QSpinBox)
        return widget

    @Slot()
    def save(self) -> None:
        changes = []
        warned: dict[str, int] = {}
        for row in range(self.limits.rowCount()):
            category, area = (self.choice_at(row, c) for c in (0, 1))
            changes.append(settings.LimitView(category, area, self.hours_at(row).value(), self.key_account_at(row).value() or None))
            warn = self.limits.cellWidget(row, 3)
            if isinstance(warn, QtWidgets.QSpinBox):
                warned[category] = warn.value()
        ctx = self.ctx
        run_change(self, lambda: settings.set_limits(ctx, changes, warned), SETTINGS_CHANGED,
                   lambda _saved: self._say("ok", self.tr("Time limits saved; they apply to tickets received from now on.")),
                   self._refused)

    @Slot()
    def add_department(self) -> None:
        ctx, name = self.ctx, self.new_department.text()
        run_change(self, lambda: settings.add_department(ctx, name), SETTINGS_CHANGED, self._added, self._refused)

    def _added(self, added: settings.DepartmentView) -> None:
        self.new_department.clear()
        self.refresh()
        self._say("ok", self.tr("Department %1 added").replace("%1", added.name))

    @Slot()
    def retire_department(self) -> None:
        item = self.departments.currentItem()
        if item is None or not item.isSelected():
            self._say("reason", self.tr("Select the department to retire"))
            return
        ctx, name = self.ctx, str(item.data(Qt.ItemDataRole.UserRole))
        run_change(self, lambda: settings.retire_department(ctx, name), SETTINGS_CHANGED, self._retired, self._refused)

    def _retired(self, retired: settings.DepartmentView) -> None:
        self.refresh()
        self._say("ok", self.tr("Department %1 retired").replace("%1", retired.name))
