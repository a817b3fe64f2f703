"""The intake form: one employee's application, taken with the customer standing at the desk.

Everything a clerk types is checked on the keystroke by the domain functions themselves (no I/O),
so the reason sits beside the field before Enter is pressed; Enter saves through the service,
which checks again with the same words and refuses inline, never in a modal box.
"""

from __future__ import annotations

import logging
from decimal import Decimal

from kaccount_desk.domain.campaign import CampaignSpec
from kaccount_desk.domain.deadline import check_deadline
from kaccount_desk.domain.id_documents import DEFAULT_DOCUMENT_TYPE, IdDocumentType
from kaccount_desk.domain.intake import FIELDS, CampaignFacts, IntakeFields, Note, check_fields
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.domain.roles import Permission, fixed_department
from kaccount_desk.domain.tariff import monthly_fee
from kaccount_desk.domain.workflow import Completeness, missing_items, status_label
from kaccount_desk.services import campaigns, enrollment
from kaccount_desk.services.context import Context
from kaccount_desk.services.enrollment import ApplicationInput, ApplicationView
from kaccount_desk.services.errors import ServiceError
from kaccount_desk.ui.completion import complete_unique
from kaccount_desk.ui.enrollment.confirmations_panel import ConfirmList
from kaccount_desk.ui.enrollment.estimate_panel import EstimatePanel
from kaccount_desk.ui.enrollment.field_note import FieldNote
from kaccount_desk.ui.enrollment.id_copies_widget import IdCopiesWidget
from kaccount_desk.ui.enrollment.pool_browser import PoolBrowser
from kaccount_desk.ui.enrollment.workflow_panel import WorkflowPanel
from kaccount_desk.ui.fit import narrow_combo
from kaccount_desk.ui.messages import current_lang
from kaccount_desk.ui.palette import banner_style, text_style
from kaccount_desk.ui.qt import Qt, QtGui, QtWidgets, Signal

log = logging.getLogger("kaccount_desk.ui.enrollment")

# Which field a refused save's reason belongs to, so focus lands where the fix is typed.
FIELD_OF_CODE = (
    ("application.department", "dept"),
    ("forbidden.department", "dept"),
    ("application.name", "name"),
    ("id.", "id"),
    ("mobile.", "number"),
    ("number.", "number"),
    ("pool.", "number"),
    ("eligibility.excluded", "packages"),
    ("application.plan", "plan"),
    ("deadline.", "late"),
)


class IntakeForm(QtWidgets.QWidget):
    """One application: fields in tab order, live reasons, copies, workflow and an estimate.

    ``saved(id)`` is emitted after every save and every workflow move, so the applications table
    refreshes the row it shows.
    """

    saved = Signal(int)
    typing = Signal()  # something was typed: the draft keeper writes soon after

    def __init__(self, ctx: Context, campaign_code: str, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._code = ""
        self._spec: CampaignSpec | None = None
        self._pool_numbers: frozenset[str] = frozenset()
        self._view: ApplicationView | None = None
        self._dirty = False
        self._confirmed: set[str] = set()
        self._sticky_warnings: dict[str, str] = {}
        self._live_warnings: dict[str, str] = {}
        self._id_ok = False
        self._number_ok = False
        self._build_fields()
        self._build_side()
        self._build_layout()
        self._connect()
        self.set_campaign(campaign_code)

    # ----- building -----

    def _build_fields(self) -> None:
        self.fields_box = QtWidgets.QWidget()
        self.dept_combo = QtWidgets.QComboBox()
        self.dept_combo.setEditable(True)
        self.dept_combo.setInsertPolicy(QtWidgets.QComboBox.InsertPolicy.NoInsert)
        line = self.dept_combo.lineEdit()
        assert line is not None  # an editable combo has its line edit
        self.dept_line = line
        self.dept_line.setPlaceholderText(self.tr("Type to search the campaign's departments"))
        self.name_edit = QtWidgets.QLineEdit()
        self.name_edit.setMaxLength(64)
        self.doc_type_combo = QtWidgets.QComboBox()
        for kind in IdDocumentType:
            self.doc_type_combo.addItem(kind.en if current_lang() == "en" else kind.zh, kind.value)
        self.id_edit = QtWidgets.QLineEdit()
        self.id_edit.setMaxLength(40)
        self.keep_radio = QtWidgets.QRadioButton(self.tr("Keep &old number"))
        self.new_radio = QtWidgets.QRadioButton(self.tr("&New number from the pool"))
        self.keep_radio.setChecked(True)
        self.source_group = QtWidgets.QButtonGroup(self)
        self.source_group.addButton(self.keep_radio)
        self.source_group.addButton(self.new_radio)
        self.number_edit = QtWidgets.QLineEdit()
        self.number_edit.setMaxLength(20)
        self.choose_button = QtWidgets.QPushButton(self.tr("Choose… (F4)"))
        self.choose_button.setAutoDefault(False)
        self.packages_edit = QtWidgets.QLineEdit()
        self.packages_edit.setPlaceholderText(self.tr("Packages the number has now, e.g. from the bill"))
        self.plan_combo = QtWidgets.QComboBox()
        for combo in (self.dept_combo, self.doc_type_combo, self.plan_combo):
            narrow_combo(combo)
        self.addons_list = QtWidgets.QListWidget()
        self.addons_list.setMaximumHeight(60)
        self.addons_list.setWordWrap(True)  # a long add-on name wraps instead of scrolling sideways
        self.addons_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.addons_none = QtWidgets.QLabel(self.tr("No add-ons beyond those the plan includes"))
        self.addons_none.setStyleSheet(text_style("calm"))
        self.note_edit = QtWidgets.QLineEdit()
        self.late_edit = QtWidgets.QLineEdit()
        self.notes = {key: FieldNote() for key in ("dept", "name", "id", "number", "packages", "plan", "late")}

    def _build_side(self) -> None:
        self.banner = QtWidgets.QLabel()
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.hide()
        self.banner_state = ""
        self.late_banner = QtWidgets.QLabel()
        self.late_banner.setWordWrap(True)
        self.late_banner.setStyleSheet(banner_style("warning"))
        self.late_banner.hide()
        self.copies = IdCopiesWidget(self._ctx)
        self.copies.draft_saver = self._save_for_copies
        self.missing_label = QtWidgets.QLabel()
        self.missing_label.setWordWrap(True)
        self.missing_state = ""
        self.confirm_list = ConfirmList()
        self.workflow = WorkflowPanel(self._ctx)
        self.estimate = EstimatePanel(self._ctx)
        self.save_button = QtWidgets.QPushButton(self.tr("&Save (Enter)"))
        self.next_button = QtWidgets.QPushButton(self.tr("Next application (Ctrl+N)"))
        self.discard_button = QtWidgets.QPushButton(self.tr("Dis&card changes"))
        for button in (self.save_button, self.next_button, self.discard_button):
            button.setAutoDefault(False)

    def _field(self, widget: QtWidgets.QWidget, key: str, *extra: QtWidgets.QWidget) -> QtWidgets.QWidget:
        box = QtWidgets.QWidget()
        column = QtWidgets.QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        line = QtWidgets.QHBoxLayout()
        line.addWidget(widget, 1)
        for w in extra:
            line.addWidget(w)
        column.addLayout(line)
        column.addWidget(self.notes[key])
        return box

    def _build_layout(self) -> None:
        form = QtWidgets.QFormLayout(self.fields_box)
        form.setFieldGrowthPolicy(QtWidgets.QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setVerticalSpacing(2)  # each field's note line keeps rows apart already
        sources = QtWidgets.QVBoxLayout()  # one under the other: side by side they set the form's width in English
        sources.addWidget(self.keep_radio)
        sources.addWidget(self.new_radio)
        addons = QtWidgets.QVBoxLayout()
        addons.addWidget(self.addons_list)
        addons.addWidget(self.addons_none)
        self.late_label = QtWidgets.QLabel(self.tr("Late acceptance &reason:"))
        self.late_label.setBuddy(self.late_edit)
        rows: list[tuple[str, QtWidgets.QWidget | QtWidgets.QLayout, QtWidgets.QWidget | None]] = [
            (self.tr("De&partment:"), self._field(self.dept_combo, "dept"), self.dept_combo),
            (self.tr("N&ame:"), self._field(self.name_edit, "name"), self.name_edit),
            (self.tr("Document t&ype:"), self.doc_type_combo, self.doc_type_combo),
            (self.tr("&ID number:"), self._field(self.id_edit, "id"), self.id_edit),
            (self.tr("Number source:"), sources, None),
            (self.tr("&Mobile number:"), self._field(self.number_edit, "number", self.choose_button), self.number_edit),
            (self.tr("Current pac&kages:"), self._field(self.packages_edit, "packages"), self.packages_edit),
            (self.tr("P&lan:"), self._field(self.plan_combo, "plan"), self.plan_combo),
            (self.tr("A&dd-ons:"), addons, self.addons_list),
            (self.tr("No&te:"), self.note_edit, self.note_edit),
        ]
        for text, field, buddy in rows:
            label = QtWidgets.QLabel(text)
            if buddy is not None:
                label.setBuddy(buddy)
            form.addRow(label, field)
        self.late_field = self._field(self.late_edit, "late")
        form.addRow(self.late_label, self.late_field)
        # Discard under Next and Save: in one row the three set the form's width in English.
        buttons = QtWidgets.QGridLayout()
        buttons.setColumnStretch(0, 1)
        buttons.addWidget(self.next_button, 0, 1)
        buttons.addWidget(self.save_button, 0, 2)
        buttons.addWidget(self.discard_button, 1, 1, Qt.AlignmentFlag.AlignLeft)
        left = QtWidgets.QVBoxLayout()
        left.addWidget(self.fields_box)
        left.addLayout(buttons)
        # Below the fields and beside Save, so a banner appearing or going never moves a field under the pointer.
        left.addWidget(self.banner)
        left.addWidget(self.late_banner)
        left.addWidget(self.estimate)
        left.addStretch(1)
        copies_box = QtWidgets.QGroupBox(self.tr("ID card copies"))
        QtWidgets.QVBoxLayout(copies_box).addWidget(self.copies)
        todo_box = QtWidgets.QGroupBox(self.tr("Still needed before it can move on"))
        todo = QtWidgets.QVBoxLayout(todo_box)
        todo.addWidget(self.missing_label)
        todo.addWidget(self.confirm_list)
        right = QtWidgets.QVBoxLayout()
        right.addWidget(copies_box)
        right.addWidget(todo_box)
        right.addWidget(self.workflow)
        right.addStretch(1)
        columns = QtWidgets.QHBoxLayout()
        columns.addLayout(left, 5)
        columns.addLayout(right, 4)
        outer = QtWidgets.QVBoxLayout(self)
        outer.addLayout(columns, 1)
        order = [self.dept_combo, self.name_edit, self.doc_type_combo, self.id_edit, self.keep_radio, self.new_radio, self.number_edit,
                 self.choose_button, self.packages_edit, self.plan_combo, self.addons_list, self.note_edit, self.late_edit,
                 *self.copies.focus_chain(), self.save_button]
        for first, second in zip(order, order[1:], strict=False):
            QtWidgets.QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        self.dept_line.textEdited.connect(self._edited)
        self.dept_combo.currentIndexChanged.connect(self._edited)
        # Picking from the list the item that was current (after clearing the text) changes no index.
        self.dept_combo.activated.connect(self._edited)
        completer = self.dept_combo.completer()
        assert completer is not None  # an editable combo completes by default
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QtWidgets.QCompleter.CompletionMode.PopupCompletion)
        complete_unique(self.dept_combo, self._edited)
        for edit in (self.name_edit, self.id_edit, self.number_edit, self.packages_edit, self.note_edit, self.late_edit):
            edit.textEdited.connect(self._edited)
        self.doc_type_combo.currentIndexChanged.connect(self._edited)
        self.plan_combo.currentIndexChanged.connect(self._plan_changed)
        self.keep_radio.toggled.connect(self._edited)
        self.addons_list.itemChanged.connect(self._edited)
        self.choose_button.clicked.connect(self.open_pool_browser)
        self.confirm_list.toggled.connect(self._confirm_toggled)
        self.copies.changed.connect(self._copies_changed)
        self.workflow.move_requested.connect(self.move_to)
        self.save_button.clicked.connect(self.save)
        self.next_button.clicked.connect(self.next_application)
        self.discard_button.clicked.connect(self.discard)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in ((QtGui.QKeySequence.StandardKey.Save, self.save), (QtGui.QKeySequence.StandardKey.New, self.next_application),
                           (QtGui.QKeySequence(Qt.Key.Key_F4), self.open_pool_browser)):
            shortcut = QtGui.QShortcut(QtGui.QKeySequence(keys), self, context=context)
            shortcut.activated.connect(slot)

    # ----- public API -----

    @property
    def application_id(self) -> int | None:
        return self._view.id if self._view else None

    @property
    def view(self) -> ApplicationView | None:
        """The application as last saved or loaded; None for an unsaved draft."""
        return self._view

    def set_campaign(self, code: str) -> None:
        """Read the campaign once and start a fresh application on it."""
        if self._read_campaign(code):
            self.new()

    def reload_campaign(self) -> None:
        """The campaign was edited elsewhere: read it again, keep what is typed, check it anew."""
        if self._code and self._read_campaign(self._code):
            self._refresh()

    def _read_campaign(self, code: str) -> bool:
        """Every live check uses this copy of the campaign, not the store, so typing stays fast."""
        try:
            spec = campaigns.get_campaign(self._ctx, code)
        except ServiceError as exc:
            self._show_reasons(exc.reasons)
            return False
        self._code, self._spec = code, spec
        self._pool_numbers = frozenset(spec.pool())
        keep_dept, keep_plan = self.dept_combo.currentText(), self.plan_combo.currentData()
        self.dept_combo.blockSignals(True)
        self.dept_combo.clear()
        self.dept_combo.addItems([d.name for d in spec.departments])
        self.dept_combo.setEditText(keep_dept)
        fixed = fixed_department(self._ctx.actor.role, self._ctx.actor.department)
        if fixed is not None:
            self.dept_combo.setEditText(fixed)
            self.dept_combo.setEnabled(False)
        self.dept_combo.blockSignals(False)
        self.plan_combo.blockSignals(True)
        self.plan_combo.clear()
        self.plan_combo.addItem(self.tr("— choose a plan —"), "")
        for plan in spec.plans:
            text = self._plan_text(plan.item.name, plan.item.monthly_fee, plan.included_addons, plan.item.keep_current)
            self.plan_combo.addItem(text, plan.item.code)
        self.plan_combo.setCurrentIndex(max(0, self.plan_combo.findData(keep_plan)))
        self.plan_combo.blockSignals(False)
        self.estimate.set_campaign(code)
        return True

    def new(self) -> None:
        """Start the next application: department and plan stay, since a queue often shares them."""
        for edit in (self.name_edit, self.id_edit, self.number_edit, self.packages_edit, self.note_edit, self.late_edit):
            edit.clear()
        self.doc_type_combo.setCurrentIndex(self.doc_type_combo.findData(DEFAULT_DOCUMENT_TYPE.value))
        self.keep_radio.setChecked(True)
        self._view = None
        self._confirmed, self._sticky_warnings = set(), {}
        self._set_banner("", "")
        self._fill_addons(())
        self.fields_box.setEnabled(True)
        self.copies.set_application(None)
        self.workflow.set_view(None)
        self._refresh()
        self._dirty = False
        self.name_edit.setFocus()

    def has_unsaved_input(self) -> bool:
        """Typed but not saved; department and plan alone do not count, they carry over on purpose."""
        edits = (self.name_edit, self.id_edit, self.number_edit, self.packages_edit, self.note_edit, self.late_edit)
        return self._dirty and self.fields_box.isEnabled() and any(edit.text().strip() for edit in edits)

    def draft_fields(self) -> dict[str, object] | None:
        """What a crash must not take (services/drafts.py): the typed fields, or None if nothing is unsaved."""
        if not self.has_unsaved_input():
            return None
        typed = self._input()
        return {
            "application_id": self._view.id if self._view else None, "campaign": typed.campaign_code,
            "department": typed.department, "name": typed.name, "id_number": typed.id_number, "id_type": typed.id_type,
            "number_source": typed.number_source, "msisdn": typed.msisdn, "packages": typed.current_packages,
            "plan": typed.plan, "addons": list(typed.addons), "note": typed.note, "late_reason": typed.late_reason,
        }

    def restore_draft(self, fields: dict[str, object]) -> None:
        """A kept draft back in the form as unsaved typing (on the saved application it was typed over)."""
        campaign = fields.get("campaign")
        if isinstance(campaign, str) and campaign and campaign != self._code:
            self.set_campaign(campaign)
        saved = fields.get("application_id")
        if isinstance(saved, int):
            self.load(saved)
        else:
            self.new()

        def text(key: str) -> str:
            value = fields.get(key)
            return value if isinstance(value, str) else ""

        self.dept_combo.setEditText(text("department"))
        self.name_edit.setText(text("name"))
        self.doc_type_combo.setCurrentIndex(max(0, self.doc_type_combo.findData(text("id_type"))))
        self.id_edit.setText(text("id_number"))
        (self.new_radio if text("number_source") == "pool" else self.keep_radio).setChecked(True)
        self.number_edit.setText(text("msisdn"))
        self.packages_edit.setText(text("packages"))
        self.plan_combo.setCurrentIndex(max(0, self.plan_combo.findData(text("plan"))))
        addons = fields.get("addons")
        self._fill_addons(tuple(str(a) for a in addons) if isinstance(addons, list) else ())
        self.note_edit.setText(text("note"))
        self.late_edit.setText(text("late_reason"))
        self._dirty = True
        self._refresh()

    def unsaved_text(self) -> str:
        return self.tr("The application in the form has not been saved. Save it as a draft now?")

    def can_save_input(self) -> bool:
        return True

    def save_input(self) -> bool:
        return self.save() is not None

    def next_application(self) -> None:
        """Ctrl+N: what was typed is saved as a draft first, so starting the next one never loses it.

        If the save is refused, the form stays as it was with the reasons shown.
        """
        saved = None
        if self.has_unsaved_input():
            saved = self.save()
            if saved is None:
                return
        self.new()
        if saved is not None:
            self._set_banner("ok", self.tr("Application #%1 saved; this is a new one").replace("%1", str(saved.id)))

    def discard(self) -> bool:
        """Put typing aside after a confirmation: a saved application shows as saved again, a new one empties.

        The way out when an application cannot be saved yet and the customer has to come back later.
        """
        if self.has_unsaved_input():
            answer = QtWidgets.QMessageBox.question(
                self, self.tr("Discard changes"), self.tr("Discard what was typed since the last save?"),
                QtWidgets.QMessageBox.StandardButton.Discard | QtWidgets.QMessageBox.StandardButton.Cancel,
                QtWidgets.QMessageBox.StandardButton.Cancel,
            )
            if answer != QtWidgets.QMessageBox.StandardButton.Discard:
                return False
        if self._view is None:
            self.new()
        else:
            self._dirty = False
            self.load(self._view.id)
        self._set_banner("info", self.tr("Changes discarded"))
        return True

    def load(self, application_id: int) -> None:
        """Show a saved application; once submitted it is read-only, and so is a masked ID.

        Unsaved typing in the form is saved as a draft first, as with Ctrl+N.
        """
        if self.has_unsaved_input() and self.save() is None:
            return
        try:
            view = enrollment.get_application(self._ctx, application_id)
        except ServiceError as exc:
            self._show_reasons(exc.reasons)
            return
        if view.campaign_code != self._code:
            self.set_campaign(view.campaign_code)
        self._confirmed, self._sticky_warnings = set(view.confirmed), {}
        self._fill(view)
        self._set_banner("info", self.tr("Application #%1").replace("%1", str(view.id)))

    def reread_store(self) -> None:
        """A change made elsewhere (another page or desk, the CLI; F5): re-read the open application.

        What only the store knows (its ID copies, status, allowed moves, what is missing) is painted
        afresh; the fields are refilled only when no typing waits to be saved, so nothing typed is lost.
        """
        if self._view is None:
            return
        try:
            view = enrollment.get_application(self._ctx, self._view.id)
        except ServiceError as exc:
            self._show_reasons(exc.reasons)
            return
        if not self._dirty:
            self._fill(view)
            return
        self._view = view
        self.copies.set_application(view.id, view.editable, view.copies_viewable)
        self.workflow.set_view(view, self._spec.deadline.tzinfo if self._spec else None)
        self._refresh()

    def save(self) -> ApplicationView | None:
        """Save the draft (or the loaded application); a refusal is shown above the fields."""
        if self._spec is None or not self.fields_box.isEnabled():
            return None
        try:
            view = enrollment.save_application(self._ctx, self._input(), self.application_id)
        except ServiceError as exc:
            self._show_reasons(exc.reasons)
            return None
        self._fill(view)
        if view.problems:
            kept = self.tr("Saved as draft #%1 with the problems listed; it cannot move on until they are fixed")
            self._set_banner("info", kept.replace("%1", str(view.id)))
        else:
            self._set_banner("ok", self.tr("Saved — application #%1").replace("%1", str(view.id)))
        self.saved.emit(view.id)
        return view

    def move_to(self, target: str, reason: str = "") -> ApplicationView | None:
        """Move the loaded application on; unsaved edits are saved first so nothing typed is lost."""
        if self._view is None:
            return None
        if self._dirty and self.fields_box.isEnabled() and self.save() is None:
            return None
        try:
            view = enrollment.move_application(self._ctx, self._view.id, target, reason)
        except ServiceError as exc:
            self._show_reasons(exc.reasons)
            return None
        self._fill(view)
        now = status_label(view.status, current_lang())
        self._set_banner("ok", self.tr("Application #%1 is now: %2").replace("%1", str(view.id)).replace("%2", now))
        self.saved.emit(view.id)
        return view

    def open_pool_browser(self) -> None:
        if not self.new_radio.isChecked() or not self.fields_box.isEnabled() or not self._code:
            return
        typed = self.number_edit.text().strip()
        # A number kept from before the switch to a pool number is no tail to filter the pool by.
        tail = typed if typed.isdigit() and any(n.endswith(typed) for n in self._pool_numbers) else ""
        number, accepted = PoolBrowser.pick(self._ctx, self._code, tail, self)
        if accepted and number:
            self.number_edit.setText(number)
            self._edited()
            self.packages_edit.setFocus() if self.packages_edit.isEnabled() else self.plan_combo.setFocus()

    # ----- keyboard -----

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        """Enter in any field saves; line edits, combos and radios all pass Enter up to here."""
        focus = self.focusWidget()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and focus is not None and self.fields_box.isAncestorOf(focus):
            self.save()
            return
        super().keyPressEvent(event)

    # ----- reading and filling -----

    def _input(self) -> ApplicationInput:
        existing = self.keep_radio.isChecked()
        return ApplicationInput(
            campaign_code=self._code,
            department=self.dept_combo.currentText(),
            name=self.name_edit.text(),
            id_number=self.id_edit.text(),
            id_type=self.doc_type_combo.currentData(),
            number_source="existing" if existing else "pool",
            msisdn=self.number_edit.text(),
            current_packages=self.packages_edit.text() if existing else "",
            plan=self.plan_combo.currentData() or "",
            addons=tuple(self._checked_addons()),
            note=self.note_edit.text(),
            confirmed=frozenset(self._confirmed),
            late_reason=self.late_edit.text() if self.late_edit.isEnabled() else "",
        )

    def _fill(self, view: ApplicationView) -> None:
        self._view = view
        editable = view.editable
        self.dept_combo.setEditText(view.department)
        self.name_edit.setText(view.name)
        self.doc_type_combo.blockSignals(True)
        self.doc_type_combo.setCurrentIndex(max(0, self.doc_type_combo.findData(view.id_type)))
        self.doc_type_combo.blockSignals(False)
        self.id_edit.setText(view.id_number)
        (self.keep_radio if view.number_source == "existing" else self.new_radio).setChecked(True)
        self.number_edit.setText(view.msisdn or "")
        self.packages_edit.setText(view.current_packages)
        self.plan_combo.blockSignals(True)
        self.plan_combo.setCurrentIndex(max(0, self.plan_combo.findData(view.plan or "")))
        self.plan_combo.blockSignals(False)
        self._fill_addons(view.addons)
        self.note_edit.setText(view.note)
        self.late_edit.setText(view.late_reason or "")
        self._confirmed |= set(view.confirmed)
        self._sticky_warnings.update({r.code.removeprefix("confirm."): r.text(current_lang()) for r in view.missing if r.confirm})
        self.fields_box.setEnabled(editable)
        self.copies.set_application(view.id, editable, view.copies_viewable)
        self.workflow.set_view(view, self._spec.deadline.tzinfo if self._spec else None)
        self._dirty = False
        self._refresh()

    def _plan_text(self, name: str, fee: Decimal, included: tuple[str, ...], keep_current: bool) -> str:
        addons = {a.code: a.monthly_fee for a in self._spec.addons} if self._spec else {}
        total = monthly_fee(fee, included, (), addons)
        if keep_current:
            return self.tr("%1 — current fee + %2 yuan a month").replace("%1", name).replace("%2", f"{total:.2f}")
        return self.tr("%1 — %2 yuan a month").replace("%1", name).replace("%2", f"{total:.2f}")

    def _fill_addons(self, checked: tuple[str, ...]) -> None:
        """The campaign's add-ons the chosen plan does not already include."""
        plan_code = self.plan_combo.currentData()
        plan = next((p for p in self._spec.plans if p.item.code == plan_code), None) if self._spec else None
        included = plan.included_addons if plan else ()
        self.addons_list.blockSignals(True)
        self.addons_list.clear()
        for addon in self._spec.addons if self._spec else ():
            if addon.code in included:
                continue
            item = QtWidgets.QListWidgetItem(self.tr("%1 (+%2 yuan)").replace("%1", addon.name).replace("%2", f"{addon.monthly_fee:.2f}"))
            item.setData(Qt.ItemDataRole.UserRole, addon.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if addon.code in checked else Qt.CheckState.Unchecked)
            self.addons_list.addItem(item)
        self.addons_list.blockSignals(False)
        self.addons_list.setVisible(self.addons_list.count() > 0)
        self.addons_none.setVisible(self.addons_list.count() == 0)

    def _checked_addons(self) -> list[str]:
        items = (self.addons_list.item(i) for i in range(self.addons_list.count()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items if item.checkState() == Qt.CheckState.Checked]

    # ----- live checks (domain functions only: no I/O on a keystroke) -----

    def _edited(self, *_args: object) -> None:
        """A change to what the refusal was about: the banner goes (the field notes still say what is wrong)."""
        self._dirty = True
        self.typing.emit()
        if self.banner_state == "reason":
            self._set_banner("", "")
        self._refresh()

    def _plan_changed(self, *_args: object) -> None:
        self._fill_addons(tuple(self._checked_addons()))
        self._edited()

    def _refresh(self) -> None:
        existing = self.keep_radio.isChecked()
        self.choose_button.setEnabled(not existing)
        self.packages_edit.setEnabled(existing)
        self.number_edit.setPlaceholderText(
            self.tr("The number the person keeps") if existing else self.tr("Type the number or press F4 to choose one")
        )
        self._check_fields(existing)
        if self.late_edit.text().strip():
            self.notes["late"].put("", "")
        if self.plan_combo.currentData():
            self.notes["plan"].put("", "")
        self._refresh_late()
        self._refresh_missing()
        self._refresh_confirmations()

    def _check_fields(self, existing: bool) -> None:
        """Notes under the fields from the domain's ``check_fields``, the one IntakeRules also uses on save.

        A masked ID (staff without the right to see it whole) is not checked again: the note says
        what the service found when it was saved.
        """
        lang = current_lang()
        view = self._view
        masked = view is not None and view.id_masked and self.id_edit.text() == view.id_number
        fields = IntakeFields(
            department=self.dept_combo.currentText(), name=self.name_edit.text(), id_type=self.doc_type_combo.currentData(),
            id_number=self.id_edit.text(), number_source="existing" if existing else "pool", msisdn=self.number_edit.text(),
            current_packages=self.packages_edit.text() if existing else "",
        )
        spec = self._spec
        facts = CampaignFacts(
            {d.name for d in spec.departments} if spec else set(), spec.required_carrier if spec else None,
            spec.excluded_packages if spec else (), self._pool_numbers.__contains__,
        )
        checks = check_fields(fields, facts, self._ctx.store.segments, self._ctx.now().date(), typing=True,
                              masked_id_valid=view.id_valid if masked and view else None)
        for key in FIELDS:
            note = checks.notes.get(key, Note())
            if key != "name" or note.lines or self.name_edit.text().strip():
                self.notes[key].put(note.state, note.text(lang))
        self._id_ok = checks.id_valid
        self._number_ok = checks.mobile is not None
        self._live_warnings = {w.code: w.text(lang) for w in checks.number_warnings if w.confirm}

    def _refresh_late(self) -> None:
        late = self._spec is not None and self._view is None and not check_deadline(self._ctx.now(), self._spec.deadline).ok
        may = self._ctx.actor.may(Permission.ACCEPT_LATE)
        if late:
            assert self._spec is not None
            reason = check_deadline(self._ctx.now(), self._spec.deadline).reasons[0].text(current_lang())
            extra = "" if may else "\n" + self.tr("Only office staff may accept a late application.")
            self.late_banner.setText(reason + extra)
        self.late_banner.setVisible(late)
        self.late_label.setVisible(late)
        self.late_field.setVisible(late)
        self.late_edit.setEnabled(late and may)

    def _refresh_missing(self) -> None:
        lang = current_lang()
        if self._view is not None and not self._dirty:
            reasons = [r for r in self._view.missing if not r.confirm]
            lines = [f"• {r.text(lang)}" for r in reasons]
        else:
            copies = self._view
            have = Completeness(
                id_valid=self._id_ok,
                has_front_copy=bool(copies and copies.has_front),
                has_back_copy=bool(copies and copies.has_back),
                has_number=self._number_ok,
                has_plan=bool(self.plan_combo.currentData()),
            )
            lines = [f"• {r.text(lang)}" for r in missing_items(have)]
            unsaved = self.tr("Changes not saved yet (Enter saves)") if self._view else self.tr("Not saved yet (Enter saves)")
            lines.insert(0, "• " + unsaved)
        unconfirmed = any(code not in self._confirmed for code in {**self._sticky_warnings, **self._live_warnings})
        text = "\n".join(lines) or (self.tr("Only the confirmation below is missing") if unconfirmed else self.tr("Nothing missing ✓"))
        if text != self.missing_label.text():
            self.missing_label.setText(text)
        state = "reason" if lines else "warning" if unconfirmed else "ok"
        if state != self.missing_state:
            self.missing_state = state
            self.missing_label.setStyleSheet(text_style(state))

    def _refresh_confirmations(self) -> None:
        texts = {**self._sticky_warnings, **self._live_warnings}
        stored = self._view.confirmed if self._view else frozenset()
        self.confirm_list.set_items([(code, text, code in self._confirmed, code in stored) for code, text in texts.items()])

    # ----- reactions -----

    def _confirm_toggled(self, code: str, on: bool) -> None:
        """A saved application records the confirmation at once; a draft sends it with the save."""
        (self._confirmed.add if on else self._confirmed.discard)(code)
        if not on or self._view is None or code in self._view.confirmed:
            self._refresh_missing()
            return
        try:
            view = enrollment.confirm_warning(self._ctx, self._view.id, code)
        except ServiceError as exc:
            self._show_reasons(exc.reasons)
            return
        self._updated(view)

    def _copies_changed(self, view: ApplicationView) -> None:
        self._updated(view)

    def _updated(self, view: ApplicationView) -> None:
        """A change made beside the fields (a copy, a confirmation): keep what is typed, refresh the rest."""
        self._view = view
        self.workflow.set_view(view, self._spec.deadline.tzinfo if self._spec else None)
        self._refresh()
        self.saved.emit(view.id)

    def _save_for_copies(self) -> int | None:
        view = self.save()
        return view.id if view else None

    def _show_reasons(self, reasons: tuple[Reason, ...]) -> None:
        """Reasons go above the fields and beside the field they concern; focus goes to the first."""
        log.info("refused: %s", "; ".join(r.code for r in reasons))
        lang = current_lang()
        self._set_banner("reason", "\n".join(f"• {r.text(lang)}" for r in reasons))
        first = None
        for reason in reasons:
            key = next((k for prefix, k in FIELD_OF_CODE if reason.code.startswith(prefix)), None)
            if key is not None:
                self.notes[key].put("reason", reason.text(lang))
                first = first or key
        widgets = {"dept": self.dept_combo, "name": self.name_edit, "id": self.id_edit, "number": self.number_edit,
                   "packages": self.packages_edit, "plan": self.plan_combo, "late": self.late_edit}
        if first is not None and widgets[first].isEnabled():
            widgets[first].setFocus()

    def _set_banner(self, state: str, text: str) -> None:
        self.banner_state = state if text else ""
        if self.banner_state:
            self.banner.setStyleSheet(banner_style(state))
        self.banner.setText(text)
        self.banner.setVisible(bool(text))
