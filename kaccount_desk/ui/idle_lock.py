"""The window locks itself after a while without input, or at once from File → Lock: counter PCs are shared.

Nothing is closed or saved: the pages are hidden behind a prompt and shown again, as they were,
when the same person types their password (a half-typed form stays half-typed). Another clerk may
take the counter from the lock screen with their own staff ID and password ("Switch user"): the
window is then built for them, and what the locked clerk typed is kept as the locked clerk's draft
(``ui/counter_session.py``). Closing the lock screen ends the program the same way. Passwords go
through staff.authenticate, so wrong guesses here count toward the lockout too.

While the lock screen shows, the data key is forgotten (``vault.lock``): a PC left locked at the
counter holds no key that opens an ID number; the password that unlocks unseals it again, in the
same worker that checks it. The typing is kept as the clerk's draft first (``locking``), while the
key still encrypts it, so closing the lock screen loses nothing.
"""

from __future__ import annotations

from kaccount_desk.services import staff, vault
from kaccount_desk.services.context import Actor, Context
from kaccount_desk.services.errors import ServiceError
from kaccount_desk.ui.messages import error_text
from kaccount_desk.ui.operations import run_query
from kaccount_desk.ui.palette import text_style
from kaccount_desk.ui.qt import QtCore, QtGui, QtWidgets, Signal, Slot

_INPUT = {
    QtCore.QEvent.Type.KeyPress, QtCore.QEvent.Type.MouseButtonPress, QtCore.QEvent.Type.MouseMove,
    QtCore.QEvent.Type.Wheel, QtCore.QEvent.Type.TouchBegin,
}
WRONG_LOGIN = "login.failed"  # the service's refusal for a wrong staff ID or password


class UnlockDialog(QtWidgets.QDialog):
    """The locked clerk's password opens the window; "Switch user" asks another clerk's staff ID and password.

    ``switched`` is the other clerk who logged in (None while the locked one unlocks); ``end_requested``
    is emitted by the close box: the program ends, keeping the locked clerk's typing for them.
    """

    end_requested = Signal()

    def __init__(self, ctx: Context, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.switched: Actor | None = None
        self.switching = False
        self._asked = 0  # the latest password check: one from before "Switch user" or "Back" is not answered
        self.setWindowTitle(self.tr("Locked"))
        self.who = QtWidgets.QLabel()
        self.who.setWordWrap(True)
        self.staff_no = QtWidgets.QLineEdit()
        self.password = QtWidgets.QLineEdit()
        self.password.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        self.error = QtWidgets.QLabel()
        self.error.setStyleSheet(text_style("reason"))
        self.error.setWordWrap(True)
        self.switch_button = QtWidgets.QPushButton(self.tr("Switch user…"))
        self.switch_button.setAutoDefault(False)
        self.switch_button.clicked.connect(lambda: self.set_switching(not self.switching))
        self.unlock_button = QtWidgets.QPushButton()
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.try_unlock)
        ending = QtWidgets.QLabel(self.tr("Closing this window ends the program; unsaved typing is kept for whoever typed it."))
        ending.setWordWrap(True)
        ending.setStyleSheet(text_style("calm"))
        self.form = QtWidgets.QFormLayout()
        self.form.addRow(self.tr("Staff ID"), self.staff_no)
        self.form.addRow(self.tr("Password"), self.password)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.who)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        layout.addWidget(ending)
        self.setMinimumWidth(400)
        self.set_switching(False)

    def set_switching(self, on: bool) -> None:
        """Between the locked clerk's password alone and another clerk's staff ID and password."""
        self.switching = on
        self._asked += 1
        self.unlock_button.setEnabled(True)
        actor = self.ctx.actor
        if on:
            self.who.setText(self.tr("Another clerk: type your staff ID and password. What %1 typed is kept for them.")
                             .replace("%1", actor.name))
        else:
            self.who.setText(self.tr("Locked. %1 (%2), type your password to go on.").replace("%1", actor.name)
                             .replace("%2", actor.staff_no))
        self.form.setRowVisible(0, on)
        self.staff_no.clear()
        self.password.clear()
        self.error.clear()
        self.switch_button.setText(self.tr("Back") if on else self.tr("Switch user…"))
        self.unlock_button.setText(self.tr("Log in") if on else self.tr("Unlock"))
        (self.staff_no if on else self.password).setFocus()

    @Slot()
    def try_unlock(self) -> None:
        """Check the password off the GUI thread (argon2 and a server round trip); the dialog says it is checking."""
        if not self.unlock_button.isEnabled():
            return  # a second Enter while the first is checked
        store, tried = self.ctx.store, self.password.text()
        staff_no = self.staff_no.text() if self.switching else self.ctx.actor.staff_no
        self._asked += 1
        asked = self._asked
        self.unlock_button.setEnabled(False)
        self.error.setStyleSheet(text_style("calm"))
        self.error.setText(self.tr("Checking the password…"))
        run_query(self, lambda: staff.authenticate(store, staff_no, tried), lambda actor: self._checked(asked, actor),
                  lambda exc: self._refused(asked, tried, exc))

    def _checked(self, asked: int, actor: Actor) -> None:
        if asked != self._asked:
            return
        self.unlock_button.setEnabled(True)
        self.error.clear()
        self.password.clear()
        self.switched = None if actor.id == self.ctx.actor.id else actor
        self.accept()

    def _refused(self, asked: int, tried: str, exc: BaseException) -> bool:
        """Say why; the password tried is cleared for the next try, one typed during the check stays.

        Anything but a refusal (a store gone away) goes to the usual handling, with Unlock offered again.
        """
        current = asked == self._asked
        if current:
            self.unlock_button.setEnabled(True)
        if not isinstance(exc, ServiceError):
            if current:
                self.error.clear()
            return False
        if not current:
            return True
        wrong_password = not self.switching and any(r.code == WRONG_LOGIN for r in exc.reasons)
        self.error.setStyleSheet(text_style("reason"))
        self.error.setText(self.tr("Wrong password.") if wrong_password else error_text(exc))
        if self.password.text() == tried:
            self.password.clear()
        return True

    def reject(self) -> None:
        """Escape does nothing: only a password opens the window."""

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        event.ignore()
        self.end_requested.emit()


class IdleLock(QtCore.QObject):
    """Restarts its timer on every input to the application; when it runs out, locks ``window``.

    ``minutes`` 0 locks only when asked (File → Lock); ``set_minutes`` applies a new setting at once.
    """

    locking = Signal()  # the window keeps its typing now: the data key is forgotten next
    locked = Signal()
    unlocked = Signal()
    switched = Signal(object)  # the Actor of another clerk who logged in at the lock screen
    end_requested = Signal()

    def __init__(self, window: QtWidgets.QMainWindow, ctx: Context, minutes: int) -> None:
        super().__init__(window)
        self.window, self.ctx = window, ctx
        self.dialog: UnlockDialog | None = None
        self.timer = QtCore.QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.set_minutes(minutes)

    def watch_input(self) -> None:
        """From now on any key or click restarts the wait. The window calls it once built: an
        application-wide filter is a Python call for every event, and building the window sends
        thousands (a child added, polished, laid out), which made it the longest hold at window-up."""
        app = QtWidgets.QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        self.minutes = minutes
        if minutes > 0:
            self.timer.setInterval(minutes * 60_000)
            if self.dialog is None:
                self.timer.start()
        else:
            self.timer.stop()

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if self.dialog is None and self.minutes > 0 and event.type() in _INPUT:
            self.timer.start()
        return False

    @property
    def is_locked(self) -> bool:
        return self.dialog is not None

    @Slot()
    def lock(self) -> None:
        if self.dialog is not None:
            return
        self.timer.stop()
        central = self.window.centralWidget()
        if central is not None:
            central.hide()
        self.locking.emit()
        vault.lock(self.ctx.store)
        self.dialog = UnlockDialog(self.ctx, self.window)
        self.dialog.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
        self.dialog.accepted.connect(self._unlocked)
        self.dialog.end_requested.connect(self.end_requested)
        self.dialog.open()
        self.locked.emit()

    @Slot()
    def _unlocked(self) -> None:
        dialog = self.dialog
        self.dialog = None
        if dialog is not None:
            dialog.deleteLater()
            if dialog.switched is not None:
                self.switched.emit(dialog.switched)  # the window is built again for them; this one goes
                return
        central = self.window.centralWidget()
        if central is not None:
            central.show()
        self.set_minutes(self.minutes)
        self.unlocked.emit()
