"""A strip above the pages saying the store cannot be used now, which retries until it can.

A store that is down, locked past its wait, full or refusing the login is a condition of the
office, not a bug: the person is told in words, keeps the window and whatever is typed in it,
and the banner goes away by itself once the store answers again. It never blocks (no dialog),
so a counter can keep talking to the customer while the network comes back.
"""

from __future__ import annotations

import logging
import weakref

from kaccount_desk.services.context import Store
from kaccount_desk.services.errors import StoreUnavailable
from kaccount_desk.ui.messages import current_lang
from kaccount_desk.ui.operations import busy, run_query
from kaccount_desk.ui.palette import text_style
from kaccount_desk.ui.qt import QtCore, QtWidgets, Signal

log = logging.getLogger("kaccount_desk.ui")

RETRY_MS = 5000
_active: weakref.ref[StoreBanner] | None = None


class StoreBanner(QtWidgets.QFrame):
    """Hidden while the store works; ``recovered`` once a retry finds it answering again."""

    recovered = Signal()

    def __init__(self, store: Store, parent: QtWidgets.QWidget | None = None) -> None:
        global _active
        super().__init__(parent)
        self.store = store
        self.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
        self.text = QtWidgets.QLabel()
        self.text.setWordWrap(True)
        self.text.setStyleSheet(text_style("reason"))
        self.retry_button = QtWidgets.QPushButton(self.tr("Try again now"))
        self.retry_button.setAutoDefault(False)
        self.retry_button.clicked.connect(self.retry)
        layout = QtWidgets.QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.retry_button)
        self.timer = QtCore.QTimer(self)
        self.timer.setInterval(RETRY_MS)
        self.timer.timeout.connect(self.retry)
        self.hide()
        _active = weakref.ref(self)

    def show_problem(self, exc: StoreUnavailable) -> None:
        log.warning("store unavailable: %s", exc.code)
        self.text.setText(self.tr("The database cannot be used now: %1\nYour input stays here; trying again every %2 seconds.")
                          .replace("%1", exc.text(current_lang())).replace("%2", str(RETRY_MS // 1000)))
        self.show()
        self.timer.start()

    def retry(self) -> None:
        """Ask the store off the GUI thread (a server gone away can take seconds to say so); the window stays usable.

        A retry while one is on its way (the timer during a slow attempt, or the button) is not stacked.
        """
        if busy(self):
            return
        store = self.store
        run_query(self, store.ping, lambda _answer: self._answered(), self._still_down)

    def _answered(self) -> None:
        self.timer.stop()
        self.hide()
        log.info("store available again")
        self.recovered.emit()

    def _still_down(self, exc: BaseException) -> bool:
        if not isinstance(exc, StoreUnavailable):
            return False
        self.show_problem(exc)
        return True


def report_store_problem(exc: StoreUnavailable) -> bool:
    """Show ``exc`` on the open window's banner; False when no window is open yet (the caller tells it otherwise)."""
    banner = _active() if _active is not None else None
    try:
        if banner is None or not banner.window().isVisible():
            return False
    except RuntimeError:  # its window was deleted on the C++ side (rebuilt in another language)
        return False
    banner.show_problem(exc)
    return True
