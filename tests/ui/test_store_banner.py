"""A store that cannot be used shows as a banner that retries, never as the crash dialog; the crash
dialog does not stack on itself; the open-failure dialog never shows a password.

The lock is real: a second process holds a write transaction on the store's file while the
window's action waits out SQLite's busy timeout.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import PASSWORD

from kaccount_desk.services import staff
from kaccount_desk.services.context import Context, Store
from kaccount_desk.services.errors import StoreUnavailable
from kaccount_desk.store import engine as engine_module
from kaccount_desk.ui import main as gui_main
from kaccount_desk.ui import operations
from kaccount_desk.ui.main_window import MainWindow
from kaccount_desk.ui.qt import QtCore, QtWidgets

pytestmark = pytest.mark.usefixtures("english")


def _boxes() -> list[QtWidgets.QMessageBox]:
    return [w for w in QtWidgets.QApplication.topLevelWidgets() if isinstance(w, QtWidgets.QMessageBox) and w.isVisible()]


@pytest.fixture
def lock_holder(store_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch) -> Iterator[subprocess.Popen[str]]:
    """Another process holds the write lock; the store waits 1 s for it (its usual wait is a minute)."""
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 1000)
    store.engine.dispose()  # connections made from now on take the shorter wait
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sqlite3, time\n"
         f"db = sqlite3.connect({str(store_path)!r}, isolation_level=None)\n"
         "db.execute('BEGIN IMMEDIATE')\n"
         "print('holding', flush=True)\n"
         "time.sleep(120)\n"],
        stdout=subprocess.PIPE, text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
    yield holder
    holder.kill()
    holder.wait()


def test_a_locked_store_shows_the_banner_and_it_clears_on_retry(qtbot, admin: Context, lock_holder: subprocess.Popen[str]) -> None:
    window = MainWindow(admin)
    qtbot.addWidget(window)
    window.show()
    assert window.store_banner.isHidden()
    with qtbot.capture_exceptions() as caught:  # a slot's exception, as Qt hands it to sys.excepthook
        QtCore.QTimer.singleShot(0, lambda: staff.create_staff(admin, "C009", "员工", "clerk", PASSWORD))
        qtbot.waitUntil(lambda: bool(caught), timeout=30000)
    exc_type, exc, tb = caught[0]
    assert exc_type is StoreUnavailable
    opened: list[str] = []
    QtCore.QTimer.singleShot(500, lambda: [opened.append(b.text()) or b.close() for b in _boxes()])
    gui_main.show_unexpected(exc_type, exc, tb)
    qtbot.wait(700)
    assert opened == [], "a store condition must not open the crash dialog"
    assert window.store_banner.isVisible() and "locked" in window.store_banner.text.text()
    assert window.store_banner.timer.isActive()
    window.store_banner.retry()  # in a worker: the store's one-second wait for the lock does not hold the window
    window.store_banner.retry()  # one attempt at a time
    assert window.store_banner.cursor().shape() == QtCore.Qt.CursorShape.BusyCursor
    qtbot.waitUntil(operations.idle, timeout=10000)
    assert window.store_banner.isVisible() and "locked" in window.store_banner.text.text()
    lock_holder.kill()
    lock_holder.wait()
    with qtbot.waitSignal(window.store_banner.recovered, timeout=10000):
        window.store_banner.retry_button.click()
    assert window.store_banner.isHidden() and not window.store_banner.timer.isActive()


def test_the_crash_dialog_does_not_stack_on_itself(qtbot) -> None:
    seen: list[int] = []

    def second_error() -> None:
        try:
            raise RuntimeError("second")
        except RuntimeError as exc:
            gui_main.show_unexpected(RuntimeError, exc, exc.__traceback__)  # must return at once, opening nothing

    def look_and_close() -> None:
        seen.append(len(_boxes()))
        for box in _boxes():
            box.close()

    QtCore.QTimer.singleShot(100, second_error)
    QtCore.QTimer.singleShot(400, look_and_close)
    QtCore.QTimer.singleShot(1500, look_and_close)  # only reached if a second dialog had stacked
    try:
        raise ValueError("first")
    except ValueError as exc:
        gui_main.show_unexpected(ValueError, exc, exc.__traceback__)
    assert seen[0] == 1
    qtbot.wait(1300)
    assert seen == [1, 0]
    assert not gui_main._crash_dialog_open


def test_the_open_failure_dialog_hides_the_password(message_boxes: list[tuple[str, str]]) -> None:
    assert gui_main._open_store("postgresql+psycopg://kad:hunter2-secret@127.0.0.1:1/kad", "en") is None
    assert len(message_boxes) == 1
    kind, text = message_boxes[0]
    assert kind == "critical" and "kad:***@127.0.0.1" in text and "hunter2-secret" not in text
    assert "cannot be reached" in text
