"""The counter PC's window over a day: built again for another language or another clerk, and ended cleanly.

Counter PCs change hands: a clerk logs out (File menu) or another clerk logs in at the lock screen,
and the window is built for them (their role's pages, their kept layout, their own drafts). What the
leaving clerk typed and did not save is kept as *their* draft, in the store, under their staff ID;
the next clerk never sees it. A shutdown (SIGTERM) or a Windows logoff (``commitDataRequest``) ends
the session the same way, asking nothing: nobody may be there to answer.

Python runs a signal handler only when it next gets control, and a Qt event loop waiting for input
gives it none (the app used to ignore SIGTERM while idle): the signal's byte is written to a socket
that a ``QSocketNotifier`` watches, which wakes the loop at once.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import socket

from kaccount_desk.services import vault
from kaccount_desk.services.context import Actor, Context
from kaccount_desk.ui.login import LoginDialog
from kaccount_desk.ui.main_window import MainWindow, rebuild_in_language
from kaccount_desk.ui.qt import QtCore, QtGui, Slot

log = logging.getLogger("kaccount_desk.ui")


class CounterSession(QtCore.QObject):
    """Holds the one window; replaces it when the language or the clerk changes, ends it on request."""

    def __init__(self, app: QtCore.QCoreApplication, window: MainWindow) -> None:
        super().__init__(app)
        self.app = app
        self.window = window
        self.wakeup: tuple[object, ...] = ()
        self._adopt(window)
        if isinstance(app, QtGui.QGuiApplication):
            app.commitDataRequest.connect(self._session_ends)

    def _adopt(self, window: MainWindow) -> None:
        window.language_changed.connect(self._switch_language)
        window.clerk_changed.connect(self._switch_clerk)
        window.logged_out.connect(self._log_in_again)
        window.end_requested.connect(self.end)

    @Slot(str)
    def _switch_language(self, code: str) -> None:
        self.window = rebuild_in_language(self.window, code)
        self._adopt(self.window)

    def _replace(self, actor: Actor) -> MainWindow:
        """The window for ``actor``: their pages and layout, and their own drafts offered back."""
        old = self.window
        new = MainWindow(Context(old.ctx.store, actor, old.ctx.lang), old.settings)
        old.hide()
        old.deleteLater()
        self.window = new
        self._adopt(new)
        new.show_on_screen()
        QtCore.QTimer.singleShot(0, new.offer_drafts)
        return new

    @Slot(object)
    def _switch_clerk(self, actor: Actor) -> None:
        """Another clerk logged in at the lock screen: the leaving clerk's typing becomes their draft first."""
        self.window.keep_for_later()
        self.window.ending = True  # its typing is kept: going away asks nothing
        log.info("switch user at the lock screen")
        self._replace(actor)

    @Slot()
    def _log_in_again(self) -> None:
        """File → Log out: the leaving clerk has settled their typing; the next one logs in, or the program ends.

        The data key is forgotten meanwhile: the next clerk's password unseals it again.
        """
        self.window.hide()
        vault.lock(self.window.ctx.store)
        actor = LoginDialog.ask(self.window.ctx.store)
        if actor is None:
            self.window.ending = True
            self.app.quit()
            return
        self._replace(actor)

    @Slot()
    def end(self) -> None:
        """Keep every form's typing as its owner's draft and the layout, then quit without a question."""
        self.window.keep_for_later()
        self.window.ending = True
        self.app.quit()

    @Slot(QtGui.QSessionManager)
    def _session_ends(self, manager: QtGui.QSessionManager) -> None:
        """A Windows logoff or shutdown: keep the typing now; the session manager ends the program."""
        self.window.keep_for_later()
        self.window.ending = True


def quit_on_terminate(session: CounterSession) -> None:
    """SIGTERM ends the session through ``session.end`` (drafts kept), also while the window idles."""
    if not hasattr(signal, "SIGTERM"):
        return
    reader, writer = socket.socketpair()
    for end in (reader, writer):
        end.setblocking(False)
    notifier = QtCore.QSocketNotifier(reader.fileno(), QtCore.QSocketNotifier.Type.Read, session)

    def woken() -> None:
        with contextlib.suppress(OSError):
            reader.recv(64)
        log.info("terminate signal: ending the session")
        session.end()

    notifier.activated.connect(woken)
    session.wakeup = (reader, writer, notifier)  # kept as long as the session: the signal writes to this socket
    signal.set_wakeup_fd(writer.fileno())
    signal.signal(signal.SIGTERM, lambda _signum, _frame: None)  # the byte on the socket does the work
