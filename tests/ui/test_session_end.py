"""A shutdown ends the session cleanly: SIGTERM keeps the typing as drafts and the program exits 0.

The app used to ignore SIGTERM while idle (Python's handler waits for Python to run, and a Qt loop
waiting for input runs none), so a shutdown or logoff killed it without keeping what was typed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from qt_dialogs import MessageBoxes
from support import PASSWORD, make_staff

from kaccount_desk.services import drafts
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import StoreUnavailable
from kaccount_desk.ui import operations
from kaccount_desk.ui.counter_session import CounterSession
from kaccount_desk.ui.enrollment.intake_form import IntakeForm
from kaccount_desk.ui.login import LoginDialog
from kaccount_desk.ui.main_window import MainWindow
from kaccount_desk.ui.qt import QtCore, QtWidgets

CHILD = Path(__file__).with_name("session_end_child.py")


def test_sigterm_while_idle_keeps_the_typing_and_exits_promptly(qtbot, admin: Context, campaign: str, store_path: Path,
                                                                 boxes: MessageBoxes) -> None:
    clerk = make_staff(admin, "C001", "clerk", "铸造事业部")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(CHILD.parent.parent), *sys.path])}
    child = subprocess.Popen([sys.executable, str(CHILD), str(store_path), "C001"], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.strip() == "typed", child.stderr.read() if child.stderr else ""
        assert drafts.kept(clerk, "application") is None  # only the end of the session keeps it
        time.sleep(0.5)  # idle in Qt's loop, no Python running
        sent = time.monotonic()
        child.send_signal(signal.SIGTERM)
        code = child.wait(timeout=30)
        took = time.monotonic() - sent
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(timeout=30)
    assert code == 0, child.stderr.read() if child.stderr else ""
    assert took < 10, f"{took:.1f} s to end"
    kept = drafts.kept(clerk, "application")
    assert kept is not None and kept.fields["name"] == "王小明"
    boxes.default = QtWidgets.QMessageBox.StandardButton.Yes
    window = MainWindow(clerk)  # the next start offers it back
    qtbot.addWidget(window)
    window.offer_drafts()
    qtbot.waitUntil(operations.idle)  # the drafts are looked for in a worker
    form = window.findChild(IntakeForm)
    assert form is not None and form.name_edit.text() == "王小明" and form.id_edit.text() == "130981198001011"


@pytest.mark.usefixtures("english")
def test_file_log_out_lets_the_next_clerk_log_in_without_closing_the_program(qtbot, qapp, admin: Context, campaign: str) -> None:
    clerk = make_staff(admin, "C001", "clerk", "客服热线")
    make_staff(admin, "S001", "supervisor", "客服热线")
    window = MainWindow(clerk)
    qtbot.addWidget(window)
    session = CounterSession(qapp, window)
    window.show()
    file_menu = window.menuBar().actions()[0].menu()
    log_out = next(action for action in file_menu.actions() if action.text() == "Log out / switch &user…")

    forgotten: list[str] = []

    def log_in() -> None:
        dialog = QtWidgets.QApplication.activeModalWidget()
        if not isinstance(dialog, LoginDialog):
            QtCore.QTimer.singleShot(20, log_in)
            return
        try:  # while the next clerk is asked, no data key is held
            admin.store.keys  # noqa: B018 - what a reader of an ID number asks
        except StoreUnavailable as exc:
            forgotten.append(exc.reasons[0].code)
        dialog.staff_no.setText("S001")
        dialog.password.setText(PASSWORD)
        dialog.accept()

    QtCore.QTimer.singleShot(0, log_in)
    log_out.trigger()
    new = session.window
    qtbot.addWidget(new)
    assert new is not window and new.ctx.actor.staff_no == "S001" and new.isVisible() and not window.isVisible()
    assert "Supervisor" in new.staff_label.text()
    assert forgotten == ["store.key.put_away"]
    assert admin.store.keys is not None  # the next clerk's password unsealed it again
