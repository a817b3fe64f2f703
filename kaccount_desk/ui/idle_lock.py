"""The window locks itself after a while without input: counter PCs are shared.

Nothing is closed or saved: the pages are hidden behind a password prompt and shown again, as
they were, when the same person types their password (a half-typed form stays half-typed). The
password goes through staff.authenticate, so wrong guesses here count toward the lockout too.
"""

from __future__ import annotations

from kaccount_desk.services import staff
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import ServiceError
from kaccount_desk.ui.messages import error_text
from kaccount_desk.ui.palette import text_style
from kaccount_desk.ui.qt import QtCore, QtWidgets, Signal, Slot

_INPUT = {
    QtCore.QEvent.Type.KeyPress, QtCore.QEvent.Type.MouseButtonPress, QtCore.QEvent.Type.MouseMove,
    QtCore.QEvent.Type.Wheel, QtCore.QEvent.Type.TouchBegin,
}


class UnlockDialog(QtWidgets.QDialog):
    """Asks the person who is logged in for their password; nobody else can unlock this window."""

    def __init__(self, ctx: Context, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Locked"))
        who = QtWidgets.QLabel(self.tr("Locked after a while without use. %1 (%2), type your password to go on.")
                               .replace("%1", ctx.actor.name).replace("%2", ctx.actor.staff_no))
        who.setWordWrap(True)
        self.password = QtWidgets.QLineEdit()
        self.password.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        self.error = QtWidgets.QLabel()
        self.error.setStyleSheet(text_style("reason"))
        self.error.setWordWrap(True)
        self.unlock_button = QtWidgets.QPushButton(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.try_unlock)
        layout = QtWidgets.QVBoxLayout(self)
        for widget in (who, self.password, self.error, self.unlock_button):
            layout.addWidget(widget)

    @Slot()
    def try_unlock(self) -> None:
        try:
            actor = staff.authenticate(self.ctx.store, self.ctx.actor.staff_no, self.password.text())
        except ServiceError as exc:
            self.error.setText(error_text(exc))
            self.password.clear()
            return
        if actor.id == self.ctx.actor.id:
            self.password.clear()
            self.accept()

    def reject(self) -> None:
        """Escape and the close button do nothing: only the password opens the window."""


class IdleLock(QtCore.QObject):
    """Restarts its timer on every input to the application; when it runs out, locks ``window``."""

    locked = Signal()
    unlocked = Signal()

    def __init__(self, window: QtWidgets.QMainWindow, ctx: Context, minutes: int) -> None:
        super().__init__(window)
        self.window, self.ctx = window, ctx
        self.dialog: UnlockDialog | None = None
        self.timer = QtCore.QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(max(1, minutes) * 60_000)
        self.timer.timeout.connect(self.lock)
        app = QtWidgets.QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.timer.start()

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if self.dialog is None and event.type() in _INPUT:
            self.timer.start()
        return False

    @property
    def is_locked(self) -> bool:
        return self.dialog is not None

    @Slot()
    def lock(self) -> None:
        if self.dialog is not None:
            return
        central = self.window.centralWidget()
        if central is not None:
            central.hide()
        self.dialog = UnlockDialog(self.ctx, self.window)
        self.dialog.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
        self.dialog.accepted.connect(self._unlocked)
        self.dialog.open()
        self.locked.emit()

    @Slot()
    def _unlocked(self) -> None:
        central = self.window.centralWidget()
        if central is not None:
            central.show()
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None
        self.timer.start()
        self.unlocked.emit()
