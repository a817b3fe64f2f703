"""The Admin page (管理): staff accounts, the campaigns of this store, the ticket settings, and the audit log.

What a role may not do is hidden or disabled here, and the services refuse it anyway (Forbidden),
so the page never depends on its own checks for safety.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kaccount_desk.domain.roles import ROLE_LABELS, Permission, Role
from kaccount_desk.services import admin_settings, campaigns, staff
from kaccount_desk.services.admin_settings import AdminSettings
from kaccount_desk.services.campaigns import CampaignListing, CampaignSpec
from kaccount_desk.services.changes import CAMPAIGNS_CHANGED, STAFF_CHANGED, Changes
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import ServiceError
from kaccount_desk.services.staff import StaffView
from kaccount_desk.ui.admin.answers_box import AnswersBox
from kaccount_desk.ui.admin.audit_panel import AuditPanel
from kaccount_desk.ui.admin.campaign_editor import CampaignEditor
from kaccount_desk.ui.admin.organisation_box import OrganisationBox
from kaccount_desk.ui.admin.retention_box import RetentionBox
from kaccount_desk.ui.admin.ticket_settings_box import TicketSettingsBox
from kaccount_desk.ui.file_names import ask_open_path
from kaccount_desk.ui.messages import current_lang, error_text
from kaccount_desk.ui.operations import change_hub, run_change, run_query
from kaccount_desk.ui.palette import text_style
from kaccount_desk.ui.qt import Qt, QtWidgets, Signal, Slot


def role_label(role: str) -> str:
    return ROLE_LABELS.text(role, current_lang())


# Beside UserRole (active): whether the staff ID is locked now, as the service said.
_LOCKED_ROLE = Qt.ItemDataRole.UserRole + 1


def _read_only_table(headers: list[str]) -> QtWidgets.QTableWidget:
    table = QtWidgets.QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fit_columns(table: QtWidgets.QTableWidget, give_way: int | None = None) -> None:
    """Columns to their contents, the last one still to the table's edge (fitting it alone would leave a gap).

    With ``give_way``, that column (a campaign's long title) takes what the others leave, cut with
    "…" and whole in its tooltip: fitted to its contents it pushed the last column ("Reserved
    numbers") under the table's edge at 1366 px. The others follow their contents as Qt lays them
    out, since a table filled before it is first shown measures its headers in the wrong font.
    """
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    if give_way is None:
        table.resizeColumnsToContents()
        header.setStretchLastSection(True)
        return
    for column in range(header.count()):
        header.setSectionResizeMode(column, QtWidgets.QHeaderView.ResizeMode.Stretch if column == give_way
                                    else QtWidgets.QHeaderView.ResizeMode.ResizeToContents)


class AdminPage(QtWidgets.QWidget):
    # The code of a campaign just loaded or created ("" after an edit): the window may switch to it.
    campaigns_changed = Signal(str)

    def __init__(self, ctx: Context, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        change_hub().changed.connect(self.apply_changes)  # every change, wherever made, reaches this page
        self.campaign_code: str | None = None
        self.editor: CampaignEditor | None = None
        self._editor_asked = 0  # the latest "edit" click: an older one's answer opens no editor
        self._departments_of: tuple[str | None, ...] = ()  # (the campaign) whose departments the staff form has; () none yet
        self._departments_listed: dict[str, tuple[str, ...]] | None = None  # each campaign's, as the list last read them
        self.tabs = QtWidgets.QTabWidget()
        QtWidgets.QVBoxLayout(self).addWidget(self.tabs)
        setup = QtWidgets.QWidget()
        self.tabs.addTab(setup, self.tr("Staff and campaigns"))
        self.audit_panel = AuditPanel(ctx) if ctx.actor.may(Permission.VIEW_AUDIT) else None
        if self.audit_panel is not None:
            self.tabs.addTab(self.audit_panel, self.tr("Audit log"))
        self.answers_box: AnswersBox | None = None
        if ctx.actor.may(Permission.HANDLE_TICKETS):
            self.answers_box = AnswersBox(ctx)
            self.tabs.addTab(self.answers_box, self.tr("Standard answers"))
            self.tabs.currentChanged.connect(self._tab_shown)
        layout = QtWidgets.QHBoxLayout(setup)
        self.staff_box = self._build_staff_box()
        self.campaign_box = self._build_campaign_box()
        self.ticket_box = TicketSettingsBox(ctx)
        if not ctx.actor.may(Permission.HANDLE_TICKETS):
            # Only ever hidden here: a parentless widget made visible flashes up as a window of its own and
            # takes the keyboard from the main window (the page is built when first shown, the window up).
            self.ticket_box.hide()
        left = QtWidgets.QVBoxLayout()
        left.addWidget(self.staff_box, 1)
        right = QtWidgets.QVBoxLayout()
        right.addWidget(self.campaign_box, 2)  # a handful of campaigns; the time limits have a row per category and area
        right.addWidget(self.ticket_box, 3)
        self.retention_box: RetentionBox | None = None
        self.organisation_box: OrganisationBox | None = None
        if ctx.actor.may(Permission.MANAGE_STAFF):
            # Under the staff list, where there is height to spare: in the right column it pushed the
            # page past a 728-pixel-high screen.
            self.organisation_box = OrganisationBox(ctx)
            left.addWidget(self.organisation_box)
            self.retention_box = RetentionBox(ctx)
            right.addWidget(self.retention_box)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)
        self.staff_box.setVisible(ctx.actor.may(Permission.MANAGE_STAFF))
        may_edit = ctx.actor.may(Permission.MANAGE_CAMPAIGNS)
        for button in (self.load_button, self.new_button, self.edit_button):
            button.setEnabled(may_edit)
        self._read_settings()
        self.refresh_staff()
        self.refresh_campaigns()

    def _read_settings(self) -> None:
        """Every box's settings in one read (one statement, not five round trips), each box painted from it."""
        painters = [self.ticket_box.paint] + [box.painter() for box in (self.retention_box, self.organisation_box) if box is not None]
        ctx = self.ctx

        def paint(found: AdminSettings) -> None:
            for painter in painters:
                painter(found)

        run_query(self, lambda: admin_settings.read(ctx), paint)

    def _tab_shown(self, index: int) -> None:
        """The answers tab reads its lists the first time it is opened (later changes refresh it themselves)."""
        if self.answers_box is not None and self.tabs.widget(index) is self.answers_box and not self.answers_box.loaded:
            self.answers_box.refresh()

    def _build_staff_box(self) -> QtWidgets.QGroupBox:
        box = QtWidgets.QGroupBox(self.tr("Staff"))
        self.staff_table = _read_only_table(
            [self.tr("Staff ID"), self.tr("Name"), self.tr("Department"), self.tr("Role"), self.tr("Status")]
        )
        self.staff_table.currentCellChanged.connect(lambda *_: self._staff_chosen())
        self.leave_button = QtWidgets.QPushButton(self.tr("Mark as left"))
        self.leave_button.setToolTip(self.tr("The account can no longer log in; a supervisor may then hand its open tickets on"))
        self.leave_button.clicked.connect(self.toggle_active)
        self.leave_button.setEnabled(False)
        self.unlock_button = QtWidgets.QPushButton(self.tr("Unlock"))
        self.unlock_button.setToolTip(self.tr("Lift the lock that five wrong passwords in a row put on this staff ID"))
        self.unlock_button.clicked.connect(self.unlock_staff)
        self.unlock_button.setEnabled(False)
        self.new_staff_no = QtWidgets.QLineEdit()
        self.new_name = QtWidgets.QLineEdit()
        self.new_department = QtWidgets.QComboBox()
        self.new_department.setEditable(True)
        self.new_role = QtWidgets.QComboBox()
        for role in Role:
            self.new_role.addItem(role_label(role.value), role.value)
        self.new_role.setCurrentIndex(self.new_role.findData(Role.CLERK.value))
        self.new_password = QtWidgets.QLineEdit()
        self.new_password.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        self.new_password_again = QtWidgets.QLineEdit()
        self.new_password_again.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        for field in (self.new_staff_no, self.new_name, self.new_password, self.new_password_again):
            field.returnPressed.connect(self.add_staff)  # Enter in the form adds, as the button does
        self.staff_error = QtWidgets.QLabel()
        self.staff_error.setStyleSheet(text_style("reason"))
        self.staff_error.setWordWrap(True)
        self.add_button = QtWidgets.QPushButton(self.tr("Add staff"))
        self.add_button.clicked.connect(self.add_staff)
        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("Staff ID"), self.new_staff_no)
        form.addRow(self.tr("Name"), self.new_name)
        form.addRow(self.tr("Department"), self.new_department)
        form.addRow(self.tr("Role"), self.new_role)
        form.addRow(self.tr("Password"), self.new_password)
        form.addRow(self.tr("Password again"), self.new_password_again)
        rule = QtWidgets.QLabel(self.tr("At least 8 characters, not a common password."))
        rule.setStyleSheet(text_style("calm"))
        form.addRow("", rule)  # said before the first try, not only in the refusal
        form.addRow("", self.staff_error)
        form.addRow("", self.add_button)
        layout = QtWidgets.QVBoxLayout(box)
        layout.addWidget(self.staff_table, 1)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(self.leave_button)
        buttons.addWidget(self.unlock_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        add_box = QtWidgets.QGroupBox(self.tr("Add a staff member"))
        add_box.setLayout(form)
        layout.addWidget(add_box)
        return box

    def _build_campaign_box(self) -> QtWidgets.QGroupBox:
        box = QtWidgets.QGroupBox(self.tr("Campaigns"))
        self.campaign_table = _read_only_table(
            [self.tr("Code"), self.tr("Title"), self.tr("Deadline"), self.tr("Departments"), self.tr("Reserved numbers")]
        )
        self.campaign_table.itemDoubleClicked.connect(self.edit_campaign)
        self.load_button = QtWidgets.QPushButton(self.tr("Load campaign file…"))
        self.load_button.clicked.connect(self.load_campaign)
        self.new_button = QtWidgets.QPushButton(self.tr("New campaign…"))
        self.new_button.clicked.connect(self.new_campaign)
        self.edit_button = QtWidgets.QPushButton(self.tr("Edit campaign…"))
        self.edit_button.clicked.connect(self.edit_campaign)
        buttons = QtWidgets.QHBoxLayout()
        for button in (self.load_button, self.new_button, self.edit_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QtWidgets.QVBoxLayout(box)
        layout.addWidget(self.campaign_table, 1)
        layout.addLayout(buttons)
        return box

    def set_campaign(self, code: str | None) -> None:
        """Choose ``code`` in the campaign list; the new-staff form offers its departments, which
        came with the list (read with it, so not asked apart): painted when the chosen campaign
        changed and the list is here, else once it comes (a campaign gone meanwhile offers none)."""
        self.campaign_code = code
        listed = self._departments_listed
        if listed is not None and self._departments_of != (code,) and self.ctx.actor.may(Permission.MANAGE_STAFF):
            self._departments_of = (code,)
            self._show_departments(listed.get(code, ()) if code else ())
        for row in range(self.campaign_table.rowCount()):
            item = self.campaign_table.item(row, 0)
            if item is not None and item.text() == code:
                self.campaign_table.selectRow(row)

    def _show_departments(self, names: tuple[str, ...]) -> None:
        """Paint the choices of the new-staff form; what is typed stays."""
        typed = self.new_department.currentText()
        self.new_department.clear()
        self.new_department.addItem("")
        for name in names:
            self.new_department.addItem(name)
        self.new_department.setCurrentText(typed)

    def focus_search(self) -> bool:
        return False

    def refresh(self) -> None:
        """F5: staff and campaigns made elsewhere (another PC, the CLI) and the newest audit entries.

        The ticket time limits are not read again: they are edited in place, and a half-changed
        limit must not be thrown away by a refresh.
        """
        self.refresh_staff()
        self.refresh_campaigns()
        if self.audit_panel is not None:
            self.audit_panel.apply_filter()

    @Slot(object, object)
    def apply_changes(self, changes: Changes, origin: object) -> None:
        """Staff, campaigns and the audit log, each re-read only when it changed (any change writes the log)."""
        if changes.staff and origin is not self:  # this page's own change re-read its list already
            self.refresh_staff()
        if changes.campaigns and origin is not self:
            self.refresh_campaigns()
        if changes.audit and self.audit_panel is not None:
            self.audit_panel.apply_filter()

    def refresh_staff(self, choose: str | None = None) -> None:
        """Fill the staff list again, keeping the chosen row (or choosing ``choose``, someone just added)."""
        if not self.ctx.actor.may(Permission.MANAGE_STAFF):
            return
        ctx = self.ctx
        run_query(self, lambda: staff.list_staff(ctx), lambda people: self._show_staff(people, choose))

    def _show_staff(self, people: list[StaffView], choose: str | None) -> None:
        chosen_item = self._chosen_item()
        chosen = choose or (chosen_item.text() if chosen_item is not None else None)
        self.staff_table.setRowCount(len(people))
        for row, person in enumerate(people):
            status = self.tr("Active") if person.active else self.tr("Left")
            if person.locked_until is not None:
                status = self.tr("Locked until %1").replace("%1", person.locked_until.astimezone().strftime("%H:%M"))
            for column, text in enumerate((person.staff_no, person.name, person.department or "", role_label(person.role), status)):
                item = QtWidgets.QTableWidgetItem(text)
                if column == 0:
                    item.setData(Qt.ItemDataRole.UserRole, person.active)
                    item.setData(_LOCKED_ROLE, person.locked_until is not None)
                if not person.active:
                    item.setForeground(self.palette().placeholderText())
                self.staff_table.setItem(row, column, item)
            if chosen == person.staff_no:
                self.staff_table.selectRow(row)
        _fit_columns(self.staff_table)
        self._staff_chosen()

    def _chosen_item(self) -> QtWidgets.QTableWidgetItem | None:
        """The chosen row's staff-ID cell, which also holds whether the person is active."""
        return self.staff_table.item(self.staff_table.currentRow(), 0)

    def _staff_chosen(self) -> None:
        item = self._chosen_item()
        is_me = item is not None and item.text() == self.ctx.actor.staff_no
        active = item is not None and bool(item.data(Qt.ItemDataRole.UserRole))
        self.leave_button.setText(self.tr("Mark as left") if active or item is None else self.tr("Reinstate"))
        self.leave_button.setEnabled(item is not None and not is_me)
        self.unlock_button.setEnabled(item is not None and bool(item.data(_LOCKED_ROLE)))

    @Slot()
    def unlock_staff(self) -> None:
        item = self._chosen_item()
        if item is None:
            return
        ctx, staff_no = self.ctx, item.text()
        run_change(self, lambda: staff.unlock(ctx, staff_no), STAFF_CHANGED, self._staff_saved, self._refused)

    @Slot()
    def toggle_active(self) -> None:
        item = self._chosen_item()
        if item is None:
            return
        ctx, staff_no, active = self.ctx, item.text(), not bool(item.data(Qt.ItemDataRole.UserRole))
        run_change(self, lambda: staff.set_active(ctx, staff_no, active), STAFF_CHANGED, self._staff_saved, self._refused)

    def _staff_saved(self, _view: StaffView) -> None:
        self._say("")
        self.refresh_staff()

    def _refused(self, exc: BaseException) -> bool:
        """A refusal of a staff action is said under the form; anything else goes to the usual box."""
        if not isinstance(exc, ServiceError):
            return False
        self._say(error_text(exc))
        return True

    def refresh_campaigns(self) -> None:
        """The campaign list read again; the chosen one's departments too, since it may have changed."""
        ctx = self.ctx
        run_query(self, lambda: campaigns.campaign_listing(ctx), self._show_campaigns)

    def _show_campaigns(self, listing: CampaignListing) -> None:
        """Paint the list, and the chosen campaign's departments again from it (they may have changed)."""
        found = listing.summaries
        self._departments_listed, self._departments_of = listing.departments, ()
        self.campaign_table.setRowCount(len(found))
        for row, summary in enumerate(found):
            cells = (summary.code, summary.title, summary.deadline.strftime("%Y-%m-%d %H:%M"),
                     str(summary.departments), str(summary.pool_size))
            for column, text in enumerate(cells):
                item = QtWidgets.QTableWidgetItem(text)
                if column >= 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if column == 1:
                    item.setToolTip(text)
                self.campaign_table.setItem(row, column, item)
        _fit_columns(self.campaign_table, give_way=1)
        self.set_campaign(self.campaign_code)

    @Slot()
    def add_staff(self) -> None:
        """The password is typed twice: nobody sees it, so a slip would lock the new colleague out."""
        if self.new_password.text() != self.new_password_again.text():
            self._say(self.tr("The two passwords differ; type them again."))
            self.new_password_again.clear()
            self.new_password_again.setFocus()
            return
        ctx = self.ctx
        typed = (self.new_staff_no.text(), self.new_name.text(), str(self.new_role.currentData()),
                 self.new_password.text(), self.new_department.currentText())
        run_change(self, lambda: staff.create_staff(ctx, *typed), STAFF_CHANGED, self._staff_added, self._refused)

    def _staff_added(self, added: StaffView) -> None:
        for field in (self.new_staff_no, self.new_name, self.new_password, self.new_password_again):
            field.clear()
        self.refresh_staff(choose=added.staff_no)
        self._say(self.tr("Added %1 %2 (%3); they can log in now.").replace("%1", added.staff_no).replace("%2", added.name)
                  .replace("%3", role_label(added.role)), ok=True)
        self.new_staff_no.setFocus()

    def _say(self, text: str, ok: bool = False) -> None:
        """The line under the staff form: why an add was refused, or who was just added."""
        self.staff_error.setStyleSheet(text_style("ok" if ok else "reason"))
        self.staff_error.setText(text)

    def has_unsaved_input(self) -> bool:
        """A new staff member typed but not added yet (the department alone carries over, like a default)."""
        return not self.staff_box.isHidden() and any(f.text().strip() for f in (self.new_staff_no, self.new_name, self.new_password))

    def unsaved_text(self) -> str:
        return self.tr("The new staff member typed on the Admin page has not been added yet and would be lost.")

    def can_save_input(self) -> bool:
        """Adding an account is a decision of its own (role, password), not something to do on the way out."""
        return False

    def save_input(self) -> bool:
        return False

    def selected_code(self) -> str | None:
        row = self.campaign_table.currentRow()
        item = self.campaign_table.item(row, 0) if row >= 0 else None
        return item.text() if item else self.campaign_code

    @Slot()
    def load_campaign(self) -> None:
        path = ask_open_path(self, self.tr("Load campaign"), self.tr("Campaign files (*.toml)"))
        if path is not None:
            self.load_campaign_file(path)

    def load_campaign_file(self, path: Path) -> None:
        ctx = self.ctx
        run_change(self, lambda: campaigns.load_campaign_file(ctx, path), CAMPAIGNS_CHANGED,
                   lambda loaded: self._campaigns_saved(loaded.code))

    def open_editor(self, code: str | None, then: Callable[[CampaignEditor], None] | None = None) -> None:
        """Build ``self.editor`` for ``code`` (None: a new campaign) once it is read, then ``then(editor)``.

        Not shown by itself: tests drive the editor. Only the latest request builds one, so two
        quick "edit" clicks open one editor, for the campaign clicked last.
        """
        self._editor_asked += 1
        asked = self._editor_asked

        def build(spec: CampaignSpec | None) -> None:
            if asked != self._editor_asked:
                return
            self.editor = editor = CampaignEditor(self.ctx, spec, self)
            editor.accepted.connect(lambda: self._campaigns_saved(editor.code.text() if editor.is_new else ""))
            if then is not None:
                then(editor)

        if code is None:
            build(None)
            return
        ctx = self.ctx
        run_query(self, lambda: campaigns.get_campaign(ctx, code), build)

    @Slot()
    def new_campaign(self) -> None:
        self.open_editor(None, CampaignEditor.open)

    @Slot()
    def edit_campaign(self) -> None:
        code = self.selected_code()
        if code:
            self.open_editor(code, CampaignEditor.open)

    def _campaigns_saved(self, added: str = "") -> None:
        self.refresh_campaigns()
        self.campaigns_changed.emit(added)
