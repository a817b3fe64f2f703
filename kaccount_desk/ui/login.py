"""The two doors into the app: creating the first administrator, and logging in.

Both dialogs do their work in ``accept`` and keep the result on the object, so tests drive them
with qtbot and read ``result_actor``; only the ``ask`` classmethods call ``exec``.
Refusals are shown under the fields rather than in a message box: the person is typing.
"""

from __future__ import annotations

from kaccount_desk.services import campaigns, staff
from kaccount_desk.services.context import Actor, Context, Store
from kaccount_desk.services.errors import ServiceError
from kaccount_desk.ui.messages import current_lang, error_text
from kaccount_desk.ui.palette import text_style
from kaccount_desk.ui.qt import QtWidgets


def _error_label() -> QtWidgets.QLabel:
    label = QtWidgets.QLabel()
    label.setStyleSheet(text_style("reason"))
    label.setWordWrap(True)
    label.hide()
    return label


def _password_field() -> QtWidgets.QLineEdit:
    field = QtWidgets.QLineEdit()
    field.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
    return field


class FirstRunDialog(QtWidgets.QDialog):
    """An empty store has nobody to log in as: the first person becomes its administrator."""

    def __init__(self, store: Store, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.result_actor: Actor | None = None
        self.loaded_campaign: str | None = None
        self.setWindowTitle(self.tr("KAccount Desk — first start"))
        intro = QtWidgets.QLabel(
            self.tr("This database has no staff yet. Create the administrator account; "
                    "the administrator then adds clerks, collectors and office staff.")
        )
        intro.setWordWrap(True)
        self.staff_no = QtWidgets.QLineEdit()
        self.name = QtWidgets.QLineEdit()
        self.password = _password_field()
        self.repeat = _password_field()
        self.load_sample = QtWidgets.QCheckBox(self.tr("Load the sample campaign (2012 notice)"))
        self.load_sample.setChecked(True)
        self.error = _error_label()
        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("Staff ID"), self.staff_no)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Repeat password"), self.repeat)
        form.addRow("", QtWidgets.QLabel(self.tr("At least 8 characters, not a common password.")))
        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Create administrator"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.load_sample)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def accept(self) -> None:
        if self.password.text() != self.repeat.text():
            self._show_error(self.tr("The two passwords differ."))
            self.repeat.setFocus()
            self.repeat.selectAll()
            return
        try:
            actor = staff.create_first_admin(self.store, self.staff_no.text(), self.name.text(), self.password.text())
        except ServiceError as exc:
            self._show_error(error_text(exc))
            return
        self.result_actor = actor
        if self.load_sample.isChecked():
            ctx = Context(self.store, actor, current_lang())
            try:
                self.loaded_campaign = campaigns.load_campaign_file(ctx, campaigns.sample_campaign_path(ctx)).code
            except ServiceError as exc:
                # The account exists now; a sample that fails to load must not lock anyone out.
                QtWidgets.QMessageBox.warning(self, self.tr("Sample campaign not loaded"), error_text(exc))
        super().accept()

    @classmethod
    def ask(cls, store: Store, parent: QtWidgets.QWidget | None = None) -> Actor | None:
        dialog = cls(store, parent)
        dialog.exec()
        return dialog.result_actor


class LoginDialog(QtWidgets.QDialog):
    """工号 and password; Enter logs in, a wrong password keeps what was typed."""

    def __init__(self, store: Store, parent: QtWidgets.QWidget | None = None, staff_no: str = "") -> None:
        super().__init__(parent)
        self.store = store
        self.result_actor: Actor | None = None
        self.setWindowTitle(self.tr("KAccount Desk — log in"))
        self.staff_no = QtWidgets.QLineEdit(staff_no)
        self.password = _password_field()
        self.error = _error_label()
        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("Staff ID"), self.staff_no)
        form.addRow(self.tr("Password"), self.password)
        form.addRow("", self.error)
        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Log in"))
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(360)
        (self.password if staff_no else self.staff_no).setFocus()

    def accept(self) -> None:
        try:
            self.result_actor = staff.authenticate(self.store, self.staff_no.text(), self.password.text())
        except ServiceError as exc:
            self.error.setText(error_text(exc))
            self.error.show()
            self.password.setFocus()
            self.password.selectAll()
            return
        super().accept()

    @classmethod
    def ask(cls, store: Store, parent: QtWidgets.QWidget | None = None) -> Actor | None:
        dialog = cls(store, parent)
        dialog.exec()
        return dialog.result_actor
