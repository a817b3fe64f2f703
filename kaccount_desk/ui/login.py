"""The two doors into the app: creating the first administrator, and logging in.

Both dialogs start their work in ``accept`` and keep the result on the object, so tests drive them
with qtbot and read ``result_actor``; only the ``ask`` classmethods call ``exec``. The work (argon2,
~100 ms by design, and the store) runs off the GUI thread through ``ui/operations.run_query``:
the button is disabled and the cursor busy meanwhile, and a test waits for ``operations.idle``.
Refusals are shown under the fields rather than in a message box: the person is typing.

The login may be shown before its store is open (``ui/store_opening.py`` opens it behind the
dialog); Enter then waits for it. The services load inside the worker, so showing the dialog
imports no SQLAlchemy.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kaccount_desk.services.errors import ServiceError
from kaccount_desk.ui.messages import current_lang, error_text
from kaccount_desk.ui.operations import run_query, worker_job
from kaccount_desk.ui.palette import text_style
from kaccount_desk.ui.qt import Qt, QtCore, QtGui, QtWidgets, Signal, Slot
from kaccount_desk.ui.store_opening import StoreOpening

if TYPE_CHECKING:
    from kaccount_desk.services.context import Actor, Store
    from kaccount_desk.ui.first_run import RecoveryKeyPage

# What LoginDialog.exec() returns when its store, opened behind it, cannot be logged in to (main.py says why).
CANNOT_OPEN = 2
NO_STAFF = 3


@dataclass(frozen=True)
class FirstAdmin:
    """The worker's answer to the first-run dialog: the administrator, and the sample campaign or why it failed."""

    actor: Actor
    recovery_key: str
    campaign: str | None
    sample_problem: ServiceError | None


@worker_job
def _authenticate(store: Store, staff_no: str, password: str) -> Actor:
    from kaccount_desk.services import staff

    return staff.authenticate(store, staff_no, password)


@worker_job
def _create_first_admin(store: Store, staff_no: str, name: str, password: str, sample: bool, lang: str) -> FirstAdmin:
    from kaccount_desk.services import campaigns, staff
    from kaccount_desk.services.context import Context

    first = staff.set_up(store, staff_no, name, password)
    actor, key = first.actor, first.recovery_key
    if not sample:
        return FirstAdmin(actor, key, None, None)
    ctx = Context(store, actor, "en" if lang == "en" else "zh")
    try:
        return FirstAdmin(actor, key, campaigns.load_campaign_file(ctx, campaigns.sample_campaign_path(ctx)).code, None)
    except ServiceError as exc:  # the account exists now; a sample that fails to load must not lock anyone out
        return FirstAdmin(actor, key, None, exc)


def _waiting(dialog: QtWidgets.QDialog, button: QtWidgets.QPushButton, on: bool) -> None:
    """The dialog shows it is checking: its button off (a second Enter changes nothing) and a busy cursor."""
    button.setEnabled(not on)
    if on:
        dialog.setCursor(Qt.CursorShape.BusyCursor)
    else:
        dialog.unsetCursor()


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
        self.entry = QtWidgets.QWidget()  # the fields; the recovery key takes their place once the account exists
        entry = QtWidgets.QVBoxLayout(self.entry)
        entry.setContentsMargins(0, 0, 0, 0)
        entry.addWidget(intro)
        entry.addLayout(form)
        entry.addWidget(self.load_sample)
        self.recovery: RecoveryKeyPage | None = None
        self._layout = QtWidgets.QVBoxLayout(self)
        self._layout.addWidget(self.entry)
        self._layout.addWidget(self.error)
        self._layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def accept(self) -> None:
        if self.recovery is not None:  # the account exists: Finish, once the recovery key is written down
            if self.recovery.isComplete():
                super().accept()
            return
        if not self.ok_button.isEnabled():
            return  # the account is being created
        if self.password.text() != self.repeat.text():
            self._show_error(self.tr("The two passwords differ."))
            self.repeat.setFocus()
            self.repeat.selectAll()
            return
        store, staff_no, name, password = self.store, self.staff_no.text(), self.name.text(), self.password.text()
        sample, lang = self.load_sample.isChecked(), current_lang()
        _waiting(self, self.ok_button, True)
        run_query(self, lambda: _create_first_admin(store, staff_no, name, password, sample, lang),
                  self._created, self._refused)

    def _created(self, made: FirstAdmin) -> None:
        _waiting(self, self.ok_button, False)
        self.result_actor, self.loaded_campaign = made.actor, made.campaign
        if made.sample_problem is not None:
            QtWidgets.QMessageBox.warning(self, self.tr("Sample campaign not loaded"), error_text(made.sample_problem))
        self._show_recovery_key(made.recovery_key)

    def _show_recovery_key(self, key: str) -> None:
        """The recovery key, shown this once in place of the fields; Finish waits for "written down"."""
        from kaccount_desk.ui.first_run import RecoveryKeyPage

        self.recovery = RecoveryKeyPage()
        self.recovery.show_key(key)
        # Outside a wizard a page's title and subtitle are not painted: said here, above the key.
        heading = QtWidgets.QLabel(f"<b>{self.recovery.title()}</b><br>{self.recovery.subTitle()}")
        heading.setWordWrap(True)
        self.entry.hide()
        self.error.hide()
        self._layout.insertWidget(0, self.recovery)
        self._layout.insertWidget(0, heading)
        self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Cancel).hide()
        self.ok_button.setText(self.tr("Finish"))
        self.ok_button.setEnabled(False)
        self.recovery.completeChanged.connect(lambda: self.ok_button.setEnabled(self.recovery is not None and self.recovery.isComplete()))
        # The key's four lines are taller than the fields they replace: the dialog grows, never cuts them.
        self.recovery.setMinimumSize(self.recovery.sizeHint())
        self._layout.setSizeConstraint(QtWidgets.QLayout.SizeConstraint.SetMinimumSize)

    def reject(self) -> None:
        """Esc or closing is refused while the recovery key is shown and not yet written down: it is shown only once."""
        if self.recovery is not None and not self.recovery.isComplete():
            return
        super().reject()

    def _refused(self, exc: BaseException) -> bool:
        _waiting(self, self.ok_button, False)
        if not isinstance(exc, ServiceError):
            return False
        self._show_error(error_text(exc))
        return True

    @classmethod
    def ask(cls, store: Store, parent: QtWidgets.QWidget | None = None) -> Actor | None:
        dialog = cls(store, parent)
        dialog.exec()
        return dialog.result_actor


class LoginDialog(QtWidgets.QDialog):
    """工号 and password; Enter logs in, a wrong password keeps what was typed.

    ``store`` is an open store, or a :class:`StoreOpening` still at work: then Enter waits for it,
    and a store that turns out unusable (or has nobody to log in as) ends the dialog with
    :data:`CANNOT_OPEN` (or :data:`NO_STAFF`) for the caller to say why.
    """

    shown_once = Signal()  # painted for the first time: the store may now be opened behind it

    def __init__(self, store: Store | StoreOpening, parent: QtWidgets.QWidget | None = None, staff_no: str = "") -> None:
        super().__init__(parent)
        self.opening = store if isinstance(store, StoreOpening) else None
        self.store: Store | None = None if isinstance(store, StoreOpening) else store
        self.result_actor: Actor | None = None
        self._asked = False  # Enter was pressed before the store was open
        self._painted = False
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
        if self.opening is not None:
            self.opening.done.connect(self._store_opened)
            if self.opening.ready:  # told from within exec(): done() before it would be undone by the show
                QtCore.QTimer.singleShot(0, self._store_opened)

    def paintEvent(self, event: QtGui.QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QtCore.QTimer.singleShot(0, self.shown_once.emit)  # after this paint reached the screen

    def accept(self) -> None:
        if not self.ok_button.isEnabled():
            return  # a check is under way: a second Enter is the same request
        _waiting(self, self.ok_button, True)
        if self.store is None:
            self._asked = True  # carried on when the store is open
            return
        self._check(self.store)

    @Slot()
    def _store_opened(self) -> None:
        assert self.opening is not None
        opened = self.opening.result
        if opened is None or opened.store is None:
            self.done(CANNOT_OPEN)
        elif not opened.has_staff:
            self.done(NO_STAFF)
        else:
            self.store = opened.store
            if self._asked:
                self._check(opened.store)

    def _check(self, store: Store) -> None:
        staff_no, password = self.staff_no.text(), self.password.text()
        run_query(self, lambda: _authenticate(store, staff_no, password), self._logged_in, self._refused)

    def _logged_in(self, actor: Actor) -> None:
        _waiting(self, self.ok_button, False)
        self.result_actor = actor
        super().accept()

    def _refused(self, exc: BaseException) -> bool:
        _waiting(self, self.ok_button, False)
        if not isinstance(exc, ServiceError):
            return False  # a store gone down meanwhile: told as everywhere else
        self.error.setText(error_text(exc))
        self.error.show()
        self.password.setFocus()
        self.password.selectAll()
        return True

    @classmethod
    def ask(cls, store: Store, parent: QtWidgets.QWidget | None = None) -> Actor | None:
        dialog = cls(store, parent)
        dialog.exec()
        return dialog.result_actor
