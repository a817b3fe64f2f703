"""The intake form's fields: built in tab order, read into the service's input, filled from a saved application.

The fields only hold what is typed and paint what they are told: the notes under them, the plans
the service offers now (a new number offers no "keep the current plan"), the add-ons beside the
chosen plan; F4 fills the number from the pool browser. Nothing here decides whether a value is right.
"""

from __future__ import annotations

from collections.abc import Callable

from kaccount_desk.domain.id_documents import IdDocumentType
from kaccount_desk.domain.intake import IntakeFields, Note
from kaccount_desk.services.context import Context
from kaccount_desk.services.enrollment import ApplicationInput, ApplicationView
from kaccount_desk.services.intake_preview import AddonChoice, PlanChoice
from kaccount_desk.ui.enrollment.field_note import FieldNote
from kaccount_desk.ui.enrollment.pool_browser import PoolBrowser
from kaccount_desk.ui.fit import narrow_combo
from kaccount_desk.ui.messages import current_lang
from kaccount_desk.ui.palette import text_style
from kaccount_desk.ui.qt import Qt, QtGui, QtWidgets

NOTE_KEYS = ("dept", "name", "id", "number", "packages", "plan", "late")


class IntakeFieldWidgets(QtWidgets.QWidget):
    """The field widgets of :class:`IntakeForm` and what reads, fills and paints them."""

    _ctx: Context
    _code: str
    _confirmed: set[str]
    _pool_numbers: frozenset[str]
    _edited: Callable[[str], None]
    _ask_preview: Callable[..., None]
    _shown_plans: tuple[PlanChoice, ...] = ()
    _shown_addons: tuple[AddonChoice, ...] = ()

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
        self.plan_combo.addItem(self.tr("— choose a plan —"), "")
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
        # The ID's note says the most (a wrong check digit, the same person's other application): two lines.
        self.notes = {key: FieldNote(2 if key == "id" else 1) for key in NOTE_KEYS}
        self.card_line = FieldNote(2)  # who the kept number (or the ID number) is, from the customer card: two lines hold it

    def _field(self, widget: QtWidgets.QWidget, key: str, *extra: QtWidgets.QWidget, card: bool = False) -> QtWidgets.QWidget:
        """The field with its note below; ``card``: also the customer card's line (issue 24), under the number."""
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
        if card:
            column.addWidget(self.card_line)
        return box

    def _lay_out_fields(self) -> None:
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
            (self.tr("&Mobile number:"), self._field(self.number_edit, "number", self.choose_button, card=True), self.number_edit),
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

    def open_pool_browser(self) -> None:
        if not self.new_radio.isChecked() or not self.fields_box.isEnabled() or not self._code:
            return
        typed = self.number_edit.text().strip()
        # A number kept from before the switch to a pool number is no tail to filter the pool by.
        tail = typed if typed.isdigit() and any(n.endswith(typed) for n in self._pool_numbers) else ""
        number, accepted = PoolBrowser.pick(self._ctx, self._code, tail, self)
        if accepted and number:
            self.number_edit.setText(number)
            self._edited("number")
            self._ask_preview()
            self.packages_edit.setFocus() if self.packages_edit.isEnabled() else self.plan_combo.setFocus()

    # ----- reading and filling -----

    def _input(self) -> ApplicationInput:
        existing = self.keep_radio.isChecked()
        fields = IntakeFields(
            department=self.dept_combo.currentText(),
            name=self.name_edit.text(),
            id_number=self.id_edit.text(),
            id_type=self.doc_type_combo.currentData(),
            number_source="existing" if existing else "pool",
            msisdn=self.number_edit.text(),
            current_packages=self.packages_edit.text() if existing else "",
        )
        return ApplicationInput(
            self._code,
            fields,
            plan=self.plan_combo.currentData() or "",
            addons=tuple(self._checked_addons()),
            note=self.note_edit.text(),
            confirmed=frozenset(self._confirmed),
            late_reason=self.late_edit.text() if self.late_edit.isEnabled() else "",
        )

    def _fill_fields(self, view: ApplicationView) -> None:
        self.dept_combo.setEditText(view.department)
        self.name_edit.setText(view.name)
        self._choose(self.doc_type_combo, view.id_type)
        self.id_edit.setText(view.id_number)
        (self.keep_radio if view.number_source == "existing" else self.new_radio).setChecked(True)
        self.number_edit.setText(view.msisdn or "")
        self.packages_edit.setText(view.current_packages)
        self._choose(self.plan_combo, view.plan or "")
        self._check_addons(view.addons)
        self.note_edit.setText(view.note)
        self.late_edit.setText(view.late_reason or "")

    @staticmethod
    def _choose(combo: QtWidgets.QComboBox, data: str) -> None:
        """Select by data without a change signal: filling is not typing."""
        combo.blockSignals(True)
        combo.setCurrentIndex(max(0, combo.findData(data)))
        combo.blockSignals(False)

    def _checked_addons(self) -> list[str]:
        items = (self.addons_list.item(i) for i in range(self.addons_list.count()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items if item.checkState() == Qt.CheckState.Checked]

    def _check_addons(self, checked: tuple[str, ...]) -> None:
        self.addons_list.blockSignals(True)
        for i in range(self.addons_list.count()):
            item = self.addons_list.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in checked
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.addons_list.blockSignals(False)

    # ----- painting what the service said -----

    def _paint_plans(self, plans: tuple[PlanChoice, ...]) -> bool:
        """The campaign's plans with their fees; one the service does not offer now is greyed out.

        Returns True when the chosen plan was not offered and was cleared, so the caller asks again.
        """
        if plans != self._shown_plans:
            keep = self.plan_combo.currentData()
            self.plan_combo.blockSignals(True)
            while self.plan_combo.count() > 1:
                self.plan_combo.removeItem(1)
            for plan in plans:
                fee = f"{plan.monthly_fee:.2f}"
                text = (self.tr("%1 — current fee + %2 yuan a month") if plan.keep_current else self.tr("%1 — %2 yuan a month"))
                self.plan_combo.addItem(text.replace("%1", plan.name).replace("%2", fee), plan.code)
            self.plan_combo.setCurrentIndex(max(0, self.plan_combo.findData(keep)))
            self.plan_combo.blockSignals(False)
            self._shown_plans = plans
        model = self.plan_combo.model()
        assert isinstance(model, QtGui.QStandardItemModel)  # a combo box's own model
        for row, plan in enumerate(plans, start=1):
            item = model.item(row)
            if item is not None:
                item.setEnabled(plan.offered)
        chosen = next((p for p in plans if p.code == self.plan_combo.currentData()), None)
        if chosen is None or chosen.offered:
            return False
        self._choose(self.plan_combo, "")
        return True

    def _paint_addons(self, addons: tuple[AddonChoice, ...]) -> None:
        """The add-ons the chosen plan does not include already; ticks survive a repaint."""
        if addons == self._shown_addons:
            return
        checked = set(self._checked_addons())
        self.addons_list.blockSignals(True)
        self.addons_list.clear()
        for addon in addons:
            item = QtWidgets.QListWidgetItem(self.tr("%1 (+%2 yuan)").replace("%1", addon.name).replace("%2", f"{addon.monthly_fee:.2f}"))
            item.setData(Qt.ItemDataRole.UserRole, addon.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if addon.code in checked else Qt.CheckState.Unchecked)
            self.addons_list.addItem(item)
        self.addons_list.blockSignals(False)
        self.addons_list.setVisible(bool(addons))
        self.addons_none.setVisible(not addons)
        self._shown_addons = addons

    def _paint_note(self, key: str, note: Note) -> None:
        self.notes[key].put(note.state, note.text(current_lang()))

    def field_widget(self, key: str) -> QtWidgets.QWidget:
        """The widget a note's key belongs to, for focus after a refusal."""
        return {"dept": self.dept_combo, "name": self.name_edit, "id": self.id_edit, "number": self.number_edit,
                "packages": self.packages_edit, "plan": self.plan_combo, "late": self.late_edit}[key]
