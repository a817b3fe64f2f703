"""The window locks after idle time and opens again only with the same person's password,
with what was typed still there."""

from __future__ import annotations

import pytest
from support import PASSWORD

from kaccount_desk.services.context import Context
from kaccount_desk.ui.enrollment.intake_form import IntakeForm
from kaccount_desk.ui.main_window import MainWindow
from kaccount_desk.ui.qt import Qt
from kaccount_desk.ui.settings import IDLE_LOCK_MINUTES, Settings

pytestmark = pytest.mark.usefixtures("english")


def test_idle_time_locks_and_the_password_unlocks_keeping_the_typing(qtbot, admin: Context, campaign: str) -> None:
    window = MainWindow(admin)
    qtbot.addWidget(window)
    window.show()
    form = window.findChild(IntakeForm)
    assert form is not None
    form.name_edit.setText("张三(还没保存)")
    lock = window.idle_lock
    assert lock is not None and lock.timer.interval() == Settings().get(IDLE_LOCK_MINUTES) * 60_000
    lock.timer.setInterval(100)
    lock.timer.start()
    qtbot.waitUntil(lambda: lock.is_locked, timeout=5000)
    assert not window.centralWidget().isVisible()
    dialog = lock.dialog
    assert dialog is not None
    dialog.reject()  # Escape: stays locked
    assert lock.is_locked
    qtbot.keyClicks(dialog.password, "wrong-guess")
    dialog.unlock_button.click()
    assert lock.is_locked and dialog.error.text() == "Wrong staff ID or password"
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert not lock.is_locked
    assert window.centralWidget().isVisible()
    assert form.name_edit.text() == "张三(还没保存)"
    form.name_edit.clear()  # nothing left to ask about when the test closes the window


def test_input_restarts_the_idle_clock(qtbot, admin: Context, campaign: str) -> None:
    window = MainWindow(admin)
    qtbot.addWidget(window)
    window.show()
    lock = window.idle_lock
    assert lock is not None
    lock.timer.setInterval(60_000)
    lock.timer.start()
    qtbot.waitUntil(lambda: 0 < lock.timer.remainingTime() < 59_000, timeout=10_000)
    qtbot.keyClick(window, Qt.Key.Key_Shift)
    assert lock.timer.remainingTime() > 59_000
    assert not lock.is_locked


def test_zero_minutes_means_never(qtbot, admin: Context, campaign: str) -> None:
    settings = Settings()
    settings.set(IDLE_LOCK_MINUTES, 0)
    window = MainWindow(admin, settings)
    qtbot.addWidget(window)
    assert window.idle_lock is None
