"""The login dialog during a wait: told how long, at once; the GUI thread never sleeps (issue 20, item 11)."""

from __future__ import annotations

import time

import pytest
from support import PASSWORD

from kaccount_desk.domain.login import FREE_FAILURES
from kaccount_desk.services import staff
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import Refused
from kaccount_desk.ui import operations
from kaccount_desk.ui.login import LoginDialog
from kaccount_desk.ui.qt import Qt

pytestmark = pytest.mark.usefixtures("english")


def test_a_login_during_a_wait_says_how_long_and_returns_at_once(qtbot, admin: Context) -> None:
    for _ in range(FREE_FAILURES + 3):  # from this PC: the dialog's own tries count on it too
        with pytest.raises(Refused):
            staff.authenticate(admin.store, "NOBODY", "wrong-guess")
    dialog = LoginDialog(admin.store)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.staff_no, "A001")
    qtbot.keyClicks(dialog.password, PASSWORD)
    began = time.perf_counter()
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(operations.idle)
    assert time.perf_counter() - began < 1.0  # no argon2, no sleep: the answer comes at once
    assert dialog.result_actor is None and dialog.isVisible()
    assert dialog.error.text().startswith("Too many wrong passwords: try again in ")
    assert dialog.error.text().endswith(" s (an admin can lift the wait).")
